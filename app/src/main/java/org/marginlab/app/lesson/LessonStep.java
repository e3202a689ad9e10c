package org.marginlab.app.lesson;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One step of a lesson (the format: README "Course kit → Lessons").
 *
 * @param title      the step's title, not blank
 * @param text       CommonMark Markdown with {@code {{ID.FIGURE}}} placeholders; empty for none
 * @param state      the account this step sets, or null for the previous step's authored state
 *                   (step 1: the workspace's top-level account)
 * @param edits      the edits applied after the state, in order; unmodifiable
 * @param shock      the price shock in percent (−90 … 200), or null for none
 * @param replay     a price path for the replay (a bundled path id or a CSV path relative to
 *                   the lesson file), or null
 * @param hide       the figures hidden until revealed; unmodifiable
 * @param lock       the inputs locked in instructor mode ({@code ID.FIELD}, {@code walletBalance},
 *                   {@code venue}, {@code *}); unmodifiable
 * @param questions  the questions; unmodifiable
 * @param source     the step's JSON as read from the file, written back unchanged while the step
 *                   is not edited; null for a step made in the app. Opaque to everything but the
 *                   workspace mapping.
 */
public record LessonStep(String title, String text, StepState state, List<StepEdit> edits, BigDecimal shock,
        String replay, List<FigureRef> hide, List<String> lock, List<Question> questions, Object source) {
    /** Copies the lists. */
    public LessonStep {
        Objects.requireNonNull(title, "title");
        text = text == null ? "" : text;
        edits = List.copyOf(edits);
        hide = List.copyOf(hide);
        lock = List.copyOf(lock);
        questions = List.copyOf(questions);
    }

    /**
     * @param ref  a figure, not null
     * @return whether this step hides it: named in {@code hide} or asked by a question
     */
    public boolean hides(FigureRef ref) {
        return hide.contains(ref) || questions.stream().anyMatch(q -> q.figure().equals(ref));
    }
}
