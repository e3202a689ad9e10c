package org.marginlab.app.planner;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.kordamp.ikonli.javafx.FontIcon;
import org.marginlab.app.ui.TableFit;
import org.marginlab.app.ui.Wrapping;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Side;

import atlantafx.base.theme.Styles;

/**
 * The Planner's scale-in (DCA) ladder section: side, leverage and margin mode over a table of
 * planned fills (price, and a quantity or an amount in quote), each followed by the position
 * after it (cumulative quantity, average entry, margin, liquidation price, distance, warning), the
 * errors and warnings in full below, and "Use as position". Binds to a {@link LadderViewModel}
 * and forwards the user's actions; computes nothing.
 */
public final class LadderPane extends VBox {

    /**
     * @param vm  the ladder's view-model, not null
     */
    public LadderPane(LadderViewModel vm) {
        super(8);
        setId("ladderPane");
        getStyleClass().add("card");
        Label title = PlanControls.heading("Scale-in ladder (DCA)", "mdi2s-stairs-up");
        Label instrument = Wrapping.toWidth(new Label());
        instrument.setId("ladderInstrument");
        instrument.getStyleClass().add(Styles.TEXT_MUTED);
        instrument.textProperty().bind(vm.instrumentProperty());

        ComboBox<Side> side = new ComboBox<>();
        side.setId("ladderSide");
        side.getItems().setAll(Side.values());
        side.setConverter(converter(Side::id));
        side.valueProperty().bindBidirectional(vm.sideProperty());
        TextField leverage = new TextField();
        leverage.setId("ladderLeverage");
        leverage.setPrefColumnCount(5);
        leverage.textProperty().bindBidirectional(vm.leverageProperty());
        ComboBox<MarginMode> mode = new ComboBox<>();
        mode.setId("ladderMode");
        mode.getItems().setAll(MarginMode.values());
        mode.setConverter(converter(MarginMode::id));
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        Button reset = new Button("From position");
        reset.setId("ladderFromPosition");
        reset.setTooltip(new Tooltip("Start again from the selected position: one fill of its quantity at its entry price"));
        reset.setOnAction(a -> vm.fromPosition());
        FlowPane header = new FlowPane(12, 6, caption("Side", side), caption("Leverage", leverage),
                caption("Margin mode", mode), reset);
        header.setAlignment(Pos.BOTTOM_LEFT);

        TableView<LadderRow> table = table(vm);

        Button add = new Button("Add fill", new FontIcon("mdi2p-plus"));
        add.setId("ladderAdd");
        add.setOnAction(a -> {
            vm.addRow();
            table.getSelectionModel().selectLast();
        });
        Button remove = new Button("Remove fill", new FontIcon("mdi2m-minus"));
        remove.setId("ladderRemove");
        remove.setTooltip(new Tooltip("Removes the selected fill (Delete)"));
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(a -> vm.removeRow(table.getSelectionModel().getSelectedItem()));
        table.setOnKeyPressed(k -> {
            if (k.getCode() == KeyCode.DELETE && table.getSelectionModel().getSelectedItem() != null) {
                vm.removeRow(table.getSelectionModel().getSelectedItem());
                k.consume();
            }
        });
        Button use = new Button("Use as position", new FontIcon("mdi2c-check"));
        use.setId("ladderUse");
        use.setTooltip(new Tooltip("The selected position becomes the last step: total quantity at the average entry "
                + "(isolated: the margin follows the leverage; one undoable edit)"));
        use.disableProperty().bind(vm.usableProperty().not());
        use.setOnAction(a -> vm.useAsPosition());
        HBox buttons = new HBox(8, add, remove, use);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label errors = message("ladderErrors", vm.errorsProperty(), "mdi2a-alert-circle-outline");
        Label warnings = message("ladderWarnings", vm.warningsProperty(), "mdi2a-alert-outline");
        Label notice = Wrapping.toWidth(new Label());
        notice.setId("ladderNotice");
        notice.textProperty().bind(vm.noticeProperty());
        notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        getChildren().addAll(title, instrument, header, table, errors, warnings, buttons, notice);
    }

