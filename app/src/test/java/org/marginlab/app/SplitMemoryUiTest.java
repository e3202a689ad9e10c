package org.marginlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javafx.application.Application;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.Samples;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerLight;

/**
 * The split positions the user left are the ones the window opens with: the positions table over
 * the editor at once, the comparison's when its tab is first shown; a divider moved is kept.
 */
@ExtendWith(ApplicationExtension.class)
class SplitMemoryUiTest {
    private final Map<String, Double> saved = new HashMap<>(Map.of("positionsSplit", 0.55, "comparisonFigures", 0.6));

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        AppViewModel model = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        model.openSample(Samples.COURSE_CROSS_CASCADE);
        stage.setScene(MarginLabApp.createScene(model));
        ((MainView) stage.getScene().getRoot()).rememberSplits(saved);
        // the primary stage is shared by the UI test classes: another may have left it small (a
        // split's divider is then held by its panes' minimum sizes), maximized or full screen
        stage.setMaximized(false);
        stage.setFullScreen(false);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @Test
    void savedPositions_areApplied_andAMovedDividerIsKept(FxRobot robot) {
        SplitPane positions = robot.lookup("#positionsSplit").queryAs(SplitPane.class);
        assertThat(positions.getDividerPositions()[0]).isCloseTo(0.55, within(0.01));

        robot.interact(() -> positions.setDividerPosition(0, 0.4));
        assertThat(saved.get("positionsSplit")).isCloseTo(0.4, within(0.01));

        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        SplitPane comparison = robot.lookup("#comparisonFigures").queryAs(SplitPane.class);
        assertThat(comparison.getDividerPositions()[0]).isCloseTo(0.6, within(0.01));
    }
}
