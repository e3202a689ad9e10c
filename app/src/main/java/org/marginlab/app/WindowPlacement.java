package org.marginlab.app;

import java.util.Optional;

import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.marginlab.app.settings.Preferences;
import org.marginlab.app.settings.Preferences.WindowSize;

/**
 * The main window's size: the one it had when last closed, else most of the screen; never below
 * the smallest size the layout is designed for ({@value #MIN_WIDTH}×{@value #MIN_HEIGHT}), nor
 * above the screen. Sizes are the scene's (inside the window's frame), in pixels.
 */
final class WindowPlacement {
    /** The smallest window the layout is designed and tested for. */
    static final double MIN_WIDTH = 1024;
    /** The smallest window the layout is designed and tested for. */
    static final double MIN_HEIGHT = 700;
    /** The share of the screen a first start takes. */
    private static final double FIRST_SHARE = 0.85;

    private WindowPlacement() {
    }

    /**
     * @param saved   the size when last closed, or empty
     * @param screen  the screen's visual bounds (without task bars)
     * @return the size to open at: the saved one, else {@value #FIRST_SHARE} of the screen; at least
     *         1024×700 and at most the screen
     */
    static Dimension2D initialSize(Optional<WindowSize> saved, Rectangle2D screen) {
        double w = saved.map(WindowSize::width).orElse(screen.getWidth() * FIRST_SHARE);
        double h = saved.map(WindowSize::height).orElse(screen.getHeight() * FIRST_SHARE);
        return new Dimension2D(Math.min(screen.getWidth(), Math.max(MIN_WIDTH, Math.round(w))),
                Math.min(screen.getHeight(), Math.max(MIN_HEIGHT, Math.round(h))));
    }

    /**
     * The window's minimum size: the designed minimum, or the screen where it is smaller.
     *
     * @param stage   the window, not null
     * @param screen  the screen's visual bounds
     */
    static void limit(Stage stage, Rectangle2D screen) {
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
    }

    /**
     * Keeps the window's last normal (not maximized) size and whether it is maximized in the
     * preferences, and saves them when the window closes.
     *
     * @param stage  the window, showing its scene, not null
     * @param prefs  the preferences to keep them in, not null
     * @param save   writes the preferences (off the JavaFX thread), not null
     */
    static void remember(Stage stage, Preferences prefs, Runnable save) {
        Scene scene = stage.getScene();
        double[] normal = {scene.getWidth(), scene.getHeight()};
        Runnable keep = () -> {
            if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()) {
                normal[0] = stage.getScene().getWidth();
                normal[1] = stage.getScene().getHeight();
            }
        };
        stage.widthProperty().addListener((o, a, b) -> keep.run());
        stage.heightProperty().addListener((o, a, b) -> keep.run());
        stage.setOnHiding(e -> {
            prefs.setWindow(new WindowSize(normal[0], normal[1], stage.isMaximized()));
            save.run();
        });
    }
}
