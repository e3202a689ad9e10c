package org.marginlab.app.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code lesson} block of a workspace: a course lesson the app walks through step by step
 * (README "Course kit → Lessons"). Immutable.
 *
 * @param title     the lesson's title, not blank
 * @param audience  who it is for, one line, or null
 * @param order     its position in a course pack (≥ 1), or null
 * @param steps     the steps in order, at least one; unmodifiable
 */
public record Lesson(String title, String audience, Integer order, List<LessonStep> steps) {
    /** Copies the steps. */
    public Lesson {
        Objects.requireNonNull(title, "title");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a lesson has at least one step");
        }
    }

    /**
     * @param step  a new last step, not null
     * @return a copy with {@code step} appended
     */
    public Lesson withStep(LessonStep step) {
        List<LessonStep> copy = new ArrayList<>(steps);
        copy.add(step);
        return new Lesson(title, audience, order, copy);
    }

    /** @return every question of the lesson, in step order */
    public List<Question> questions() {
        List<Question> all = new ArrayList<>();
        steps.forEach(s -> all.addAll(s.questions()));
        return all;
    }
}
