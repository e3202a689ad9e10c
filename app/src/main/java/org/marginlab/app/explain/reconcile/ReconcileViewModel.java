package org.marginlab.app.explain.reconcile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.marginlab.app.model.Evaluation;
import org.marginlab.app.ui.DecimalInput;
import org.marginlab.app.ui.LatestOnly;
import org.marginlab.engine.Account;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.explain.Reconciler;
import org.marginlab.engine.explain.Reconciliation;
import org.marginlab.engine.explain.Reconciliation.VenueFigures;

/**
 * The "Reconcile with my exchange" panel's state: what the user typed from the venue, the errors
 * under each field, and the latest {@link Reconciliation} of the selected position as a verdict
 * and one row per cause.
 *
 * <p>The account reconciled is the current evaluation's account at the typed marks
 * ({@link Evaluation#entered()}, read when the user asks; no copy is kept), the same account
 * {@code marginlab reconcile} uses. The reconciliation (about a hundred evaluations of the
 * account) runs off the JavaFX thread through {@link LatestOnly}; a result that arrives after a
 * newer request, a new evaluation or another selection is dropped. Inputs: the venue's
 * liquidation price (required, &gt; 0); the margin ratio in percent, the maintenance margin and
 * the margin balance (optional), each parsed in the app's locale ({@link DecimalInput}).
 */
public final class ReconcileViewModel {
    /** One line of the result: a cause or another figure's check. */
    public record Row(String id, boolean explains, String sentence) {
    }

    private final ObservableValue<Evaluation> evaluation;
    private final ObservableValue<String> positionId;
    private final DecimalInput input;
    private final LatestOnly<Reconciliation> jobs;

