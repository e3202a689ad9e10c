package org.marginlab.app.planner;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.InputField;
import org.marginlab.app.model.PositionResult;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.ui.DecimalInput;
import org.marginlab.app.ui.Formats;
import org.marginlab.engine.DisplayPrices;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.sizing.LadderStep;
import org.marginlab.engine.sizing.PlannedFill;

/**
 * View-model of the Planner's scale-in (DCA) ladder: the selected workspace position's instrument
 * with a side, leverage and margin mode of the ladder's own, typed fills ({@link LadderRow}), and
 * after each fill the position the engine plans ({@link LadderInput#plan}): cumulative quantity,
 * average entry (linear weighted, inverse harmonic), margin (isolated margin, or initial margin
 * when cross), liquidation price and distance, with the warnings {@code marginlab ladder} prints
 * ({@link LadderWarnings}). A cross ladder is the position alone on the account's cross wallet.
 *
 * <p>It keeps only what the user typed into the ladder; the instrument, venue, wallet and
 * locale are read from the account's current {@link Evaluation} at every change. "Use as
 * position" makes the selected position the last step, one undoable edit through the account
 * ({@code DraftEdits.adopt}). No {@code javafx.scene} types. Use on the JavaFX thread.
 */
public final class LadderViewModel {
    private final AccountViewModel account;
    private final ObjectProperty<Side> side = new SimpleObjectProperty<>(this, "side", Side.LONG);
    private final StringProperty leverage = new SimpleStringProperty(this, "leverage", "");
    private final ObjectProperty<MarginMode> mode = new SimpleObjectProperty<>(this, "mode", MarginMode.ISOLATED);
    private final ObservableList<LadderRow> rows = FXCollections.observableArrayList(
            r -> new Observable[] {r.priceProperty(), r.quantityProperty(), r.amountProperty()});
    private final ReadOnlyStringWrapper instrument = new ReadOnlyStringWrapper(this, "instrument", "");
    private final ReadOnlyStringWrapper marginTitle = new ReadOnlyStringWrapper(this, "marginTitle", "Isolated margin");
    private final ReadOnlyStringWrapper errors = new ReadOnlyStringWrapper(this, "errors", "");
    private final ReadOnlyStringWrapper warnings = new ReadOnlyStringWrapper(this, "warnings", "");
    private final ReadOnlyBooleanWrapper usable = new ReadOnlyBooleanWrapper(this, "usable", false);
    private String prefilledFrom;
    private List<LadderStep> steps = List.of();
    private boolean updating;

    /**
     * @param account  the workspace's account: its evaluation, selected position and edits; not null
     */
    public LadderViewModel(AccountViewModel account) {
        this.account = account;
        account.selectedProperty().addListener((o, was, now) -> selectionChanged());
        account.evaluationProperty().addListener((o, was, now) -> update());
        account.localeProperty().addListener((o, was, now) -> update());
        side.addListener((o, was, now) -> update());
        leverage.addListener((o, was, now) -> update());
        mode.addListener((o, was, now) -> update());
        rows.addListener((javafx.collections.ListChangeListener<LadderRow>) c -> update());
        selectionChanged();
    }

    /** Prefills from a newly selected position unless the ladder was typed by the user since the last prefill. */
    private void selectionChanged() {
        PositionViewModel p = account.selectedProperty().get();
        String id = p == null ? null : p.id();
        if (id != null && !id.equals(prefilledFrom) && (prefilledFrom == null || untouched())) {
            fromPosition();
        } else {
            update();
        }
    }

    private boolean untouched() {
        PositionResult r = prefilledFrom == null ? null : account.evaluation().position(prefilledFrom);
        return rows.isEmpty() || r != null && rows.size() == 1
                && rows.get(0).priceProperty().get().equals(r.draft().text(InputField.ENTRY_PRICE))
                && rows.get(0).quantityProperty().get().equals(r.draft().text(InputField.QUANTITY))
                && rows.get(0).amountProperty().get().isEmpty();
    }

    /**
     * Starts the ladder again from the selected position: its side, leverage and margin mode, and
     * one fill of its quantity at its entry price (as typed in the Positions tab).
     */
    public void fromPosition() {
        PositionResult r = selected();
        if (r == null) {
            update();
            return;
        }
        updating = true;
        try {
            prefilledFrom = r.id();
            side.set(r.draft().side());
            mode.set(r.draft().mode());
            leverage.set(r.draft().text(InputField.LEVERAGE));
            rows.setAll(List.of(new LadderRow(r.draft().text(InputField.ENTRY_PRICE), r.draft().text(InputField.QUANTITY), "")));
        } finally {
            updating = false;
        }
        update();
    }

