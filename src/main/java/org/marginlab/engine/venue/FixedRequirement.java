package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import java.util.ArrayList;
import java.util.List;

import org.marginlab.engine.derivation.Expr;
import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.derivation.Formulas;
import org.marginlab.engine.derivation.Step;
import org.marginlab.engine.derivation.Trace;
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
        return price(e, wallet, requirement, null, null, null);
    }

    /**
     * As {@link #price(Exposure, BigDecimal, BigDecimal)}, recording its steps as the figure's
     * while a {@link Trace} records the position.
     *
     * @param figure       {@link Figure#LIQUIDATION_PRICE} or {@link Figure#BANKRUPTCY_PRICE}, or null to record nothing
     * @param source       the spec section the steps cite
     * @param requirementFormula  {@code R} as a formula (its own step), or null when {@code R} is 0
     */
    static BigDecimal price(Exposure e, BigDecimal wallet, BigDecimal requirement, Figure figure, String source,
            Expr requirementFormula) {
        BigDecimal entry = e.position.entryPrice();
        BigDecimal cushion = wallet.subtract(requirement);
        boolean isLong = e.s.signum() > 0;
        Trace t = figure == null ? null : Trace.of(e.position);
        List<Step> steps = t == null ? null : new ArrayList<>();
        if (steps != null) {
            start(t, e, wallet, requirement, figure, source, requirementFormula, steps);
        }
        BigDecimal price;
        if (e.inverse) {
            BigDecimal denominator = e.notional(entry).add(e.s.multiply(cushion));
            if (steps != null) {
                steps.add(Step.of("Denominator", "D", Expr.add(Expr.div(Formulas.size(e.position), Formulas.entry(e.position)),
                        Expr.mul(Formulas.side(e.position), Expr.sym("C", cushion))), denominator, t.amountUnit(), source)
                        .withNote("F/EP + s·C: the value at the entry moved by the cushion."));
            }
            if (denominator.signum() <= 0) {
                return none(t, figure, steps, source, "the denominator F/EP + s·C is not above 0");
            }
            price = e.size.divide(denominator, isLong ? FLOOR : CEILING);
            BigDecimal solved = price;
            price = LiquidationSolver.toLossSide(price, isLong,
                    p -> wallet.add(e.pnl(p)).compareTo(requirement) <= 0);
            if (steps != null) {
                steps.add(Step.of(figure.term() + ", solved", "P_1", Expr.div(Formulas.size(e.position), Expr.sym("D", denominator)),
                        solved, t.priceUnit(), source));
                steps.add(last(t, figure, solved, price, source));
            }
        } else {
            // a larger move is on the loss side for both sides: down for a long, up for a short
            BigDecimal move = cushion.divide(e.size, CEILING);
            price = isLong ? entry.subtract(move) : entry.add(move);
            if (steps != null) {
                steps.add(Step.of("Price move to " + figure.term().toLowerCase(java.util.Locale.ROOT), "m",
                        Expr.div(Expr.sym("C", cushion), Formulas.size(e.position)), move, t.priceUnit(), source)
                        .withNote("The cushion over the size: how far the price can move against the position."));
                if (price.signum() > 0) {
                    steps.add(Step.of(figure.term(), figure == Figure.LIQUIDATION_PRICE ? "P" : "P_bk",
                            isLong ? Expr.sub(Formulas.entry(e.position), Expr.sym("m", move))
                                    : Expr.add(Formulas.entry(e.position), Expr.sym("m", move)), price, t.priceUnit(),
                            source).withNote(isLong ? "A long: EP − m." : "A short: EP + m."));
                }
            }
        }
        if (price.signum() > 0) {
            if (steps != null) {
                t.put(figure, steps);
            }
            return price;
        }
        return none(t, figure, steps, source, "the price it solves to is not above 0");
    }

    private static void start(Trace t, Exposure e, BigDecimal wallet, BigDecimal requirement, Figure figure, String source,
            Expr requirementFormula, List<Step> steps) {
        List<Step> before = t.steps(figure);
        String eq = e.inverse ? "W + s·F·(1/EP − 1/P) = R" : "W + s·B·(P − EP) = R";
        if (requirementFormula != null) {
            steps.add(Step.of("Requirement held fixed", "R", requirementFormula, requirement, t.amountUnit(), source)
                    .withNote("Valued at the entry, not re-checked at the price."));
        }
        steps.add(Step.of("Cushion", "C", requirementFormula == null && requirement.signum() == 0
                ? Expr.sym("W", wallet) : Expr.sub(Expr.sym("W", wallet), Expr.sym("R", requirement)),
                wallet.subtract(requirement), t.amountUnit(), source).withNote("Solves " + eq + " for P"
                        + (figure == Figure.BANKRUPTCY_PRICE ? ", with R = 0 (equity 0)." : ", with R fixed.")));
        if (!before.isEmpty() && figure == Figure.LIQUIDATION_PRICE) {
            steps.addAll(0, before);
        }
    }

    private static Step last(Trace t, Figure figure, BigDecimal solved, BigDecimal price, String source) {
        Expr f = Expr.sym("P_1", solved);
        String note = "";
        if (price.compareTo(solved) != 0) {
            f = Expr.add(f, Expr.num(price.subtract(solved)));
            note = "Moved by its last digits toward the loss side, so that at this price the position is liquidated "
                    + "as the engine evaluates it (rounding of 1/P).";
        }
        return Step.of(figure.term(), figure == Figure.LIQUIDATION_PRICE ? "P" : "P_bk", f, price, t.priceUnit(), source)
                .withNote(note);
    }

    private static BigDecimal none(Trace t, Figure figure, List<Step> steps, String source, String why) {
        if (steps != null) {
            steps.add(Step.note(figure.term(), "None: " + why + ", so no positive price reaches the requirement.",
                    source));
            t.put(figure, steps);
        }
        return null;
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

    /**
     * As {@link #liquidation(Exposure, BigDecimal, BigDecimal, MaintenanceTier)}, recording the
     * steps as the liquidation price's, {@code R} given as the tier's maintenance margin at the
     * entry value when {@code requirementFormula} is null.
     */
    static LiquidationSolver.Solution liquidation(Exposure e, BigDecimal wallet, BigDecimal requirement,
            MaintenanceTier tier, String source, Expr requirementFormula) {
        Expr r = requirementFormula;
        if (r == null && Trace.of(e.position) != null) {
            r = Formulas.maintenance(tier, Expr.sym("N_EP", e.notional(e.position.entryPrice())));
            if (tier.maintenanceMargin(e.notional(e.position.entryPrice())).compareTo(requirement) != 0) {
                r = null;
            }
        }
        BigDecimal price = price(e, wallet, requirement, Figure.LIQUIDATION_PRICE, source, r);
        return price == null ? null : new LiquidationSolver.Solution(price, tier);
    }
}
