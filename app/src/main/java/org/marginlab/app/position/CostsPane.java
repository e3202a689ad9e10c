package org.marginlab.app.position;

import static org.marginlab.app.position.PositionNodes.muted;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;

import org.marginlab.app.model.InputField;

import atlantafx.base.theme.Styles;

/**
 * The position's costs in the position view: the collapsible "Costs" pane of the editor (fee
 * rates, funding, holding time, volatility and horizon; node id {@code #costsPane}) and the
 * "Costs" group of the results (headed {@code #costsGroup}: fee to open, fee to close, reserved fee to
 * close and liquidation fee where they apply, projected funding, break-even price). Every number
 * comes from the view-model ({@link org.marginlab.app.model.PositionCosts}); this only builds
 * and binds nodes.
 */
final class CostsPane {
    /** The editor fields of the pane, in display order. */
    static final List<InputField> INPUTS = List.of(InputField.TAKER_FEE_RATE, InputField.MAKER_FEE_RATE,
            InputField.FUNDING_RATE, InputField.FUNDING_INTERVAL_HOURS, InputField.HOLDING_HOURS,
            InputField.VOLATILITY, InputField.PROBABILITY_HORIZON_HOURS);

    private CostsPane() {
    }

    /**
     * @param vm      the view-model, not null
     * @param fields  where the view's fields are built, not null
     * @return the collapsed pane, open at once when one of its inputs breaks a rule
     */
    static TitledPane inputs(PositionViewModel vm, PositionFields fields) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        grid.add(fields.field(InputField.TAKER_FEE_RATE, "Taker fee rate (fraction)",
                "0.0005 = 0.05 %. Empty: the venue's default rate, as its rule set dates it (0 where MarginLab has "
                        + "none). Values the fees to open and to close and the break-even price; on Bybit UTA and Phemex "
                        + "also the fee to close reserved in the margin."), 0, 0);
        grid.add(fields.field(InputField.MAKER_FEE_RATE, "Maker fee rate (fraction)",
                "Negative for a rebate. No default: MarginLab has no sourced maker rates. Given, the fees at this rate "
                        + "are shown below the taker ones."), 1, 0);
        grid.add(fields.field(InputField.FUNDING_RATE, "Funding rate per interval",
                "A fraction: 0.0001 = 0.01 % per interval; positive: longs pay shorts. Projects the funding over the "
                        + "holding time. KuCoin before 2025-05-22 and BitMEX with the funding reserve also put it into "
                        + "the maintenance margin."), 0, 1);
        grid.add(fields.field(InputField.FUNDING_INTERVAL_HOURS, "Funding interval (hours)",
                "Hours between funding payments. Empty: the venue's (1 h on Kraken Futures, dYdX and Hyperliquid, "
                        + "8 h elsewhere; spec venues-v2.md §10.2)."), 1, 1);
        grid.add(fields.field(InputField.HOLDING_HOURS, "Holding time (hours)",
                "How long you expect to hold the position; the projected funding covers these hours. Empty: 0, no "
                        + "projection."), 0, 2);
        grid.add(fields.field(InputField.VOLATILITY, "Volatility (annual, fraction)",
                "Annualised volatility for the probability of liquidation: 0.6 = 60 % a year. Empty: the symbol's "
                        + "default from MarginLab's dated table (one past year's realized volatility), if it has one."), 1, 2);
        grid.add(fields.field(InputField.PROBABILITY_HORIZON_HOURS, "Probability horizon (hours)",
                "The window of the probability of liquidation. Empty: 24 hours."), 0, 3);
        // what an empty field means, as its placeholder
        fields.get(InputField.TAKER_FEE_RATE).setPromptText("venue default");
        fields.get(InputField.MAKER_FEE_RATE).setPromptText("none");
        fields.get(InputField.FUNDING_RATE).setPromptText("0");
        fields.get(InputField.FUNDING_INTERVAL_HOURS).setPromptText("venue's interval");
        fields.get(InputField.HOLDING_HOURS).setPromptText("0");
        fields.get(InputField.VOLATILITY).setPromptText("symbol's default");
        fields.get(InputField.PROBABILITY_HORIZON_HOURS).setPromptText("24");
        TitledPane pane = new TitledPane();
        pane.setText("Costs");
        pane.setId("costsPane");
        pane.getStyleClass().add(Styles.DENSE);
        pane.setExpanded(INPUTS.stream().anyMatch(f -> vm.errorProperty(f).get() != null));
        org.marginlab.app.ui.Collapsed.content(pane, grid);
        // an input that breaks a rule opens the pane on it (weakly held: the view-model outlives this view)
        ChangeListener<String> openOnError = (o, a, b) -> {
            if (b != null && !b.isEmpty()) {
                pane.setExpanded(true);
            }
        };
        pane.getProperties().put("openOnError", openOnError);
        for (InputField f : INPUTS) {
            vm.errorProperty(f).addListener(new WeakChangeListener<>(openOnError));
        }
        return pane;
    }

    /**
     * Adds the results' Costs group to the results grid: a "Costs" heading ({@code #costsGroup})
     * and a row per cost figure, in the grid's two columns so the values line up with the figures
     * above; a figure whose text is empty (it does not apply) is hidden.
     *
     * @param grid   the results grid (labels, values), not null
     * @param row    the first free row
     * @param value  builds the bound value label of a figure (the view's own), not null
     */
    static void results(GridPane grid, int row, Function<Figure, Label> value) {
        Label heading = new Label("Costs");
        heading.setId("costsGroup");
        heading.getStyleClass().addAll(Styles.TITLE_4);
        org.marginlab.app.ui.Tips.install(heading, "The position's own costs (spec venues-v2.md §10.1–§10.3). Where the venue puts a cost "
                + "into its margin or liquidation price, the figures above already hold it; the others are only in "
                + "the PnL and the break-even price.");
        GridPane.setMargin(heading, new Insets(8, 0, 0, 0));
        grid.add(heading, 0, row++, 2, 1);
        for (Figure f : Figure.values()) {
            if (!f.cost()) {
                continue;
            }
            Label name = muted(f.label());
            org.marginlab.app.ui.Tips.install(name, f.explanation());
            Label v = value.apply(f);
            org.marginlab.app.ui.Tips.install(v, f.explanation());
            var shown = Bindings.createBooleanBinding(() -> !Objects.toString(v.getText(), "").isEmpty(), v.textProperty());
            for (Node n : List.of(name, v)) {
                n.visibleProperty().bind(shown);
                n.managedProperty().bind(shown);
            }
            grid.addRow(row++, name, v);
        }
    }
}
