package org.marginlab.engine.sizing;

import java.math.BigDecimal;
import java.math.MathContext;

import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;

/**
 * Probability that the mark price touches the liquidation price within a horizon, from an
 * annualised volatility: the first-passage probability of a driftless geometric Brownian motion
 * to a barrier, in closed form. It complements the distance to liquidation
 * ({@link org.marginlab.engine.PositionRisk#distanceToLiquidation()}): the same 10 % distance is
 * far for a week at 40 % volatility and near for a month at 90 %.
 *
 * <h2>Model</h2>
 * The mark {@code S} follows {@code dS = σ·S·dW} from the current mark {@code S₀} ({@code W} a
 * standard Brownian motion, {@code σ} the annualised volatility, time in years). The price has
 * no drift: {@code E[S_t] = S₀}, the mark is a martingale. Its logarithm
 * {@code X_t = ln(S_t/S₀) = ν·t + σ·W_t} is a Brownian motion with drift {@code ν = −σ²/2}
 * (Itô). The liquidation price is a barrier {@code B}: below the mark for a long (the position is
 * liquidated when {@code min S ≤ B}), above it for a short ({@code max S ≥ B}).
 *
 * <p><b>Why a driftless price.</b> A planner has no view on direction: the expected mark at the
 * horizon is today's mark, as for a futures price under the pricing measure when funding is
 * ignored. The alternative, zero drift of the <em>log</em> price ({@code ν = 0},
 * {@code dS = (σ²/2)·S·dt + σ·S·dW}), makes the expected price grow by {@code e^{σ²T/2}} (about
 * +38 % a year at {@code σ = 0.8}), a bullish bias that favours longs; it gives the symmetric
 * {@code P = 2·Φ(−a/(σ√T))} for both sides. Under the driftless price a long is slightly more
 * likely to be liquidated than a short at the same log distance; the two models differ by the
 * {@code σ√T/2} terms below, small for short horizons (for the first worked example in the
 * tests, 0.5686 against 0.5402).
 *
 * <h2>Closed form</h2>
 * For a Brownian motion with drift {@code X_t = ν·t + σ·W_t}, {@code X_0 = 0}, and a level
 * {@code m > 0}, the running maximum {@code M_T = max_{t≤T} X_t} has (reflection principle
 * applied after a Girsanov change of measure that removes the drift; Shreve, <i>Stochastic
 * Calculus for Finance II</i>, Springer 2004, §7.2 "Maximum of Brownian motion with drift",
 * there with {@code σ = 1} and drift {@code α}; the same probabilities underlie the barrier-option
 * formulas in Hull, <i>Options, Futures, and Other Derivatives</i>, chapter "Exotic options",
 * barrier options):
 * <pre>
 *   P(M_T ≥ m) = Φ((−m + νT)/(σ√T)) + e^{2νm/σ²}·Φ((−m − νT)/(σ√T))
 * </pre>
 * with {@code Φ} the standard normal distribution function. (Derivation in brief: under the
 * measure {@code Q} with {@code dQ/dP = exp(−(ν/σ)W_T − ν²T/(2σ²))}, {@code X/σ} is a driftless
 * Brownian motion; the reflection principle gives the joint law of its maximum and endpoint,
 * {@code Q(M_T ≥ m, X_T ≤ x) = Q(X_T ≥ 2m − x)} for {@code x ≤ m}; weighting back by
 * {@code dP/dQ = exp((ν/σ²)X_T − ν²T/(2σ²))} and integrating over {@code x} gives the two terms.)
 * The running minimum follows by symmetry ({@code −X} has drift {@code −ν}):
 * {@code P(min X ≤ −m) = Φ((−m − νT)/(σ√T)) + e^{−2νm/σ²}·Φ((−m + νT)/(σ√T))}.
 *
 * <p>Here {@code ν = −σ²/2}, so {@code e^{2νm/σ²} = e^{−m}}, and everything depends on two
 * numbers: the log distance {@code a = |ln(B/S₀)| > 0} and {@code s = σ·√T}. With
 * {@code u = a/s} and {@code h = s/2}:
 * <pre>
 *   long  (B &lt; S₀):  P = Φ(h − u) + (S₀/B)·Φ(−u − h)        [S₀/B = e^{a}]
 *   short (B &gt; S₀):  P = Φ(−u − h) + (S₀/B)·Φ(h − u)        [S₀/B = e^{−a}]
 * </pre>
 * Checks: as {@code T → ∞} the long's probability tends to 1 (a driftless GBM tends to 0 almost
 * surely) and the short's to {@code S₀/B}, which is also its bound for every {@code T} (Doob's
 * maximal inequality for the positive martingale {@code S}); and, by optional stopping,
 * {@code P_short(S₀ → H) = (S₀/H)·P_long(S₀ → S₀²/H)}. The tests check both, and the formula
 * against a Monte Carlo simulation and against values worked by hand.
 *
 * <p>Numerics: {@code Φ} is Marsaglia's Taylor series for {@code |x| ≤ 3} (absolute error
 * below 1e-15) and the Laplace continued fraction of Mills' ratio beyond (relative error of order
 * 1e-14), so that {@code (S₀/B)·Φ(−u − h)}, a large factor times a far tail, is evaluated as
 * {@code φ(u − h)·R(u + h)} without overflow or loss of precision.
 *
 * <h2>Assumptions</h2>
 * <ul>
 *   <li>The mark is monitored continuously and the venue's liquidation engine acts exactly when
 *       the mark touches the liquidation price (no gap past it, no partial liquidation, no
 *       earlier auto-deleveraging).</li>
 *   <li>Constant volatility over the horizon, no jumps (crypto prices do jump and volatility
 *       clusters: the probability is a model figure, not a forecast).</li>
 *   <li>No drift of the price (see above), and the liquidation price stays where it is: funding
 *       payments, fees, margin added or removed, tier changes and, for a cross position, the
 *       other positions' PnL are ignored.</li>
 * </ul>
 *
 * <h2>Units</h2>
 * Prices in quote per base (any unit, only their ratio matters); volatility annualised, as a
 * fraction ({@code 0.6} = 60 % a year, the standard deviation of the yearly log return); horizon
 * in years of 365 days (crypto trades every day, so a 365-day year is consistent with
 * volatilities annualised by {@code √365}, as the bundled {@link Volatilities} are), or in days
 * or hours with the convenience methods. The result is a probability in {@code [0, 1]} as a
 * {@code double} (0.25 = 25 %); a probability is not money, so it is computed in {@code double}.
 *
 * <p>Stateless and thread-safe.
 */
