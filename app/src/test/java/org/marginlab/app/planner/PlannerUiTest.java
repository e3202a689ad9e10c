package org.marginlab.app.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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

import atlantafx.base.theme.PrimerLight;

/**
 * The Planner tab plans the README example on the "BTC long (isolated)" sample (cross wallet
 * 10,000 USDT, BTCUSDT long from 60,000 at 20x on binance-usdm, isolated): the inputs come from the
 * account and the position; with a stop of 58,000, 1 % risk and 10x the plan is the one
 * {@code marginlab size --balance 10000 --risk 1% --entry 60000 --stop 58000 --leverage 10
 * --symbol BTCUSDT} prints; at 30x the liquidation comes before the stop and the warning shows;
 * "Solve leverage" finds 23x (worked in {@link LiquidationSolverTest}).
 */
@ExtendWith(ApplicationExtension.class)
class PlannerUiTest {
    private AppViewModel model;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        model.openSample(Samples.BTC_LONG_ISOLATED);
        stage.setScene(MarginLabApp.createScene(model));
        stage.show();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Scrolls the planner so that the node is in view, as a user would. */
    private static void reveal(FxRobot robot, Node node) {
        robot.interact(() -> {
            ScrollPane scroll = (ScrollPane) node.getScene().lookup("#plannerScroll");
            Node content = scroll.getContent();
            Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double range = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            if (range > 0) {
                scroll.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 40) / range)));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void click(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        reveal(robot, node);
        robot.clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void type(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        reveal(robot, field);
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theReadmeExample_thenTheWarningAt30x_thenSolveLeverage(FxRobot robot) {
        robot.clickOn("Planner");
        WaitForAsyncUtils.waitForFxEvents();
        // prefilled from the account and the selected position; typing here does not edit the workspace
        assertThat(robot.lookup("#planBalance").queryAs(TextField.class).getText()).isEqualTo("10000");
        assertThat(robot.lookup("#planEntry").queryAs(TextField.class).getText()).isEqualTo("60000");
        assertThat(robot.lookup("#planLeverage").queryAs(TextField.class).getText()).isEqualTo("20");
        assertThat(robot.lookup("#planSymbol").queryAs(TextField.class).getText()).isEqualTo("BTCUSDT");
        assertThat(robot.lookup("#planRisk").queryAs(TextField.class).getText()).isEqualTo("1%");
        // no stop yet: a prompt, not an error before anything is typed; no plan
        assertThat(robot.lookup("#planStopError").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#planStop").queryAs(TextField.class).getPromptText()).isEqualTo("type your stop");

        type(robot, "#planStop", "58000");
        // the command line's rule for --risk, at the field with its label
        type(robot, "#planRisk", "150%");
        assertThat(text(robot, "#planRiskError")).isEqualTo("Risk must be > 0% and ≤ 100% of the balance (got 150%)");
        type(robot, "#planRisk", "1%");
        type(robot, "#planLeverage", "10");
        // 100/(60000 − 58000) = 0.05; notional 3,000; margin 300; LP 2700/0.0498 = 54,216.87; BP 54,000;
        // fees 1.50 and 1.45; loss 100, with fees 102.95
        assertThat(text(robot, "#planSide")).isEqualTo("long (the stop is below the entry)");
        assertThat(text(robot, "#planQuantity")).isEqualTo("0.05");
        assertThat(text(robot, "#planNotional")).isEqualTo("3,000.00 USDT");
        assertThat(text(robot, "#planInitialMargin")).isEqualTo("300.00 USDT");
        assertThat(text(robot, "#planIsolatedMarginShown")).isEqualTo("300.00 USDT");
        assertThat(text(robot, "#planLiquidationPrice")).isEqualTo("54,216.87");
        assertThat(text(robot, "#planBankruptcyPrice")).isEqualTo("54,000.00");
        assertThat(text(robot, "#planFeeToOpen")).isEqualTo("1.50 USDT (taker 0.05 %)");
        assertThat(text(robot, "#planFeeToClose")).isEqualTo("1.45 USDT");
        assertThat(text(robot, "#planLossAtStop")).isEqualTo("100.00 USDT");
        assertThat(text(robot, "#planLossWithFees")).isEqualTo("102.95 USDT");
        assertThat(robot.lookup("#planWarning").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#planStopError").queryAs(Label.class).isVisible()).isFalse();

        // the workspace's position is unchanged
        assertThat(model.account().evaluation().draft().positions().get(0).text(
                org.marginlab.app.model.InputField.LEVERAGE)).isEqualTo("20");

        // 30x: margin 100, LP (3000 − 100)/0.0498 = 58,232.93, above the stop
        type(robot, "#planLeverage", "30");
        Label warning = robot.lookup("#planWarning").queryAs(Label.class);
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getText()).isEqualTo(
                "Liquidation at 58,232.93 comes before the stop at 58,000.00: lower the leverage or move the stop");
        assertThat(text(robot, "#planLiquidationPrice")).isEqualTo("58,232.93");

        // Solve leverage with the default 0.5 %: LP ≤ 57,710 at 23x (57,621.79), not at 24x
        click(robot, "#solveLeverage");
        assertThat(robot.lookup("#planLeverage").queryAs(TextField.class).getText()).isEqualTo("23");
        assertThat(text(robot, "#planLiquidationPrice")).isEqualTo("57,621.79");
        assertThat(robot.lookup("#planWarning").queryAs(Label.class).isVisible()).isFalse();
        assertThat(text(robot, "#solveResult")).isEqualTo("Leverage 23x, the highest whole leverage: liquidation at "
                + "57,621.79, at or below 57,710.00 (0.5 % beyond the stop)");
    }

    @Test
    void solveMarginTargetsAndMaxOpen(FxRobot robot) {
        robot.clickOn("Planner");
        WaitForAsyncUtils.waitForFxEvents();
        type(robot, "#planStop", "58000");
        type(robot, "#planLeverage", "30");
        // the least margin: 3000 − M ≤ 57710 · 0.0498 ⇔ M ≥ 126.042: 126.05, LP 2873.95/0.0498 = 57,709.84
        click(robot, "#solveMargin");
        assertThat(robot.lookup("#planIsolatedMargin").queryAs(TextField.class).getText()).isEqualTo("126.05");
        assertThat(text(robot, "#planIsolatedMarginShown")).isEqualTo("126.05 USDT");
        assertThat(text(robot, "#planLiquidationPrice")).isEqualTo("57,709.84");

        // targets at 30x, 0.05 BTC (IM 100): exit 64,000: PnL 200, ROE 200 %, risk : reward 100 : 200;
        // ROE 100 %: 60000 · (1 + 1/30) = 62,000; PnL 150: ROE 1.5, 60000 · (1 + 1.5/30) = 63,000
        type(robot, "#planExit", "64000");
        type(robot, "#planRoe", "100");
        type(robot, "#planPnl", "150");
        assertThat(text(robot, "#targetPnlAtExit")).isEqualTo("200.00 USDT");
        assertThat(text(robot, "#targetRoeAtExit")).isEqualTo("200.00 %");
        assertThat(text(robot, "#targetRewardToRisk")).isEqualTo("1 : 2");
        assertThat(text(robot, "#targetExitForRoe")).isEqualTo("62,000.00");
        assertThat(text(robot, "#targetExitForPnl")).isEqualTo("63,000.00");
        type(robot, "#planExit", "0");
        assertThat(text(robot, "#planExitError")).isEqualTo("Exit price must be > 0 (got 0)");

        // max open on 1,000 at 30x at 60,000: 1000 · 30/60000 = 0.5 BTC, notional 30,000, margin 1,000
        type(robot, "#planAvailable", "1000");
        assertThat(text(robot, "#maxOpenQuantity")).isEqualTo("0.5 (long)");
        assertThat(text(robot, "#maxOpenNotional")).isEqualTo("30,000.00 USDT");
        assertThat(text(robot, "#maxOpenMargin")).isEqualTo("1,000.00 USDT");
        assertThat(text(robot, "#maxOpenLimit")).isEqualTo("Limited by the available balance");
    }
}
