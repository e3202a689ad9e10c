package org.marginlab.app.explain;

import java.util.Locale;
import java.util.Objects;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.PositionResult;
import org.marginlab.app.ui.Formats;
import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.derivation.Derivation;
import org.marginlab.engine.explain.Explainer;
import org.marginlab.engine.derivation.Figure;

/**
 * The Explain panel's state: which figure of which position is explained, and its
 * {@link Derivation} from the ONE current {@link Evaluation}: {@link Explainer#explain} of the
 * evaluation's shocked account (the account the figures are computed at), so the derivation ends
 * at the figure the results show. While the panel is open the derivation is worked out again at
 * every new evaluation (so it follows the user's typing); while it is closed, not at all. It keeps
 * no copy of any position: only the selected id and figure.
 *
 * <p>FX thread only. Costs one extra engine evaluation of the account per edit while open.
 */
public final class ExplainViewModel {
    private final ObservableValue<Evaluation> evaluation;
    private DerivationFormats formats;
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open", false);
    private final ReadOnlyObjectWrapper<Derivation> derivation = new ReadOnlyObjectWrapper<>(this, "derivation");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper term = new ReadOnlyStringWrapper(this, "term", "");
    private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper(this, "subject", "");
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper(this, "value", "");
    private final ReadOnlyStringWrapper ruleSet = new ReadOnlyStringWrapper(this, "ruleSet", "");
    private String positionId;
    private Figure figure;
    private String unavailable;
    private org.marginlab.app.ui.HiddenFigures hidden;

    /**
     * @param evaluation  the current evaluation (the account view-model's), not null
     * @param locale      the locale values are formatted in, not null
     */
    public ExplainViewModel(ObservableValue<Evaluation> evaluation, Locale locale) {
        this(evaluation, new javafx.beans.property.SimpleObjectProperty<>(locale));
    }

    /**
     * @param evaluation  the current evaluation (the account view-model's), not null
     * @param locale      the number format's locale, followed as it changes, not null
     */
    public ExplainViewModel(ObservableValue<Evaluation> evaluation, ObservableValue<Locale> locale) {
        this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
        this.formats = new DerivationFormats(new Formats(locale.getValue()));
        locale.addListener((o, a, l) -> {
            formats = new DerivationFormats(new Formats(l));
            if (open.get()) {
                refresh();
            }
        });
        evaluation.addListener((o, a, e) -> {
            if (open.get()) {
                refresh();
            }
        });
    }

    /**
     * Opens the panel on a figure.
     *
     * @param positionId  the position, or null for an account figure
     * @param figure      the engine figure, not null
     */
    public void explain(String positionId, Figure figure) {
        this.positionId = figure.isAccount() ? null : positionId;
        this.figure = Objects.requireNonNull(figure, "figure");
        this.unavailable = null;
        term.set(figure.term());
        open.set(true);
        refresh();
    }

    /**
     * Opens the panel on a figure the engine's rule set does not derive (a cost, a probability):
     * it says so.
     *
     * @param positionId  the position, or null
     * @param label       the figure's label as the results show it, not null
     */
    public void explainUnavailable(String positionId, String label) {
        this.positionId = positionId;
        this.figure = null;
        this.unavailable = label + " is not derived by the engine's rule set yet: the derivation covers the margin "
                + "figures (notional, margins, PnL, margin balance and ratio, liquidation and bankruptcy prices, the "
                + "account's balances); costs and the probability of liquidation have none.";
        term.set(label);
        open.set(true);
        refresh();
    }

    /** Closes the panel; nothing is worked out until it opens again. */
    public void close() {
        open.set(false);
        derivation.set(null);
    }

    /**
     * Follows the figures a lesson hides: a derivation that would show one (the figure itself or
     * a figure it builds on) says so instead, until the figure is revealed.
     *
     * @param hiddenFigures  the hidden figures, not null
     */
    public void setHidden(org.marginlab.app.ui.HiddenFigures hiddenFigures) {
        this.hidden = Objects.requireNonNull(hiddenFigures, "hiddenFigures");
        hiddenFigures.keys().addListener((javafx.collections.SetChangeListener<String>) c -> {
            if (open.get()) {
                refresh();
            }
        });
    }