    private static TableView<LadderRow> table(LadderViewModel vm) {
        TableView<LadderRow> table = new TableView<>(vm.rows());
        org.marginlab.app.ui.ExportMenus.table(table);
        table.setId("ladderTable");
        table.setEditable(false);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setPrefHeight(200);
        table.setMinHeight(140);
        table.setPlaceholder(new Label("No fills: add one"));
        table.getColumns().add(output("#", LadderRow::numberProperty));
        table.getColumns().add(input("Price", "ladderPrice", LadderInput.Part.PRICE, LadderRow::priceProperty));
        table.getColumns().add(input("Quantity", "ladderQuantity", LadderInput.Part.QUANTITY, LadderRow::quantityProperty));
        table.getColumns().add(input("Or amount", "ladderAmount", LadderInput.Part.AMOUNT, LadderRow::amountProperty));
        table.getColumns().add(output("Total qty", LadderRow::totalProperty));
        table.getColumns().add(output("Avg entry", LadderRow::averageProperty));
        TableColumn<LadderRow, String> margin = output("Margin", LadderRow::marginProperty);
        margin.textProperty().bind(vm.marginTitleProperty());
        table.getColumns().add(margin);
        table.getColumns().add(output("Liq. price", LadderRow::liquidationProperty));
        table.getColumns().add(output("Distance", LadderRow::distanceProperty));
        TableColumn<LadderRow, String> warning = new TableColumn<>("Warning");
        warning.setCellValueFactory(c -> c.getValue().warningProperty());
        warning.setCellFactory(c -> TableFit.fitOnFontChange(new TableCell<>() {
            private final FontIcon icon = new FontIcon("mdi2a-alert-outline");

            {
                textFillProperty().addListener((o, was, now) -> icon.setIconColor(now));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean shown = !empty && item != null && !item.isEmpty();
                setText(shown ? item : null);
                setGraphic(shown ? icon : null);
                // the danger colour of the app's error texts (.field-error), on a table cell
                setStyle(shown ? "-fx-text-fill: -color-danger-fg;" : "");
                TableFit.fitText(this);
            }
        }));
        table.getColumns().add(warning);
        table.getColumns().forEach(c -> c.setSortable(false));
        TableFit.headersInFull(table);
        return table;
    }

    private static TableColumn<LadderRow, String> output(String title, Function<LadderRow, ReadOnlyStringProperty> value) {
        TableColumn<LadderRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> value.apply(d.getValue()));
        c.setCellFactory(x -> TableFit.textCell());
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    /** A column whose cells are text fields bound to the row's typed text, marked when the row's error is theirs. */
    private static TableColumn<LadderRow, LadderRow> input(String title, String idPrefix, LadderInput.Part part,
            Function<LadderRow, StringProperty> text) {
        TableColumn<LadderRow, LadderRow> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setCellFactory(x -> new TableCell<>() {
            private final TextField field = new TextField();
            private StringProperty bound;
            private LadderRow row;
            private final javafx.beans.value.ChangeListener<Object> mark = (o, a, b) -> mark();

            {
                field.setPrefColumnCount(8);
                field.setPromptText(part.word());
                field.focusedProperty().addListener((o, was, now) -> {
                    if (now && getTableRow() != null) {
                        getTableView().getSelectionModel().select(getIndex());
                    }
                });
            }

            @Override
            protected void updateItem(LadderRow item, boolean empty) {
                super.updateItem(item, empty);
                if (bound != null) {
                    field.idProperty().unbind();
                    field.textProperty().unbindBidirectional(bound);
                    row.errorPartProperty().removeListener(mark);
                    bound = null;
                    row = null;
                }
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                row = item;
                bound = text.apply(item);
                field.textProperty().bindBidirectional(bound);
                field.idProperty().bind(javafx.beans.binding.Bindings.concat(idPrefix, item.numberProperty()));
                item.errorPartProperty().addListener(mark);
                mark();
                setGraphic(field);
            }

            private void mark() {
                boolean bad = row != null && row.errorPartProperty().get() == part;
                field.pseudoClassStateChanged(Styles.STATE_DANGER, bad);
                field.setTooltip(bad ? new Tooltip(row.errorProperty().get()) : null);
            }
        });
        return c;
    }

    private static Label message(String id, ReadOnlyStringProperty text, String icon) {
        Label l = Wrapping.toWidth(new Label());
        l.setId(id);
        l.setGraphic(new FontIcon(icon));
        l.getStyleClass().addAll(Styles.DANGER);
        l.textProperty().bind(text);
        l.visibleProperty().bind(text.isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static VBox caption(String text, javafx.scene.Node control) {
        Label l = new Label(text);
        l.setLabelFor(control);
        l.getStyleClass().add(Styles.TEXT_SMALL);
        return new VBox(2, l, control);
    }

    private static <T> StringConverter<T> converter(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : name.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
