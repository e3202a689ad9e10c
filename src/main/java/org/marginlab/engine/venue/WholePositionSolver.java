package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

import org.marginlab.engine.derivation.Expr;
import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.derivation.Formulas;
import org.marginlab.engine.derivation.Step;
import org.marginlab.engine.derivation.Trace;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;

/**
 * Templates L-P / I-P (venues-v2.md §0.2) for one position whose tier rate applies to the
 * <em>whole</em> value, with no maintenance amount (Bitget before 2025-11-10, §4.2): the
 * maintenance margin {@code N·m_k} jumps where the value crosses a tier floor, so the equation
 * "equity = (m_k + φ)·N(P) − ded_k" is solved per tier and the tier re-checked at the price.
 * <ul>
 *   <li>linear: {@code P = (W + ded − s·B·EP) / (B·(m + φ − s))};</li>
 *   <li>inverse: {@code P = F·(m + φ + s) / (W + ded + s·F/EP)}.</li>
 * </ul>
 * Steps: from the tier at the mark, solve and re-check until the tier is stable; else the
 * self-consistent root nearest the mark; else, where the requirement jumps up across a floor
 * (value rising toward the loss: a linear short, an inverse long) and no root lies on either
 * side, the floor's price itself, at which equity first falls below the requirement. Null when
 * there is none (price ≤ 0, zero denominator).
 */
final class WholePositionSolver {
    private static final MathContext FLOOR = new MathContext(34, RoundingMode.FLOOR);
    private static final MathContext CEILING = new MathContext(34, RoundingMode.CEILING);

    private WholePositionSolver() {
    }

    /**
     * @param e         the position's exposure
     * @param schedule  the schedule whose floors select the tier
     * @param applied   the tiers as applied (same indices; maintenance amounts as the rule uses them)
     * @param wallet    {@code W}
     * @param feeRate   {@code φ}
     * @return the price and the applied tier there, or null if none
     */
    static LiquidationSolver.Solution solve(Exposure e, TierTable schedule, List<MaintenanceTier> applied,
            BigDecimal wallet, BigDecimal feeRate) {
        return solve(e, schedule, applied, wallet, feeRate, Sources.BINANCE.liquidation());
    }

    /**
     * As {@link #solve(Exposure, TierTable, List, BigDecimal, BigDecimal)}, recording its steps
     * as the liquidation price's while a {@link Trace} records the
     * position, citing {@code source}.
     */
    static LiquidationSolver.Solution solve(Exposure e, TierTable schedule, List<MaintenanceTier> applied,
            BigDecimal wallet, BigDecimal feeRate, String source) {
        SolverSteps rec = Trace.active() == null ? null
                : SolverSteps.of(List.of(new LiquidationSolver.Leg(e, schedule, feeRate)), source);
        LiquidationSolver.Solution s = solve(e, schedule, applied, wallet, feeRate, rec);
        if (rec != null) {
            if (s == null) {
                rec.steps.add(Step.note("Liquidation price", "None: no tier's equation "
                        + "has a positive price in that tier, and no tier floor is a price where equity first falls "
                        + "below the requirement.", source));
            }
            rec.trace().put(Figure.LIQUIDATION_PRICE, rec.steps);
        }
        return s;
    }

