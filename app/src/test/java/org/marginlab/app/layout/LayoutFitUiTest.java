package org.marginlab.app.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginlab.app.AppViewModel;
import org.marginlab.app.MarginLabApp;
import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.Samples;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/**
 * Every figure readable at every window size: each tab of each bundled sample, at 1024×700 (the
 * smallest window), 1280×880, 1366×768 and 1920×1080, in the light and the dark theme, shows every label,
 * button, table header and cell in full (nothing ellipsized or clipped), and every figure is
 * inside the window or in a scroll pane that reaches it ({@link FitProblems}).
 */
@ExtendWith(ApplicationExtension.class)
class LayoutFitUiTest {
    /** The smallest window, the window before it remembered its size, two common screens. */
    private static final int[][] SIZES = {{1024, 700}, {1280, 880}, {1366, 768}, {1920, 1080}};

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void everyTabOfEverySample_fitsAtEverySizeInBothThemes(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (String theme : new String[] {"light", "dark"}) {
            for (int[] size : SIZES) {
                problems.addAll(check(robot, theme, size[0], size[1]));
            }
        }
        assertThat(problems).as("text that does not fit").isEmpty();
    }

    private List<String> check(FxRobot robot, String theme, int width, int height) throws Exception {
        AppViewModel[] model = new AppViewModel[1];
        robot.interact(() -> {
            Application.setUserAgentStylesheet(theme.equals("dark") ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            model[0] = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
            Scene scene = MarginLabApp.createScene(model[0]);
            stage.setScene(scene);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
        });
        List<String> out = new ArrayList<>();
        for (String sample : Samples.names()) {
            robot.interact(() -> model[0].openSample(sample));
            out.addAll(tabs(robot, sample, theme, width, height));
        }
        // the course sample on a venue that cannot price two of its symbols: messages in the
        // account bar and the editor's fixes must not squeeze a figure ("Cross… 50…")
        robot.interact(() -> model[0].openSample(Samples.COURSE_CROSS_CASCADE));
        robot.interact(() -> {
            model[0].account().venueProperty().set(org.marginlab.engine.venue.Venues.byId("bybit-linear"));
            model[0].account().selectedProperty().set(model[0].account().positions().get(1));
        });
        out.addAll(tabs(robot, "course sample on Bybit", theme, width, height));
        // the FAQ sample after Ctrl+M on btc-long: a long isolated margin and the word "isolated" in the table
        robot.interact(() -> model[0].openSample(Samples.BINANCE_FAQ_CROSS));
        robot.interact(() -> model[0].account().positions().get(0).toggleMarginMode());
        out.addAll(tabs(robot, "FAQ sample, btc-long switched to isolated", theme, width, height));
        return out;
    }

    private List<String> tabs(FxRobot robot, String sample, String theme, int width, int height) throws Exception {
        List<String> out = new ArrayList<>();
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        for (int t = 0; t < tabs.getTabs().size(); t++) {
            int index = t;
            robot.interact(() -> tabs.getSelectionModel().select(index));
            settle(robot);
            String where = sample + " · " + tabs.getTabs().get(t).getText() + " · " + width + "×" + height + " " + theme;
            robot.interact(() -> {
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                for (String p : FitProblems.of(stage.getScene().getRoot())) {
                    out.add(where + ": " + p);
                }
            });
        }
        return out;
    }

    private static void settle(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitForFxEvents();
        // a few pulses: what lands from the worker is laid out on the next one
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#comparisonUpdating").tryQuery()
                .map(n -> !n.isVisible()).orElse(true));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
