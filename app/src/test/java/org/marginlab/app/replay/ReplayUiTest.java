package org.marginlab.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginlab.app.AppViewModel;
import org.marginlab.app.MainView;
import org.marginlab.app.MarginLabApp;
import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.Samples;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerLight;

/**
 * Headless UI test of the Replay tab on the course sample: load the bundled {@code wick-down-12}
 * from the menu, scrub to minute 33 with the keyboard, read the isolated side's marker and see
 * btc-long liquidated in the Positions tab (figures worked by hand in {@link ReplayViewModelTest}).
 */
@ExtendWith(ApplicationExtension.class)
class ReplayUiTest {
    private AppViewModel model;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        model.openSample(Samples.COURSE_CROSS_CASCADE);
        MainView view = new MainView(model, () -> { }, ReplayView.tab(model.replay()));
        Scene scene = new Scene(view, 1200, 800);
        scene.getStylesheets().add(MarginLabApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void loadWick(FxRobot robot) throws TimeoutException {
        robot.clickOn("Replay");
        robot.clickOn("#replayBundled");
        robot.clickOn("Wick down 12 % (2 h, synthetic)");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.replay().loadedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void scrubbingToTheLowShowsTheMarkerAndTheLiquidatedPosition(FxRobot robot) throws TimeoutException {
        loadWick(robot);
        verifyThat("#replayTitle", hasText("Wick down 12 % (2 h, synthetic)"));
        List<String> isolated = markers(robot, "#isolatedMarkers");
        assertThat(isolated).containsExactly("00:30 · isolated · btc-long liquidated at 57,228.92");
        assertThat(markers(robot, "#crossMarkers")).isEmpty();

        robot.clickOn("#replaySlider");
        robot.push(KeyCode.HOME);
        for (int i = 0; i < 33; i++) {
            robot.push(KeyCode.RIGHT);
        }
        WaitForAsyncUtils.waitForFxEvents();
        verifyThat("#replayTime", hasText("00:33 UTC"));
        verifyThat("#replayIsolatedEquity", hasText("Isolated side equity 1,620.00 USDT"));
        verifyThat("#replayCrossEquity", hasText("Cross side equity 780.00 USDT"));
        verifyThat("#replayLiquidated", hasText("Liquidated so far — isolated: btc-long; cross: none"));
        verifyThat("#shockHint", hasText("Marks from the replay wick-down-12 · 00:33 UTC; the shock waits until the "
                + "replay is closed."));

        robot.clickOn("Positions");
        WaitForAsyncUtils.waitForFxEvents();
        TableRow<?> btc = row(robot, "btc-long");
        assertThat(btc.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("liquidated"));
        assertThat(statusText(btc)).isEqualTo("liquidated");
        assertThat(statusText(row(robot, "eth-long"))).isNotEqualTo("liquidated");
    }

    @Test
    void spacePlaysAndCloseGivesTheMarksBack(FxRobot robot) throws TimeoutException {
        loadWick(robot);
        robot.clickOn("#replaySlider");
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.replay().playingProperty().get()).isTrue();
        verifyThat("#replayPlay", hasText("Pause"));
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.replay().playingProperty().get()).isFalse();
        robot.clickOn("#replayClose");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.account().evaluation().draft().replay()).isNull();
        assertThat(model.account().evaluation().position("btc-long").shockedMark()).isEqualByComparingTo("60000");
        assertThat(robot.lookup("#replayEmpty").query().isVisible()).isTrue();
        verifyThat("#shockHint", hasText("Figures follow the shocked marks; the typed marks are kept."));
    }

    private static List<String> markers(FxRobot robot, String row) {
        Pane pane = robot.lookup(row).queryAs(Pane.class);
        return pane.getChildren().stream().map(n -> (String) n.getUserData()).toList();
    }

    private static TableRow<?> row(FxRobot robot, String id) {
        return robot.lookup(".table-row-cell").match((Node n) -> n instanceof TableRow<?> r
                && r.getItem() instanceof org.marginlab.app.position.PositionViewModel p && id.equals(p.idProperty().get()))
                .queryAs(TableRow.class);
    }

    private static String statusText(TableRow<?> row) {
        return row.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() != null
                        && "column-status".equals(c.getTableColumn().getId()))
                .map(n -> ((Labeled) n).getText()).findFirst().orElse(null);
    }
}
