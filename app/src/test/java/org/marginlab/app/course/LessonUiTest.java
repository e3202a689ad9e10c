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
        model.openLesson("00-demo.marginlab");
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
}
