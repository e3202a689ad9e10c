package org.marginlab.app.export;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

import org.marginlab.app.chart.PositionChartData;
import org.marginlab.app.chart.PositionChartData.Axis;
import org.marginlab.app.chart.PositionChartData.Marker;
import org.marginlab.app.chart.PositionChartData.MarkerKind;
import org.marginlab.app.chart.PositionChartData.TierLine;
import org.marginlab.app.compare.EquityChartData;

/**
 * The handout's charts as vector drawings, from the data the window's charts draw: a position's
 * PnL and margin ratio against the mark price with its entry, mark, liquidation and bankruptcy
 * lines, tier boundaries and liquidated zone ({@link PositionChartData}, as the Charts tab), and
 * the equity of the all-isolated and the all-cross account against a shock of every mark
 * ({@link EquityChartData}, as the Isolated-vs-cross tab).
 */
final class PdfCharts {
    static final Color PNL = new Color(0x1f, 0x6f, 0xb5);
    static final Color RATIO = new Color(0xd9, 0x6c, 0x06);
    static final Color ISOLATED = new Color(0x1f, 0x6f, 0xb5);
    static final Color CROSS = new Color(0xd9, 0x6c, 0x06);
    static final Color LIQUIDATION = new Color(0xc9, 0x2a, 0x2a);
    static final Color BANKRUPTCY = new Color(0x9c, 0x36, 0xb5);
    static final Color ENTRY = new Color(0x3b, 0x5b, 0xdb);
    static final Color MARK = new Color(0x34, 0x3a, 0x40);
    static final Color ZONE = new Color(0xff, 0xe3, 0xe3);
    static final Color TIER = new Color(0xad, 0xb5, 0xbd);

    /** Height of a position chart (both panels), points. */
    static final float POSITION_HEIGHT = 288;
    /** Height of the equity chart, points. */
    static final float EQUITY_HEIGHT = 230;

    private PdfCharts() {
    }

    /** Draws a position's two panels, PnL above margin ratio, sharing the price axis. */
    static void position(HandoutPdf pdf, PositionChartData d, Locale locale) {
        float w = pdf.width();
        pdf.drawing(w, POSITION_HEIGHT, canvas -> {
            Axis px = d.priceAxis();
            Axis pnl = d.pnlAxis();
            Axis ratio = d.ratioAxis();
            float left = 56;
            float pw = w - left - 18;
            PdfPlot top = new PdfPlot(canvas, pdf.baseFont(), left, 160, pw, 112, px.lower(), px.upper(), pnl.lower(),
                    pnl.upper());
            PdfPlot bottom = new PdfPlot(canvas, pdf.baseFont(), left, 28, pw, 112, px.lower(), px.upper(),
                    ratio.lower(), ratio.upper());
            DoubleFunction<String> priceTicks = PdfPlot.numbers(locale, px.tickUnit(), 1, "");
            for (PdfPlot p : List.of(top, bottom)) {
                PositionChartData.Zone zone = d.liquidationZone();
                if (zone != null) {
                    p.zone(zone.from(), zone.to(), ZONE);
                }
            }
            top.axes(px.tickUnit(), priceTicks, px.label(), pnl.tickUnit(),
                    PdfPlot.numbers(locale, pnl.tickUnit(), 1, ""), pnl.label().isEmpty() ? "Unrealized PnL" : pnl.label(),
                    false);
            bottom.axes(px.tickUnit(), priceTicks, px.label(), ratio.tickUnit(),
                    PdfPlot.numbers(locale, ratio.tickUnit(), 100, " %"), "Margin ratio", true);
            top.title("Unrealized PnL", pdf.baseBold());
            bottom.title("Margin ratio", pdf.baseBold());
            for (PdfPlot p : List.of(top, bottom)) {
                for (TierLine t : d.tierLines()) {
                    p.vertical(t.x(), TIER, 0.4f, true);
                }
                for (Marker m : d.markers()) {
                    p.vertical(m.x(), color(m.kind()), m.kind() == MarkerKind.LIQUIDATION ? 1.1f : 0.8f,
                            m.kind() == MarkerKind.BANKRUPTCY || m.kind() == MarkerKind.MARK);
                }
            }
            double[] xs = d.prices();
            top.horizontal(0, HandoutPdf.MUTED, 0.5f);
            top.clip();
            top.line(xs, d.pnlValues(), d.size(), PNL, 1.2f);
            top.unclip();
            bottom.clip();
            bottom.line(xs, d.marginRatioValues(), d.size(), RATIO, 1.2f);
            bottom.unclip();
            bottom.horizontal(d.threshold(), LIQUIDATION, 0.7f);
            bottom.text(d.thresholdLabel(), left + 4, bottom.y(d.threshold()) + 2, LIQUIDATION, 6.5f);
            labels(top, d.markers());
            for (TierLine t : d.tierLines()) {
                bottom.verticalLabel(t.x(), t.label(), HandoutPdf.MUTED);
            }
        });
    }

