package org.marginlab.app.planner;

import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.marginlab.app.ui.Wrapping;

import atlantafx.base.theme.Styles;

/**
 * The Planner tab's building blocks, as the position editor's: a typed field with its caption
 * and its error under it (the field's border and the message in the theme's danger colour), a card heading, a grid of figures with
 * a tooltip on each. Views only bind: every text comes from a view-model.
 */
final class PlanControls {
    private PlanControls() {
    }

    /**
     * A text field bound to {@code text}, captioned, with the error shown under it.
     *
     * @param id       the field's node id; the error label's is {@code id + "Error"}
     * @param caption  the caption
     * @param text     the typed text, bound both ways
     * @param error    the error, or null
     * @param tooltip  what the field means
     */
    static Node field(String id, String caption, StringProperty text, ObservableStringValue error, String tooltip) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(text);
        field.setTooltip(tip(tooltip));
        field.setPrefColumnCount(8);
        field.setMaxWidth(Region.USE_PREF_SIZE);
        Label errorLabel = new Label();
        errorLabel.setId(id + "Error");
        errorLabel.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER, "field-error");
        Wrapping.toWidth(errorLabel);
        errorLabel.textProperty().bind(error);
        errorLabel.visibleProperty().bind(javafx.beans.binding.Bindings.isNotNull(error));
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        error.addListener((o, before, message) -> field.pseudoClassStateChanged(Styles.STATE_DANGER, message != null));
        field.pseudoClassStateChanged(Styles.STATE_DANGER, error.get() != null);
        Label label = new Label(caption);
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return new VBox(2, label, field, errorLabel);
    }

    /** A card's heading with an icon. */
    static Label heading(String text, String icon) {
        Label l = new Label(text, new FontIcon(icon));
        l.getStyleClass().addAll(Styles.TITLE_4, "card-heading");
        return l;
    }

    /** A two-column grid of figures: muted names, values in the figures' font. */
    static GridPane figureGrid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("figures");
        grid.setHgap(16);
        grid.setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setMinWidth(Region.USE_PREF_SIZE);
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(names, values);
        return grid;
    }

    /**
     * Adds a figure row: its name and its value, both with the explanation as tooltip.
     *
     * @return the value label
     */
    static Label figure(GridPane grid, String id, String name, ObservableStringValue value, String explanation) {
        Label n = new Label(name);
        n.getStyleClass().add(Styles.TEXT_MUTED);
        n.setTooltip(tip(explanation));
        n.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("figure-value");
        v.textProperty().bind(value);
        v.setTooltip(tip(explanation));
        v.setMinWidth(Region.USE_PREF_SIZE);
        grid.addRow(grid.getRowCount(), n, v);
        return v;
    }

    /** A muted note that wraps to its container's width. */
    static Label note(String id, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        l.textProperty().bind(text);
        Wrapping.toWidth(l);
        l.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(text));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    static Tooltip tip(String text) {
        return org.marginlab.app.ui.Tips.of(text);
    }
}
