package org.marginlab.app.compare;

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
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
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
 * Headless UI test of the comparison tab on the course sample: open it, move the price shock
 * (typed, then dragged) and read the liquidations the window shows. Figures worked by hand in
 * {@link ComparisonViewModelTest#courseSample_cascadeOrderFollowsTheShock()}.
 */
@ExtendWith(ApplicationExtension.class)
class ComparisonViewUiTest {

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        AppViewModel model = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        model.openSample(Samples.COURSE_CROSS_CASCADE);
        MainView view = new MainView(model, () -> { }, ComparisonView.tab(model.account(), model.worker(), model.fx()));
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1280, screen.getWidth()), Math.min(880, screen.getHeight()));
        scene.getStylesheets().add(MarginLabApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static void typeShock(FxRobot robot, String percent) {
        robot.clickOn("#shock");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(percent);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Waits until the comparison shows the walks of the account as it is: they are computed on a
     * background thread, and while they are, {@code #comparisonUpdating} is shown.
     */
    static void settle(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> !WaitForAsyncUtils.asyncFx(() -> robot.lookup("#comparisonUpdating").query().isVisible()).get());
        } catch (TimeoutException e) {
            throw new AssertionError("the comparison is still updating", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text of the visible table cell with that id (the table keeps spare, hidden cells). */
    private static String cell(FxRobot robot, String id) {
        settle(robot);
        return robot.lookup(id).match(ComparisonViewUiTest::shown).queryLabeled().getText();
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static List<String> listed(FxRobot robot, String id) {
        settle(robot);
        return robot.lookup(id).queryAs(ListView.class).getItems().stream()
                .map(item -> ((CascadeItem) item).positionId()).toList();
    }

    @Test
    void openingTheTab_showsBothSidesAtTheMarks(FxRobot robot) {
        robot.clickOn("Isolated vs cross");
        // isolated BTC: 11,400/0.1992; cross BTC with the others held: 8,754/0.1992
        assertThat(cell(robot, "#isolatedLiquidation-btc-long")).isEqualTo("57,228.92");
        assertThat(cell(robot, "#crossLiquidation-btc-long")).isEqualTo("43,945.78");
        settle(robot);
        verifyThat("#crossAccountGoesAt", hasText("Whole account goes at a 15.3 % market-wide drop."));
        assertThat(robot.lookup("#sentence-btc-long").tryQuery()).isPresent();
        assertThat(robot.lookup("#comparisonUpdating").query().isVisible()).isFalse();
        assertThat(listed(robot, "#cascadeList")).isEmpty();
        assertThat(robot.lookup("#equityChart").query().isVisible()).isTrue();
    }

    @Test
    void eachLegendSymbol_hasItsLinesColour(FxRobot robot) {
        robot.clickOn("Isolated vs cross");
        settle(robot);
        for (int s = 0; s < 2; s++) {
            javafx.scene.shape.Path line = robot.lookup("#equityChart .chart-series-line.series" + s)
                    .queryAs(javafx.scene.shape.Path.class);
            javafx.scene.layout.Region symbol = robot.lookup("#equityChart .chart-legend-item-symbol.series" + s)
                    .queryAs(javafx.scene.layout.Region.class);
            assertThat(symbol.getBackground().getFills().get(0).getFill()).as("series %d", s).isEqualTo(line.getStroke());
        }
    }

    @Test
    void typingAShock_liquidatesTheIsolatedBtcOnly_thenTheWholeCrossAccount(FxRobot robot) {
        robot.clickOn("Isolated vs cross");
        typeShock(robot, "-10");
        assertThat(cell(robot, "#isolatedLiquidation-btc-long")).isEqualTo("liq. −4.6 %");
        assertThat(cell(robot, "#crossLiquidation-eth-long")).isEqualTo("2,143.67");
        assertThat(listed(robot, "#isolatedList")).containsExactly("btc-long");
        assertThat(listed(robot, "#cascadeList")).isEmpty();

        typeShock(robot, "-16");
        assertThat(listed(robot, "#cascadeList")).containsExactly("btc-long", "eth-long", "sol-long");
        assertThat(cell(robot, "#crossLiquidation-sol-long")).isEqualTo("liq. −15.3 %");
        settle(robot);
        verifyThat("#crossOutcome", hasText("Cascade at −16.0 %: btc-long → eth-long → sol-long (−3,300.00 USDT)."));
        assertThat(listed(robot, "#isolatedList")).containsExactly("btc-long");
    }

    @Test
    void movingTheShock_redrawsTheCellsOfTheSameRows(FxRobot robot) {
        robot.clickOn("Isolated vs cross");
        settle(robot);
        TableView<ComparisonRow> table = robot.lookup("#comparisonTable").queryTableView();
        List<ComparisonRow> rows = List.copyOf(table.getItems());
        typeShock(robot, "-3");
        assertThat(cell(robot, "#isolatedLiquidation-btc-long")).isEqualTo("57,228.92");
        assertThat(states(robot, "#isolatedLiquidation-btc-long")).contains("differs").doesNotContain("liquidated");
        typeShock(robot, "-10");
        // isolated BTC is gone at −4.6 %: the same cell shows it, in red; the cross side is untouched
        assertThat(cell(robot, "#isolatedLiquidation-btc-long")).isEqualTo("liq. −4.6 %");
        assertThat(states(robot, "#isolatedLiquidation-btc-long")).contains("liquidated");
        assertThat(cell(robot, "#isolatedDistance-btc-long")).isEqualTo("—");
        assertThat(states(robot, "#isolatedDistance-btc-long")).contains("liquidated");
        assertThat(states(robot, "#crossLiquidation-btc-long")).doesNotContain("liquidated");
        typeShock(robot, "-3");
        assertThat(cell(robot, "#isolatedLiquidation-btc-long")).isEqualTo("57,228.92");
        assertThat(states(robot, "#isolatedLiquidation-btc-long")).doesNotContain("liquidated");
        assertThat(cell(robot, "#isolatedDistance-btc-long")).isNotEqualTo("—");
        // the table kept its items: the rows were updated in place
        assertThat(table.getItems()).usingElementComparator((a, b) -> a == b ? 0 : 1).containsExactlyElementsOf(rows);
    }

    /** The pseudo-classes of the visible table cell with that id. */
    private static List<String> states(FxRobot robot, String id) {
        settle(robot);
        return robot.lookup(id).match(ComparisonViewUiTest::shown).query().getPseudoClassStates().stream()
                .map(PseudoClass::getPseudoClassName).toList();
    }

    @Test
    void draggingTheShockSliderDown_liquidatesEverythingInOrder(FxRobot robot) {
        robot.clickOn("Isolated vs cross");
        Node thumb = robot.lookup("#shockSlider .thumb").query();
        robot.drag(thumb).moveBy(-400, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        // the slider's left end is −90 %
        assertThat(robot.lookup("#shock").queryAs(TextField.class).getText()).isEqualTo("-90");
        // isolated: BTC −4.6 %, ETH −19.7 %, SOL −32.7 %; cross: all three at −15.3 %, largest loss first
        assertThat(listed(robot, "#isolatedList")).containsExactly("btc-long", "eth-long", "sol-long");
        assertThat(listed(robot, "#cascadeList")).containsExactly("btc-long", "eth-long", "sol-long");
        assertThat(cell(robot, "#isolatedLiquidation-sol-long")).isEqualTo("liq. −32.7 %");
        assertThat(cell(robot, "#crossLiquidation-btc-long")).isEqualTo("liq. −15.3 %");
    }

    @Test
    void choosingNoFee_showsAPartialCascade(FxRobot robot) {
        robot.clickOn("Isolated vs cross");
        robot.clickOn("#feeChoice");
        robot.clickOn(robot.from(robot.lookup(".context-menu").queryAll()).lookup("none").<Node>query());
        typeShock(robot, "-15.5");
        // no fee: only BTC closes at −15.3 %; ETH follows at −15.8 %
        assertThat(listed(robot, "#cascadeList")).containsExactly("btc-long");
        assertThat(cell(robot, "#crossLiquidation-eth-long")).isEqualTo("2,523.44");
    }

    /**
     * Where the chart draws a curve at the current shock (0 %), in the plot's pixels: the drawn
     * polyline, interpolated at that shock's x.
     */
    private static double drawnAtZero(javafx.scene.shape.Path curve, javafx.scene.chart.NumberAxis x) {
        double px = x.getDisplayPosition(0);
        List<javafx.scene.shape.PathElement> el = curve.getElements();
        for (int i = 1; i < el.size(); i++) {
            double x0 = coord(el.get(i - 1), true);
            double x1 = coord(el.get(i), true);
            if (x0 <= px && px <= x1 && x1 > x0) {
                double y0 = coord(el.get(i - 1), false);
                double y1 = coord(el.get(i), false);
                return y0 + (y1 - y0) * (px - x0) / (x1 - x0);
            }
        }
        throw new AssertionError("no segment of the curve spans shock 0");
    }

    private static double coord(javafx.scene.shape.PathElement e, boolean x) {
        if (e instanceof javafx.scene.shape.MoveTo m) {
            return x ? m.getX() : m.getY();
        }
        javafx.scene.shape.LineTo l = (javafx.scene.shape.LineTo) e;
        return x ? l.getX() : l.getY();
    }

    /** The amount in a card's line such as {@code Equity at 0.0 %: 12,345.67 USDT}. */
    private static double amount(FxRobot robot, String id) {
        String text = robot.lookup(id).queryLabeled().getText();
        return Double.parseDouble(text.substring(text.indexOf(": ") + 2, text.lastIndexOf(' ')).replace(",", ""));
    }

    @Test
    void anEdit_redrawsBothCurvesThroughTheEquityTheCardsShow(FxRobot robot) throws Exception {
        robot.clickOn("Isolated vs cross");
        settle(robot);
        javafx.scene.chart.LineChart<?, ?> chart = robot.lookup("#equityChart").queryAs(javafx.scene.chart.LineChart.class);
        javafx.scene.chart.NumberAxis x = (javafx.scene.chart.NumberAxis) chart.getXAxis();
        javafx.scene.chart.NumberAxis y = (javafx.scene.chart.NumberAxis) chart.getYAxis();
        javafx.scene.shape.Path isolated = robot.lookup("#equityChart .chart-series-line.series0").queryAs(javafx.scene.shape.Path.class);
        javafx.scene.shape.Path cross = robot.lookup("#equityChart .chart-series-line.series1").queryAs(javafx.scene.shape.Path.class);
        for (String wallet : List.of("", "10500", "10600")) {
            if (!wallet.isEmpty()) {
                // a larger cross wallet (new axes), then 100 more (the same axes: the curves move about a pixel)
                TextField field = robot.lookup("#walletBalance").queryAs(TextField.class);
                robot.interact(() -> field.setText(wallet));
                settle(robot);
                // the next pulse's layout (a new axis range is applied there)
                WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
                WaitForAsyncUtils.waitForFxEvents();
            }
            double isolatedEquity = amount(robot, "#isolatedEquity");
            double crossEquity = amount(robot, "#crossEquity");
            double[] drawn = WaitForAsyncUtils.asyncFx(() -> new double[] {drawnAtZero(isolated, x), y.getDisplayPosition(isolatedEquity),
                    drawnAtZero(cross, x), y.getDisplayPosition(crossEquity)}).get();
            // the equity a card shows, where the curve is drawn (to half a pixel: the cards round to the cent)
            assertThat(drawn[0]).as("isolated curve at 0 %% with wallet %s", wallet).isCloseTo(drawn[1], org.assertj.core.data.Offset.offset(0.5));
            assertThat(drawn[2]).as("cross curve at 0 %% with wallet %s", wallet).isCloseTo(drawn[3], org.assertj.core.data.Offset.offset(0.5));
        }
    }
}
