package org.marginlab.app.course;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.marginlab.app.lesson.FigureRef;
import org.marginlab.app.lesson.Lesson;
import org.marginlab.app.lesson.LessonException;
import org.marginlab.app.lesson.LessonStep;
import org.marginlab.app.lesson.Question;
import org.marginlab.app.lesson.Tolerance;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.workspace.LessonStates;
import org.marginlab.app.workspace.Workspace;

/**
 * Checks a lesson number by number: every step's account evaluates, every question's figure
 * and every placeholder of the text has a value in its step, and the engine's answer is within
 * the question's tolerance of the author's {@code expected} (relative to {@code expected} for a
 * percentage tolerance). A failed check is a warning in the app (the lesson still opens) and
 * exit 1 of {@code marginlab lesson-check}; the course pack's test calls {@link #check}.
 * Pure; no toolkit, no I/O.
 */
public final class LessonCheck {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*\\}\\}");

    private LessonCheck() {
    }

    /**
     * @param lessonWorkspace  a workspace with a lesson, not null
     * @return one line per problem, naming the step and field
     *         ({@code lesson.steps[0].questions[0].expected: …}); empty when the lesson checks out
     * @throws IllegalArgumentException if the workspace has no lesson
     */
    public static List<String> check(Workspace lessonWorkspace) {
        Lesson lesson = lessonWorkspace.lesson();
        if (lesson == null) {
            throw new IllegalArgumentException("the workspace has no lesson");
        }
        List<String> problems = new ArrayList<>();
        List<Workspace> states;
        try {
            states = LessonStates.of(lessonWorkspace);
        } catch (LessonException e) {
            problems.add(e.getMessage());
            return problems;
        }
        for (int i = 0; i < states.size(); i++) {
            LessonStep step = lesson.steps().get(i);
            String at = "lesson.steps[" + i + "]";
            Evaluation e = LessonFigures.evaluate(states.get(i), step.shock(), Locale.ROOT);
            if (e.risk() == null) {
                problems.add(at + ": the step's account cannot be evaluated ("
                        + (e.problem() == null || e.problem().isEmpty() ? "an input is invalid" : e.problem()) + ")");
                continue;
            }
            for (int k = 0; k < step.questions().size(); k++) {
                check(step.questions().get(k), e, at + ".questions[" + k + "]", problems);
            }
            Matcher m = PLACEHOLDER.matcher(step.text());
            while (m.find()) {
                FigureRef ref = FigureRef.parse(m.group(1));
                if (LessonFigures.answer(e, ref) == null) {
                    problems.add(at + ".text: {{" + ref + "}} has no value in this step");
                }
            }
        }
        return problems;
    }

    private static void check(Question q, Evaluation e, String at, List<String> problems) {
        BigDecimal answer = LessonFigures.answer(e, q.figure());
        if (answer == null) {
            problems.add(at + ".figure: " + q.figure() + " has no value in this step (no such figure there: "
                    + "no liquidation price, or the position is invalid)");
            return;
        }
        if (q.expected() == null) {
            return;
        }
        Tolerance t = q.effectiveTolerance();
        if (!t.accepts(answer, q.expected())) {
            BigDecimal off = t.error(answer, q.expected());
            problems.add(at + ".expected: the engine's answer " + answer.stripTrailingZeros().toPlainString()
                    + " is " + (off == null ? "not" : off.setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                            .toPlainString() + (t.relative() ? " %" : ""))
                    + " off the expected " + q.expected().toPlainString() + ", outside the tolerance " + t.text());
        }
    }
}
