package org.marginlab.engine.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;

import org.marginlab.engine.Side;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

/**
 * Properties of the touch probability that follow from the model rather than from the formula:
 * bounds, monotonicity, the dependence on {@code σ√T} alone, Doob's bound for the short and the
 * optional-stopping symmetry between long and short.
 */
class LiquidationProbabilityProperties {

    /** Tolerance for comparisons that are exact in real arithmetic. */
    private static final double EPS = 1e-12;

    private static double p(Side side, double mark, double barrier, double sigma, double years) {
        return LiquidationProbability.probability(side, BigDecimal.valueOf(mark), BigDecimal.valueOf(barrier), sigma, years);
    }

    /** A barrier on the liquidation side of the mark at log distance {@code a}. */
    private static double barrier(Side side, double mark, double a) {
        return side == Side.LONG ? mark * Math.exp(-a) : mark * Math.exp(a);
    }

    @Property(tries = 500)
    void isAProbability(@ForAll Side side,
            @ForAll @DoubleRange(min = 1e-6, max = 1e7) @Scale(8) double mark,
            @ForAll @DoubleRange(min = 0.01, max = 100) @Scale(8) double barrierFactor,
            @ForAll @DoubleRange(min = 0, max = 10) @Scale(8) double sigma,
            @ForAll @DoubleRange(min = 0, max = 1000) @Scale(8) double years) {
        double p = p(side, mark, mark * barrierFactor, sigma, years);
        assertThat(p).isBetween(0.0, 1.0);
    }

    @Property(tries = 300)
    void growsWithVolatility(@ForAll Side side,
            @ForAll @DoubleRange(min = 0.001, max = 3) @Scale(8) double a,
            @ForAll @DoubleRange(min = 0, max = 5) @Scale(8) double sigma,
            @ForAll @DoubleRange(min = 0, max = 5) @Scale(8) double more,
            @ForAll @DoubleRange(min = 0.0001, max = 10) @Scale(8) double years) {
        // the touch probability depends on σ√T only and P(max over [0, T] ≥ B) grows with T,
        // so it grows with σ too, although σ also steepens the log drift −σ²/2
        double b = barrier(side, 100, a);
        assertThat(p(side, 100, b, sigma + more, years)).isGreaterThanOrEqualTo(p(side, 100, b, sigma, years) - EPS);
    }

    @Property(tries = 300)
    void growsWithTheHorizon(@ForAll Side side,
            @ForAll @DoubleRange(min = 0.001, max = 3) @Scale(8) double a,
            @ForAll @DoubleRange(min = 0.01, max = 10) @Scale(8) double sigma,
            @ForAll @DoubleRange(min = 0, max = 5) @Scale(8) double years,
            @ForAll @DoubleRange(min = 0, max = 5) @Scale(8) double longer) {
        // the event "touched by T" only grows with T
        double b = barrier(side, 100, a);
        assertThat(p(side, 100, b, sigma, years + longer)).isGreaterThanOrEqualTo(p(side, 100, b, sigma, years) - EPS);
    }

    @Property(tries = 300)
    void shrinksAsTheBarrierMovesAway(@ForAll Side side,
            @ForAll @DoubleRange(min = 0.001, max = 3) @Scale(8) double a,
            @ForAll @DoubleRange(min = 0, max = 2) @Scale(8) double further,
            @ForAll @DoubleRange(min = 0.01, max = 10) @Scale(8) double sigma,
            @ForAll @DoubleRange(min = 0.0001, max = 5) @Scale(8) double years) {
        // to reach the further barrier the path must first pass the nearer one
        assertThat(p(side, 100, barrier(side, 100, a + further), sigma, years))
                .isLessThanOrEqualTo(p(side, 100, barrier(side, 100, a), sigma, years) + EPS);
    }

