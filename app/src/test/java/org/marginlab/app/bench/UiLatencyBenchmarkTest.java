package org.marginlab.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginlab.app.AppViewModel;
import org.marginlab.app.MarginLabApp;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.model.InputField;
import org.marginlab.app.position.Figure;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.ui.LatestOnly;
import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * UI latency benchmark: what a keystroke and a price-shock slider step cost the JavaFX thread on
 * cross workspaces of 200 and 1,000 positions (system property {@code bench.positions}, a
 * comma-separated list, for other sizes), on every tab ({@code bench.tab}, a tab's title, for
 * that one only). Not a timed unit test: it is tagged {@code benchmark}, excluded from
 * {@code mvn verify}, and run by the {@code bench} profile
 * ({@code mvn -B -pl app -am -Pbench verify -Dsurefire.failIfNoSpecifiedTests=false}); it prints
 * medians and percentiles with the targets of issue 16 ("Fast at every size") and issue 10, and
 * <b>fails when a keystroke's p99 on 1,000 positions exceeds {@value #KEYSTROKE_P99_1000_MS} ms on
 * any tab</b> on the machine that runs it (one frame at 60 Hz). It also asserts that the figures
 * really changed.
 *
 * <p><b>One step</b> is what the JavaFX thread does for one input, in wall time:
 * <ol>
 *   <li>the input itself (a mark price typed, or the slider moved one step), which evaluates the
 *       whole account once and pushes every row's figures, followed by the scene's own CSS and
 *       layout passes, as the next pulse runs them ({@code Scene.doCSSPass}, {@code doLayoutPass}:
 *       only the nodes the step changed are restyled; {@code Node.applyCss()} would restyle the
 *       whole scene, 2–5 ms that no pulse spends);</li>
 *   <li>plus every result that background work hands back to the JavaFX thread before the next
 *       step (the comparison's walks land there: its rows, sentences, figures and chart), each
 *       followed by the CSS and layout passes again.</li>
 * </ol>
 * Rendering to pixels is not included (the headless Monocle pipeline renders in software,
 * unlike a desktop GPU). The step's time is the sum of both: the JavaFX thread's whole cost of
 * one input. Each is followed by a {@code longest stretch} line: per step, the longest of its
 * parts (the input with its passes, or one landing with its passes), which is what delays the
 * frame after it.
 *
 * <p><b>Pace.</b> The first {@value #BACK_TO_BACK} warm-up steps run back to back, the next
 * {@code bench.pacedWarmup} (default 300) and the {@value #MEASURED} measured ones come at the
 * pace a user makes them: keystrokes {@value #KEYSTROKE_PACE_MS} ms apart (20 a second, faster than anyone
 * types), slider steps {@value #SLIDER_PACE_MS} ms apart (one per 60 Hz frame, the most a drag
 * delivers: JavaFX coalesces mouse drags to the pulse). Back-to-back steps would keep both cores
 * of the 2-core CI machine busy (the JavaFX thread, the worker, GC and JIT threads), and its
 * CPU quota then stalls the whole process for about 100 ms at a time, which says nothing about
 * the app. The paced warm-up is there because back-to-back steps leave little to land: without
 * it the first ~200 measured steps on the Isolated vs cross tab ran while the JIT was still
 * compiling what a landing runs (those steps' input alone took 10–25 ms), which put the
 * warm-up, not the steady state, in the p99.
 *
 * <p><b>Garbage collection.</b> Each line also counts the measured steps during which a
 * collection began (its pause is in the step's time) and gives the p99 of the others, to tell a
 * tail of pauses from a tail of work.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
public class UiLatencyBenchmarkTest {
    /** The workspace sizes measured, in order. */
    private static final int[] SIZES = Arrays.stream(System.getProperty("bench.positions", "200,1000").split(","))
            .map(String::strip).mapToInt(Integer::parseInt).toArray();
    /** Issue 16's target: a keystroke's p99 on 1,000 positions, on every tab, in milliseconds. */
    static final double KEYSTROKE_P99_1000_MS = 16;
    /** Issue 10's targets on 200 positions: keystroke p99 and shock step p99, milliseconds (reported, not asserted). */
    static final double KEYSTROKE_P99_200_MS = 8;
    static final double SHOCK_P99_200_MS = 16;
    /** The size of the workspace loaded now. */
    private int positions = SIZES[0];
    /** Warm-up steps run back to back (the engine and the rows compile). */
    private static final int BACK_TO_BACK = 300;
    /**
     * Warm-up steps then run at the measured pace (system property {@code bench.pacedWarmup}):
     * the results that background work hands back land only at a pace (back to back, the worker
     * drops all but the latest), so only paced steps compile what a landing runs.
     */
    private static final int PACED_WARMUP = Integer.getInteger("bench.pacedWarmup", 300);
    private static final int WARMUP = BACK_TO_BACK + PACED_WARMUP;
    private static final int MEASURED = 600;
    static final long KEYSTROKE_PACE_MS = 50;
    static final long SLIDER_PACE_MS = 17;

    private static final Method CSS_PASS;
    private static final Method LAYOUT_PASS;

    static {
        try {
            CSS_PASS = Scene.class.getDeclaredMethod("doCSSPass");
            LAYOUT_PASS = Scene.class.getDeclaredMethod("doLayoutPass");
            CSS_PASS.setAccessible(true);
            LAYOUT_PASS.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private AppViewModel model;
    private Scene scene;
    private Executor worker;
    /** FX-thread nanoseconds of the results landed while each step was the latest, by step. */
    private final AtomicReference<long[]> landed = new AtomicReference<>(new long[0]);
    /** FX-thread nanoseconds of the longest single result landed while each step was the latest, by step. */
    private final AtomicReference<long[]> longestLanding = new AtomicReference<>(new long[0]);
    private final AtomicInteger step = new AtomicInteger(-1);

    /**
     * @param size  how many positions
     * @return the benchmark's workspace: {@code size} cross positions, BTCUSDT and ETHUSDT
     *         alternately, longs and shorts, leverage 5–20, marks 2 % and 1 % from entry
     */
    public static Workspace workspace(int size) {
        List<Position> positions = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            boolean btc = i % 2 == 0;
            BigDecimal entry = new BigDecimal(btc ? 60000 + 10 * i : 3000 + i);
            positions.add(Position.builder().id("p" + i).symbol(btc ? "BTCUSDT" : "ETHUSDT")
                    .side(i % 3 == 0 ? Side.SHORT : Side.LONG).quantity(new BigDecimal(btc ? "0.05" : "0.8"))
                    .entryPrice(entry).markPrice(entry.multiply(new BigDecimal(i % 2 == 0 ? "0.98" : "1.01")))
                    .leverage(BigDecimal.valueOf(5 + i % 16)).marginMode(MarginMode.CROSS).build());
        }
        return new Workspace(size + " positions", "binance-usdm", new BigDecimal("2000000"), positions);
    }

    @Start
    void start(Stage stage) {
        worker = LatestOnly.daemonThread("bench-worker");
        Executor timedFx = r -> Platform.runLater(() -> {
            long t0 = System.nanoTime();
            r.run();
            pulse();
            long spent = System.nanoTime() - t0;
            int i = step.get();
            long[] into = landed.get();
            if (i >= 0 && i < into.length) {
                into[i] += spent;
                longestLanding.get()[i] = Math.max(longestLanding.get()[i], spent);
            }
        });
        model = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE, worker, timedFx);
        model.account().load(workspace(positions));
        scene = MarginLabApp.createScene(model);
        stage.setScene(scene);
        stage.show();
    }

    /** The CSS and layout passes of the next pulse (only what is dirty), on the FX thread. */
    private void pulse() {
        try {
            CSS_PASS.invoke(scene);
            LAYOUT_PASS.invoke(scene);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the worker has nothing left and its results have landed on the FX thread. */
    private void settle() throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        CountDownLatch idle = new CountDownLatch(1);
        worker.execute(idle::countDown);
        assertThat(idle.await(60, TimeUnit.SECONDS)).as("the worker finished").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs the steps: the warm-up back to back, then each measured one at its slot; FX-thread nanos per step. */
    private long[] run(Runnable[] steps, long paceMillis) throws Exception {
        long[] nanos = new long[steps.length];
        gcAt = new long[steps.length + 1];
        landed.set(new long[steps.length]);
        longestLanding.set(new long[steps.length]);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                for (int i = 0; i < BACK_TO_BACK; i++) {
                    step.set(i);
                    long t0 = System.nanoTime();
                    steps[i].run();
                    pulse();
                    nanos[i] = System.nanoTime() - t0;
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        settle();
        long start = System.nanoTime();
        for (int i = BACK_TO_BACK; i < steps.length && failure.get() == null; i++) {
            long slot = start + (i - BACK_TO_BACK) * paceMillis * 1_000_000L;
            long wait = slot - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = i;
            WaitForAsyncUtils.asyncFx(() -> {
                try {
                    step.set(index);
                    gcAt[index] = collections();
                    long t0 = System.nanoTime();
                    steps[index].run();
                    pulse();
                    nanos[index] = System.nanoTime() - t0;
                } catch (Throwable t) {
                    failure.set(t);
                }
            }).get();
        }
        settle();
        step.set(-1);
        gcAt[steps.length] = collections();
        assertThat(failure.get()).isNull();
        long[] with = landed.get();
        long[] longest = longestLanding.get();
        int landings = 0;
        lastLongest = new long[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            lastLongest[i] = Math.max(nanos[i], longest[i]);
            nanos[i] += with[i];
            landings += i >= WARMUP && with[i] > 0 ? 1 : 0;
        }
        lastLandings = landings;
        return nanos;
    }

    /** The garbage collections counted when each step began (and after the last), of the last run. */
    private long[] gcAt = new long[0];

    /** @return the collections of every collector so far */
    private static long collections() {
        long n = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    /** How many measured steps of the last run had a background result land (the comparison's walks). */
    private int lastLandings;
    /**
     * Per step of the last run, the longest single stretch of the JavaFX thread it caused: the
     * input with its passes, or one landing with its passes. What delays the next frame.
     */
    private long[] lastLongest = new long[0];

    private String report(String name, long[] nanos) {
        long[] measured = Arrays.copyOfRange(nanos, WARMUP, nanos.length);
        Arrays.sort(measured);
        double median = measured[measured.length / 2] / 1e6;
        double p90 = percentile(measured, 0.9);
        double p99 = percentile(measured, 0.99);
        double max = measured[measured.length - 1] / 1e6;
        // the steps during which a garbage collection began (its pause is in the step's time)
        long[] quiet = java.util.stream.IntStream.range(WARMUP, nanos.length).filter(i -> gcAt[i + 1] == gcAt[i])
                .mapToLong(i -> nanos[i]).sorted().toArray();
        double quietP99 = quiet.length == 0 ? 0 : percentile(quiet, 0.99);
        return String.format(Locale.ROOT, "UI_LATENCY %-40s median %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms (n=%d, %d positions, %d with a landing; %d with a GC, p99 of the others %.2f ms)",
                name, median, p90, p99, max, measured.length, positions, lastLandings, measured.length - quiet.length, quietP99);
    }

    private Runnable[] keystrokes(AccountViewModel account) {
        Runnable[] steps = new Runnable[WARMUP + MEASURED];
        for (int i = 0; i < steps.length; i++) {
            PositionViewModel row = account.positions().get(i % positions);
            // a valid new mark each time (0.1 % steps), so every step changes the account: the step
            // follows the visit (i / positions), not i % 5, which is the same on every visit of a row
            // when the size is a multiple of 5, so that later visits would set the text it already had
            BigDecimal mark = new BigDecimal(row.textProperty(InputField.MARK_PRICE).get());
            String typed = mark.multiply(new BigDecimal("1.00" + (1 + (i / positions) % 5)))
                    .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
            steps[i] = () -> row.textProperty(InputField.MARK_PRICE).set(typed);
        }
        return steps;
    }

    private Runnable[] shockSteps(AccountViewModel account) {
        Runnable[] steps = new Runnable[WARMUP + MEASURED];
        for (int i = 0; i < steps.length; i++) {
            double value = -20 + (i % 40);
            steps[i] = () -> account.shockSliderProperty().set(value);
        }
        return steps;
    }

    @Test
    void keystrokeAndSliderStep_onEveryTab(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        List<String> missed = new ArrayList<>();
        String only = System.getProperty("bench.tab", "");
        int measuredTabs = 0;
        for (int size : SIZES) {
            if (size != positions) {
                positions = size;
                robot.interact(() -> model.account().load(workspace(size)));
                settle();
            }
            AccountViewModel account = model.account();
            PositionViewModel first = account.positions().get(0);
            String before = first.figureProperty(Figure.UNREALIZED_PNL).get();
            List<String> lines = new ArrayList<>();
            for (int t = 0; t < tabs.getTabs().size(); t++) {
                int index = t;
                if (!only.isEmpty() && !tabs.getTabs().get(t).getText().equals(only)) {
                    continue;
                }
                measuredTabs++;
                robot.interact(() -> tabs.getSelectionModel().select(index));
                settle();
                String tab = tabs.getTabs().get(t).getText();
                long[] keys = run(keystrokes(account), KEYSTROKE_PACE_MS);
                lines.add(report("keystroke (mark price), tab " + tab, keys));
                lines.add(report("  longest stretch, keystroke, tab " + tab, lastLongest));
                long[] shocks = run(shockSteps(account), SLIDER_PACE_MS);
                lines.add(report("shock slider step, tab " + tab, shocks));
                lines.add(report("  longest stretch, shock step, tab " + tab, lastLongest));
                double keyP99 = p99(keys);
                if (size == 1000) {
                    lines.add(target("keystroke p99", tab, size, keyP99, KEYSTROKE_P99_1000_MS));
                    if (keyP99 > KEYSTROKE_P99_1000_MS) {
                        missed.add(String.format(Locale.ROOT, "tab %s: keystroke p99 %.2f ms on 1,000 positions (target ≤ %.0f ms)",
                                tab, keyP99, KEYSTROKE_P99_1000_MS));
                    }
                } else if (size == 200) {
                    lines.add(target("keystroke p99", tab, size, keyP99, KEYSTROKE_P99_200_MS));
                    lines.add(target("shock step p99", tab, size, p99(shocks), SHOCK_P99_200_MS));
                }
            }
            lines.forEach(System.out::println);
            assertThat(first.figureProperty(Figure.UNREALIZED_PNL).get()).as("the figures followed the steps on %d positions", size)
                    .isNotEqualTo(before);
        }
        assertThat(measuredTabs).as("tabs measured").isEqualTo(SIZES.length * (only.isEmpty() ? tabs.getTabs().size() : 1));
        assertThat(missed).as("issue 16: a keystroke within one frame (p99 ≤ 16 ms) on 1,000 positions, on every tab").isEmpty();
    }

    private static double p99(long[] nanos) {
        long[] measured = Arrays.copyOfRange(nanos, WARMUP, nanos.length);
        Arrays.sort(measured);
        return percentile(measured, 0.99);
    }

    /** @return the {@code q} quantile of sorted nanoseconds, in milliseconds (the value at index ⌊n·q⌋) */
    private static double percentile(long[] sorted, double q) {
        return sorted[(int) (sorted.length * q)] / 1e6;
    }

    private static String target(String what, String tab, int size, double value, double target) {
        return String.format(Locale.ROOT, "UI_LATENCY   target %s, tab %s, %d positions: %.2f ms (≤ %.0f ms: %s)",
                what, tab, size, value, target, value <= target ? "met" : "MISSED");
    }
}
