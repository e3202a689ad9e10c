package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.marginlab.engine.tier.MaintenanceTier;

/**
 * Templates L-E and I-E of venues-v2.md §0.2: the liquidation (or bankruptcy) price when the
 * requirement {@code R} does not move with the price (maintenance margin valued at the entry,
 * plus any fixed amount such as a fee to close valued at the bankruptcy price from the entry).
 * {@code s} = +1 long, −1 short; {@code W} the margin that backs the position (isolated margin,
 * or the cross wallet term); {@code B} base units (linear), {@code F} quote face value (inverse).
 * <ul>
 *   <li>linear ({@code k = 1}; quanto {@code k} folded into {@code B}):
 *       {@code W + s·B·(P − EP) = R} ⇒ {@code P = EP − s·(W − R)/B};</li>
 *   <li>inverse: {@code W + s·F·(1/EP − 1/P) = R} ⇒ {@code P = F / (F/EP + s·(W − R))}.</li>
 * </ul>
 * A price ≤ 0, or an inverse denominator ≤ 0, means no liquidation at any positive price: null
 * (§0.2). With {@code R = m·B·EP} and {@code W = B·EP} (1x linear long) the price is
 * {@code m·EP}, not null: equity can fall to the fixed requirement.
 *
 * <p>The price is rounded to 34 digits toward the loss side, and an inverse price is moved
 * further if the evaluation's own rounding leaves the equity a last digit above {@code R}, so
 * that the position is liquidated at the returned price as the engine evaluates it.
 */
final class FixedRequirement {
    private static final MathContext FLOOR = new MathContext(34, RoundingMode.FLOOR);
    private static final MathContext CEILING = new MathContext(34, RoundingMode.CEILING);

    private FixedRequirement() {
    }

    /**
     * @param e            the position's exposure
     * @param wallet       {@code W}, settlement currency
     * @param requirement  {@code R}, settlement currency (0 for a bankruptcy price)
     * @return the price, &gt; 0, or null if none
     */
    static BigDecimal price(Exposure e, BigDecimal wallet, BigDecimal requirement) {
        BigDecimal entry = e.position.entryPrice();
        BigDecimal cushion = wallet.subtract(requirement);
        boolean isLong = e.s.signum() > 0;
        BigDecimal price;
        if (e.inverse) {
            BigDecimal denominator = e.notional(entry).add(e.s.multiply(cushion));
            if (denominator.signum() <= 0) {
                return null;
            }
            price = e.size.divide(denominator, isLong ? FLOOR : CEILING);
            price = LiquidationSolver.toLossSide(price, isLong,
                    p -> wallet.add(e.pnl(p)).compareTo(requirement) <= 0);
        } else {
            // a larger move is on the loss side for both sides: down for a long, up for a short
            BigDecimal move = cushion.divide(e.size, CEILING);
            price = isLong ? entry.subtract(move) : entry.add(move);
        }
        return price.signum() > 0 ? price : null;
    }

    /**
     * @param e            the position's exposure
     * @param wallet       {@code W}
     * @param requirement  {@code R}
     * @param tier         the tier in force (chosen at the entry value; not re-checked at the price)
     * @return the liquidation price with its tier, or null if none
     */
    static LiquidationSolver.Solution liquidation(Exposure e, BigDecimal wallet, BigDecimal requirement,
            MaintenanceTier tier) {
        BigDecimal price = price(e, wallet, requirement);
        return price == null ? null : new LiquidationSolver.Solution(price, tier);
    }
}
