package org.marginlab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Work handed to an {@link AfterLayoutExecutor} reaches its executor after the layout pass of the
 * scene's next pulse (not beside the edit that asked for it), also when nothing else asks for a
 * pulse, in order, and at once when the scene is in no showing window.
 */
@ExtendWith(ApplicationExtension.class)
class AfterLayoutExecutorUiTest {
    /** A region that counts its layout passes. */
    private static final class Probe extends Region {
        final AtomicInteger layouts = new AtomicInteger();

        @Override
        protected void layoutChildren() {
            layouts.incrementAndGet();
        }
    }

    private final Probe probe = new Probe();
    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = new Scene(new Group(probe), 200, 100);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void workAskedForDuringAnEdit_reachesItsExecutorAfterThatEditsLayoutPass(FxRobot robot) throws Exception {
        AfterLayoutExecutor later = WaitForAsyncUtils.asyncFx(() -> AfterLayoutExecutor.of(scene, Runnable::run)).get();
        AtomicInteger layoutsBefore = new AtomicInteger();
        AtomicInteger layoutsSeen = new AtomicInteger(-1);
        AtomicInteger ranDuringTheEdit = new AtomicInteger(-1);
        robot.interact(() -> {
            // the edit: it changes the scene (a layout is due) and asks for background work
            probe.requestLayout();
            layoutsBefore.set(probe.layouts.get());
            later.execute(() -> layoutsSeen.set(probe.layouts.get()));
            ranDuringTheEdit.set(layoutsSeen.get() == -1 ? 0 : 1);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> layoutsSeen.get() != -1);
        assertThat(ranDuringTheEdit.get()).as("handed over within the edit's own handler").isZero();
        assertThat(layoutsSeen.get()).as("layout passes done when the work was handed over")
                .isGreaterThan(layoutsBefore.get());
    }

    @Test
    void withNothingChanged_aPulseStillComes_andTheWorkKeepsItsOrder() throws Exception {
        AfterLayoutExecutor later = WaitForAsyncUtils.asyncFx(() -> AfterLayoutExecutor.of(scene, Runnable::run)).get();
        List<String> ran = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.waitForFxEvents();
        // from a thread other than the JavaFX thread, with no change in the scene
        later.execute(() -> ran.add("first"));
        later.execute(() -> ran.add("second"));
        later.execute(() -> ran.add("third"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> ran.size() == 3);
        assertThat(ran).containsExactly("first", "second", "third");
    }

    @Test
    void aSceneInNoShowingWindow_handsTheWorkOverAtOnce(FxRobot robot) {
        List<String> ran = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            Scene alone = new Scene(new Group(), 10, 10);
            AfterLayoutExecutor.of(alone, Runnable::run).execute(() -> ran.add("now"));
            // no pulse processes a scene without a window: waiting for one would never end
            assertThat(ran).containsExactly("now");
        });
        assertThat(ran).containsExactly("now");
    }
}
