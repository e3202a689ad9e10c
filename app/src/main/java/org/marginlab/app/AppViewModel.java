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

    /** @param venueId  the venue of new workspaces, or null for the current one */
    public void setDefaultVenue(String venueId) {
        this.defaultVenue = venueId;
    }

    /**
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
        this.recent = Objects.requireNonNull(recent, "recent");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        recentFiles.setAll(recent.list());
        title.bind(Bindings.createStringBinding(
                () -> APP_NAME + " — " + account.nameProperty().get() + (account.dirtyProperty().get() ? " •" : ""),
                account.nameProperty(), account.dirtyProperty()));
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

    /** @param dialogs  how to ask the user from now on, not null */
    public void setDialogs(DocumentDialogs dialogs) {
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
    }

    // ---- document commands ------------------------------------------------------------------

    /** Starts an empty workspace on the current venue, after asking to save unsaved changes. */
    public void newWorkspace() {
        if (!confirmLeave()) {
            return;
        }
        Workspace empty = new Workspace("Untitled", defaultVenue == null ? account.venueProperty().get().id() : defaultVenue,
                new BigDecimal("10000"), List.of());
        show(empty, null);
        account.addPosition();
        markSaved();
    }

    /** Asks for a file and opens it (after asking to save unsaved changes). */
    public void open() {
        if (!confirmLeave()) {
            return;
        }
        dialogs.chooseFileToOpen().ifPresent(this::openWithoutAsking);
    }

    /**
     * Opens a file, after asking to save unsaved changes.
     *
     * @param path  the file, not null
     * @return whether it was opened
     */
    public boolean open(Path path) {
        return confirmLeave() && openWithoutAsking(path);
    }

    private boolean openWithoutAsking(Path path) {
        try {
            ReadResult read = WorkspaceFile.read(path);
            show(read.workspace(), path);
            recent.add(path);
            recentFiles.setAll(recent.list());
            message.set(read.warnings().isEmpty() ? "" : String.join(" ", read.warnings()));
            markSaved();
            return true;
        } catch (WorkspaceException | ValidationException e) {
            dialogs.showError("Could not open " + path.getFileName(),
                    e.getMessage() + "\n\nThe file was not changed; the open workspace stays as it was.");
            return false;
        }
    }

    /**
     * Opens a bundled sample (after asking to save unsaved changes); it has no file, so Save asks
     * where to save it.
     *
     * @param sampleName  one of {@link Samples#names()}, not null
     */
    public void openSample(String sampleName) {
        if (!confirmLeave()) {
            return;
        }
        show(Samples.open(sampleName), null);
        markSaved();
    }

    /**
     * Saves to the workspace's file, or asks where (Save As) if it has none.
     *
     * @return whether it was saved
     */
    public boolean save() {
        Path target = file.get();
        if (target == null) {
            return saveAs();
        }
        return saveTo(target);
    }

    /**
     * Asks where to save and saves there.
     *
     * @return whether it was saved
     */
    public boolean saveAs() {
        Optional<Path> target = dialogs.chooseFileToSave(suggestedFileName());
        return target.isPresent() && saveTo(withExtension(target.get()));
    }

    private boolean saveTo(Path target) {
        Workspace ws;
        try {
            ws = account.toWorkspace();
        } catch (ValidationException e) {
            dialogs.showError("Cannot save yet", e.getMessage()
                    + "\n\nFix the highlighted field, then save again. Nothing was written.");
            return false;
        }
        try {
            WorkspaceFile.write(ws, target);
        } catch (IOException | RuntimeException e) {
            dialogs.showError("Could not save " + target.getFileName(), String.valueOf(e.getMessage())
                    + "\n\nThe previous file, if any, is unchanged.");
            return false;
        }
        file.set(target);
        recent.add(target);
        recentFiles.setAll(recent.list());
        markSaved();
        return true;
    }

    /**
     * Asks whether to save unsaved changes before the window closes.
     *
     * @return whether closing may go ahead
     */
    public boolean confirmClose() {
        return confirmLeave();
    }

    private boolean confirmLeave() {
        if (!account.dirtyProperty().get()) {
            return true;
        }
        switch (dialogs.confirmDiscard(account.nameProperty().get())) {
            case SAVE:
                return save();
            case DISCARD:
                return true;
            default:
                return false;
        }
    }

    private void show(Workspace ws, Path path) {
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
