package org.marginlab.app.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Table columns as wide as what they show: a header's title in full, group titles included,
 * and cells that ask for the width of their text. Columns only grow, so a column never jumps
 * back and forth while the user types; a table narrower than its columns scrolls.
 *
 * <p>Use on the JavaFX thread.
 */
public final class TableFit {
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

    /**
     * What a column was widened to by its cells: the longest text, in characters, per font it was
     * measured in (a cell turns bold and back, and the CSS pass gives each cell its own, equal,
     * {@link Font} instance: compared by equality).
     */
    private static final class Fitted {
        private final Map<Font, Integer> chars = new HashMap<>();
    }

    /**
     * Widens a cell's column to the cell's text when it is the longest text seen in the column in
     * that font: a figure or typed value is never ellipsized. Cheap when nothing is longer (a
     * length comparison); measured otherwise. When the column grew, the table and its rows are laid
     * out again on the next pulse (a cell can be filled during a layout pass, whose rows would
     * otherwise keep the old width).
     *
     * @param cell  a table cell whose text was just set, not null
     */
    public static void fitText(TableCell<?, ?> cell) {
        TableColumnBase<?, ?> column = cell.getTableColumn();
        String text = cell.getText();
        if (column == null || text == null || text.isEmpty()) {
            return;
        }
        Fitted fitted = (Fitted) column.getProperties().computeIfAbsent(Fitted.class, k -> new Fitted());
        Font font = cell.getFont();
        if (text.length() <= fitted.chars.getOrDefault(font, 0)) {
            return;
        }
        fitted.chars.put(font, text.length());
        double graphic = cell.getGraphic() == null ? 0 : cell.getGraphic().prefWidth(-1) + cell.getGraphicTextGap();
        double before = column.getMinWidth();
        atLeast(column, textWidth(font, text) + graphic + cell.snappedLeftInset() + cell.snappedRightInset() + 6);
        if (column.getMinWidth() != before && cell.getTableView() != null) {
            TableView<?> table = cell.getTableView();
            javafx.application.Platform.runLater(() -> layOutRows(table));
        }
    }

    /**
     * Lays the table and each of its rows out again: the rows give their cells the columns' new
     * widths (a one-line cell's new text does not ask its row for a layout, so a widened column
     * would otherwise reach its rows only at their next layout).
     */
    private static void layOutRows(TableView<?> table) {
        table.requestLayout();
        for (Node row : table.lookupAll(".table-row-cell")) {
            if (row instanceof Parent p) {
                p.requestLayout();
            }
        }
    }

    /**
     * Makes a cell fit its text again when the CSS pass sets its styled font (cells are filled
     * before it).
     *
     * @param cell  the cell, not null
     * @return the cell
     */
    public static <C extends TableCell<?, ?>> C fitOnFontChange(C cell) {
        cell.fontProperty().addListener((o, a, b) -> fitText(cell));
        return cell;
    }

    /**
     * @param <S>  the row type
     * @return a read-only cell that shows its text and widens its column to it
     */
    public static <S> TableCell<S, String> textCell() {
        return fitOnFontChange(new TextCell<S>());
    }

    /**
     * A read-only one-line text cell whose new text is laid out within the cell only.
     *
     * <p>Why: a {@code Labeled} asks its parent for a layout when its text changes, and a
     * {@code VirtualFlow} that finds any of its rows needing layout moves every visible row to its
     * pile and builds them all again (index, CSS, layout: most of a pulse's time when every
     * visible figure changes, as a cross account's liquidation prices do on each keystroke). A new
     * text in the same font and insets cannot change a one-line cell's height, and its width is
     * the column's ({@link #fitText} widens the column and lays the table out again itself), so
     * such a change only marks this cell (its ancestors are traversed, not laid out again). Any
     * other request (a new font, new insets from CSS) goes to the row as usual.
     */
    private static final class TextCell<S> extends OneLineCell<S, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            fitText(this);
        }
    }

    /**
     * A one-line table cell whose new text is laid out within the cell only ({@link #textCell()}
     * says why; {@link LayoutRequests} which requests stay).
     *
     * @param <S>  the row type
     * @param <T>  the cell's item type
     */
    public abstract static class OneLineCell<S, T> extends TableCell<S, T> {
        private final LayoutRequests requests = new LayoutRequests();

        @Override
        public void requestLayout() {
            // null while the superclass constructor asks
            if (requests != null && requests.keep(this)) {
                setNeedsLayout(true);
                return;
            }
            super.requestLayout();
        }
    }

    /**
     * An editable text cell ({@link TextFieldTableCell}, strings as typed) that widens its column
     * to its text ({@link #fitText}, again when its font changes) and whose new text, while it is
     * not editing, is laid out within the cell only, as {@link OneLineCell}'s.
     *
     * @param <S>  the row type
     */
    public static class OneLineTextFieldCell<S> extends TextFieldTableCell<S, String> {
        private final LayoutRequests requests = new LayoutRequests();

        /** A cell that edits strings as they are typed. */
        public OneLineTextFieldCell() {
            super(new javafx.util.converter.DefaultStringConverter());
            fitOnFontChange(this);
        }

        @Override
        public void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            fitText(this);
        }

        @Override
        public void requestLayout() {
            // null while the superclass constructor asks
            if (requests != null && requests.keep(this)) {
                setNeedsLayout(true);
                return;
            }
            super.requestLayout();
        }
    }

    /**
     * Which of a one-line cell's layout requests can stay within the cell ({@link #textCell()}
     * says why): those made while its font, insets and graphic are the ones of the last request
     * passed on, and the cell is not editing. A cell keeps one and asks it from its
     * {@code requestLayout()}: when {@link #keep} is true it marks only itself
     * ({@code setNeedsLayout(true)}) and returns, else it calls {@code super.requestLayout()}.
     */
    public static final class LayoutRequests {
        private Font font;
        private javafx.geometry.Insets insets;
        private Node graphic;
        private boolean editing;

        /**
         * @param cell  the cell asking, not null
         * @return true when the request stays within the cell; false when it must go to the row
         *         (this request is then the reference for the next ones)
         */
        public boolean keep(TableCell<?, ?> cell) {
            Font f = cell.getFont();
            javafx.geometry.Insets i = cell.getInsets();
            Node g = cell.getGraphic();
            boolean e = cell.isEditing();
            if (cell.getParent() != null && !e && !editing && f.equals(font) && i.equals(insets) && g == graphic) {
                return true;
            }
            font = f;
            insets = i;
            graphic = g;
            editing = e;
            return false;
        }
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
