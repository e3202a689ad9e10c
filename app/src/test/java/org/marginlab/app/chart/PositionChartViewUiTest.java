package org.marginlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import java.util.Locale;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marginlab.app.AppViewModel;
import org.marginlab.app.MainView;
import org.marginlab.app.MarginLabApp;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerLight;

/**
 * Headless UI test: the user opens the Charts tab on the bundled sample (0.5 BTCUSDT long
 * @ 60,000, mark 59,000, isolated 1,500 on binance-usdm) and sees the curves, the markers and
 * the values under the cursor; typing a mark in the editor moves the mark marker.
 */
@ExtendWith(ApplicationExtension.class)
class PositionChartViewUiTest {
    private AppViewModel model;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = AppViewModel.openSample(Locale.US);
        MainView view = new MainView(model, () -> { }, PositionChartView.tab(model.account()));
        // no larger than the (headless) screen, as MarginLabApp.createScene does
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1280, screen.getWidth()), Math.min(880, screen.getHeight()));
        scene.getStylesheets().add(MarginLabApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void chartsTab_showsTheCurvesMarkersAndHoverValues(FxRobot robot) {
        robot.clickOn("Charts");
        WaitForAsyncUtils.waitForFxEvents();

        // LP = 28,500/0.498 = 57,228.9156…, half-up to the cent
        verifyThat("#marker-liquidation", hasText("Liquidation 57,228.92"));
        verifyThat("#marker-bankruptcy", hasText("Bankruptcy 57,000.00"));
        assertThat(robot.lookup("#marker-liquidation").query().isVisible()).isTrue();
        LineChart<Number, Number> pnl = robot.lookup("#pnlChart").queryAs(LineChart.class);
        LineChart<Number, Number> ratio = robot.lookup("#marginRatioChart").queryAs(LineChart.class);
        assertThat(pnl.getData().get(0).getData()).hasSizeGreaterThan(150);
        assertThat(ratio.getData().get(0).getData()).hasSameSizeAs(pnl.getData().get(0).getData());
        assertThat(pnl.getAnimated()).isFalse();
        assertThat(pnl.getCreateSymbols()).isFalse();

        // the cursor over the PnL chart shows the values at that price
        Node plot = pnl.lookup(".chart-plot-background");
        robot.moveTo(plot);
        WaitForAsyncUtils.waitForFxEvents();
        String shown = robot.lookup("#chartHover").queryAs(Label.class).getText();
        assertThat(shown).startsWith("Mark ").contains(" USDT   ·   PnL ").contains("   ·   Margin ratio ");
        assertThat(robot.lookup(".crosshair").query().isVisible()).isTrue();
    }

    @Test
    void typingAMarkInTheEditor_movesTheMarkMarker(FxRobot robot) {
        robot.clickOn("#markPrice");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("58000");
        robot.clickOn("Charts");
        WaitForAsyncUtils.waitForFxEvents();
        verifyThat("#marker-mark", hasText("Mark 58,000.00"));
        robot.clickOn("Positions");
        robot.clickOn("#markPrice");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("58500");
        robot.clickOn("Charts");
        WaitForAsyncUtils.waitForFxEvents();
        verifyThat("#marker-mark", hasText("Mark 58,500.00"));
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("chartsTab");
    }

    /**
     * A shock moved while the Charts tab is shown redraws the markers where their labels say, on
     * both charts, edit after edit, with no other event in between: a chart lays its plot out as
     * a layout root of its own, and its request for a layout must reach the scene.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aShockMovedOnTheChartsTab_redrawsTheMarkMarkerWhereItsLabelSays(FxRobot robot) {
        robot.clickOn("Charts");
        WaitForAsyncUtils.waitForFxEvents();
        LineChart<Number, Number> pnl = robot.lookup("#pnlChart").queryAs(LineChart.class);
        for (double shock : new double[] {-1, -2, -3, 1}) {
            robot.interact(() -> model.account().shockSliderProperty().set(shock));
            robot.sleep(150);
            WaitForAsyncUtils.waitForFxEvents();
            // read on the JavaFX thread: the label's text, its place and width, the axis' scale
            String[] text = new String[1];
            double[] at = new double[3];
            robot.interact(() -> {
                Label mark = (Label) pnl.lookup("#marker-mark");
                text[0] = mark.getText();
                double value = Double.parseDouble(text[0].replaceAll("[^0-9.]", ""));
                at[0] = Math.round(((javafx.scene.chart.NumberAxis) pnl.getXAxis()).getDisplayPosition(value)) + 0.5;
                at[1] = mark.getLayoutX();
                at[2] = mark.getWidth();
            });
            double right = at[0] + 4;
            double left = at[0] - 4 - at[2];
            assertThat(Math.min(Math.abs(at[1] - right), Math.abs(at[1] - left)))
                    .as("shock %s: the label '%s' sits beside its line (x %.1f), at %.1f", shock, text[0], at[0], at[1])
                    .isLessThan(1.0);
        }
    }
}
