package org.marginlab.app.ui;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * Runs something once, the first time a condition holds: now if it already does, else when it
 * first turns true (the listener then takes itself away). For parts of the window built or
 * placed only when first shown (a collapsed pane's content, the lesson navigator).
 */
public final class WhenTrue {
    private WhenTrue() {
    }

    /**
     * @param condition  the condition, not null
     * @param action     what to run once, not null
     */
    public static void once(ObservableValue<Boolean> condition, Runnable action) {
        if (Boolean.TRUE.equals(condition.getValue())) {
            action.run();
            return;
        }
        condition.addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                if (Boolean.TRUE.equals(is)) {
                    condition.removeListener(this);
                    action.run();
                }
            }
        });
    }
}
