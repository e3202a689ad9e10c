package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

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
        int n = applied.size();
        BigDecimal mark = e.position.markPrice();
        int k = schedule.indexOf(e.notional(mark));
        for (int step = 0; step < n + 2; step++) {
            BigDecimal p = root(e, applied.get(k), wallet, feeRate);
            if (p == null) {
                break;
            }
            int t = schedule.indexOf(e.notional(p));
            if (t == k) {
                return solution(e, applied.get(k), wallet, feeRate, p);
            }
            k = t;
        }
        BigDecimal best = null;
        int bestTier = -1;
        for (int t = 0; t < n; t++) {
            BigDecimal p = root(e, applied.get(t), wallet, feeRate);
            if (p != null && schedule.indexOf(e.notional(p)) == t
                    && (best == null || p.subtract(mark).abs().compareTo(best.subtract(mark).abs()) < 0)) {
                best = p;
                bestTier = t;
            }
        }
        if (best != null) {
            return solution(e, applied.get(bestTier), wallet, feeRate, best);
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