    /** Adds an empty fill at the end. */
    public void addRow() {
        rows.add(new LadderRow("", "", ""));
    }

    /** @param row  a fill of this ladder; removed (nothing happens for another) */
    public void removeRow(LadderRow row) {
        rows.remove(row);
    }

    private PositionResult selected() {
        PositionViewModel p = account.selectedProperty().get();
        return p == null ? null : account.evaluation().position(p.id());
    }

    /** Plans the ladder again from the typed fills and the current evaluation. */
    private void update() {
        if (updating) {
            return;
        }
        Evaluation e = account.evaluation();
        Formats formats = new Formats(account.locale());
        steps = List.of();
        marginTitle.set(mode.get() == MarginMode.CROSS ? "Initial margin" : "Isolated margin");
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).number(i + 1);
            rows.get(i).show("", "", "", "", "");
            rows.get(i).warn("");
            rows.get(i).fail(null, "");
        }
        warnings.set("");
        PositionResult r = selected();
        Position base = r == null ? null : r.used();
        instrument.set(r == null ? "" : base == null ? r.id() : base.symbol() + " · " + base.contract().id() + " · "
                + e.draft().venueId() + " · from position " + r.id()
                + (mode.get() == MarginMode.CROSS ? " · cross wallet " + formats.amount(e.wallet(), e.currency(),
                        e.amountDecimals()) : ""));
        String problem = check(r, base, e);
        List<String> messages = new ArrayList<>();
        if (problem != null) {
            messages.add(problem);
        } else {
            plan(e, base, formats, messages, r);
        }
        errors.set(String.join("\n", messages));
        usable.set(!steps.isEmpty() && messages.isEmpty() && !steps.get(steps.size() - 1).liquidated());
    }

    private String check(PositionResult r, Position base, Evaluation e) {
        if (r == null) {
            return "Select a position in the Positions tab: the ladder plans on its instrument.";
        }
        if (base == null || e.venue() == null) {
            return "Position " + r.id() + " has invalid inputs: fix them in the Positions tab first.";
        }
        if (rows.isEmpty()) {
            return "Add a fill: at least one fill is required.";
        }
        return null;
    }

    private void plan(Evaluation e, Position base, Formats formats, List<String> messages, PositionResult r) {
        DecimalInput numbers = new DecimalInput(account.locale());
        String typed = leverage.get().strip();
        BigDecimal lev = null;
        String rule;
        try {
            lev = numbers.parse(typed);
            rule = lev.signum() > 0 ? null : "must be > 0";
        } catch (IllegalArgumentException ex) {
            rule = ex.getMessage();
        }
        if (rule != null) {
            messages.add("Leverage " + rule + " (got " + (typed.isEmpty() ? "nothing" : typed) + ")");
            return;
        }
        LadderInput input = new LadderInput(numbers::parse);
        List<PlannedFill> fills = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            LadderRow row = rows.get(i);
            try {
                fills.add(input.fill(i + 1, row.priceProperty().get(), row.quantityProperty().get(), row.amountProperty().get()));
            } catch (LadderInput.Invalid ex) {
                row.fail(ex.part(), ex.getMessage());
                messages.add(ex.getMessage());
            }
        }
        if (!messages.isEmpty()) {
            return;
        }
        MarginMode m = mode.get();
        Position template = base.toBuilder().side(side.get()).leverage(lev).marginMode(m).isolatedMargin(null).build();
        try {
            steps = LadderInput.plan(e.venue(), template, m == MarginMode.CROSS ? e.wallet() : null, fills);
        } catch (LadderInput.Invalid ex) {
            rows.get(ex.fill() - 1).fail(ex.part(), ex.getMessage());
            messages.add(ex.getMessage());
            return;
        } catch (ValidationException ex) {
            messages.add(ex.getMessage());
            return;
        }
        show(e, formats, r);
    }

    private void show(Evaluation e, Formats formats, PositionResult r) {
        for (LadderStep s : steps) {
            rows.get(s.fill() - 1).show(formats.editable(s.quantity(), 12),
                    formats.price(s.averageEntryPrice(), RoundingMode.HALF_UP),
                    amount(e, formats, mode.get() == MarginMode.CROSS ? s.initialMargin() : s.isolatedMargin()),
                    price(formats, r, s.liquidationPrice()),
                    s.distanceToLiquidation() == null ? "–" : formats.percent(s.distanceToLiquidation()));
        }
        List<LadderWarnings.Warning> ws = LadderWarnings.of(steps, mode.get(), e.wallet(),
                p -> price(formats, r, p), a -> amount(e, formats, a));
        List<String> texts = new ArrayList<>();
        for (LadderWarnings.Warning w : ws) {
            LadderRow row = rows.get(w.fill() - 1);
            LadderStep step = steps.get(w.fill() - 1);
            row.warn(step.liquidated() ? "liquidated" : w.text().startsWith("fill ") ? "beyond liq." : "short of margin");
            texts.add(w.text());
        }
        warnings.set(String.join("\n", texts));
    }

    /** A liquidation price as every view shows it: on the tick toward the entry when the tick is known. */
    private String price(Formats formats, PositionResult r, BigDecimal p) {
        BigDecimal shown = p == null ? null : DisplayPrices.shown(p, r.tickSize(), side.get());
        return shown == null ? "none" : formats.price(shown, RoundingMode.HALF_UP);
    }

    private static String amount(Evaluation e, Formats formats, BigDecimal a) {
        return a == null ? "–" : formats.amount(a, e.currency(), e.amountDecimals());
    }

    /**
     * "Use as position": the selected position becomes the ladder's last step — its side and
     * leverage the ladder's, quantity the total, entry price the average entry (to 12 decimals,
     * half-up) and, isolated, the margin following the leverage, the difference moved from or to
     * the cross wallet. One undoable edit; the account's notice says what moved or why it was
     * refused (e.g. more than the available balance). Refused too when the ladder's margin mode
     * differs from the position's (switch the position's mode in the Positions tab first).
     */
    public void useAsPosition() {
        PositionResult r = selected();
        if (!usable.get() || r == null) {
            return;
        }
        LadderStep last = steps.get(steps.size() - 1);
        Formats formats = new Formats(account.locale());
        String id = r.id();
        String lev = leverage.get().strip();
        Side s = side.get();
        if (r.draft().mode() != mode.get()) {
            account.command(null, e -> new org.marginlab.app.model.DraftEdits.Edit(e.draft(), "Cannot use the ladder as "
                    + id + ": the ladder is " + mode.get().id() + " and the position " + r.draft().mode().id()
                    + "; switch the position's margin mode in the Positions tab first.", true));
            return;
        }
        String quantity = formats.editable(last.quantity(), 12);
        String entry = formats.editable(last.averageEntryPrice(), 12);
        account.command(null, e -> account.edits().adopt(e, id, s, lev, quantity, entry));
    }

    /** @return the side of the ladder's position; writable */
    public ObjectProperty<Side> sideProperty() {
        return side;
    }

    /** @return the typed leverage; writable */
    public StringProperty leverageProperty() {
        return leverage;
    }

    /** @return the ladder's margin mode (cross: on the account's cross wallet); writable */
    public ObjectProperty<MarginMode> modeProperty() {
        return mode;
    }

    /** @return the planned fills in order; add and remove through {@link #addRow} and {@link #removeRow} */
    public ObservableList<LadderRow> rows() {
        return rows;
    }

    /** @return the instrument the ladder plans on (symbol, contract, rule set, position), or empty */
    public ReadOnlyStringProperty instrumentProperty() {
        return instrument.getReadOnlyProperty();
    }

    /** @return the margin column's title: isolated margin, or initial margin when cross */
    public ReadOnlyStringProperty marginTitleProperty() {
        return marginTitle.getReadOnlyProperty();
    }

    /** @return why the ladder cannot be planned (invalid cells, one line each, naming the fill), or empty */
    public ReadOnlyStringProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    /** @return the ladder's warnings in full, one a line, or empty */
    public ReadOnlyStringProperty warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    /** @return whether "Use as position" can run (a valid ladder and a selected position) */
    public ReadOnlyBooleanProperty usableProperty() {
        return usable.getReadOnlyProperty();
    }

    /** @return what the last command did or why it was refused (the account's notice) */
    public ReadOnlyStringProperty noticeProperty() {
        return account.noticeProperty();
    }
}
