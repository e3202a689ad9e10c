package org.marginlab.app.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.Venues;

/**
 * The user's preferences: theme, number format (locale), default venue, and the main window's
 * size and split positions as it was last closed, kept in
 * {@code preferences.properties} in the config folder (the recent files have their own list).
 * A missing file gives the defaults; a broken file or value gives the default for what is
 * broken and a warning naming it, never an error. Saving is atomic.
 *
 * <p>Not thread-safe; used on the UI thread.
 */
public final class Preferences {
    /** Light or dark theme. */
    /** Light, dark, or high contrast (white on black, yellow accents). */
    public enum Theme {
        /** AtlantaFX Primer light */
        LIGHT,
        /** AtlantaFX Primer dark */
        DARK,
        /** Primer dark with a high-contrast palette */
        HIGH_CONTRAST;

        /** @return its name in the preferences file: light, dark, high-contrast */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Path file;
    private Theme theme = Theme.LIGHT;
    private String numberLocale = "";
    private String defaultVenue = "binance-usdm";
    private boolean instructorMode;
    private final List<String> warnings = new ArrayList<>();
    private WindowSize window;
    private final java.util.Map<String, Double> splits = new java.util.TreeMap<>();

    /**
     * The main window's size when it was last closed.
     *
     * @param width      in pixels, ≥ 1
     * @param height     in pixels, ≥ 1
     * @param maximized  whether it was maximized (the size is then the one before)
     */
    public record WindowSize(double width, double height, boolean maximized) {
    }

    private Preferences(Path file) {
        this.file = file;
    }

    /**
     * Reads the preferences; problems become warnings and defaults.
     *
     * @param file  the file (may not exist), or null for defaults that are never saved
     * @return the preferences, never null
     */
    public static Preferences load(Path file) {
        Preferences p = new Preferences(file);
        if (file == null || !Files.exists(file)) {
            return p;
        }
        // only a regular file is opened: a FIFO here would block the start before any window shows
        java.util.Optional<String> notAFile = org.marginlab.app.workspace.FileKind.whyNotAFile(file);
        if (notAFile.isPresent()) {
            p.warnings.add(file.getFileName() + " " + notAFile.get() + "; the defaults are used.");
            return p;
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException | IllegalArgumentException e) {
            p.warnings.add(file.getFileName() + " could not be read (" + e.getMessage() + "); the defaults are used.");
            return p;
        }
        String theme = props.getProperty("theme");
        if (theme != null) {
            try {
                p.theme = Theme.valueOf(theme.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                p.warnings.add("theme: must be light, dark or high-contrast (got " + shown(theme) + "); light is used.");
            }
        }
        String locale = props.getProperty("numberLocale");
        if (locale != null && !locale.isBlank()) {
            try {
                new Locale.Builder().setLanguageTag(locale.strip()).build();
                p.numberLocale = locale.strip();
            } catch (IllformedLocaleException e) {
                p.warnings.add("numberLocale: must be a language tag such as en-US or de-DE (got " + shown(locale)
                        + "); the system's format is used.");
            }
        }
        String venue = props.getProperty("defaultVenue");
        if (venue != null) {
            try {
                p.defaultVenue = Venues.byId(venue.strip()).id();
            } catch (ValidationException e) {
                p.warnings.add("defaultVenue: " + e.rule() + " (got " + shown(venue) + "); binance-usdm is used.");
            }
        }
        p.instructorMode = Boolean.parseBoolean(props.getProperty("lesson.instructorMode", "false").strip());
        p.readWindow(props);
        return p;
    }

    /** The window's size and split positions; a bad value is a warning and is left out. */
    private void readWindow(Properties props) {
        String w = props.getProperty("window.width");
        String h = props.getProperty("window.height");
        if (w != null || h != null) {
            Double width = number(w, "window.width", 200, 20_000);
            Double height = number(h, "window.height", 200, 20_000);
            if (width != null && height != null) {
                window = new WindowSize(width, height, Boolean.parseBoolean(props.getProperty("window.maximized", "false").strip()));
            }
        }
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("split.") && key.length() > "split.".length()) {
                Double position = number(props.getProperty(key), key, 0.05, 0.95);
                if (position != null) {
                    splits.put(key.substring("split.".length()), position);
                }
            }
        }
    }

