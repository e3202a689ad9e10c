package org.marginlab.engine.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.transfer.Transfer.ModeSwitch;
import org.marginlab.engine.transfer.Transfers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The liquidated state and total equity of spec workspace-and-cli.md §4, hand-checked on
 * binance-usdm (bundled first brackets: MMR 0.4 %, amount 0).
 */
class AccountOutcomeTest {
    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final String COURSE = "assets/samples/course-cross-cascade.marginlab";

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    /** The bundled course sample, read from the repository's assets as the app would read it. */
    private static Account courseSample() throws IOException {
        Path file = Path.of(System.getProperty("user.dir")).resolve("..").resolve(COURSE).normalize();
        if (!Files.exists(file)) {
            file = Path.of(COURSE);
        }
        assertThat(file).exists();
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<Position> positions = new ArrayList<>();
        for (JsonNode p : root.get("positions")) {
            Position.Builder b = Position.builder().id(p.get("id").asText()).symbol(p.get("symbol").asText())
                    .contract(ContractType.valueOf(p.get("contract").asText().toUpperCase(java.util.Locale.ROOT)))
                    .contractSize(dec(p.get("contractSize").asText()))
                    .side(Side.valueOf(p.get("side").asText().toUpperCase(java.util.Locale.ROOT)))
                    .quantity(dec(p.get("quantity").asText())).entryPrice(dec(p.get("entryPrice").asText()))
                    .markPrice(dec(p.get("markPrice").asText())).leverage(dec(p.get("leverage").asText()))
                    .marginMode(MarginMode.parse(p.get("marginMode").asText()))
                    .isolatedMargin(dec(p.get("isolatedMargin").asText()));
            if (p.has("maintenance")) {
                b.maintenance(new Maintenance(dec(p.get("maintenance").get("mmr").asText()),
                        dec(p.get("maintenance").get("maintenanceAmount").asText())));
            }
            positions.add(b.build());
        }
        return Account.of(root.get("venue").asText(), dec(root.get("walletBalance").asText()), positions);
    }

    private static AccountOutcome at(Account a, ShockScope scope, String shock) {
        BigDecimal x = dec(shock);
        return AccountOutcome.of(a, scope, x, ENGINE.evaluate(scope.apply(a, x)));
    }

    @Test
    void courseSample_at17PercentDown_loosesOnlyTheBtcMargin() throws IOException {
        Account a = courseSample();
        // W 500; btc-long 0.2 @ 60,000 20x margin 600; eth-long 2 @ 3,000 5x margin 1,200;
        // sol-long 20 @ 150 3x margin 1,000 (MMR 1 %); all isolated, marks at the entry
        assertThat(a.walletBalance()).isEqualByComparingTo("500");
        assertThat(a.positions()).extracting(Position::id).containsExactly("btc-long", "eth-long", "sol-long");
        AccountOutcome o = at(a, ShockScope.ALL, "-0.17");
        // btc: LP = (600 − 12,000)/(0.2·0.004 − 0.2) = 11,400/0.1992 = 57,228.92; mark 49,800 ≤ LP: liquidated, 0
        // eth: LP = (1,200 − 6,000)/(0.008 − 2) = 2,409.64; mark 2,490 > LP: 1,200 + 2·(2,490 − 3,000) = 180
        // sol: LP = (1,000 − 3,000)/(0.2 − 20) = 101.01; mark 124.5 > LP: 1,000 + 20·(124.5 − 150) = 490
        assertThat(o.liquidated("btc-long")).isTrue();
        assertThat(o.liquidated("eth-long")).isFalse();
        assertThat(o.liquidated(2)).isFalse();
        assertThat(o.crossLiquidated()).isFalse();
        // total 500 + 0 + 180 + 490 = 1,170 (the engine's plain sum would count btc's −1,440: −270)
        assertThat(o.totalEquity()).isEqualByComparingTo("1170");
        assertThat(o.risk().totalEquity()).isEqualByComparingTo("-270");
        assertThat(o.totalEquity()).isEqualByComparingTo(
                LiquidationCascade.DEFAULT.simulate(a, ShockScope.ALL, dec("-0.17")).equityAt(dec("-0.17")));
    }

