package org.marginlab.engine.replay;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;

/**
 * A mark-price path: ordered instants, each with a mark price per symbol. Immutable and
 * thread-safe.
 *
 * <p><b>Values.</b> Marks are prices in quote per base (USDT per BTC for {@code BTCUSDT}, USD per
 * BTC for an inverse {@code BTCUSD}), each &gt; 0, at full precision. A symbol absent at a point
 * keeps its last mark there; before its first mark it has that first mark (so every symbol has a
 * mark at every point, {@link #mark(String, int)}). Between two consecutive points every mark
 * moves <b>linearly in time</b> ({@link #markAt(String, int, BigDecimal)}), which is how
 * {@link PathReplay} finds a crossing between two samples.
 *
 * <p><b>Rules</b> (each refusal a {@link ValidationException} naming the point and the field):
 * at least 2 points; times strictly increasing (so a symbol's marks are strictly increasing in
 * time too); every point has at least one mark; every mark &gt; 0; symbols not blank.
 */
public final class PricePath {
    private static final MathContext MC = MathContext.DECIMAL128;

    /**
     * One point of a path as given: an instant and the marks known there.
     *
     * @param time   the instant, not null
     * @param marks  mark price per symbol at that instant (quote per base), each &gt; 0; at least one
     */
    public record Point(Instant time, Map<String, BigDecimal> marks) {
        /** Copies the marks, keeping their order. */
        public Point {
            marks = Collections.unmodifiableMap(new LinkedHashMap<>(marks));
        }
    }

    private final List<Instant> times;
    private final List<Map<String, BigDecimal>> marks;
    private final List<String> symbols;

    private PricePath(List<Instant> times, List<Map<String, BigDecimal>> marks, List<String> symbols) {
        this.times = times;
        this.marks = marks;
        this.symbols = symbols;
    }

    /**
     * @param points  the points in time order, not null
     * @return the path, each symbol's mark carried to the points where it is absent
     * @throws ValidationException ({@code points}) fewer than 2 points;
     *         ({@code points[i].time}) missing or not after the previous point's time;
     *         ({@code points[i].marks}) no mark; ({@code points[i].symbol}) a blank symbol;
     *         ({@code points[i].mark}) a mark missing or ≤ 0
     */
    public static PricePath of(List<Point> points) {
        Checks.notNull(points, "points");
        if (points.size() < 2) {
            throw new ValidationException("points", "must have at least 2 times (a path moves from one to the next)",
                    points.size());
        }
        Set<String> symbolSet = new LinkedHashSet<>();
        Instant previous = null;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            String at = "points[" + i + "]";
            if (p == null || p.time() == null) {
                throw new ValidationException(at + ".time", "must be given", null);
            }
            if (previous != null && !p.time().isAfter(previous)) {
                throw new ValidationException(at + ".time", "must be after the previous point's time " + previous,
                        p.time());
            }
            if (p.marks().isEmpty()) {
                throw new ValidationException(at + ".marks", "must hold at least one symbol's mark", 0);
            }
            for (Map.Entry<String, BigDecimal> e : p.marks().entrySet()) {
                if (e.getKey() == null || e.getKey().isBlank()) {
                    throw new ValidationException(at + ".symbol", "must not be blank", e.getKey());
                }
                if (e.getValue() == null || e.getValue().signum() <= 0) {
                    throw new ValidationException(at + ".mark", "must be > 0 (" + e.getKey() + ")", e.getValue());
                }
                symbolSet.add(e.getKey());
            }
            previous = p.time();
        }
        // carry marks forward, then fill each symbol's leading gap with its first mark
        List<Map<String, BigDecimal>> full = new ArrayList<>(points.size());
        Map<String, BigDecimal> last = new LinkedHashMap<>();
        for (Point p : points) {
            last.putAll(p.marks());
            full.add(new LinkedHashMap<>(last));
        }
        List<Instant> times = new ArrayList<>(points.size());
        List<Map<String, BigDecimal>> marks = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            Map<String, BigDecimal> m = new LinkedHashMap<>();
            for (String s : symbolSet) {
                m.put(s, full.get(i).containsKey(s) ? full.get(i).get(s) : first(s, full));
            }
            times.add(points.get(i).time());
            marks.add(Collections.unmodifiableMap(m));
        }
        return new PricePath(List.copyOf(times), List.copyOf(marks), List.copyOf(symbolSet));
    }

    private static BigDecimal first(String symbol, List<Map<String, BigDecimal>> full) {
        for (Map<String, BigDecimal> m : full) {
            if (m.containsKey(symbol)) {
                return m.get(symbol);
            }
        }
        throw new IllegalStateException(symbol); // cannot happen: the symbol was seen
    }

    /** @return how many points, ≥ 2 */
    public int size() {
        return times.size();
    }

    /** @return the points' instants, strictly increasing; unmodifiable */
    public List<Instant> times() {
        return times;
    }

    /**
     * @param index  a point index in [0, {@link #size()})
     * @return its instant
     */
    public Instant time(int index) {
        return times.get(index);
    }

    /** @return the first instant */
    public Instant start() {
        return times.get(0);
    }

    /** @return the last instant */
    public Instant end() {
        return times.get(times.size() - 1);
    }

    /** @return the path's length in time */
    public Duration duration() {
        return Duration.between(start(), end());
    }

    /** @return the symbols the path moves, in order of first appearance; unmodifiable */
    public List<String> symbols() {
        return symbols;
    }

    /**
     * @param symbol  a symbol
     * @return whether the path moves it
     */
    public boolean moves(String symbol) {
        return marks.get(0).containsKey(symbol);
    }

    /**
     * @param index  a point index
     * @return every symbol's mark at that point (quote per base); unmodifiable, in {@link #symbols()} order
     */
    public Map<String, BigDecimal> marks(int index) {
        return marks.get(index);
    }

    /**
     * @param symbol  a symbol the path moves
     * @param index   a point index
     * @return its mark at that point (quote per base)
     * @throws IllegalArgumentException if the path does not move the symbol
     */
    public BigDecimal mark(String symbol, int index) {
        BigDecimal m = marks.get(index).get(symbol);
        if (m == null) {
            throw new IllegalArgumentException("the path has no mark for " + symbol);
        }
        return m;
    }

    /**
     * The mark a fraction {@code alpha} of the way from point {@code index} to the next:
     * {@code m_i + alpha·(m_(i+1) − m_i)} ({@link MathContext#DECIMAL128}); at the last point its mark.
     *
     * @param symbol  a symbol the path moves
     * @param index   a point index
     * @param alpha   the fraction of the segment, in [0, 1]
     * @return the interpolated mark (quote per base)
     */
    public BigDecimal markAt(String symbol, int index, BigDecimal alpha) {
        BigDecimal m0 = mark(symbol, index);
        if (index == size() - 1 || alpha.signum() == 0) {
            return m0;
        }
        BigDecimal m1 = mark(symbol, index + 1);
        return m0.add(m1.subtract(m0).multiply(alpha, MC), MC);
    }

    /**
     * @param time  an instant
     * @return the index of the last point at or before it (0 before the start)
     */
    public int indexAt(Instant time) {
        int lo = 0;
        int hi = times.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (times.get(mid).isAfter(time)) {
                hi = mid - 1;
            } else {
                lo = mid;
            }
        }
        return lo;
    }
}
