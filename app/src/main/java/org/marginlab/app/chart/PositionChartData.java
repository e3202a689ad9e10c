package org.marginlab.app.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the position charts draw, as plain data: one immutable snapshot per refresh of
 * {@link PositionChartViewModel}. The two series share their x values (mark prices, ascending):
 * the position's unrealized PnL and the margin ratio (a fraction, 1 = 100 %), plus the
 * markers, the tier boundaries and the axes.
 *
 * <p>Margin-ratio values are for drawing: where the ratio is undefined (a margin balance ≤ 0,
 * i.e. past bankruptcy) or far off the axis it is clamped to {@link #RATIO_CLAMP} times the
 * axis' upper bound, so the line leaves the plot at the top there. The exact values at a price
 * come from {@link PositionChartViewModel#hover(double)}.
 *
 * <p>Immutable.
 */
public final class PositionChartData {
    /** Drawn ratios are clamped to [−1, 10] × the ratio axis' upper bound. */
    public static final double RATIO_CLAMP = 10;

    private static final double[] NONE = new double[0];
    private static final Axis NO_AXIS = new Axis(0, 1, 1, "");

    private final String title;
    private final String message;
    private final String caption;
    private final double[] prices;
    private final double[] pnl;
    private final double[] ratio;
    private final Map<MarkerKind, Marker> markers;
    private final List<TierLine> tierLines;
    private final Axis priceAxis;
    private final Axis pnlAxis;
    private final Axis ratioAxis;
    private final String thresholdLabel;
    private final Zone liquidationZone;

    PositionChartData(String title, String message, String caption, double[] prices, double[] pnl, double[] ratio,
            List<Marker> markers, List<TierLine> tierLines, Axis priceAxis, Axis pnlAxis, Axis ratioAxis,
            String thresholdLabel, Zone liquidationZone) {
        this.title = title;
        this.message = message;
        this.caption = caption;
        this.prices = prices;
        this.pnl = pnl;
        this.ratio = ratio;
        Map<MarkerKind, Marker> m = new EnumMap<>(MarkerKind.class);
        for (Marker marker : markers) {
            m.put(marker.kind(), marker);
        }
        this.markers = Collections.unmodifiableMap(m);
        this.tierLines = List.copyOf(tierLines);
        this.priceAxis = priceAxis;
        this.pnlAxis = pnlAxis;
        this.ratioAxis = ratioAxis;
        this.thresholdLabel = thresholdLabel;
        this.liquidationZone = liquidationZone;
    }

    /**
     * @param title    what the charts would show, or empty
     * @param message  why there is nothing to draw
     * @return a snapshot with no series
     */
    static PositionChartData empty(String title, String message) {
        return new PositionChartData(title, message, "", NONE, NONE, NONE, List.of(), List.of(), NO_AXIS, NO_AXIS,
                NO_AXIS, "", null);
    }

    /** @return whether there is nothing to draw ({@link #message()} says why) */
    public boolean isEmpty() {
        return prices.length == 0;
    }

    /** @return e.g. {@code long 0.5 BTCUSDT @ 60000 · isolated · Binance USD-M Futures}; never null */
    public String title() {
        return title;
    }

    /** @return a note for the user (no position, stale inputs, shocked marks), or empty; never null */
    public String message() {
        return message;
    }

    /** @return what the margin ratio is and where liquidation happens, in words; never null */
    public String caption() {
        return caption;
    }

    /** @return the number of points of each series */
    public int size() {
        return prices.length;
    }

    /**
     * @param i  0 ≤ i &lt; {@link #size()}
     * @return the i-th mark price (ascending), quote per base
     */
    public double price(int i) {
        return prices[i];
    }

    /**
     * @param i  0 ≤ i &lt; {@link #size()}
     * @return the position's unrealized PnL at the i-th price, settlement currency
     */
    public double pnl(int i) {
        return pnl[i];
    }

    /**
     * @param i  0 ≤ i &lt; {@link #size()}
     * @return the margin ratio at the i-th price as a fraction, clamped for drawing
     */
    public double marginRatio(int i) {
        return ratio[i];
    }

    /** @return a copy of the prices */
    public double[] prices() {
        return prices.clone();
    }

    /** @return a copy of the PnL values */
    public double[] pnlValues() {
        return pnl.clone();
    }

    /** @return a copy of the (drawing-clamped) margin-ratio values */
    public double[] marginRatioValues() {
        return ratio.clone();
    }

    /**
     * @param kind  a marker kind, not null
     * @return the marker, or null where the price does not exist (no liquidation price)
     */
    public Marker marker(MarkerKind kind) {
        return markers.get(kind);
    }

    /** @return the markers that exist, in {@link MarkerKind} order; never null */
    public List<Marker> markers() {
        return new ArrayList<>(markers.values());
    }

    /** @return the tier boundaries within the price axis, ascending; never null */
    public List<TierLine> tierLines() {
        return tierLines;
    }

    /** @return the shared price (x) axis */
    public Axis priceAxis() {
        return priceAxis;
    }

    /** @return the PnL chart's y axis */
    public Axis pnlAxis() {
        return pnlAxis;
    }

    /** @return the margin-ratio chart's y axis, as a fraction (1 = 100 %) */
    public Axis ratioAxis() {
        return ratioAxis;
    }

    /** @return the liquidation threshold of the margin ratio: 1 (100 %) on every venue */
    public double threshold() {
        return 1;
    }

    /** @return the threshold line's label, e.g. {@code liquidation at ≥ 100 %}; never null */
    public String thresholdLabel() {
        return thresholdLabel;
    }

    /**
     * @return the prices on the far side of the liquidation price, where the position is
     *         liquidated (below it for a long, above it for a short), clipped to the price axis;
     *         null without a liquidation price
     */
    public Zone liquidationZone() {
        return liquidationZone;
    }

    /** The four vertical price markers. */
    public enum MarkerKind {
        /** The entry price. */
        ENTRY("entry", "Entry"),
        /** The mark price (shocked when a shock is set). */
        MARK("mark", "Mark"),
        /** The engine's liquidation price. */
        LIQUIDATION("liquidation", "Liquidation"),
        /** The engine's bankruptcy price. */
        BANKRUPTCY("bankruptcy", "Bankruptcy");

        private final String id;
        private final String title;

        MarkerKind(String id, String title) {
            this.id = id;
            this.title = title;
        }

        /** @return a lower-case id for node ids and style classes, e.g. {@code liquidation} */
        public String id() {
            return id;
        }

        /** @return the label's title, e.g. {@code Liquidation} */
        public String title() {
            return title;
        }
    }

    /**
     * A vertical marker.
     *
     * @param kind   which price
     * @param price  the exact price from the engine, quote per base
     * @param x      the price as drawn
     * @param label  e.g. {@code Liquidation 57,228.92}, rounded half-up
     */
    public record Marker(MarkerKind kind, BigDecimal price, double x, String label) {
    }

    /**
     * A mark price where the position's maintenance margin changes tier (a kink in the
     * margin-ratio curve).
     *
     * @param tier         the tier entered going up in notional, 1-based as venues number them
     * @param price        the exact price, quote per base
     * @param x            the price as drawn
     * @param label        a short label, e.g. {@code tier 2}
     * @param description  e.g. {@code Tier 2 from a notional of 50,000.00 USDT at 100,000.00}
     */
    public record TierLine(int tier, BigDecimal price, double x, String label, String description) {
    }

    /**
     * A range of prices.
     *
     * @param from  the lower price
     * @param to    the higher price
     */
    public record Zone(double from, double to) {
    }

    /**
     * An axis: bounds and tick spacing chosen by the view-model.
     *
     * @param lower     lower bound
     * @param upper     upper bound
     * @param tickUnit  distance between major ticks
     * @param label     the axis title, e.g. {@code Mark price (USDT)}
     */
    public record Axis(double lower, double upper, double tickUnit, String label) {
    }
}
