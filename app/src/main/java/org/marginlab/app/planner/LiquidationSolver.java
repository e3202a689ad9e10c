package org.marginlab.app.planner;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.VenueRules;

/**
 * "One click" for a sized isolated position: the leverage, or the isolated margin, that puts the
 * liquidation price a chosen distance beyond the stop ({@code distance} % of the stop price: a
 * long's liquidation price at or below {@code stop·(1 − d)}, a short's at or above
 * {@code stop·(1 + d)}).
 *
 * <p>Both are found on the engine itself, by bisection: the engine's liquidation price moves
 * toward the entry as the leverage rises (less margin) and away from it as the isolated margin
 * grows, so the condition holds below one leverage and above one margin. The answer is the
 * engine's figure at the result ({@link SizeFromRisk#plan}), so it is verified by construction.
 * <ul>
 *   <li>Leverage: the highest <b>whole</b> leverage (every venue accepts whole multiples) from 1
 *       up to the max leverage of the tier at the sized notional, capped by the position's max
 *       leverage ({@code VenueRules.maxLeverage}), at which the venue's default isolated margin
 *       gives such a liquidation price.</li>
 *   <li>Isolated margin: the least margin, in steps of the settlement currency's display unit
 *       (0.01 quote for linear, 0.00000001 coin for inverse), rounded up, at the typed leverage,
 *       at least the venue's default margin (a position cannot open with less).</li>
 * </ul>
 */
public final class LiquidationSolver {
    /** Doublings tried when looking for an upper bound (2^60: far beyond any balance). */
    private static final int MAX_DOUBLINGS = 60;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private LiquidationSolver() {
    }

    /**
     * What a solve found.
     *
     * @param plan         the plan at the found leverage or margin, as the engine evaluates it
     * @param targetPrice  the price the liquidation price must be at or beyond, quote per base
     * @param unchanged    whether the typed leverage (the default margin) already does it
     */
    public record Solution(SizePlan plan, BigDecimal targetPrice, boolean unchanged) {
        /** @return the leverage of the plan */
        public BigDecimal leverage() {
            return plan.inputs().leverage();
        }

        /** @return the isolated margin of the plan, settlement currency */
        public BigDecimal isolatedMargin() {
            return plan.risk().isolatedMargin();
        }
    }

    /**
     * The distance typed: a percentage of the stop price, ≥ 0 and &lt; 100.
     *
     * @throws ValidationException ({@code --distance}) otherwise
     */
    public static BigDecimal distance(Numbers numbers, String text) {
        BigDecimal d = PlanInputs.notNegative(numbers, text, "--distance");
        if (d.compareTo(HUNDRED) >= 0) {
            throw new ValidationException("--distance", "must be < 100 (% of the stop price)", d);
        }
        return d;
    }

    /**
     * The price the liquidation price must reach: {@code stop·(1 − s·d/100)}.
     *
     * @param side             long or short
     * @param stopPrice        quote per base, &gt; 0
     * @param distancePercent  % of the stop price, ≥ 0
     * @return quote per base (exact: a product)
     */
    public static BigDecimal targetPrice(Side side, BigDecimal stopPrice, BigDecimal distancePercent) {
        return stopPrice.multiply(BigDecimal.ONE.subtract(side.signDecimal().multiply(distancePercent).movePointLeft(2)));
    }

