package org.marginlab.app.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * A label that wraps to the width its container gives it and never widens that container: its
 * lines are shown in full, however narrow the window, instead of ending in an ellipsis.
 */
public final class Wrapping {
    private Wrapping() {
    }

    /**
     * @param label  the label, not null
     * @return the label, set to wrap
     */
    public static Label toWidth(Label label) {
        label.setWrapText(true);
        label.setMinWidth(0);
        label.setPrefWidth(0);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
