package org.marginlab.app.ui;

import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/**
 * The app's tooltips: wrapped at 360 px, shown after 300 ms.
 *
 * <p>{@link #install(Control, String)} gives a control its tooltip when it is first needed: the
 * first time the mouse enters the control or the control takes the focus (where a screen
 * reader reads it). A {@link Tooltip} is a popup window with its own scene, and the main window
 * has about a hundred of them; built up front they cost a good part of the start-up. The
 * tooltip shown, its text and its delay are the same either way (the mouse enters a control
 * before it rests on it).
 */
public final class Tips {
    /** The control's tooltip text, while its tooltip is not built yet. */
    private static final String PENDING = "marginlab.tip.pending";

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

    /**
     * Gives a control the tooltip {@link #of(String)} {@code text}, built when the mouse first
     * enters the control or the control first takes the focus. Until then
     * {@link Control#getTooltip()} is null, so a tooltip set in the meantime (a lock's, a hidden
     * figure's) is shown instead, and this one again once that is taken away (set to null).
     * A second call before the tooltip is built replaces the text.
     *
     * @param control  the control, not null
     * @param text     the explanation, not null
     */
    public static void install(Control control, String text) {
        if (control.getProperties().get(PENDING) instanceof Shared shared) {
            shared.text = text;
        } else {
            control.getProperties().put(PENDING, new Shared(text));
            watch(control);
        }
    }

    /**
     * Gives a control the same tooltip as another, as if the one {@link Tooltip} were set on
     * both: built once, when either first needs it, with the text it has then.
     *
     * @param control  the control, not null
     * @param like     a control given its tooltip with {@link #install(Control, String)}, not null
     */
    public static void installLike(Control control, Control like) {
        if (like.getProperties().get(PENDING) instanceof Shared shared) {
            control.getProperties().put(PENDING, shared);
            watch(control);
        } else {
            control.setTooltip(like.getTooltip());
        }
    }

    private static void watch(Control control) {
        Builder builder = new Builder(control);
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, builder);
        control.focusedProperty().addListener(builder);
    }

    /** A tooltip not built yet, perhaps for several controls. */
    private static final class Shared {
        private String text;
        private Tooltip built;

        Shared(String text) {
            this.text = text;
        }

        Tooltip tooltip() {
            if (built == null) {
                built = of(text);
            }
            return built;
        }
    }

    /** Builds a control's pending tooltip on the first mouse entry or focus. */
    private static final class Builder implements EventHandler<MouseEvent>, ChangeListener<Boolean> {
        private final Control control;

        Builder(Control control) {
            this.control = control;
        }

        @Override
        public void handle(MouseEvent event) {
            build();
        }

        @Override
        public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
            if (is) {
                build();
            }
        }

        private void build() {
            if (control.getTooltip() != null) {
                return; // another tooltip is on (a lock's): this one stays pending
            }
            Object pending = control.getProperties().remove(PENDING);
            control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
            control.focusedProperty().removeListener(this);
            if (pending instanceof Shared shared) {
                control.setTooltip(shared.tooltip());
            }
        }
    }

    /**
     * @param control  a control, not null
     * @return the text of its tooltip: the one shown, else the one {@link #install} keeps for
     *         later, else null
     */
    public static String text(Control control) {
        Tooltip t = control.getTooltip();
        if (t != null) {
            return t.getText();
        }
        return control.getProperties().get(PENDING) instanceof Shared shared ? shared.text : null;
    }
}
