package org.marginlab.app.account;

import org.marginlab.app.model.InputField;
import java.util.function.Function;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.ChoiceBoxTableCell;
import javafx.util.StringConverter;

import org.marginlab.app.position.Figure;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.ui.TableFit;
import org.marginlab.app.position.RiskLevel;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Side;

/**
 * The positions of the workspace as an editable table: inputs edit in place (double-click or
 * type), live columns show the liquidation price, distance, margin ratio and PnL of each
 * position, and rows are marked as near liquidation, liquidated or stale. It only binds to
 * {@link AccountViewModel} and its {@link PositionViewModel}s.
 */
public final class PositionsTable extends TableView<PositionViewModel> {
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("near-liquidation");
    private static final PseudoClass LIQUIDATED = PseudoClass.getPseudoClass("liquidated");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    /**
     * @param account  the account whose positions to show, not null
     */
    public PositionsTable(AccountViewModel account) {
        super(account.positions());
        setId("positionsTable");
        getStyleClass().add("positions-table");
        setEditable(true);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setMinHeight(120);
        TableFit.headersInFull(this);
        setPlaceholder(new Label("No positions yet: Position → Add position (Ctrl+Shift+N)."));

        TableColumn<PositionViewModel, String> id = new TableColumn<>("ID");
        id.setCellValueFactory(c -> c.getValue().idProperty());
        id.setCellFactory(col -> TableFit.textCell());
        id.setEditable(false);

        TableColumn<PositionViewModel, String> symbol = new TableColumn<>("Symbol");
        symbol.setCellValueFactory(c -> c.getValue().symbolProperty());
        symbol.setCellFactory(col -> new TableFit.OneLineTextFieldCell<>());

        TableColumn<PositionViewModel, Side> side = new TableColumn<>("Side");
        side.setCellValueFactory(c -> c.getValue().sideProperty());
        side.setCellFactory(choices(converter(Side::id, Side::parse), Side.LONG, Side.SHORT));

        TableColumn<PositionViewModel, MarginMode> mode = new TableColumn<>("Mode");
        mode.setCellValueFactory(c -> c.getValue().marginModeProperty());
        mode.setCellFactory(choices(converter(MarginMode::id, MarginMode::parse), MarginMode.ISOLATED, MarginMode.CROSS));

        id.setPrefWidth(100);
        symbol.setPrefWidth(90);
        side.setPrefWidth(62);
        mode.setPrefWidth(80);
        getColumns().add(id);
        getColumns().add(symbol);
        getColumns().add(side);
        getColumns().add(text("Qty", InputField.QUANTITY));
        getColumns().add(text("Entry", InputField.ENTRY_PRICE));
        getColumns().add(text("Mark", InputField.MARK_PRICE));
        getColumns().add(text("Lev.", InputField.LEVERAGE));
        getColumns().add(mode);
        getColumns().add(text("Iso. margin", InputField.ISOLATED_MARGIN));
        TableColumn<PositionViewModel, String> shockedMark = live("Mark used", Figure.MARK_PRICE, "shockedMark");
        shockedMark.setCellValueFactory(cell -> cell.getValue().shockedMarkProperty());
        // always shown: a column appearing when the shock leaves 0 would re-lay out the whole table
        getColumns().add(shockedMark);
        TableColumn<PositionViewModel, String> liq = live("Liq. price", Figure.LIQUIDATION_PRICE, "liquidationPrice");
        liq.setCellValueFactory(cell -> cell.getValue().liquidationAfterProperty());
        getColumns().add(liq);
        getColumns().add(live("Distance", Figure.DISTANCE_TO_LIQUIDATION, "distance"));
        getColumns().add(live("Margin ratio", Figure.MARGIN_RATIO, "marginRatio"));
        getColumns().add(live("uPnL", Figure.UNREALIZED_PNL, "unrealizedPnl"));

        TableColumn<PositionViewModel, RiskLevel> status = new TableColumn<>("Status");
        status.setId("column-status");
        status.setEditable(false);
        status.setCellValueFactory(c -> c.getValue().riskLevelProperty());
        status.setPrefWidth(80);
        status.setCellFactory(c -> new TableFit.OneLineCell<>() {
            @Override
            protected void updateItem(RiskLevel item, boolean empty) {
                super.updateItem(item, empty);
                PositionViewModel row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (empty || item == null || row == null) {
                    setText(null);
                    return;
                }
                setText(row.staleProperty().get() ? "stale"
                        : item == RiskLevel.LIQUIDATED ? "liquidated" : item == RiskLevel.WARNING ? "warning" : "ok");
                TableFit.fitText(this);
            }
        });
        getColumns().add(status);

        setRowFactory(t -> new RiskRow());
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != account.selectedProperty().get()) {
                account.selectedProperty().set(b);
            }
        });
        account.selectedProperty().addListener((o, a, b) -> {
            if (b != null && getSelectionModel().getSelectedItem() != b) {
                getSelectionModel().select(b);
            }
        });
        if (account.selectedProperty().get() != null) {
            getSelectionModel().select(account.selectedProperty().get());
        }
        scrollHomeWhenRefilled();
        // right-click → Export CSV… (every figure at full precision: the main view writes it)
        org.marginlab.app.ui.ExportMenus.table(this);
    }

    /**
     * When the rows are all replaced (a workspace opened: the account clears them, then fills them
     * again), the table starts again at its top left, with the ID column in view: the scroll of
     * the workspace before says nothing about this one.
     */
    private void scrollHomeWhenRefilled() {
        boolean[] emptied = {false};
        getItems().addListener((javafx.collections.ListChangeListener<PositionViewModel>) c -> {
            if (getItems().isEmpty()) {
                emptied[0] = true;
            } else if (emptied[0]) {
                emptied[0] = false;
                scrollTo(0);
                scrollToColumnIndex(0);
            }
        });
    }

    private static <T> StringConverter<T> converter(Function<T, String> toText, Function<String, T> fromText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : toText.apply(value);
            }

            @Override
            public T fromString(String text) {
                return fromText.apply(text);
            }
        };
    }

    private static TableColumn<PositionViewModel, String> text(String title, InputField field) {
        TableColumn<PositionViewModel, String> c = new TableColumn<>(title);
        c.setId("column-" + field.nodeId());
        c.setPrefWidth(field == InputField.LEVERAGE ? 52 : 92);
        c.setCellValueFactory(cell -> cell.getValue().textProperty(field));
        c.setCellFactory(col -> new TableFit.OneLineTextFieldCell<>() {
            @Override
            public void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                PositionViewModel row = empty || getTableRow() == null ? null : getTableRow().getItem();
                String error = row == null ? null : row.errorProperty(field).get();
                setTooltip(error == null ? null : new Tooltip(error));
                pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER, error != null);
            }
        });
        return c;
    }

    private static TableColumn<PositionViewModel, String> live(String title, Figure figure, String id) {
        TableColumn<PositionViewModel, String> c = new TableColumn<>(title);
        c.setId("column-" + id);
        c.setEditable(false);
        c.setCellValueFactory(cell -> cell.getValue().figureProperty(figure));
        c.getStyleClass().add("live-column");
        c.setPrefWidth(figure == Figure.DISTANCE_TO_LIQUIDATION ? 100 : figure == Figure.MARGIN_RATIO ? 165
                : figure == Figure.LIQUIDATION_PRICE ? 185
                : figure == Figure.MARK_PRICE ? 120 : 150);
        c.setCellFactory(col -> TableFit.textCell());
        Label header = new Label(title);
        org.marginlab.app.ui.Tips.install(header, figure.explanation());
        c.setGraphic(header);
        c.setText(null);
        return c;
    }

    /** A choice cell (side, mode) that widens its column to its text. */
    private static <T> javafx.util.Callback<TableColumn<PositionViewModel, T>, TableCell<PositionViewModel, T>> choices(
            StringConverter<T> converter, T a, T b) {
        return col -> TableFit.fitOnFontChange(new ChoiceBoxTableCell<>(converter, a, b) {
            @Override
            public void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                TableFit.fitText(this);
            }
        });
    }

    /** A row that follows its position's risk level and staleness as pseudo-classes. */
    private static final class RiskRow extends TableRow<PositionViewModel> {
        private final ChangeListener<Object> restyle = (ObservableValue<?> o, Object a, Object b) -> restyle();
        private PositionViewModel watched;

        @Override
        protected void updateItem(PositionViewModel item, boolean empty) {
            super.updateItem(item, empty);
            if (watched != null) {
                watched.riskLevelProperty().removeListener(restyle);
                watched.staleProperty().removeListener(restyle);
            }
            watched = empty ? null : item;
            if (watched != null) {
                watched.riskLevelProperty().addListener(restyle);
                watched.staleProperty().addListener(restyle);
            }
            restyle();
        }

        private void restyle() {
            RiskLevel level = watched == null ? null : watched.riskLevelProperty().get();
            pseudoClassStateChanged(WARNING, level == RiskLevel.WARNING);
            pseudoClassStateChanged(LIQUIDATED, level == RiskLevel.LIQUIDATED);
            pseudoClassStateChanged(STALE, watched != null && watched.staleProperty().get());
        }
    }
}
