package org.marginlab.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginlab.app.cli.MarginLabCommand;
import org.marginlab.app.course.Attempt;
import org.marginlab.app.export.LessonHandout.QuestionRow;
import org.marginlab.app.export.LessonHandout.Step;
import org.marginlab.app.lesson.Question;
import org.marginlab.app.workspace.Lessons;
import org.marginlab.app.workspace.Workspace;

/**
 * The lesson handout of the course pack's lesson 6 (isolated vs cross on three trades), written
 * once by {@code marginlab export LESSON --pdf OUT} and once by the builder with a student's
 * predictions, read back with PDFBox.
 *
 * <p>Lesson 6's figures by hand (Binance USD-M, tier 1: MMR 0.4 % for BTC and ETH, the lesson's
 * flat 1 % for SOL, maintenance amount 0; IM = qty · entry / leverage):
 * <ul>
 *   <li>step 1, isolated: btc (0.2·60,000 − 600)/(0.2·(1 − 0.004)) = 11,400/0.1992 = 57,228.915… →
 *       <b>57,228.92</b>; eth (2·3,000 − 1,200)/(2·0.996) = 4,800/1.992 = 2,409.638… → 2,409.64;
 *       sol (20·150 − 1,000)/(20·0.99) = 2,000/19.8 = 101.0101… → 101.01;</li>
 *   <li>step 2, cross, wallet 3,300, the others' maintenance 2·3,000·0.004 + 20·150·0.01 = 24 + 30 = 54:
 *       btc (3,300 − 54 − 0.2·60,000)/(0.2·0.004 − 0.2) = −8,754/−0.1992 = 43,945.783… → <b>43,945.78</b>;</li>
 *   <li>step 3, replay of wick-down-12 (BTC 60,000 falls 12 % to about 52,800 &lt; 57,228.92): the
 *       isolated btc-long is liquidated at its liquidation price, 57,228.92; ETH (2,640 &gt; 2,409.64)
 *       and SOL (132 &gt; 101.01) survive; the cross side keeps 3,300 − 2,520 = 780 of equity, above
 *       its maintenance: nothing is liquidated there.</li>
 * </ul>
 */
class LessonHandoutTest {
    static final String LESSON = "06-isolated-vs-cross.marginlab";
    static final Path FILE = Path.of("..", "assets", "lessons", LESSON).toAbsolutePath().normalize();

    @TempDir
    static Path dir;

    /** The handout written by the command line. */
    static byte[] cliPdf;
    static String cliText;

    @BeforeAll
    static void exportWithTheCommandLine() throws IOException {
        Path out = dir.resolve("lesson6.pdf");
        StringWriter err = new StringWriter();
        int exit = MarginLabCommand.commandLine(new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
                new PrintWriter(err, true)).execute("export", FILE.toString(), "--pdf", out.toString());
        assertThat(exit).as(err.toString()).isZero();
        cliPdf = Files.readAllBytes(out);
        keep("lesson6-cli.pdf", cliPdf);
        try (PDDocument doc = Loader.loadPDF(cliPdf)) {
            cliText = new PDFTextStripper().getText(doc);
        }
    }