    /** Whether the derivation of a figure would show a hidden one (itself or one it builds on). */
    private boolean hides(String id, Figure f) {
        if (hidden == null || hidden.keys().isEmpty() || f == null) {
            return false;
        }
        java.util.Set<Figure> all = new java.util.LinkedHashSet<>();
        java.util.Deque<Figure> todo = new java.util.ArrayDeque<>(java.util.List.of(f));
        while (!todo.isEmpty()) {
            Figure g = todo.pop();
            if (all.add(g)) {
                todo.addAll(g.uses());
            }
        }
        for (Figure g : all) {
            boolean any = hidden.keys().stream().anyMatch(k -> k.endsWith("." + g.id()));
            if (g.isAccount() || id == null ? any : hidden.hidden(id, g.id())) {
                return true;
            }
        }
        return false;
    }

    /** Works the derivation out again from the current evaluation. */
    private void refresh() {
        subject.set(positionId == null ? "Account" : positionId);
        Derivation d = null;
        String why = unavailable;
        if (why == null && hides(positionId, figure)) {
            why = org.marginlab.app.ui.HiddenFigures.TIP + ": the derivation shows once the figure is revealed.";
        }
        Evaluation e = evaluation.getValue();
        if (why == null) {
            why = problem(e);
        }
        if (why == null) {
            try {
                d = Explainer.explain(e.shocked(), positionId, figure);
            } catch (ValidationException ex) {
                why = ex.getMessage();
            }
        }
        if (d != null && figure == Figure.TOTAL_EQUITY && e.totalEquity() != null && d.value() != null
                && e.totalEquity().compareTo(d.value()) != 0) {
            why = "The account summary shows " + formats.value(e.totalEquity(), e.currency()) + ": it counts a "
                    + "liquidated position by what its liquidation leaves (workspace-and-cli.md §4). The engine's total "
                    + "equity derived here counts every position at the mark.";
        }
        derivation.set(d);
        message.set(why == null ? "" : why);
        value.set(d == null ? "" : formats.figureValue(d));
        ruleSet.set(d == null ? "" : d.ruleSet());
    }

    /** @return why the figure cannot be explained now, or null */
    private String problem(Evaluation e) {
        if (e == null || e.shocked() == null) {
            return "Nothing to explain: the account cannot be evaluated"
                    + (e == null || e.problem().isEmpty() ? "." : " (" + e.problem() + ").");
        }
        if (positionId == null) {
            return null;
        }
        PositionResult r = e.position(positionId);
        if (r == null) {
            return "The position " + positionId + " is no longer in the workspace.";
        }
        boolean valid = r.parsed().valid() && !r.stale();
        for (Position p : e.shocked().positions()) {
            if (valid && p.id().equals(positionId)) {
                return null;
            }
        }
        return "The position " + positionId + " has invalid inputs; fix them (see its fields) to see the derivation.";
    }

    /** @return the derivation shown, or null (closed, or see {@link #messageProperty()}) */
    public ReadOnlyObjectProperty<Derivation> derivationProperty() {
        return derivation.getReadOnlyProperty();
    }

    /** @return why there is no derivation, or empty */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** @return whether the panel is open */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    /** @return the figure's term ("Liquidation price") */
    public ReadOnlyStringProperty termProperty() {
        return term.getReadOnlyProperty();
    }

    /** @return the position id, or "Account" */
    public ReadOnlyStringProperty subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    /** @return the figure's value as the results show it, or empty */
    public ReadOnlyStringProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** @return the rule set, {@code id@version}, or empty */
    public ReadOnlyStringProperty ruleSetProperty() {
        return ruleSet.getReadOnlyProperty();
    }

    /** @return the written forms, in the app's locale */
    public DerivationFormats formats() {
        return formats;
    }

    /** @return the position explained, or null for the account or when closed */
    public String positionId() {
        return positionId;
    }

    /** @return the figure explained, or null */
    public Figure figure() {
        return figure;
    }

    /**
     * @param format  "markdown", "latex" or "text"
     * @return the derivation in that format, or the message when there is none
     */
    public String copyText(String format) {
        Derivation d = derivation.get();
        if (d == null) {
            return message.get();
        }
        return switch (format) {
            case "markdown" -> formats.markdown(d);
            case "latex" -> formats.latex(d);
            default -> formats.text(d);
        };
    }
}
