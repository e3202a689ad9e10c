package org.marginlab.engine.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;

/**
 * bybit-linear (USDT perpetual, spec margin-formulas.md §2.1, §2.4, §2.5): maintenance margin at
 * the <em>entry</em> value, {@code LP = EP − s·(iWB − MM_entry)/Q}, every figure by hand.
 *
 * <p>Main position: 0.5 BTCUSDT @ 60,000, 20x, bundled BTCUSDT tiers (tier 1: [0, 2M), MMR
 * 0.5 %, deduction 0, 100x). Entry value 30,000 → MM = 150; IM = isolated margin = 1,500.
 */
class BybitLinearTest {
    private static final BigDecimal TIGHT = new BigDecimal("1e-20");
    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final VenueRules BYBIT = Venues.byId("bybit-linear");

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    private static Position.Builder halfBtc(Side side, String mark) {
        return Position.builder().id("btc").symbol("BTCUSDT").side(side).quantity(dec("0.5")).entryPrice(dec("60000"))
                .markPrice(dec(mark)).leverage(dec("20"));
    }

    @Test
    void test_isolatedLong_maintenanceAtEntryValue() {
        PositionRisk r = ENGINE.evaluate(halfBtc(Side.LONG, "59000").build(), BYBIT);
        // notional at mark 29,500; MM at entry value 30,000·0.005 = 150 (not 29,500·0.005 = 147.5)
        assertThat(r.notional()).isEqualByComparingTo("29500");
        assertThat(r.maintenanceMargin()).isEqualByComparingTo("150");
        assertThat(r.mmr()).isEqualByComparingTo("0.005");
        assertThat(r.maxLeverage()).isEqualByComparingTo("100");
        // IM 1,500; uPnL 0.5·(59,000 − 60,000) = −500; balance 1,000; ratio 150/1,000 = 0.15
        assertThat(r.isolatedMargin()).isEqualByComparingTo("1500");
        assertThat(r.unrealizedPnl()).isEqualByComparingTo("-500");
        assertThat(r.marginBalance()).isEqualByComparingTo("1000");
        assertThat(r.marginRatio()).isEqualByComparingTo("0.15");
        // LP = 60,000 − (1,500 − 150)/0.5 = 57,300; BP = 60,000 − 1,500/0.5 = 57,000
        assertThat(r.liquidationPrice()).isEqualByComparingTo("57300");
        assertThat(r.bankruptcyPrice()).isEqualByComparingTo("57000");
        // distance = (59,000 − 57,300)/59,000 = 0.0288135593220338983050847457…
        assertThat(r.distanceToLiquidation()).isCloseTo(dec("0.02881355932203389830508474576"), within(TIGHT));
        // max removable (Binance rule): min(1,500 − 150, 1,000 − 29,500/20 = −475) → 0
        assertThat(r.maxRemovableMargin()).isEqualByComparingTo("0");
        assertThat(r.liquidated()).isFalse();
    }

    @Test
    void test_isolatedShort() {
        PositionRisk r = ENGINE.evaluate(halfBtc(Side.SHORT, "61000").build(), BYBIT);
        // MM at entry 150; uPnL −500; balance 1,000; ratio 0.15
        assertThat(r.maintenanceMargin()).isEqualByComparingTo("150");
        assertThat(r.marginRatio()).isEqualByComparingTo("0.15");
        // LP = 60,000 + (1,500 − 150)/0.5 = 62,700; BP = 60,000 + 3,000 = 63,000
        assertThat(r.liquidationPrice()).isEqualByComparingTo("62700");
        assertThat(r.bankruptcyPrice()).isEqualByComparingTo("63000");
    }

    @Test
    void test_atTheLiquidationPrice_ratioIsOne() {
        // at mark 57,300: balance = 1,500 + 0.5·(57,300 − 60,000) = 150 = MM at entry → ratio 1
        PositionRisk at = ENGINE.evaluate(halfBtc(Side.LONG, "57300").build(), BYBIT);
        assertThat(at.marginBalance()).isEqualByComparingTo("150");
        assertThat(at.marginRatio()).isEqualByComparingTo("1");
        assertThat(at.liquidated()).isTrue();
        // one cent above: balance 150.005 > 150 → not liquidated
        assertThat(ENGINE.evaluate(halfBtc(Side.LONG, "57300.01").build(), BYBIT).liquidated()).isFalse();
    }

