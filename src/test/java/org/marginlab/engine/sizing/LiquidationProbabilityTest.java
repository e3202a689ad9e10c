package org.marginlab.engine.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;

/**
 * The probability that the mark touches the liquidation price (driftless GBM, closed form):
 * two values worked by hand, a Monte Carlo simulation, the edge cases and the validation.
 */
class LiquidationProbabilityTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static double p(Side side, String mark, String liquidation, double sigma, double years) {
        return LiquidationProbability.probability(side, d(mark), liquidation == null ? null : d(liquidation), sigma, years);
    }

    // ------------------------------------------------------------------ worked by hand

    /**
     * Long, S₀ = 60,000, B = 54,000 (10 % below), σ = 0.6, T = 30/365.
     * <pre>
     *   a   = ln(60000/54000) = ln(1.111111) = 0.105361
     *   s²  = σ²T = 0.36 × 0.082192 = 0.029589      s = √0.029589 = 0.172015
     *   u   = a/s = 0.105361 / 0.172015 = 0.612509  h = s/2 = 0.086007
     *   d₁  = h − u = −0.5265                        d₂ = −u − h = −0.6985
     *   Φ(−0.5265): table Φ(−0.52) = 0.3015, Φ(−0.53) = 0.2981, interpolated
     *               0.3015 − 0.65 × 0.0034 = 0.2993
     *   Φ(−0.6985): table Φ(−0.69) = 0.2451, Φ(−0.70) = 0.2420, interpolated
     *               0.2451 − 0.85 × 0.0031 = 0.2425
     *   P = Φ(d₁) + (S₀/B)·Φ(d₂) = 0.2993 + 1.111111 × 0.2425 = 0.2993 + 0.2694 = 0.5687
     * </pre>
     * Tolerance 0.0005: the table's 4 decimals and the linear interpolation (each Φ is within
     * about 0.0001 of the true value, the second one weighted by 1.11).
     */
    @Test
    void longWorkedByHand() {
        assertThat(p(Side.LONG, "60000", "54000", 0.6, 30.0 / 365)).isCloseTo(0.5687, within(0.0005));
        assertThat(LiquidationProbability.probabilityWithinDays(Side.LONG, d("60000"), d("54000"), 0.6, 30))
                .isCloseTo(0.5687, within(0.0005));
    }

    /**
     * Short, S₀ = 3,000, B = 3,300 (10 % above), σ = 0.8, T = 14/365.
     * <pre>
     *   a   = ln(3300/3000) = ln(1.1) = 0.095310
     *   s²  = σ²T = 0.64 × 0.038356 = 0.024548      s = √0.024548 = 0.156678
     *   u   = a/s = 0.095310 / 0.156678 = 0.608320  h = s/2 = 0.078339
     *   d₁  = −u − h = −0.6867                       d₂ = h − u = −0.5300
     *   Φ(−0.6867): table Φ(−0.68) = 0.2483, Φ(−0.69) = 0.2451, interpolated
     *               0.2483 − 0.67 × 0.0032 = 0.2462
     *   Φ(−0.5300): table 0.2981
     *   P = Φ(d₁) + (S₀/B)·Φ(d₂) = 0.2462 + 0.909091 × 0.2981 = 0.2462 + 0.2710 = 0.5172
     * </pre>
     * Tolerance 0.0005, as above.
     */
    @Test
    void shortWorkedByHand() {
        assertThat(p(Side.SHORT, "3000", "3300", 0.8, 14.0 / 365)).isCloseTo(0.5172, within(0.0005));
        assertThat(LiquidationProbability.probabilityWithinHours(Side.SHORT, d("3000"), d("3300"), 0.8, 14 * 24))
                .isCloseTo(0.5172, within(0.0005));
    }

    // ------------------------------------------------------------------ Monte Carlo

    /**
     * 100,000 simulated paths per case, fixed seed. Each path takes 250 exact steps of the log
     * price, {@code x += −σ²dt/2 + σ√dt·Z} (so the price is exactly lognormal at the grid
     * points), and between two grid points it is liquidated with the probability that a Brownian
     * bridge between the two log distances {@code d₀, d₁ > 0} to the barrier crosses it,
     * {@code exp(−2·d₀·d₁/(σ²dt))}, drawn with a uniform. Given its endpoints, a Brownian motion
     * with drift is a Brownian bridge whatever the drift, so this monitors the path continuously
     * and exactly: no discretisation bias, and no bias allowance is needed. Each path's outcome
     * is then a Bernoulli draw with the true probability {@code p}, and the estimate's standard
     * deviation is {@code √(p(1−p)/N)}: the test asserts agreement within 3 of them.
     */
    @Test
    void agreesWithMonteCarlo(TestReporter reporter) {
        long seed = 20261206L;
        Case[] cases = {
            new Case("long, barrier near (−10 %, 30 days, σ 0.6)", Side.LONG, 60000, 54000, 0.6, 30.0 / 365),
            new Case("long, barrier far (−40 %, 90 days, σ 0.8)", Side.LONG, 60000, 36000, 0.8, 90.0 / 365),
            new Case("short, barrier near (+10 %, 14 days, σ 0.8)", Side.SHORT, 3000, 3300, 0.8, 14.0 / 365),
            new Case("short, barrier far (+60 %, 180 days, σ 0.9)", Side.SHORT, 0.10, 0.16, 0.9, 180.0 / 365),
        };
        int paths = 100_000;
        int steps = 250;
        for (Case c : cases) {
            double closed = LiquidationProbability.probability(c.side, BigDecimal.valueOf(c.mark),
                    BigDecimal.valueOf(c.barrier), c.sigma, c.years);
            double mc = simulate(c, paths, steps, new SplittableRandom(seed++));
            double band = 3 * Math.sqrt(closed * (1 - closed) / paths);
            reporter.publishEntry(c.name, String.format("closed form %.5f, Monte Carlo %.5f, |diff| %.5f, 3σ band %.5f",
                    closed, mc, Math.abs(closed - mc), band));
            assertThat(mc).as(c.name).isCloseTo(closed, within(band));
        }
    }

    private record Case(String name, Side side, double mark, double barrier, double sigma, double years) {
    }

    /** Fraction of simulated paths that touch the barrier (method in {@link #agreesWithMonteCarlo}). */
    private static double simulate(Case c, int paths, int steps, SplittableRandom random) {
        double dt = c.years / steps;
        double drift = -0.5 * c.sigma * c.sigma * dt;
        double diffusion = c.sigma * Math.sqrt(dt);
        double bridge = 2 / (c.sigma * c.sigma * dt);
        double barrier = Math.log(c.barrier / c.mark); // log barrier, the path starts at 0
        double toward = c.side == Side.LONG ? 1 : -1;  // distance = toward·(x − barrier)
        int touched = 0;
        for (int n = 0; n < paths; n++) {
            double x = 0;
            double before = toward * (x - barrier);
            for (int i = 0; i < steps; i++) {
                x += drift + diffusion * random.nextGaussian();
                double after = toward * (x - barrier);
                if (after <= 0) {
                    touched++;
                    break;
                }
                double exponent = bridge * before * after;
                if (exponent < 745 && random.nextDouble() < Math.exp(-exponent)) {
                    touched++;
                    break;
                }
                before = after;
            }
        }
        return (double) touched / paths;
    }

    // ------------------------------------------------------------------ edge cases

    @Test
    void noLiquidationPriceIsNeverLiquidated() {
        assertThat(p(Side.LONG, "60000", null, 0.6, 1)).isZero();
        assertThat(p(Side.SHORT, "60000", null, 10, 100)).isZero();
    }

    @Test
    void aBarrierAtOrBeyondTheMarkIsAlreadyTouched() {
        assertThat(p(Side.LONG, "60000", "60000", 0.6, 1)).isEqualTo(1);
        assertThat(p(Side.LONG, "60000", "60000.01", 0.6, 1)).isEqualTo(1);
        assertThat(p(Side.SHORT, "60000", "60000", 0.6, 1)).isEqualTo(1);
        assertThat(p(Side.SHORT, "60000", "59999.99", 0.6, 1)).isEqualTo(1);
        // even with no time and no volatility
        assertThat(p(Side.LONG, "60000", "60000", 0, 0)).isEqualTo(1);
        assertThat(p(Side.SHORT, "60000", "61000", 0.6, 0)).isZero();
        assertThat(p(Side.SHORT, "60000", "59000", 0, 0)).isEqualTo(1);
    }

    @Test
    void noTimeOrNoVolatilityIsNoRisk() {
        assertThat(p(Side.LONG, "60000", "54000", 0.6, 0)).isZero();
        assertThat(p(Side.SHORT, "60000", "66000", 0, 1)).isZero();
        assertThat(LiquidationProbability.probabilityWithinHours(Side.LONG, d("60000"), d("59999"), 0.6, 0)).isZero();
    }

    @Test
    void aBarrierAHairAwayIsAlmostSurelyTouched() {
        assertThat(p(Side.LONG, "60000", "59999.99", 0.6, 1.0 / 365)).isGreaterThan(0.999);
        assertThat(p(Side.SHORT, "60000", "60000.01", 0.6, 1.0 / 365)).isGreaterThan(0.999);
    }

    @Test
    void longRunLimits() {
        // a driftless GBM tends to 0: the long is liquidated in the end; the short only with
        // probability S₀/B (here 60,000/120,000 = 0.5), its bound at every horizon
        assertThat(p(Side.LONG, "60000", "30000", 0.8, 10_000)).isCloseTo(1, within(1e-12));
        assertThat(p(Side.SHORT, "60000", "120000", 0.8, 10_000)).isCloseTo(0.5, within(1e-12));
        assertThat(p(Side.SHORT, "60000", "120000", 10, 1e300)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void extremeInputsStayFiniteAndAccurate() {
        // σ = 10, T = 1, B = S₀·e^{−50}: u = 5, h = 5, P = Φ(0) + e^{50}·Φ(−10)
        // = 0.5 + 5.1847e21 × 7.6199e−24 = 0.5 + 0.039507 (the second term is computed as
        // φ(0)·R(10) without forming e^{50})
        BigDecimal mark = d("60000");
        BigDecimal barrier = mark.multiply(BigDecimal.valueOf(Math.exp(-50)));
        double p = LiquidationProbability.probability(Side.LONG, mark, barrier, 10, 1);
        assertThat(p).isCloseTo(0.5395066941013863, within(1e-12));
        // and a barrier so far that it is out of reach
        assertThat(p(Side.LONG, "60000", "0.000000001", 0.5, 1.0 / 365)).isZero();
        assertThat(p(Side.SHORT, "0.000000001", "60000", 0.5, 1.0 / 365)).isZero();
    }

    @Test
    void theDriftlessPriceFavoursTheShortOverTheZeroLogDriftAlternative() {
        // With zero log drift both sides would be 2·Φ(−a/s) = 0.5402 for the first worked
        // example; the driftless price (log drift −σ²/2) moves probability toward the long.
        double a = Math.log(60000.0 / 54000);
        double s = 0.6 * Math.sqrt(30.0 / 365);
        double zeroLogDrift = 2 * LiquidationProbability.normalCdf(-a / s);
        assertThat(zeroLogDrift).isCloseTo(0.5402, within(0.0001));
        assertThat(p(Side.LONG, "60000", "54000", 0.6, 30.0 / 365)).isGreaterThan(zeroLogDrift);
        BigDecimal up = BigDecimal.valueOf(60000 * Math.exp(a));
        assertThat(LiquidationProbability.probability(Side.SHORT, d("60000"), up, 0.6, 30.0 / 365)).isLessThan(zeroLogDrift);
    }

    @Test
    void theHorizonUnitsAgree() {
        double years = p(Side.LONG, "150", "138", 0.83, 3.0 / 365);
        assertThat(LiquidationProbability.probabilityWithinDays(Side.LONG, d("150"), d("138"), 0.83, 3))
                .isCloseTo(years, within(1e-15));
        assertThat(LiquidationProbability.probabilityWithinHours(Side.LONG, d("150"), d("138"), 0.83, 72))
                .isCloseTo(years, within(1e-15));
    }

    @Test
    void normalDistributionMatchesReferenceValues() {
        // reference: Φ(x) = erfc(−x/√2)/2 in double precision
        assertThat(LiquidationProbability.normalCdf(0)).isEqualTo(0.5);
        assertThat(LiquidationProbability.normalCdf(1)).isCloseTo(0.8413447460685429, within(1e-15));
        assertThat(LiquidationProbability.normalCdf(-1.96)).isCloseTo(0.024997895148220435, within(1e-15));
        assertThat(LiquidationProbability.normalCdf(3)).isCloseTo(0.9986501019683699, within(1e-15));
        assertThat(LiquidationProbability.normalCdf(-3)).isCloseTo(0.0013498980316300957, within(1e-15));
        // tails to relative accuracy
        assertThat(LiquidationProbability.normalCdf(-5) / 2.866515718791946e-07).isCloseTo(1, within(1e-13));
        assertThat(LiquidationProbability.normalCdf(-10) / 7.619853024160593e-24).isCloseTo(1, within(1e-13));
        assertThat(LiquidationProbability.normalCdf(-37) / 5.725571222525139e-300).isCloseTo(1, within(1e-12));
        assertThat(LiquidationProbability.normalCdf(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(LiquidationProbability.normalCdf(Double.POSITIVE_INFINITY)).isEqualTo(1);
    }

    // ------------------------------------------------------------------ validation

    @Test
    void invalidInputsNameTheirField() {
        assertField(() -> LiquidationProbability.probability(null, d("1"), d("1"), 0.5, 1), "side");
        assertField(() -> LiquidationProbability.probability(Side.LONG, null, d("1"), 0.5, 1), "markPrice");
        assertField(() -> LiquidationProbability.probability(Side.LONG, d("0"), d("1"), 0.5, 1), "markPrice");
        assertField(() -> LiquidationProbability.probability(Side.LONG, d("1"), d("-1"), 0.5, 1), "liquidationPrice");
        assertField(() -> LiquidationProbability.probability(Side.LONG, d("1"), d("0"), 0.5, 1), "liquidationPrice");
        assertField(() -> LiquidationProbability.probability(Side.LONG, d("2"), d("1"), -0.1, 1), "volatility");
        assertField(() -> LiquidationProbability.probability(Side.LONG, d("2"), d("1"), 10.01, 1), "volatility");
        assertField(() -> LiquidationProbability.probability(Side.LONG, d("2"), d("1"), Double.NaN, 1), "volatility");
        assertField(() -> LiquidationProbability.probability(Side.LONG, d("2"), d("1"), Double.POSITIVE_INFINITY, 1), "volatility");
        assertField(() -> LiquidationProbability.probability(Side.LONG, d("2"), d("1"), 0.5, -1e-9), "horizon");
        assertField(() -> LiquidationProbability.probability(Side.LONG, d("2"), d("1"), 0.5, Double.NaN), "horizon");
        assertField(() -> LiquidationProbability.probability(Side.LONG, d("2"), d("1"), 0.5, Double.POSITIVE_INFINITY), "horizon");
        assertField(() -> LiquidationProbability.probabilityWithinDays(Side.LONG, d("2"), d("1"), 0.5, -1), "horizonDays");
        assertField(() -> LiquidationProbability.probabilityWithinHours(Side.LONG, d("2"), d("1"), 0.5, Double.NaN), "horizonHours");
        // validation comes first, even when the answer would not need the value
        assertField(() -> LiquidationProbability.probability(Side.LONG, d("2"), null, -1, 1), "volatility");
        // the bounds themselves are accepted
        assertThat(LiquidationProbability.probability(Side.LONG, d("2"), d("1"), 10, 0)).isZero();
        assertThat(LiquidationProbability.probability(Side.LONG, d("2"), d("1"), 0, 1)).isZero();
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void theTooltipStatesTheAssumptions() {
        assertThat(LiquidationProbability.ASSUMPTIONS)
                .contains("no trend", "constant volatility", "no", "jumps", "funding", "fees", "exactly at that price");
    }
}
