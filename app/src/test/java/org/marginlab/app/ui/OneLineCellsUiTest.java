package org.marginlab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@link TableFit.OneLineTextFieldCell} and {@link TableFit#textCell()}: a visible row's new text
 * shows at once, laid out within its cell, without its row asking the table for a layout (the
 * {@code VirtualFlow} then lays its visible rows out again: 5–10 ms at 200 positions, the Positions
 * tab's slowest keystrokes when a typed mark changed a visible row); a text wider than its column
 * still widens the column, and every row's cell follows it; editing and committing still work.
 */
@ExtendWith(ApplicationExtension.class)
class OneLineCellsUiTest {
    /** A row of two strings: one typed, one shown. */
    private static final class Item {
        final StringProperty typed = new SimpleStringProperty();
        final StringProperty shown = new SimpleStringProperty();

        Item(int i) {
            typed.set("6000" + i + ".00");
            shown.set("1,2" + i + ".50");
        }
    }

    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final AtomicInteger rowLayouts = new AtomicInteger();
    private TableView<Item> table;
    private TableColumn<Item, String> typed;
    private TableColumn<Item, String> shown;

    @Start
    void start(Stage stage) {
        for (int i = 0; i < 40; i++) {
            items.add(new Item(i));
        }
        table = new TableView<>(items);
        table.setEditable(true);
        typed = new TableColumn<>("Typed");
        typed.setCellValueFactory(c -> c.getValue().typed);
        typed.setCellFactory(c -> new TableFit.OneLineTextFieldCell<>());
        typed.setOnEditCommit(e -> e.getRowValue().typed.set(e.getNewValue()));
        typed.setPrefWidth(120);
        shown = new TableColumn<>("Shown");
        shown.setCellValueFactory(c -> c.getValue().shown);
        shown.setCellFactory(c -> TableFit.textCell());
        shown.setPrefWidth(120);
        table.getColumns().add(typed);
        table.getColumns().add(shown);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void layoutChildren() {
                rowLayouts.incrementAndGet();
                super.layoutChildren();
            }
        });
        stage.setScene(new Scene(table, 300, 400));
        stage.show();
    }

    @Test
    void aVisibleRowsNewText_showsWithoutLayingOutTheRows(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        int before = WaitForAsyncUtils.asyncFx(rowLayouts::get).get();
        robot.interact(() -> {
            items.get(2).typed.set("60123.45");
            items.get(3).shown.set("1,299.75");
        });
        WaitForAsyncUtils.waitForFxEvents();
        String[] texts = WaitForAsyncUtils.asyncFx(() -> new String[] {cell(2, typed).getText(), cell(3, shown).getText(),
                String.valueOf(cell(2, typed).isNeedsLayout())}).get();
        assertThat(texts[0]).isEqualTo("60123.45");
        assertThat(texts[1]).isEqualTo("1,299.75");
        assertThat(texts[2]).as("the cell was laid out").isEqualTo("false");
        assertThat(WaitForAsyncUtils.asyncFx(rowLayouts::get).get()).as("rows laid out again").isEqualTo(before);
    }

    @Test
    void aTextWiderThanItsColumn_widensTheColumn(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        double width = WaitForAsyncUtils.asyncFx(typed::getWidth).get();
        robot.interact(() -> items.get(1).typed.set("60123.456789012345678901234567"));
        WaitForAsyncUtils.waitForFxEvents();
        // the table is laid out again on a later pulse
        awaitCellFollowing(1, typed);
        double[] after = WaitForAsyncUtils.asyncFx(() -> {
            TableCell<Item, String> c = cell(1, typed);
            Node text = c.lookup(".text");
            return new double[] {typed.getWidth(), c.getWidth(), text == null ? -1 : text.getLayoutBounds().getWidth()};
        }).get();
        assertThat(after[0]).isGreaterThan(width);
        assertThat(after[1]).as("the cell follows its column").isEqualTo(after[0]);
        assertThat(after[2]).as("the whole text fits the cell").isLessThanOrEqualTo(after[1]);
        assertThat(WaitForAsyncUtils.asyncFx(() -> cell(5, typed).getWidth()).get()).as("another row's cell").isEqualTo(after[0]);

        // a shown figure's column too
        double shownWidth = WaitForAsyncUtils.asyncFx(shown::getWidth).get();
        robot.interact(() -> items.get(2).shown.set("1,234,567,890,123,456,789.123456789"));
        WaitForAsyncUtils.waitForFxEvents();
        awaitCellFollowing(2, shown);
        double[] figure = WaitForAsyncUtils.asyncFx(() -> new double[] {shown.getWidth(), cell(2, shown).getWidth(),
                cell(6, shown).getWidth()}).get();
        assertThat(figure[0]).isGreaterThan(shownWidth);
        assertThat(figure[1]).as("the figure's cell follows its column").isEqualTo(figure[0]);
        assertThat(figure[2]).as("another row's figure cell").isEqualTo(figure[0]);
    }

    @Test
    void editingACell_showsItsFieldAndCommitsTheText(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> table.edit(4, typed));
        WaitForAsyncUtils.waitForFxEvents();
        TextField field = WaitForAsyncUtils.asyncFx(() -> (TextField) cell(4, typed).getGraphic()).get();
        assertThat(field).isNotNull();
        assertThat(WaitForAsyncUtils.asyncFx(() -> field.getWidth() > 0 && field.getScene() != null).get())
                .as("the field is laid out in its cell").isTrue();
        robot.interact(() -> {
            field.setText("59999.99");
            field.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                    javafx.scene.input.KeyCode.ENTER, false, false, false, false));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(items.get(4).typed.get()).isEqualTo("59999.99");
        String[] after = WaitForAsyncUtils.asyncFx(() -> new String[] {cell(4, typed).getText(),
                String.valueOf(cell(4, typed).getGraphic())}).get();
        assertThat(after[0]).isEqualTo("59999.99");
        assertThat(after[1]).isEqualTo("null");
    }

    /** Waits (up to 3 s) for the row's cell to be as wide as its column; the assertions report it if not. */
    private void awaitCellFollowing(int row, TableColumn<Item, String> column) throws InterruptedException {
        try {
            WaitForAsyncUtils.waitFor(3, java.util.concurrent.TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(() -> cell(row, column).getWidth() == column.getWidth()).get());
        } catch (java.util.concurrent.TimeoutException e) {
            // reported by the caller's assertions
        }
    }

    @SuppressWarnings("unchecked")
    private TableCell<Item, String> cell(int row, TableColumn<Item, String> column) {
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && c.getTableColumn() == column && c.getIndex() == row && !c.isEmpty()) {
                return (TableCell<Item, String>) c;
            }
        }
        throw new AssertionError("no cell for row " + row);
    }
}