    @Property(tries = 300)
    void dependsOnSigmaRootTOnly(@ForAll Side side,
            @ForAll @DoubleRange(min = 0.001, max = 3) @Scale(8) double a,
            @ForAll @DoubleRange(min = 0.01, max = 1) @Scale(8) double sigma,
            @ForAll @DoubleRange(min = 0.0001, max = 5) @Scale(8) double years,
            @ForAll @DoubleRange(min = 1, max = 10) @Scale(8) double k) {
        // time scaling of Brownian motion: σ·W(t) over [0, T] and (σ·k)·W(t) over [0, T/k²]
        // have the same law, the log drift scaling with them
        double b = barrier(side, 100, a);
        assertThat(p(side, 100, b, sigma * k, years / (k * k))).isCloseTo(p(side, 100, b, sigma, years), within(1e-10));
    }

    @Property(tries = 300)
    void theShortIsBelowDoobsBound(@ForAll @DoubleRange(min = 0.0001, max = 5) @Scale(8) double a,
            @ForAll @DoubleRange(min = 0.01, max = 10) @Scale(8) double sigma,
            @ForAll @DoubleRange(min = 0, max = 1000) @Scale(8) double years) {
        // S is a positive martingale: P(max S ≥ B) ≤ E[S_T]/B = S₀/B (Doob's maximal inequality)
        double b = barrier(Side.SHORT, 100, a);
        assertThat(p(Side.SHORT, 100, b, sigma, years)).isLessThanOrEqualTo(100 / b + EPS);
    }

    @Property(tries = 300)
    void optionalStoppingLinksShortAndLong(@ForAll @DoubleRange(min = 0.0001, max = 5) @Scale(8) double a,
            @ForAll @DoubleRange(min = 0.01, max = 10) @Scale(8) double sigma,
            @ForAll @DoubleRange(min = 0.0001, max = 100) @Scale(8) double years) {
        // τ = first time S reaches B = S₀e^{−a} (long). S is a martingale and S_{τ∧T} is bounded,
        // so with dQ/dP = S_T/S₀: Q(τ ≤ T) = E[(S_T/S₀)·1{τ ≤ T}] = E[(S_τ/S₀)·1{τ ≤ T}]
        // = e^{−a}·P(τ ≤ T). Under Q, S₀²/S is again a driftless GBM with the same σ, and
        // τ ≤ T is its touching S₀e^{a} from S₀: P_short(a) = e^{−a}·P_long(a).
        double longP = p(Side.LONG, 100, barrier(Side.LONG, 100, a), sigma, years);
        double shortP = p(Side.SHORT, 100, barrier(Side.SHORT, 100, a), sigma, years);
        assertThat(shortP).isCloseTo(Math.exp(-a) * longP, within(1e-9));
    }

    @Property(tries = 300)
    void theLongIsMoreExposedThanTheShortAtTheSameLogDistance(@ForAll @DoubleRange(min = 0.0001, max = 5) @Scale(8) double a,
            @ForAll @DoubleRange(min = 0.01, max = 10) @Scale(8) double sigma,
            @ForAll @DoubleRange(min = 0, max = 100) @Scale(8) double years) {
        // the log price drifts down (−σ²/2): the barrier below is easier to reach
        assertThat(p(Side.LONG, 100, barrier(Side.LONG, 100, a), sigma, years))
                .isGreaterThanOrEqualTo(p(Side.SHORT, 100, barrier(Side.SHORT, 100, a), sigma, years) - EPS);
    }

    @Property(tries = 200)
    void unitsOfTheHorizonAgree(@ForAll Side side,
            @ForAll @DoubleRange(min = 0.001, max = 2) @Scale(8) double a,
            @ForAll @DoubleRange(min = 0.01, max = 3) @Scale(8) double sigma,
            @ForAll @DoubleRange(min = 0, max = 3650) @Scale(8) double days) {
        BigDecimal mark = BigDecimal.valueOf(100);
        BigDecimal b = BigDecimal.valueOf(barrier(side, 100, a));
        double inYears = LiquidationProbability.probability(side, mark, b, sigma, days / 365);
        assertThat(LiquidationProbability.probabilityWithinDays(side, mark, b, sigma, days)).isCloseTo(inYears, within(1e-14));
        assertThat(LiquidationProbability.probabilityWithinHours(side, mark, b, sigma, days * 24)).isCloseTo(inYears, within(1e-14));
    }
}
