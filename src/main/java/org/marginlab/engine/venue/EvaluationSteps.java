package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.util.List;

import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.Position;
import org.marginlab.engine.derivation.Expr;
import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.derivation.Formulas;
import org.marginlab.engine.derivation.Step;
import org.marginlab.engine.derivation.Trace;

/**
 * Records the steps of a position's evaluation ({@link BaseVenue#evaluate}) from its
 * valuation: isolated margin, margin balance, margin ratio, ROE, effective leverage, the wallet
 * term of an isolated position, the max removable margin's floor and the distance to
 * liquidation. Called only while a {@link Trace} records the position; every value is the one
 * the evaluation computed.
 */
final class EvaluationSteps {
    private EvaluationSteps() {
    }

    static void record(Trace t, BaseVenue venue, Position p, MarkValuation m, BigDecimal feeToClose, BigDecimal roeBase,
            CrossContext cross, BigDecimal wallet, BigDecimal isolatedMargin, BigDecimal marginBalance,
            BigDecimal marginRatio, BigDecimal roe, BigDecimal effectiveLeverage, BigDecimal maxRemovable,
            BigDecimal liquidationPrice, BigDecimal distance, Sources src) {
        String unit = t.amountUnit();
        Expr im = Expr.sym("IM", m.initialMarginAtEntry());
        Expr ftc = feeToClose == null ? null : Expr.sym("FTC", feeToClose);
        if (feeToClose != null) {
            List<Step> ims = new java.util.ArrayList<>(t.steps(Figure.INITIAL_MARGIN));
            ims.add(Math.max(0, ims.size() - 1), Step.note("Fee to close", "This rule set reserves a fee to close of "
                    + Formulas.plain(feeToClose) + " " + unit + " in the position's margin.", "venues-v2.md §10.1"));
            t.put(Figure.INITIAL_MARGIN, ims);
        }
        Expr base = roeBase.compareTo(m.initialMarginAtEntry()) == 0 ? im
                : ftc != null && roeBase.compareTo(m.initialMarginAtEntry().add(feeToClose)) == 0 ? Expr.add(im, ftc)
                : Expr.sym("base", roeBase);
        t.put(Figure.ROE, List.of(Step.of("ROE", "ROE", Expr.div(Expr.sym("UPNL", m.unrealizedPnl()), base), roe, "",
                Formulas.CONTRACTS)));
        if (cross == null) {
            if (p.isolatedMargin() != null) {
                t.put(Figure.ISOLATED_MARGIN, List.of(Step.of("Isolated margin", "M_iso",
                        Expr.num(isolatedMargin), isolatedMargin, unit, "workspace-and-cli.md §1")
                        .withNote("As stated in the position.")));
            } else {
                Expr def = ftc != null && isolatedMargin.compareTo(m.initialMarginAtEntry().add(feeToClose)) == 0
                        ? Expr.add(im, ftc) : im;
                t.put(Figure.ISOLATED_MARGIN, List.of(Step.of("Isolated margin", "M_iso", def, isolatedMargin, unit,
                        "workspace-and-cli.md §1").withNote("The position states none: the initial margin at entry"
                        + (def == im ? "." : ", with the fee to close the venue reserves."))));
            }
            t.put(Figure.MARGIN_BALANCE, List.of(Step.of("Margin balance", "MB",
                    Expr.add(Expr.sym("M_iso", isolatedMargin), Expr.sym("UPNL", m.unrealizedPnl())), marginBalance,
                    unit, src.marginRatio())));
            Expr req = m.closeFee().signum() == 0 ? Expr.sym("MM", m.maintenanceMargin())
                    : Expr.add(Expr.sym("MM", m.maintenanceMargin()), Expr.sym("fee", m.closeFee()));
            Expr mb = Expr.sym("MB", marginBalance);
            if (marginRatio != null) {
                boolean equityOver = venue.marginRatioDefinition() == MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES;
                t.put(Figure.MARGIN_RATIO, List.of(Step.of("Margin ratio", "MR", equityOver ? Expr.div(mb, req)
                        : Expr.div(req, mb), marginRatio, "", src.marginRatio())));
            } else {
                boolean equityOver = venue.marginRatioDefinition() == MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES;
                t.put(Figure.MARGIN_RATIO, List.of(Step.note("Margin ratio", equityOver
                        ? "Not defined: this venue divides the margin balance by the maintenance requirement, and the "
                                + "requirement " + Formulas.plain(m.maintenanceRequirement()) + " " + unit + " is not above 0."
                        : "Not defined: the margin balance " + Formulas.plain(marginBalance) + " " + unit
                                + " is not above 0.", src.marginRatio())));
            }
            List<Step> w = new java.util.ArrayList<>();
            w.add(Step.of("Wallet term", "W", Expr.sym("M_iso", isolatedMargin), wallet, unit,
                    src.liquidation()).withNote("An isolated position's liquidation equation uses its isolated margin."));
            w.addAll(t.steps(Figure.WALLET_TERM)); // a venue's own wallet term from it (Bybit UTA's net of the fee)
            t.put(Figure.WALLET_TERM, w);
            if (effectiveLeverage != null) {
                t.put(Figure.EFFECTIVE_LEVERAGE, List.of(Step.of("Effective leverage", "L_eff",
                        Expr.div(Expr.sym("N", m.notional()), mb), effectiveLeverage, "", Formulas.CONTRACTS)));
            }
            List<Step> removable = new java.util.ArrayList<>(t.steps(Figure.MAX_REMOVABLE_MARGIN));
            BigDecimal before = removable.isEmpty() ? null : removable.get(removable.size() - 1).value();
            if (before != null) {
                removable.add(Step.of("Max removable margin", "R_max", Expr.max(Expr.sym("R", before), Expr.num(0)),
                        maxRemovable, unit, src.maxRemovable()));
                t.put(Figure.MAX_REMOVABLE_MARGIN, removable);
            }
        } else {
            t.put(Figure.MARGIN_RATIO, List.of(Step.note("Margin ratio", "A cross position has no margin ratio of its "
                    + "own: see the cross account's.", src.marginRatio())));
            t.put(Figure.MARGIN_BALANCE, List.of(Step.note("Margin balance", "A cross position has no margin balance "
                    + "of its own: see the cross account's.", src.marginRatio())));
            t.put(Figure.MAX_REMOVABLE_MARGIN, List.of(Step.of("Max removable margin", "R_max", Expr.num(0),
                    maxRemovable, unit, src.maxRemovable()).withNote("A cross position holds no margin of its own.")));
            if (effectiveLeverage != null) {
                t.put(Figure.EFFECTIVE_LEVERAGE, List.of(Step.of("Effective leverage", "L_eff",
                        Expr.div(Expr.sym("N", m.notional()), Expr.sym("MB_cross", cross.accountMarginBalance())),
                        effectiveLeverage, "", Formulas.CONTRACTS)));
            }
        }
        if (liquidationPrice != null) {
            t.put(Figure.DISTANCE_TO_LIQUIDATION, List.of(Step.of("Distance to liquidation", "d",
                    Expr.div(Expr.abs(Expr.sub(Formulas.mark(p), Expr.sym("P", liquidationPrice))), Formulas.mark(p)),
                    distance, "", Formulas.CONTRACTS)));
        }
    }

