package org.marginlab.app.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.Account;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.Venues;

/**
 * The solver on the README example (long 0.05 BTCUSDT from 60,000, stop 58,000, binance-usdm
 * bracket 1: MMR 0.4 %, cum 0). With a distance of 0.5 % the liquidation price must be at or below
 * 58,000 · 0.995 = 57,710. Isolated long: LP = (Q·EP − M)/(Q·(1 − 0.004)) = (3000 − M)/0.0498.
 */
class LiquidationSolverTest {
    private static final BigDecimal HALF = new BigDecimal("0.5");

    @Test
    void theTargetPriceIsTheDistanceBeyondTheStop() {
        // long: 58000 · (1 − 0.005) = 57,710; short: 61000 · 1.005 = 61,305
        assertThat(LiquidationSolver.targetPrice(org.marginlab.engine.Side.LONG, new BigDecimal("58000"), HALF))
                .isEqualByComparingTo("57710");
        assertThat(LiquidationSolver.targetPrice(org.marginlab.engine.Side.SHORT, new BigDecimal("61000"), HALF))
                .isEqualByComparingTo("61305");
    }

    @Test
    void leverage_theHighestWholeLeverage() {
        // at L the margin is 3000/L: LP = 60000 · (1 − 1/L)/0.996 ≤ 57,710 ⇔ 1/L ≥ 1 − 57710 · 0.996/60000
        // = 1 − 0.957986 = 0.042014 ⇔ L ≤ 23.80: 23x (LP 60000 · 22/23/0.996 = 57,621.79); 24x gives 57,730.92
        LiquidationSolver.Solution s = LiquidationSolver.solveLeverage(SizeFromRiskTest.readme("30"), HALF);
        assertThat(s.leverage()).isEqualByComparingTo("23");
        assertThat(s.unchanged()).isFalse();
        assertThat(s.targetPrice()).isEqualByComparingTo("57710");
        assertThat(s.plan().liquidationPrice().setScale(2, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("57621.79");
        // verified by the engine: the position at 23x and at 24x
        assertThat(engineLp(s.plan())).isLessThanOrEqualTo(new BigDecimal("57710"));
        SizePlan at24 = SizeFromRisk.plan(SizeFromRiskTest.readme("24"));
        assertThat(engineLp(at24)).isGreaterThan(new BigDecimal("57710"));
    }

    @Test
    void leverage_respectsTheTiersMaxLeverage() {
        // risk 600,000 with a 600-USDT stop: 1,000 BTC, notional 60,000,000: BTCUSDT's bracket 5 (12M–70M: max 25x,
        // MMR 2 %, cum 131,450). Distance 0: LP ≤ 59,400. Binance isolated long: LP = (Q·EP − M − cum)/(Q·(1 − m)).
        // At 25x: M = 2,400,000, LP = (60,000,000 − 2,400,000 − 131,450)/980 = 57,468,550/980 = 58,641.38 ≤ 59,400;
        // 26x would still do it (M = 2,307,692.31, LP = 57,560,857.69/980 = 58,735.57) but the tier allows at most 25x
        SizeInputs in = SizeInputs.parse(Numbers.PLAIN, new SizeInputs.Texts("10000000", "600000", "60000", "59400", "5",
                null, "isolated"), () -> Venues.byId("binance-usdm"),
                new SizeInputs.InstrumentTexts("BTCUSDT", "linear", "1", null, null, null, null));
        LiquidationSolver.Solution s = LiquidationSolver.solveLeverage(in, BigDecimal.ZERO);
        assertThat(s.plan().quantity()).isEqualByComparingTo("1000");
        assertThat(s.leverage()).isEqualByComparingTo("25");
        assertThat(s.plan().liquidationPrice().setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("58641.38");
    }

    @Test
    void margin_theLeastMarginInCents() {
        // 3000 − M ≤ 57710 · 0.0498 = 2873.958 ⇔ M ≥ 126.042: 126.05 (LP 2873.95/0.0498 = 57,709.84);
        // 126.04 gives 2873.96/0.0498 = 57,710.04, above the target
        LiquidationSolver.Solution s = LiquidationSolver.solveMargin(SizeFromRiskTest.readme("30"), HALF);
        assertThat(s.isolatedMargin()).isEqualByComparingTo("126.05");
        assertThat(s.unchanged()).isFalse();
        assertThat(engineLp(s.plan())).isLessThanOrEqualTo(new BigDecimal("57710"));
        SizePlan less = SizeFromRisk.plan(SizeFromRiskTest.readme("30"), new BigDecimal("126.04"));
        assertThat(engineLp(less)).isGreaterThan(new BigDecimal("57710"));
    }

    @Test
    void margin_theDefaultAlreadyDoesIt() {
        // 10x: LP 54,216.87 ≤ 57,710 with the default 300
        LiquidationSolver.Solution s = LiquidationSolver.solveMargin(SizeFromRiskTest.readme("10"), HALF);
        assertThat(s.unchanged()).isTrue();
        assertThat(s.isolatedMargin()).isEqualByComparingTo("300");
    }

    @Test
    void noLeverageCanDoIt() {
        // short from 60,000 with the stop at 119,000: at 1x LP = (Q·60000 + Q·60000)/(Q·1.004) = 119,521.91,
        // below the target 119000 · 1.01 = 120,190
        SizeInputs in = SizeInputs.parse(Numbers.PLAIN, new SizeInputs.Texts("10000", "100", "60000", "119000", "10",
                null, "isolated"), () -> Venues.byId("binance-usdm"),
                new SizeInputs.InstrumentTexts("BTCUSDT", "linear", "1", null, null, null, null));
        assertThatThrownBy(() -> LiquidationSolver.solveLeverage(in, BigDecimal.ONE))
                .isInstanceOf(ValidationException.class)
                .hasMessage("--distance: cannot be reached by leverage: even at 1x the liquidation price 119521.91 is not "
                        + "at or above 120190.00; widen the stop, lower the distance or add margin (got 1)");
    }

    @Test
    void crossIsRefused() {
        SizeInputs in = SizeInputs.parse(Numbers.PLAIN, new SizeInputs.Texts("10000", "100", "60000", "58000", "10",
                null, "cross"), () -> Venues.byId("binance-usdm"),
                new SizeInputs.InstrumentTexts("BTCUSDT", "linear", "1", null, null, null, null));
        assertThatThrownBy(() -> LiquidationSolver.solveLeverage(in, HALF)).hasMessageStartingWith(
                "--mode: must be isolated to solve the leverage");
        assertThatThrownBy(() -> LiquidationSolver.solveMargin(in, HALF)).hasMessageStartingWith(
                "--mode: must be isolated to solve the isolated margin");
        assertThatThrownBy(() -> LiquidationSolver.distance(Numbers.PLAIN, "100"))
                .hasMessage("--distance: must be < 100 (% of the stop price) (got 100)");
    }

    /** The engine's liquidation price of a plan's position, evaluated again on its own. */
    private static BigDecimal engineLp(SizePlan plan) {
        PositionRisk r = MarginEngine.DEFAULT.evaluate(Account.of(Venues.byId("binance-usdm"), BigDecimal.ZERO,
                List.of(plan.position()))).positions().get(0);
        return r.liquidationPrice();
    }
}
