package org.marginlab.engine.venue;

import java.math.BigDecimal;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Position;
import org.marginlab.engine.derivation.Expr;
import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.derivation.Formulas;
import org.marginlab.engine.derivation.Step;
import org.marginlab.engine.derivation.Trace;
import org.marginlab.engine.tier.TierTable;

/**
 * Records the steps of a position's valuation at its mark ({@link BaseVenue#valueAtMark}):
 * notional, the tier and maintenance margin, the close fee in the requirement, unrealized PnL
 * and initial margin. Called only while a {@link Trace} records the position.
 */
final class ValuationSteps {
    private ValuationSteps() {
    }

    /**
     * Replaces the maintenance margin's own steps (the tier note when {@code dropTier}, and the
     * last step {@code MM}) with a venue's, keeping the notional and fee steps before them.
     *
     * @param t         the trace
     * @param dropTier  whether the tier note the Binance form recorded no longer applies
     * @param steps     the venue's steps, the last one its maintenance margin
     */
    static void replaceMaintenance(Trace t, boolean dropTier, Step... steps) {
        java.util.List<Step> list = new java.util.ArrayList<>(t.steps(Figure.MAINTENANCE_MARGIN));
        if (!list.isEmpty() && "MM".equals(list.get(list.size() - 1).symbol())) {
            list.remove(list.size() - 1);
        }
        if (dropTier) {
            list.removeIf(s -> s.term().equals("Maintenance tier"));
        }
        list.addAll(java.util.List.of(steps));
        t.put(Figure.MAINTENANCE_MARGIN, list);
    }

    static void record(Trace t, VenueRules venue, Position p, TierTable schedule, MarkValuation m,
            boolean atEntry, BigDecimal closeFeeRate, Sources src) {
        String unit = t.amountUnit();
        boolean inverse = p.contract() == ContractType.INVERSE;
        String sizeUnit = inverse ? "USD" : "base units";
        Expr mark = Formulas.mark(p);
        t.put(Figure.NOTIONAL, java.util.List.of(
                Formulas.sizeStep(p, sizeUnit),
                Step.of("Notional at the mark", "N", Formulas.notional(p, mark), m.notional(), unit,
                        Formulas.CONTRACTS)));
        java.util.List<Step> mm = new java.util.ArrayList<>();
        BigDecimal mmNotional = m.notional();
        String nSymbol = "N";
        if (atEntry) {
            mmNotional = new Exposure(p).notional(p.entryPrice());
            nSymbol = "N_EP";
            mm.add(Step.of("Notional at the entry price", nSymbol, Formulas.notional(p, Formulas.entry(p)), mmNotional,
                    unit, src.maintenance()).withNote("This rule set values maintenance margin at the entry price."));
        }
        int index = schedule.indexOf(mmNotional);
        mm.add(Step.note("Maintenance tier", Formulas.tierNote(m.tier(), index, p.symbol())
                + "; it holds the notional " + Formulas.plain(mmNotional) + ".", src.maintenance()));
        if (closeFeeRate.signum() != 0 && m.closeFee().compareTo(m.notional().multiply(closeFeeRate)) == 0) {
            mm.add(Step.of("Fee to close in the requirement", "fee",
                    Expr.mul(Expr.sym("N", m.notional()), Expr.sym("f", closeFeeRate)), m.closeFee(), unit,
                    src.maintenance()).withNote("This rule set adds the taker fee to close to the maintenance requirement."));
        }
        mm.add(Step.of("Maintenance margin", "MM", Formulas.maintenance(m.tier(), Expr.sym(nSymbol, mmNotional)),
                m.maintenanceMargin(), unit, src.maintenance()));
        t.put(Figure.MAINTENANCE_MARGIN, mm);
        t.put(Figure.UNREALIZED_PNL, java.util.List.of(Step.of("Unrealized PnL at the mark", "UPNL",
                Formulas.pnl(p, mark), m.unrealizedPnl(), unit, Formulas.CONTRACTS)));
        t.put(Figure.INITIAL_MARGIN, java.util.List.of(Step.of("Initial margin at entry", "IM",
                Expr.div(Formulas.notional(p, Formulas.entry(p)), Expr.sym("lev", p.leverage())),
                m.initialMarginAtEntry(), unit, Formulas.CONTRACTS)));
    }
}