    private final StringProperty liquidationPrice = new SimpleStringProperty("");
    private final StringProperty marginRatio = new SimpleStringProperty("");
    private final StringProperty maintenanceMargin = new SimpleStringProperty("");
    private final StringProperty marginBalance = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper liquidationPriceError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper marginRatioError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper maintenanceMarginError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper marginBalanceError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper explained = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call is only weakly held by the list and would stop updating. */
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);

    /**
     * The app's view-model: the default format locale, a background thread, results on the JavaFX thread.
     *
     * @param evaluation  the app's current evaluation, not null
     * @param positionId  the selected position's id (null or empty when none), not null
     */
    public ReconcileViewModel(ObservableValue<Evaluation> evaluation, ObservableValue<String> positionId) {
        this(evaluation, positionId, Locale.getDefault(Locale.Category.FORMAT),
                LatestOnly.daemonThread("reconcile"), Platform::runLater);
    }

    /**
     * @param evaluation  the app's current evaluation, not null
     * @param positionId  the selected position's id, not null
     * @param locale      the locale numbers are typed in, not null
     * @param worker      runs the reconciliation ({@code Runnable::run} in tests), not null
     * @param deliver     delivers the result ({@code Platform::runLater} in the app), not null
     */
    public ReconcileViewModel(ObservableValue<Evaluation> evaluation, ObservableValue<String> positionId, Locale locale,
            Executor worker, Executor deliver) {
        this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
        this.positionId = Objects.requireNonNull(positionId, "positionId");
        this.input = new DecimalInput(locale);
        this.jobs = new LatestOnly<>(worker, deliver);
        // a new evaluation or another position makes the result stale: clear it
        evaluation.addListener((o, was, now) -> clear(""));
        positionId.addListener((o, was, now) -> clear(""));
    }

    /** Reconciles the selected position with what the user typed; errors go under their fields. */
    public void reconcile() {
        BigDecimal lp = parse(liquidationPrice, liquidationPriceError, true, true);
        BigDecimal ratio = parse(marginRatio, marginRatioError, false, false);
        BigDecimal mm = parse(maintenanceMargin, maintenanceMarginError, false, false);
        BigDecimal mb = parse(marginBalance, marginBalanceError, false, null);
        if (liquidationPriceError.get() != null || marginRatioError.get() != null
                || maintenanceMarginError.get() != null || marginBalanceError.get() != null) {
            clear("");
            return;
        }
        Evaluation e = evaluation.getValue();
        String id = positionId.getValue();
        Account account = e == null ? null : e.entered();
        if (id == null || id.isEmpty()) {
            clear("Select a position to reconcile.");
            return;
        }
        if (account == null || account.positions().stream().noneMatch(p -> p.id().equals(id))) {
            clear("Position " + id + " cannot be evaluated: fix its fields first.");
            return;
        }
        VenueFigures venue = new VenueFigures(lp, ratio == null ? null : ratio.movePointLeft(2), mm, mb, null);
        busy.set(true);
        status.set("Reconciling " + id + "…");
        jobs.submit(() -> Reconciler.reconcile(account, id, venue), this::show, failure -> {
            busy.set(false);
            clear(failure instanceof ValidationException ? failure.getMessage() : "Cannot reconcile: " + failure);
        });
    }

    /**
     * @param positive  true: must be &gt; 0; false: must be ≥ 0; null: any sign
     * @return the number, or null when empty (and not required) or invalid (the error is set)
     */
    private BigDecimal parse(StringProperty text, ReadOnlyStringWrapper error, boolean required, Boolean positive) {
        String t = text.get() == null ? "" : text.get().strip();
        error.set(null);
        if (t.isEmpty() && !required) {
            return null;
        }
        try {
            BigDecimal v = input.parse(t);
            if (positive != null && (positive ? v.signum() <= 0 : v.signum() < 0)) {
                error.set(positive ? "must be > 0" : "must be ≥ 0");
                return null;
            }
            return v;
        } catch (DecimalInput.InputException ex) {
            error.set(ex.getMessage());
            return null;
        }
    }

    private void show(Reconciliation r) {
        busy.set(false);
        status.set("");
        List<Row> out = new ArrayList<>();
        r.causes().forEach(c -> out.add(new Row(c.id(), c.explains(), c.sentence())));
        r.figures().forEach(f -> out.add(new Row(f.name(), f.matches() || !f.explainedBy().isEmpty(), f.sentence())));
        rows.setAll(out);
        explained.set(r.explained());
        // the verdict last: whoever sees it sees the rows too
        verdict.set(r.verdict());
    }

    private void clear(String message) {
        jobs.cancel();
        busy.set(false);
        verdict.set("");
        explained.set(false);
        rows.clear();
        status.set(message);
    }

    /** @return the venue's liquidation price as typed */
    public StringProperty liquidationPriceProperty() {
        return liquidationPrice;
    }

    /** @return the venue's margin ratio in percent as typed */
    public StringProperty marginRatioProperty() {
        return marginRatio;
    }

    /** @return the venue's maintenance margin as typed */
    public StringProperty maintenanceMarginProperty() {
        return maintenanceMargin;
    }

    /** @return the venue's margin balance as typed */
    public StringProperty marginBalanceProperty() {
        return marginBalance;
    }

    /** @return why the typed liquidation price is refused, or null */
    public ReadOnlyStringProperty liquidationPriceErrorProperty() {
        return liquidationPriceError.getReadOnlyProperty();
    }

    /** @return why the typed margin ratio is refused, or null */
    public ReadOnlyStringProperty marginRatioErrorProperty() {
        return marginRatioError.getReadOnlyProperty();
    }

    /** @return why the typed maintenance margin is refused, or null */
    public ReadOnlyStringProperty maintenanceMarginErrorProperty() {
        return maintenanceMarginError.getReadOnlyProperty();
    }

    /** @return why the typed margin balance is refused, or null */
    public ReadOnlyStringProperty marginBalanceErrorProperty() {
        return marginBalanceError.getReadOnlyProperty();
    }

    /** @return the verdict sentence, empty before a result */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** @return a message while working or why nothing could be reconciled, else empty */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** @return whether the venue's number is explained */
    public ReadOnlyBooleanProperty explainedProperty() {
        return explained.getReadOnlyProperty();
    }

    /** @return whether a reconciliation is running */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** @return one row per cause, then one per other figure checked; read-only for views */
    public ObservableList<Row> rows() {
        return rowsView;
    }
}
