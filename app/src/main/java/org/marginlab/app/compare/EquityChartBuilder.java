package org.marginlab.app.compare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.marginlab.app.account.AccountViewModel;
import org.marginlab.engine.whatif.CascadeResult;
import org.marginlab.engine.whatif.EquityPoint;
import org.marginlab.engine.whatif.LiquidationEvent;
import org.marginlab.engine.whatif.ShockScope;
import org.marginlab.engine.whatif.ShockSweep;

/**
 * Fills the {@link EquityChartViewModel} from the two sides' walks: the shock axis' range and
 * ticks, both equity curves ({@value #CHART_POINTS} points each, the engine's {@code double} fast
 * path) and a marker per liquidation in range.
 *
 * <p>The range brackets every liquidation of both walks with a quarter to spare (at least
 * −10 % … +10 %) and the current shock with 2 points to spare, rounded outward to whole ticks and
 * clipped to the shock's limits ({@link AccountViewModel#MIN_SHOCK}, {@link AccountViewModel#MAX_SHOCK}).
 * It is recomputed with the walks, or when the shock leaves it; otherwise a shock move only moves
 * the chart's current-shock line.
 *
 * <p>Not thread-safe: use it on the JavaFX application thread (or one test thread).
 */
final class EquityChartBuilder {
    private static final int CHART_POINTS = 121;

    private final EquityChartViewModel chart;
    private final ComparisonProse prose;
    /** The range drawn, fractions of the mark; 0 … 0 before the first update. */
    private double from;
    private double to;

    /**
     * @param chart  the chart to fill, not null
     * @param prose  the labels' words, not null
     */
    EquityChartBuilder(EquityChartViewModel chart, ComparisonProse prose) {
        this.chart = Objects.requireNonNull(chart, "chart");
        this.prose = Objects.requireNonNull(prose, "prose");
    }

    /**
     * Shows the current shock; redraws the curves and markers when the walks were rebuilt or the
     * shock left the range drawn.
     *
     * @param isolated  the isolated side's walks, not null
     * @param cross     the cross side's walks, not null
     * @param shock     the current shock, a fraction of the mark, not null
     * @param scope     which marks it moves, not null
     * @param walked    whether the walks were rebuilt since the last update
     */
    void update(ShockSweep isolated, ShockSweep cross, BigDecimal shock, ShockScope scope, boolean walked) {
        double x = shock.doubleValue();
        boolean outside = x < from || x > to;
        if (walked || outside) {
            double lo = -0.1;
            double hi = 0.1;
            for (ShockSweep s : List.of(isolated, cross)) {
                for (LiquidationEvent e : s.down().events()) {
                    lo = Math.min(lo, e.shock().doubleValue() * 1.25);
                }
                for (LiquidationEvent e : s.up().events()) {
                    hi = Math.max(hi, e.shock().doubleValue() * 1.25);
                }
            }
            lo = Math.min(lo, x - 0.02);
            hi = Math.max(hi, x + 0.02);
            double tick = tick((hi - lo) * 100);
            double loPercent = Math.max(AccountViewModel.MIN_SHOCK.doubleValue() * 100, Math.floor(lo * 100 / tick) * tick);
            double hiPercent = Math.min(AccountViewModel.MAX_SHOCK.doubleValue() * 100, Math.ceil(hi * 100 / tick) * tick);
            lo = loPercent / 100;
            hi = hiPercent / 100;
            from = lo;
            to = hi;
            chart.update(isolated, cross, new EquityChartData(points(isolated, lo, hi),
                    points(cross, lo, hi), markers(isolated, lo, hi, "isolated"),
                    markers(cross, lo, hi, "cross"), loPercent, hiPercent, tick, prose.shockAxis(scope),
                    prose.equityAxis()));
        }
        chart.shock(x * 100, prose.chartShock(shock, scope));
    }

    /**
     * A round tick spacing giving about 6–12 ticks: 1, 2 or 5 times a power of ten, percent.
     *
     * @param rangePercent  the axis' length, percent, &gt; 0
     * @return the spacing, percent
     */
    static double tick(double rangePercent) {
        double raw = rangePercent / 8;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / power;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * power;
    }

    private static List<EquityChartData.Point> points(ShockSweep sweep, double from, double to) {
        List<EquityPoint> curve = sweep.curve(from, to, CHART_POINTS);
        List<EquityChartData.Point> out = new ArrayList<>(curve.size());
        for (EquityPoint p : curve) {
            out.add(new EquityChartData.Point(p.shock() * 100, p.equity()));
        }
        return out;
    }

    private List<EquityChartData.Marker> markers(ShockSweep sweep, double from, double to, String side) {
        List<EquityChartData.Marker> out = new ArrayList<>();
        for (CascadeResult path : List.of(sweep.down(), sweep.up())) {
            for (int k = 0; k < path.events().size(); k++) {
                LiquidationEvent e = path.events().get(k);
                double x = e.shock().doubleValue();
                if (x >= from && x <= to && !(path == sweep.up() && x == 0)) {
                    out.add(new EquityChartData.Marker(x * 100, path.equityAfter(k), prose.marker(e, side)));
                }
            }
        }
        return out;
    }
}
