package org.marginlab.app.course;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import org.marginlab.app.lesson.Question;

/**
 * One answered question of a lesson: a prediction checked (scored) or a figure revealed without
 * one (not scored).
 *
 * @param step        the step's number, from 1
 * @param question    the question, not null
 * @param prediction  the prediction in the figure's prediction unit, or null when revealed without
 * @param answer      the engine's answer in the same unit, or null when the figure has none
 * @param error       the prediction's error in the tolerance's terms (percent or an amount), or null
 * @param correct     whether it scored; null when not scored
 * @param time        when it was answered, not null
 */
public record Attempt(int step, Question question, BigDecimal prediction, BigDecimal answer, BigDecimal error,
        Boolean correct, Instant time) {
    /** Checks the required parts. */
    public Attempt {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(time, "time");
    }

    /** @return whether the prediction was scored */
    public boolean scored() {
        return correct != null;
    }

    /**
     * Scores a prediction.
     *
     * @param step        the step's number, from 1
     * @param q           the question, not null
     * @param prediction  the prediction, not null
     * @param answer      the engine's answer, or null (the prediction then does not score)
     * @param time        now, not null
     * @return the scored attempt
     */
    public static Attempt score(int step, Question q, BigDecimal prediction, BigDecimal answer, Instant time) {
        if (answer == null) {
            return new Attempt(step, q, prediction, null, null, false, time);
        }
        BigDecimal error = q.effectiveTolerance().error(prediction, answer);
        return new Attempt(step, q, prediction, answer, error, q.effectiveTolerance().accepts(prediction, answer), time);
    }
}
