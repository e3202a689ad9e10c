package org.marginlab.app.compare;

import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;

import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The account chart: total equity versus shock for the all-isolated and the all-cross account on
 * the same axes, a marker at each liquidation (its tooltip names it), a dashed line at the
 * current shock, and the values under the cursor in a small label that follows the mouse. It
 * draws what {@link EquityChartViewModel} holds and forwards the cursor's shock to it; the
 * values come from the view-model.
 */
final class EquityChart extends StackPane {
    private final EquityChartViewModel model;
    private final ShockLineChart chart;
    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final Label hover = new Label();

    EquityChart(EquityChartViewModel model) {
        this.model = model;
        getStyleClass().add("equity-chart-pane");
        xAxis.setAutoRanging(false);
        xAxis.setTickLabelFormatter(new NumberAxis.DefaultFormatter(xAxis, null, " %"));
        yAxis.setForceZeroInRange(true);
        chart = new ShockLineChart(xAxis, yAxis);
        chart.setId("equityChart");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setAxisSortingPolicy(LineChart.SortingPolicy.NONE);
        chart.titleProperty().bind(model.titleProperty());
        chart.setMinSize(280, 200);
        Label info = new Label(null, new FontIcon("mdi2i-information-outline"));
        info.setId("equityChartInfo");
        info.setTooltip(new Tooltip("Total equity of the account at each shock of the marks, with every position "
                + "isolated and with every position cross. Each marker is a liquidation (hover it for which); the dashed "
                + "line is the current shock. Hover the chart to read both values."));
        StackPane.setAlignment(info, Pos.TOP_RIGHT);

        hover.setId("equityHover");
        hover.getStyleClass().add("chart-hover");
        hover.setManaged(false);
        hover.setMouseTransparent(true);
        hover.textProperty().bind(model.hoverProperty());
        hover.visibleProperty().bind(model.hoverProperty().isNotEmpty());
        getChildren().addAll(chart, info, hover);

        chart.setOnMouseMoved(e -> {
            Point2D inAxis = xAxis.sceneToLocal(e.getSceneX(), e.getSceneY());
            if (inAxis.getX() < 0 || inAxis.getX() > xAxis.getWidth()) {
                model.hoverExit();
                return;
            }
            model.hoverAt(xAxis.getValueForDisplay(inAxis.getX()).doubleValue());
            Point2D here = sceneToLocal(e.getSceneX(), e.getSceneY());
            hover.autosize();
            double x = here.getX() + 14 + hover.getWidth() > getWidth() ? here.getX() - 14 - hover.getWidth() : here.getX() + 14;
            hover.relocate(x, Math.max(0, here.getY() - hover.getHeight() - 8));
        });
        chart.setOnMouseExited(e -> model.hoverExit());

        model.dataProperty().addListener((o, a, b) -> show(b));
        model.shockPercentProperty().addListener((o, a, b) -> chart.setShock(b.doubleValue()));
        show(model.dataProperty().get());
        chart.setShock(model.shockPercentProperty().get());
    }

    private void show(EquityChartData data) {
        xAxis.setLowerBound(data.fromPercent());
        xAxis.setUpperBound(data.toPercent());
        xAxis.setTickUnit(data.tickPercent());
        xAxis.setLabel(data.xLabel());
        yAxis.setLabel(data.yLabel());
        XYChart.Series<Number, Number> isolated = series("Every position isolated", data.isolated(),
                data.isolatedMarkers(), "isolated-marker");
        XYChart.Series<Number, Number> cross = series("Every position cross", data.cross(), data.crossMarkers(),
                "cross-marker");
        chart.getData().setAll(List.of(isolated, cross));
    }

    private static XYChart.Series<Number, Number> series(String name, List<EquityChartData.Point> points,
            List<EquityChartData.Marker> markers, String markerClass) {
        ObservableList<XYChart.Data<Number, Number>> data = FXCollections.observableArrayList();
        for (EquityChartData.Point p : points) {
            data.add(new XYChart.Data<>(p.x(), p.y()));
        }
        for (EquityChartData.Marker m : markers) {
            XYChart.Data<Number, Number> at = null;
            for (XYChart.Data<Number, Number> d : data) {
                if (d.getNode() == null && d.getXValue().doubleValue() == m.x() && d.getYValue().doubleValue() == m.y()) {
                    at = d;
                    break;
                }
            }
            if (at == null) {
                continue;
            }
            at.setNode(marker(m.label(), markerClass));
        }
        return new XYChart.Series<>(name, data);
    }

    private static Node marker(String label, String styleClass) {
        StackPane dot = new StackPane();
        dot.getStyleClass().addAll("liquidation-marker", styleClass);
        Tooltip.install(dot, new Tooltip(label));
        return dot;
    }

    /** A line chart with a dashed vertical line at the current shock. */
    private static final class ShockLineChart extends LineChart<Number, Number> {
        private final Line line = new Line();
        private double shock;

        ShockLineChart(NumberAxis x, NumberAxis y) {
            super(x, y);
            line.getStyleClass().add("current-shock-line");
            line.setMouseTransparent(true);
            getPlotChildren().add(line);
        }

        void setShock(double percent) {
            shock = percent;
            requestChartLayout();
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            NumberAxis x = (NumberAxis) getXAxis();
            NumberAxis y = (NumberAxis) getYAxis();
            double px = x.getDisplayPosition(shock);
            line.setStartX(px);
            line.setEndX(px);
            line.setStartY(y.getDisplayPosition(y.getUpperBound()));
            line.setEndY(y.getDisplayPosition(y.getLowerBound()));
            line.setVisible(shock >= x.getLowerBound() && shock <= x.getUpperBound());
            line.toFront();
        }
    }
}
