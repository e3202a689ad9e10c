package org.marginlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.TextInputControlMatchers.hasText;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marginlab.app.workspace.Autosave;
import org.marginlab.app.workspace.DocumentDialogs.Discard;
import org.marginlab.app.workspace.WorkspaceFile;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File → Quit (Ctrl+Q) in the real application, headless (Monocle): with unsaved changes it asks
 * first, exactly as closing the window does. Cancel keeps the window, the edit and the autosave;
 * Discard closes; Save saves, then closes.
 */
@ExtendWith(ApplicationExtension.class)
class QuitUiTest {

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final Path dataFolder = Autosave.defaultFolder();
    private Stage stage;
    private MarginLabApp app;

    /**
     * The application gets a window of its own, not TestFX's shared primary stage: it sets a
     * minimum size, binds the title and handles the close request of its window, which must not
     * carry over into the UI tests that run after this one.
     */
    @Start
    void start(Stage primary) {
        System.setProperty("marginlab.locale", "en-US");
        Autosave.orphans(dataFolder).forEach(Autosave::remove); // no "restore?" question left over from another test
        stage = new Stage();
        app = new MarginLabApp();
        app.start(stage);
    }

    @BeforeEach
    void mainWindowWithAnUnsavedEdit(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> stage.getScene().getRoot() instanceof MainView);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> app.model().setDialogs(dialogs)); // in place of the real alerts
        assertThat(stage.getTitle()).isEqualTo("MarginLab — BTC long (isolated)");

        robot.clickOn("#quantity");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("0.7");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getTitle()).isEqualTo("MarginLab — BTC long (isolated) •");
    }

    @AfterEach
    void exitCleanly(FxRobot robot) {
        robot.interact(() -> {
            stage.setOnCloseRequest(null);
            stage.close();
            app.stop(); // what the platform calls at exit: the autosave goes
        });
        Autosave.orphans(dataFolder).forEach(Autosave::remove);
    }

    /** Whether this (running) instance's autosave is on disk: a folder of its own under autosave/. */
    private boolean autosaved() {
        Path root = dataFolder.resolve("autosave");
        if (!java.nio.file.Files.isDirectory(root)) {
            return false;
        }
        try (var folders = java.nio.file.Files.list(root)) {
            return folders.anyMatch(f -> java.nio.file.Files.isRegularFile(f.resolve("workspace.marginlab")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void quitAsksFirst_andCancelKeepsTheWindowTheEditAndTheAutosave(FxRobot robot) throws TimeoutException {
        dialogs.discard = Discard.CANCEL;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> autosaved());

        robot.push(KeyCode.CONTROL, KeyCode.Q);

        assertThat(dialogs.discardQuestions).as("Save changes? asked").isEqualTo(1);
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getTitle()).isEqualTo("MarginLab — BTC long (isolated) •");
        verifyThat("#quantity", hasText("0.7"));
        assertThat(autosaved()).isTrue();
    }

    @Test
    void quitAsksFirst_andDiscardClosesTheWindow(FxRobot robot) {
        dialogs.discard = Discard.DISCARD;

        robot.push(KeyCode.CONTROL, KeyCode.Q);

        assertThat(dialogs.discardQuestions).as("Save changes? asked").isEqualTo(1);
        assertThat(stage.isShowing()).isFalse();
    }

    @Test
    void quitAsksFirst_andSaveSavesThenClosesTheWindow(FxRobot robot, @TempDir Path folder) throws Exception {
        dialogs.discard = Discard.SAVE;
        dialogs.save = folder.resolve("quit.marginlab");

        robot.push(KeyCode.CONTROL, KeyCode.Q);

        assertThat(dialogs.discardQuestions).as("Save changes? asked").isEqualTo(1);
        // the file is written on the io thread; the window closes once it has been
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !stage.isShowing());
        assertThat(Files.exists(dialogs.save)).isTrue();
        assertThat(WorkspaceFile.read(dialogs.save).workspace().positions().get(0).quantity())
                .isEqualByComparingTo("0.7");
        assertThat(dialogs.errors()).isEmpty();
    }
}
