package org.marginlab.app.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Table columns as wide as what they show: a header's title in full, group titles included,
 * and cells that ask for the width of their text. Columns only grow, so a column never jumps
 * back and forth while the user types; a table narrower than its columns scrolls.
 *
 * <p>Use on the JavaFX thread.
 */
public final class TableFit {
    private static final Map<Font, Double> ADVANCES = new HashMap<>();

    private TableFit() {
    }

    /**
     * Keeps every column at least as wide as its header's title (its text and graphic, with the
     * header's padding); a group header's title is shared out over its columns. Checked after
     * each layout of the table, on the header row only.
     *
     * @param table  the table, not null
     */
    public static void headersInFull(TableView<?> table) {
        table.needsLayoutProperty().addListener((o, was, needs) -> {
            if (!needs) {
                Node background = table.lookup(".column-header-background");
                if (background instanceof Parent headers) {
                    fitHeaders(headers);
                }
            }
        });
    }

    private static void fitHeaders(Parent parent) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof TableColumnHeader header && header.getTableColumn() != null) {
                Label label = label(header);
                if (label != null && label.getWidth() > 0) {
                    double needed = Math.ceil(label.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset()) + 2;
                    spread(header.getTableColumn(), needed);
                }
            }
            if (child instanceof Parent p) {
                fitHeaders(p);
            }
        }
    }

    private static Label label(TableColumnHeader header) {
        for (Node n : header.getChildrenUnmodifiable()) {
            if (n instanceof Label l) {
                return l;
            }
        }
        return null;
    }

    /** Grows a column, or a group's leaf columns equally, so that together they are at least {@code needed} wide. */
    private static void spread(TableColumnBase<?, ?> column, double needed) {
        List<? extends TableColumnBase<?, ?>> leaves = column.getColumns();
        if (leaves.isEmpty()) {
            atLeast(column, needed);
            return;
        }
        double sum = 0;
        for (TableColumnBase<?, ?> c : leaves) {
            sum += c.getWidth();
        }
        if (sum + 0.5 < needed) {
            double extra = Math.ceil((needed - sum) / leaves.size());
            for (TableColumnBase<?, ?> c : leaves) {
                atLeast(c, c.getWidth() + extra);
            }
        }
    }

    /**
     * Grows a column's minimum width to {@code width} if it is below it (never shrinks it).
     *
     * @param column  the column, not null
     * @param width   the width it needs, in pixels
     */
    public static void atLeast(TableColumnBase<?, ?> column, double width) {
        if (column.getMinWidth() + 0.5 < width) {
            column.setMinWidth(width);
            if (column.getPrefWidth() < width) {
                column.setPrefWidth(width);
            }
        }
    }

    /** What a column was last widened to by its cells: the longest text, in characters, and the font it was measured in. */
    private static final class Fitted {
        private int chars;
        private Font font;
    }

    /**
     * Widens a cell's column to the cell's text when it is the longest text seen in the column
     * (or the font changed): a figure or typed value is never ellipsized. Cheap when nothing is
     * longer (a length comparison); measured otherwise. When the column grew, the table is laid
     * out again on the next pulse (a cell can be filled during a layout pass, whose rows would
     * otherwise keep the old width).
     *
     * @param cell  a table cell whose text was just set, not null
     */
    public static void fitText(javafx.scene.control.TableCell<?, ?> cell) {
        TableColumnBase<?, ?> column = cell.getTableColumn();
        String text = cell.getText();
        if (column == null || text == null || text.isEmpty()) {
            return;
        }
        Fitted fitted = (Fitted) column.getProperties().computeIfAbsent(Fitted.class, k -> new Fitted());
        Font font = cell.getFont();
        // equal, not the same: the CSS pass gives each cell its own Font instance
        if (!font.equals(fitted.font)) {
            fitted.font = font;
            fitted.chars = 0;
        } else if (text.length() <= fitted.chars) {
            return;
        }
        fitted.chars = text.length();
        double graphic = cell.getGraphic() == null ? 0 : cell.getGraphic().prefWidth(-1) + cell.getGraphicTextGap();
        double before = column.getMinWidth();
        atLeast(column, textWidth(font, text) + graphic + cell.snappedLeftInset() + cell.snappedRightInset() + 6);
        if (column.getMinWidth() != before && cell.getTableView() != null) {
            TableView<?> table = cell.getTableView();
            javafx.application.Platform.runLater(table::requestLayout);
        }
    }

    /**
     * The width of a line of {@code chars} characters in a monospaced font, bold or not (the
     * bold advance is used: a cell that turns bold keeps its width). Measured once per font.
     *
     * @param font   the monospaced font, not null
     * @param chars  the number of characters, ≥ 0
     * @return the width in pixels
     */
    public static double monospaced(Font font, int chars) {
        double advance = ADVANCES.computeIfAbsent(font, f -> {
            Text t = new Text("0000000000");
            t.setFont(Font.font(f.getFamily(), FontWeight.BOLD, f.getSize()));
            return t.getLayoutBounds().getWidth() / 10;
        });
        return Math.ceil(advance * chars);
    }

    /**
     * @param font  the font, not null
     * @param text  the text, not null
     * @return the width of the text on one line, in pixels
     */
    public static double textWidth(Font font, String text) {
        Text t = new Text(text);
        t.setFont(font);
        return Math.ceil(t.getLayoutBounds().getWidth());
    }
}
