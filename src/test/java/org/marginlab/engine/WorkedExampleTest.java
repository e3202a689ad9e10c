package org.marginlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

/**
 * The worked example of spec workspace-and-cli.md §2.1 on binance-usdm with the bundled
 * BTCUSDT tiers, every figure checked by hand, and its short mirror.
 *
 * <p>Long: 0.5 BTCUSDT long @ 60000, mark 59000, 20x, isolated margin 1500, in an account with
 * cross wallet 10000 and no cross position. Bracket 1 of BTCUSDT holds notionals
 * [0, 50000): MMR 0.4 %, cum 0, 125x.
 */
class WorkedExampleTest {
    /** Precision of the hand-expanded non-terminating decimals below (they have ≥ 25 digits). */
    private static final BigDecimal TIGHT = new BigDecimal("1e-20");

    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final VenueRules BINANCE = Venues.byId("binance-usdm");

    private static Position btcLong() {
        return Position.builder().id("btc-long").symbol("BTCUSDT").side(Side.LONG).quantity(dec("0.5"))
                .entryPrice(dec("60000")).markPrice(dec("59000")).leverage(dec("20"))
                .marginMode(MarginMode.ISOLATED).isolatedMargin(dec("1500")).build();
    }

    private static Account account(Position p) {
        return Account.of("binance-usdm", dec("10000"), List.of(p));
    }

    private static PositionRisk evaluateLong() {
        return ENGINE.evaluate(account(btcLong())).position("btc-long");
    }

    @Test
    void test_evaluate_workedExample_notionalAndMargins() {
        PositionRisk r = evaluateLong();
        // notional = 0.5·59000 = 29500; IM at entry = 0.5·60000/20 = 1500
        assertThat(r.notional()).isEqualByComparingTo("29500");
        assertThat(r.initialMargin()).isEqualByComparingTo("1500");
        // 29500 < 50000 → bracket 1: MMR 0.004, cum 0; MM = 29500·0.004 − 0 = 118
        assertThat(r.mmr()).isEqualByComparingTo("0.004");
        assertThat(r.maintenanceAmount()).isEqualByComparingTo("0");
        assertThat(r.maintenanceMargin()).isEqualByComparingTo("118");
        assertThat(r.maxLeverage()).isEqualByComparingTo("125");
        assertThat(r.marginMode()).isEqualTo(MarginMode.ISOLATED);
    }

    @Test
    void test_evaluate_workedExample_pnlRoeBalanceRatio() {
        PositionRisk r = evaluateLong();
        // uPnL = +1·0.5·(59000 − 60000) = −500; ROE = −500/1500 = −1/3
        assertThat(r.unrealizedPnl()).isEqualByComparingTo("-500");
        assertThat(r.roe()).isCloseTo(dec("-0.33333333333333333333333333"), within(TIGHT));
        // margin balance = 1500 − 500 = 1000; ratio = 118/1000 = 0.118
        assertThat(r.isolatedMargin()).isEqualByComparingTo("1500");
        assertThat(r.marginBalance()).isEqualByComparingTo("1000");
        assertThat(r.marginRatio()).isEqualByComparingTo("0.118");
        // effective leverage = 29500/1000 = 29.5
        assertThat(r.effectiveLeverage()).isEqualByComparingTo("29.5");
        assertThat(r.liquidated()).isFalse();
    }