public final class LiquidationProbability {

    /** Largest accepted annualised volatility: 10 = 1000 % a year. */
    public static final double MAX_VOLATILITY = 10;

    /** Days in the year of the horizon and of the volatility's annualisation. */
    public static final double DAYS_PER_YEAR = 365;

    /** Hours in that year. */
    public static final double HOURS_PER_YEAR = DAYS_PER_YEAR * 24;

    /**
     * The assumptions in a few plain sentences, for a tooltip beside the figure.
     */
    public static final String ASSUMPTIONS = "Probability that the mark touches the liquidation price within the "
            + "horizon, if the mark moves as a random walk with no trend (driftless geometric Brownian motion) "
            + "at the annualised volatility entered, watched continuously. Assumes constant volatility and no "
            + "jumps or gaps; ignores funding, fees and margin changes, which move the liquidation price; "
            + "assumes the venue liquidates exactly at that price. A model figure, not a forecast: real prices "
            + "jump and volatility changes.";

    private static final double LN_SQRT_2PI = 0.91893853320467274178;
    /** Below this, {@code Φ(x)} is taken from Mills' ratio rather than the Taylor series. */
    private static final double TAIL = 3;
    /** Terms of the continued fraction; at {@code z = 3} it has converged to double precision by 50. */
    private static final int FRACTION_TERMS = 60;

    private LiquidationProbability() {
    }

    /**
     * The probability that the mark touches the liquidation price within the horizon (model and
     * assumptions in the class doc).
     *
     * @param side              long (liquidated when the mark falls to the price) or short (when
     *                          it rises to it), not null
     * @param markPrice         the current mark {@code S₀}, quote per base, &gt; 0, not null
     * @param liquidationPrice  the liquidation price {@code B}, quote per base, &gt; 0, or null
     *                          when the position has none (it is then never liquidated)
     * @param volatility        annualised volatility {@code σ} as a fraction (0.6 = 60 %),
     *                          {@code 0 ≤ σ ≤ }{@value #MAX_VOLATILITY}
     * @param horizonYears      horizon {@code T} in years of 365 days, finite, ≥ 0
     * @return the probability in {@code [0, 1]}: 0 without a liquidation price; 1 when the
     *         liquidation price is at or beyond the mark (below it for a short, above it for a
     *         long: already liquidated); otherwise 0 when {@code σ = 0} or {@code T = 0}, else the
     *         closed form
     * @throws ValidationException ({@code side}, {@code markPrice}) if missing or not positive;
     *         ({@code liquidationPrice}) if present and not positive; ({@code volatility}) if not
     *         a number in {@code [0, 10]}; ({@code horizon}) if negative or not finite
     */
    public static double probability(Side side, BigDecimal markPrice, BigDecimal liquidationPrice,
            double volatility, double horizonYears) {
        return compute(side, markPrice, liquidationPrice, volatility, horizonYears, "horizon", horizonYears);
    }

    /**
     * {@link #probability} with the horizon in days (of 24 hours; a year is
     * {@value #DAYS_PER_YEAR} days).
     *
     * @param horizonDays  horizon in days, finite, ≥ 0
     * @throws ValidationException as {@link #probability}, naming {@code horizonDays}
     */
    public static double probabilityWithinDays(Side side, BigDecimal markPrice, BigDecimal liquidationPrice,
            double volatility, double horizonDays) {
        return compute(side, markPrice, liquidationPrice, volatility, horizonDays / DAYS_PER_YEAR,
                "horizonDays", horizonDays);
    }

