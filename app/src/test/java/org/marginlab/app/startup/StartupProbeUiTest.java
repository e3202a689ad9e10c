package org.marginlab.app.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The start-up probe, the window icons and the bare window, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class StartupProbeUiTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty(StartupProbe.REPORT_PROPERTY);
        System.clearProperty(StartupProbe.EXIT_PROPERTY);
    }

    @Test
    void reportsTheFirstFrameOnceWhenAskedTo(FxRobot robot) throws Exception {
        System.setProperty(StartupProbe.REPORT_PROPERTY, "true");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            robot.interact(() -> {
                stage.setScene(new Scene(new Label("probe"), 200, 100));
                stage.show();
                StartupProbe.afterShown(stage);
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> captured.toString(StandardCharsets.UTF_8).contains(StartupProbe.LINE_PREFIX));
            // more pulses print nothing more
            robot.interact(() -> ((Label) stage.getScene().getRoot()).setText("changed"));
            WaitForAsyncUtils.waitForFxEvents();
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).matches("(?s)" + StartupProbe.LINE_PREFIX + "\\d+\\R");
        long ms = Long.parseLong(out.strip().substring(StartupProbe.LINE_PREFIX.length()));
        assertThat(ms).isPositive();
        assertThat(stage.isShowing()).isTrue(); // no exit without marginlab.startup.exit
    }

    @Test
    void reportsTheWholeWindowOnceReadyAndRunsDeferredWorkAfterAFrame(FxRobot robot) throws Exception {
        System.setProperty(StartupProbe.REPORT_PROPERTY, "true");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        boolean[] deferredRan = {false};
        try {
            robot.interact(() -> {
                Scene scene = new Scene(new Label("first"), 200, 100);
                stage.setScene(scene);
                stage.show();
                StartupProbe.afterShown(stage);
                StartupProbe.afterNextFrame(scene, () -> {
                    deferredRan[0] = true;
                    scene.setRoot(new Label("whole window"));
                    StartupProbe.ready(stage);
                });
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> captured.toString(StandardCharsets.UTF_8).contains(StartupProbe.READY_PREFIX));
        } finally {
            System.setOut(original);
        }
        assertThat(deferredRan[0]).isTrue();
        String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\\R");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith(StartupProbe.LINE_PREFIX);
        assertThat(lines[1]).startsWith(StartupProbe.READY_PREFIX);
        long first = Long.parseLong(lines[0].substring(StartupProbe.LINE_PREFIX.length()));
        long ready = Long.parseLong(lines[1].substring(StartupProbe.READY_PREFIX.length()));
        assertThat(ready).isGreaterThanOrEqualTo(first);
        assertThat(((Label) stage.getScene().getRoot()).getText()).isEqualTo("whole window");
    }

    @Test
    void isSilentByDefault(FxRobot robot) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            robot.interact(() -> {
                stage.setScene(new Scene(new Label("quiet"), 200, 100));
                stage.show();
                StartupProbe.afterShown(stage);
            });
            WaitForAsyncUtils.waitForFxEvents(5);
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(StartupProbe.LINE_PREFIX);
    }

    @Test
    void millisSinceProcessStartAgreesWithTheProcessStartInstant() {
        long probe = StartupProbe.millisSinceProcessStart();
        long handle = ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(probe);
        assertThat(probe).isPositive();
        // ProcessHandle on Linux counts from the boot time in whole seconds: up to ~1 s apart
        assertThat(Math.abs(probe - handle)).isLessThan(2_000);
    }

    @Test
    void onlyTrueTurnsItOn() {
        System.setProperty(StartupProbe.EXIT_PROPERTY, "TRUE ");
        assertThat(StartupProbe.enabled(StartupProbe.EXIT_PROPERTY, "MARGINLAB_NO_SUCH_VARIABLE")).isTrue();
        System.setProperty(StartupProbe.EXIT_PROPERTY, "yes");
        assertThat(StartupProbe.enabled(StartupProbe.EXIT_PROPERTY, "MARGINLAB_NO_SUCH_VARIABLE")).isFalse();
    }

    @Test
    void windowIconsAreEveryBundledSize(FxRobot robot) throws Exception {
        assertThat(AppIcons.load()).extracting(image -> (int) image.getWidth())
                .containsExactlyElementsOf(AppIcons.SIZES);
        robot.interact(() -> AppIcons.apply(stage));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stage.getIcons().size() == AppIcons.SIZES.size());
        assertThat(stage.getIcons()).allSatisfy(image -> assertThat(image.isError()).isFalse());
    }

    @Test
    void bareWindowShowsOneLabel(FxRobot robot) {
        robot.interact(() -> new BareWindow().start(stage));
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getScene().getRoot()).isInstanceOf(Label.class);
    }
}
