package org.marginlab.app;

import javafx.application.Application;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

import org.marginlab.app.settings.Preferences;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/**
 * Applies a theme at run time to every window, dialogs and Help included: the AtlantaFX user-agent
 * stylesheet (Primer light or dark) and, for high contrast, a stylesheet that replaces Primer
 * dark's palette. Everything the app styles uses the palette's looked-up colours, so a switch
 * restyles every node, charts included.
 *
 * <p>Use on the JavaFX thread.
 */
public final class Themes {
    /** The high-contrast palette, added to every window's scene while that theme is on. */
    static final String HIGH_CONTRAST = Themes.class.getResource("high-contrast.css").toExternalForm();
    private static Preferences.Theme current = Preferences.Theme.LIGHT;
    private static boolean installed;

    private Themes() {
    }

    /**
     * Switches every window, those open and those opened later, to a theme.
     *
     * @param theme  the theme, not null
     */
    public static void apply(Preferences.Theme theme) {
        current = theme;
        Application.setUserAgentStylesheet(theme == Preferences.Theme.LIGHT ? new PrimerLight().getUserAgentStylesheet()
                : new PrimerDark().getUserAgentStylesheet());
        if (!installed) {
            installed = true;
            Window.getWindows().addListener((ListChangeListener<Window>) c -> {
                while (c.next()) {
                    for (Window w : c.getAddedSubList()) {
                        palette(w.getScene());
                        w.sceneProperty().addListener((o, a, b) -> palette(b));
                    }
                }
            });
        }
        for (Window w : Window.getWindows()) {
            palette(w.getScene());
        }
    }

    private static void palette(Scene scene) {
        if (scene == null) {
            return;
        }
        boolean on = scene.getStylesheets().contains(HIGH_CONTRAST);
        if (current == Preferences.Theme.HIGH_CONTRAST && !on) {
            scene.getStylesheets().add(HIGH_CONTRAST);
        } else if (current != Preferences.Theme.HIGH_CONTRAST && on) {
            scene.getStylesheets().remove(HIGH_CONTRAST);
        }
    }
}
