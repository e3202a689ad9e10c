package org.marginlab.app.bench;

import org.marginlab.app.model.InputField;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginlab.app.AppViewModel;
import org.marginlab.app.MainView;
import org.marginlab.app.MarginLabApp;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.compare.ComparisonView;
import org.marginlab.app.compare.ComparisonViewModel;
import org.marginlab.app.position.Figure;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.ui.LatestOnly;
import org.marginlab.app.ui.LazyTab;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * UI latency benchmark (issue: "on a 200-position workspace, a keystroke or a slider step
 * updates every table cell and chart in ≤ 16 ms"). Not a timed unit test: it is tagged
 * {@code benchmark}, excluded from {@code mvn verify}, and run by the {@code bench} profile
 * ({@code mvn -B -pl app -Pbench verify}); it prints medians and percentiles and asserts only
 * that the figures really changed.
 *
 * <p>One step = set one input on the FX thread (what a keystroke or a slider tick does), which
 * re-evaluates the whole 200-position cross account and pushes every row's figures, then run
 * the CSS and layout pass of the whole scene ({@code applyCss} + {@code layout}), so that every
 * visible table cell and chart has taken the new values. Rendering to pixels is not included
 * (the headless Monocle pipeline renders in software, unlike a desktop GPU).
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
public class UiLatencyBenchmarkTest {
    private static final int POSITIONS = 200;
    private static final int WARMUP = 300;
    private static final int MEASURED = 600;

    private AppViewModel model;
    private Scene scene;

    public static Workspace workspace() {
        List<Position> positions = new ArrayList<>();
        for (int i = 0; i < POSITIONS; i++) {
            boolean btc = i % 2 == 0;
            BigDecimal entry = new BigDecimal(btc ? 60000 + 10 * i : 3000 + i);
            positions.add(Position.builder().id("p" + i).symbol(btc ? "BTCUSDT" : "ETHUSDT")
                    .side(i % 3 == 0 ? Side.SHORT : Side.LONG).quantity(new BigDecimal(btc ? "0.05" : "0.8"))
                    .entryPrice(entry).markPrice(entry.multiply(new BigDecimal(i % 2 == 0 ? "0.98" : "1.01")))
                    .leverage(BigDecimal.valueOf(5 + i % 16)).marginMode(MarginMode.CROSS).build());
        }
        return new Workspace("200 positions", "binance-usdm", new BigDecimal("2000000"), positions);
    }

    @Start
    void start(Stage stage) {
        model = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        model.account().load(workspace());
        scene = MarginLabApp.createScene(model);
        stage.setScene(scene);
        stage.show();
    }

    private long[] run(Runnable[] steps) {
        long[] nanos = new long[steps.length];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        javafx.application.Platform.runLater(() -> {
            try {
                Parent root = scene.getRoot();
                for (int i = 0; i < steps.length; i++) {
                    long t0 = System.nanoTime();
                    steps[i].run();
                    root.applyCss();
                    root.layout();
                    nanos[i] = System.nanoTime() - t0;
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(failure.get()).isNull();
        return nanos;
    }

    private static String report(String name, long[] nanos) {
        return report(name, nanos, WARMUP);
    }

    private static String report(String name, long[] nanos, int warmup) {
        long[] measured = Arrays.copyOfRange(nanos, warmup, nanos.length);
        Arrays.sort(measured);
        double median = measured[measured.length / 2] / 1e6;
        double p90 = measured[(int) (measured.length * 0.9)] / 1e6;
        double p99 = measured[(int) (measured.length * 0.99)] / 1e6;
        double max = measured[measured.length - 1] / 1e6;
        return String.format(Locale.ROOT, "UI_LATENCY %-40s median %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms (n=%d, %d positions)",
                name, median, p90, p99, max, measured.length, POSITIONS);
    }

    private Runnable[] keystrokes(AccountViewModel account) {
        Runnable[] steps = new Runnable[WARMUP + MEASURED];
        for (int i = 0; i < steps.length; i++) {
            PositionViewModel row = account.positions().get(i % POSITIONS);
            // a valid new mark each time (0.1 % steps), so every step changes the account: the step
            // follows the visit (i / POSITIONS), not i % 5, which is the same on every visit of a row
            // (POSITIONS is a multiple of 5), so that later visits set the text it already had
            BigDecimal mark = new BigDecimal(row.textProperty(InputField.MARK_PRICE).get());
            String typed = mark.multiply(new BigDecimal("1.00" + (1 + (i / POSITIONS) % 5)))
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

    /**
     * The comparison walks off the FX thread, so a keystroke on its tab costs little there, but
     * the walk's result still lands on the FX thread (rows, sentences, figures, chart). The steps
     * above come back to back, so most landings are superseded and never happen; here each
     * keystroke waits for its landing, and both are timed on the FX thread (the landing with the
     * CSS and layout pass after it), as when a user types slower than a walk.
     */
    @Test
    void keystrokeThenItsComparisonLanding() throws Exception {
        int warmup = 100;
        int measured = 300;
        AppViewModel app = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        AccountViewModel account = app.account();
        account.load(workspace());
        long[] keystroke = new long[warmup + measured];
        long[] landing = new long[warmup + measured];
        AtomicInteger landings = new AtomicInteger();
        AtomicInteger index = new AtomicInteger(-1);
        AtomicReference<Parent> root = new AtomicReference<>();
        Executor timedFx = r -> javafx.application.Platform.runLater(() -> {
            long t0 = System.nanoTime();
            r.run();
            root.get().applyCss();
            root.get().layout();
            int i = index.get();
            if (i >= 0) {
                landing[i] += System.nanoTime() - t0;
            }
            landings.incrementAndGet();
        });
        LazyTab compare = new LazyTab("Isolated vs cross", "compareTab", "mdi2s-scale-balance",
                () -> new ComparisonView(new ComparisonViewModel(account, LatestOnly.daemonThread("bench-compare"), timedFx)));
        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            Scene sc = new Scene(new MainView(app, () -> { }, compare), 1280, 880);
            sc.getStylesheets().add(MarginLabApp.class.getResource("app.css").toExternalForm());
            s.setScene(sc);
            s.show();
            root.set(sc.getRoot());
            ((TabPane) sc.lookup("#mainTabs")).getSelectionModel().select(1);
            return s;
        }).get();
        awaitLandings(landings, 1);
        Runnable[] steps = keystrokes(account);
        for (int i = 0; i < warmup + measured; i++) {
            int step = i;
            int before = landings.get();
            index.set(i);
            WaitForAsyncUtils.asyncFx(() -> {
                long t0 = System.nanoTime();
                steps[step].run();
                root.get().applyCss();
                root.get().layout();
                keystroke[step] = System.nanoTime() - t0;
            }).get();
            awaitLandings(landings, before + 1);
        }
        long[] both = new long[keystroke.length];
        Arrays.setAll(both, i -> keystroke[i] + landing[i]);
        System.out.println(report("keystroke, comparison walk pending", keystroke, warmup));
        System.out.println(report("its comparison landing", landing, warmup));
        System.out.println(report("keystroke + its landing (FX total)", both, warmup));
        WaitForAsyncUtils.asyncFx(stage::close).get();
        assertThat(landing[warmup]).isPositive();
    }

    /** Waits until no comparison is updating (its walks run off the FX thread), if one is shown. */
    private static void settle(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                    () -> robot.lookup("#comparisonUpdating").queryAll().stream().noneMatch(javafx.scene.Node::isVisible))
                    .get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the comparison did not settle", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void awaitLandings(AtomicInteger landings, int atLeast) throws Exception {
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> landings.get() >= atLeast);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void keystrokeAndSliderStep_onEveryTab(FxRobot robot) {
        AccountViewModel account = model.account();
        PositionViewModel first = account.positions().get(0);
        String before = first.figureProperty(Figure.UNREALIZED_PNL).get();
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        List<String> lines = new ArrayList<>();
        for (int t = 0; t < tabs.getTabs().size(); t++) {
            int index = t;
            robot.interact(() -> tabs.getSelectionModel().select(index));
            WaitForAsyncUtils.waitForFxEvents();
            String tab = tabs.getTabs().get(t).getText();
            settle(robot);
            lines.add(report("keystroke (mark price), tab " + tab, run(keystrokes(account))));
            // the comparison's last walk lands before the shock steps, which then really move its figures
            settle(robot);
            lines.add(report("shock slider step, tab " + tab, run(shockSteps(account))));
        }
        lines.forEach(System.out::println);
        assertThat(first.figureProperty(Figure.UNREALIZED_PNL).get()).isNotEqualTo(before);
        assertThat(lines).hasSize(2 * tabs.getTabs().size());
    }
}
