package org.marginlab.app.lesson;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A predict-then-reveal question of a lesson step. The answer is the engine's value of the
 * figure in the step's state, never typed by the author.
 *
 * @param id         unique within the lesson, not blank
 * @param prompt     the question, one sentence, not blank
 * @param figure     the figure asked for, not null
 * @param tolerance  the tolerance as the file states it, or null for {@link Tolerance#DEFAULT}
 * @param expected   the author's hand-worked answer (checked, not used for scoring), or null
 */
public record Question(String id, String prompt, FigureRef figure, Tolerance tolerance, BigDecimal expected) {
    /** Checks the required parts. */
    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(figure, "figure");
    }

    /** @return the tolerance that scores: the stated one, else 1 % */
    public Tolerance effectiveTolerance() {
        return tolerance == null ? Tolerance.DEFAULT : tolerance;
    }
}
