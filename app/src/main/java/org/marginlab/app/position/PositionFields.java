package org.marginlab.app.position;

import java.util.EnumMap;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.controlsfx.control.decoration.Decorator;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.marginlab.app.model.InputField;
import org.marginlab.app.ui.Wrapping;

import atlantafx.base.theme.Styles;

/**
 * The typed inputs of the position view: for each {@link InputField} a caption, a text field bound
 * both ways to the view-model's text (node id {@link InputField#nodeId()}) and its error message
 * below it ({@code …Error}), with the validation decoration. Only builds and binds nodes.
 */
final class PositionFields {
    private final PositionViewModel vm;
    private final Map<InputField, TextField> fields = new EnumMap<>(InputField.class);
    private final GraphicValidationDecoration decoration = new GraphicValidationDecoration();

    PositionFields(PositionViewModel vm) {
        this.vm = vm;
    }

    /** @return the text field of an input built so far, or null */
    TextField get(InputField f) {
        return fields.get(f);
    }

    Node field(InputField f, String label, String tooltip) {
        return field(f, Bindings.concat(label), tooltip);
    }

    /** A field whose label follows the position's currency (venue and symbol decide it). */
    Node field(InputField f, StringExpression label, String tooltip) {
        TextField field = new TextField();
        field.setId(f.nodeId());
        field.textProperty().bindBidirectional(vm.textProperty(f));
        org.marginlab.app.ui.Tips.install(field, tooltip);
        fields.put(f, field);
        Label error = new Label();
        error.setId(f.nodeId() + "Error");
        error.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER, "field-error");
        Wrapping.toWidth(error);
        error.textProperty().bind(vm.errorProperty(f));
        error.visibleProperty().bind(vm.errorProperty(f).isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        vm.errorProperty(f).addListener((o, before, message) -> decorate(field, message));
        Label caption = PositionNodes.label("", field);
        caption.textProperty().bind(label);
        // one line, never wrapped: a wrapping caption makes every layout of the editor wrap text again
        caption.setMinWidth(Region.USE_PREF_SIZE);
        return new VBox(2, caption, field, error);
    }

    private void decorate(Control control, String message) {
        control.pseudoClassStateChanged(Styles.STATE_DANGER, message != null);
        if (control.getScene() == null) {
            return;
        }
        Decorator.removeAllDecorations(control);
        if (message != null) {
            decoration.applyValidationDecoration(ValidationMessage.error(control, message));
        }
    }
}
