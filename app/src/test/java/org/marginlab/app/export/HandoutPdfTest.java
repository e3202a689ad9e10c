package org.marginlab.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marginlab.app.workspace.Samples;

/**
 * The PDF handout read back with Apache PDFBox: its text (the displayed liquidation prices, the
 * header's facts, no '?' for a glyph the standard fonts lack), its pages rendered to images (none
 * blank) and its charts (vector paths, no bitmap).
 */
class HandoutPdfTest {
    static final Instant GENERATED = Instant.parse("2026-12-07T09:30:00Z");

    /** Each sample with its liquidation prices as the app displays them, worked out by hand. */
    static List<Object[]> samples() {
        return List.of(
                // isolated longs, tier 1 (MMR 0.4 %, 0.4 %, 1 %; amount 0), IM = qty·entry/lev:
                // btc  (0.2·60,000 − 600)/(0.2·(1 − 0.004)) = 11,400/0.1992 = 57,228.915… → 57,228.92
                // eth  (2·3,000 − 1,200)/(2·0.996)          =  4,800/1.992  =  2,409.638… →  2,409.64
                // sol  (20·150 − 1,000)/(20·0.99)           =  2,000/19.8   =    101.010… →    101.01
                new Object[] {Samples.COURSE_CROSS_CASCADE, List.of("57,228.92", "2,409.64", "101.01")},
                // Binance's FAQ cross example, its published liquidation prices
                new Object[] {Samples.BINANCE_FAQ_CROSS, List.of("26,316.89", "1,153.26")},
                // cross hedge, each with the other held at its mark (WB 5,000):
                // btc  (5,000 − 8·3,050·0.004 − 8·50 − 0.5·60,000)/(0.5·0.004 − 0.5) = −25,497.6/−0.498 = 51,200.00
                // eth  (5,000 − 0.5·61,000·0.004 + 0.5·1,000 + 8·3,000)/(8·0.004 + 8) = 29,378/8.032 = 3,657.619… → 3,657.62
                new Object[] {Samples.BTC_LONG_ETH_SHORT_HEDGE, List.of("51,200.00", "3,657.62")},
                // coin-margined: 10,000·1.004/(0.01 + 100·100/50,000 … = 0.2) = 47,809.52 USD
                new Object[] {Samples.BINANCE_COINM_BTCUSD, List.of("47,809.52")});
    }

    static byte[] pdf(String sample) {
        HandoutModel m = HandoutBuilder.of(Samples.open(sample), Locale.ROOT, GENERATED);
        byte[] bytes = HandoutSections.pdf(m, Locale.ROOT);
        // -Dhandout.out=DIR keeps the handouts, to look at them
        String out = System.getProperty("handout.out");
        if (out != null) {
            try {
                java.nio.file.Files.createDirectories(java.nio.file.Path.of(out));
                java.nio.file.Files.write(java.nio.file.Path.of(out, sample.replace(".marginlab", ".pdf")), bytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return bytes;
    }

    static String text(PDDocument doc) throws IOException {
        return new PDFTextStripper().getText(doc);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void textHasEveryDisplayedLiquidationPriceAndTheHeader(String sample, List<String> prices) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(sample))) {
            String text = text(doc);
            for (String p : prices) {
                // in the positions table, the position's figures, the derivation and the comparison
                assertThat(text).as(sample).contains(p);
            }
            assertThat(text).contains(Samples.open(sample).name())
                    .contains("Binance").contains("latest rules").contains("2026-12-07 09:30 UTC")
                    .contains(org.marginlab.app.about.BuildInfo.version())
                    .contains("How the key figures are derived").contains("Isolated vs cross").contains("Charts");
            // every glyph mapped: the app's ≥ and − are written >= and -, nothing became '?'
            assertThat(text).doesNotContain("?");
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyPageRendersAndNoneIsBlank(String sample, List<String> prices) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(sample))) {
            // at least: header + positions, derivations, comparison, charts
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(4);
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                BufferedImage page = renderer.renderImageWithDPI(i, 72);
                // A4 at 72 dpi: 595 × 842 pixels
                assertThat(page.getWidth()).isEqualTo(595);
                assertThat(page.getHeight()).isEqualTo(842);
                // content above the footer (the footer's line is at 24 pt from the bottom): not a blank page
                assertThat(nonWhite(page, 842 - 36)).as("%s page %d", sample, i + 1).isGreaterThan(300);
            }
        }
    }

    /**
     * The course sample's pages: 1–2 the header, the account and the three positions' figures;
     * 3–4 the three derivations, two to a row; 5 isolated vs cross; 6–7 the charts, two to a page.
     */
    @Test
    void courseSampleHasSevenPages() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(Samples.COURSE_CROSS_CASCADE))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(7);
        }
    }

    @Test
    void atTheWindowsShockTheFiguresAreTheShockedOnes() throws IOException {
        // −10 % on every mark: btc 60,000 → 54,000, below its liquidation price 57,228.92, so liquidated
        HandoutModel m = HandoutBuilder.of(Samples.open(Samples.COURSE_CROSS_CASCADE), Locale.ROOT, GENERATED, "-10",
                null);
        assertThat(m.notes()).anyMatch(n -> n.contains("shock"));
        assertThat(m.positions().rows().get(0)).contains("54,000.00", "liquidated");
        try (PDDocument doc = Loader.loadPDF(HandoutSections.pdf(m, Locale.ROOT))) {
            assertThat(text(doc)).contains("54,000.00").contains("-10.00 %");
        }
    }

    @Test
    void chartsAreVectorPathsNotImages() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(Samples.COURSE_CROSS_CASCADE))) {
            int forms = 0;
            for (PDPage page : doc.getPages()) {
                PDResources res = page.getResources();
                for (COSName name : res.getXObjectNames()) {
                    PDXObject x = res.getXObject(name);
                    assertThat(x).as("no bitmap in the handout").isNotInstanceOf(PDImageXObject.class);
                    if (x instanceof PDFormXObject form) {
                        String ops = new String(form.getContentStream().toByteArray(), StandardCharsets.ISO_8859_1);
                        // moveto, lineto, stroke: the curves and lines are paths
                        assertThat(ops).contains(" m\n").contains(" l\n").contains("S\n");
                        forms++;
                    }
                }
            }
            // 3 positions' charts and the equity chart
            assertThat(forms).isEqualTo(4);
        }
    }

    @Test
    void glyphsTheStandardFontsLackAreMapped() {
        Map<String, String> cases = Map.of(
                "liquidation at ≥ 100 %", "liquidation at >= 100 %",
                "−17.00 %", "-17.00 %",
                "26\u202F316,89", "26 316,89",
                "σ × √t → ≤ 1", "sigma × sqrtt -> <= 1",
                "plain ASCII?", "plain ASCII?");
        cases.forEach((in, out) -> assertThat(PdfText.of(in)).isEqualTo(out));
        // a character with no equivalent: its code point, never a silent '?'
        assertThat(PdfText.of("\u2603")).isEqualTo("U+2603");
    }

    /** The pixels that are not (nearly) white above a height. */
    private static int nonWhite(BufferedImage img, int above) {
        int n = 0;
        for (int y = 0; y < above; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                if (((rgb >> 16) & 0xff) < 235 || ((rgb >> 8) & 0xff) < 235 || (rgb & 0xff) < 235) {
                    n++;
                }
            }
        }
        return n;
    }
}
