package org.marginlab.app.course;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.lesson.FigureRef;
import org.marginlab.app.lesson.Lesson;
import org.marginlab.app.lesson.LessonStep;
import org.marginlab.app.lesson.Question;
import org.marginlab.app.lesson.StepState;
import org.marginlab.app.lesson.Tolerance;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.derivation.Figure;

/**
 * Lesson → Add current state as step…: appends a step whose {@code state} is the account as it
 * is now (and whose shock is the one set), with an optional question about a figure of the
 * selected position; makes the workspace a lesson (titled as the workspace) if it was not one.
 * One undoable edit of the document, which marks it modified.
 */
public final class LessonAuthoring {
    private final AccountViewModel account;

    /** @param account  the account, not null */
    public LessonAuthoring(AccountViewModel account) {
        this.account = Objects.requireNonNull(account, "account");
    }

    /** @return the figure ids a question may ask about a position, in the Explain panel's order */
    public static List<String> positionFigureIds() {
        List<String> ids = new ArrayList<>();
        for (Figure f : Figure.values()) {
            if (!f.isAccount() && f != Figure.WALLET_TERM) {
                ids.add(f.id());
            }
        }
        return ids;
    }

    /** @return the id of the selected position, or null */
    public String selectedPositionId() {
        return account.selectedProperty().get() == null ? null : account.selectedProperty().get().id();
    }

    /**
     * Appends the step.
     *
     * @param title      the step's title, not blank
     * @param markdown   its text, may be empty
     * @param figureId   a figure of {@link #positionFigureIds()} of the selected position to ask
     *                   about, or null for no question
     * @param tolerance  the question's tolerance ({@code 0.5%} or {@code 25}), blank for 1 %
     * @return null when added; else why not, one line (an invalid input, a bad tolerance)
     */
    public String addStep(String title, String markdown, String figureId, String tolerance) {
        if (title == null || title.isBlank()) {
            return "The step needs a title.";
        }
        Workspace now;
        try {
            now = account.toWorkspace();
        } catch (ValidationException e) {
            return "The account has an invalid input, so it cannot be a step: " + e.getMessage();
        }
        Lesson lesson = account.draft().lesson();
        List<Question> questions = new ArrayList<>();
        String position = selectedPositionId();
        if (figureId != null && position != null) {
            Tolerance t;
            try {
                t = tolerance == null || tolerance.isBlank() ? null : Tolerance.parse(tolerance);
            } catch (IllegalArgumentException e) {
                return "Tolerance: " + e.getMessage();
            }
            FigureRef ref = FigureRef.parse(position + "." + figureId);
            questions.add(new Question(uniqueId(lesson), "What is the " + ref.figure().term().toLowerCase(java.util.Locale.ROOT)
                    + " of " + position + "?", ref, t, null));
        }
        BigDecimal shock = account.evaluation().shock();
        LessonStep step = new LessonStep(title.strip(), markdown == null ? "" : markdown,
                new StepState(now.venueId(), now.walletBalance(), now.positions()), List.of(),
                shock == null || shock.signum() == 0 ? null : shock.movePointRight(2).stripTrailingZeros(), null,
                List.of(), List.of(), questions, null);
        Lesson next = lesson == null ? new Lesson(now.name() == null ? "Lesson" : now.name(), null, null, List.of(step))
                : lesson.withStep(step);
        account.edit(null, d -> d.withLesson(next));
        return null;
    }

    private static String uniqueId(Lesson lesson) {
        int n = lesson == null ? 1 : lesson.questions().size() + 1;
        while (lesson != null && hasId(lesson, "q" + n)) {
            n++;
        }
        return "q" + n;
    }

    private static boolean hasId(Lesson lesson, String id) {
        return lesson.questions().stream().anyMatch(q -> q.id().equals(id));
    }
}
