package org.marginlab.app.compare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.marginlab.app.account.AccountViewModel;
import org.marginlab.engine.whatif.CascadeResult;
import org.marginlab.engine.whatif.EquityPoint;
import org.marginlab.engine.whatif.LiquidationEvent;
import org.marginlab.engine.whatif.ShockScope;
import org.marginlab.engine.whatif.ShockSweep;

/**
 * The equity chart's data from the two sides' walks: the shock axis' range and ticks, both equity
 * curves ({@value #CHART_POINTS} points each, the engine's {@code double} fast path) and a marker
 * per liquidation in range.
 *
 * <p>The range brackets every liquidation of both walks with a quarter to spare (at least
 * −10 % … +10 %) and the current shock with 2 points to spare, rounded outward to whole ticks and
 * clipped to the shock's limits ({@link AccountViewModel#MIN_SHOCK}, {@link AccountViewModel#MAX_SHOCK}).
 * It is recomputed with the walks, or when the shock leaves it; otherwise a shock move keeps the
 * data and only moves the chart's current-shock line.
 *
 * <p>Static and pure: safe on any thread (the words come from the caller's own {@link ComparisonProse}).
 */
final class EquityChartBuilder {
    private static final int CHART_POINTS = 121;

    private EquityChartBuilder() {
    }

    /**
     * @param isolated  the isolated side's walks, not null
     * @param cross     the cross side's walks, not null
     * @param shock     the current shock, a fraction of the mark, not null
     * @param scope     which marks it moves, not null
     * @param kept      the data drawn now if it is of these walks, else null
     * @param prose     the labels' words, not null
     * @return {@code kept} when the shock is inside its range, else new data, never null
     */
    static EquityChartData chart(ShockSweep isolated, ShockSweep cross, BigDecimal shock, ShockScope scope,
            EquityChartData kept, ComparisonProse prose) {
        double x = shock.doubleValue();
        if (kept != null && x >= kept.fromPercent() / 100 && x <= kept.toPercent() / 100) {
            return kept;
        }
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
        return new EquityChartData(points(isolated, lo, hi), points(cross, lo, hi), markers(isolated, lo, hi, "isolated", prose),
                markers(cross, lo, hi, "cross", prose), loPercent, hiPercent, tick, prose.shockAxis(scope), prose.equityAxis());
    }

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

    private static List<EquityChartData.Marker> markers(ShockSweep sweep, double from, double to, String side,
            ComparisonProse prose) {
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
