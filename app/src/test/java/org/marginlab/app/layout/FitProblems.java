package org.marginlab.app.layout;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;

/**
 * What a user cannot read in a window: every {@link Labeled} (labels, buttons, table cells and
 * headers, combo box cells) whose displayed text is not its whole text (the skin ellipsized or
 * clipped it), and every figure ({@code .figure-value}) that lies outside the window with no
 * scroll pane around it to reach it. Call on the JavaFX thread, after a layout pass.
 */
public final class FitProblems {
    private FitProblems() {
    }

    /**
     * @param root  the window's root, laid out, not null
     * @return one line per problem: the node's id or class, its whole text and what is shown; empty when everything fits
     */
    public static List<String> of(Parent root) {
        List<String> out = new ArrayList<>();
        Bounds window = root.localToScene(root.getLayoutBounds());
        collect(root, window, false, out);
        return out;
    }

    private static void collect(Node node, Bounds window, boolean scrolled, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        boolean inScroll = scrolled || node.getStyleClass().contains("virtual-flow") || node instanceof ScrollPane pane
                && pane.getHbarPolicy() != ScrollPane.ScrollBarPolicy.NEVER && pane.getVbarPolicy() != ScrollPane.ScrollBarPolicy.NEVER;
        if (node instanceof Labeled labeled) {
            String problem = truncation(labeled);
            if (problem != null) {
                out.add(describe(node) + ": " + problem);
            }
        }
        if (node.getStyleClass().contains("figure-value") && !inScroll) {
            Bounds b = node.localToScene(node.getLayoutBounds());
            if (b.getMaxX() > window.getMaxX() + 0.5 || b.getMaxY() > window.getMaxY() + 0.5
                    || b.getMinX() < window.getMinX() - 0.5 || b.getMinY() < window.getMinY() - 0.5) {
                out.add(describe(node) + ": outside the window with no scroll bar (" + b + ")");
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, window, inScroll, out);
            }
        }
    }

    /** @return what is wrong with the labeled's shown text, or null when it shows all of it */
    private static String truncation(Labeled labeled) {
        String full = labeled.getText();
        if (full == null || full.isEmpty() || labeled.getWidth() <= 0) {
            return null;
        }
        if (labeled.isMnemonicParsing()) {
            full = full.replaceFirst("_(?=.)", "");
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && text.getStyleClass().contains("text")) {
                String shown = text.getText();
                if (!full.equals(shown)) {
                    return "shows \"" + shown + "\" of \"" + full + "\"";
                }
                Bounds t = text.getBoundsInParent();
                // a wrapping label shows its whole text on as many lines as it needs: only a
                // single line can run past the label's edge
                if (!labeled.isWrapText() && labeled.getClip() == null && t.getMaxX() > labeled.getWidth() + 1.5) {
                    return "\"" + full + "\" is wider (" + Math.round(t.getWidth()) + " px) than its "
                            + Math.round(labeled.getWidth()) + " px";
                }
                return null;
            }
        }
        return null;
    }

    private static String describe(Node node) {
        StringBuilder b = new StringBuilder();
        for (Node n = node; n != null && b.length() < 120; n = n.getParent()) {
            if (n.getId() != null && !n.getId().equals("virtual-flow")) {
                b.insert(0, "#" + n.getId() + (b.length() > 0 ? " " : ""));
                break;
            }
        }
        b.append(" ").append(node.getClass().getSimpleName());
        if (node instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getTableColumn() != null) {
            b.append(" (column ").append(Math.round(cell.getTableColumn().getWidth())).append(" px, min ")
                    .append(Math.round(cell.getTableColumn().getMinWidth())).append(", cell ")
                    .append(Math.round(cell.getWidth())).append(")");
        }
        return b.toString().strip();
    }
}
