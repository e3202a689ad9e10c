package org.marginlab.app.ui;

import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

/**
 * Makes a figure's label open its derivation: a click, or Enter or Space while it has the focus
 * (it takes the focus with Tab); Ctrl+E finds the action of the focused figure through
 * {@link #action}. The figure's tooltip gets the last line {@link #HINT}.
 */
public final class FigureLink {
    /** The last line of every derivable figure's tooltip. */
    public static final String HINT = "Click for the derivation (Ctrl+E).";
    private static final String KEY = "marginlab.figureLink";

    private FigureLink() {
    }

    /**
     * @param label  the figure's value label, not null
     * @param open   what opens its derivation, not null
     */
    public static void install(Label label, Runnable open) {
        label.getStyleClass().add("figure-link");
        label.setFocusTraversable(true);
        label.setCursor(Cursor.HAND);
        label.getProperties().put(KEY, open);
        label.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                label.requestFocus();
                open.run();
            }
        });
        label.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                open.run();
                e.consume();
            }
        });
        Tooltip t = label.getTooltip();
        if (t == null) {
            String own = Tips.text(label);
            Tips.install(label, own == null ? HINT : own.endsWith(HINT) ? own : own + "\n" + HINT);
        } else if (!t.textProperty().isBound() && !t.getText().endsWith(HINT)) {
            t.setText(t.getText() + "\n" + HINT);
        }
    }

    /**
     * @param node  a node, or null
     * @return the action that opens the derivation of the figure it shows, or null when it is not
     *         a figure link
     */
    public static Runnable action(javafx.scene.Node node) {
        return node == null ? null : (Runnable) node.getProperties().get(KEY);
    }
}
