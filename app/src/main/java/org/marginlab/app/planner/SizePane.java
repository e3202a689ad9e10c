package org.marginlab.app.planner;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.marginlab.app.account.RuleSetText;
import org.marginlab.app.ui.PillPair;
import org.marginlab.app.ui.Wrapping;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.venue.VenueRules;

import atlantafx.base.theme.Styles;

/**
 * "Size from risk": the inputs card ({@link #inputs()}) and the results card with the solver
 * ({@link #results()}). Node ids: inputs {@code #planBalance}, {@code #planRisk}, {@code #planEntry},
 * {@code #planStop}, {@code #planLeverage} … ({@link PlanField#nodeId()}), their errors
 * {@code #planEntryError} …; figures {@code #planQuantity}, {@code #planLiquidationPrice} …;
 * the warning {@code #planWarning}; {@code #solveLeverage}, {@code #solveMargin}, {@code #solveResult}.
 */
final class SizePane {
    private final PlannerViewModel vm;

    SizePane(PlannerViewModel vm) {
        this.vm = vm;
    }

    /** @return the inputs card */
    Node inputs() {
        ComboBox<VenueRules> venue = new ComboBox<>(vm.venues());
        venue.setId("planVenue");
        venue.valueProperty().bindBidirectional(vm.venueProperty());
        venue.setConverter(RuleSetText.venueNames());
        venue.setTooltip(PlanControls.tip("The venue whose rules evaluate the planned position: its tier tables, "
                + "liquidation formula and default taker fee. Prefilled from the account."));
        venue.setMaxWidth(Double.MAX_VALUE);
        Label venueCaption = new Label("Venue");
        venueCaption.setLabelFor(venue);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        add(grid, 0, 0, field(PlanField.BALANCE, "The account size the risk is a share of (the wallet balance), in the "
                + "settlement currency. Prefilled with the account's cross wallet."));
        add(grid, 1, 0, field(PlanField.RISK, "The loss you accept at the stop: a percentage of the account size "
                + "(1%) or an amount (100), before fees."));
        add(grid, 0, 1, field(PlanField.ENTRY, "The entry price, quote per base. Prefilled from the selected position."));
        Node stop = field(PlanField.STOP, "The stop price: below the entry for a long, above it for a short (the "
                + "side follows from it).");
        stop.lookupAll(".text-field").forEach(n -> ((javafx.scene.control.TextField) n).setPromptText("type your stop"));
        add(grid, 1, 1, stop);
        add(grid, 0, 2, field(PlanField.LEVERAGE, "The leverage; the tier of the sized notional bounds it."));
        add(grid, 1, 2, new VBox(2, new Label("Margin mode"), pair(MarginMode.ISOLATED, MarginMode.CROSS)));
        add(grid, 0, 3, PlanControls.field("planIsolatedMargin", "Isolated margin",
                vm.isolatedMarginProperty(), vm.isolatedMarginErrorProperty(), "The isolated margin of the planned "
                        + "position; empty for the venue's default, the initial margin at the leverage. Solve margin "
                        + "fills it."));

        GridPane instrument = new GridPane();
        instrument.setHgap(12);
        instrument.setVgap(8);
        instrument.add(new VBox(2, venueCaption, venue), 0, 0, 2, 1);
        add(instrument, 0, 1, field(PlanField.SYMBOL, "The symbol: selects the venue's tier table."));
        add(instrument, 1, 1, new VBox(2, new Label("Contract"), contractPair()));
        add(instrument, 0, 2, field(PlanField.CONTRACT_SIZE, "Base units per unit of quantity (linear, usually 1) "
                + "or quote per contract (inverse, e.g. 100)."));
        add(instrument, 1, 2, field(PlanField.MMR, "A maintenance margin rate overriding the tier table (a fraction, "
                + "0.004 = 0.4 %); empty for the symbol's table."));
        add(instrument, 0, 3, field(PlanField.MAINTENANCE_AMOUNT, "The maintenance amount (Binance cum) with the "
                + "rate; empty for 0."));
        add(instrument, 1, 3, field(PlanField.MAX_LEVERAGE, "The asset's max leverage, where the venue or the rate "
                + "needs one; empty for the table's."));
        add(instrument, 0, 4, field(PlanField.TAKER_FEE, "The taker fee rate, a fraction (0.0005 = 0.05 %); empty "
                + "for the venue's default."));

        Button refill = new Button("From the selected position", new FontIcon("mdi2r-refresh"));
        refill.setId("planPrefill");
        refill.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        refill.setOnAction(e -> vm.prefill());
        refill.setTooltip(PlanControls.tip("Fill the inputs again from the account and the selected position (the "
                + "stop, the risk and the distance stay). The planner never edits the workspace."));
        refill.setMinWidth(Region.USE_PREF_SIZE);

        Label problem = PlanControls.note("planProblem", vm.problemProperty());
        problem.getStyleClass().setAll("label", Styles.TEXT_SMALL, Styles.DANGER, "field-error");

        VBox box = new VBox(10, PlanControls.heading("Size from risk", "mdi2s-scale-balance"), grid,
                new Label("Instrument"), instrument, problem, refill);
        box.getStyleClass().add("card");
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    /** @return the results card, the warning and the solver */
    Node results() {
        GridPane grid = PlanControls.figureGrid();
        PlanControls.figure(grid, "planSide", "Side", f(PlanFigures::side), "Long when the stop is below the entry, "
                + "short when above.");
        PlanControls.figure(grid, "planQuantity", "Quantity (before fees)", f(PlanFigures::quantity), "The size whose "
                + "loss at the stop is the risk: risk / (contract size · |entry − stop|) for linear, base units; "
                + "risk · entry · stop / (contract size · |stop − entry|) for inverse, contracts. Fees not included.");
        PlanControls.figure(grid, "planNotional", "Notional", f(PlanFigures::notional), "Quantity · contract size · "
                + "entry price (linear), the position's value at the entry.");
        PlanControls.figure(grid, "planInitialMargin", "Initial margin", f(PlanFigures::initialMargin), "Notional / "
                + "leverage: the margin the leverage requires at the entry.");
        PlanControls.figure(grid, "planIsolatedMarginShown", "Isolated margin", f(PlanFigures::isolatedMargin),
                "The margin held by the isolated position: the initial margin (plus the fee to close where the venue "
                        + "reserves it), or the margin typed. None in cross.");
        PlanControls.figure(grid, "planLiquidationPrice", "Liquidation price", f(PlanFigures::liquidationPrice),
                "Where the venue liquidates the planned position (the engine's formula for the venue, at the tier of "
                        + "the notional). It must lie beyond the stop, or the stop never fills.");
        PlanControls.figure(grid, "planBankruptcyPrice", "Bankruptcy price", f(PlanFigures::bankruptcyPrice),
                "Where the position's margin is lost entirely (the loss equals the margin).");
        PlanControls.figure(grid, "planFeeToOpen", "Fee to open", f(PlanFigures::feeToOpen), "Taker fee on the "
                + "notional at the entry.");
        PlanControls.figure(grid, "planFeeToClose", "Fee to close at the stop", f(PlanFigures::feeToClose),
                "Taker fee on the notional at the stop price.");
        PlanControls.figure(grid, "planFeeToCloseReserved", "Fee to close reserved", f(PlanFigures::feeToCloseReserved),
                "The fee to close the venue keeps in the position margin (Bybit UTA, Phemex); none elsewhere.");
        PlanControls.figure(grid, "planLossAtStop", "Loss at the stop", f(PlanFigures::lossAtStop), "Quantity · |entry "
                + "− stop| (linear): the risk, before fees.");
        PlanControls.figure(grid, "planLossWithFees", "Loss with fees", f(PlanFigures::lossWithFees), "The loss at "
                + "the stop plus the fee to open and the fee to close: what the stop really costs.");

        Label warning = new Label();
        warning.setId("planWarning");
        warning.setGraphic(new FontIcon("mdi2a-alert-octagon-outline"));
        warning.getStyleClass().addAll(Styles.DANGER, "field-error");
        warning.textProperty().bind(vm.warningProperty());
        Wrapping.toWidth(warning);
        warning.visibleProperty().bind(vm.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());

        VBox box = new VBox(10, PlanControls.heading("Plan", "mdi2c-calculator-variant-outline"), grid, warning,
                solver());
        box.getStyleClass().add("card");
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private Node solver() {
        Node distance = field(PlanField.DISTANCE, "How far beyond the stop the liquidation price should be, in % of "
                + "the stop price (0.5 = 0.5 %).");
        Button leverage = new Button("Solve leverage", new FontIcon("mdi2t-target"));
        leverage.setId("solveLeverage");
        leverage.setOnAction(e -> vm.solveLeverage());
        leverage.setTooltip(PlanControls.tip("Set the highest whole leverage (within the tier's and the venue's max) "
                + "whose liquidation price is at least the distance beyond the stop, at the venue's default margin."));
        leverage.setMinWidth(Region.USE_PREF_SIZE);
        Button margin = new Button("Solve margin", new FontIcon("mdi2c-cash-plus"));
        margin.setId("solveMargin");
        margin.setOnAction(e -> vm.solveMargin());
        margin.setTooltip(PlanControls.tip("Set the least isolated margin, at this leverage, whose liquidation price "
                + "is at least the distance beyond the stop."));
        margin.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(8, leverage, margin);
        Label result = new Label();
        result.setId("solveResult");
        result.textProperty().bind(vm.solveResultProperty());
        Wrapping.toWidth(result);
        return new VBox(6, PlanControls.heading("Liquidation beyond the stop", "mdi2a-arrow-collapse-down"), distance,
                buttons, result);
    }

    private StringBinding f(java.util.function.Function<PlanFigures, String> part) {
        return Bindings.createStringBinding(() -> part.apply(vm.figuresProperty().get()), vm.figuresProperty());
    }

    private Node field(PlanField f, String tooltip) {
        return PlanControls.field(f.nodeId(), f.label(), vm.textProperty(f), vm.errorProperty(f), tooltip);
    }

    private static void add(GridPane grid, int column, int row, Node node) {
        grid.add(node, column, row);
    }

    private Node pair(MarginMode a, MarginMode b) {
        return PillPair.of(vm.modeProperty(), a, "Isolated", "planIsolated",
                "Isolated: the position's own margin is all it can lose.", b, "Cross", "planCross",
                "Cross: the account size is the cross wallet behind the position.");
    }

    private Node contractPair() {
        return PillPair.of(vm.contractProperty(), ContractType.LINEAR, "Linear", "planLinear",
                "Linear: settles in the quote currency (USDT).", ContractType.INVERSE, "Inverse", "planInverse",
                "Inverse: settles in the coin (BTC), quantity in contracts.");
    }
}