    @Test
    void test_evaluate_workedExample_liquidationAndBankruptcyPrice() {
        PositionRisk r = evaluateLong();
        // LP = (WB + cum − s·Q·EP)/(Q·MMR − s·Q) = (1500 + 0 − 30000)/(0.002 − 0.5)
        //    = 28500/0.498 = 57228.9156626506024096385542168674698...
        // Q·LP = 28614.46 < 50000: bracket 1 is self-consistent.
        assertThat(r.liquidationPrice()).isCloseTo(dec("57228.9156626506024096385542168674698"), within(TIGHT));
        assertThat(r.liquidationTier().mmr()).isEqualByComparingTo("0.004");
        // BP = EP − s·WB/Q = 60000 − 1500/0.5 = 57000
        assertThat(r.bankruptcyPrice()).isEqualByComparingTo("57000");
        // distance = (59000 − 57228.91566265...)/59000 = 1771.08433734939759.../59000
        //          = 0.0300183785991423320400245047988564...
        assertThat(r.distanceToLiquidation()).isCloseTo(dec("0.0300183785991423320400245047988564"),
                within(TIGHT));
    }

    @Test
    void test_evaluate_workedExample_maxRemovableIsZero() {
        // max(0, min(iWB − MM, iWB + uPnL − Q·MP/lev)) = max(0, min(1500 − 118, 1000 − 29500/20))
        //   = max(0, min(1382, −475)) = 0
        assertThat(evaluateLong().maxRemovableMargin()).isEqualByComparingTo("0");
    }

    @Test
    void test_evaluate_workedExample_accountBlock() {
        AccountRisk a = ENGINE.evaluate(account(btcLong()));
        // no cross position: the cross account is the wallet alone, ratio null
        assertThat(a.venueId()).isEqualTo("binance-usdm");
        assertThat(a.walletBalance()).isEqualByComparingTo("10000");
        assertThat(a.unrealizedPnl()).isEqualByComparingTo("0");
        assertThat(a.marginBalance()).isEqualByComparingTo("10000");
        assertThat(a.initialMargin()).isEqualByComparingTo("0");
        assertThat(a.maintenanceMargin()).isEqualByComparingTo("0");
        assertThat(a.marginRatio()).isNull();
        assertThat(a.marginRatioDefinition().id()).isEqualTo("maintenance/marginBalance");
        assertThat(a.availableBalance()).isEqualByComparingTo("10000");
        // total equity = wallet + isolated margins + all uPnL = 10000 + 1500 − 500 = 11000
        assertThat(a.totalEquity()).isEqualByComparingTo("11000");
    }

    @Test
    void test_whatIf_workedExample_addFiveHundred() {
        WhatIf w = ENGINE.whatIf(account(btcLong()), new MarginChange("btc-long", dec("500")));
        PositionRisk after = w.after();
        assertThat(w.before().isolatedMargin()).isEqualByComparingTo("1500");
        // isolated margin 1500 + 500 = 2000
        assertThat(after.isolatedMargin()).isEqualByComparingTo("2000");
        // LP = (2000 − 30000)/(0.002 − 0.5) = 28000/0.498 = 56224.8995983935742971887550200803...
        assertThat(after.liquidationPrice()).isCloseTo(dec("56224.8995983935742971887550200803"), within(TIGHT));
        // BP = 60000 − 2000/0.5 = 56000
        assertThat(after.bankruptcyPrice()).isEqualByComparingTo("56000");
        // margin balance 2000 − 500 = 1500; ratio = 118/1500 = 0.0786666...; eff lev = 29500/1500 = 19.666...
        assertThat(after.marginBalance()).isEqualByComparingTo("1500");
        assertThat(after.marginRatio()).isCloseTo(dec("0.07866666666666666666666666666"), within(TIGHT));
        assertThat(after.effectiveLeverage()).isCloseTo(dec("19.66666666666666666666666666666"), within(TIGHT));
        // a transfer (spec §4): the 500 comes out of the cross wallet, 10000 − 500 = 9500, and total
        // equity stays 9500 + 2000 − 500 = 11000 (it was 11500 when the margin came from nowhere)
        assertThat(w.accountAfter().walletBalance()).isEqualByComparingTo("9500");
        assertThat(w.accountAfter().totalEquity()).isEqualByComparingTo("11000");
    }

