package org.marginlab.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginChange;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.WhatIf;
import org.marginlab.engine.transfer.Transfer.LeverageChange;
import org.marginlab.engine.transfer.Transfer.MarginTransfer;
import org.marginlab.engine.transfer.Transfer.ModeSwitch;

/**
 * Hand-checked transfers (spec workspace-and-cli.md §4) on binance-usdm with the bundled BTCUSDT
 * and ETHUSDT brackets (first bracket: MMR 0.4 %, amount 0, max 125x, notional below 50,000).
 * Every expected number is worked out in the comments.
 */
class TransfersTest {
    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    /** 0.5 BTCUSDT @ 60,000, 20x: IM at entry 30,000/20 = 1,500. */
    private static Position.Builder btc(String id, Side side, String mark) {
        return Position.builder().id(id).symbol("BTCUSDT").side(side).quantity(dec("0.5")).entryPrice(dec("60000"))
                .markPrice(dec(mark)).leverage(dec("20"));
    }

    /** The spec §4 example: W 10,000; btc-long isolated, margin 1,500, mark 59,000 (uPnL −500). */
    private static Account example() {
        return Account.of("binance-usdm", dec("10000"),
                List.of(btc("btc-long", Side.LONG, "59000").isolatedMargin(dec("1500")).build()));
    }

    private static BigDecimal totalEquity(Account a) {
        return ENGINE.evaluate(a).totalEquity();
    }

    // ---------------------------------------------------------------- margin transfers

    @Test
    void add500_theSpecExample_movesMoneyFromTheWallet() {
        Account before = example();
        // total equity 10,000 + 1,500 − 500 = 11,000
        assertThat(totalEquity(before)).isEqualByComparingTo("11000");
        Account after = Transfers.apply(before, new MarginTransfer("btc-long", dec("500")));
        // W 10,000 − 500 = 9,500; margin 1,500 + 500 = 2,000
        assertThat(after.walletBalance()).isEqualByComparingTo("9500");
        assertThat(after.position("btc-long").isolatedMargin()).isEqualByComparingTo("2000");
        AccountRisk risk = ENGINE.evaluate(after);
        // LP = (2,000 − 0.5·60,000)/(0.5·0.004 − 0.5) = 28,000/0.498 = 56,224.899598393574297188755020080…
        assertThat(risk.position("btc-long").liquidationPrice())
                .isCloseTo(dec("56224.89959839357429718875502008032"), within(dec("1e-25")));
        // 9,500 + 2,000 − 500 = 11,000: conserved
        assertThat(risk.totalEquity()).isEqualByComparingTo("11000");
    }

