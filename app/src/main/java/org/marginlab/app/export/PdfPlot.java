package org.marginlab.app.export;

import java.awt.Color;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.function.DoubleFunction;

import com.lowagie.text.Element;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfTemplate;

/**
 * One plot drawn with PDF path operators on a template: a frame, grid lines and tick labels on
 * both axes, and drawing helpers in data coordinates (lines clipped to the frame, vertical
 * markers, shaded ranges). The charts of {@link PdfCharts} are made of these.
 */
final class PdfPlot {
    private final PdfTemplate canvas;
    private final BaseFont font;
    private final float left;
    private final float bottom;
    private final float width;
    private final float height;
    private final double xLo;
    private final double xHi;
    private final double yLo;
    private final double yHi;

    /**
     * @param canvas  the template
     * @param font    the labels' font
     * @param left    the frame's left edge on the template, points (room for the y labels to its left)
     * @param bottom  the frame's bottom edge, points
     * @param width   the frame's width, points
     * @param height  the frame's height, points
     */
    PdfPlot(PdfTemplate canvas, BaseFont font, float left, float bottom, float width, float height, double xLo,
            double xHi, double yLo, double yHi) {
        this.canvas = canvas;
        this.font = font;
        this.left = left;
        this.bottom = bottom;
        this.width = width;
        this.height = height;
        this.xLo = xLo;
        this.xHi = xHi > xLo ? xHi : xLo + 1;
        this.yLo = yLo;
        this.yHi = yHi > yLo ? yHi : yLo + 1;
    }

    float x(double v) {
        return (float) (left + (v - xLo) / (xHi - xLo) * width);
    }

    float y(double v) {
        return (float) (bottom + (v - yLo) / (yHi - yLo) * height);
    }

    /** The frame, the grid at the ticks, the tick labels and the axis titles. */
    void axes(double xTick, DoubleFunction<String> xLabel, String xTitle, double yTick, DoubleFunction<String> yLabel,
            String yTitle, boolean xLabels) {
        canvas.setLineWidth(0.4f);
        canvas.setColorStroke(HandoutPdf.RULE);
        for (double t : ticks(xLo, xHi, xTick)) {
            canvas.moveTo(x(t), bottom);
            canvas.lineTo(x(t), bottom + height);
        }
        for (double t : ticks(yLo, yHi, yTick)) {
            canvas.moveTo(left, y(t));
            canvas.lineTo(left + width, y(t));
        }
        canvas.stroke();
        canvas.setColorStroke(HandoutPdf.MUTED);
        canvas.setLineWidth(0.6f);
        canvas.rectangle(left, bottom, width, height);
        canvas.stroke();
        canvas.beginText();
        canvas.setFontAndSize(font, 6.5f);
        canvas.setColorFill(HandoutPdf.MUTED);
        if (xLabels) {
            for (double t : ticks(xLo, xHi, xTick)) {
                canvas.showTextAligned(Element.ALIGN_CENTER, PdfText.of(xLabel.apply(t)), x(t), bottom - 8, 0);
            }
            canvas.showTextAligned(Element.ALIGN_CENTER, PdfText.of(xTitle), left + width / 2, bottom - 17, 0);
        }
        for (double t : ticks(yLo, yHi, yTick)) {
            canvas.showTextAligned(Element.ALIGN_RIGHT, PdfText.of(yLabel.apply(t)), left - 3, y(t) - 2, 0);
        }
        canvas.showTextAligned(Element.ALIGN_CENTER, PdfText.of(yTitle), left - 40, bottom + height / 2, 90);
        canvas.endText();
    }

    /** A title above the frame. */
    void title(String text, BaseFont bold) {
        canvas.beginText();
        canvas.setFontAndSize(bold, 8.5f);
        canvas.setColorFill(HandoutPdf.INK);
        canvas.showTextAligned(Element.ALIGN_LEFT, PdfText.of(text), left, bottom + height + 5, 0);
        canvas.endText();
    }

    /** Starts drawing clipped to the frame; end with {@link #unclip()}. */
    void clip() {
        canvas.saveState();
        canvas.rectangle(left, bottom, width, height);
        canvas.clip();
        canvas.newPath();
    }

    void unclip() {
        canvas.restoreState();
    }