    private Double number(String text, String key, double min, double max) {
        try {
            double v = Double.parseDouble(text == null ? "" : text.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // the warning below
        }
        warnings.add(key + ": must be a number from " + shownNumber(min) + " to " + shownNumber(max) + " (got "
                + shown(text == null ? "nothing" : text) + "); the default is used.");
        return null;
    }

    private static String shownNumber(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * Writes the preferences (atomically: a temp file moved over the old one).
     *
     * @throws IOException if the config folder is not writable
     */
    public void save() throws IOException {
        saver().run();
    }

    /** A write of the file that may fail. */
    @FunctionalInterface
    public interface Write {
        /** @throws IOException if the file cannot be written */
        void run() throws IOException;
    }

    /**
     * The write of the preferences as they are now: the values are taken at once (on the calling
     * thread), the file is written when the result is called (on any thread, e.g. a background one,
     * so that the JavaFX thread does no file I/O).
     *
     * @return the write, which throws {@link IOException} if the config folder is not writable
     */
    public Write saver() {
        Properties props = new Properties();
        props.setProperty("theme", theme.id());
        props.setProperty("numberLocale", numberLocale);
        props.setProperty("defaultVenue", defaultVenue);
        props.setProperty("lesson.instructorMode", String.valueOf(instructorMode));
        if (window != null) {
            props.setProperty("window.width", String.valueOf(Math.round(window.width())));
            props.setProperty("window.height", String.valueOf(Math.round(window.height())));
            props.setProperty("window.maximized", String.valueOf(window.maximized()));
        }
        splits.forEach((name, position) -> props.setProperty("split." + name,
                String.valueOf(Math.round(position * 1000) / 1000.0)));
        Path target = file;
        return () -> write(target, props);
    }

    private static void write(Path file, Properties props) throws IOException {
        if (file == null) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "preferences", ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            props.store(w, "MarginLab preferences");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** @return whether lessons open in instructor mode (Lesson → Instructor mode) */
    public boolean instructorMode() {
        return instructorMode;
    }

    /** @param on  whether lessons open in instructor mode */
    public void setInstructorMode(boolean on) {
        this.instructorMode = on;
    }

    /** @return the theme */
    public Theme theme() {
        return theme;
    }

    /** @param theme  the theme, not null */
    public void setTheme(Theme theme) {
        this.theme = Objects.requireNonNull(theme);
    }

    /** @return the number format's language tag, or empty for the system's */
    public String numberLocaleTag() {
        return numberLocale;
    }

    /** @return the locale numbers are typed and shown in */
    public Locale numberLocale() {
        return numberLocale.isEmpty() ? Locale.getDefault(Locale.Category.FORMAT) : Locale.forLanguageTag(numberLocale);
    }

    /** @param tag  a language tag, or empty for the system's format */
    public void setNumberLocale(String tag) {
        this.numberLocale = tag == null ? "" : tag;
    }

    /** @return the venue of new workspaces */
    public String defaultVenue() {
        return defaultVenue;
    }

    /** @param venueId  a venue id, not null */
    public void setDefaultVenue(String venueId) {
        this.defaultVenue = Venues.byId(venueId).id();
    }

    /** @return the main window's size when it was last closed, or empty (never closed, or the value was bad) */
    public java.util.Optional<WindowSize> window() {
        return java.util.Optional.ofNullable(window);
    }

    /** @param size  the main window's size now, not null */
    public void setWindow(WindowSize size) {
        this.window = Objects.requireNonNull(size);
    }

    /**
     * @return the split panes' divider positions by the pane's name (0 … 1 from the top or left), a
     *         live map: changes are saved with the preferences
     */
    public java.util.Map<String, Double> splits() {
        return splits;
    }

    /** @return what was wrong with the file, one message per problem; empty when all was fine */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * A value as a warning shows it: on one line, and cut after
     * {@value org.marginlab.engine.ValidationException#MAX_VALUE_SHOWN} characters (a 5 MB value made a
     * warning 32,767 pixels tall).
     */
    static String shown(String value) {
        String line = org.marginlab.app.workspace.WorkspaceException.oneLine(value);
        int max = org.marginlab.engine.ValidationException.MAX_VALUE_SHOWN;
        return line.length() <= max ? line : line.substring(0, max - 20) + "… (" + value.length() + " characters)";
    }
}
