package org.marginlab.app.planner;

import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Max open": the available balance ({@code #planAvailable}) and the largest order
 * ({@code #maxOpenQuantity}, {@code #maxOpenNotional}, {@code #maxOpenMargin}, {@code #maxOpenLimit}).
 */
final class MaxOpenPane extends VBox {

    MaxOpenPane(MaxOpenViewModel vm) {
        super(10);
        GridPane figures = PlanControls.figureGrid();
        PlanControls.figure(figures, "maxOpenQuantity", "Max quantity", vm.quantityProperty(),
                "Available balance / (entry/leverage + open loss): the largest order whose initial margin the balance "
                        + "covers, at the entry price and the leverage above (Binance's rule as reported by users); "
                        + "fees not included.");
        PlanControls.figure(figures, "maxOpenNotional", "Notional", vm.notionalProperty(),
                "Max quantity · entry price.");
        PlanControls.figure(figures, "maxOpenMargin", "Initial margin", vm.initialMarginProperty(),
                "Notional / leverage: what opening it takes from the available balance.");
        javafx.scene.control.Label limit = new javafx.scene.control.Label();
        limit.setId("maxOpenLimit");
        limit.textProperty().bind(vm.limitProperty());
        org.marginlab.app.ui.Wrapping.toWidth(limit);
        getChildren().addAll(PlanControls.heading("Max open", "mdi2a-arrow-expand-horizontal"),
                PlanControls.field(PlanField.AVAILABLE.nodeId(), PlanField.AVAILABLE.label(), vm.availableProperty(),
                        vm.availableErrorProperty(), "The balance available for a new order, in the settlement "
                                + "currency. Prefilled with the account's available balance."),
                figures, limit);
        getStyleClass().add("card");
        setMinWidth(Region.USE_PREF_SIZE);
    }
}
