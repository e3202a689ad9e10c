package org.marginlab.app.compare;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.ArcTo;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.Line;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;

import org.kordamp.ikonli.javafx.FontIcon;
import org.marginlab.app.ui.NiceRange;

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
    /** The least height, in pixels, between two ticks of the equity axis. */
    private static final int Y_TICK_SPACING = 28;
    /** The data shown, and the equity axis' range for it. */
    private EquityChartData shown = EquityChartData.EMPTY;
    private NiceRange yRange;
    private final Label hover = new Label();
    private final Label title = new Label();
    private final Label shockTitle = new Label();
    private final XYChart.Series<Number, Number> isolatedSeries = new XYChart.Series<>("Every position isolated",
            FXCollections.observableArrayList());
    private final XYChart.Series<Number, Number> crossSeries = new XYChart.Series<>("Every position cross",
            FXCollections.observableArrayList());

    EquityChart(EquityChartViewModel model) {
        this.model = model;
        getStyleClass().add("equity-chart-pane");
        xAxis.setAutoRanging(false);
        xAxis.setTickLabelFormatter(new NumberAxis.DefaultFormatter(xAxis, null, " %"));
        // ranged here from the data (NiceRange), not by the axis: its auto-ranging re-measures
        // candidate tick labels at every layout with new data
        yAxis.setAutoRanging(false);
        yAxis.heightProperty().addListener((o, a, b) -> rangeY());
        chart = new ShockLineChart(xAxis, yAxis);
        chart.setId("equityChart");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setAxisSortingPolicy(LineChart.SortingPolicy.NONE);
        // the title names the current shock, so it changes at every step: outside the chart, a new
        // title only re-lays the title, not the chart's axes and curves (which a chart title would)
        title.setId("equityChartTitle");
        title.getStyleClass().addAll("chart-title", "equity-chart-title");
        title.textProperty().bind(model.titleProperty());
        title.setMaxWidth(Double.MAX_VALUE);
        title.setAlignment(Pos.CENTER);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        // the shock on a line of its own, neither wrapping: this one changes at every step
        shockTitle.setId("equityChartShock");
        shockTitle.getStyleClass().addAll(atlantafx.base.theme.Styles.TEXT_SMALL, atlantafx.base.theme.Styles.TEXT_MUTED);
        shockTitle.textProperty().bind(model.shockTitleProperty());
        shockTitle.setMaxWidth(Double.MAX_VALUE);
        shockTitle.setAlignment(Pos.CENTER);
        shockTitle.setMinWidth(Region.USE_PREF_SIZE);
        chart.setMinSize(280, 220);
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
        VBox titled = new VBox(title, shockTitle, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(titled, info, hover);

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

        chart.getData().setAll(List.of(isolatedSeries, crossSeries));
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
        fill(isolatedSeries, data.isolated());
        fill(crossSeries, data.cross());
        chart.setMarkers(data.isolatedMarkers(), data.crossMarkers());
        shown = data;
        rangeY();
    }

    /**
     * Sets the equity axis to the round range of the curves and markers shown, with a tick per
     * {@value #Y_TICK_SPACING} pixels of the axis' height at most; the axis is touched only when
     * the range changes, so its tick labels stay while the curves move inside them.
     */
    private void rangeY() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (List<EquityChartData.Point> points : List.of(shown.isolated(), shown.cross())) {
            for (EquityChartData.Point p : points) {
                min = Math.min(min, p.y());
                max = Math.max(max, p.y());
            }
        }
        for (List<EquityChartData.Marker> markers : List.of(shown.isolatedMarkers(), shown.crossMarkers())) {
            for (EquityChartData.Marker m : markers) {
                min = Math.min(min, m.y());
                max = Math.max(max, m.y());
            }
        }
        double height = yAxis.getHeight();
        int ticks = height > 0 ? Math.max(1, (int) (height / Y_TICK_SPACING)) : 5;
        NiceRange range = NiceRange.of(min, max, ticks);
        if (!range.equals(yRange)) {
            yRange = range;
            yAxis.setLowerBound(range.lower());
            yAxis.setUpperBound(range.upper());
            yAxis.setTickUnit(range.tick());
        }
    }

    /**
     * Puts the points into the series: in place when the count is the same (new walks keep the
     * chart's point count), so the chart keeps its curves' nodes and their styles and only
     * re-lays their paths.
     */
    private static void fill(XYChart.Series<Number, Number> series, List<EquityChartData.Point> points) {
        ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        if (data.size() == points.size()) {
            for (int i = 0; i < points.size(); i++) {
                XYChart.Data<Number, Number> d = data.get(i);
                EquityChartData.Point p = points.get(i);
                if (d.getXValue().doubleValue() != p.x()) {
                    d.setXValue(p.x());
                }
                if (d.getYValue().doubleValue() != p.y()) {
                    d.setYValue(p.y());
                }
            }
            return;
        }
        List<XYChart.Data<Number, Number>> fresh = new ArrayList<>(points.size());
        for (EquityChartData.Point p : points) {
            fresh.add(new XYChart.Data<>(p.x(), p.y()));
        }
        data.setAll(fresh);
    }

    /**
     * A line chart with a dashed vertical line at the current shock and the liquidation markers.
     * Moving the shock only moves the line (an unmanaged node placed from the axes' scale); the
     * chart's layout, which re-measures the axes and redraws both curves, is requested only when
     * the axes are not laid out yet. Each side's markers are one shape (a circle per liquidation),
     * not one node each, so that hundreds of liquidations add two nodes to the scene, not hundreds;
     * the shape's tooltip names the marker under the cursor.
     */
    private static final class ShockLineChart extends LineChart<Number, Number> {
        private static final double MARKER_RADIUS = 4;

        private final Line line = new Line();
        private final Markers isolatedMarkers = new Markers("isolated-marker");
        private final Markers crossMarkers = new Markers("cross-marker");
        private double shock;

        ShockLineChart(NumberAxis x, NumberAxis y) {
            super(x, y);
            line.getStyleClass().add("current-shock-line");
            line.setMouseTransparent(true);
            line.setManaged(false);
            getPlotChildren().addAll(isolatedMarkers.shape, crossMarkers.shape, line);
        }

        void setShock(double percent) {
            shock = percent;
            if (getXAxis().getWidth() > 0 && getYAxis().getHeight() > 0) {
                placeLine();
            } else {
                requestChartLayout();
            }
        }

        void setMarkers(List<EquityChartData.Marker> isolated, List<EquityChartData.Marker> cross) {
            isolatedMarkers.markers = List.copyOf(isolated);
            crossMarkers.markers = List.copyOf(cross);
            requestChartLayout();
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            isolatedMarkers.place();
            crossMarkers.place();
            placeLine();
            isolatedMarkers.shape.toFront();
            crossMarkers.shape.toFront();
            line.toFront();
        }

        /** Puts the line at the current shock on the axes' current scale (plot coordinates). */
        private void placeLine() {
            NumberAxis x = (NumberAxis) getXAxis();
            NumberAxis y = (NumberAxis) getYAxis();
            double px = x.getDisplayPosition(shock);
            line.setStartX(px);
            line.setEndX(px);
            line.setStartY(y.getDisplayPosition(y.getUpperBound()));
            line.setEndY(y.getDisplayPosition(y.getLowerBound()));
            line.setVisible(shock >= x.getLowerBound() && shock <= x.getUpperBound());
        }

        /** One side's liquidation markers: a circle per marker in one path, with a tooltip naming the nearest. */
        private final class Markers {
            final Path shape = new Path();
            final Tooltip tooltip = new Tooltip();
            List<EquityChartData.Marker> markers = List.of();

            Markers(String styleClass) {
                shape.getStyleClass().addAll("liquidation-markers", styleClass);
                shape.setManaged(false);
                Tooltip.install(shape, tooltip);
                shape.setOnMouseMoved(e -> tooltip.setText(nearest(e.getX(), e.getY())));
            }

            void place() {
                NumberAxis x = (NumberAxis) getXAxis();
                NumberAxis y = (NumberAxis) getYAxis();
                List<PathElement> elements = new ArrayList<>(markers.size() * 4);
                for (EquityChartData.Marker m : markers) {
                    double px = x.getDisplayPosition(m.x());
                    double py = y.getDisplayPosition(m.y());
                    elements.add(new MoveTo(px + MARKER_RADIUS, py));
                    elements.add(new ArcTo(MARKER_RADIUS, MARKER_RADIUS, 0, px - MARKER_RADIUS, py, false, true));
                    elements.add(new ArcTo(MARKER_RADIUS, MARKER_RADIUS, 0, px + MARKER_RADIUS, py, false, true));
                    elements.add(new ClosePath());
                }
                shape.getElements().setAll(elements);
            }

            /** The label of the marker nearest to a point of the plot, or empty without markers. */
            String nearest(double px, double py) {
                NumberAxis x = (NumberAxis) getXAxis();
                NumberAxis y = (NumberAxis) getYAxis();
                String best = "";
                double bestDistance = Double.POSITIVE_INFINITY;
                for (EquityChartData.Marker m : markers) {
                    double dx = x.getDisplayPosition(m.x()) - px;
                    double dy = y.getDisplayPosition(m.y()) - py;
                    double d = dx * dx + dy * dy;
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = m.label();
                    }
                }
                return best;
            }
        }
    }
}
