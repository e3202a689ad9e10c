package org.marginlab.app.replay;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.util.Duration;

/**
 * The replay's one chart: each side's equity over the path's time (a line each), a dashed
 * vertical cursor at the point shown and a dot at each liquidation (a ring for the isolated side,
 * a filled dot for the cross side, the tooltip naming it). Draws what {@link ReplayViewModel}
 * holds; new lines only when a new replay is loaded, the cursor moves on every point.
 */
final class ReplayChart extends LineChart<Number, Number> {
    private final NumberAxis x;
    private final NumberAxis y;
    private final Line cursorLine = new Line();
    private final List<Circle> dots = new ArrayList<>();
    private ReplayChartData data = ReplayChartData.EMPTY;
    private double cursorX;

    ReplayChart(ReplayViewModel model) {
        super(new NumberAxis(), new NumberAxis());
        this.x = (NumberAxis) getXAxis();
        this.y = (NumberAxis) getYAxis();
        setId("replayChart");
        getStyleClass().add("replay-chart");
        setCreateSymbols(false);
        setAnimated(false);
        setLegendVisible(true);
        x.setAutoRanging(false);
        x.setLowerBound(0);
        y.setForceZeroInRange(false);
        cursorLine.getStyleClass().add("replay-cursor");
        cursorLine.setManaged(false);
        getPlotChildren().add(cursorLine);
        model.chartProperty().addListener((o, a, b) -> show(b));
        model.cursorProperty().addListener((o, a, b) -> {
            cursorX = b;
            requestChartLayout();
        });
        show(model.chartProperty().get());
    }

    private void show(ReplayChartData d) {
        data = d == null ? ReplayChartData.EMPTY : d;
        XYChart.Series<Number, Number> iso = new XYChart.Series<>("Every position isolated", FXCollections.observableArrayList());
        XYChart.Series<Number, Number> cross = new XYChart.Series<>("Every position cross", FXCollections.observableArrayList());
        for (ReplayChartData.Point p : data.isolated()) {
            iso.getData().add(new XYChart.Data<>(p.x(), p.y()));
        }
        for (ReplayChartData.Point p : data.cross()) {
            cross.getData().add(new XYChart.Data<>(p.x(), p.y()));
        }
        getData().setAll(List.of(iso, cross));
        x.setUpperBound(data.xMax());
        x.setTickUnit(tick(data.xMax()));
        x.setLabel("time from the start (" + data.unit() + ")");
        y.setLabel("equity (" + data.currency() + ")");
        getPlotChildren().removeAll(dots);
        dots.clear();
        for (ReplayChartData.Dot dot : data.dots()) {
            Circle c = new Circle(5);
            c.getStyleClass().addAll("replay-dot", dot.cross() ? "cross-dot" : "isolated-dot");
            c.setManaged(false);
            Tooltip t = new Tooltip(dot.text());
            t.setShowDelay(Duration.millis(150));
            Tooltip.install(c, t);
            dots.add(c);
        }
        getPlotChildren().addAll(dots);
        cursorLine.toFront();
        requestChartLayout();
    }

    private static double tick(double max) {
        double raw = max / 8;
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        double m = raw / power;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * power;
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        double px = x.getDisplayPosition(cursorX);
        cursorLine.setStartX(px);
        cursorLine.setEndX(px);
        cursorLine.setStartY(0);
        cursorLine.setEndY(y.getHeight());
        cursorLine.setVisible(!data.isolated().isEmpty());
        for (int i = 0; i < dots.size() && i < data.dots().size(); i++) {
            ReplayChartData.Dot d = data.dots().get(i);
            dots.get(i).setCenterX(x.getDisplayPosition(d.x()));
            dots.get(i).setCenterY(y.getDisplayPosition(d.y()));
        }
    }
}
