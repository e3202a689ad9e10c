package org.marginlab.app.account;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.marginlab.app.model.Draft;
import org.marginlab.app.model.DraftEditor;
import org.marginlab.app.model.DraftEdits;
import org.marginlab.app.model.DraftHistory;
import org.marginlab.app.model.DraftLocale;
import org.marginlab.app.model.Drafts;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.Evaluator;
import org.marginlab.app.model.PositionDraft;
import org.marginlab.app.model.PositionResult;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.ui.Formats;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

/**
 * View-model of a workspace's account. It owns the one current {@link Draft} (with its undo
 * history) and the one current {@link Evaluation}: every edit — from its own inputs (venue,
 * wallet, shock) or from a position's view-model — makes the next draft, which is evaluated once
 * ({@link Evaluator}) and published to every view-model as a slice. The comparison and chart tabs
 * follow {@link #evaluationProperty()}. Nothing here keeps a copy of a position, the venue or
 * the currency: the writable properties are the fields' edit buffers, set back from the draft
 * after every evaluation (so a refused edit snaps back).
 *
 * <p>A plain class without {@code javafx.scene} types. Not thread-safe: use it on the JavaFX
 * application thread (or one test thread).
 */
public final class AccountViewModel implements DraftEditor {
    /** Lowest shock, a fraction (−90 %). */
    public static final BigDecimal MIN_SHOCK = Evaluator.MIN_SHOCK;
    /** Highest shock, a fraction (+200 %). */
    public static final BigDecimal MAX_SHOCK = Evaluator.MAX_SHOCK;
    /** The maximum number of undo steps kept. */
    public static final int UNDO_LIMIT = DraftHistory.LIMIT;

    private final MarginEngine engine;
    private final ReadOnlyObjectWrapper<Locale> locale = new ReadOnlyObjectWrapper<>(this, "locale");
    private Formats formats;
    private Evaluator evaluator;
    private Drafts drafts;
    private DraftEdits edits;
    private final DraftHistory history;

    private final ReadOnlyObjectWrapper<Evaluation> evaluation = new ReadOnlyObjectWrapper<>(this, "evaluation");
    private final PositionRows rows;
    private final AccountInputs inputs;
    private final ObservableList<String> symbols = FXCollections.observableArrayList();
    private final AccountFigures figures;

    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty", false);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo", false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo", false);
    private final ReadOnlyLongWrapper editCount = new ReadOnlyLongWrapper(this, "editCount", 0);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final org.marginlab.app.ui.HiddenFigures hiddenFigures = new org.marginlab.app.ui.HiddenFigures();
    private final org.marginlab.app.ui.LockedInputs lockedInputs = new org.marginlab.app.ui.LockedInputs();
    private final ReadOnlyLongWrapper loads = new ReadOnlyLongWrapper(this, "loads", 0);