    /** Short mirror: 0.5 BTCUSDT short @ 60000, mark 61000, 20x, isolated margin 1500. */
    private static Position btcShort(String mark) {
        return btcLong().toBuilder().id("btc-short").side(Side.SHORT).markPrice(dec(mark)).build();
    }

    @Test
    void test_evaluate_shortMirror_allFigures() {
        PositionRisk r = ENGINE.evaluate(btcShort("61000"), BINANCE);
        // notional = 0.5·61000 = 30500 (bracket 1); MM = 30500·0.004 = 122
        assertThat(r.notional()).isEqualByComparingTo("30500");
        assertThat(r.initialMargin()).isEqualByComparingTo("1500");
        assertThat(r.maintenanceMargin()).isEqualByComparingTo("122");
        // uPnL = −1·0.5·(61000 − 60000) = −500; balance 1000; ratio 0.122; eff lev 30500/1000 = 30.5
        assertThat(r.unrealizedPnl()).isEqualByComparingTo("-500");
        assertThat(r.marginBalance()).isEqualByComparingTo("1000");
        assertThat(r.marginRatio()).isEqualByComparingTo("0.122");
        assertThat(r.effectiveLeverage()).isEqualByComparingTo("30.5");
        // LP = (1500 + 0 + 0.5·60000)/(0.002 + 0.5) = 31500/0.502 = 62749.0039840637450199203187250996...
        // Q·LP = 31374.5 < 50000: bracket 1 is self-consistent.
        assertThat(r.liquidationPrice()).isCloseTo(dec("62749.0039840637450199203187250996"), within(TIGHT));
        // BP = 60000 + 1500/0.5 = 63000
        assertThat(r.bankruptcyPrice()).isEqualByComparingTo("63000");
        // distance = (62749.00398406... − 61000)/61000 = 0.0286721964600613937691855528704852...
        assertThat(r.distanceToLiquidation()).isCloseTo(dec("0.0286721964600613937691855528704852"),
                within(TIGHT));
        // max(0, min(1500 − 122, 1000 − 30500/20 = −525)) = 0
        assertThat(r.maxRemovableMargin()).isEqualByComparingTo("0");
        assertThat(r.liquidated()).isFalse();
    }

    @Test
    void test_whatIf_shortMirror_addFiveHundred() {
        WhatIf w = ENGINE.whatIf(account(btcShort("61000")), new MarginChange("btc-short", dec("500")));
        // LP = 32000/0.502 = 63745.0199203187250996015936254980...; BP = 60000 + 2000/0.5 = 64000
        assertThat(w.after().liquidationPrice()).isCloseTo(dec("63745.0199203187250996015936254980"),
                within(TIGHT));
        assertThat(w.after().bankruptcyPrice()).isEqualByComparingTo("64000");
        // ratio = 122/1500 = 0.081333...; eff lev = 30500/1500 = 20.333...
        assertThat(w.after().marginRatio()).isCloseTo(dec("0.08133333333333333333333333333"), within(TIGHT));
        assertThat(w.after().effectiveLeverage()).isCloseTo(dec("20.33333333333333333333333333333"), within(TIGHT));
    }

    @Test
    void test_evaluate_shortInProfit_maxRemovableLimitedByInitialMarginAtMark() {
        // short @ 60000, mark 59000: uPnL = −1·0.5·(59000 − 60000) = +500, balance 2000,
        // MM = 29500·0.004 = 118, IM at mark = 29500/20 = 1475
        // max(0, min(1500 − 118, 2000 − 1475)) = min(1382, 525) = 525
        PositionRisk r = ENGINE.evaluate(btcShort("59000"), BINANCE);
        assertThat(r.unrealizedPnl()).isEqualByComparingTo("500");
        assertThat(r.maxRemovableMargin()).isEqualByComparingTo("525");
        // ROE = 500/1500 = 1/3
        assertThat(r.roe()).isCloseTo(dec("0.33333333333333333333333333"), within(TIGHT));
    }

    static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