    @Test
    void test_longAt1x_hasLiquidationPriceAtEntryTimesMmr() {
        // Bybit differs from Binance here: iWB = IM = 30,000 at 1x, LP = EP·(1 − IMR + MMR) = 60,000·0.005 = 300
        PositionRisk r = ENGINE.evaluate(halfBtc(Side.LONG, "60000").leverage(BigDecimal.ONE).build(), BYBIT);
        assertThat(r.liquidationPrice()).isEqualByComparingTo("300");
        // BP = 60,000 − 30,000/0.5 = 0 → none
        assertThat(r.bankruptcyPrice()).isNull();
    }

    @Test
    void test_longCoveringEntryValuePlusMaintenance_hasNoLiquidationPrice() {
        // iWB = 30,150 = Q·EP + MM: LP = 60,000 − (30,150 − 150)/0.5 = 0 → none
        Position p = halfBtc(Side.LONG, "60000").leverage(BigDecimal.ONE).isolatedMargin(dec("30150")).build();
        PositionRisk r = ENGINE.evaluate(p, BYBIT);
        assertThat(r.liquidationPrice()).isNull();
        assertThat(r.bankruptcyPrice()).isNull();
        assertThat(r.liquidationTier()).isNull();
    }

    @Test
    void test_cross_twoPositions_accountFigures() {
        // BTC long as above (mark 59,000: MM 150, uPnL −500); ETHUSDT short 2 @ 3,000, mark 3,100, 10x,
        // override MMR 1 %: MM at entry 6,000·0.01 = 60, uPnL −2·100 = −200. Wallet 10,000.
        Position btc = halfBtc(Side.LONG, "59000").marginMode(MarginMode.CROSS).build();
        Position eth = Position.builder().id("eth").symbol("ETHUSDT").side(Side.SHORT).quantity(dec("2"))
                .entryPrice(dec("3000")).markPrice(dec("3100")).leverage(dec("10")).marginMode(MarginMode.CROSS)
                .maintenance(new Maintenance(dec("0.01"), BigDecimal.ZERO)).build();
        AccountRisk a = ENGINE.evaluate(Account.of(BYBIT, dec("10000"), List.of(btc, eth)));
        // BTC: W = 10,000 − 60 − 200 = 9,740; LP = 60,000 − (9,740 − 150)/0.5 = 40,820; BP = 60,000 − 19,480 = 40,520
        assertThat(a.position("btc").liquidationPrice()).isEqualByComparingTo("40820");
        assertThat(a.position("btc").bankruptcyPrice()).isEqualByComparingTo("40520");
        // ETH: W = 10,000 − 150 − 500 = 9,350; LP = 3,000 + (9,350 − 60)/2 = 7,645; BP = 3,000 + 4,675 = 7,675
        assertThat(a.position("eth").liquidationPrice()).isEqualByComparingTo("7645");
        assertThat(a.position("eth").bankruptcyPrice()).isEqualByComparingTo("7675");
        // account: uPnL −700, balance 9,300, MM 210, ratio 210/9,300 = 0.0225806451612903…
        assertThat(a.unrealizedPnl()).isEqualByComparingTo("-700");
        assertThat(a.marginBalance()).isEqualByComparingTo("9300");
        assertThat(a.maintenanceMargin()).isEqualByComparingTo("210");
        assertThat(a.marginRatio()).isCloseTo(dec("0.02258064516129032258064516129"), within(TIGHT));
        // IM at mark 29,500/20 + 6,200/10 = 2,095; available 9,300 − 2,095 = 7,205; total equity 9,300
        assertThat(a.initialMargin()).isEqualByComparingTo("2095");
        assertThat(a.availableBalance()).isEqualByComparingTo("7205");
        assertThat(a.totalEquity()).isEqualByComparingTo("9300");
        assertThat(a.position("btc").liquidated()).isFalse();
    }

    @Test
    void test_crossLoneLongWithWalletEqualToIsolatedMargin_sameLiquidationPrice() {
        Position cross = halfBtc(Side.LONG, "59000").marginMode(MarginMode.CROSS).build();
        AccountRisk a = ENGINE.evaluate(Account.of(BYBIT, dec("1500"), List.of(cross)));
        // W = 1,500 as in the isolated case: LP 57,300
        assertThat(a.position("btc").liquidationPrice()).isEqualByComparingTo("57300");
    }

