package org.marginlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

/**
 * Liquidation and bankruptcy prices on binance-usdm (spec margin-formulas.md §1.1, §1.6), and
 * the what-if rules.
 */
class LiquidationTest {
    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final VenueRules BINANCE = Venues.byId("binance-usdm");

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    /** 0.5 BTCUSDT @ 60000 (entry notional 30000, BTCUSDT bracket 1: MMR 0.4 %, cum 0, 125x). */
    private static Position.Builder halfBtc(Side side) {
        return Position.builder().id("p").symbol("BTCUSDT").side(side).quantity(dec("0.5"))
                .entryPrice(dec("60000"));
    }

    @Test
    void test_liquidationPrice_fullyCollateralisedLong_isNull() {
        // 1x, isolated margin = notional 30000: LP = (30000 + 0 − 30000)/(0.5·0.004 − 0.5) = 0 → no liquidation
        Position p = halfBtc(Side.LONG).leverage(BigDecimal.ONE).build();
        PositionRisk r = ENGINE.evaluate(p, BINANCE);
        assertThat(r.isolatedMargin()).isEqualByComparingTo("30000");
        assertThat(r.liquidationPrice()).isNull();
        assertThat(r.liquidationTier()).isNull();
        assertThat(r.distanceToLiquidation()).isNull();
        // BP = 60000 − 30000/0.5 = 0 → none
        assertThat(r.bankruptcyPrice()).isNull();
        assertThat(r.liquidated()).isFalse();
    }

    @Test
    void test_liquidationPrice_overCollateralisedLong_isNull() {
        // isolated margin 40000 > notional: numerator 40000 − 30000 > 0, denominator < 0 → LP < 0
        Position p = halfBtc(Side.LONG).leverage(BigDecimal.ONE).isolatedMargin(dec("40000")).build();
        assertThat(ENGINE.evaluate(p, BINANCE).liquidationPrice()).isNull();
    }

    @Test
    void test_liquidationPrice_fullyCollateralisedShort_exists() {
        // short 1x, isolated margin 30000: LP = (30000 + 0 + 30000)/(0.002 + 0.5) = 60000/0.502
        //   = 119521.912350597609561752988047808...; Q·LP = 59760.96 ≥ 50000 → bracket 2 (0.5 %, cum 50):
        //   LP = (60000 + 50)/(0.5·0.005 + 0.5) = 60050/0.5025 = 119502.487562189054726368159203980...
        //   Q·LP = 59751.24 in [50000, 600000): self-consistent.
        Position p = halfBtc(Side.SHORT).leverage(BigDecimal.ONE).build();
        PositionRisk r = ENGINE.evaluate(p, BINANCE);
        assertThat(r.liquidationPrice()).isCloseTo(dec("119502.487562189054726368159203980"), within(dec("1e-20")));
        assertThat(r.liquidationTier().mmr()).isEqualByComparingTo("0.005");
        assertThat(r.liquidationTier().maintenanceAmount()).isEqualByComparingTo("50");
        // BP = 60000 + 30000/0.5 = 120000
        assertThat(r.bankruptcyPrice()).isEqualByComparingTo("120000");
    }

    @Test
    void test_liquidationPrice_shortWithHugeMargin_stillExists() {
        // a short loses without bound as the price rises, so any margin has a liquidation price:
        // margin 3,000,000, 0.5 BTC: LP·0.5 must hold in the tier it is solved with;
        // bracket 4 (1 %, cum 11450): LP = (3000000 + 11450 + 30000)/(0.005 + 0.5) = 3041450/0.505
        //   = 6022673.267326732673267326732673267...; Q·LP = 3011336.63 in [3M, 12M): self-consistent.
        Position p = halfBtc(Side.SHORT).leverage(BigDecimal.ONE).isolatedMargin(dec("3000000")).build();
        PositionRisk r = ENGINE.evaluate(p, BINANCE);
        assertThat(r.liquidationPrice()).isCloseTo(dec("6022673.267326732673267326732673267"), within(dec("1e-20")));
        assertThat(r.liquidationTier().mmr()).isEqualByComparingTo("0.01");
    }

