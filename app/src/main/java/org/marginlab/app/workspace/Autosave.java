package org.marginlab.app.workspace;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * <p><b>One autosave per running instance.</b> Each instance writes into a folder of its own,
 * {@code <data>/autosave/<pid>-<random>/} ({@code workspace.marginlab}, written with
 * {@link WorkspaceFile#write}, which is atomic, and {@code workspace.source}, the path of the file
 * it came from, if any), and holds a lock on its {@code lock} file
 * ({@link FileChannel#tryLock()}) for as long as it runs; the operating system releases the lock
 * when the process ends, however it ends. So a second window never sees the first one's live work
 * as "not closed properly" ({@link #orphans} lists only folders whose lock can be taken), and a
 * clean quit removes only its own folder. The folder of the version before (files directly in
 * {@code <data>/autosave/}) is read as one more orphan.
 *
 * <p>An orphan offered back is locked by the instance that offers it ({@link Recovered} holds the
 * lock), so two instances started together never both offer it; {@link #adopt} (Restore) keeps it
 * until this instance has written the restored work into its own folder, {@link #remove}
 * (Discard) deletes it.
 *
 * <p>The data folder is {@code $XDG_DATA_HOME/marginlab}, else {@code ~/.local/share/marginlab}
 * (Windows: {@code %LOCALAPPDATA%\\MarginLab}); the system property {@code marginlab.data.dir}
 * overrides it.
 *
 * <p>Threads: {@link #edited()} is called on the UI thread; the snapshot is taken on the UI
 * thread through {@code uiThread}, and written on the scheduler's thread.
 */
public final class Autosave {
    /** Default delay after the last edit. */
    public static final long DEFAULT_DELAY_MILLIS = 2000;

    private static final String LOCK = "lock";
    private static final String WORKSPACE = "workspace.marginlab";
    private static final String SOURCE = "workspace.source";

    private final Path root;
    private final Path folder;
    private final ScheduledExecutorService scheduler;
    private final Executor uiThread;
    private final long delayMillis;
    private Supplier<Snapshot> snapshot = () -> null;
    private java.util.function.Consumer<String> onFailure = m -> { };
    /** Whether the last write failed (a failure is reported once, until a write succeeds again). Scheduler thread. */
    private boolean failing;
    private ScheduledFuture<?> pending;
    private volatile long generation;
    /** This instance's lock, taken with its folder at the first write; null before. Scheduler thread only. */
    private FileChannel lockChannel;
    /** An orphan restored into this instance, removed once this instance has written its own autosave. */
    private volatile Recovered adopted;

    /**
     * What an autosave holds.
     *
     * @param workspace  the workspace
     * @param source     the file it came from, or null
     */
    public record Snapshot(Workspace workspace, Path source) {
    }

    /**
     * An autosave found at start: that of an instance that is no longer running.
     *
     * @param workspace  the workspace, with the unsaved changes
     * @param source     the file it came from, or null
     * @param savedAt    when it was written
     * @param folder     the folder it is in (removed by {@link Autosave#remove(Recovered)}), or null
     * @param lock       the lock this instance holds on that folder while it offers it, or null
     */
    public record Recovered(Workspace workspace, Path source, Instant savedAt, Path folder, FileChannel lock) {
        /**
         * @param workspace  the workspace, with the unsaved changes
         * @param source     the file it came from, or null
         * @param savedAt    when it was written
         */
        public Recovered(Workspace workspace, Path source, Instant savedAt) {
            this(workspace, source, savedAt, null, null);
        }

        /** Releases the lock taken on the orphan's folder (nothing when none was taken). */
        void release() {
            if (lock != null) {
                try {
                    lock.close();
                } catch (IOException e) {
                    // closing releases the lock; nothing else to do
                }
            }
        }
    }

    /**
     * @param dataFolder   the data folder ({@link #defaultFolder()} in the app), not null
     * @param scheduler    runs the delayed writes, not null
     * @param uiThread     runs the snapshot on the UI thread (Platform::runLater in the app), not null
     * @param delayMillis  the debounce delay
     */
    public Autosave(Path dataFolder, ScheduledExecutorService scheduler, Executor uiThread, long delayMillis) {
        this.root = Objects.requireNonNull(dataFolder, "dataFolder").resolve("autosave");
        this.folder = root.resolve(ProcessHandle.current().pid() + "-"
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 16));
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

    /**
     * @param onFailure  told once, on the UI thread, when an autosave cannot be written (one line
     *                   naming the folder and the reason); told again only after a write succeeded
     *                   in between; not null
     */
    public void setOnFailure(java.util.function.Consumer<String> onFailure) {
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
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
            lockOwnFolder();
            WorkspaceFile.write(s.workspace(), folder.resolve(WORKSPACE));
            Path sourceFile = folder.resolve(SOURCE);
            Path tmp = Files.createTempFile(folder, "source", ".tmp");
            Files.writeString(tmp, s.source() == null ? "" : s.source().toAbsolutePath().toString(), StandardCharsets.UTF_8);
            Files.move(tmp, sourceFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // Reported once, without a dialog: the user keeps working; the next edit tries again.
            if (!failing) {
                failing = true;
                String reason = e instanceof IOException io ? WorkspaceException.describe(io) : String.valueOf(e.getMessage());
                String message = "Autosave is not working: cannot write to " + root + " (" + WorkspaceException.oneLine(reason)
                        + "). Until that folder is writable, unsaved changes are lost if MarginLab stops unexpectedly.";
                uiThread.execute(() -> onFailure.accept(message));
            }
            return;
        }
        failing = false;
        Recovered restored = adopted;
        if (restored != null) {
            // the restored work is now in this instance's own folder: the orphan is no longer needed
            adopted = null;
            deleteFolder(restored.folder());
            restored.release();
        }
    }

    /** Creates this instance's folder and takes its lock, once. Scheduler thread. */
    private void lockOwnFolder() throws IOException {
        if (lockChannel != null) {
            return;
        }
        Files.createDirectories(folder);
        FileChannel ch = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (ch.tryLock() == null) {
                throw new IOException(folder + " is locked by another process");
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        lockChannel = ch;
    }

    /**
     * Forgets the autosave (after a save, or on a clean exit): pending writes are cancelled and
     * this instance's folder removed, with an orphan it restored. Other instances' folders are
     * left alone.
     */
    public synchronized void discard() {
        generation++;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        Recovered restored = adopted;
        adopted = null;
        scheduler.execute(() -> {
            deleteFolder(folder);
            if (lockChannel != null) {
                try {
                    lockChannel.close();
                } catch (IOException e) {
                    // closing releases the lock
                }
                lockChannel = null;
            }
            if (restored != null) {
                deleteFolder(restored.folder());
                restored.release();
            }
        });
    }

    /**
     * Restore: the orphan's work is now this instance's unsaved work. It is written into this
     * instance's own folder at once (through the source set by {@link #setSource}), and the orphan
     * is removed only after that write, so a crash in between loses nothing.
     *
     * @param recovered  an orphan found by {@link #find} or {@link #orphans}, not null
     */
    public void adopt(Recovered recovered) {
        adopted = Objects.requireNonNull(recovered, "recovered");
        edited();
    }

    /**
     * This instance's own autosave, as the next start would find it after a crash.
     *
     * @return what it holds, or empty when nothing was written or it was discarded
     */
    public Optional<Recovered> saved() {
        return read(folder, null);
    }

    /**
     * The newest autosave left by an instance that is no longer running; it stays locked by this
     * instance (see the class doc) until {@link #adopt}ed and written, or {@link #remove}d.
     *
     * @param dataFolder  the data folder, not null
     * @return what it holds, or empty when there is none or none can be read
     */
    public static Optional<Recovered> find(Path dataFolder) {
        List<Recovered> all = orphans(dataFolder);
        for (int i = 1; i < all.size(); i++) {
            all.get(i).release(); // offered at a later start
        }
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * The autosaves of instances that are no longer running, newest first, each locked by this
     * process (release it with {@link #remove} or by adopting it). A folder whose lock another
     * running instance holds is not listed; neither is one that cannot be read.
     *
     * @param dataFolder  the data folder, not null
     * @return the orphans, newest first, never null
     */
    public static List<Recovered> orphans(Path dataFolder) {
        Path root = dataFolder.resolve("autosave");
        List<Recovered> out = new ArrayList<>();
        // the layout before one folder per instance: its files directly in autosave/, no lock
        read(root, null).ifPresent(out::add);
        if (Files.isDirectory(root)) {
            try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, Files::isDirectory)) {
                for (Path f : folders) {
                    FileChannel lock = lockIfGone(f);
                    if (lock == null) {
                        continue;
                    }
                    Optional<Recovered> r = read(f, lock);
                    if (r.isPresent()) {
                        out.add(r.get());
                    } else {
                        // a stopped instance's folder without a readable autosave: nothing to offer;
                        // removed unless it is fresh (an instance may be between creating its lock
                        // file and locking it)
                        try {
                            lock.close();
                        } catch (IOException e) {
                            // released anyway
                        }
                        if (olderThanAMinute(f.resolve(LOCK))) {
                            deleteFolder(f);
                        }
                    }
                }
            } catch (IOException | DirectoryIteratorException e) {
                // nothing can be listed: nothing to offer
            }
        }
        out.sort(Comparator.comparing(Recovered::savedAt).reversed());
        return out;
    }

    private static boolean olderThanAMinute(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(Instant.now().minusSeconds(60));
        } catch (IOException e) {
            return false;
        }
    }

    /** The folder's lock if its instance is gone (the lock could be taken), else null. */
    private static FileChannel lockIfGone(Path f) {
        Path lockFile = f.resolve(LOCK);
        if (!Files.isRegularFile(lockFile)) {
            return null; // not an instance folder, or one being created right now
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(lockFile, StandardOpenOption.WRITE);
            if (ch.tryLock() != null) {
                return ch;
            }
        } catch (OverlappingFileLockException e) {
            // held by this very process: a live instance
        } catch (IOException e) {
            // cannot tell: leave it
        }
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
        return null;
    }

    private static Optional<Recovered> read(Path dir, FileChannel lock) {
        Path file = dir.resolve(WORKSPACE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Workspace ws = WorkspaceFile.read(file).workspace();
            Path sourceFile = dir.resolve(SOURCE);
            String source = Files.isRegularFile(sourceFile) ? Files.readString(sourceFile, StandardCharsets.UTF_8).strip() : "";
            return Optional.of(new Recovered(ws, source.isEmpty() ? null : Path.of(source),
                    Files.getLastModifiedTime(file).toInstant(), dir, lock));
        } catch (WorkspaceException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Discard: removes an orphan the user declined, and releases its lock.
     *
     * @param recovered  an orphan found by {@link #find} or {@link #orphans}, not null
     */
    public static void remove(Recovered recovered) {
        deleteFolder(recovered.folder());
        recovered.release();
    }

    /** Deletes an autosave folder's own files (and the folder, unless it is the shared root). Best effort. */
    private static void deleteFolder(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            Files.deleteIfExists(dir.resolve(WORKSPACE));
            Files.deleteIfExists(dir.resolve(WORKSPACE + ".bak"));
            Files.deleteIfExists(dir.resolve(SOURCE));
            if (!dir.getFileName().toString().equals("autosave")) {
                try (DirectoryStream<Path> rest = Files.newDirectoryStream(dir)) {
                    for (Path p : rest) {
                        Files.deleteIfExists(p); // the lock file and stray temporaries
                    }
                }
                Files.deleteIfExists(dir);
            }
        } catch (IOException | DirectoryIteratorException e) {
            // left for a later start; harmless
        }
    }
}
