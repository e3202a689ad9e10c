package org.marginlab.app.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;

/**
 * The context menus of what can be exported: "Export CSV…" on a table, "Save chart as PNG…" on a
 * chart. Each item fires an {@link ExportRequest} on its node; the main view does the rest.
 */
public final class ExportMenus {
    /** The style class of a node that can be saved as PNG (File → Export ▸ PNG of current chart looks for it). */
    public static final String CHART = "exportable-chart";
    /** The id of the context menu items, for tests. */
    public static final String CSV_ITEM = "exportCsvItem";
    /** The id of the chart menu item, for tests. */
    public static final String PNG_ITEM = "exportPngItem";

    private ExportMenus() {
    }

    /**
     * Adds "Export CSV…" to a table's context menu (made if it has none).
     *
     * @param table  the table, not null
     */
    public static void table(TableView<?> table) {
        MenuItem csv = new MenuItem("Export CSV…");
        csv.setId(CSV_ITEM);
        csv.setOnAction(e -> Event.fireEvent(table, new ExportRequest(table, ExportRequest.Kind.CSV)));
        if (table.getContextMenu() == null) {
            table.setContextMenu(new ContextMenu());
        }
        table.getContextMenu().getItems().add(csv);
    }

    /**
     * Gives a chart (any node) a context menu with "Save chart as PNG…" and marks it
     * {@link #CHART}.
     *
     * @param chart  the chart, not null
     */
    public static void chart(Node chart) {
        chart.getStyleClass().add(CHART);
        MenuItem png = new MenuItem("Save chart as PNG…");
        png.setId(PNG_ITEM);
        png.setOnAction(e -> Event.fireEvent(chart, new ExportRequest(chart, ExportRequest.Kind.PNG)));
        ContextMenu menu = new ContextMenu(png);
        chart.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            menu.show(chart, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    /**
     * A table as it is displayed: the leaf columns' titles (a nested column's title after its
     * parent's) and each cell's text.
     *
     * @param table  the table, not null
     * @return the header row, then one row per item
     */
    public static List<List<String>> displayed(TableView<?> table) {
        List<TableColumn<?, ?>> leaves = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (TableColumn<?, ?> c : table.getColumns()) {
            leaves(c, "", leaves, header);
        }
        List<List<String>> out = new ArrayList<>();
        out.add(header);
        for (int i = 0; i < table.getItems().size(); i++) {
            List<String> row = new ArrayList<>();
            for (TableColumn<?, ?> c : leaves) {
                Object v = c.getCellData(i);
                row.add(v == null ? "" : v.toString());
            }
            out.add(row);
        }
        return out;
    }

    private static void leaves(TableColumn<?, ?> c, String prefix, List<TableColumn<?, ?>> leaves, List<String> header) {
        String title = c.getText() != null && !c.getText().isBlank() ? c.getText()
                : c.getGraphic() instanceof Labeled l ? l.getText() : "";
        String name = prefix.isEmpty() ? title : prefix + " " + title;
        if (c.getColumns().isEmpty()) {
            leaves.add(c);
            header.add(name.strip());
        } else {
            for (TableColumn<?, ?> sub : c.getColumns()) {
                leaves(sub, name, leaves, header);
            }
        }
    }
}
