package org.marginlab.app.ui;

import java.util.Objects;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/**
 * Two toggle buttons drawn as one pill (AtlantaFX's left and right pill) that choose between two
 * values of a property: exactly one is selected whenever the property holds one of the two, also
 * after a click on the button already selected (a plain {@link ToggleGroup} would deselect it and
 * leave neither lit while the property keeps its value).
 */
public final class PillPair {
    private PillPair() {
    }

    /**
     * @param property   the value chosen, not null; the buttons follow it and set it
     * @param left       the left button's value, not null
     * @param leftText   its text (a mnemonic with {@code _} allowed)
     * @param leftId     its node id
     * @param leftTip    its tooltip text
     * @param right      the right button's value, not null
     * @param rightText  its text
     * @param rightId    its node id
     * @param rightTip   its tooltip text
     * @param <T>        the value type
     * @return the two buttons in a row
     */
    public static <T> HBox of(ObjectProperty<T> property, T left, String leftText, String leftId, String leftTip,
            T right, String rightText, String rightId, String rightTip) {
        ToggleGroup group = new ToggleGroup();
        ToggleButton a = button(leftText, leftId, leftTip, Styles.LEFT_PILL, group);
        ToggleButton b = button(rightText, rightId, rightTip, Styles.RIGHT_PILL, group);
        Runnable sync = () -> {
            a.setSelected(Objects.equals(left, property.get()));
            b.setSelected(Objects.equals(right, property.get()));
        };
        a.setOnAction(e -> {
            property.set(left);
            sync.run();
        });
        b.setOnAction(e -> {
            property.set(right);
            sync.run();
        });
        property.addListener((o, x, y) -> sync.run());
        sync.run();
        return new HBox(a, b);
    }

    private static ToggleButton button(String text, String id, String tip, String pill, ToggleGroup group) {
        ToggleButton t = new ToggleButton(text);
        t.setId(id);
        t.getStyleClass().add(pill);
        t.setMnemonicParsing(true);
        t.setToggleGroup(group);
        org.marginlab.app.ui.Tips.install(t, tip);
        return t;
    }
}
