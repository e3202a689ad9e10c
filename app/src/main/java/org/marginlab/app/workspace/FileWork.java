package org.marginlab.app.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Reads and writes workspace files off the JavaFX thread, one operation waited for at a time:
 * the file work of the document commands. A read runs on the {@code reads} executor, a write on
 * the {@code writes} one (each a background thread of its own in the app); its outcome is handed to the caller through {@code done} (the
 * JavaFX thread) unless the user stopped waiting ({@link #cancel}) or a newer operation began.
 * {@link #busyProperty()} names the operation under way ({@code Opening faq.marginlab…}).
 *
 * <p>A read is given up after {@value #READ_TIMEOUT_SECONDS} s (a stalled network share, a slow
 * device) with a message; a write is not timed out, it is atomic ({@link WorkspaceFile#write}),
 * and cancelling it only stops waiting. With direct executors (the default) everything happens
 * before the call returns.
 *
 * <p>Used on the JavaFX thread (or one test thread).
 */
public final class FileWork {
    /** Longest a workspace file is read before giving up. */
    public static final long READ_TIMEOUT_SECONDS = 30;

    /** Runs the writes. */
    private Executor writes = Runnable::run;
    /** Runs the reads: its own thread in the app, so that a read stalled on a dead share never holds up a save. */
    private Executor reads = Runnable::run;
    private Executor done = Runnable::run;
    private final ReadOnlyStringWrapper busy = new ReadOnlyStringWrapper(this, "busy", "");
    /** The number of the operation waited for; an outcome with another number is dropped. */
    private long ticket;

    /**
     * @param reads   reads files, not null: a thread of its own in the app (a read stalled on a
     *                dead network share, given up after {@value #READ_TIMEOUT_SECONDS} s, keeps its
     *                thread; saves must not queue behind it)
     * @param writes  writes files, not null
     * @param done    takes the outcome, not null
     */
    public void setExecutors(Executor reads, Executor writes, Executor done) {
        this.reads = Objects.requireNonNull(reads, "reads");
        this.writes = Objects.requireNonNull(writes, "writes");
        this.done = Objects.requireNonNull(done, "done");
    }

    /** @return the operation under way ({@code Opening x.marginlab…}, {@code Saving x.marginlab…}), or empty */
    public ReadOnlyStringProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** @return whether an operation is waited for */
    public boolean busy() {
        return !busy.get().isEmpty();
    }

    /** Stops waiting for the operation under way: its outcome is dropped (a write still completes). */
    public void cancel() {
        ticket++;
        busy.set("");
    }

    /**
     * Reads a workspace file.
     *
     * @param path     the file, not null
     * @param outcome  takes the result, or the failure's message (one line naming the file), unless
     *                 the user stopped waiting; exactly one of the two is non-null
     */
    public void read(Path path, BiConsumer<ReadResult, String> outcome) {
        long mine = start("Opening " + path.getFileName() + "…");
        CompletableFuture.supplyAsync(() -> {
            try {
                return WorkspaceFile.read(path);
            } catch (WorkspaceException e) {
                throw new CompletionException(e);
            }
        }, reads).orTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS).whenComplete((read, failure) -> done.execute(() -> {
            if (!end(mine)) {
                return;
            }
            Throwable cause = cause(failure);
            outcome.accept(read, cause == null ? null : cause instanceof TimeoutException
                    ? path + ": could not be read within " + READ_TIMEOUT_SECONDS + " s" : String.valueOf(cause.getMessage()));
        }));
    }

    /**
     * Writes a workspace file (atomically, {@link WorkspaceFile#write}).
     *
     * @param workspace  what to write, not null
     * @param target     the file, not null
     * @param outcome    takes whether the user still waited for it and the failure's message (null
     *                   when written); called even after a cancel, since the file was written or not
     */
    public void write(Workspace workspace, Path target, BiConsumer<Boolean, String> outcome) {
        long mine = start("Saving " + target.getFileName() + "…");
        CompletableFuture.runAsync(() -> {
            try {
                WorkspaceFile.write(workspace, target);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, writes).whenComplete((v, failure) -> done.execute(() -> {
            boolean waited = end(mine);
            Throwable cause = cause(failure);
            outcome.accept(waited, cause == null ? null : String.valueOf(cause.getMessage()));
        }));
    }

    private long start(String what) {
        busy.set(what);
        return ++ticket;
    }

    private boolean end(long mine) {
        if (mine != ticket) {
            return false;
        }
        busy.set("");
        return true;
    }

    private static Throwable cause(Throwable failure) {
        if (failure instanceof CompletionException && failure.getCause() != null) {
            return failure.getCause();
        }
        return failure;
    }
}
