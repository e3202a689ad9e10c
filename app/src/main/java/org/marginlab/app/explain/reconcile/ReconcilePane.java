package org.marginlab.app.explain.reconcile;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.marginlab.app.ui.Wrapping;

import atlantafx.base.theme.Styles;

/**
 * "Reconcile with my exchange": the venue's liquidation price (required) and, where the venue
 * shows them, its margin ratio (%), maintenance margin and margin balance; a Reconcile button
 * (Enter in any field does the same); then the verdict in bold and one line per cause, a check or
 * a cross before its sentence. Built to fit a side panel about 360 px wide: every text wraps and
 * the results scroll. Only builds nodes and binds them to the {@link ReconcileViewModel}.
 *
 * <p>Node ids: {@code reconcileLiquidationPrice}, {@code reconcileMarginRatio},
 * {@code reconcileMaintenanceMargin}, {@code reconcileMarginBalance} (each with an
 * {@code …Error} label), {@code reconcileButton}, {@code reconcileVerdict},
 * {@code reconcileStatus}, {@code reconcileCauses}.
 */
public final class ReconcilePane extends VBox {
    private final ReconcileViewModel vm;

    /**
     * @param vm  the view-model, not null
     */
    public ReconcilePane(ReconcileViewModel vm) {
        super(8);
        this.vm = vm;
        setPadding(new Insets(8));
        getStyleClass().add("reconcile-pane");
        Label title = Wrapping.toWidth(new Label("Reconcile with my exchange"));
        title.setId("reconcileTitle");
        title.getStyleClass().add(Styles.TITLE_4);
        // inside a section that already carries the title (the Explain panel's), it is not repeated
        title.visibleProperty().bind(parentProperty().map(p -> !(p != null
                && p.getParent() instanceof javafx.scene.control.TitledPane)).orElse(true));
        title.managedProperty().bind(title.visibleProperty());
        Label hint = Wrapping.toWidth(new Label("Type what the venue shows for the selected position: MarginLab tries "
                + "each usual cause of a different liquidation price, at the typed marks (the price shock is not applied)."));
        hint.getStyleClass().add(Styles.TEXT_SUBTLE);

        Button go = new Button("Reconcile", new FontIcon("mdi2s-scale-balance"));
        go.setId("reconcileButton");
        go.setDefaultButton(false);
        go.setOnAction(e -> vm.reconcile());
        go.disableProperty().bind(vm.busyProperty());

        Label verdict = Wrapping.toWidth(new Label());
        verdict.setId("reconcileVerdict");
        verdict.setStyle("-fx-font-weight: bold;");
        verdict.textProperty().bind(vm.verdictProperty());
        verdict.visibleProperty().bind(vm.verdictProperty().isNotEmpty());
        verdict.managedProperty().bind(verdict.visibleProperty());

        Label status = Wrapping.toWidth(new Label());
        status.setId("reconcileStatus");
        status.getStyleClass().add(Styles.TEXT_SUBTLE);
        status.textProperty().bind(vm.statusProperty());
        status.visibleProperty().bind(vm.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        VBox causes = new VBox(6);
        causes.setId("reconcileCauses");
        vm.rows().addListener((ListChangeListener<ReconcileViewModel.Row>) c -> fill(causes));
        fill(causes);
        VBox results = new VBox(8, verdict, causes);
        results.setPadding(new Insets(0, 4, 0, 0));
        // no scroll pane of its own: the Explain panel that hosts it scrolls (a nested scroll area
        // showed three causes at a time)

        getChildren().addAll(title, hint,
                field("reconcileLiquidationPrice", "Venue's liquidation price", vm.liquidationPriceProperty(),
                        vm.liquidationPriceErrorProperty(), "Required, as the venue shows it: its last digit is the tick "
                                + "when MarginLab does not know the instrument's."),
                field("reconcileMarginRatio", "Margin ratio (%), optional", vm.marginRatioProperty(),
                        vm.marginRatioErrorProperty(), "In percent, e.g. 2.35; in cross mode the account's."),
                field("reconcileMaintenanceMargin", "Maintenance margin, optional", vm.maintenanceMarginProperty(),
                        vm.maintenanceMarginErrorProperty(), "In cross mode the account's."),
                field("reconcileMarginBalance", "Margin balance, optional", vm.marginBalanceProperty(),
                        vm.marginBalanceErrorProperty(), "In cross mode the account's."),
                go, status, results);
    }

    private Node field(String id, String caption, StringProperty text, ReadOnlyStringProperty error, String tip) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(text);
        field.setOnAction(e -> vm.reconcile());
        field.setTooltip(new Tooltip(tip));
        Label label = Wrapping.toWidth(new Label(caption));
        label.setLabelFor(field);
        Label err = Wrapping.toWidth(new Label());
        err.setId(id + "Error");
        err.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER, "field-error");
        err.textProperty().bind(error);
        err.visibleProperty().bind(error.isNotNull());
        err.managedProperty().bind(err.visibleProperty());
        error.addListener((o, was, now) -> field.pseudoClassStateChanged(Styles.STATE_DANGER, now != null));
        return new VBox(2, label, field, err);
    }

    private void fill(VBox causes) {
        causes.getChildren().clear();
        for (ReconcileViewModel.Row r : vm.rows()) {
            FontIcon icon = new FontIcon(r.explains() ? "mdi2c-check-circle-outline" : "mdi2c-close-circle-outline");
            // the icon alone in a success / danger label: the theme colours it (both themes keep their contrast)
            Label mark = new Label(null, icon);
            mark.getStyleClass().add(r.explains() ? Styles.SUCCESS : Styles.DANGER);
            mark.setMinWidth(Region.USE_PREF_SIZE);
            Label text = Wrapping.toWidth(new Label(r.id() + ": " + r.sentence()));
            HBox row = new HBox(6, mark, text);
            HBox.setHgrow(text, Priority.ALWAYS);
            row.getStyleClass().add(r.explains() ? "reconcile-explains" : "reconcile-does-not");
            causes.getChildren().add(row);
        }
    }
}