    @Test
    void test_liquidationPrice_faqCrossExample_btc() {
        // Binance FAQ cross example (spec margin-formulas.md §1.1): WB 1,535,443.01, BTC long 109.488
        // @ 32,481.98 mark 31,967.27 MMR 2.5 % cum 16,300; ETH long 3,683.979 @ 1,456.84 mark 1,335.18
        // MMR 10 % cum 135,365 → LP(BTC) = 26,316.89, LP(ETH) = 1,153.26 (stated to 2 dp).
        Position btc = Position.builder().id("btc").symbol("BTCUSDT").side(Side.LONG).quantity(dec("109.488"))
                .entryPrice(dec("32481.98")).markPrice(dec("31967.27")).leverage(dec("10"))
                .marginMode(MarginMode.CROSS).maintenance(new Maintenance(dec("0.025"), dec("16300"))).build();
        Position eth = Position.builder().id("eth").symbol("ETHUSDT").side(Side.LONG).quantity(dec("3683.979"))
                .entryPrice(dec("1456.84")).markPrice(dec("1335.18")).leverage(dec("10"))
                .marginMode(MarginMode.CROSS).maintenance(new Maintenance(dec("0.1"), dec("135365"))).build();
        AccountRisk a = ENGINE.evaluate(Account.of(BINANCE, dec("1535443.01"), List.of(btc, eth)));
        assertThat(a.position("btc").liquidationPrice()).isCloseTo(dec("26316.89"), within(dec("0.005")));
        assertThat(a.position("eth").liquidationPrice()).isCloseTo(dec("1153.26"), within(dec("0.005")));
        // MM(ETH) = 4,918,775.081·10 % − 135,365 = 356,512.508 (FAQ text); MM(BTC) = 71,200.81144
        assertThat(a.position("eth").maintenanceMargin()).isCloseTo(dec("356512.508"), within(dec("0.001")));
        assertThat(a.position("btc").maintenanceMargin()).isCloseTo(dec("71200.81144"), within(dec("0.00001")));
        assertThat(a.position("btc").marginMode()).isEqualTo(MarginMode.CROSS);
        assertThat(a.position("btc").marginRatio()).isNull();
        assertThat(a.position("btc").marginBalance()).isNull();
        assertThat(a.position("btc").maxRemovableMargin()).isEqualByComparingTo("0");
    }

