package org.marginlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginlab.app.model.InputField;
import org.marginlab.app.workspace.DocumentDialogs.Discard;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.Samples;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.app.workspace.WorkspaceFile;

/**
 * Issue "Nothing lost, nothing frozen": files are read and written on the io executor, never on
 * the thread that runs the commands (the JavaFX thread in the app). Here the io executor is a
 * queue the test runs by hand, so "while the file is being read" lasts as long as the test
 * wants: the window meanwhile shows the workspace it had, says what is under way, can stop
 * waiting, and edits made during a save stay unsaved.
 */
class FileIoOffTheFxThreadTest {
    @TempDir
    Path dir;

    private final org.marginlab.app.ui.HeldExecutor io = new org.marginlab.app.ui.HeldExecutor();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    private AppViewModel model() {
        AppViewModel vm = new AppViewModel(Locale.US, new RecentFiles(dir.resolve("recent.txt")), dialogs);
        vm.openSample(Samples.BTC_LONG_ISOLATED);
        vm.setFileExecutors(io, Runnable::run);
        return vm;
    }

    private Path faqFile() throws Exception {
        Path file = dir.resolve("faq.marginlab");
        WorkspaceFile.write(Samples.open(Samples.BINANCE_FAQ_CROSS), file);
        return file;
    }

    @Test
    void open_readsOnTheIoExecutor_andTheWindowKeepsItsWorkspaceUntilTheReadEnds() throws Exception {
        AppViewModel vm = model();
        Path file = faqFile();

        assertThat(vm.open(file)).as("started").isTrue();

        assertThat(io.size()).as("the read waits on the io executor").isEqualTo(1);
        assertThat(vm.busyProperty().get()).isEqualTo("Opening faq.marginlab…");
        assertThat(vm.workspaceNameProperty().get()).isEqualTo("BTC long (isolated)");
        // the file is read when the io executor runs, not when open() was called
        Workspace changed = Samples.open(Samples.BINANCE_FAQ_CROSS);
        WorkspaceFile.write(new Workspace("Changed meanwhile", changed.venueId(), changed.walletBalance(),
                changed.positions()), file);

        io.runAll();

        assertThat(vm.busyProperty().get()).isEmpty();
        assertThat(vm.workspaceNameProperty().get()).isEqualTo("Changed meanwhile");
        assertThat(vm.fileProperty().get()).isEqualTo(file);
    }

