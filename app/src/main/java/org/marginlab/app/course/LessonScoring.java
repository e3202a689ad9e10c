package org.marginlab.app.course;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.marginlab.app.lesson.FigureRef;
import org.marginlab.app.lesson.Question;
import org.marginlab.app.lesson.Tolerance;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.ui.Formats;

/**
 * One walk through a lesson: the answers and their verdicts (a question is answered once,
 * checked or revealed; the score is correct / asked over the checked ones), the predictions as
 * typed, the figures revealed and the steps visited. Pure; no toolkit.
 */
final class LessonScoring {
    private final Clock clock;
    private final Map<String, Attempt> attempts = new LinkedHashMap<>();
    private final Map<String, String> typed = new java.util.HashMap<>();
    private final Map<Integer, java.util.Set<FigureRef>> revealed = new java.util.HashMap<>();
    private final java.util.Set<Integer> visited = new java.util.HashSet<>();

    LessonScoring(Clock clock) {
        this.clock = clock;
    }

    void clear() {
        attempts.clear();
        typed.clear();
        revealed.clear();
        visited.clear();
    }

    /** @param index  a step shown, from 0 */
    void visit(int index) {
        visited.add(index);
    }

    /** @return whether a step was visited and each of its questions answered */
    boolean done(int index, org.marginlab.app.lesson.LessonStep step) {
        return visited.contains(index) && step.questions().stream().allMatch(q -> attempts.containsKey(q.id()));
    }

    /** Reveals a figure of a step. */
    void reveal(int index, FigureRef ref) {
        revealed.computeIfAbsent(index, k -> new java.util.HashSet<>()).add(ref);
    }

    /** @return the figures of a step revealed so far */
    java.util.Set<FigureRef> revealed(int index) {
        return revealed.getOrDefault(index, java.util.Set.of());
    }

    /** Keeps a prediction as typed, to show it again on the question. */
    void typed(String questionId, String text) {
        typed.put(questionId, text);
    }

    /** @return the prediction typed for a question, or empty */
    String typed(String questionId) {
        return typed.getOrDefault(questionId, "");
    }

    /** @return the answer to a question, or null */
    Attempt attempt(String questionId) {
        return attempts.get(questionId);
    }

    List<Attempt> attempts() {
        return List.copyOf(new ArrayList<>(attempts.values()));
    }

    /**
     * Records an answer.
     *
     * @param prediction  the prediction, or null for a reveal (not scored)
     * @param answer      the engine's answer, or null when the figure has none
     */
    Attempt answer(int step, Question q, BigDecimal prediction, BigDecimal answer) {
        Attempt a = prediction == null ? new Attempt(step, q, null, answer, null, null, clock.instant())
                : Attempt.score(step, q, prediction, answer, clock.instant());
        attempts.put(q.id(), a);
        return a;
    }

    /** @return "Score correct / asked", or "Score –" before any prediction */
    String scoreText() {
        long asked = attempts.values().stream().filter(Attempt::scored).count();
        long correct = attempts.values().stream().filter(a -> Boolean.TRUE.equals(a.correct())).count();
        return asked == 0 ? "No predictions yet" : "Score " + correct + " / " + asked;
    }

    /**
     * @return {@code Your prediction 57,000 — answer 57,228.92 (0.40 % off, within 0.5 %):
     *         correct}, or for a reveal {@code Answer 57,228.92 (revealed, not scored)}
     */
    String verdict(Attempt a, Evaluation e, Formats formats) {
        FigureRef ref = a.question().figure();
        String answer = a.answer() == null ? "none (the figure has no value in this step)" : shown(ref, a.answer(), formats);
        if (a.prediction() == null) {
            return "Answer " + answer + " (revealed, not scored)";
        }
        String head = "Your prediction " + typed(ref, a.prediction(), formats) + " — answer " + answer;
        if (a.error() == null) {
            return head + ": not scored as correct";
        }
        Tolerance t = a.question().effectiveTolerance();
        String off = t.relative() ? formats.percent(a.error().movePointLeft(2))
                : LessonFigures.difference(ref, a.answer(), a.error(), formats);
        String bound = t.relative() ? t.amount().stripTrailingZeros().toPlainString() + " %" : typed(ref, t.amount(), formats);
        return head + " (" + off + " off, " + (a.correct() ? "within " : "outside ") + bound + "): "
                + (a.correct() ? "correct" : "not close enough");
    }

    /** A prediction with its own decimals and the locale's grouping: {@code 57,000}, {@code 57,228.5}. */
    private static String typed(FigureRef ref, BigDecimal v, Formats formats) {
        java.text.NumberFormat nf = java.text.NumberFormat.getNumberInstance(formats.locale());
        nf.setMinimumFractionDigits(0);
        nf.setMaximumFractionDigits(Math.max(0, v.stripTrailingZeros().scale()));
        return nf.format(v) + (LessonFigures.isPercent(ref.figure()) ? " %" : "");
    }

    private static String shown(FigureRef ref, BigDecimal v, Formats formats) {
        return LessonFigures.number(ref, v, formats) + (LessonFigures.isPercent(ref.figure()) ? " %" : "");
    }
}
