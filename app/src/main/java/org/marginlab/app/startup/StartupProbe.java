package org.marginlab.app.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Start-up measurement and smoke-test hook, off unless asked for.
 *
 * <p>With the system property {@value #REPORT_PROPERTY}{@code =true} (or the environment
 * variable {@value #REPORT_ENV}{@code =true}), once the stage is shown the probe waits for the
 * first pulse after it, asks for one more pulse (JavaFX starts a pulse only after the previous
 * frame has been rendered) and then prints one line to standard output:
 * <pre>MARGINLAB_FIRST_FRAME_MS=&lt;milliseconds since the JVM process started&gt;</pre>
 * With {@value #EXIT_PROPERTY}{@code =true} (or {@value #EXIT_ENV}{@code =true}) it then exits
 * the application ({@link Platform#exit()}), so scripts can measure start-up, smoke-test the
 * window and run a CDS/AOT training run. {@code installers/measure-startup.sh} and the CI smoke
 * test use it.
 *
 * <p>When neither is set, {@link #afterShown(Stage)} does nothing and costs nothing.
 */
public final class StartupProbe {
    /** System property that turns the report on. */
    public static final String REPORT_PROPERTY = "marginlab.startup.report";
    /** Environment variable that turns the report on. */
    public static final String REPORT_ENV = "MARGINLAB_STARTUP_REPORT";
    /** System property that makes the app exit after the report. */
    public static final String EXIT_PROPERTY = "marginlab.startup.exit";
    /** Environment variable that makes the app exit after the report. */
    public static final String EXIT_ENV = "MARGINLAB_STARTUP_EXIT";
    /** The prefix of the line printed to standard output. */
    public static final String LINE_PREFIX = "MARGINLAB_FIRST_FRAME_MS=";

    /** If {@link Platform#exit()} leaves non-daemon threads behind, the JVM is ended after this. */
    private static final long EXIT_GRACE_MS = 10_000;

    private StartupProbe() {
    }

    /**
     * Call once from {@code Application.start(Stage)}, before or right after
     * {@code stage.show()}. Does nothing unless the report is turned on.
     *
     * @param stage  the primary stage, not null
     */
    public static void afterShown(Stage stage) {
        if (!enabled(REPORT_PROPERTY, REPORT_ENV) && !enabled(EXIT_PROPERTY, EXIT_ENV)) {
            return;
        }
        if (stage.isShowing()) {
            waitForFirstFrame(stage);
        } else {
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<WindowEvent>() {
                @Override
                public void handle(WindowEvent event) {
                    stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                    waitForFirstFrame(stage);
                }
            });
        }
    }

    private static void waitForFirstFrame(Stage stage) {
        Scene scene = stage.getScene();
        if (scene == null) {
            // nothing to paint: report at the next pulse of the toolkit
            Platform.runLater(StartupProbe::report);
            return;
        }
        Runnable[] listener = new Runnable[1];
        int[] pulses = {0};
        listener[0] = () -> {
            pulses[0]++;
            if (pulses[0] == 1) {
                // the first pulse after show: laid out, its frame now goes to the render thread;
                // the next pulse starts only once that frame has been rendered
                Platform.requestNextPulse();
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            report();
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    private static void report() {
        long ms = millisSinceProcessStart();
        System.out.println(LINE_PREFIX + ms);
        System.out.flush();
        if (enabled(EXIT_PROPERTY, EXIT_ENV)) {
            Thread guard = new Thread(() -> {
                try {
                    Thread.sleep(EXIT_GRACE_MS);
                } catch (InterruptedException e) {
                    return;
                }
                System.exit(0);
            }, "marginlab-startup-exit");
            guard.setDaemon(true);
            guard.start();
            Platform.exit();
        }
    }

    /**
     * @return milliseconds since this JVM's process started: on Linux from {@code /proc} (clock
     *         ticks, 10 ms resolution, the same clock for start and now); elsewhere from
     *         {@link ProcessHandle.Info#startInstant()}; -1 if unknown
     */
    public static long millisSinceProcessStart() {
        Optional<Long> fromProc = linuxMillisSinceStart();
        if (fromProc.isPresent()) {
            return fromProc.get();
        }
        // Linux computes startInstant from the boot time in whole seconds, hence /proc first
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis())
                .orElse(-1L);
    }

    static Optional<Long> linuxMillisSinceStart() {
        try {
            Path stat = Path.of("/proc/self/stat");
            Path uptime = Path.of("/proc/uptime");
            if (!Files.isReadable(stat) || !Files.isReadable(uptime)) {
                return Optional.empty();
            }
            String s = Files.readString(stat, StandardCharsets.US_ASCII);
            // fields after the command name "(...)", which may itself contain spaces
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
            long startTicks = Long.parseLong(f[19]); // field 22 of proc(5): starttime
            String up = Files.readString(uptime, StandardCharsets.US_ASCII).trim().split(" ")[0];
            double upSeconds = Double.parseDouble(up);
            long ms = Math.round(upSeconds * 1000) - startTicks * 1000 / USER_HZ;
            return ms >= 0 ? Optional.of(ms) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The unit of {@code /proc} times on Linux (sysconf(_SC_CLK_TCK)), 100 on every Linux ABI. */
    private static final long USER_HZ = 100;

    static boolean enabled(String property, String env) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(env);
        }
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
    }
}
