package org.marginlab.app;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;

import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.explain.ExplainPane;
import org.marginlab.app.explain.ExplainViewModel;
import org.marginlab.app.explain.reconcile.ReconcilePane;
import org.marginlab.app.explain.reconcile.ReconcileViewModel;
import org.marginlab.app.position.FigureExplain;
import org.marginlab.app.ui.FigureLink;
import org.marginlab.app.ui.LatestOnly;
import org.marginlab.engine.derivation.Figure;

/**
 * The Explain panel's place in the main window: its view-model on the account's one current
 * evaluation, the panel on the right of the positions, what a click on a figure opens, Ctrl+E
 * (toggle, on the focused figure or the selected position's liquidation price) and Esc (close),
 * and following the selected position.
 */
final class ExplainControls {
    private final AccountViewModel account;
    private final ExplainViewModel explain;
    private ExplainPane pane;
    private BorderPane content;

    ExplainControls(AccountViewModel account) {
        this.account = account;
        explain = new ExplainViewModel(account.evaluationProperty(), account.localeProperty());
        explain.setHidden(account.hiddenFigures());
        // the panel (and its reconcile section) is built the first time it opens: nothing of it at start-up
        explain.openProperty().addListener((o, was, open) -> {
            if (open) {
                pane();
            }
        });
        // an open panel on a position's figure follows the selection to the same figure of the new position
        account.selectedProperty().addListener((o, a, b) -> {
            if (b != null && explain.openProperty().get() && explain.positionId() != null && explain.figure() != null
                    && !b.id().equals(explain.positionId())) {
                explain.explain(b.id(), explain.figure());
            }
        });
    }

    /** @return the positions (table over editor), with the panel on their right once it has opened */
    BorderPane around(Node positions) {
        content = new BorderPane(positions);
        if (pane != null) {
            place();
        }
        return content;
    }

    /** Puts the built panel on the right of the positions: a third of a wide window, 320 to 640 px. */
    private void place() {
        content.setRight(pane);
        // long formulas stay at full size on a wide window
        pane.prefWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(320, Math.min(640, content.getWidth() * 0.32)), content.widthProperty()));
    }

    /** @return what a click on a position's figure does */
    FigureExplain.Opener opener() {
        return (id, figure, label) -> {
            if (figure == null) {
                explain.explainUnavailable(id, label);
            } else {
                explain.explain(id, figure);
            }
        };
    }

    /**
     * Ctrl+E toggles the panel, Esc closes it.
     *
     * @param window  the main window's content, not null
     */
    void installKeys(Node window) {
        KeyCombination ctrlE = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
        window.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (ctrlE.match(e)) {
                e.consume();
                toggle(window);
            }
        });
        window.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && explain.openProperty().get()) {
                explain.close();
                e.consume();
            }
        });
    }

    /**
     * Closes the panel if open; else opens it on the focused figure, or on the selected position's
     * liquidation price. (A clicked figure keeps the focus: Ctrl+E after a click closes the panel.)
     */
    void toggle(Node window) {
        Runnable focused = window.getScene() == null ? null : FigureLink.action(window.getScene().getFocusOwner());
        if (explain.openProperty().get()) {
            explain.close();
        } else if (focused != null) {
            focused.run();
        } else if (account.selectedProperty().get() != null) {
            explain.explain(account.selectedProperty().get().id(), Figure.LIQUIDATION_PRICE);
        }
    }

    ExplainViewModel viewModel() {
        return explain;
    }

    /** @return the panel, built (with its reconcile section) and placed on first use */
    ExplainPane pane() {
        if (pane == null) {
            pane = new ExplainPane(explain);
            pane.visibleProperty().bind(explain.openProperty());
            pane.managedProperty().bind(pane.visibleProperty());
            // reconciling with the exchange: the selected position's liquidation price against the venue's
            pane.setReconcile(new ReconcilePane(new ReconcileViewModel(account.evaluationProperty(),
                    Bindings.createStringBinding(() -> account.selectedProperty().get() == null
                            ? null : account.selectedProperty().get().id(), account.selectedProperty()),
                    account.localeProperty().get(), LatestOnly.daemonThread("reconcile"), Platform::runLater)));
            if (content != null) {
                place();
            }
        }
        return pane;
    }
}
