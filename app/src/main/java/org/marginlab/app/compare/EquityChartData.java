package org.marginlab.app.compare;

import java.util.List;

/**
 * What the equity-versus-shock chart draws: two curves and their liquidation markers, as plain
 * numbers (no chart types). Shocks in percent (−10 = 10 % down), equity in the settlement
 * currency.
 *
 * @param isolated         the all-isolated account's equity, points sorted by shock
 * @param cross            the all-cross account's equity, points sorted by shock
 * @param isolatedMarkers  one marker per isolated liquidation in range
 * @param crossMarkers     one marker per cross liquidation in range
 * @param fromPercent      the left end of the shock axis
 * @param toPercent        the right end of the shock axis
 * @param tickPercent      the shock axis' tick spacing, a round number of percent
 * @param xLabel           the shock axis' label, e.g. {@code Shock of every mark (%)}
 * @param yLabel           the equity axis' label, e.g. {@code Equity (USDT)}
 */
public record EquityChartData(
        List<Point> isolated,
        List<Point> cross,
        List<Marker> isolatedMarkers,
        List<Marker> crossMarkers,
        double fromPercent,
        double toPercent,
        double tickPercent,
        String xLabel,
        String yLabel) {

    /** Copies the lists. */
    public EquityChartData {
        isolated = List.copyOf(isolated);
        cross = List.copyOf(cross);
        isolatedMarkers = List.copyOf(isolatedMarkers);
        crossMarkers = List.copyOf(crossMarkers);
    }

    /** An empty chart. */
    public static final EquityChartData EMPTY = new EquityChartData(List.of(), List.of(), List.of(), List.of(), -10, 10,
            5, "Shock (%)", "Equity");

    /**
     * @param x  shock, percent
     * @param y  equity, settlement currency
     */
    public record Point(double x, double y) {
    }

    /**
     * @param x      shock, percent
     * @param y      equity right after the liquidation, settlement currency
     * @param label  e.g. {@code btc-long liquidated at −4.6 %}
     */
    public record Marker(double x, double y, String label) {
    }
}
