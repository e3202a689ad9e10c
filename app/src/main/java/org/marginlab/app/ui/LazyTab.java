package org.marginlab.app.ui;

import java.util.function.Supplier;

import javafx.scene.Node;

/**
 * A tab of the main window that is built the first time it is shown (so that a tab the user
 * never opens costs nothing at start-up).
 *
 * @param title    the tab's title
 * @param id       the tab's node id
 * @param icon     an Ikonli icon literal
 * @param content  builds the tab's content
 */
public record LazyTab(String title, String id, String icon, Supplier<Node> content) {
}
