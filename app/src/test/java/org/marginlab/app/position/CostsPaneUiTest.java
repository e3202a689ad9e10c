package org.marginlab.app.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import java.util.Locale;

import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
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
 * Headless: the results' Costs group and the probability of liquidation show what a user expects
 * for the sample (Binance USD-M, isolated long 0.5 BTCUSDT at 60,000, mark 59,000, 20x, margin
 * 1,500), and follow the Costs pane's inputs. Worked by hand.
 */
@ExtendWith(ApplicationExtension.class)
class CostsPaneUiTest {

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        AppViewModel model = AppViewModel.openSample(Locale.US);
        stage.setScene(MarginLabApp.createScene(model));
        stage.show();
    }

    /** Types into a field of the (collapsed) Costs pane, as the user would after opening it. */
    private static void type(FxRobot robot, String id, String text) {
        TitledPane pane = robot.lookup("#costsPane").queryAs(TitledPane.class);
        robot.interact(() -> {
            pane.setExpanded(true);
            robot.lookup("#" + id).queryAs(TextField.class).setText(text);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theCostsGroupShowsTheFeesBreakEvenAndFunding(FxRobot robot) {
        // Binance's default taker rate 0.05 %: to open 0.5 · 60,000 · 0.0005 = 15; to close at the
        // mark 0.5 · 59,000 · 0.0005 = 14.75
        verifyThat("#feeToOpen", hasText("15.00 USDT\ntaker 0.05 % (venue)"));
        verifyThat("#feeToClose", hasText("14.75 USDT\nat the mark"));
        // BE = 60,000 · 1.0005 / 0.9995 = 60,060.030015… → 60,060.03
        verifyThat("#breakEvenPrice", hasText("60,060.03 USDT"));
        verifyThat("#projectedFunding", hasText("none"));
        // Binance reserves no fee to close, and the position has no liquidation-fee rate: hidden
        assertThat(robot.lookup("#reservedFeeToClose").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#liquidationFee").queryAs(Label.class).isVisible()).isFalse();

        type(robot, "fundingRate", "0.0001");
        type(robot, "holdingHours", "24");
        // 24/8 = 3 payments at the mark: 3 · 0.5 · 59,000 · 0.0001 = 8.85 USDT paid
        verifyThat("#projectedFunding", hasText("8.85 USDT paid\n3 × 0.01 % (24 h)"));
        // BE = (30,015 + 8.85)/(0.5 · 0.9995) = 30,023.85/0.49975 = 60,077.7389 → 60,077.74
        verifyThat("#breakEvenPrice", hasText("60,077.74 USDT"));
    }

    @Test
    void theProbabilityOfLiquidationFollowsTheVolatility(FxRobot robot) {
        // LP = (1,500 − 30,000)/(0.5·0.004 − 0.5) = 57,228.9157; a = ln(59,000/LP) = 0.0304782;
        // BTC's default σ = 0.412 (table of 2026-01-29), T = 24 h: s = 0.412·√(24/8760) = 0.0215651,
        // u = a/s = 1.413311, h = s/2 = 0.0107825; P = Φ(h − u) + (S₀/LP)·Φ(−u − h)
        // = Φ(−1.402529) + 1.030947 · Φ(−1.424094) = 0.0803787 + 1.030947 · 0.0772096 = 0.159978 → 16.00 %
        verifyThat("#liquidationProbability", hasText("16.00 % in 24 h\nσ 41.2 %/yr\ntable 2026-01-29"));
        type(robot, "volatility", "0.8");
        // σ = 0.8: s = 0.0418742, u = 0.727850, h = 0.0209371: Φ(−0.706913) + 1.030947 · Φ(−0.748787)
        // = 0.2398086 + 1.030947 · 0.2269912 = 0.473825 → 47.38 %
        verifyThat("#liquidationProbability", hasText("47.38 % in 24 h\nσ 80 %/yr (typed)"));
        type(robot, "volatility", "12");
        verifyThat("#volatilityError", hasText("Volatility must be ≥ 0 and ≤ 10 (annualised, a fraction: 0.6 = 60 %) (got 12)"));
    }
}
