package org.marginlab.app.chart;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

/**
 * A line chart of one series with vertical marker lines (with optional labels), one horizontal
 * threshold line and a crosshair, all placed from axis values in {@link #layoutPlotChildren()}.
 * Fixed axes (no auto-ranging), no animation, no symbols, data already sorted by x: a refresh
 * only moves existing data points and lines. Colours and dashes come from CSS style classes.
 */
final class MarkedLineChart extends LineChart<Number, Number> {
    /** Where a vertical mark's label goes. */
    enum LabelPlace { NONE, TOP, BOTTOM }

    /**
     * A vertical line to draw.
     *
     * @param key      stable identity across refreshes (reuses the nodes)
     * @param x        the x value
     * @param label    the label text, or null
     * @param place    where the label goes
     * @param row      the label's row from the top or bottom (labels of near values do not overlap)
     * @param nodeId   the label's node id, or null
     * @param classes  style classes of the line and the label
     * @param behind   whether the line goes behind the series (faint guide lines)
     */
    record Vertical(String key, double x, String label, LabelPlace place, int row, String nodeId, List<String> classes,
            boolean behind) {
    }

    private static final double LABEL_GAP = 4;

    private final NumberAxis xAxis;
    private final NumberAxis yAxis;
    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();
    private final Map<String, Mark> marks = new HashMap<>();
    private final List<Mark> shown = new ArrayList<>();
    private final Line threshold = new Line();
    private final Label thresholdLabel = new Label();
    private final Line crosshair = new Line();
    private final Circle crosshairDot = new Circle(4);
    private final Rectangle zone = new Rectangle();
    private double zoneFrom = Double.NaN;
    private double zoneTo = Double.NaN;
    private boolean xTitleVisible = true;
    private double thresholdY = Double.NaN;
    private double crossX = Double.NaN;
    private double crossY = Double.NaN;

    private static final class Mark {
        final Line line = new Line();
        final Label label = new Label();
        Vertical spec;
    }

    /**
     * @param id          the chart's node id
     * @param seriesName  the series' name
     */
    MarkedLineChart(String id, String seriesName) {
        super(new NumberAxis(), new NumberAxis());
        xAxis = (NumberAxis) getXAxis();
        yAxis = (NumberAxis) getYAxis();
        setId(id);
        getStyleClass().add("position-chart");
        setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(false);
        setAxisSortingPolicy(SortingPolicy.NONE);
        for (NumberAxis a : List.of(xAxis, yAxis)) {
            a.setAutoRanging(false);
            a.setAnimated(false);
            a.setForceZeroInRange(false);
            a.setMinorTickVisible(false);
        }
        series.setName(seriesName);
        getData().add(series);

        threshold.getStyleClass().add("threshold-line");
        thresholdLabel.getStyleClass().add("threshold-label");
        crosshair.getStyleClass().add("crosshair");
        crosshairDot.getStyleClass().add("crosshair-dot");
        zone.getStyleClass().add("liquidation-zone");
        for (Node n : List.of(threshold, thresholdLabel, crosshair, crosshairDot, zone)) {
            n.setMouseTransparent(true);
            n.setVisible(false);
        }
        getPlotChildren().add(0, threshold);
        getPlotChildren().add(0, zone);
        getPlotChildren().addAll(thresholdLabel, crosshair, crosshairDot);
    }

    /**
     * Sets the axes.
     *
     * @param x       the x axis' bounds, tick unit and label
     * @param y       the y axis'
     * @param xTicks  x tick label text
     * @param yTicks  y tick label text
     */
    void setAxes(PositionChartData.Axis x, PositionChartData.Axis y, StringConverter<Number> xTicks,
            StringConverter<Number> yTicks) {
        apply(xAxis, x, xTicks);
        apply(yAxis, y, yTicks);
        if (!xTitleVisible) {
            xAxis.setLabel(null);
        }
    }

    private static void apply(NumberAxis axis, PositionChartData.Axis a, StringConverter<Number> ticks) {
        axis.setLowerBound(a.lower());
        axis.setUpperBound(a.upper());
        axis.setTickUnit(a.tickUnit());
        axis.setLabel(a.label());
        axis.setTickLabelFormatter(ticks);
    }

    /** @param visible  whether the x axis shows its title (the tick labels stay) */
    void setXAxisTitleVisible(boolean visible) {
        xTitleVisible = visible;
        if (!visible) {
            xAxis.setLabel(null);
        }
    }

    /**
     * @param from  the shaded range's lower x value, NaN for none
     * @param to    its upper x value
     */
    void setZone(double from, double to) {
        zoneFrom = from;
        zoneTo = to;
        requestChartLayout();
    }

    /**
     * Replaces the series' points, reusing the existing data items.
     *
     * @param n  the number of points
     * @param x  the i-th x value (ascending)
     * @param y  the i-th y value
     */
    void setPoints(int n, IntToDoubleFunction x, IntToDoubleFunction y) {
        ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        if (data.size() > n) {
            data.remove(n, data.size());
        }
        int reused = data.size();
        for (int i = 0; i < reused; i++) {
            XYChart.Data<Number, Number> d = data.get(i);
            d.setXValue(x.applyAsDouble(i));
            d.setYValue(y.applyAsDouble(i));
        }
        if (n > reused) {
            List<XYChart.Data<Number, Number>> added = new ArrayList<>(n - reused);
            for (int i = reused; i < n; i++) {
                added.add(new XYChart.Data<>(x.applyAsDouble(i), y.applyAsDouble(i)));
            }
            data.addAll(added);
        }
    }

    /** @return the number of points of the series */
    int pointCount() {
        return series.getData().size();
    }