    @Test
    void courseSample_allCross_goesAllAtOnce() throws IOException {
        Account a = courseSample();
        for (Position p : courseSample().positions()) {
            a = Transfers.apply(a, new ModeSwitch(p.id(), MarginMode.CROSS, null));
        }
        // the same money shared: W 500 + 600 + 1,200 + 1,000 = 3,300
        assertThat(a.walletBalance()).isEqualByComparingTo("3300");
        AccountOutcome o = at(a, ShockScope.ALL, "-0.17");
        // uPnL −2,040 − 1,020 − 510 = −3,570: margin balance −270 ≤ requirement 39.84 + 19.92 + 24.9 = 84.66
        assertThat(o.crossLiquidated()).isTrue();
        assertThat(o.liquidated(0)).isTrue();
        assertThat(o.liquidated(1)).isTrue();
        assertThat(o.liquidated(2)).isTrue();
        // the cascade closes all three and the insurance fund takes the shortfall: 0
        assertThat(o.totalEquity()).isEqualByComparingTo("0");
        assertThat(o.totalEquity()).isEqualByComparingTo(
                LiquidationCascade.DEFAULT.simulate(a, ShockScope.ALL, dec("-0.17")).equityAt(dec("-0.17")));
    }

    @Test
    void courseSample_solOnlyShock() throws IOException {
        // SOL −40 %: mark 90 ≤ LP 101.01, sol lost; btc and eth unmoved at the entry: 500 + 600 + 1,200 = 2,300
        AccountOutcome o = at(courseSample(), ShockScope.of("SOLUSDT"), "-0.4");
        assertThat(o.liquidated("sol-long")).isTrue();
        assertThat(o.liquidated("btc-long")).isFalse();
        assertThat(o.totalEquity()).isEqualByComparingTo("2300");
    }

    /** W 10,000; btc-long isolated 0.5 @ 60,000, 20x, margin 1,500 (LP 57,228.92). */
    private static Account btcLong(String mark) {
        return Account.of("binance-usdm", dec("10000"), List.of(Position.builder().id("btc-long").symbol("BTCUSDT")
                .side(Side.LONG).quantity(dec("0.5")).entryPrice(dec("60000")).markPrice(dec(mark)).leverage(dec("20"))
                .isolatedMargin(dec("1500")).build()));
    }

    @Test
    void nothingLiquidated_isTheEnginesTotalEquity_withoutACascade() {
        AccountOutcome o = AccountOutcome.of(btcLong("59000"));
        // 10,000 + 1,500 − 500 = 11,000, the engine's own figure (the same object: no cascade ran)
        assertThat(o.totalEquity()).isEqualByComparingTo("11000").isSameAs(o.risk().totalEquity());
        assertThat(o.liquidated(0)).isFalse();
        assertThat(o.anyLiquidated()).isFalse();
        // −2 %: mark 57,820 > LP: 11,500 + 0.5·(57,820 − 60,000) = 10,410
        AccountOutcome shocked = at(btcLong("59000"), ShockScope.ALL, "-0.02");
        assertThat(shocked.totalEquity()).isEqualByComparingTo("10410").isSameAs(shocked.risk().totalEquity());
    }

    @Test
    void anIsolatedPositionPastLiquidationAtTheEnteredMarks_losesItsMargin_evenIfTheShockLiftsIt() {
        Account a = btcLong("57100");
        // mark 57,100 ≤ LP 57,228.92: liquidated; equity 10,000 (engine: 10,000 + 1,500 − 1,450 = 10,050)
        AccountOutcome o = AccountOutcome.of(a);
        assertThat(o.liquidated("btc-long")).isTrue();
        assertThat(o.totalEquity()).isEqualByComparingTo("10000");
        assertThat(o.risk().totalEquity()).isEqualByComparingTo("10050");
        // +5 %: mark 59,955 is above the LP, but the walk starts liquidated: closed at shock 0, still 10,000
        AccountOutcome up = at(a, ShockScope.ALL, "0.05");
        assertThat(up.liquidated("btc-long")).isTrue();
        assertThat(up.totalEquity()).isEqualByComparingTo("10000");
        assertThat(up.risk().totalEquity()).isEqualByComparingTo("11477.5");
        assertThat(up.totalEquity()).isEqualByComparingTo(
                LiquidationCascade.DEFAULT.simulate(a, ShockScope.ALL, dec("0.05")).equityAt(dec("0.05")));
    }

