package org.marginlab.app.chart;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.marginlab.app.AppViewModel;
import org.marginlab.app.MainView;
import org.marginlab.app.MarginLabApp;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.Workspace;

import atlantafx.base.theme.PrimerLight;

/**
 * The JavaFX half of {@link PositionChartBenchmark}. One "step" moves the shock slider (every
 * mark moves: the account is re-evaluated, every position view-model publishes, the chart
 * view-model refreshes and the charts get new points), then applies CSS and lays out, as a pulse
 * does before rendering. Three set-ups: the main window with the Charts tab showing; the main
 * window with the Positions tab showing (the charts hidden: the baseline without them); the
 * chart view alone. Then, in the first set-up, the frame-to-frame time while the shock moves
 * every frame, rendering included (run with {@code -Djavafx.animation.fullspeed=true} to lift
 * the 60 Hz cap).
 */
final class PositionChartFxBenchmark {
    private static final int WARMUP = 300;
    private static final int STEPS = 400;
    private static final int FRAMES = 600;

    private PositionChartFxBenchmark() {
    }

    static void run(Workspace ws) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                System.out.println();
                System.out.println("JavaFX, 200 cross positions, one shock step (CPU time of the FX thread; CSS + layout, no rendering):");

                Stage stage = new Stage();
                AccountViewModel account = mainWindow(ws, stage, true);
                steps("main window, Charts tab showing", account, stage.getScene().getRoot());
                stage.close();

                Stage baseline = new Stage();
                AccountViewModel plain = mainWindow(ws, baseline, false);
                steps("main window, Positions tab showing (charts hidden)", plain, baseline.getScene().getRoot());
                baseline.close();

                AccountViewModel alone = new AccountViewModel(org.marginlab.engine.MarginEngine.DEFAULT, Locale.US);
                alone.load(ws);
                alone.selectedProperty().set(alone.positions().get(100));
                Stage chartStage = new Stage();
                Scene scene = new Scene(new PositionChartView(new PositionChartViewModel(alone)), 1280, 760);
                scene.getStylesheets().add(MarginLabApp.class.getResource("app.css").toExternalForm());
                chartStage.setScene(scene);
                chartStage.show();
                steps("chart view alone", alone, scene.getRoot());
                chartStage.close();

                Stage frames = new Stage();
                AccountViewModel live = mainWindow(ws, frames, true);
                frames(live, frames, done);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        done.get();
        Platform.exit();
    }

    private static AccountViewModel mainWindow(Workspace ws, Stage stage, boolean charts) {
        AppViewModel app = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        AccountViewModel account = app.account();
        account.load(ws);
        account.selectedProperty().set(account.positions().get(100));
        MainView main = new MainView(app, () -> { }, PositionChartView.tab(account));
        Scene scene = new Scene(main, 1280, 860);
        scene.getStylesheets().add(MarginLabApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        TabPane tabs = (TabPane) scene.lookup("#mainTabs");
        tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "chartsTab".equals(t.getId())).findFirst().orElseThrow());
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        if (!charts) {
            tabs.getSelectionModel().select(0);
        }
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        return account;
    }

    private static void steps(String what, AccountViewModel account, Parent root) {
        long[] total = new long[STEPS];
        long[] eval = new long[STEPS];
        long[] css = new long[STEPS];
        long[] layout = new long[STEPS];
        for (int i = 0; i < WARMUP + STEPS; i++) {
            long t0 = PositionChartBenchmark.cpu();
            account.shockSliderProperty().set(i % 2 == 0 ? -5 : -4);
            long t1 = PositionChartBenchmark.cpu();
            root.applyCss();
            long t2 = PositionChartBenchmark.cpu();
            root.layout();
            long t3 = PositionChartBenchmark.cpu();
            if (i >= WARMUP) {
                total[i - WARMUP] = t3 - t0;
                eval[i - WARMUP] = t1 - t0;
                css[i - WARMUP] = t2 - t1;
                layout[i - WARMUP] = t3 - t2;
            }
        }
        System.out.println("  " + what + ":");
        PositionChartBenchmark.print("  step total", total);
        PositionChartBenchmark.print("    evaluation, view-models, data into nodes", eval);
        PositionChartBenchmark.print("    CSS", css);
        PositionChartBenchmark.print("    layout", layout);
    }

    private static void frames(AccountViewModel account, Stage stage, CompletableFuture<Void> done) {
        long[] frames = new long[FRAMES];
        new AnimationTimer() {
            private int frame = -60;
            private long last;

            @Override
            public void handle(long now) {
                if (frame > 0) {
                    frames[frame - 1] = now - last;
                }
                last = now;
                frame++;
                if (frame > FRAMES) {
                    stop();
                    System.out.println("  main window, Charts tab showing, rendering included (wall clock):");
                    PositionChartBenchmark.print("  frame to frame while the shock moves every frame"
                            + (Boolean.getBoolean("javafx.animation.fullspeed") ? " (fullspeed)" : " (60 Hz cap)"), frames);
                    stage.close();
                    done.complete(null);
                    return;
                }
                account.shockSliderProperty().set(-10 + (frame % 40) * 0.5);
            }
        }.start();
    }
}
