package org.marginlab.app.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Paragraph;

import org.marginlab.app.export.HandoutModel.Labelled;
import org.marginlab.app.export.HandoutModel.Table;
import org.marginlab.app.export.LessonHandout.Block;
import org.marginlab.app.export.LessonHandout.Kind;
import org.marginlab.app.export.LessonHandout.QuestionRow;
import org.marginlab.app.export.LessonHandout.Replay;
import org.marginlab.app.export.LessonHandout.Run;
import org.marginlab.app.export.LessonHandout.Step;

/**
 * The lesson's part of the handout: its title, audience and score, then each step: its title,
 * its text (paragraphs, bullets, bold), its positions, its questions with the answers (and the
 * student's predictions and verdicts), and its replay's liquidations and equity chart.
 */
final class LessonSection implements HandoutSection {
    private final LessonHandout lesson;
    private final Locale locale;

    /**
     * @param lesson  the lesson's content, not null
     * @param locale  the number format of the chart ticks
     */
    LessonSection(LessonHandout lesson, Locale locale) {
        this.lesson = lesson;
        this.locale = locale;
    }

    @Override
    public void render(HandoutPdf pdf) {
        pdf.heading("Lesson: " + lesson.title());
        List<Labelled> facts = new ArrayList<>();
        if (!lesson.audience().isBlank()) {
            facts.add(new Labelled("Audience", lesson.audience()));
        }
        facts.add(new Labelled("Steps", Integer.toString(lesson.steps().size())));
        facts.add(new Labelled("Score", lesson.score()));
        pdf.figures(facts, 1);
        pdf.note("Every figure is the app's, in each step's state; the answers are shown (this handout is given "
                + "after the class).");
        for (Step s : lesson.steps()) {
            step(pdf, s);
        }
    }

    private void step(HandoutPdf pdf, Step s) {
        Paragraph head = new Paragraph(PdfText.of("Step " + s.number() + ". " + s.title()), pdf.bold(12.5f));
        head.setLeading(15);
        head.setSpacingBefore(4);
        head.setSpacingAfter(4);
        head.setKeepTogether(true);
        pdf.add(head);
        for (Block b : s.text()) {
            block(pdf, b);
        }
        if (!s.problem().isBlank()) {
            pdf.paragraph(s.problem());
        }
        if (!s.positions().rows().isEmpty()) {
            pdf.subheading("Positions in this step");
            pdf.table(s.positions(), new float[] {1.2f, 0.6f, 0.6f, 1f, 1f, 0.8f, 1.15f, 1.3f, 1.3f}, 7.2f);
            pdf.note("Margin: an isolated position's isolated margin, a cross position's initial margin. Prices as the "
                    + "app shows them" + (s.shock().isEmpty() ? "." : ", at the step's price shock of " + s.shock() + " on every mark."));
        }
        if (!s.questions().isEmpty()) {
            pdf.subheading("Questions");
            List<List<String>> rows = new ArrayList<>();
            for (QuestionRow q : s.questions()) {
                rows.add(List.of(q.id(), q.prompt(), q.answer(), q.tolerance(), q.prediction(), q.error(), q.verdict()));
            }
            pdf.table(new Table(List.of("ID", "Question", "Answer", "Tolerance", "Prediction", "Error", "Verdict"), rows),
                    new float[] {0.6f, 2.6f, 1.3f, 0.75f, 0.95f, 0.7f, 1.1f}, 7.5f);
        }
        if (s.replay() != null) {
            replay(pdf, s.replay());
        }
        pdf.rule();
    }

    private static void block(HandoutPdf pdf, Block b) {
        float size = b.kind() == Kind.HEADING ? 10.5f : HandoutPdf.BODY;
        Paragraph p = new Paragraph();
        p.setLeading(size * 1.3f);
        for (Run r : b.runs()) {
            boolean bold = r.bold() || b.kind() == Kind.HEADING;
            p.add(new Chunk(PdfText.of(r.text()), bold ? pdf.bold(size) : pdf.font(size)));
        }
        if (b.kind() == Kind.BULLET) {
            // the text of a bullet's following lines starts under its first word
            p.setIndentationLeft(10);
            p.setFirstLineIndent(-8);
        }
        p.setSpacingAfter(b.kind() == Kind.BULLET ? 2 : 4);
        pdf.add(p);
    }

    private void replay(HandoutPdf pdf, Replay r) {
        pdf.subheading("Replay: " + r.pathLabel());
        pdf.note("Path " + r.pathId() + ", walked by the engine on this step's account as the Replay tab does: every "
                + "position isolated, and every position cross.");
        if (!r.problem().isBlank()) {
            pdf.paragraph(r.problem());
            return;
        }
        if (r.events().rows().isEmpty()) {
            pdf.paragraph("No position is liquidated on this path, on either side.");
        } else {
            pdf.table(r.events(), new float[] {1.6f, 0.8f, 1.2f, 1.2f}, 7.5f);
        }
        PdfReplayChart.draw(pdf, r, locale);
    }
}
