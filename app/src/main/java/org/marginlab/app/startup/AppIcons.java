package org.marginlab.app.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The window icons: the PNGs rendered from {@code assets/icons/marginlab.svg}, bundled in the
 * module under {@value #RESOURCE_FOLDER} by the app's build (see {@code app/pom.xml}).
 */
public final class AppIcons {
    /** The resource folder of the icons inside module {@code org.marginlab.app}. */
    public static final String RESOURCE_FOLDER = "/org/marginlab/app/startup/icons/";
    /** The bundled sizes, in pixels; the window system picks the one it needs. */
    public static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private AppIcons() {
    }

    /**
     * Sets the stage's icons without holding up its first frame: the PNGs are decoded on a
     * background thread and handed to the stage on the JavaFX thread when ready. Call from
     * {@code Application.start(Stage)}, before or after {@code stage.show()}.
     *
     * @param stage  the stage, not null
     */
    public static void apply(Stage stage) {
        Thread loader = new Thread(() -> {
            List<Image> icons = load();
            Platform.runLater(() -> stage.getIcons().setAll(icons));
        }, "marginlab-icons");
        loader.setDaemon(true);
        loader.setPriority(Thread.NORM_PRIORITY - 1);
        loader.start();
    }

    /**
     * Decodes every bundled icon; may run on any thread once the JavaFX toolkit has started.
     *
     * @return the icons, smallest first; never null or empty
     * @throws IllegalStateException if an icon is missing from the module (a packaging error)
     */
    public static List<Image> load() {
        List<Image> icons = new ArrayList<>(SIZES.size());
        for (int size : SIZES) {
            icons.add(image(size));
        }
        return List.copyOf(icons);
    }

    /**
     * @param size  one of {@link #SIZES}
     * @return the icon of that size, decoded now
     * @throws IllegalArgumentException if the size is not bundled
     * @throws IllegalStateException if the icon is missing from the module (a packaging error)
     */
    public static Image image(int size) {
        if (!SIZES.contains(size)) {
            throw new IllegalArgumentException("no bundled icon of " + size + " px; sizes: " + SIZES);
        }
        String name = RESOURCE_FOLDER + "marginlab-" + size + ".png";
        try (InputStream in = AppIcons.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("icon " + name + " is missing from the module");
            }
            return new Image(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
