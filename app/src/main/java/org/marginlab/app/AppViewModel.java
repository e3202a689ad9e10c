package org.marginlab.app;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.ReadResult;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.Samples;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.app.workspace.WorkspaceException;
import org.marginlab.app.workspace.WorkspaceFile;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.ValidationException;

/**
 * View-model of the main window: the open workspace (its {@link AccountViewModel}), the file it
 * came from, whether it has unsaved changes, the window title, recent files and the document
 * commands (new, open, save, save as, open sample). A plain class without {@code javafx.scene}
 * types; questions to the user go through {@link DocumentDialogs}.
 *
 * <p>Opening a file that cannot be read, or saving when an input is invalid, shows one message
 * naming the file or field and changes nothing: the open workspace stays as it was, and a file
 * on disk is never overwritten by a failed open.
 */
public final class AppViewModel {
    /** The window title's prefix; the title is {@code MarginLab — <workspace name>}. */
    public static final String APP_NAME = "MarginLab";

    private final AccountViewModel account;
    private final org.marginlab.app.replay.ReplayViewModel replay;
    private final org.marginlab.app.replay.ReplayClock replayClock;
    private final RecentFiles recent;
    private DocumentDialogs dialogs;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private org.marginlab.app.workspace.Autosave autosave;
    private String defaultVenue;
    private final java.util.concurrent.Executor worker;
    private final java.util.concurrent.Executor fx;
    /** Reads and writes workspace files: on the calling thread until {@link #setFileExecutors}. */
    private final org.marginlab.app.workspace.FileWork files = new org.marginlab.app.workspace.FileWork();

    /** @param venueId  the venue of new workspaces, or null for the current one */
    public void setDefaultVenue(String venueId) {
        this.defaultVenue = venueId;
    }

    /**
     * A model whose files are read and written on the calling thread until
     * {@link #setFileExecutors} (the desktop app calls it once its window is up).
     *
     * @param locale   the locale numbers are typed and shown in, not null
     * @param recent   the recent-files list, not null
     * @param dialogs  how to ask the user, not null
     */
    public AppViewModel(Locale locale, RecentFiles recent, DocumentDialogs dialogs) {
        this(locale, recent, dialogs, org.marginlab.app.ui.LatestOnly.daemonThread("marginlab-worker"),
                javafx.application.Platform::runLater);
    }