    /**
     * @param engine  the margin engine, not null
     * @param locale  the locale numbers are typed and shown in, not null
     */
    public AccountViewModel(MarginEngine engine, Locale locale) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.locale.set(Objects.requireNonNull(locale, "locale"));
        this.formats = new Formats(locale);
        this.evaluator = new Evaluator(locale);
        this.drafts = new Drafts(formats);
        this.edits = new DraftEdits(formats, evaluator.parser());
        this.figures = new AccountFigures(formats);
        this.rows = new PositionRows(locale, this, hiddenFigures);
        Draft empty = new Draft("Untitled", "binance-usdm", "0", List.of(), "", null, List.of());
        this.history = new DraftHistory(empty);
        evaluation.set(evaluator.evaluate(empty, null));
        this.inputs = new AccountInputs(this, formats);
    }

    /** @return the inputs a lesson step locks now (instructor mode) */
    public org.marginlab.app.ui.LockedInputs lockedInputs() {
        return lockedInputs;
    }

    /** @return the figures a lesson hides now (every view of a figure shows "?" for them) */
    public org.marginlab.app.ui.HiddenFigures hiddenFigures() {
        return hiddenFigures;
    }

    /**
     * Replaces the document with a lesson step's account and shows it at the step's shock: one
     * undoable edit, which leaves the file unmodified when the account is the file's.
     *
     * @param state      the step's workspace (name, venue, wallet, positions, lesson), not null
     * @param shockText  the step's shock as typed in the shock field (percent), empty for none
     */
    public void showLessonState(Workspace state, String shockText) {
        Draft d = drafts.forEditing(state);
        Draft now = evaluation.get().draft();
        // the lesson on the document is the one being walked through (an added step stays)
        Draft next = d.withLesson(now.lesson()).withShock(shockText, null);
        edit(null, x -> next);
        rows.selectAt(0);
    }

    // ---- the draft, its evaluation and its history -------------------------------------------

    @Override
    public Evaluation evaluation() {
        return evaluation.get();
    }

    @Override
    public void edit(String key, UnaryOperator<Draft> change) {
        Draft next = change.apply(evaluation.get().draft());
        notice.set("");
        show(next, key);
    }

    /**
     * Sets the workspace's {@code asOf} (spec venues-v2.md §12.2): the rule-set versions in force
     * at that instant apply; null for the latest. An edit of the document, undoable.
     *
     * @param asOf  the instant, or null
     */
    public void setRulesAsOf(java.time.Instant asOf) {
        Draft d = evaluation.get().draft();
        int at = d.venueId().indexOf('@');
        if (at >= 0) {
            // a pinned version would win over any date: the date replaces the pin (spec venues-v2.md §12.2)
            String id = d.venueId().substring(0, at);
            edit(null, x -> x.withAsOf(asOf).withVenueId(id));
        } else if (!java.util.Objects.equals(asOf, d.asOf())) {
            edit(null, x -> x.withAsOf(asOf));
        }
    }

    /** @return the workspace's {@code asOf}, or null for the latest rules */
    public java.time.Instant rulesAsOf() {
        return evaluation.get().draft().asOf();
    }

    @Override
    public void command(String key, Function<Evaluation, DraftEdits.Edit> command) {
        DraftEdits.Edit e = command.apply(evaluation.get());
        if (e.refused()) {
            notice.set(e.notice());
            publish(evaluation.get()); // puts every edit buffer back to the draft
            return;
        }
        show(e.draft(), key);
        notice.set(e.notice());
    }

    @Override
    public DraftEdits edits() {
        return edits;
    }

    private void show(Draft next, String key) {
        Draft before = evaluation.get().draft();
        history.record(next, key);
        publish(evaluator.evaluate(next, evaluation.get()));
        updateHistory();
        if (!next.sameDocument(before)) {
            editCount.set(editCount.get() + 1);
        }
    }

    private void updateHistory() {
        dirty.set(history.dirty());
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
    }

    /** Shows an evaluation: every edit buffer, every row and the account figures follow it. */
    private void publish(Evaluation e) {
        inputs.sync(e);
        rows.sync(e);
        figures.show(e);
        if (!symbols.equals(e.symbols())) {
            symbols.setAll(e.symbols());
        }
        evaluation.set(e);
    }

    // ---- loading, saving, undo ----------------------------------------------------------------

    /**
     * Replaces the whole account with a workspace's; the undo history starts again and the
     * workspace counts as saved.
     *
     * @param workspace  the workspace, not null
     * @throws ValidationException ({@code venue}) if the workspace's venue is unknown
     */
    public void load(Workspace workspace) {
        workspace.rules();
        Draft d = drafts.forEditing(workspace);
        history.reset(d);
        rows.clear();
        notice.set("");
        publish(evaluator.evaluate(d, null));
        rows.selectAt(0);
        updateHistory();
        loads.set(loads.get() + 1);
    }

    /** @return how many workspaces were loaded ({@link #load}): a new document each time it changes */
    public ReadOnlyLongProperty loadsProperty() {
        return loads.getReadOnlyProperty();
    }

    /**
     * The venues' tier tables changed (Help → Update tier tables installed refreshed ones):
     * evaluates the same draft again, every position parsed anew against the tables now in use.
     * Nothing counts as an edit: the undo history and the unsaved marker stay as they were.
     */
    public void tiersChanged() {
        publish(evaluator.evaluate(evaluation.get().draft(), null));
    }

    /** Undoes the last edit (a typed value counts once); does nothing when there is none. */
    public void undo() {
        moveInHistory(history.undo(evaluation.get().draft()));
    }

    /** Redoes the last undone edit; does nothing when there is none. */
    public void redo() {
        moveInHistory(history.redo(evaluation.get().draft()));
    }

    private void moveInHistory(Draft d) {
        if (d == null) {
            return;
        }
        Draft before = evaluation.get().draft();
        notice.set("");
        // evaluated on its own: a last valid input of the draft being left must not stand in for an
        // invalid one of the restored draft (their money would not add up)
        publish(evaluator.evaluate(d, null));
        for (PositionDraft p : d.positions()) {
            int i = before.indexOf(p.id());
            if (i < 0 || !before.positions().get(i).equals(p)) {
                rows.select(p.id());
                break;
            }
        }
        updateHistory();
        editCount.set(editCount.get() + 1);
    }

    /** Marks the current draft as saved (the unsaved marker clears; undoing back to it clears it too). */
    public void markSaved() {
        history.markSaved();
        updateHistory();
    }

    /**
     * Marks the draft a save wrote as saved; edits made while it was written stay unsaved.
     *
     * @param written  the draft that was written ({@link #draft()} when the save began), not null
     */
    public void markSaved(Draft written) {
        history.markSaved(written);
        updateHistory();
    }

    /** @return the current draft (immutable): what a save started now writes */
    public Draft draft() {
        return history.current();
    }

    /** Marks the workspace as having unsaved changes that no draft in the history was saved with. */
    public void markUnsaved() {
        history.markUnsaved();
        updateHistory();
    }

    /**
     * The workspace the inputs describe now, for saving.
     *
     * @return the workspace, never null
     * @throws ValidationException naming the first invalid input by the position's id and the
     *         field ({@code btc-long.quantity: must be a number (got abc)}) or {@code walletBalance}
     */
    public Workspace toWorkspace() {
        return drafts.toWorkspace(evaluation.get());
    }

    /**
     * The workspace as far as it is valid: positions whose inputs are invalid right now take
     * their last valid inputs, an invalid wallet its last valid value; positions that never were
     * valid are left out. For autosave, which must not wait for the user to finish typing.
     *
     * @return the workspace, never null
     */
    public Workspace toWorkspaceLenient() {
        Evaluation e = evaluation.get();
        List<Position> ps = new ArrayList<>();
        for (PositionResult r : e.positions()) {
            if (r.used() != null) {
                ps.add(r.used());
            }
        }
        return new Workspace(e.draft().name(), e.draft().venueId(), e.wallet(), ps, e.draft().asOf(), e.draft().lesson());
    }

    // ---- commands -----------------------------------------------------------------------------

    /**
     * Adds a fresh default position on the venue (long 0.1 of its first symbol at 60,000, 10x,
     * isolated with its initial margin), selected.
     *
     * @return the new row, or null when the venue is unknown
     */
    public PositionViewModel addPosition() {
        List<String> before = rows.ids();
        command(null, edits::addPosition);
        return rows.selectNew(before);
    }

    /**
     * Duplicates a position under a new id, right below it.
     *
     * @param row  a row of this account, not null
     * @return the copy, selected
     */
    public PositionViewModel duplicate(PositionViewModel row) {
        List<String> before = rows.ids();
        edit(null, d -> edits.duplicate(d, row.id()));
        return rows.selectNew(before);
    }

    /**
     * Removes a position; the next one (or the previous) becomes selected.
     *
     * @param row  a row of this account, not null
     */
    public void remove(PositionViewModel row) {
        int i = rows.rows().indexOf(row);
        if (i < 0) {
            return;
        }
        edit(null, d -> edits.remove(d, row.id()));
        rows.selectAt(i);
    }

    /**
     * Moves a position up (−1) or down (+1) in the list.
     *
     * @param row        a row of this account, not null
     * @param direction  −1 or +1
     */
    public void move(PositionViewModel row, int direction) {
        int i = rows.rows().indexOf(row);
        int j = i + direction;
        if (i < 0 || j < 0 || j >= rows.rows().size()) {
            return;
        }
        edit(null, d -> edits.move(d, row.id(), direction));
        rows.selected().set(row);
    }

    /** Undo/redo state for the menus. */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** @return whether {@link #redo()} would change something */
    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    // ---- properties ---------------------------------------------------------------------------

    /** @return the one current evaluation; every tab follows it */
    public ReadOnlyObjectProperty<Evaluation> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    /** @return the venue's rules; writable (changing it re-checks every position) */
    public ObjectProperty<VenueRules> venueProperty() {
        return inputs.venue();
    }

    /** @return the workspace's name; writable */
    public StringProperty nameProperty() {
        return inputs.name();
    }

    /** @return the typed cross wallet balance; writable */
    public StringProperty walletTextProperty() {
        return inputs.walletText();
    }

    /** @return the wallet's error message naming the rule, or null */
    public ReadOnlyStringProperty walletErrorProperty() {
        return figures.walletError();
    }

    /** @return the positions in order; add and remove through the commands */
    public ObservableList<PositionViewModel> positions() {
        return rows.rows();
    }

    /** @return the position shown in the editor; writable */
    public ObjectProperty<PositionViewModel> selectedProperty() {
        return rows.selected();
    }

    /** @return the symbol the shock moves, or null for every symbol; writable */
    public ObjectProperty<String> shockSymbolProperty() {
        return inputs.shockSymbol();
    }

    /** @return the typed shock in percent (−90 … 200); writable */
    public StringProperty shockTextProperty() {
        return inputs.shockText();
    }

    /** @return the shock slider's value in percent, kept in step with the shock field */
    public DoubleProperty shockSliderProperty() {
        return inputs.shockSlider();
    }

    /** @return the shock field's error naming the rule, or null */
    public ReadOnlyStringProperty shockErrorProperty() {
        return figures.shockError();
    }

    /** @return the distinct symbols of the positions, in order (for the shock's symbol picker) */
    public ObservableList<String> symbols() {
        return symbols;
    }

    /** @return the account bar's figures, formatted from the current evaluation */
    public AccountFigures figures() {
        return figures;
    }

    /** @return the settlement currency of the account's amounts */
    public ReadOnlyStringProperty currencyProperty() {
        return figures.currency();
    }

    /** @return the cross wallet, formatted with unit */
    public ReadOnlyStringProperty walletShownProperty() {
        return figures.wallet();
    }

    /** @return the cross account's margin balance, formatted */
    public ReadOnlyStringProperty marginBalanceProperty() {
        return figures.marginBalance();
    }

    /** @return the cross account's margin ratio, formatted, or "liquidated" */
    public ReadOnlyStringProperty marginRatioProperty() {
        return figures.marginRatio();
    }

    /** @return the venue's margin-ratio definition in words */
    public ReadOnlyStringProperty marginRatioNameProperty() {
        return figures.marginRatioName();
    }

    /** @return the available balance (the most margin that can be added), formatted */
    public ReadOnlyStringProperty availableBalanceProperty() {
        return figures.availableBalance();
    }

    /** @return the total equity (spec §4: liquidated positions count what liquidation leaves), formatted */
    public ReadOnlyStringProperty totalEquityProperty() {
        return figures.totalEquity();
    }

    /** @return an account-level message (invalid wallet, mixed contracts), or empty */
    public ReadOnlyStringProperty problemProperty() {
        return figures.problem();
    }

    /** @return what the last command did or why it was refused (a transfer, a mode switch), or empty */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** @return whether the document differs from the saved one */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** @return a counter that increases with every change of the document (autosave follows it) */
    public ReadOnlyLongProperty editCountProperty() {
        return editCount.getReadOnlyProperty();
    }

    /** @return the engine */
    public MarginEngine engine() {
        return engine;
    }

    /** @return the locale numbers are typed and shown in */
    public Locale locale() {
        return locale.get();
    }

    /** @return the locale numbers are typed and shown in; it changes with {@link #setLocale} */
    public ReadOnlyObjectProperty<Locale> localeProperty() {
        return locale.getReadOnlyProperty();
    }

    /**
     * Types and shows numbers in another locale from now on, at once: every number typed so far
     * (in every undo step too) is rewritten in the new format with its value unchanged
     * ({@link DraftLocale}), and every figure is shown again in it. Nothing counts as an edit: the
     * unsaved marker and the undo history stay as they were.
     *
     * @param next  the locale, not null
     */
    public void setLocale(Locale next) {
        Objects.requireNonNull(next, "next");
        if (next.equals(locale.get())) {
            return;
        }
        DraftLocale convert = new DraftLocale(new org.marginlab.app.ui.DecimalInput(locale.get()), new Formats(next));
        Draft now = convert.convert(evaluation.get().draft());
        history.rewrite(convert::convert);
        formats = new Formats(next);
        evaluator = new Evaluator(next);
        drafts = new Drafts(formats);
        edits = new DraftEdits(formats, evaluator.parser());
        figures.setFormats(formats);
        inputs.setFormats(formats);
        rows.setLocale(next);
        locale.set(next);
        // the same document in other words: a half-typed field keeps the last valid position behind it
        publish(evaluator.evaluate(now, evaluation.get()));
        updateHistory();
        notice.set("Numbers are now typed and shown as " + formats.price(new BigDecimal("1234.56"),
                java.math.RoundingMode.HALF_UP) + " (" + next.getDisplayName(Locale.ENGLISH) + ").");
    }
}