    /**
     * Shows exactly these vertical lines (others are hidden).
     *
     * @param verticals  the lines, not null
     */
    void setVerticals(List<Vertical> verticals) {
        for (Mark m : shown) {
            m.line.setVisible(false);
            m.label.setVisible(false);
        }
        shown.clear();
        for (Vertical v : verticals) {
            Mark m = marks.computeIfAbsent(v.key(), k -> create(v));
            m.spec = v;
            m.label.setText(v.label());
            shown.add(m);
        }
        requestChartLayout();
    }

    private Mark create(Vertical v) {
        Mark m = new Mark();
        m.line.getStyleClass().addAll(v.classes());
        m.line.getStyleClass().add("marker-line");
        m.label.getStyleClass().addAll(v.classes());
        m.label.getStyleClass().add("marker-label");
        if (v.nodeId() != null) {
            m.label.setId(v.nodeId());
        }
        m.line.setMouseTransparent(true);
        m.label.setMouseTransparent(true);
        if (v.behind()) {
            getPlotChildren().add(0, m.line);
        } else {
            getPlotChildren().add(m.line);
        }
        getPlotChildren().add(m.label);
        return m;
    }

    /**
     * @param y      the horizontal line's y value, or NaN for none
     * @param label  its label
     */
    void setThreshold(double y, String label) {
        thresholdY = y;
        thresholdLabel.setText(label);
        requestChartLayout();
    }

    /**
     * @param x  the crosshair's x value, NaN to hide it
     * @param y  the dot's y value, NaN for no dot
     */
    void setCrosshair(double x, double y) {
        crossX = x;
        crossY = y;
        requestChartLayout();
    }

    /**
     * @param sceneX  a mouse position in scene coordinates
     * @param sceneY  a mouse position in scene coordinates
     * @return the x value under it, or NaN outside the plot area
     */
    double valueAt(double sceneX, double sceneY) {
        Point2D inX = xAxis.sceneToLocal(sceneX, sceneY);
        Point2D inY = yAxis.sceneToLocal(sceneX, sceneY);
        if (inX == null || inY == null || inX.getX() < 0 || inX.getX() > xAxis.getWidth() || inY.getY() < 0
                || inY.getY() > yAxis.getHeight()) {
            return Double.NaN;
        }
        return xAxis.getValueForDisplay(inX.getX()).doubleValue();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        double width = xAxis.getWidth();
        double height = yAxis.getHeight();
        for (Mark m : shown) {
            Vertical v = m.spec;
            double px = xAxis.getDisplayPosition(v.x());
            boolean inside = px >= 0 && px <= width;
            m.line.setVisible(inside);
            m.label.setVisible(inside && v.place() != LabelPlace.NONE && v.label() != null);
            if (!inside) {
                continue;
            }
            double crisp = Math.round(px) + 0.5;
            m.line.setStartX(crisp);
            m.line.setEndX(crisp);
            m.line.setStartY(0);
            m.line.setEndY(height);
            if (m.label.isVisible()) {
                m.label.autosize();
                double w = m.label.getWidth();
                double h = m.label.getHeight();
                double lx = crisp + LABEL_GAP + w <= width ? crisp + LABEL_GAP : crisp - LABEL_GAP - w;
                double ly = v.place() == LabelPlace.TOP ? LABEL_GAP + v.row() * (h + 2)
                        : height - LABEL_GAP - h - v.row() * (h + 2);
                m.label.relocate(Math.max(0, lx), ly);
            }
        }
        boolean hasZone = !Double.isNaN(zoneFrom);
        if (hasZone) {
            double a = Math.max(0, Math.min(width, xAxis.getDisplayPosition(zoneFrom)));
            double b = Math.max(0, Math.min(width, xAxis.getDisplayPosition(zoneTo)));
            zone.setX(Math.min(a, b));
            zone.setY(0);
            zone.setWidth(Math.abs(b - a));
            zone.setHeight(height);
            hasZone = zone.getWidth() > 0;
        }
        zone.setVisible(hasZone);
        boolean hasThreshold = !Double.isNaN(thresholdY) && thresholdY >= yAxis.getLowerBound()
                && thresholdY <= yAxis.getUpperBound();
        threshold.setVisible(hasThreshold);
        thresholdLabel.setVisible(hasThreshold);
        if (hasThreshold) {
            double py = Math.round(yAxis.getDisplayPosition(thresholdY)) + 0.5;
            threshold.setStartX(0);
            threshold.setEndX(width);
            threshold.setStartY(py);
            threshold.setEndY(py);
            thresholdLabel.autosize();
            thresholdLabel.relocate(width - thresholdLabel.getWidth() - LABEL_GAP,
                    py - thresholdLabel.getHeight() - 1);
        }
        double cx = Double.isNaN(crossX) ? Double.NaN : xAxis.getDisplayPosition(crossX);
        boolean hasCross = !Double.isNaN(cx) && cx >= 0 && cx <= width;
        crosshair.setVisible(hasCross);
        if (hasCross) {
            double crisp = Math.round(cx) + 0.5;
            crosshair.setStartX(crisp);
            crosshair.setEndX(crisp);
            crosshair.setStartY(0);
            crosshair.setEndY(height);
        }
        boolean hasDot = hasCross && !Double.isNaN(crossY) && crossY >= yAxis.getLowerBound()
                && crossY <= yAxis.getUpperBound();
        crosshairDot.setVisible(hasDot);
        if (hasDot) {
            crosshairDot.setCenterX(cx);
            crosshairDot.setCenterY(yAxis.getDisplayPosition(crossY));
        }
    }
}
