package org.marginlab.app.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginlab.app.AppViewModel;
import org.marginlab.app.MarginLabApp;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerLight;

/**
 * Headless UI tests: a user types and drags, and the displayed figures follow. Expected values
 * are worked by hand (see {@link PositionViewModelTest}).
 */
@ExtendWith(ApplicationExtension.class)
class PositionViewUiTest {

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        AppViewModel model = AppViewModel.openSample(Locale.US);
        stage.setScene(MarginLabApp.createScene(model));
        stage.show();
    }

    private static void replaceText(FxRobot robot, String id, String text) {
        robot.clickOn(id);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
    }

    @Test
    void typingQuantity_updatesLiquidationPriceAndMarginRatio(FxRobot robot) {
        verifyThat("#liquidationPrice", hasText("57,228.92 USDT"));
        replaceText(robot, "#quantity", "1");
        // the margin follows the leverage: 1·60,000/20 = 3,000, the extra 1,500 out of the cross wallet
        verifyThat("#isolatedMargin", org.testfx.matcher.control.TextInputControlMatchers.hasText("3000"));
        // 1 BTC: notional 59,000 → tier 2 (0.5 %, 50): LP = (3,000 + 50 − 60,000)/(0.005 − 1), ratio = 245/2,000
        verifyThat("#liquidationPrice", hasText("57,236.18 USDT"));
        verifyThat("#marginRatio", hasText("12.25 %"));
    }

    @Test
    void typingMarkPrice_updatesMarginRatio(FxRobot robot) {
        replaceText(robot, "#markPrice", "57250");
        // MB = 1500 − 1375 = 125; MM = 28,625·0.4 % = 114.5 → 91.6 %: warning
        verifyThat("#marginRatio", hasText("91.60 %"));
        verifyThat("#riskLevel", hasText("Warning: margin ratio ≥ 80 %"));
        verifyThat("#liquidationPrice", hasText("57,228.92 USDT"));
    }

    @Test
    void invalidInput_showsTheRuleAndKeepsTheLastResultMarkedStale(FxRobot robot) {
        replaceText(robot, "#quantity", "abc");
        verifyThat("#quantityError", hasText("Quantity must be a number (got abc)"));
        assertThat(robot.lookup("#staleBadge").query().isVisible()).isTrue();
        verifyThat("#liquidationPrice", hasText("57,228.92 USDT"));
        replaceText(robot, "#leverage", "150");
        replaceText(robot, "#quantity", "0.5");
        verifyThat("#leverageError", hasText("Leverage must be ≤ 125x, the max leverage of the tier (got 150)"));
        replaceText(robot, "#leverage", "20");
        assertThat(robot.lookup("#staleBadge").query().isVisible()).isFalse();
        assertThat(robot.lookup("#leverageError").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void draggingTheWhatIfSlider_showsTheNewLiquidationPrice_andApplyCommitsIt(FxRobot robot) {
        Node thumb = robot.lookup("#marginDeltaSlider .thumb").query();
        robot.drag(thumb).moveBy(60, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        String typed = robot.lookup("#marginDelta").queryAs(TextField.class).getText();
        BigDecimal delta = new BigDecimal(typed);
        assertThat(delta).isPositive();
        // Isolated long, tier 1: LP' = (0.5·60,000 − (1,500 + Δ))/(0.5·(1 − 0.004)), half-up to the cent.
        BigDecimal expected = new BigDecimal("28500").subtract(delta)
                .divide(new BigDecimal("0.498"), MathContext.DECIMAL128).setScale(2, RoundingMode.HALF_UP);
        String shown = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)).format(expected);
        verifyThat("#whatIfLiquidation", hasText("57,228.92 → " + shown));

        robot.clickOn("#applyWhatIf");
        verifyThat("#liquidationPrice", hasText(shown + " USDT"));
        assertThat(robot.lookup("#applyWhatIf").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void typingAMarginChange_andCtrlEnter_appliesIt(FxRobot robot) {
        replaceText(robot, "#marginDelta", "500");
        verifyThat("#whatIfLiquidation", hasText("57,228.92 → 56,224.90"));
        verifyThat("#whatIfMarginRatio", hasText("11.80 % → 7.87 %"));
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        verifyThat("#liquidationPrice", hasText("56,224.90 USDT"));
        assertThat(robot.lookup("#isolatedMargin").queryAs(TextField.class).getText()).isEqualTo("2000");
    }
}
