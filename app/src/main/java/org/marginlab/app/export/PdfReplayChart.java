package org.marginlab.app.export;

import java.util.Locale;

import org.marginlab.app.export.LessonHandout.Replay;

/**
 * A replay's equity chart as a vector drawing, as the Replay tab draws it: the equity of the
 * all-isolated and the all-cross side at each point of the path against the time since its start
 * (minutes, hours or days as the path's length needs), a dashed line at each side's liquidation.
 */
final class PdfReplayChart {
    /** Height of the chart, points. */
    static final float HEIGHT = 200;

    private PdfReplayChart() {
    }

    static void draw(HandoutPdf pdf, Replay r, Locale locale) {
        int n = r.seconds().length;
        if (n == 0) {
            return;
        }
        double span = r.seconds()[n - 1];
        double unit = span <= 6 * 3600 ? 60 : span <= 3 * 86400 ? 3600 : 86400;
        String unitName = unit == 60 ? "minutes" : unit == 3600 ? "hours" : "days";
        double[] xs = new double[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            xs[i] = r.seconds()[i] / unit;
            lo = Math.min(lo, Math.min(r.isolated()[i], r.cross()[i]));
            hi = Math.max(hi, Math.max(r.isolated()[i], r.cross()[i]));
        }
        double step = PdfPlot.niceStep(Math.max(hi - lo, Math.abs(hi) * 0.05 + 1e-9), 5);
        double yLo = Math.floor(Math.min(0, lo) / step) * step;
        double yHi = Math.ceil(hi / step) * step + step;
        double xHi = Math.max(xs[n - 1], 1e-9);
        double xStep = PdfPlot.niceStep(xHi, 8);
        float w = pdf.width();
        pdf.drawing(w, HEIGHT, canvas -> {
            float left = 56;
            PdfPlot plot = new PdfPlot(canvas, pdf.baseFont(), left, 36, w - left - 18, HEIGHT - 56, 0, xHi, yLo, yHi);
            plot.axes(xStep, PdfPlot.numbers(locale, xStep, 1, ""), "Time since the path's start (" + unitName + ")",
                    step, PdfPlot.numbers(locale, step, 1, ""), "Equity (" + r.currency() + ")", true);
            for (double t : r.isolatedEvents()) {
                plot.vertical(t / unit, PdfCharts.ISOLATED, 0.7f, true);
            }
            for (double t : r.crossEvents()) {
                plot.vertical(t / unit, PdfCharts.CROSS, 0.7f, true);
            }
            plot.clip();
            plot.line(xs, r.isolated(), n, PdfCharts.ISOLATED, 1.3f);
            plot.line(xs, r.cross(), n, PdfCharts.CROSS, 1.3f);
            plot.unclip();
            plot.text("Every position isolated", left, HEIGHT - 12, PdfCharts.ISOLATED, 7.5f);
            plot.text("Every position cross", left + 120, HEIGHT - 12, PdfCharts.CROSS, 7.5f);
            plot.text("Dashed: a liquidation.", left + 230, HEIGHT - 12, HandoutPdf.MUTED, 7.5f);
        });
    }
}