    /**
     * The highest whole leverage whose liquidation price is at or beyond the target.
     *
     * @param in               the checked inputs (isolated), not null; the typed leverage is not used
     *                         for the answer, only to tell whether it changed
     * @param distancePercent  % of the stop price, ≥ 0 and &lt; 100
     * @return the solution, never null
     * @throws ValidationException ({@code --mode}) in cross; ({@code --distance}) when no leverage
     *         ≥ 1 does it; as {@link SizeFromRisk#plan} for the sizing
     */
    public static Solution solveLeverage(SizeInputs in, BigDecimal distancePercent) {
        isolated(in, "leverage");
        BigDecimal target = targetPrice(in.side(), in.stopPrice(), distancePercent);
        SizePlan atOne = SizeFromRisk.plan(in.withLeverage(BigDecimal.ONE));
        if (!beyond(atOne, target)) {
            throw new ValidationException("--distance", "cannot be reached by leverage: even at 1x the liquidation price "
                    + plain(atOne.liquidationPrice()) + " is not at or " + (in.side() == Side.LONG ? "below " : "above ")
                    + plain(target) + "; widen the stop, lower the distance or add margin",
                    distancePercent.stripTrailingZeros().toPlainString());
        }
        Position p = atOne.position();
        VenueRules venue = in.instrument().venue();
        BigDecimal max = venue.maxLeverage(p, venue.schedule(p));
        long cap = max == null ? Long.MAX_VALUE : max.setScale(0, RoundingMode.FLOOR).longValueExact();
        if (cap < 1) {
            throw new ValidationException("--distance", "cannot be reached by leverage: the max leverage at this size is "
                    + plain(max) + "x, below 1x", distancePercent.stripTrailingZeros().toPlainString());
        }
        // lo does it; hi does not (or is above the cap)
        long lo = 1;
        long hi = 2;
        int doublings = 0;
        while (hi <= cap && ok(in, hi, target) && doublings++ < MAX_DOUBLINGS) {
            lo = hi;
            hi *= 2;
        }
        if (hi > cap) {
            if (ok(in, cap, target)) {
                lo = cap;
                hi = cap + 1;
            } else {
                hi = cap;
            }
        }
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (ok(in, mid, target)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        SizePlan plan = SizeFromRisk.plan(in.withLeverage(BigDecimal.valueOf(lo)));
        return new Solution(plan, target, plan.inputs().leverage().compareTo(in.leverage()) == 0);
    }

    /**
     * The least isolated margin (at the typed leverage, at least the venue's default) whose
     * liquidation price is at or beyond the target.
     *
     * @param in               the checked inputs (isolated), not null
     * @param distancePercent  % of the stop price, ≥ 0 and &lt; 100
     * @return the solution, never null
     * @throws ValidationException ({@code --mode}) in cross; ({@code --distance}) when no margin
     *         does it; as {@link SizeFromRisk#plan} for the sizing
     */
    public static Solution solveMargin(SizeInputs in, BigDecimal distancePercent) {
        isolated(in, "isolated margin");
        BigDecimal target = targetPrice(in.side(), in.stopPrice(), distancePercent);
        SizePlan plan = SizeFromRisk.plan(in);
        if (beyond(plan, target)) {
            return new Solution(plan, target, true);
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(in.instrument().contract().isInverse() ? 8 : 2);
        BigDecimal base = plan.margin();
        // margins as whole units: lo does not do it, hi does
        BigDecimal lo = base.divide(unit, 0, RoundingMode.FLOOR);
        BigDecimal hi = lo.max(BigDecimal.ONE).multiply(BigDecimal.valueOf(2));
        int doublings = 0;
        while (!beyond(atMargin(in, hi.multiply(unit)), target)) {
            if (doublings++ >= MAX_DOUBLINGS) {
                throw new ValidationException("--distance", "cannot be reached by adding margin; widen the stop or lower "
                        + "the distance", distancePercent.stripTrailingZeros().toPlainString());
            }
            lo = hi;
            hi = hi.multiply(BigDecimal.valueOf(2));
        }
        BigDecimal two = BigDecimal.valueOf(2);
        while (hi.subtract(lo).compareTo(BigDecimal.ONE) > 0) {
            BigDecimal mid = lo.add(hi.subtract(lo).divide(two, 0, RoundingMode.FLOOR));
            if (beyond(atMargin(in, mid.multiply(unit)), target)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return new Solution(atMargin(in, hi.multiply(unit)), target, false);
    }

    private static SizePlan atMargin(SizeInputs in, BigDecimal margin) {
        return SizeFromRisk.plan(in, margin);
    }

    private static boolean ok(SizeInputs in, long leverage, BigDecimal target) {
        return beyond(SizeFromRisk.plan(in.withLeverage(BigDecimal.valueOf(leverage))), target);
    }

    /** Whether the plan's liquidation price is at or beyond the target (none counts as beyond). */
    static boolean beyond(SizePlan plan, BigDecimal target) {
        BigDecimal lp = plan.liquidationPrice();
        return lp == null || plan.inputs().side().signDecimal().multiply(target.subtract(lp)).signum() >= 0;
    }

    private static void isolated(SizeInputs in, String what) {
        if (in.mode() != MarginMode.ISOLATED) {
            throw new ValidationException("--mode", "must be isolated to solve the " + what
                    + ": in cross the liquidation price depends on the wallet", in.mode().id());
        }
    }

    /** A price or leverage for a message: 2 decimals, half-up. */
    private static String plain(BigDecimal v) {
        return v == null ? "none" : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