    private static LiquidationSolver.Solution solve(Exposure e, TierTable schedule, List<MaintenanceTier> applied,
            BigDecimal wallet, BigDecimal feeRate, SolverSteps rec) {
        int n = applied.size();
        BigDecimal mark = e.position.markPrice();
        int k = schedule.indexOf(e.notional(mark));
        if (rec != null) {
            rec.applied = applied;
            rec.start(new int[] {k});
        }
        for (int step = 0; step < n + 2; step++) {
            BigDecimal p = root(e, applied.get(k), wallet, feeRate);
            if (p == null) {
                if (rec != null) {
                    rec.steps.add(Step.note("Liquidation price, solve " + (step + 1),
                            "At tier " + (k + 1) + " the equation has no positive price: each tier is tried next.",
                            rec.source()));
                }
                break;
            }
            int t = schedule.indexOf(e.notional(p));
            if (rec != null) {
                rec.solved(step + 1, wallet, new int[] {k}, p);
                rec.recheck(step + 1, 0, p, k, t);
            }
            if (t == k) {
                LiquidationSolver.Solution s = solution(e, applied.get(k), wallet, feeRate, p);
                if (rec != null) {
                    rec.last(step + 1, p, s.price());
                }
                return s;
            }
            k = t;
        }
        BigDecimal best = null;
        int bestTier = -1;
        for (int t = 0; t < n; t++) {
            BigDecimal p = root(e, applied.get(t), wallet, feeRate);
            boolean fits = p != null && schedule.indexOf(e.notional(p)) == t;
            if (rec != null && p != null) {
                rec.scan(t, wallet, p, fits);
            }
            if (fits && (best == null || p.subtract(mark).abs().compareTo(best.subtract(mark).abs()) < 0)) {
                best = p;
                bestTier = t;
            }
        }
        if (best != null) {
            LiquidationSolver.Solution s = solution(e, applied.get(bestTier), wallet, feeRate, best);
            if (rec != null) {
                rec.last("P_t" + (bestTier + 1), best, s.price());
                rec.steps.set(rec.steps.size() - 1, rec.steps.get(rec.steps.size() - 1).withNote(
                        "The self-consistent price nearest the mark (tier " + (bestTier + 1) + ")"
                                + (best.compareTo(s.price()) == 0 ? "." : ", moved by its last digits to the loss side.")));
            }
            return s;
        }
        for (int t = 1; t < n; t++) {
            BigDecimal floor = applied.get(t).floor();
            if (floor.signum() <= 0) {
                continue;
            }
            // the price where the value reaches the floor, rounded into tier t
            BigDecimal p = e.inverse ? e.size.divide(floor, FLOOR) : floor.divide(e.size, CEILING);
            if (p.signum() > 0 && schedule.indexOf(e.notional(p)) == t && liquidatedAt(e, applied.get(t), wallet, feeRate, p)
                    && (best == null || p.subtract(mark).abs().compareTo(best.subtract(mark).abs()) < 0)) {
                best = p;
                bestTier = t;
            }
        }
        if (rec != null && best != null) {
            MaintenanceTier floorTier = applied.get(bestTier);
            Expr f = Expr.sym("floor_" + (bestTier + 1),
                    floorTier.floor());
            rec.steps.add(Step.of("Liquidation price", "P", e.inverse
                    ? Expr.div(Formulas.size(e.position), f)
                    : Expr.div(f, Formulas.size(e.position)),
                    best, rec.trace().priceUnit(), rec.source()).withNote("No tier's root lies in its own tier: the "
                            + "price where the value reaches the floor of tier " + (bestTier + 1) + ", where the "
                            + "requirement jumps up and equity first falls below it."));
        }
        return best == null ? null : new LiquidationSolver.Solution(best, applied.get(bestTier));
    }

    private static LiquidationSolver.Solution solution(Exposure e, MaintenanceTier tier, BigDecimal wallet,
            BigDecimal feeRate, BigDecimal price) {
        BigDecimal p = LiquidationSolver.toLossSide(price, lossBelow(e, tier, feeRate),
                q -> liquidatedAt(e, tier, wallet, feeRate, q));
        return new LiquidationSolver.Solution(p, tier);
    }

    /** Whether equity ≤ (m + φ)·N − ded at the price, with the tier fixed. */
    private static boolean liquidatedAt(Exposure e, MaintenanceTier tier, BigDecimal wallet, BigDecimal feeRate,
            BigDecimal price) {
        BigDecimal notional = e.notional(price);
        BigDecimal requirement = tier.maintenanceMargin(notional).add(notional.multiply(feeRate));
        return wallet.add(e.pnl(price)).compareTo(requirement) <= 0;
    }

    /** Whether equity − requirement rises with the price (the loss side is below). */
    private static boolean lossBelow(Exposure e, MaintenanceTier tier, BigDecimal feeRate) {
        BigDecimal rate = tier.mmr().add(feeRate);
        return (e.inverse ? e.s.add(rate) : e.s.subtract(rate)).signum() > 0;
    }

    private static BigDecimal root(Exposure e, MaintenanceTier tier, BigDecimal wallet, BigDecimal feeRate) {
        BigDecimal rate = tier.mmr().add(feeRate);
        BigDecimal numerator;
        BigDecimal denominator;
        if (e.inverse) {
            numerator = e.size.multiply(rate.add(e.s));
            denominator = wallet.add(tier.maintenanceAmount())
                    .add(e.s.multiply(e.size).divide(e.position.entryPrice(), MathContext.DECIMAL128));
        } else {
            numerator = wallet.add(tier.maintenanceAmount()).subtract(e.s.multiply(e.size).multiply(e.position.entryPrice()));
            denominator = e.size.multiply(rate.subtract(e.s));
        }
        if (denominator.signum() == 0) {
            return null;
        }
        boolean lossBelow = e.inverse ? numerator.signum() > 0 : denominator.signum() < 0;
        BigDecimal price = numerator.divide(denominator, lossBelow ? FLOOR : CEILING);
        return price.signum() > 0 ? price : null;
    }
}
