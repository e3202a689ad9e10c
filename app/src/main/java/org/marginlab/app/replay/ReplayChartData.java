package org.marginlab.app.replay;

import java.util.List;

/**
 * What the replay's chart draws, computed once per replay: each side's equity at every point of
 * the path and a dot at each liquidation. {@code double} by design: it is drawn, not accounted.
 *
 * @param isolated   the all-isolated side's equity per point, x in {@link #unit}s from the start
 * @param cross      the all-cross side's equity per point
 * @param dots       one per liquidation of either side, on its side's line
 * @param unit       the x axis' unit, {@code min} or {@code h}
 * @param xMax       the path's length in that unit
 * @param currency   the settlement currency of the equity axis
 */
public record ReplayChartData(List<Point> isolated, List<Point> cross, List<Dot> dots, String unit, double xMax,
        String currency) {

    /** No replay. */
    public static final ReplayChartData EMPTY = new ReplayChartData(List.of(), List.of(), List.of(), "min", 1, "");

    /** Copies the lists. */
    public ReplayChartData {
        isolated = List.copyOf(isolated);
        cross = List.copyOf(cross);
        dots = List.copyOf(dots);
    }

    /**
     * @param x  time from the start, in the chart's unit
     * @param y  equity, settlement currency
     */
    public record Point(double x, double y) {
    }

    /**
     * @param x       the liquidation's time from the start, in the chart's unit
     * @param y       its side's equity there (on the line between the two points around it)
     * @param cross   whether it is the cross side's (else the isolated side's)
     * @param text    its tooltip, e.g. {@code 00:30 · isolated · btc-long liquidated at 57,228.92}
     */
    public record Dot(double x, double y, boolean cross, String text) {
    }

    /**
     * @param point  a point index of the path
     * @return its x in the chart's unit (the isolated line's point)
     */
    public double x(int point) {
        return point < isolated.size() ? isolated.get(point).x() : 0;
    }
}
