package org.marginlab.app.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginlab.app.AppViewModel;
import org.marginlab.app.MarginLabApp;
import org.marginlab.app.ui.HiddenFigures;
import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.RecentFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerLight;

/**
 * The demo lesson in the window: the navigator, a hidden liquidation price, a prediction checked
 * with Enter, the verdict, the revealed figure and its derivation, the score; the next step.
 * The demo's long: 0.5 BTC at 60,000, margin 1,500 (Binance tier 1, MMR 0.4 %):
 * LP = (1,500 − 30,000) / (0.002 − 0.5) = 57,228.92.
 */
@ExtendWith(ApplicationExtension.class)
class LessonUiTest {
    private AppViewModel model;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        stage.setScene(MarginLabApp.createScene(model));
        stage.setWidth(1280);
        stage.setHeight(880);
        stage.show();
        model.open(LessonViewModelTest.DEMO.toAbsolutePath());
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void predictCheckRevealAndMoveOn(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#lessonNavigator").queryParent().isVisible()).isTrue();
        assertThat(text(robot, "#lessonTitle")).isEqualTo("Demo: where is a long liquidated?");
        assertThat(text(robot, "#lessonProgress")).isEqualTo("Step 1 / 3");
        Label lp = robot.lookup("#liquidationPrice").queryAs(Label.class);
        assertThat(lp.getText()).isEqualTo("?");
        assertThat(lp.getTooltip().getText()).startsWith(HiddenFigures.TIP);
        // the comparison would show it: covered
        robot.clickOn("Isolated vs cross");
        assertThat(robot.lookup("#compareTabLessonCover").queryParent().isVisible()).isTrue();
        robot.clickOn("Positions");

        robot.clickOn("#prediction-demo-1").write("57,000").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        // |57,000 − 57,228.92| / 57,228.92 = 0.40 % ≤ 0.5 %
        assertThat(text(robot, "#verdict-demo-1"))
                .isEqualTo("Your prediction 57,000 — answer 57,228.92 (0.40 % off, within 0.5 %): correct");
        assertThat(robot.lookup("#liquidationPrice").queryAs(Label.class).getText()).isEqualTo("57,228.92 USDT");
        assertThat(text(robot, "#lessonScore")).isEqualTo("Score 1 / 1");
        assertThat(robot.lookup(".explain-pane").tryQuery()).hasValueSatisfying(p -> assertThat(p.isVisible()).isTrue());

        robot.clickOn("#lessonNext");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#lessonProgress")).isEqualTo("Step 2 / 3");
        assertThat(robot.lookup("#liquidationPrice").queryAs(Label.class).getText()).isEqualTo("?");
        assertThat(text(robot, "#accountTotalEquity")).isEqualTo("?");
        assertThat(model.account().walletTextProperty().get()).isEqualTo("9500");

        // instructor mode: step 3 locks btc-long's leverage and the wallet
        robot.interact(() -> ((org.marginlab.app.MainView) robot.lookup(".main-view").query()).lessons()
                .instructorProperty().set(true));
        robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#lessonProgress")).isEqualTo("Step 3 / 3");
        javafx.scene.control.TextField leverage = robot.lookup("#leverage").queryAs(javafx.scene.control.TextField.class);
        assertThat(leverage.isDisabled()).isTrue();
        assertThat(leverage.getTooltip().getText()).isEqualTo(org.marginlab.app.ui.LockedInputs.TIP);
        assertThat(robot.lookup("#walletBalance").queryAs(javafx.scene.control.TextField.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#quantity").queryAs(javafx.scene.control.TextField.class).isDisabled()).isFalse();
    }

    /**
     * Lesson 6, step 3 replays {@code wick-down-12}; its strip in the navigator plays and scrubs it
     * without the Replay tab ever being built. On the course trades btc-long (0.2 BTC, margin 600)
     * is liquidated at LP = (600 − 0.2 × 60,000)/(0.2 × 0.004 − 0.2) = 11,400/0.1992 = 57,228.92,
     * crossed between minute 30 (59,400) and 31 (57,200); the cross side would need −15.3 %.
     */
    @Test
    void aStepsReplayPlaysFromTheNavigatorWithoutTheReplayTab(FxRobot robot) throws Exception {
        robot.interact(() -> model.openLesson("06-isolated-vs-cross.marginlab"));
        robot.interact(() -> ((org.marginlab.app.MainView) robot.lookup(".main-view").query()).lessons().goTo(2));
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> model.replay().loadedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#lessonProgress")).isEqualTo("Step 3 / 3");
        assertThat(robot.lookup("#lessonStepExtra").query().isVisible()).isTrue();
        assertThat(text(robot, "#stripTitle")).isEqualTo("Wick down 12 % (2 h, synthetic)");
        assertThat(text(robot, "#stripLiquidated")).isEqualTo("isolated: none · cross: none");

        // scrub the strip's slider to minute 33, the wick's low
        robot.clickOn("#stripSlider");
        robot.push(KeyCode.HOME);
        for (int i = 0; i < 33; i++) {
            robot.push(KeyCode.RIGHT);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stripTime")).isEqualTo("00:33 UTC");
        assertThat(text(robot, "#stripLiquidated")).isEqualTo("isolated: 1 liquidated · cross: none");
        // btc-long liquidated in the Positions tab's model, frozen at its LP; eth-long not (minute 33: 2,640)
        assertThat(model.account().evaluation().position("btc-long").liquidated()).isTrue();
        assertThat(model.account().evaluation().position("btc-long").shockedMark())
                .isCloseTo(new java.math.BigDecimal("57228.9157"), org.assertj.core.api.Assertions.within(new java.math.BigDecimal("0.0001")));
        assertThat(model.account().evaluation().position("eth-long").liquidated()).isFalse();

        // Space on the strip plays and pauses
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.replay().playingProperty().get()).isTrue();
        assertThat(robot.lookup("#stripPlay").queryButton().getText()).isEqualTo("Pause");
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.replay().playingProperty().get()).isFalse();

        // Play on the strip at 30× (121 points at 30 points a second: about 3 s) runs to the end and stops
        robot.interact(() -> model.replay().speedProperty().set(org.marginlab.app.replay.ReplaySpeed.X30));
        robot.clickOn("#stripPlay");
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> !model.replay().playingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stripTime")).isEqualTo("02:00 UTC");
        assertThat(text(robot, "#stripLiquidated")).isEqualTo("isolated: 1 liquidated · cross: none");
        assertThat(model.replayClock().isRunning()).isFalse();
        // all of it without the Replay tab
        assertThat(robot.lookup("#replayView").tryQuery()).isEmpty();

        // a step without a price path, while the replay plays, stops the clock, closes the replay and hides the strip
        robot.interact(() -> {
            model.replay().speedProperty().set(org.marginlab.app.replay.ReplaySpeed.X1);
            model.replay().play();
        });
        assertThat(model.replayClock().isRunning()).isTrue();
        robot.clickOn("#lessonPrevious");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.replayClock().isRunning()).isFalse();
        assertThat(model.replay().playingProperty().get()).isFalse();
        assertThat(model.replay().loadedProperty().get()).isFalse();
        assertThat(robot.lookup("#lessonStepExtra").query().isVisible()).isFalse();
        assertThat(model.account().evaluation().draft().replay()).isNull();
    }
}
