package org.marginlab.app.ui;

/**
 * A chart axis range with round ends and a round tick (1, 2, 2.5 or 5 times a power of ten),
 * zero always inside, chosen from the data and the room the axis has. While new data stays
 * within the same ticks the range is equal to the one before, so an axis given it only when it
 * changes keeps its tick labels.
 *
 * <p>Why not {@code NumberAxis}' own auto-ranging: it formats and measures candidate tick labels
 * at every layout in which the data changed, a fifth of the JavaFX thread's time when the
 * isolated-vs-cross chart took new curves at each keystroke.
 *
 * @param lower  the lower end, a multiple of {@code tick}, ≤ 0
 * @param upper  the upper end, a multiple of {@code tick}, ≥ 0, &gt; {@code lower}
 * @param tick   the distance between ticks, &gt; 0
 */
public record NiceRange(double lower, double upper, double tick) {

    /**
     * @param min       the data's smallest value (or {@code +∞} for no data)
     * @param max       the data's largest value (or {@code −∞} for no data)
     * @param maxTicks  how many tick intervals the axis has room for, at least 1
     * @return the tightest range from 0 and the data to the nearest round ticks, with at most
     *         {@code maxTicks} intervals (2 when the data is on both sides of 0)
     */
    public static NiceRange of(double min, double max, int maxTicks) {
        double lo = Double.isFinite(min) ? Math.min(0, min) : 0;
        double hi = Double.isFinite(max) ? Math.max(0, max) : 0;
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        // data on both sides of zero needs two intervals at least
        int room = Math.max(maxTicks, lo < 0 && hi > 0 ? 2 : 1);
        double tick = step((hi - lo) / room);
        double lower = Math.floor(lo / tick) * tick;
        double upper = Math.ceil(hi / tick) * tick;
        while ((upper - lower) / tick > room + 1e-9) {
            tick = step(tick * 1.000001);
            lower = Math.floor(lo / tick) * tick;
            upper = Math.ceil(hi / tick) * tick;
        }
        return new NiceRange(lower, upper, tick);
    }

    /** The smallest of 1, 2, 2.5, 5 and 10 times a power of ten that is at least {@code raw}. */
    static double step(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / power;
        double s = m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10;
        return s * power;
    }
}