    @Test
    void test_marginRatioDefinition() {
        assertThat(BYBIT.marginRatioDefinition()).isEqualTo(MarginRatioDefinition.MAINTENANCE_OVER_MARGIN_BALANCE);
        assertThat(BYBIT.contractTypes()).containsExactly(ContractType.LINEAR);
        assertThat(BYBIT.settlementCurrency()).isEqualTo("USDT");
        assertThat(BYBIT.sharesLiquidationPriceAcrossHedge()).isFalse();
    }

    @Test
    void test_preset_btcusdt_twentyTiers() {
        assertThat(BYBIT.presetSymbols()).containsExactly("BTCUSDT");
        TierTable t = BYBIT.presetTiers("BTCUSDT").orElseThrow();
        assertThat(t.size()).isEqualTo(20);
        assertThat(t.asOf()).isEqualTo("2024-05-10");
        // first, second and last rows of the Bybit "Margin Parameters" BTCUSDT table
        assertTier(t.tiers().get(0), "0", "2000000", "100", "0.005", "0");
        assertTier(t.tiers().get(1), "2000000", "2600000", "90", "0.0056", "1200");
        assertTier(t.tiers().get(19), "75000000", "80000000", "14", "0.045", "1482000");
        // deduction recurrence at tier 2: 0 + 2,000,000·(0.0056 − 0.005) = 1,200
        assertThat(BYBIT.presetTiers("ETHUSDT")).isEmpty();
    }

    @Test
    void test_preset_tierBoundaryAtEntryValue() {
        // 40 BTC @ 50,000 = 2,000,000 at entry → tier 2 (floor inclusive): MM = 2,000,000·0.0056 − 1,200 = 10,000
        Position at = Position.builder().id("p").symbol("BTCUSDT").side(Side.LONG).quantity(dec("40"))
                .entryPrice(dec("50000")).leverage(dec("10")).build();
        PositionRisk r = ENGINE.evaluate(at, BYBIT);
        assertThat(r.mmr()).isEqualByComparingTo("0.0056");
        assertThat(r.maintenanceMargin()).isEqualByComparingTo("10000");
        assertThat(r.maxLeverage()).isEqualByComparingTo("90");
        // 39.99 BTC = 1,999,500 → tier 1: MM = 1,999,500·0.005 = 9,997.5, even with the mark at
        // 60,000 (mark notional 2,399,400 would be tier 2): the tier is looked up at entry value
        Position below = at.toBuilder().quantity(dec("39.99")).markPrice(dec("60000")).build();
        PositionRisk rb = ENGINE.evaluate(below, BYBIT);
        assertThat(rb.notional()).isEqualByComparingTo("2399400");
        assertThat(rb.mmr()).isEqualByComparingTo("0.005");
        assertThat(rb.maintenanceMargin()).isEqualByComparingTo("9997.5");
        assertThat(rb.maxLeverage()).isEqualByComparingTo("100");
    }

    @Test
    void test_preset_leverageAboveTierMaxRejected() {
        Position p = Position.builder().id("p").symbol("BTCUSDT").side(Side.LONG).quantity(dec("40"))
                .entryPrice(dec("50000")).leverage(dec("95")).build();
        assertThatThrownBy(() -> ENGINE.evaluate(p, BYBIT)).isInstanceOf(ValidationException.class)
                .hasMessage("leverage: must be ≤ 90x, the max leverage of the tier (got 95)");
    }

    @Test
    void test_whatIfAddMargin_movesLiquidationPriceByDeltaOverQuantity() {
        // +500 on 0.5 BTC: LP 57,300 − 500/0.5 = 56,300
        Position p = halfBtc(Side.LONG, "59000").build();
        // the cross wallet funds the 500 (a transfer, spec workspace-and-cli.md §4)
        var w = ENGINE.whatIf(Account.of(BYBIT, dec("500"), List.of(p)),
                new org.marginlab.engine.MarginChange("btc", dec("500")));
        assertThat(w.before().liquidationPrice()).isEqualByComparingTo("57300");
        assertThat(w.after().liquidationPrice()).isEqualByComparingTo("56300");
    }

    private static void assertTier(MaintenanceTier t, String floor, String cap, String maxLev, String mmr,
            String amount) {
        assertThat(t.floor()).isEqualByComparingTo(floor);
        assertThat(t.cap()).isEqualByComparingTo(cap);
        assertThat(t.maxLeverage()).isEqualByComparingTo(maxLev);
        assertThat(t.mmr()).isEqualByComparingTo(mmr);
        assertThat(t.maintenanceAmount()).isEqualByComparingTo(amount);
    }
}
