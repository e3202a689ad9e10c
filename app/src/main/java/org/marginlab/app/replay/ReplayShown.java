package org.marginlab.app.replay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.marginlab.app.ui.Formats;
import org.marginlab.engine.replay.LiquidationEvent;
import org.marginlab.engine.replay.PathReplay;
import org.marginlab.engine.replay.ReplayFrame;
import org.marginlab.engine.replay.ReplaySide;

/**
 * A replay and everything about it that does not change while it is scrubbed: the timeline's
 * markers and the chart's lines, worded in one locale. Built once per replay off the JavaFX
 * thread ({@link #of}); immutable. Times are written in UTC, {@code HH:mm} for a path of up to a
 * day, else {@code MMM d HH:mm}; prices with {@link Formats#price} (half-up), amounts with 2
 * decimals (8 for a coin).
 *
 * @param id        the path's id (a bundled id or the file's name)
 * @param title     what the replay bar shows, labelled synthetic for a bundled path
 * @param replay    the replay, not null
 * @param markers   the isolated and cross sides' liquidations on the timeline, in time order
 * @param chart     the chart's lines and dots
 * @param currency  the settlement currency
 * @param decimals  decimals of the amounts
 * @param note      what the user should know about the path and the workspace, or empty
 */
record ReplayShown(String id, String title, PathReplay replay, List<EventMarker> markers, ReplayChartData chart,
        String currency, int decimals, String note) {

    ReplayShown {
        markers = List.copyOf(markers);
    }

    static ReplayShown of(String id, String title, PathReplay replay, String currency, int decimals, Locale locale,
            String note) {
        Formats formats = new Formats(locale);
        Instant start = replay.path().start();
        double total = Math.max(1, replay.path().duration().toNanos());
        boolean hours = replay.path().duration().compareTo(Duration.ofDays(2)) > 0;
        double unit = hours ? 3.6e12 : 6e10;
        DateTimeFormatter clock = clock(replay, locale);
        List<EventMarker> markers = new ArrayList<>();
        List<ReplayChartData.Dot> dots = new ArrayList<>();
        List<LiquidationEvent> events = replay.events();
        for (int k = 0; k < events.size(); k++) {
            LiquidationEvent e = events.get(k);
            if (e.side() == ReplaySide.ACCOUNT) {
                continue;
            }
            // the positions a side loses at one instant (a cross account going at once) share a marker
            StringBuilder text = new StringBuilder(clock.format(e.time()) + " · " + e.side().label() + " · "
                    + e.positionId() + " liquidated at " + formats.price(e.mark(), RoundingMode.HALF_UP));
            while (k + 1 < events.size() && events.get(k + 1).side() == e.side()
                    && events.get(k + 1).time().equals(e.time())) {
                LiquidationEvent next = events.get(++k);
                text.append("; ").append(next.positionId()).append(" at ")
                        .append(formats.price(next.mark(), RoundingMode.HALF_UP));
            }
            double nanos = Duration.between(start, e.time()).toNanos();
            markers.add(new EventMarker(e.side(), nanos / total, e.positionId(), text.toString()));
            dots.add(new ReplayChartData.Dot(nanos / unit, equityAt(replay, e), e.side() == ReplaySide.CROSS,
                    text.toString()));
        }
        List<ReplayChartData.Point> iso = new ArrayList<>();
        List<ReplayChartData.Point> cross = new ArrayList<>();
        for (ReplayFrame f : replay.frames()) {
            double x = Duration.between(start, f.time()).toNanos() / unit;
            iso.add(new ReplayChartData.Point(x, f.isolated().equity().doubleValue()));
            cross.add(new ReplayChartData.Point(x, f.cross().equity().doubleValue()));
        }
        ReplayChartData chart = new ReplayChartData(iso, cross, dots, hours ? "h" : "min", total / unit, currency);
        return new ReplayShown(id, title, replay, markers, chart, currency, decimals, note);
    }

    /** The side's equity on the chart's line at the event's time: between the points around it. */
    private static double equityAt(PathReplay replay, LiquidationEvent e) {
        int i = replay.path().indexAt(e.time());
        ReplayFrame a = replay.frame(i);
        ReplayFrame b = replay.frame(Math.min(i + 1, replay.frames().size() - 1));
        double ya = a.side(e.side()).equity().doubleValue();
        double yb = b.side(e.side()).equity().doubleValue();
        double span = Duration.between(a.time(), b.time()).toNanos();
        double t = span <= 0 ? 0 : Duration.between(a.time(), e.time()).toNanos() / span;
        return ya + (yb - ya) * t;
    }

    static DateTimeFormatter clock(PathReplay replay, Locale locale) {
        boolean day = replay.path().duration().compareTo(Duration.ofDays(1)) <= 0;
        return DateTimeFormatter.ofPattern(day ? "HH:mm" : "MMM d HH:mm", locale).withZone(ZoneOffset.UTC);
    }

    /**
     * @param formats  the number formats
     * @param marks    a frame's marks
     * @return {@code BTCUSDT 52,800.00 · ETHUSDT 2,640.00}
     */
    static String marks(Formats formats, Map<String, BigDecimal> marks) {
        StringBuilder sb = new StringBuilder();
        marks.forEach((s, m) -> sb.append(sb.length() == 0 ? "" : "  ·  ").append(s).append(' ')
                .append(formats.price(m, RoundingMode.HALF_UP)));
        return sb.toString();
    }
}