    @Test
    void cancel_stopsWaiting_andTheReadsResultIsDropped() throws Exception {
        AppViewModel vm = model();
        vm.open(faqFile());
        vm.cancelBusy();
        assertThat(vm.busyProperty().get()).isEmpty();
        io.runAll();
        assertThat(vm.workspaceNameProperty().get()).isEqualTo("BTC long (isolated)");
        assertThat(vm.fileProperty().get()).isNull();
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void aFailedRead_isReportedWhenItEnds_andChangesNothing() {
        AppViewModel vm = model();
        Path missing = dir.resolve("missing.marginlab");
        vm.open(missing);
        assertThat(dialogs.errors()).isEmpty();
        io.runAll();
        assertThat(dialogs.errors()).containsExactly("Could not open missing.marginlab: " + missing
                + ": no such file\n\nThe file was not changed; the open workspace stays as it was.");
        assertThat(vm.workspaceNameProperty().get()).isEqualTo("BTC long (isolated)");
    }

    @Test
    void save_writesOnTheIoExecutor_andAnEditMadeMeanwhileStaysUnsaved() throws Exception {
        AppViewModel vm = model();
        vm.position().textProperty(InputField.QUANTITY).set("0.6");
        dialogs.save = dir.resolve("mine.marginlab");

        assertThat(vm.saveAs()).as("started").isTrue();
        assertThat(Files.exists(dialogs.save)).as("nothing written on the calling thread").isFalse();
        assertThat(vm.busyProperty().get()).isEqualTo("Saving mine.marginlab…");
        vm.position().textProperty(InputField.QUANTITY).set("0.65"); // typed while the file is written

        io.runAll();

        assertThat(WorkspaceFile.read(dialogs.save).workspace().positions().get(0).quantity()).isEqualByComparingTo("0.6");
        assertThat(vm.fileProperty().get()).isEqualTo(dialogs.save);
        assertThat(vm.dirtyProperty().get()).as("0.65 was typed after the save began").isTrue();
    }

    @Test
    void closeWithSave_closesTheWindowOnlyOnceTheFileIsWritten() {
        AppViewModel vm = model();
        vm.position().textProperty(InputField.QUANTITY).set("0.6");
        dialogs.discard = Discard.SAVE;
        dialogs.save = dir.resolve("closing.marginlab");
        int[] closed = {0};

        assertThat(vm.confirmClose(() -> closed[0]++)).as("not yet: the save is under way").isFalse();
        assertThat(closed[0]).isZero();

        io.runAll();

        assertThat(closed[0]).isEqualTo(1);
        assertThat(Files.exists(dialogs.save)).isTrue();
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void theRecentFilesList_isWrittenOnTheIoExecutor() throws Exception {
        AppViewModel vm = model();
        vm.open(faqFile());
        io.runOne(); // the read, whose landing adds the file to the list and queues its write
        assertThat(vm.recentFiles()).hasSize(1);
        assertThat(dir.resolve("recent.txt")).as("written only when the io executor runs").doesNotExist();
        io.runAll();
        assertThat(Files.readAllLines(dir.resolve("recent.txt"))).containsExactly(dir.resolve("faq.marginlab").toString());
    }

    @Test
    void anEditTypedWhileTheFileIsRead_isAskedAboutBeforeTheFileReplacesIt() throws Exception {
        AppViewModel vm = model();
        vm.open(faqFile());
        vm.position().textProperty(InputField.QUANTITY).set("0.6"); // typed while the file is read
        dialogs.discard = Discard.CANCEL;

        io.runAll();

        assertThat(dialogs.discardQuestions).isEqualTo(1);
        assertThat(vm.workspaceNameProperty().get()).isEqualTo("BTC long (isolated)");
        assertThat(vm.position().textProperty(InputField.QUANTITY).get()).isEqualTo("0.6");
    }

    // ---- from the review of this change -------------------------------------------------------

    @Test
    void aSaveThatLandsAfterAnotherWorkspaceIsShown_leavesThatWorkspaceAlone() {
        AppViewModel vm = model();
        vm.position().textProperty(InputField.QUANTITY).set("0.6");
        dialogs.save = dir.resolve("a.marginlab");
        vm.saveAs();
        dialogs.discard = Discard.DISCARD;
        vm.newWorkspace(); // while A is written

        io.runAll();

        assertThat(vm.workspaceNameProperty().get()).isEqualTo("Untitled");
        assertThat(vm.fileProperty().get()).as("Untitled is not a.marginlab").isNull();
        assertThat(Files.exists(dialogs.save)).isTrue();
    }

    @Test
    void quitSave_withAnEditTypedWhileItWasWritten_asksAgainInsteadOfClosing() {
        AppViewModel vm = model();
        vm.position().textProperty(InputField.QUANTITY).set("0.6");
        dialogs.discard = Discard.SAVE;
        dialogs.save = dir.resolve("closing.marginlab");
        int[] closed = {0};
        assertThat(vm.confirmClose(() -> closed[0]++)).isFalse();
        vm.position().textProperty(InputField.QUANTITY).set("0.65"); // typed while the file is written
        dialogs.discard = Discard.CANCEL;

        io.runAll();

        assertThat(dialogs.discardQuestions).as("asked again about 0.65").isEqualTo(2);
        assertThat(closed[0]).isZero();
        assertThat(vm.position().textProperty(InputField.QUANTITY).get()).isEqualTo("0.65");
    }

    @Test
    void closingWhileAFileIsWritten_waitsForIt() {
        AppViewModel vm = model();
        vm.position().textProperty(InputField.QUANTITY).set("0.6");
        dialogs.save = dir.resolve("slow.marginlab");
        vm.saveAs();
        int[] closed = {0};
        assertThat(vm.confirmClose(() -> closed[0]++)).isFalse();
        assertThat(dialogs.discardQuestions).as("not asked: the save is under way").isZero();
        assertThat(vm.messageProperty().get()).isEqualTo("Saving slow.marginlab… Close again when it is done, or press Cancel.");
        io.runAll();
        assertThat(vm.confirmClose(() -> closed[0]++)).as("saved: it closes").isTrue();
    }

    @Test
    void aSaveThatFailsAfterTheUserStoppedWaiting_isStillReported() {
        AppViewModel vm = model();
        vm.position().textProperty(InputField.QUANTITY).set("0.6");
        dialogs.save = dir.resolve("no-such-folder").resolve("x.marginlab");
        vm.saveAs();
        vm.cancelBusy();
        io.runAll();
        assertThat(vm.messageProperty().get()).startsWith("Could not save x.marginlab: ")
                .contains("does not exist").doesNotContain(".tmp");
        assertThat(vm.dirtyProperty().get()).isTrue();
    }

    @Test
    void dontSaveThenOpen_asksOnlyOnce() throws Exception {
        AppViewModel vm = model();
        vm.position().textProperty(InputField.QUANTITY).set("0.6");
        dialogs.discard = Discard.DISCARD;
        vm.open(faqFile());
        io.runAll();
        assertThat(dialogs.discardQuestions).isEqualTo(1);
        assertThat(vm.workspaceNameProperty().get()).isEqualTo(Samples.open(Samples.BINANCE_FAQ_CROSS).name());
    }
}
