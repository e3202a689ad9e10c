package org.marginlab.app.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The most recently opened or saved workspace files, newest first, kept in a small text file
 * (one absolute path per line) in the user's config folder. A missing, unreadable, binary or
 * oversized list is an empty list; it never stops the application.
 */
public final class RecentFiles {
    /** How many files the list keeps. */
    public static final int MAX = 8;
    /** A larger list file is ignored (eight paths take a few kilobytes). */
    static final long MAX_STORE_BYTES = 64 * 1024;

    private final Path store;
    private final List<Path> files = new ArrayList<>();

    /**
     * @param store  the list's file, e.g. {@code ~/.config/marginlab/recent-files.txt}; may not
     *               exist yet
     */
    public RecentFiles(Path store) {
        this.store = store;
        if (store != null && Files.isRegularFile(store)) {
            try {
                if (Files.size(store) > MAX_STORE_BYTES) {
                    return; // not a list this class wrote: ignored rather than read into memory
                }
                for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && files.size() < MAX) {
                        try {
                            files.add(Path.of(line.strip()));
                        } catch (InvalidPathException e) {
                            // skip a damaged line
                        }
                    }
                }
            } catch (IOException e) {
                files.clear();
            }
        }
    }

    /**
     * The default store: {@code $XDG_CONFIG_HOME/marginlab/recent-files.txt}, else
     * {@code ~/.config/marginlab/…} (on Windows {@code %APPDATA%\MarginLab\…}); the system
     * property {@code marginlab.config.dir} overrides the folder.
     *
     * @return the path, never null
     */
    public static Path defaultStore() {
        return configDir().resolve("recent-files.txt");
    }

    /** @return the user's MarginLab config folder (may not exist yet) */
    public static Path configDir() {
        String override = System.getProperty("marginlab.config.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String appData = System.getenv("APPDATA");
        if (appData != null && System.getProperty("os.name", "").startsWith("Windows")) {
            return Path.of(appData, "MarginLab");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("marginlab");
    }

    /** @return the files, newest first; a copy */
    public List<Path> list() {
        return List.copyOf(files);
    }

    private volatile java.util.concurrent.Executor writer = Runnable::run;

    /**
     * @param writer  runs the writes of the list to its store (a background thread in the app, so
     *                that no file is written on the JavaFX thread); direct by default; not null
     */
    public void setWriter(java.util.concurrent.Executor writer) {
        this.writer = java.util.Objects.requireNonNull(writer, "writer");
    }

    /**
     * Puts a file first and saves the list through the writer (best effort: a failure to save is ignored).
     *
     * @param file  the file, not null
     */
    public void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        files.remove(abs);
        files.add(0, abs);
        while (files.size() > MAX) {
            files.remove(files.size() - 1);
        }
        List<Path> snapshot = List.copyOf(files);
        writer.execute(() -> save(snapshot));
    }

    private void save(List<Path> files) {
        if (store == null) {
            return;
        }
        try {
            Files.createDirectories(store.getParent());
            Path tmp = Files.createTempFile(store.getParent(), "recent-files", ".tmp");
            List<String> lines = new ArrayList<>();
            for (Path p : files) {
                lines.add(p.toString());
            }
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // The recent-files list is a convenience; never fail a save or an open over it.
        }
    }
}