    @Test
    void test_whatIf_crossPosition_rejected() {
        Position p = halfBtc(Side.LONG).leverage(dec("10")).marginMode(MarginMode.CROSS).build();
        Account account = Account.of(BINANCE, dec("10000"), List.of(p));
        assertThatThrownBy(() -> ENGINE.whatIf(account, new MarginChange("p", dec("100"))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("marginDelta: applies to isolated positions only (got 100)");
    }

    @Test
    void test_whatIf_removeMoreThanIsolatedMargin_rejected() {
        // mark = entry: MM = 30000·0.004 = 120, uPnL 0, IM at mark 30000/20 = 1500;
        // maxRemovable = max(0, min(1500 − 120, 1500 + 0 − 1500)) = 0 (spec §2.1), so the
        // transfer bound (spec §4) refuses any removal, let alone more than the margin
        Position p = halfBtc(Side.LONG).leverage(dec("20")).isolatedMargin(dec("1500")).build();
        Account account = Account.of(BINANCE, BigDecimal.ZERO, List.of(p));
        assertThatThrownBy(() -> ENGINE.whatIf(account, new MarginChange("p", dec("-1500.01"))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("marginDelta: must remove at most maxRemovableMargin 0 (got -1500.01)");
    }

    @Test
    void test_whatIf_removalIsBoundedByMaxRemovable_andReturnsToTheWallet() {
        // mark 61000: uPnL +500, balance 2000, MM 30500·0.004 = 122, IM at mark 30500/20 = 1525;
        // maxRemovable = min(1500 − 122, 2000 − 1525) = min(1378, 475) = 475
        Position p = halfBtc(Side.LONG).markPrice(dec("61000")).leverage(dec("20")).isolatedMargin(dec("1500")).build();
        Account account = Account.of(BINANCE, BigDecimal.ZERO, List.of(p));
        assertThatThrownBy(() -> ENGINE.whatIf(account, new MarginChange("p", dec("-475.01"))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("marginDelta: must remove at most maxRemovableMargin 475 (got -475.01)");
        WhatIf w = ENGINE.whatIf(account, new MarginChange("p", dec("-475")));
        // margin 1500 − 475 = 1025 and wallet 0 + 475 = 475; total equity 0 + 1500 + 500 = 2000 before and after
        assertThat(w.after().isolatedMargin()).isEqualByComparingTo("1025");
        assertThat(w.accountAfter().walletBalance()).isEqualByComparingTo("475");
        assertThat(w.accountAfter().totalEquity()).isEqualByComparingTo("2000");
    }

    @Test
    void test_whatIf_removeAllIsolatedMargin_refused_andAPositionWithoutMarginIsLiquidated() {
        // Removing all 1500 was allowed before transfers (spec §4); maxRemovable is 0 here (see above).
        Position p = halfBtc(Side.LONG).leverage(dec("20")).build();
        assertThatThrownBy(() -> ENGINE.whatIf(Account.of(BINANCE, BigDecimal.ZERO, List.of(p)),
                new MarginChange("p", dec("-1500")))).isInstanceOf(ValidationException.class)
                .hasMessage("marginDelta: must remove at most maxRemovableMargin 0 (got -1500)");
        // margin 0: LP = (0 − 30000)/(0.002 − 0.5) = 30000/0.498 = 60240.96... above the mark 60000,
        // balance 0 ≤ MM 120 → liquidated; no margin ratio (balance ≤ 0)
        PositionRisk none = ENGINE.evaluate(p.withIsolatedMargin(BigDecimal.ZERO), BINANCE);
        assertThat(none.isolatedMargin()).isEqualByComparingTo("0");
        assertThat(none.liquidated()).isTrue();
        assertThat(none.marginRatio()).isNull();
        assertThat(none.effectiveLeverage()).isNull();
        assertThat(none.liquidationPrice()).isCloseTo(dec("60240.963855421686746987951807228"),
                within(dec("1e-20")));
        assertThat(ENGINE.evaluate(p, BINANCE).liquidated()).isFalse();
    }

    @Test
    void test_whatIf_unknownPosition_rejected() {
        Account account = Account.of(BINANCE, BigDecimal.ZERO, List.of(halfBtc(Side.LONG).leverage(dec("20")).build()));
        assertThatThrownBy(() -> ENGINE.whatIf(account, new MarginChange("q", dec("1"))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("positionId: must name a position of the workspace (got q)");
    }

    @Test
    void test_liquidated_crossAccountBelowMaintenance() {
        // cross long 0.5 @ 60000, mark 50000 (uPnL −5000), wallet 5000: balance 0 ≤ MM 100 → liquidated
        Position p = halfBtc(Side.LONG).markPrice(dec("50000")).leverage(dec("20")).marginMode(MarginMode.CROSS)
                .build();
        AccountRisk a = ENGINE.evaluate(Account.of(BINANCE, dec("5000"), List.of(p)));
        assertThat(a.marginBalance()).isEqualByComparingTo("0");
        assertThat(a.maintenanceMargin()).isEqualByComparingTo("100");
        assertThat(a.marginRatio()).isNull();
        assertThat(a.position("p").liquidated()).isTrue();
        assertThat(a.position("p").effectiveLeverage()).isNull();
    }

    @Test
    void test_evaluate_crossAccountFigures() {
        // cross long 0.5 @ 60000, mark 59000, 20x, wallet 10000: uPnL −500, balance 9500,
        // MM 29500·0.004 = 118, IM at mark 29500/20 = 1475, ratio 118/9500, available 9500 − 1475 = 8025
        Position p = halfBtc(Side.LONG).markPrice(dec("59000")).leverage(dec("20")).marginMode(MarginMode.CROSS)
                .build();
        AccountRisk a = ENGINE.evaluate(Account.of(BINANCE, dec("10000"), List.of(p)));
        assertThat(a.unrealizedPnl()).isEqualByComparingTo("-500");
        assertThat(a.marginBalance()).isEqualByComparingTo("9500");
        assertThat(a.maintenanceMargin()).isEqualByComparingTo("118");
        assertThat(a.initialMargin()).isEqualByComparingTo("1475");
        assertThat(a.availableBalance()).isEqualByComparingTo("8025");
        // 118/9500 = 0.0124210526315789473684210526315789...
        assertThat(a.marginRatio()).isCloseTo(dec("0.0124210526315789473684210526315789"), within(dec("1e-30")));
        // total equity = 10000 + 0 isolated − 500 = 9500
        assertThat(a.totalEquity()).isEqualByComparingTo("9500");
        // LP = (10000 − 0 + 0 + 0 − 30000)/(0.002 − 0.5) = 20000/0.498 = 40160.642570281124497991967871485...
        assertThat(a.position("p").liquidationPrice()).isCloseTo(dec("40160.642570281124497991967871485"),
                within(dec("1e-20")));
        // eff lev = 29500/9500 = 3.10526315789473684210526315789...
        assertThat(a.position("p").effectiveLeverage()).isCloseTo(dec("3.10526315789473684210526315789"),
                within(dec("1e-25")));
    }
}