    /** A polyline through (xs[i], ys[i]); NaN values break it. */
    void line(double[] xs, double[] ys, int n, Color color, float lineWidth) {
        canvas.setColorStroke(color);
        canvas.setLineWidth(lineWidth);
        boolean pen = false;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) {
                pen = false;
                continue;
            }
            if (pen) {
                canvas.lineTo(x(xs[i]), y(ys[i]));
            } else {
                canvas.moveTo(x(xs[i]), y(ys[i]));
                pen = true;
            }
        }
        canvas.stroke();
    }

    /** A vertical line across the frame at data x, dashed or solid. */
    void vertical(double at, Color color, float lineWidth, boolean dashed) {
        if (at < xLo || at > xHi) {
            return;
        }
        canvas.saveState();
        canvas.setColorStroke(color);
        canvas.setLineWidth(lineWidth);
        if (dashed) {
            canvas.setLineDash(3f, 2f, 0f);
        }
        canvas.moveTo(x(at), bottom);
        canvas.lineTo(x(at), bottom + height);
        canvas.stroke();
        canvas.restoreState();
    }

    /** A horizontal line across the frame at data y, dashed. */
    void horizontal(double at, Color color, float lineWidth) {
        if (at < yLo || at > yHi) {
            return;
        }
        canvas.saveState();
        canvas.setColorStroke(color);
        canvas.setLineWidth(lineWidth);
        canvas.setLineDash(3f, 2f, 0f);
        canvas.moveTo(left, y(at));
        canvas.lineTo(left + width, y(at));
        canvas.stroke();
        canvas.restoreState();
    }

    /** A shaded range of x across the frame. */
    void zone(double from, double to, Color fill) {
        double a = Math.max(xLo, Math.min(from, to));
        double b = Math.min(xHi, Math.max(from, to));
        if (b <= a) {
            return;
        }
        canvas.setColorFill(fill);
        canvas.rectangle(x(a), bottom, x(b) - x(a), height);
        canvas.fill();
    }

    /** A dot at a data point. */
    void dot(double px, double py, Color color) {
        canvas.setColorFill(color);
        canvas.circle(x(px), y(py), 2.2f);
        canvas.fill();
    }

    /** Text beside a vertical marker, reading upwards, inside the frame's top. */
    void verticalLabel(double at, String text, Color color) {
        if (at < xLo || at > xHi) {
            return;
        }
        canvas.beginText();
        canvas.setFontAndSize(font, 6.5f);
        canvas.setColorFill(color);
        canvas.showTextAligned(Element.ALIGN_RIGHT, PdfText.of(text), x(at) - 2, bottom + height - 3, 90);
        canvas.endText();
    }

    /** Text reading upwards with its end at the frame's top, its baseline at template x {@code at}. */
    void verticalLabelAt(float at, String text, Color color) {
        if (at < left || at > left + width + 6) {
            return;
        }
        canvas.beginText();
        canvas.setFontAndSize(font, 6.5f);
        canvas.setColorFill(color);
        canvas.showTextAligned(Element.ALIGN_RIGHT, PdfText.of(text), at, bottom + height - 3, 90);
        canvas.endText();
    }

    /**
     * A marker's label, horizontal, in a row below the frame's top; it goes to the left of its
     * line where it would leave the frame.
     *
     * @return the template x where the label ends
     */
    float markerLabel(float at, int row, String text, Color color) {
        String t = PdfText.of(text);
        float w = font.getWidthPoint(t, 6.5f);
        float x = at + w > left + width - 2 ? at - 6 - w : at;
        canvas.saveState();
        canvas.setColorFill(java.awt.Color.WHITE);
        canvas.rectangle(x - 1, bottom + height - 9 - row * 8.5f - 1.5f, w + 2, 8);
        canvas.fill();
        canvas.restoreState();
        canvas.beginText();
        canvas.setFontAndSize(font, 6.5f);
        canvas.setColorFill(color);
        canvas.showTextAligned(Element.ALIGN_LEFT, t, x, bottom + height - 9 - row * 8.5f, 0);
        canvas.endText();
        return x + w;
    }

    /** Text at a place on the template (not in data coordinates). */
    void text(String text, float atX, float atY, Color color, float size) {
        canvas.beginText();
        canvas.setFontAndSize(font, size);
        canvas.setColorFill(color);
        canvas.showTextAligned(Element.ALIGN_LEFT, PdfText.of(text), atX, atY, 0);
        canvas.endText();
    }

    /** The multiples of {@code step} in [lo, hi] (at most 40). */
    static double[] ticks(double lo, double hi, double step) {
        if (!(step > 0) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            return new double[0];
        }
        while ((hi - lo) / step > 40) {
            step *= 2;
        }
        double first = Math.ceil(lo / step - 1e-9) * step;
        int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        double[] out = new double[Math.max(0, n)];
        for (int i = 0; i < out.length; i++) {
            out[i] = first + i * step;
        }
        return out;
    }

    /** A round step for about {@code target} ticks over a span. */
    static double niceStep(double span, int target) {
        if (!(span > 0)) {
            return 1;
        }
        double raw = span / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
    }

    /** Tick labels with grouping in a locale, with as many decimals as the step needs. */
    static DoubleFunction<String> numbers(Locale locale, double step, double scale, String suffix) {
        int decimals = Math.max(0, Math.min(8, (int) Math.ceil(-Math.log10(step * scale) - 1e-9)));
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(locale));
        return v -> f.format(v * scale + 0.0) + suffix;
    }
}