    /** -Dhandout.out=DIR keeps the handouts, to look at them. */
    static void keep(String name, byte[] bytes) throws IOException {
        String keep = System.getProperty("handout.out");
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            Files.write(Path.of(keep, name), bytes);
        }
    }

    @Test
    void theCommandLinesHandoutHasEveryStepAndEveryAnswerAsDisplayed() {
        Workspace w = Lessons.open(LESSON);
        assertThat(cliText).contains("Lesson: " + w.lesson().title()).contains("Students who have done lessons 1");
        for (var s : w.lesson().steps()) {
            assertThat(cliText).contains(s.title());
        }
        // the answers as the app shows them, and the text's placeholders filled in step 1
        assertThat(cliText).contains("57,228.92 USDT").contains("43,945.78 USDT")
                .contains("ETH is liquidated at 2,409.64 USDT and SOL at 101.01 USDT");
        assertThat(cliText).doesNotContain("{{").doesNotContain("}}");
        // the text's bullets
        assertThat(cliText).contains("\u2022 Isolated: BTC goes at its liquidation price");
        // no lesson in progress: no prediction, no score
        assertThat(cliText).contains("Score \u2014");
        // the replay of step 3: synthetic path, btc-long liquidated on the isolated side at 57,228.92
        assertThat(cliText).contains("Wick down 12 % (2 h, synthetic)").containsPattern("isolated btc-long 57,228.92");
        assertThat(cliText).doesNotContainPattern("cross btc-long|cross eth-long|cross sol-long");
    }

    @Test
    void everyPageRendersAndNoneIsBlank() throws IOException {
        try (PDDocument doc = Loader.loadPDF(cliPdf)) {
            // the lesson's 3 steps, then the standard handout of the workspace (at least 4 pages)
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(6);
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                BufferedImage page = renderer.renderImageWithDPI(i, 72);
                assertThat(nonWhite(page, 842 - 36)).as("page %d", i + 1).isGreaterThan(300);
            }
        }
    }

    @Test
    void theBuilderWithPredictionsShowsEachVerdictAndTheScore() throws IOException {
        Workspace w = Lessons.open(LESSON);
        Question q1 = w.lesson().steps().get(0).questions().get(0);
        Question q2 = w.lesson().steps().get(1).questions().get(0);
        Instant t = Instant.parse("2026-12-07T09:00:00Z");
        // q6-1: 57,200 against 57,228.92: 28.92 off, within the 50 USDT tolerance → correct
        // q6-2: 40,000 against 43,945.78: 3,945.78 off, outside 50 → not close enough
        List<Attempt> attempts = List.of(
                Attempt.score(1, q1, new BigDecimal("57200"), new BigDecimal("57228.92"), t),
                Attempt.score(2, q2, new BigDecimal("40000"), new BigDecimal("43945.78"), t));
        HandoutModel m = HandoutBuilder.of(w, Locale.ROOT, t, null, null, attempts, null);

        LessonHandout lesson = m.lesson();
        assertThat(lesson.score()).isEqualTo("1 / 2 correct");
        QuestionRow r1 = lesson.steps().get(0).questions().get(0);
        assertThat(r1.tolerance()).isEqualTo("50");
        assertThat(List.of(r1.answer(), r1.prediction(), r1.error(), r1.verdict()))
                .containsExactly("57,228.92 USDT", "57,200.00", "28.92", "correct");
        QuestionRow r2 = lesson.steps().get(1).questions().get(0);
        assertThat(List.of(r2.answer(), r2.error(), r2.verdict())).containsExactly("43,945.78 USDT", "3,945.78",
                "not close enough");
        // step 3: one liquidation, the isolated btc-long at its liquidation price
        Step s3 = lesson.steps().get(2);
        assertThat(s3.replay().events().rows()).hasSize(1);
        assertThat(s3.replay().events().rows().get(0).subList(1, 4)).containsExactly("isolated", "btc-long", "57,228.92");

        byte[] bytes = HandoutSections.pdf(m, Locale.ROOT);
        keep("lesson6-scored.pdf", bytes);
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("1 / 2 correct").contains("correct").contains("not close enough")
                    .contains("28.92").contains("57,200.00");
        }
    }

    @Test
    void markdownBecomesParagraphsBulletsAndBold() {
        List<LessonHandout.Block> blocks = MarkdownBlocks.of("Some **bold** and *plain*\ntext.\n\n- one\n- two `x`\n");
        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(0).runs()).containsExactly(new LessonHandout.Run("Some ", false),
                new LessonHandout.Run("bold", true), new LessonHandout.Run(" and plain text.", false));
        assertThat(blocks.get(1).kind()).isEqualTo(LessonHandout.Kind.BULLET);
        assertThat(blocks.get(1).plain()).isEqualTo("\u2022 one");
        assertThat(blocks.get(2).plain()).isEqualTo("\u2022 two x");
    }

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
