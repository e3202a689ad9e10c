package org.marginlab.app.planner;

import java.math.BigDecimal;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.marginlab.app.ui.Formats;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.sizing.ExitOutcome;

/**
 * The Planner tab's "Targets", on the sized position ({@link PlannerViewModel#planProperty()}):
 * the PnL and ROE at an exit price and its reward to risk, the exit price for a target ROE and
 * for a target PnL ({@link Targets}). Each empty input leaves its figures blank; an invalid one
 * shows its rule at the field.
 */
public final class TargetsViewModel {
    private final PlannerViewModel planner;
    private final StringProperty exit = new SimpleStringProperty(this, "exit", "");
    private final StringProperty roe = new SimpleStringProperty(this, "roe", "");
    private final StringProperty pnl = new SimpleStringProperty(this, "pnl", "");
    private final ReadOnlyStringWrapper exitError = new ReadOnlyStringWrapper(this, "exitError");
    private final ReadOnlyStringWrapper roeError = new ReadOnlyStringWrapper(this, "roeError");
    private final ReadOnlyStringWrapper pnlError = new ReadOnlyStringWrapper(this, "pnlError");
    private final ReadOnlyStringWrapper pnlAtExit = new ReadOnlyStringWrapper(this, "pnlAtExit", "–");
    private final ReadOnlyStringWrapper roeAtExit = new ReadOnlyStringWrapper(this, "roeAtExit", "–");
    private final ReadOnlyStringWrapper rewardToRisk = new ReadOnlyStringWrapper(this, "rewardToRisk", "–");
    private final ReadOnlyStringWrapper exitForRoe = new ReadOnlyStringWrapper(this, "exitForRoe", "–");
    private final ReadOnlyStringWrapper exitForPnl = new ReadOnlyStringWrapper(this, "exitForPnl", "–");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");

    /**
     * @param planner  the size-from-risk section whose plan the targets are for, not null
     */
    public TargetsViewModel(PlannerViewModel planner) {
        this.planner = planner;
        exit.addListener((o, a, b) -> recompute());
        roe.addListener((o, a, b) -> recompute());
        pnl.addListener((o, a, b) -> recompute());
        planner.planProperty().addListener((o, a, b) -> recompute());
        recompute();
    }

    private void recompute() {
        SizePlan plan = planner.planProperty().get();
        exitError.set(null);
        roeError.set(null);
        pnlError.set(null);
        pnlAtExit.set("–");
        roeAtExit.set("–");
        rewardToRisk.set("–");
        exitForRoe.set("–");
        exitForPnl.set("–");
        note.set(plan == null ? "Targets need a valid size from risk above." : "");
        if (plan == null) {
            return;
        }
        SizeInputs in = plan.inputs();
        Instrument inst = in.instrument();
        Formats f = planner.formats();
        Numbers numbers = planner.numbers();
        String unit = inst.venue().settlementCurrency(plan.position());
        int decimals = inst.contract().isInverse() ? 8 : 2;
        figure(exit, exitError, PlanField.EXIT, t -> {
            BigDecimal price = PlanInputs.positive(numbers, t, "--exit");
            ExitOutcome o = Targets.atExit(inst.contract(), in.side(), plan.quantity(), inst.contractSize(),
                    in.entryPrice(), price, in.leverage());
            pnlAtExit.set(f.amount(o.pnl(), unit, decimals));
            roeAtExit.set(f.percent(o.roe()));
            BigDecimal r = Targets.rewardToRisk(inst.contract(), in.side(), plan.quantity(), inst.contractSize(),
                    in.entryPrice(), in.stopPrice(), price);
            rewardToRisk.set(r == null ? "none (the exit is not a gain)" : "1 : " + f.editable(r, 2));
        });
        figure(roe, roeError, PlanField.ROE, t -> {
            BigDecimal fraction = numbers.parse(t, "--roe").movePointLeft(2);
            exitForRoe.set(PlanFigures.price(Targets.exitForRoe(inst.contract(), in.side(), in.entryPrice(),
                    in.leverage(), fraction), f));
        });
        figure(pnl, pnlError, PlanField.PNL, t -> {
            BigDecimal amount = numbers.parse(t, "--pnl");
            exitForPnl.set(PlanFigures.price(Targets.exitForPnl(inst.contract(), in.side(), plan.quantity(),
                    inst.contractSize(), in.entryPrice(), in.leverage(), amount), f));
        });
    }

    private interface Figure {
        void compute(String text);
    }

    private static void figure(StringProperty input, ReadOnlyStringWrapper error, PlanField field, Figure figure) {
        String t = input.get();
        if (t == null || t.isBlank()) {
            return;
        }
        try {
            figure.compute(t);
        } catch (ValidationException e) {
            // the error is about this input (the plan's own inputs were valid): its label, the rule, the text typed;
            // the engine's bound on an ROE is a fraction, the ROE is typed in %: the rule is said without it
            String rule = e.field().equals("--roe") ? "is not reached at any positive price at this leverage"
                    : PlanField.inWords(e.rule());
            error.set(field.label() + " " + rule + " (got " + t.strip() + ")");
        }
    }

    /** @return the exit price typed; writable */
    public StringProperty exitProperty() {
        return exit;
    }

    /** @return the target ROE typed, a percentage; writable */
    public StringProperty roeProperty() {
        return roe;
    }

    /** @return the target PnL typed, settlement currency; writable */
    public StringProperty pnlProperty() {
        return pnl;
    }

    /** @return the error at the exit price, or null */
    public ReadOnlyStringProperty exitErrorProperty() {
        return exitError.getReadOnlyProperty();
    }

    /** @return the error at the target ROE, or null */
    public ReadOnlyStringProperty roeErrorProperty() {
        return roeError.getReadOnlyProperty();
    }

    /** @return the error at the target PnL, or null */
    public ReadOnlyStringProperty pnlErrorProperty() {
        return pnlError.getReadOnlyProperty();
    }

    /** @return the PnL at the exit price, before fees */
    public ReadOnlyStringProperty pnlAtExitProperty() {
        return pnlAtExit.getReadOnlyProperty();
    }

    /** @return the ROE at the exit price */
    public ReadOnlyStringProperty roeAtExitProperty() {
        return roeAtExit.getReadOnlyProperty();
    }

    /** @return risk : reward at the exit price, e.g. {@code 1 : 2.5} */
    public ReadOnlyStringProperty rewardToRiskProperty() {
        return rewardToRisk.getReadOnlyProperty();
    }

    /** @return the exit price for the target ROE */
    public ReadOnlyStringProperty exitForRoeProperty() {
        return exitForRoe.getReadOnlyProperty();
    }

    /** @return the exit price for the target PnL */
    public ReadOnlyStringProperty exitForPnlProperty() {
        return exitForPnl.getReadOnlyProperty();
    }

    /** @return why there are no targets, or empty */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
