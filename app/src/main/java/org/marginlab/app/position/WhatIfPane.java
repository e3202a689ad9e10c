package org.marginlab.app.position;

import static org.marginlab.app.position.PositionNodes.heading;
import static org.marginlab.app.position.PositionNodes.muted;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.marginlab.app.model.InputField;
import org.marginlab.app.ui.Wrapping;

import atlantafx.base.theme.Styles;

/**
 * The what-if panel of the position view: add or remove isolated margin, with the figures before
 * and after and Apply / Reset. Node ids {@code #marginDeltaSlider}, {@code #marginDelta},
 * {@code #whatIfMargin}, {@code #whatIfLiquidation}, {@code #whatIfMarginRatio},
 * {@code #whatIfLeverage}, {@code #applyWhatIf}, {@code #resetWhatIf}, {@code #whatIfNote}.
 */
final class WhatIfPane {
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private WhatIfPane() {
    }

    static Node build(PositionViewModel vm, PositionFields fields) {
        Slider slider = new Slider();
        slider.setId("marginDeltaSlider");
        slider.minProperty().bind(vm.marginDeltaMinProperty());
        slider.maxProperty().bind(vm.marginDeltaMaxProperty());
        slider.valueProperty().bindBidirectional(vm.marginDeltaSliderProperty());
        org.marginlab.app.ui.Tips.install(slider, "Drag right to add isolated margin, left to remove it (down to the max removable margin).");

        Node deltaField = fields.field(InputField.MARGIN_DELTA,
                Bindings.concat("Margin _change (", vm.currencyProperty(), ", + add / − remove)"),
                "Isolated margin to add (positive) or remove (negative). It comes from the cross wallet, so adding is "
                        + "limited to the max addable margin (the available balance) and removing to the max removable margin.");

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(names);
        Label marginCaption = muted("");
        marginCaption.textProperty().bind(Bindings.concat("Isolated margin (", vm.currencyProperty(), ")"));
        grid.addRow(0, marginCaption, bound("whatIfMargin", vm.whatIfMarginProperty()));
        grid.addRow(1, muted("Liquidation price"), bound("whatIfLiquidation", vm.whatIfLiquidationProperty()));
        grid.addRow(2, muted("Margin ratio"), bound("whatIfMarginRatio", vm.whatIfMarginRatioProperty()));
        grid.addRow(3, muted("Effective leverage"), bound("whatIfLeverage", vm.whatIfLeverageProperty()));

        Button apply = new Button("Apply", new FontIcon("mdi2c-check"));
        apply.setId("applyWhatIf");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.disableProperty().bind(vm.canApplyProperty().not());
        apply.setOnAction(e -> vm.applyWhatIf());
        org.marginlab.app.ui.Tips.install(apply, "Commit the margin change to the position (Ctrl+Enter).");
        Button reset = new Button("Reset", new FontIcon("mdi2u-undo-variant"));
        reset.setId("resetWhatIf");
        reset.setOnAction(e -> vm.resetWhatIf());
        org.marginlab.app.ui.Tips.install(reset, "Set the margin change back to none (Esc).");

        Label note = new Label();
        note.setId("whatIfNote");
        Wrapping.toWidth(note);
        note.getStyleClass().addAll(Styles.TEXT_SMALL, "what-if-note");
        note.textProperty().bind(vm.whatIfNoteProperty());
        note.visibleProperty().bind(vm.whatIfNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        slider.disableProperty().bind(vm.whatIfNoteProperty().isNotEmpty());
        VBox box = new VBox(8,
                heading("What if: add or remove margin", "mdi2s-scale-balance"),
                note, slider, deltaField, grid, new HBox(8, apply, reset));
        box.getStyleClass().addAll("card", "what-if");
        vm.staleProperty().addListener((o, a, s) -> box.pseudoClassStateChanged(STALE, s));
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private static Label bound(String id, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("figure-value");
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.textProperty().bind(text);
        return l;
    }
}
