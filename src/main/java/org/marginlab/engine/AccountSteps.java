package org.marginlab.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.marginlab.engine.derivation.Expr;
import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.derivation.Formulas;
import org.marginlab.engine.derivation.Step;
import org.marginlab.engine.derivation.Trace;
import org.marginlab.engine.venue.MarkValuation;

/**
 * Records the account-level steps of {@link MarginEngine#evaluate(Account)}: the other cross
 * positions' maintenance requirements and unrealized PnL (one line each) that make a cross
 * position's {@code TMM_1} and {@code UPNL_1}, and the cross account's margin balance, margin
 * ratio, available balance and total equity. Used only while a {@link Trace} records.
 */
final class AccountSteps {
    private static final String ACCOUNT = "workspace-and-cli.md §4";

    private AccountSteps() {
    }

    /**
     * The lines of {@code TMM_1} and {@code UPNL_1} of the cross position {@code me}.
     *
     * @param source  the rule set's section for cross-margin terms ({@code VenueRules#crossMarginSource})
     * @param skip  indexes of the position's hedge group (itself included), excluded from both
     */
    static void others(Trace t, String source, List<Position> positions, MarkValuation[] marks, int me,
            Set<Integer> skip, BigDecimal tmm1, BigDecimal upnl1) {
        String unit = t.amountUnit();
        List<Step> steps = new ArrayList<>();
        List<Expr> mms = new ArrayList<>();
        List<Expr> pnls = new ArrayList<>();
        for (int j = 0; j < positions.size(); j++) {
            Position p = positions.get(j);
            if (skip.contains(j) || p.marginMode() != MarginMode.CROSS) {
                continue;
            }
            MarkValuation m = marks[j];
            String id = p.id();
            Expr n = Expr.sym("N_" + id, m.notional());
            Expr formula = m.tier().maintenanceMargin(m.notional()).compareTo(m.maintenanceMargin()) == 0
                    ? Formulas.maintenance(m.tier(), n) : Expr.sym("MM_" + id, m.maintenanceMargin());
            if (m.closeFee().signum() != 0) {
                formula = Expr.add(formula, Expr.sym("fee_" + id, m.closeFee()));
            }
            steps.add(Step.of("Maintenance requirement of " + id, "MM_" + id, formula, m.maintenanceRequirement(), unit,
                    source).withNote(formula instanceof Expr.Sym ? "Valued by its own rule (explain its maintenance "
                            + "margin for the steps)." : "Notional " + Formulas.plain(m.notional()) + " at its mark "
                            + Formulas.plain(p.markPrice()) + "."));
            steps.add(Step.of("Unrealized PnL of " + id, "UPNL_" + id, Formulas.pnl(p, Formulas.mark(p)),
                    m.unrealizedPnl(), unit, source));
            mms.add(Expr.sym("MM_" + id, m.maintenanceRequirement()));
            pnls.add(Expr.sym("UPNL_" + id, m.unrealizedPnl()));
        }
        String who = skip.size() > 1 ? "the other cross positions, outside this position's hedge group"
                : "the other cross positions";
        steps.add(Step.of("Maintenance of the other cross positions", "TMM_1", Expr.sum(mms), tmm1, unit, source)
                .withNote(mms.isEmpty() ? "There are no other cross positions." : "The sum over " + who + "."));
        steps.add(Step.of("Unrealized PnL of the other cross positions", "UPNL_1", Expr.sum(pnls), upnl1, unit, source)
                .withNote(pnls.isEmpty() ? "There are no other cross positions." : "The sum over " + who + "."));
        t.put(Figure.WALLET_TERM, steps);
    }

    /** The cross account's figures and the total equity. */
    static void account(Trace t, String source, AccountRisk risk, List<Position> positions, MarkValuation[] marks) {
        String unit = t.amountUnit();
        List<Expr> crossPnl = new ArrayList<>();
        List<Expr> crossIm = new ArrayList<>();
        List<Expr> crossReq = new ArrayList<>();
        List<Expr> margins = new ArrayList<>();
        List<Expr> allPnl = new ArrayList<>();
        for (int j = 0; j < positions.size(); j++) {
            Position p = positions.get(j);
            MarkValuation m = marks[j];
            allPnl.add(Expr.sym("UPNL_" + p.id(), m.unrealizedPnl()));
            if (p.marginMode() == MarginMode.CROSS) {
                crossPnl.add(Expr.sym("UPNL_" + p.id(), m.unrealizedPnl()));
                crossIm.add(Expr.sym("IM_" + p.id(), m.initialMarginAtMark()));
                crossReq.add(Expr.sym("MM_" + p.id(), m.maintenanceRequirement()));
            } else {
                margins.add(Expr.sym("M_" + p.id(), risk.positions().get(j).isolatedMargin()));
            }
        }
        Expr wb = Expr.sym("WB", risk.walletBalance());
        Expr mb = Expr.sym("MB_cross", risk.marginBalance());
        t.put(Figure.ACCOUNT_MARGIN_BALANCE, List.of(Step.of("Cross margin balance", "MB_cross",
                crossPnl.isEmpty() ? wb : Expr.add(wb, Expr.sum(crossPnl)), risk.marginBalance(), unit, source)
                .withNote("The cross wallet plus the unrealized PnL of every cross position.")));
        Expr req = Expr.sym("TMM", risk.maintenanceMargin());
        List<Step> ratio = new ArrayList<>();
        ratio.add(Step.of("Maintenance of the cross positions", "TMM", Expr.sum(crossReq), risk.maintenanceMargin(), unit,
                source));
        if (risk.marginRatio() != null) {
            ratio.add(Step.of("Cross margin ratio", "MR_cross",
                    risk.marginRatioDefinition() == MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES
                            ? Expr.div(mb, req) : Expr.div(req, mb), risk.marginRatio(), "", source));
        } else {
            ratio.add(Step.note("Cross margin ratio", risk.marginRatioDefinition()
                    == MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES
                    ? "Not defined for this account (no cross position, or a maintenance requirement not above 0)."
                    : "Not defined for this account (no cross position, or a margin balance not above 0).", source));
        }
        t.put(Figure.ACCOUNT_MARGIN_RATIO, ratio);
        t.put(Figure.AVAILABLE_BALANCE, List.of(
                Step.of("Initial margin of the cross positions at their marks", "IM_cross", Expr.sum(crossIm),
                        risk.initialMargin(), unit, source),
                Step.of("Available balance", "AB", Expr.max(Expr.sub(mb, Expr.sym("IM_cross", risk.initialMargin())),
                        Expr.num(0)), risk.availableBalance(), unit, ACCOUNT)));
        List<Expr> equity = new ArrayList<>();
        equity.add(wb);
        equity.addAll(margins);
        equity.addAll(allPnl);
        t.put(Figure.TOTAL_EQUITY, List.of(Step.of("Total equity", "E", Expr.sum(equity), risk.totalEquity(), unit,
                ACCOUNT).withNote("The cross wallet, every isolated margin and every position's unrealized PnL.")));
    }
}