    @Test
    void aCrossAccountPastLiquidationAtTheEnteredMarks_isGone_atAnyShock() {
        // W 100, btc cross 0.5 @ 60,000 mark 59,000: margin balance 100 − 500 = −400 ≤ MM 118
        Account a = Account.of("binance-usdm", dec("100"), List.of(Position.builder().id("btc").symbol("BTCUSDT")
                .side(Side.LONG).quantity(dec("0.5")).entryPrice(dec("60000")).markPrice(dec("59000"))
                .leverage(dec("20")).marginMode(MarginMode.CROSS).build()));
        AccountOutcome o = AccountOutcome.of(a);
        assertThat(o.crossLiquidated()).isTrue();
        assertThat(o.liquidated("btc")).isTrue();
        // closed at the mark: wallet 100 − 500 − fee 118 = −518, set to 0 (insurance fund): 0, not −400
        assertThat(o.totalEquity()).isEqualByComparingTo("0");
        assertThat(o.risk().totalEquity()).isEqualByComparingTo("-400");
        // +10 %: mark 64,900, the engine alone would see 100 + 2,450 = 2,550 live; the walk started gone
        AccountOutcome up = at(a, ShockScope.ALL, "0.1");
        assertThat(up.risk().totalEquity()).isEqualByComparingTo("2550");
        assertThat(up.crossLiquidated()).isTrue();
        assertThat(up.totalEquity()).isEqualByComparingTo("0");
    }

    @Test
    void aCrossAccountAtItsThresholdAtTheEnteredMarks_staysGone_whenAFavourableShockShrinksItsRequirement() {
        // W 120; btc short cross 0.5 @ 60,000 at the entry: margin balance 120 = MM 30,000·0.004 = 120,
        // so the account is at its threshold (ratio 100 %) as entered
        Account a = Account.of("binance-usdm", dec("120"), List.of(Position.builder().id("btc").symbol("BTCUSDT")
                .side(Side.SHORT).quantity(dec("0.5")).entryPrice(dec("60000")).leverage(dec("20"))
                .marginMode(MarginMode.CROSS).build()));
        assertThat(AccountOutcome.of(a).crossLiquidated()).isTrue();
        // −1 %: mark 59,400, uPnL +300, MM 29,700·0.004 = 118.8: balance 420 > 118.8, live by itself;
        // back at the entry the PnL alone would leave 301.2 − 300 = 1.2 > 0, the requirement's 1.2 makes it 0
        AccountOutcome down = at(a, ShockScope.ALL, "-0.01");
        assertThat(down.risk().totalEquity()).isEqualByComparingTo("420");
        assertThat(down.crossLiquidated()).isTrue();
        assertThat(down.liquidated("btc")).isTrue();
        // closed at the entered mark: 120 + 0 − fee 120 = 0
        assertThat(down.totalEquity()).isEqualByComparingTo("0");
    }

    @Test
    void lookupsAndMisuse() {
        Account a = btcLong("59000");
        AccountOutcome o = AccountOutcome.of(a);
        assertThatThrownBy(() -> o.liquidated("nope")).isInstanceOf(ValidationException.class)
                .hasMessage("positionId: must name a position of the workspace (got nope)");
        assertThatThrownBy(() -> o.liquidated(1)).isInstanceOf(IndexOutOfBoundsException.class);
        AccountRisk other = ENGINE.evaluate(Account.of("binance-usdm", BigDecimal.ZERO, List.of()));
        assertThatThrownBy(() -> AccountOutcome.of(a, ShockScope.ALL, BigDecimal.ZERO, other))
                .isInstanceOf(IllegalArgumentException.class).isNotInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> AccountOutcome.of(a, ShockScope.ALL, dec("-1"), ENGINE.evaluate(a)))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("shock: must be > −1");
    }
}
