package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.derivation.Expr;
import org.marginlab.engine.derivation.Formulas;
import org.marginlab.engine.derivation.Step;
import org.marginlab.engine.derivation.Trace;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;

/**
 * What {@code bitmex} and {@code mexc} share (spec venues-v2.md §0.2 templates L-E and I-E,
 * §1.3, §1.4, §3.3): the maintenance margin is valued at the <em>entry</em> price, with the rate
 * of one risk-limit step (level) applied to the whole position value, and never re-solved at the
 * liquidation price.
 * <ul>
 *   <li>Step: the one that covers the position's chosen {@code riskLimit} when it names one,
 *       else the one that covers the venue's key ({@link #stepKey}: BitMEX the position value at
 *       the mark, MEXC at the entry). A risk limit is an upper bound: a value equal to a step's
 *       limit is in that step ({@code k = 0 if V ≤ baseRiskLimit}, §1.4), so a value equal to a
 *       table row's floor belongs to the row below.</li>
 *   <li>{@code MM_E = m·V_E − ded}, {@code V_E} the position value at entry (linear
 *       {@code k·Q·EP}, inverse {@code N/EP}); {@code m} the step's rate plus
 *       {@link #extraMaintenanceRate}. {@code ded = 0} for a step of a table (BitMEX and MEXC
 *       apply the step rate to the whole position, so the maintenance amounts a table carries
 *       for the sliced recurrence are not used); a one-rate schedule (the position's
 *       {@code maintenance} override) keeps its stated amount as the template's {@code ded}.</li>
 *   <li>Liquidation: {@link FixedRequirement} (L-E {@code LP = EP − s·(M − MM_E)/(k·Q)}, I-E
 *       {@code LP = N/(N/EP + s·(M − MM_E))}); cross positions use the shared wallet less the
 *       other positions' maintenance margin (each at its own entry) plus their unrealized PnL
 *       (§1.3 cross, derived). Bankruptcy: the same with {@code m = ded = 0}.</li>
 * </ul>
 * No fee enters the liquidation price (§10.2). Stateless, immutable and thread-safe.
 */
abstract class RiskLimitVenue extends BaseVenue {

    RiskLimitVenue(String id, String displayName, String currency, Set<ContractType> contracts, List<String> presets) {
        super(id, displayName, currency, contracts, presets);
    }

    /**
     * @param e  the position's exposure
     * @return the value that selects the step when the position names no risk limit,
     *         settlement currency
     */
    abstract BigDecimal stepKey(Exposure e);

    /**
     * @param p  the position
     * @return a rate added to the step's maintenance rate (BitMEX's funding reserve option),
     *         default 0
     */
    BigDecimal extraMaintenanceRate(Position p) {
        return BigDecimal.ZERO;
    }

    /** The field named when {@link #extraMaintenanceRate} takes the rate out of [0, 1). */
    String extraRateField() {
        return "fundingRate";
    }

    @Override
    final boolean maintenanceAtEntry() {
        return true;
    }

    @Override
    final boolean standardValuation(Position position) {
        return false;
    }

    /**
     * @return the index of the step in force: the row covering the chosen risk limit, else the
     *         key; a value equal to a row's floor is in the row below
     */
    final int stepIndex(Position p, TierTable schedule) {
        BigDecimal limit = p.venueParameters().riskLimit();
        BigDecimal key = limit != null ? limit : stepKey(new Exposure(p));
        int k = schedule.indexOf(key);
        if (k > 0 && schedule.tiers().get(k).floor().compareTo(key) == 0) {
            k--;
        }
        return k;
    }