    /**
     * {@link #probability} with the horizon in hours (a year is {@value #HOURS_PER_YEAR} hours).
     *
     * @param horizonHours  horizon in hours, finite, ≥ 0
     * @throws ValidationException as {@link #probability}, naming {@code horizonHours}
     */
    public static double probabilityWithinHours(Side side, BigDecimal markPrice, BigDecimal liquidationPrice,
            double volatility, double horizonHours) {
        return compute(side, markPrice, liquidationPrice, volatility, horizonHours / HOURS_PER_YEAR,
                "horizonHours", horizonHours);
    }

    private static double compute(Side side, BigDecimal markPrice, BigDecimal liquidationPrice,
            double volatility, double years, String horizonField, double horizonEntered) {
        Checks.notNull(side, "side");
        Checks.positive(markPrice, "markPrice");
        Checks.positiveOrNull(liquidationPrice, "liquidationPrice");
        if (!(volatility >= 0 && volatility <= MAX_VOLATILITY)) {
            throw new ValidationException("volatility",
                    "must be ≥ 0 and ≤ 10 (annualised, a fraction: 0.6 = 60 %)", volatility);
        }
        if (!(horizonEntered >= 0 && horizonEntered < Double.POSITIVE_INFINITY)) {
            throw new ValidationException(horizonField, "must be ≥ 0 and finite", horizonEntered);
        }
        if (liquidationPrice == null) {
            return 0;
        }
        // signed adverse move to the barrier: > 0 when the barrier is still ahead
        BigDecimal gap = side == Side.LONG ? markPrice.subtract(liquidationPrice) : liquidationPrice.subtract(markPrice);
        if (gap.signum() <= 0) {
            return 1;
        }
        double s = volatility * Math.sqrt(years);
        if (!(s > 0)) {
            return 0;
        }
        // a = |ln(B/S₀)|; near the mark from the exact difference (log1p), so a barrier a hair
        // away keeps its digits; far from it from the ratio (which may underflow or overflow to
        // a = ∞ for absurd barriers: P = 0, the right limit)
        double ratio = liquidationPrice.divide(markPrice, MathContext.DECIMAL64).doubleValue();
        double a = ratio > 0.5 && ratio < 2
                ? Math.abs(Math.log1p(liquidationPrice.subtract(markPrice).divide(markPrice, MathContext.DECIMAL64).doubleValue()))
                : Math.abs(Math.log(ratio));
        if (!(a > 0)) {
            return 1; // nearer than double precision can tell: touched at once
        }
        double u = a / s;
        double h = s / 2;
        double p = side == Side.LONG
                ? normalCdf(h - u) + expTimesTail(u, h)
                : normalCdf(-u - h) + expMinusTimesCdf(u, h);
        return Math.min(1, Math.max(0, p));
    }

    /** {@code e^{2uh}·Φ(−u − h)} (the long's second term, {@code e^{a} = S₀/B}). */
    private static double expTimesTail(double u, double h) {
        double x = -u - h;
        if (x < -TAIL) {
            // e^{2uh}·φ(u + h) = φ(u − h), exactly
            return density(u - h) * millsRatio(u + h);
        }
        return Math.exp(2 * u * h) * normalCdf(x); // here u + h ≤ 3, so 2uh ≤ 4.5
    }

    /** {@code e^{−2uh}·Φ(h − u)} (the short's second term, {@code e^{−a} = S₀/B}). */
    private static double expMinusTimesCdf(double u, double h) {
        double x = h - u;
        if (x < -TAIL) {
            // e^{−2uh}·φ(u − h) = φ(u + h), exactly
            return density(u + h) * millsRatio(u - h);
        }
        return Math.exp(-2 * u * h) * normalCdf(x);
    }

    /** The standard normal density {@code φ(x)}. */
    static double density(double x) {
        return Math.exp(-0.5 * x * x - LN_SQRT_2PI);
    }

    /**
     * The standard normal distribution function {@code Φ(x)}: Marsaglia's series
     * ({@code Φ(x) = 1/2 + φ(x)·(x + x³/3 + x⁵/(3·5) + …)}, G. Marsaglia, "Evaluating the Normal
     * Distribution", J. Stat. Softw. 11(4), 2004) for {@code |x| ≤ 3}, Mills' ratio beyond.
     */
    static double normalCdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < -TAIL) {
            return density(x) * millsRatio(-x);
        }
        if (x > TAIL) {
            return 1 - density(x) * millsRatio(x);
        }
        double sum = x;
        double previous = 0;
        double term = x;
        double q = x * x;
        for (int i = 1; sum != previous; ) {
            previous = sum;
            i += 2;
            term *= q / i;
            sum = previous + term;
        }
        return 0.5 + sum * density(x);
    }

    /**
     * Mills' ratio {@code R(z) = Φ(−z)/φ(z)} for {@code z ≥ 3}, by Laplace's continued fraction
     * {@code 1/(z + 1/(z + 2/(z + 3/(z + …))))}, evaluated backwards.
     */
    private static double millsRatio(double z) {
        if (z == Double.POSITIVE_INFINITY) {
            return 0;
        }
        double f = z;
        for (int k = FRACTION_TERMS; k >= 1; k--) {
            f = z + k / f;
        }
        return 1 / f;
    }
}
