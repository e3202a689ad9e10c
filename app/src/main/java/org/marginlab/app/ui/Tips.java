package org.marginlab.app.ui;

import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/** The app's tooltips: wrapped at 360 px, shown after 300 ms. */
public final class Tips {
    private Tips() {
    }

    /**
     * @param text  the explanation, not null
     * @return a tooltip showing it
     */
    public static Tooltip of(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(360);
        t.setShowDelay(Duration.millis(300));
        return t;
    }
}