    /**
     * The step in force as it is applied: its rate plus the extra rate, and the deduction of a
     * one-rate schedule (0 for a step of a table).
     *
     * @throws ValidationException if the extra rate takes the rate out of [0, 1)
     */
    final MaintenanceTier step(Position p, TierTable schedule) {
        MaintenanceTier t = schedule.tiers().get(stepIndex(p, schedule));
        BigDecimal extra = extraMaintenanceRate(p);
        BigDecimal rate = t.mmr().add(extra);
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new ValidationException(extraRateField(), "must keep the maintenance margin rate "
                    + t.mmr().toPlainString() + " + " + extra.toPlainString() + " in [0, 1) on " + id(), extra);
        }
        BigDecimal deduction = schedule.size() == 1 ? t.maintenanceAmount() : BigDecimal.ZERO;
        return MaintenanceTier.of(t.floor(), t.cap(), t.maxLeverage(), rate, deduction);
    }

    /** {@code MM_E = m·V_E − ded} of the step. */
    private static BigDecimal entryMaintenance(Exposure e, MaintenanceTier step) {
        return step.maintenanceMargin(e.notional(e.position.entryPrice()));
    }

    @Override
    public MarkValuation valueAtMark(Position p, TierTable schedule) {
        MarkValuation m = super.valueAtMark(p, schedule);
        MaintenanceTier step = step(p, schedule);
        MarkValuation v = new MarkValuation(m.notional(), step, entryMaintenance(new Exposure(p), step), m.closeFee(),
                m.unrealizedPnl(), m.initialMarginAtEntry(), m.initialMarginAtMark());
        Trace t = Trace.of(p);
        if (t != null) {
            recordStep(t, p, schedule, step, v);
        }
        return v;
    }

    private void recordStep(Trace t, Position p, TierTable schedule, MaintenanceTier step,
            MarkValuation v) {
        int k = stepIndex(p, schedule);
        BigDecimal limit = p.venueParameters().riskLimit();
        BigDecimal extra = extraMaintenanceRate(p);
        MaintenanceTier row = schedule.tiers().get(k);
        BigDecimal nEp = new Exposure(p).notional(p.entryPrice());
        Expr n = Expr.sym("N_EP", nEp);
        Expr rate = extra.signum() == 0
                ? Expr.sym("MMR", step.mmr())
                : Expr.add(Expr.sym("MMR_k", row.mmr()),
                        Expr.sym("r_" + extraRateField(), extra));
        Expr mm = Expr.mul(n, rate);
        if (step.maintenanceAmount().signum() != 0) {
            mm = Expr.sub(mm, Expr.sym("ded",
                    step.maintenanceAmount()));
        }
        String src = cited().maintenance();
        ValuationSteps.replaceMaintenance(t, true,
                Step.note("Risk-limit step", Formulas.tierNote(
                        step, k, p.symbol()) + "; chosen by " + (limit != null ? "the stated risk limit "
                                + Formulas.plain(limit)
                                : "the key " + Formulas.plain(stepKey(new Exposure(p))))
                        + " (a value equal to a step's floor is in the step below)"
                        + (extra.signum() == 0 ? "." : "; the rate includes " + extraRateField() + " "
                                + Formulas.plain(extra) + ".") + uncertainReading(), src),
                Step.of("Maintenance margin", "MM", mm, v.maintenanceMargin(),
                        t.amountUnit(), src).withNote("Valued at the entry price, with the step in force."));
    }

    /** @return the spec's uncertain reading that applies to the step in force, as a sentence, or empty */
    String uncertainReading() {
        return "";
    }

    @Override
    public BigDecimal maxLeverage(Position p, TierTable schedule) {
        BigDecimal tierMax = schedule.tiers().get(stepIndex(p, schedule)).maxLeverage();
        BigDecimal stated = p.maxLeverage();
        if (tierMax == null) {
            return stated;
        }
        return stated == null ? tierMax : tierMax.min(stated);
    }

    @Override
    LiquidationSolver.Solution liquidation(List<LiquidationSolver.Leg> legs, BigDecimal wallet) {
        LiquidationSolver.Leg leg = legs.get(0);
        Exposure e = leg.exposure();
        MaintenanceTier step = step(e.position, leg.schedule());
        return FixedRequirement.liquidation(e, wallet, entryMaintenance(e, step), step, cited().liquidation(), null);
    }
}