    /**
     * @param locale   the locale numbers are typed and shown in, not null
     * @param recent   the recent-files list, not null
     * @param dialogs  how to ask the user, not null
     * @param worker   runs the work that must not hold up the JavaFX thread (the comparison's
     *                 walks), not null: one daemon thread in the app
     * @param fx       hands results back to the JavaFX application thread, not null:
     *                 {@code Platform::runLater} in the app; the UI latency benchmark times it
     */
    public AppViewModel(Locale locale, RecentFiles recent, DocumentDialogs dialogs, java.util.concurrent.Executor worker,
            java.util.concurrent.Executor fx) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.account = new AccountViewModel(MarginEngine.DEFAULT, locale);
        this.replay = new org.marginlab.app.replay.ReplayViewModel(account, worker, fx);
        this.replayClock = new org.marginlab.app.replay.ReplayClock(replay);
        this.recent = Objects.requireNonNull(recent, "recent");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        recentFiles.setAll(recent.list());
        title.bind(Bindings.createStringBinding(
                () -> APP_NAME + " — " + account.nameProperty().get() + (account.dirtyProperty().get() ? " •" : ""),
                account.nameProperty(), account.dirtyProperty()));
    }

    /**
     * From now on, files (workspaces, the recent-files list) are read and written on {@code io}
     * and the results taken through {@code ioDone}: in the desktop app a background thread and
     * the JavaFX thread, so that no file I/O runs on the JavaFX thread. Until this is called
     * (tests, and the start, which reads the file to open on its own background thread) files are
     * read and written on the calling thread.
     *
     * @param io      reads and writes files, not null
     * @param ioDone  takes a file operation's result on the JavaFX thread, not null
     */
    public void setFileExecutors(java.util.concurrent.Executor io, java.util.concurrent.Executor ioDone) {
        setFileExecutors(io, io, ioDone);
    }

    /**
     * As {@link #setFileExecutors(java.util.concurrent.Executor, java.util.concurrent.Executor)},
     * with the reads of workspace files on an executor of their own (the desktop app: a read
     * stalled on a dead network share never holds up a save).
     *
     * @param reads   reads workspace files, not null
     * @param writes  writes workspace files and the recent-files list, not null
     * @param ioDone  takes the results on the JavaFX thread, not null
     */
    public void setFileExecutors(java.util.concurrent.Executor reads, java.util.concurrent.Executor writes,
            java.util.concurrent.Executor ioDone) {
        files.setExecutors(reads, writes, ioDone);
        recent.setWriter(writes);
    }

    /**
     * @return the price-path replay (the Replay tab's view-model; the lesson navigator loads a
     *         step's path through it), never null
     */
    public org.marginlab.app.replay.ReplayViewModel replay() {
        return replay;
    }

    /**
     * @return the replay's playback clock: it plays the replay wherever Play is pressed, whether
     *         or not the Replay tab was built; never null
     */
    public org.marginlab.app.replay.ReplayClock replayClock() {
        return replayClock;
    }

    /** @return the executor of background work (see the constructor), never null */
    public java.util.concurrent.Executor worker() {
        return worker;
    }

    /** @return the executor that hands background results to the JavaFX thread, never null */
    public java.util.concurrent.Executor fx() {
        return fx;
    }

    /**
     * Types and shows numbers in another format from now on, at once (View → Number format): the
     * numbers typed so far are rewritten in it with their values unchanged, and the account's
     * notice says so.
     *
     * @param locale  the number format's locale, not null
     */
    public void setNumberLocale(Locale locale) {
        account.setLocale(locale);
    }

    /**
     * A model on the bundled sample {@code btc-long-isolated.marginlab}, with no recent files and
     * dialogs that cancel everything (for tests and the first start).
     *
     * @param locale  the display locale, not null
     * @return the model, never null
     */
    public static AppViewModel openSample(Locale locale) {
        AppViewModel vm = new AppViewModel(locale, new RecentFiles(null), DocumentDialogs.NONE);
        vm.openSample(Samples.BTC_LONG_ISOLATED);
        return vm;
    }

    /**
     * Connects autosave: every edit (re)starts its delay; it saves the workspace while there are
     * unsaved changes; a save discards it.
     *
     * @param autosave  the autosave, not null
     */
    public void setAutosave(org.marginlab.app.workspace.Autosave autosave) {
        this.autosave = Objects.requireNonNull(autosave, "autosave");
        autosave.setOnFailure(message::set);
        autosave.setSource(() -> account.dirtyProperty().get()
                ? new org.marginlab.app.workspace.Autosave.Snapshot(account.toWorkspaceLenient(), file.get()) : null);
        account.editCountProperty().addListener((o, a, b) -> {
            if (account.dirtyProperty().get()) {
                autosave.edited();
            }
        });
    }

    /**
     * Shows a workspace recovered from an autosave, with its changes unsaved, and (with autosave
     * connected) takes it over: see {@link org.marginlab.app.workspace.Autosave#adopt}.
     *
     * @param recovered  what the autosave held, not null
     */
    public void restore(org.marginlab.app.workspace.Autosave.Recovered recovered) {
        show(recovered.workspace(), recovered.source());
        account.markUnsaved();
        if (autosave != null) {
            // into this instance's own autosave at once; the orphan is removed once that is written
            autosave.adopt(recovered);
        }
        message.set("Restored unsaved changes from " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneId.systemDefault()).format(recovered.savedAt()) + ".");
    }

    /** A clean exit: the autosave is no longer needed. */
    public void shutdown() {
        if (autosave != null) {
            autosave.discard();
        }
    }

    /**
     * Shows a one-line notice in the window's header, without a dialog (an autosave or a log that
     * cannot be written).
     *
     * @param notice  the notice, not null
     */
    public void showNotice(String notice) {
        message.set(Objects.requireNonNull(notice, "notice"));
    }

    /** @param dialogs  how to ask the user from now on, not null */
    public void setDialogs(DocumentDialogs dialogs) {
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
    }

    // ---- document commands ------------------------------------------------------------------
    //
    // Files are read and written on the io executor (a background thread in the app), never on
    // the JavaFX thread; the result is taken on the ioDone executor (the JavaFX thread). While one
    // is under way, busyProperty() names it and cancelBusy() stops waiting for it. With direct
    // executors (the three-argument constructor, as in most tests) everything happens before the
    // command returns.

    /** Starts an empty workspace on the current venue, after asking to save unsaved changes. */
    public void newWorkspace() {
        confirmLeave(() -> {
            Workspace empty = new Workspace("Untitled", defaultVenue == null ? account.venueProperty().get().id()
                    : defaultVenue, new BigDecimal("10000"), List.of());
            show(empty, null);
            account.addPosition();
            markSaved();
        });
    }

    /** Asks for a file and opens it (after asking to save unsaved changes). */
    public void open() {
        confirmLeave(() -> dialogs.chooseFileToOpen().ifPresent(this::openWithoutAsking));
    }

    /**
     * Opens a file, after asking to save unsaved changes. The file is read on the io executor
     * ({@link org.marginlab.app.workspace.FileWork}: a read that takes longer than 30 s is given
     * up with a message).
     *
     * @param path  the file, not null
     * @return with direct executors, whether it was opened; with a background io executor,
     *         whether the read was started (its outcome is shown when it ends)
     */
    public boolean open(Path path) {
        boolean[] opened = {false};
        confirmLeave(() -> opened[0] = openWithoutAsking(path));
        return opened[0];
    }

    private boolean openWithoutAsking(Path path) {
        boolean[] opened = {false};
        org.marginlab.app.model.Draft answered = account.draft(); // what the user agreed to leave
        files.read(path, (read, failure) -> {
            if (failure != null) {
                openFailed(path, failure);
            } else if (account.draft() != answered && account.dirtyProperty().get()) {
                // edits typed while the file was read are not lost: asked about again
                confirmLeave(() -> opened[0] = showOpened(path, read));
            } else {
                opened[0] = showOpened(path, read);
            }
        });
        return opened[0] || files.busy();
    }

    private boolean showOpened(Path path, ReadResult read) {
        try {
            show(read.workspace(), path);
        } catch (ValidationException e) {
            openFailed(path, e.getMessage());
            return false;
        }
        remember(path);
        message.set(read.warnings().isEmpty() ? "" : String.join(" ", read.warnings()));
        markSaved();
        return true;
    }

    private void openFailed(Path path, String why) {
        dialogs.showError("Could not open " + path.getFileName(),
                why + "\n\nThe file was not changed; the open workspace stays as it was.");
    }

    /**
     * Opens a bundled sample (after asking to save unsaved changes); it has no file, so Save asks
     * where to save it.
     *
     * @param sampleName  one of {@link Samples#names()}, not null
     */
    public void openSample(String sampleName) {
        confirmLeave(() -> {
            show(Samples.open(sampleName), null);
            markSaved();
        });
    }

    /**
     * Opens a bundled lesson (after asking to save unsaved changes); it has no file, so Save asks
     * where to save it. The lesson navigator follows the opened document.
     *
     * @param fileName  a file name of {@link org.marginlab.app.workspace.Lessons#list()}, not null
     */
    public void openLesson(String fileName) {
        confirmLeave(() -> {
            org.marginlab.app.workspace.Workspace lesson;
            try {
                // a bundled resource inside the app's own image (a few kB), not a user's file
                lesson = org.marginlab.app.workspace.Lessons.open(fileName);
            } catch (IllegalStateException | java.io.UncheckedIOException e) {
                showNotice("The bundled lesson " + fileName + " cannot be opened: " + e.getMessage());
                return;
            }
            show(lesson, null);
            markSaved();
        });
    }

    /**
     * Saves to the workspace's file, or asks where (Save As) if it has none.
     *
     * @return with direct executors, whether it was saved; with a background io executor, whether
     *         the write was started (its outcome is shown when it ends)
     */
    public boolean save() {
        return save(() -> { });
    }

    private boolean save(Runnable then) {
        Path target = file.get();
        if (target == null) {
            return saveAs(then);
        }
        return saveTo(target, then);
    }

    /**
     * Asks where to save and saves there.
     *
     * @return as {@link #save()}
     */
    public boolean saveAs() {
        return saveAs(() -> { });
    }

    private boolean saveAs(Runnable then) {
        Optional<Path> target = dialogs.chooseFileToSave(suggestedFileName());
        return target.isPresent() && saveTo(withExtension(target.get()), then);
    }

    /**
     * Writes the workspace as it is now on the io executor; {@code then} runs after a successful
     * write. Edits made while it is written stay unsaved.
     */
    private boolean saveTo(Path target, Runnable then) {
        Workspace ws;
        org.marginlab.app.model.Draft written = account.draft();
        try {
            ws = account.toWorkspace();
        } catch (ValidationException e) {
            dialogs.showError("Cannot save yet", e.getMessage()
                    + "\n\nFix the highlighted field, then save again. Nothing was written.");
            return false;
        }
        boolean[] saved = {false};
        long document = documents;
        files.write(ws, target, (waited, failure) -> {
            if (failure != null) {
                if (waited) {
                    dialogs.showError("Could not save " + target.getFileName(), failure
                            + "\n\nThe previous file, if any, is unchanged.");
                } else {
                    // nobody waits for it any more, but it must not pass for saved
                    message.set("Could not save " + target.getFileName() + ": " + failure);
                }
                return;
            }
            if (document != documents) {
                return; // another workspace is shown now: the file holds the one that was saved, nothing else changes
            }
            // written (even if the user stopped waiting): the file holds that draft
            file.set(target);
            remember(target);
            account.markSaved(written);
            if (autosave != null && !account.dirtyProperty().get()) {
                autosave.discard();
            }
            saved[0] = true;
            if (waited) {
                then.run();
            }
        });
        return saved[0] || files.busy();
    }

    private void remember(Path path) {
        recent.add(path);
        recentFiles.setAll(recent.list());
    }

    /**
     * Asks whether to save unsaved changes before the window closes.
     *
     * @return whether closing may go ahead now (with a background io executor, a chosen Save
     *         closes through {@code close} once written: then this returns false)
     */
    public boolean confirmClose() {
        return confirmClose(() -> { });
    }

    /**
     * Asks whether to save unsaved changes before the window closes.
     *
     * @param close  closes the window, run once a chosen Save has been written (with a background
     *               io executor, after this returned); not null
     * @return whether closing may go ahead now
     */
    public boolean confirmClose(Runnable close) {
        if (files.busy()) {
            // a file is being written or read: closing now could stop a save half way through the app's work
            message.set(files.busyProperty().get() + " Close again when it is done, or press Cancel.");
            return false;
        }
        boolean[] returned = {false};
        boolean[] proceeded = {false};
        boolean started = confirmLeave(() -> {
            proceeded[0] = true;
            if (returned[0]) {
                close.run(); // a background save has ended after this method returned
            }
        });
        returned[0] = true;
        return started && proceeded[0];
    }

    /** The status of a file being read or written, or empty: what the window shows beside a progress indicator. */
    public ReadOnlyStringProperty busyProperty() {
        return files.busyProperty();
    }

    /**
     * Stops waiting for the file being read or written: the window goes on with the workspace it
     * shows. A read's result is dropped; a write cannot be taken back (the file is then the old
     * one or the new one, never a mix), and is only not waited for.
     */
    public void cancelBusy() {
        files.cancel();
    }

    /**
     * Runs {@code proceed} if there is nothing unsaved, or the user discards, or chose Save and
     * the save succeeded (later, with a background io executor).
     *
     * @return false if the user cancelled or the save could not start
     */
    private boolean confirmLeave(Runnable proceed) {
        if (!account.dirtyProperty().get()) {
            proceed.run();
            return true;
        }
        switch (dialogs.confirmDiscard(account.nameProperty().get())) {
            case SAVE:
                // edits typed while the file was written are asked about again, not dropped
                return save(() -> confirmLeave(proceed));
            case DISCARD:
                proceed.run();
                return true;
            default:
                return false;
        }
    }

    /** Counts the workspaces shown: a save that lands after another was shown changes nothing of it. */
    private long documents;

    private void show(Workspace ws, Path path) {
        documents++;
        account.load(ws);
        file.set(path);
    }

    private void markSaved() {
        account.markSaved();
        if (autosave != null) {
            autosave.discard();
        }
    }

    private String suggestedFileName() {
        String n = account.nameProperty().get().replaceAll("[\\\\/:*?\"<>|]", "_").strip();
        return (n.isEmpty() ? "workspace" : n) + WorkspaceFile.EXTENSION;
    }

    private static Path withExtension(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(WorkspaceFile.EXTENSION) ? p : p.resolveSibling(name + WorkspaceFile.EXTENSION);
    }

    // ---- properties -------------------------------------------------------------------------

    /** @return the open workspace's account */
    public AccountViewModel account() {
        return account;
    }

    /** @return the selected position's view-model, or null */
    public PositionViewModel position() {
        return account.selectedProperty().get();
    }

    /** @return the workspace's name */
    public ReadOnlyStringProperty workspaceNameProperty() {
        return account.nameProperty();
    }

    /** @return {@code MarginLab — <workspace name>}, with {@code •} while there are unsaved changes */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** @return the workspace's file, or null for a new workspace or a sample */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** @return whether there are unsaved changes */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return account.dirtyProperty();
    }

    /** @return the recent files, newest first */
    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    /** @return the last open's warnings (e.g. unknown fields ignored), or empty */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
