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
 * The app shows a light first frame and builds the rest of its window right after it; once
 * that whole window has been rendered ({@link #ready(Stage)}) the probe prints
 * <pre>MARGINLAB_READY_MS=&lt;milliseconds since the JVM process started&gt;</pre>
 * With {@value #EXIT_PROPERTY}{@code =true} (or {@value #EXIT_ENV}{@code =true}) it then exits
 * the application ({@link Platform#exit()}), so scripts can measure start-up, smoke-test the
 * window and run a CDS/AOT training run (which so covers the whole window).
 * {@code installers/measure-startup.sh} and the CI smoke test use it.
 *
 * <p>When neither is set, {@link #afterShown(Stage)} and {@link #ready(Stage)} do nothing and
 * cost nothing. {@link #mark(String)} prints start-up phases with {@value #TRACE_PROPERTY}.
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
    /** The prefix of the line printed once the whole window has been rendered. */
    public static final String READY_PREFIX = "MARGINLAB_READY_MS=";

    /** System property that prints a time stamp at each start-up phase ({@link #mark(String)}). */
    public static final String TRACE_PROPERTY = "marginlab.startup.trace";
    /** Environment variable that prints a time stamp at each start-up phase. */
    public static final String TRACE_ENV = "MARGINLAB_STARTUP_TRACE";

    private static final boolean TRACE = enabled(TRACE_PROPERTY, TRACE_ENV);

    /** If {@link Platform#exit()} leaves non-daemon threads behind, the JVM is ended after this. */
    private static final long EXIT_GRACE_MS = 10_000;

    private StartupProbe() {
    }

    /**
     * Call once from {@code Application.start(Stage)}, before or right after
     * {@code stage.show()}: reports the first frame ({@value #LINE_PREFIX}). Does nothing
     * unless the report or the exit is turned on.
     *
     * @param stage  the primary stage, not null
     */
    public static void afterShown(Stage stage) {
        if (!enabled(REPORT_PROPERTY, REPORT_ENV) && !enabled(EXIT_PROPERTY, EXIT_ENV)) {
            return;
        }
        whenShown(stage, () -> afterNextFrame(stage.getScene(), () -> print(LINE_PREFIX, "first frame rendered")));
    }

    /**
     * Call once the whole window is built (for an app that shows a lighter first frame and
     * builds the rest after it; right after {@link #afterShown(Stage)} otherwise): once that is
     * rendered it reports {@value #READY_PREFIX} and then, with {@value #EXIT_PROPERTY}, exits.
     * Does nothing unless the report or the exit is turned on.
     *
     * @param stage  the primary stage, not null
     */
    public static void ready(Stage stage) {
        if (!enabled(REPORT_PROPERTY, REPORT_ENV) && !enabled(EXIT_PROPERTY, EXIT_ENV)) {
            return;
        }
        whenShown(stage, () -> afterNextFrame(stage.getScene(), () -> {
            print(READY_PREFIX, "whole window rendered");
            if (enabled(EXIT_PROPERTY, EXIT_ENV)) {
                exit();
            }
        }));
    }

    /**
     * Runs an action on the JavaFX Application Thread once the scene's next frame has been
     * rendered: at the first pulse from now the scene is laid out and its frame goes to the
     * render thread; the pulse after that starts only once that frame has been rendered
     * (JavaFX does not start a pulse while the previous frame is still being rendered), and the
     * action runs right after it. Always on, unlike the reports; the app uses it to build what
     * can wait until after its first frame.
     *
     * @param scene   the scene, not null (its window shown, or about to be)
     * @param action  what to run, not null
     */
    public static void afterNextFrame(Scene scene, Runnable action) {
        Runnable[] listener = new Runnable[1];
        int[] pulses = {0};
        listener[0] = () -> {
            pulses[0]++;
            if (pulses[0] == 1) {
                Platform.requestNextPulse();
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    private static void whenShown(Stage stage, Runnable action) {
        if (stage.isShowing()) {
            action.run();
        } else {
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<WindowEvent>() {
                @Override
                public void handle(WindowEvent event) {
                    stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                    action.run();
                }
            });
        }
    }

    /**
     * With {@value #TRACE_PROPERTY}{@code =true} (or {@value #TRACE_ENV}{@code =true}), prints
     * {@code MARGINLAB_STARTUP_PHASE <ms since process start> <thread> <phase>} to standard
     * error; otherwise does nothing.
     *
     * @param phase  what has just been done, not null
     */
    public static void mark(String phase) {
        if (TRACE) {
            System.err.println("MARGINLAB_STARTUP_PHASE " + millisSinceProcessStart() + " "
                    + Thread.currentThread().getName() + " " + phase);
        }
    }

    private static void print(String prefix, String phase) {
        long ms = millisSinceProcessStart();
        mark(phase);
        System.out.println(prefix + ms);
        System.out.flush();
    }

    private static void exit() {
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