    @Test
    void add20000_isRefused_namingMaxAddableMarginAndItsValue() {
        // no cross position: availableBalance = W = 10,000, so maxAddableMargin = min(10,000, 10,000) = 10,000
        assertThat(Transfers.maxAddableMargin(ENGINE.evaluate(example()))).isEqualByComparingTo("10000");
        assertThatThrownBy(() -> Transfers.apply(example(), new MarginTransfer("btc-long", dec("20000"))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("btc-long.marginDelta: must be ≤ maxAddableMargin 10000 (got 20000)")
                .satisfies(e -> {
                    ValidationException v = (ValidationException) e;
                    assertThat(v.path()).isEqualTo("btc-long");
                    assertThat(v.field()).isEqualTo("marginDelta");
                });
        // the whole available balance may go: W 10,000 − 10,000 = 0
        assertThat(Transfers.apply(example(), new MarginTransfer("btc-long", dec("10000"))).walletBalance())
                .isEqualByComparingTo("0");
    }

    @Test
    void maxAddableMargin_isTheAvailableBalance_cappedAtTheWallet() {
        // W 1,000; eth cross 2 @ 3,000, mark 4,000, 10x: uPnL +2,000, IM at mark 8,000/10 = 800;
        // availableBalance = 1,000 + 2,000 − 800 = 2,200, but only 1,000 is cash in the wallet
        Position eth = Position.builder().id("eth").symbol("ETHUSDT").side(Side.LONG).quantity(dec("2"))
                .entryPrice(dec("3000")).markPrice(dec("4000")).leverage(dec("10")).marginMode(MarginMode.CROSS).build();
        Account a = Account.of("binance-usdm", dec("1000"),
                List.of(eth, btc("btc", Side.LONG, "59000").isolatedMargin(dec("1500")).build()));
        AccountRisk risk = ENGINE.evaluate(a);
        assertThat(risk.availableBalance()).isEqualByComparingTo("2200");
        assertThat(Transfers.maxAddableMargin(risk)).isEqualByComparingTo("1000");
        assertThatThrownBy(() -> Transfers.apply(a, risk, new MarginTransfer("btc", dec("1000.01"))))
                .hasMessage("btc.marginDelta: must be ≤ maxAddableMargin 1000 (got 1000.01)");
    }

    @Test
    void removeBeyondMaxRemovable_isRefused() {
        // mark 59,000: MM 29,500·0.004 = 118, balance 1,000, IM at mark 29,500/20 = 1,475;
        // maxRemovable = max(0, min(1,500 − 118, 1,000 − 1,475)) = 0
        assertThatThrownBy(() -> Transfers.apply(example(), new MarginTransfer("btc-long", dec("-100"))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("btc-long.marginDelta: must remove at most maxRemovableMargin 0 (got -100)");
    }

    @Test
    void removeWithinMaxRemovable_returnsTheMarginToTheWallet() {
        // short @ 60,000, mark 59,000: uPnL +500, balance 2,000, MM 118, IM at mark 1,475;
        // maxRemovable = min(1,500 − 118, 2,000 − 1,475) = min(1,382, 525) = 525
        Account a = Account.of("binance-usdm", dec("10000"),
                List.of(btc("btc-short", Side.SHORT, "59000").isolatedMargin(dec("1500")).build()));
        assertThatThrownBy(() -> Transfers.apply(a, new MarginTransfer("btc-short", dec("-525.01"))))
                .hasMessage("btc-short.marginDelta: must remove at most maxRemovableMargin 525 (got -525.01)");
        Account after = Transfers.apply(a, new MarginTransfer("btc-short", dec("-525")));
        // W 10,000 + 525 = 10,525; margin 1,500 − 525 = 975; equity 10,525 + 975 + 500 = 12,000 as before
        assertThat(after.walletBalance()).isEqualByComparingTo("10525");
        assertThat(after.position("btc-short").isolatedMargin()).isEqualByComparingTo("975");
        assertThat(totalEquity(a)).isEqualByComparingTo("12000");
        assertThat(totalEquity(after)).isEqualByComparingTo("12000");
    }

    @Test
    void zeroIsANoOp_crossAndUnknownIdsAreRefused() {
        Account a = example();
        assertThat(Transfers.apply(a, new MarginTransfer("btc-long", BigDecimal.ZERO))).isSameAs(a);
        Account cross = Account.of("binance-usdm", dec("10000"),
                List.of(btc("btc", Side.LONG, "59000").marginMode(MarginMode.CROSS).build()));
        assertThatThrownBy(() -> Transfers.apply(cross, new MarginTransfer("btc", dec("100"))))
                .hasMessage("btc.marginDelta: applies to isolated positions only (got 100)");
        assertThatThrownBy(() -> Transfers.apply(a, new MarginTransfer("nope", dec("1"))))
                .hasMessage("positionId: must name a position of the workspace (got nope)");
    }

    @Test
    void aRiskOfAnotherAccount_isAProgrammingError() {
        AccountRisk other = ENGINE.evaluate(Account.of("binance-usdm", dec("5"), example().positions()));
        assertThatThrownBy(() -> Transfers.apply(example(), other, new MarginTransfer("btc-long", dec("1"))))
                .isInstanceOf(IllegalArgumentException.class).isNotInstanceOf(ValidationException.class);
    }

    @Test
    void whatIf_isTheSameTransfer_withTheSameBounds() {
        WhatIf w = ENGINE.whatIf(example(), new MarginChange("btc-long", dec("500")));
        assertThat(w.accountAfter().walletBalance()).isEqualByComparingTo("9500");
        assertThat(w.accountAfter().totalEquity()).isEqualByComparingTo("11000");
        assertThat(w.after().liquidationPrice()).isCloseTo(dec("56224.89959839357429718875502008032"),
                within(dec("1e-25")));
        // the same message without the position (the CLI locates it as positions[i])
        assertThatThrownBy(() -> ENGINE.whatIf(example(), new MarginChange("btc-long", dec("20000"))))
                .hasMessage("marginDelta: must be ≤ maxAddableMargin 10000 (got 20000)");
    }

    // ---------------------------------------------------------------- mode switches

    /** W 3,000; btc cross (uPnL −500, IM at mark 1,475); eth cross 2 @ 3,000 at the entry, 10x (IM at mark 600). */
    private static Account twoCross() {
        Position eth = Position.builder().id("eth").symbol("ETHUSDT").side(Side.LONG).quantity(dec("2"))
                .entryPrice(dec("3000")).leverage(dec("10")).marginMode(MarginMode.CROSS).build();
        return Account.of("binance-usdm", dec("3000"),
                List.of(btc("btc", Side.LONG, "59000").marginMode(MarginMode.CROSS).build(), eth));
    }

    @Test
    void crossToIsolated_withTheDefaultMargin_takesTheInitialMarginFromTheWallet() {
        Account a = twoCross();
        // with btc cross: available = 3,000 − 500 − (1,475 + 600) = 425, less than btc's IM 1,500;
        // without btc: available = 3,000 + 0 − 600 = 2,400 ≥ 1,500, so the switch is allowed
        assertThat(ENGINE.evaluate(a).availableBalance()).isEqualByComparingTo("425");
        assertThat(ENGINE.evaluate(Account.of("binance-usdm", dec("3000"), List.of(a.position("eth"))))
                .availableBalance()).isEqualByComparingTo("2400");
        Account after = Transfers.apply(a, new ModeSwitch("btc", MarginMode.ISOLATED, null));
        // W 3,000 − 1,500 = 1,500; btc isolated with 1,500 stated
        assertThat(after.walletBalance()).isEqualByComparingTo("1500");
        assertThat(after.position("btc").marginMode()).isEqualTo(MarginMode.ISOLATED);
        assertThat(after.position("btc").isolatedMargin()).isEqualByComparingTo("1500");
        // equity 3,000 − 500 = 2,500 before; 1,500 + 1,500 − 500 = 2,500 after
        assertThat(totalEquity(a)).isEqualByComparingTo("2500");
        assertThat(totalEquity(after)).isEqualByComparingTo("2500");
    }

    @Test
    void crossToIsolated_boundIsTheAvailableBalanceWithoutThePosition() {
        Account a = twoCross();
        // bound 2,400 (see above): 2,400 passes (W 600), 2,400.0001 and 2,500 do not
        assertThat(Transfers.apply(a, new ModeSwitch("btc", MarginMode.ISOLATED, dec("2400"))).walletBalance())
                .isEqualByComparingTo("600");
        assertThatThrownBy(() -> Transfers.apply(a, new ModeSwitch("btc", MarginMode.ISOLATED, dec("2400.0001"))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Transfers.apply(a, new ModeSwitch("btc", MarginMode.ISOLATED, dec("2500"))))
                .hasMessage("btc.isolatedMargin: must be ≤ availableBalance 2400 of the account without this "
                        + "position in cross (got 2500)");
    }

    @Test
    void crossToIsolated_refusedWithTheDefaultMargin_namesMarginMode() {
        // W 1,000, btc alone in cross: without it available = 1,000 < IM 1,500
        Account a = Account.of("binance-usdm", dec("1000"),
                List.of(btc("btc", Side.LONG, "59000").marginMode(MarginMode.CROSS).build()));
        assertThatThrownBy(() -> Transfers.apply(a, new ModeSwitch("btc", MarginMode.ISOLATED, null)))
                .hasMessage("btc.marginMode: must be ≤ availableBalance 1000 of the account without this "
                        + "position in cross (got 1500)");
    }

    @Test
    void crossToIsolated_boundIsCappedAtTheWallet() {
        // W 1,000; eth cross in profit: uPnL +2,000, IM at mark 800 → available without btc 2,200 > W
        Position eth = Position.builder().id("eth").symbol("ETHUSDT").side(Side.LONG).quantity(dec("2"))
                .entryPrice(dec("3000")).markPrice(dec("4000")).leverage(dec("10")).marginMode(MarginMode.CROSS).build();
        Account a = Account.of("binance-usdm", dec("1000"),
                List.of(btc("btc", Side.LONG, "59000").marginMode(MarginMode.CROSS).build(), eth));
        assertThatThrownBy(() -> Transfers.apply(a, new ModeSwitch("btc", MarginMode.ISOLATED, null)))
                .hasMessage("btc.marginMode: must be ≤ walletBalance 1000, the cross wallet that funds it (got 1500)");
    }

    @Test
    void isolatedToCross_movesTheWholeMarginToTheWallet_andMovesTheLiquidationPrice() {
        Account after = Transfers.apply(example(), new ModeSwitch("btc-long", MarginMode.CROSS, null));
        // W 10,000 + 1,500 = 11,500; no isolated margin left; equity 11,500 − 500 = 11,000 as before
        assertThat(after.walletBalance()).isEqualByComparingTo("11500");
        assertThat(after.position("btc-long").marginMode()).isEqualTo(MarginMode.CROSS);
        assertThat(after.position("btc-long").isolatedMargin()).isNull();
        AccountRisk risk = ENGINE.evaluate(after);
        assertThat(risk.totalEquity()).isEqualByComparingTo("11000");
        // alone in cross: LP = (11,500 − 0.5·60,000)/(0.002 − 0.5) = 18,500/0.498 = 37,148.594377510040160642…
        assertThat(risk.position("btc-long").liquidationPrice())
                .isCloseTo(dec("37148.59437751004016064257028112450"), within(dec("1e-25")));
    }

    @Test
    void switchingToTheSameMode_isANoOp_butAMarginForAnIsolatedPositionIsRefused() {
        Account a = example();
        assertThat(Transfers.apply(a, new ModeSwitch("btc-long", MarginMode.ISOLATED, null))).isSameAs(a);
        assertThatThrownBy(() -> Transfers.apply(a, new ModeSwitch("btc-long", MarginMode.ISOLATED, dec("100"))))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("btc-long.isolatedMargin: ");
        assertThatThrownBy(() -> new ModeSwitch("btc-long", MarginMode.CROSS, dec("100")))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("btc-long.isolatedMargin: must be absent");
        assertThatThrownBy(() -> new ModeSwitch("btc-long", MarginMode.ISOLATED, dec("-1")))
                .hasMessage("btc-long.isolatedMargin: must be ≥ 0 (got -1)");
    }

    // ---------------------------------------------------------------- leverage changes

    @Test
    void lowerLeverage_addsTheDifference() {
        // 20x → 10x: IM 30,000/10 = 3,000, d = 3,000 − 1,500 = 1,500 ≤ 10,000: W 8,500
        Account after = Transfers.apply(example(), new LeverageChange("btc-long", dec("10")));
        assertThat(after.walletBalance()).isEqualByComparingTo("8500");
        assertThat(after.position("btc-long").isolatedMargin()).isEqualByComparingTo("3000");
        assertThat(after.position("btc-long").leverage()).isEqualByComparingTo("10");
        // 8,500 + 3,000 − 500 = 11,000
        assertThat(totalEquity(after)).isEqualByComparingTo("11000");
        // 20x → 2x: IM 15,000, d = 13,500 > maxAddable 10,000
        assertThatThrownBy(() -> Transfers.apply(example(), new LeverageChange("btc-long", dec("2"))))
                .hasMessage("btc-long.leverage: needs 13500 more margin, which must be ≤ maxAddableMargin 10000 (got 2)");
    }

    @Test
    void higherLeverage_removesTheDifference_withinMaxRemovableAtTheNewLeverage() {
        // mark 61,000 (uPnL +500), 20x → 25x: IM 30,000/25 = 1,200, d = −300; at 25x with margin 1,500:
        // MM 30,500·0.004 = 122, IM at mark 30,500/25 = 1,220, maxRemovable = min(1,378, 2,000 − 1,220) = 780
        Account a = Account.of("binance-usdm", dec("10000"),
                List.of(btc("btc-long", Side.LONG, "61000").isolatedMargin(dec("1500")).build()));
        Account after = Transfers.apply(a, new LeverageChange("btc-long", dec("25")));
        assertThat(after.walletBalance()).isEqualByComparingTo("10300");
        assertThat(after.position("btc-long").isolatedMargin()).isEqualByComparingTo("1200");
        // 10,300 + 1,200 + 500 = 12,000 = 10,000 + 1,500 + 500
        assertThat(totalEquity(after)).isEqualByComparingTo("12000");
        assertThat(totalEquity(a)).isEqualByComparingTo("12000");
    }

    @Test
    void higherLeverage_onALoser_isRefusedByMaxRemovable() {
        // mark 59,000, 25x: maxRemovable = max(0, min(1,500 − 118, 1,000 − 29,500/25 = −180)) = 0 < 300
        assertThatThrownBy(() -> Transfers.apply(example(), new LeverageChange("btc-long", dec("25"))))
                .hasMessage("btc-long.leverage: would remove 300 margin, which must be ≤ maxRemovableMargin 0 "
                        + "at that leverage (got 25)");
    }

    @Test
    void leverageAboveTheTier_isRefused_andACrossPositionOnlyChangesItsLeverage() {
        assertThatThrownBy(() -> Transfers.apply(example(), new LeverageChange("btc-long", dec("150"))))
                .hasMessage("btc-long.leverage: must be ≤ 125x, the max leverage of the tier (got 150)");
        Account a = twoCross();
        Account after = Transfers.apply(a, new LeverageChange("eth", dec("5")));
        assertThat(after.walletBalance()).isEqualByComparingTo("3000");
        assertThat(after.position("eth").leverage()).isEqualByComparingTo("5");
        assertThat(after.position("eth").isolatedMargin()).isNull();
        assertThatThrownBy(() -> new LeverageChange("eth", BigDecimal.ZERO)).hasMessage("eth.leverage: must be > 0 (got 0)");
        // the same leverage: nothing changes (cross; isolated with margin = IM 1,500 at 20x)
        assertThat(Transfers.apply(a, new LeverageChange("eth", dec("10")))).isSameAs(a);
        assertThat(Transfers.apply(example(), new LeverageChange("btc-long", dec("20")))).satisfies(
                same -> assertThat(same.walletBalance()).isEqualByComparingTo("10000"));
        Account e = example();
        assertThat(Transfers.apply(e, new LeverageChange("btc-long", dec("20")))).isSameAs(e);
    }
}
