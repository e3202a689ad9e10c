package org.marginlab.app.ui;

import javafx.scene.Node;
import javafx.scene.control.TitledPane;

/**
 * The content of a collapsed {@link TitledPane} joins the scene the first time the pane is
 * expanded. A collapsed pane's content is hidden but would still be styled, given its skins and
 * laid out with the window (JavaFX does that for hidden nodes too): at start-up that is the
 * editor's two collapsed panes, about 120 nodes. The content is built at once (its fields are
 * the view's, bound and locked like the others); only its place in the scene waits, so what
 * shows when the pane opens is the same.
 */
public final class Collapsed {
    private static final String PENDING = "marginlab.collapsed.content";

    private Collapsed() {
    }

    /**
     * Sets the pane's content now if it is expanded, else the first time it is.
     *
     * @param pane     the pane, not null
     * @param content  its content, not null
     */
    public static void content(TitledPane pane, Node content) {
        if (!pane.isExpanded()) {
            pane.getProperties().put(PENDING, content);
        }
        WhenTrue.once(pane.expandedProperty(), () -> {
            pane.getProperties().remove(PENDING);
            pane.setContent(content);
        });
    }

    /**
     * @param pane  a pane, not null
     * @return its content, or the content {@link #content} keeps until it is expanded, or null
     */
    public static Node of(TitledPane pane) {
        Object pending = pane.getProperties().get(PENDING);
        return pending instanceof Node n ? n : pane.getContent();
    }
}
