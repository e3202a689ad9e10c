package org.marginlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.Samples;
import org.marginlab.app.workspace.WorkspaceFile;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A file that takes long to read (here: an io executor the test holds) never freezes the window:
 * after {@link MainView#BUSY_AFTER} the header says "Opening …" with a spinner and Cancel, the
 * workspace on screen stays usable, and Cancel goes on with it.
 */
@ExtendWith(ApplicationExtension.class)
class FileBusyUiTest {
    private final Queue<Runnable> held = new ArrayDeque<>();
    private final Executor io = held::add;
    private AppViewModel app;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        app = new AppViewModel(Locale.US, new RecentFiles(null), new ScriptedDialogs());
        app.openSample(Samples.BTC_LONG_ISOLATED);
        app.setFileExecutors(io, Runnable::run);
        Scene scene = MarginLabApp.createScene(app);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aSlowRead_showsWhatIsUnderWay_andCancelGoesOnWithTheWorkspaceOnScreen(FxRobot robot) throws Exception {
        Path file = dir.resolve("faq.marginlab");
        WorkspaceFile.write(Samples.open(Samples.BINANCE_FAQ_CROSS), file);
        Node busy = robot.lookup("#fileBusy").query();
        assertThat(busy.isVisible()).isFalse();

        robot.interact(() -> app.open(file));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, busy::isVisible);
        assertThat(robot.lookup("#fileBusy .label").queryAllAs(Label.class))
                .anyMatch(l -> "Opening faq.marginlab…".equals(l.getText()));
        // the window still answers: typing goes on while the file is read
        robot.interact(() -> app.position().textProperty(org.marginlab.app.model.InputField.QUANTITY).set("0.6"));
        assertThat(app.position().textProperty(org.marginlab.app.model.InputField.QUANTITY).get()).isEqualTo("0.6");

        robot.clickOn("#fileBusyCancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(busy.isVisible()).isFalse();
        robot.interact(() -> held.forEach(Runnable::run)); // the read ends after all: its result is dropped
        assertThat(app.workspaceNameProperty().get()).isEqualTo("BTC long (isolated)");
    }
}