    /** The default cross wallet term {@code W = WB − TMM_1 + UPNL_1} (margin-formulas.md §1.1). */
    static void crossWallet(Trace t, CrossContext cross, BigDecimal w, String unit, String source) {
        t.add(Figure.WALLET_TERM, Step.of("Wallet term", "W", Expr.add(Expr.sym("WB", cross.walletBalance()),
                Expr.neg(Expr.sym("TMM_1", cross.otherMaintenanceMargin())),
                Expr.sym("UPNL_1", cross.otherUnrealizedPnl())), w, unit, source)
                .withNote("The cross wallet less the other cross positions' maintenance requirements, plus their unrealized PnL."));
    }

    /** The default max removable margin before the floor: {@code min(M − MM − fee, MB − IM_mark)}. */
    static void maxRemovable(Trace t, Step initialMarginAtMark, MarkValuation m, BigDecimal isolatedMargin,
            BigDecimal marginBalance, BigDecimal r, String unit, String source) {
        Expr req = m.closeFee().signum() == 0 ? Expr.sym("MM", m.maintenanceMargin())
                : Expr.add(Expr.sym("MM", m.maintenanceMargin()), Expr.sym("fee", m.closeFee()));
        t.put(Figure.MAX_REMOVABLE_MARGIN, List.of(initialMarginAtMark,
                Step.of("Removable before the floor", "R", Expr.min(Expr.sub(Expr.sym("M_iso", isolatedMargin), req),
                        Expr.sub(Expr.sym("MB", marginBalance), Expr.sym("IM_mark", m.initialMarginAtMark()))), r,
                        unit, source)));
    }
}
