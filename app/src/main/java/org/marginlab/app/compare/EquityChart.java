package org.marginlab.app.compare;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.FXCollections;
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
import javafx.scene.shape.LineTo;
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
    /** The two series give the curves their paths, styles and legend; their data stay empty (the chart draws the points). */
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
        yAxis.heightProperty().addListener((o, a, b) -> rangeY(rangeOf(shown)));
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
        NiceRange range = rangeOf(data);
        boolean sameAxes = sameAxes(data, range);
        shown = data;
        if (!sameAxes) {
            xAxis.setLowerBound(data.fromPercent());
            xAxis.setUpperBound(data.toPercent());
            xAxis.setTickUnit(data.tickPercent());
            xAxis.setLabel(data.xLabel());
            rangeY(range);
        }
        // on the same axes (a keystroke moves the curves by fractions of a pixel) the curves and
        // the markers that moved are drawn at once, without laying the chart out
        chart.show(data, sameAxes);
    }

    /**
     * @param range  the round equity range of {@code data} ({@link #rangeOf})
     * @return whether {@code data} keeps the axes as they are: laid out, the same shock axis, and
     *         the same round equity range
     */
    private boolean sameAxes(EquityChartData data, NiceRange range) {
        return shown != EquityChartData.EMPTY && xAxis.getWidth() > 0 && yAxis.getHeight() > 0
                && data.fromPercent() == shown.fromPercent() && data.toPercent() == shown.toPercent()
                && data.tickPercent() == shown.tickPercent() && data.xLabel().equals(shown.xLabel())
                && range.equals(yRange);
    }

    /**
     * Sets the equity axis to the round range of the curves and markers shown, with a tick per
     * {@value #Y_TICK_SPACING} pixels of the axis' height at most; the axis is touched only when
     * the range changes, so its tick labels stay while the curves move inside them.
     */
    private void rangeY(NiceRange range) {
        if (!range.equals(yRange)) {
            yRange = range;
            yAxis.setLowerBound(range.lower());
            yAxis.setUpperBound(range.upper());
            yAxis.setTickUnit(range.tick());
        }
    }

    /** @return the round range of {@code data}'s curves and markers for the equity axis' height now */
    private NiceRange rangeOf(EquityChartData data) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (List<EquityChartData.Point> points : List.of(data.isolated(), data.cross())) {
            for (EquityChartData.Point p : points) {
                min = Math.min(min, p.y());
                max = Math.max(max, p.y());
            }
        }
        for (List<EquityChartData.Marker> markers : List.of(data.isolatedMarkers(), data.crossMarkers())) {
            for (EquityChartData.Marker m : markers) {
                min = Math.min(min, m.y());
                max = Math.max(max, m.y());
            }
        }
        double height = yAxis.getHeight();
        int ticks = height > 0 ? Math.max(1, (int) (height / Y_TICK_SPACING)) : 5;
        return NiceRange.of(min, max, ticks);
    }

    /**
     * A line chart with a dashed vertical line at the current shock and the liquidation markers.
     * It draws its two curves itself, into the series' own line paths (so they keep the series'
     * styles and legend), from the points it holds rather than from the series' data, which stay
     * empty: new curves on the same axes are drawn at once, without laying the chart out (which
     * re-measures both axes and draws every path again), and a path none of whose points moves is
     * left alone; a new axis range lays the chart out as usual. Moving the shock only moves the
     * line (an unmanaged node placed from the axes' scale). Each side's markers are one shape (a
     * circle per liquidation), not one node each, so that hundreds of liquidations add two nodes
     * to the scene, not hundreds; the shape's tooltip names the marker under the cursor.
     */
    private static final class ShockLineChart extends LineChart<Number, Number> {
        private static final double MARKER_RADIUS = 4;

        private final Line line = new Line();
        private final Markers isolatedMarkers = new Markers("isolated-marker");
        private final Markers crossMarkers = new Markers("cross-marker");
        /** The curves drawn, by series index (isolated, cross). */
        private List<List<EquityChartData.Point>> curves = List.of(List.of(), List.of());
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
            if (laidOut()) {
                placeLine();
            } else {
                requestChartLayout();
            }
        }

        private boolean laidOut() {
            return getXAxis().getWidth() > 0 && getYAxis().getHeight() > 0;
        }

        /**
         * Takes new curves and markers.
         *
         * @param data      the curves and markers, not null
         * @param sameAxes  whether the axes stay as they are: they are drawn now (a path or a
         *                  marker that does not move is left alone); else at the chart's layout,
         *                  which is asked for through the chart's own parents: the plot is laid
         *                  out as a layout root of its own, whose request climbs only through
         *                  ancestors not yet marked, and one marked during an earlier layout pass
         *                  (a label relocated inside the title box) would stop it short of the
         *                  scene, the new axes and curves waiting for an unrelated layout
         */
        void show(EquityChartData data, boolean sameAxes) {
            curves = List.of(data.isolated(), data.cross());
            isolatedMarkers.markers = data.isolatedMarkers();
            crossMarkers.markers = data.crossMarkers();
            if (sameAxes && laidOut()) {
                drawCurves();
                isolatedMarkers.place();
                crossMarkers.place();
            } else {
                requestChartLayout();
                requestLayout();
            }
        }

        @Override
        protected void layoutPlotChildren() {
            // not LineChart's: it would draw the (empty) series' data
            drawCurves();
            isolatedMarkers.place();
            crossMarkers.place();
            placeLine();
            isolatedMarkers.shape.toFront();
            crossMarkers.shape.toFront();
            line.toFront();
        }

        /** Draws each curve into its series' line path, on the axes' current scale. */
        private void drawCurves() {
            for (int s = 0; s < getData().size() && s < curves.size(); s++) {
                if (getData().get(s).getNode() instanceof Path path) {
                    draw(path, curves.get(s));
                }
            }
        }

        /**
         * A polyline through the points. Its elements are made anew, all at once, only when one
         * of them would move (one list change; setting the elements' coordinates one by one
         * would recompute the path's geometry at each).
         */
        private void draw(Path path, List<EquityChartData.Point> points) {
            NumberAxis x = (NumberAxis) getXAxis();
            NumberAxis y = (NumberAxis) getYAxis();
            double[] xs = new double[points.size()];
            double[] ys = new double[points.size()];
            for (int i = 0; i < points.size(); i++) {
                xs[i] = x.getDisplayPosition(points.get(i).x());
                ys[i] = y.getDisplayPosition(points.get(i).y());
            }
            if (drawnAt(path.getElements(), xs, ys, 1)) {
                return;
            }
            List<PathElement> fresh = new ArrayList<>(points.size());
            for (int i = 0; i < points.size(); i++) {
                fresh.add(i == 0 ? new MoveTo(xs[i], ys[i]) : new LineTo(xs[i], ys[i]));
            }
            path.getElements().setAll(fresh);
        }

        /**
         * @param elements  a path's elements: one group of {@code stride} per point, starting
         *                  with a move-to or line-to
         * @return whether each group starts exactly at ({@code xs[i]}, {@code ys[i]}), as many
         */
        private static boolean drawnAt(List<PathElement> elements, double[] xs, double[] ys, int stride) {
            if (elements.size() != xs.length * stride) {
                return false;
            }
            for (int i = 0; i < xs.length; i++) {
                PathElement e = elements.get(i * stride);
                double ex = e instanceof MoveTo m ? m.getX() : e instanceof LineTo l ? l.getX() : Double.NaN;
                double ey = e instanceof MoveTo m ? m.getY() : e instanceof LineTo l ? l.getY() : Double.NaN;
                if (ex != xs[i] || ey != ys[i]) {
                    return false;
                }
            }
            return true;
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

        /**
         * One side's liquidation markers: a circle per marker in one path (a move-to, two arcs
         * and a close each), with a tooltip naming the nearest.
         */
        private final class Markers {
            private static final int ELEMENTS = 4;
            final Path shape = new Path();
            final Tooltip tooltip = new Tooltip();
            List<EquityChartData.Marker> markers = List.of();

            Markers(String styleClass) {
                shape.getStyleClass().addAll("liquidation-markers", styleClass);
                shape.setManaged(false);
                Tooltip.install(shape, tooltip);
                shape.setOnMouseMoved(e -> tooltip.setText(nearest(e.getX(), e.getY())));
            }

            /**
             * Draws the markers on the axes' current scale; the path's elements are made anew,
             * all at once, only when a marker would move.
             */
            void place() {
                NumberAxis x = (NumberAxis) getXAxis();
                NumberAxis y = (NumberAxis) getYAxis();
                double[] xs = new double[markers.size()];
                double[] ys = new double[markers.size()];
                for (int i = 0; i < markers.size(); i++) {
                    xs[i] = x.getDisplayPosition(markers.get(i).x()) + MARKER_RADIUS;
                    ys[i] = y.getDisplayPosition(markers.get(i).y());
                }
                if (drawnAt(shape.getElements(), xs, ys, ELEMENTS)) {
                    return;
                }
                List<PathElement> elements = new ArrayList<>(markers.size() * ELEMENTS);
                for (int i = 0; i < markers.size(); i++) {
                    // from the circle's rightmost point (xs[i], as drawnAt compares it) round to its leftmost and back
                    double right = xs[i];
                    double py = ys[i];
                    elements.add(new MoveTo(right, py));
                    elements.add(new ArcTo(MARKER_RADIUS, MARKER_RADIUS, 0, right - 2 * MARKER_RADIUS, py, false, true));
                    elements.add(new ArcTo(MARKER_RADIUS, MARKER_RADIUS, 0, right, py, false, true));
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