    /** Draws the equity of both accounts against the shock, with a dot at each liquidation. */
    static void equity(HandoutPdf pdf, EquityChartData d, Locale locale) {
        float w = pdf.width();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<EquityChartData.Point> series : List.of(d.isolated(), d.cross())) {
            for (EquityChartData.Point p : series) {
                lo = Math.min(lo, p.y());
                hi = Math.max(hi, p.y());
            }
        }
        if (!(hi >= lo)) {
            lo = 0;
            hi = 1;
        }
        double step = PdfPlot.niceStep(Math.max(hi - lo, Math.abs(hi) * 0.1 + 1e-9), 5);
        double yLo = Math.floor(Math.min(0, lo) / step) * step;
        double yHi = Math.ceil(hi / step) * step + (hi == Math.ceil(hi / step) * step ? step : 0);
        double fYLo = yLo;
        double fYHi = yHi;
        pdf.drawing(w, EQUITY_HEIGHT, canvas -> {
            float left = 56;
            PdfPlot plot = new PdfPlot(canvas, pdf.baseFont(), left, 40, w - left - 18, EQUITY_HEIGHT - 60,
                    d.fromPercent(), d.toPercent(), fYLo, fYHi);
            plot.axes(d.tickPercent(), PdfPlot.numbers(locale, d.tickPercent(), 1, " %"), d.xLabel(), step,
                    PdfPlot.numbers(locale, step, 1, ""), d.yLabel(), true);
            plot.vertical(0, HandoutPdf.MUTED, 0.6f, true);
            plot.clip();
            line(plot, d.isolated(), ISOLATED);
            line(plot, d.cross(), CROSS);
            for (EquityChartData.Marker m : d.isolatedMarkers()) {
                plot.dot(m.x(), m.y(), ISOLATED);
            }
            for (EquityChartData.Marker m : d.crossMarkers()) {
                plot.dot(m.x(), m.y(), CROSS);
            }
            plot.unclip();
            plot.text("Every position isolated", left, EQUITY_HEIGHT - 12, ISOLATED, 7.5f);
            plot.text("Every position cross", left + 120, EQUITY_HEIGHT - 12, CROSS, 7.5f);
            plot.text("Dots: a liquidation.", left + 230, EQUITY_HEIGHT - 12, HandoutPdf.MUTED, 7.5f);
        });
    }

    /**
     * The markers' labels, horizontal, to the right of their lines at the top of the frame (as the
     * Charts tab puts them): a label that would run into one before it goes a row lower, so that
     * close prices (liquidation and bankruptcy; entry and mark at the same price) stay readable.
     */
    private static void labels(PdfPlot plot, List<Marker> markers) {
        List<Marker> sorted = new java.util.ArrayList<>(markers);
        sorted.sort(java.util.Comparator.comparingDouble(Marker::x));
        float[] rowEnds = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.NEGATIVE_INFINITY};
        for (Marker m : sorted) {
            float at = plot.x(m.x()) + 3;
            int row = 0;
            while (row < rowEnds.length - 1 && rowEnds[row] > at - 3) {
                row++;
            }
            rowEnds[row] = plot.markerLabel(at, row, m.label(), color(m.kind()));
        }
    }

    private static void line(PdfPlot plot, List<EquityChartData.Point> points, Color color) {
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = points.get(i).x();
            ys[i] = points.get(i).y();
        }
        plot.line(xs, ys, xs.length, color, 1.3f);
    }

    private static Color color(MarkerKind kind) {
        return switch (kind) {
            case ENTRY -> ENTRY;
            case MARK -> MARK;
            case LIQUIDATION -> LIQUIDATION;
            case BANKRUPTCY -> BANKRUPTCY;
        };
    }
}
