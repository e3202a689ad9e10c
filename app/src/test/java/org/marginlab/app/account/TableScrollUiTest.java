package org.marginlab.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginlab.app.AppViewModel;
import org.marginlab.app.MainView;
import org.marginlab.app.MarginLabApp;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.Samples;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerLight;

/**
 * Opening another workspace after scrolling the positions table to its last column brings the
 * table back to its top left: the ID column is in view again, not hidden under the old scroll.
 */
@ExtendWith(ApplicationExtension.class)
class TableScrollUiTest {
    private AppViewModel model;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        model.openSample(Samples.BINANCE_FAQ_CROSS);
        Scene scene = new Scene(new MainView(model, () -> { }), 1024, 700);
        scene.getStylesheets().add(MarginLabApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static ScrollBar horizontal(FxRobot robot) {
        return robot.lookup("#positionsTable .scroll-bar").queryAllAs(ScrollBar.class).stream()
                .filter(b -> b.getOrientation() == Orientation.HORIZONTAL).findFirst().orElseThrow();
    }

    @Test
    void openingAnotherWorkspace_scrollsTheTableBackToTheIdColumn(FxRobot robot) {
        TableView<PositionViewModel> table = robot.lookup("#positionsTable").queryTableView();
        robot.interact(() -> table.scrollToColumnIndex(table.getColumns().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(horizontal(robot).getValue()).as("scrolled right at 1024 px").isPositive();

        robot.interact(() -> model.openSample(Samples.COURSE_CROSS_CASCADE));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(horizontal(robot).getValue()).isZero();
        Node idHeader = robot.lookup("#positionsTable .column-header").nth(0).query();
        Bounds header = idHeader.localToScene(idHeader.getBoundsInLocal());
        Bounds whole = table.localToScene(table.getBoundsInLocal());
        assertThat(header.getMinX()).as("the ID column's left edge is in view").isGreaterThanOrEqualTo(whole.getMinX());
    }
}
