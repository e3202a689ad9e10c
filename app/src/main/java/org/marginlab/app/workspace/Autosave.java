package org.marginlab.app.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps unsaved changes safe: some time after the last edit (debounced) the workspace is written
 * to the user's data folder; after a crash or a kill the next start finds it and offers it back;
 * a save or a clean exit removes it.
 *
 * <p>Files: {@code <data>/autosave/workspace.marginlab} (the workspace, written with
 * {@link WorkspaceFile#write}, which is atomic) and {@code <data>/autosave/workspace.source}
 * (the path of the file it came from, if any). The data folder is
 * {@code $XDG_DATA_HOME/marginlab}, else {@code ~/.local/share/marginlab} (Windows:
 * {@code %LOCALAPPDATA%\MarginLab}); the system property {@code marginlab.data.dir} overrides it.
 *
 * <p>Threads: {@link #edited()} is called on the UI thread; the snapshot is taken on the UI
 * thread through {@code uiThread}, and written on the scheduler's thread.
 */
public final class Autosave {
    /** Default delay after the last edit. */
    public static final long DEFAULT_DELAY_MILLIS = 2000;

    private final Path folder;
    private final ScheduledExecutorService scheduler;
    private final Executor uiThread;
    private final long delayMillis;
    private Supplier<Snapshot> snapshot = () -> null;
    private ScheduledFuture<?> pending;
    private volatile long generation;

    /**
     * What an autosave holds.
     *
     * @param workspace  the workspace
     * @param source     the file it came from, or null
     */
    public record Snapshot(Workspace workspace, Path source) {
    }

    /**
     * An autosave found at start.
     *
     * @param workspace  the workspace, with the unsaved changes
     * @param source     the file it came from, or null
     * @param savedAt    when it was written
     */
    public record Recovered(Workspace workspace, Path source, Instant savedAt) {
    }

    /**
     * @param dataFolder   the data folder ({@link #defaultFolder()} in the app), not null
     * @param scheduler    runs the delayed writes, not null
     * @param uiThread     runs the snapshot on the UI thread (Platform::runLater in the app), not null
     * @param delayMillis  the debounce delay
     */
    public Autosave(Path dataFolder, ScheduledExecutorService scheduler, Executor uiThread, long delayMillis) {
        this.folder = Objects.requireNonNull(dataFolder, "dataFolder").resolve("autosave");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.delayMillis = delayMillis;
    }

    /** @return the user's MarginLab data folder (may not exist yet) */
    public static Path defaultFolder() {
        String override = System.getProperty("marginlab.data.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String local = System.getenv("LOCALAPPDATA");
        if (local != null && System.getProperty("os.name", "").startsWith("Windows")) {
            return Path.of(local, "MarginLab");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("marginlab");
    }

    /** @param source  what to save, called on the UI thread; returns null when there is nothing unsaved */
    public void setSource(Supplier<Snapshot> source) {
        this.snapshot = Objects.requireNonNull(source, "source");
    }

    /** Notes an edit: the workspace is written {@code delay} after the last of a burst of edits. */
    public synchronized void edited() {
        long gen = ++generation;
        if (pending != null) {
            pending.cancel(false);
        }
        pending = scheduler.schedule(() -> uiThread.execute(() -> {
            if (gen != generation) {
                return;
            }
            Snapshot s = snapshot.get();
            if (s != null) {
                scheduler.execute(() -> write(s, gen));
            }
        }), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void write(Snapshot s, long gen) {
        if (gen != generation) {
            return;
        }
        try {
            Files.createDirectories(folder);
            WorkspaceFile.write(s.workspace(), folder.resolve("workspace.marginlab"));
            Path sourceFile = folder.resolve("workspace.source");
            Path tmp = Files.createTempFile(folder, "source", ".tmp");
            Files.writeString(tmp, s.source() == null ? "" : s.source().toAbsolutePath().toString(), StandardCharsets.UTF_8);
            Files.move(tmp, sourceFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // An autosave that fails must not disturb the user; the next edit tries again.
        }
    }

    /**
     * Forgets the autosave (after a save, or on a clean exit): pending writes are cancelled and
     * the files removed.
     */
    public synchronized void discard() {
        generation++;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        scheduler.execute(() -> {
            try {
                Files.deleteIfExists(folder.resolve("workspace.marginlab"));
                Files.deleteIfExists(folder.resolve("workspace.marginlab.bak"));
                Files.deleteIfExists(folder.resolve("workspace.source"));
            } catch (IOException e) {
                // left for the next start to offer; harmless
            }
        });
    }

    /**
     * Looks for an autosave left by a session that did not exit cleanly.
     *
     * @param dataFolder  the data folder, not null
     * @return what it holds, or empty when there is none or it cannot be read
     */
    public static Optional<Recovered> find(Path dataFolder) {
        Path dir = dataFolder.resolve("autosave");
        Path file = dir.resolve("workspace.marginlab");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Workspace ws = WorkspaceFile.read(file).workspace();
            Path sourceFile = dir.resolve("workspace.source");
            String source = Files.isRegularFile(sourceFile) ? Files.readString(sourceFile, StandardCharsets.UTF_8).strip() : "";
            return Optional.of(new Recovered(ws, source.isEmpty() ? null : Path.of(source),
                    Files.getLastModifiedTime(file).toInstant()));
        } catch (WorkspaceException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Removes an autosave found at start that the user declined.
     *
     * @param dataFolder  the data folder, not null
     */
    public static void remove(Path dataFolder) {
        Path dir = dataFolder.resolve("autosave");
        try {
            Files.deleteIfExists(dir.resolve("workspace.marginlab"));
            Files.deleteIfExists(dir.resolve("workspace.marginlab.bak"));
            Files.deleteIfExists(dir.resolve("workspace.source"));
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
