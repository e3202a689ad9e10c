package org.marginlab.app.course;

import java.util.Objects;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.marginlab.app.lesson.Question;
import org.marginlab.app.ui.DecimalInput;

/**
 * One question of the current step as the navigator shows it: the prompt, the typed prediction,
 * the parse error or the verdict, and whether it is answered (checked or revealed). Its
 * commands go to the {@link LessonViewModel}.
 */
public final class QuestionViewModel {
    private final LessonViewModel lesson;
    private final Question question;
    private final StringProperty prediction = new SimpleStringProperty(this, "prediction", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyBooleanWrapper answered = new ReadOnlyBooleanWrapper(this, "answered", false);
    private final ReadOnlyBooleanWrapper correct = new ReadOnlyBooleanWrapper(this, "correct", false);

    QuestionViewModel(LessonViewModel lesson, Question question) {
        this.lesson = Objects.requireNonNull(lesson, "lesson");
        this.question = Objects.requireNonNull(question, "question");
        prediction.addListener((o, a, b) -> error.set(""));
    }

    /** @return the question */
    public Question question() {
        return question;
    }

    /** @return the prompt, one sentence */
    public String prompt() {
        return question.prompt();
    }

    /** @return the prediction as typed (locale-aware, as every number input) */
    public StringProperty predictionProperty() {
        return prediction;
    }

    /** @return why the prediction is not a number, or empty */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** @return the verdict once answered ("Your prediction … — answer … (… off, within …): correct"), or empty */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** @return whether the question is answered (checked or revealed) */
    public ReadOnlyBooleanProperty answeredProperty() {
        return answered.getReadOnlyProperty();
    }

    /** @return whether the checked prediction scored */
    public ReadOnlyBooleanProperty correctProperty() {
        return correct.getReadOnlyProperty();
    }

    /**
     * Checks the typed prediction (parsed as every number input, in the number format's locale):
     * scores it, reveals the figure and opens its derivation; or says why it is not a number.
     */
    public void check() {
        if (answered.get()) {
            return;
        }
        String typed = prediction.get() == null ? "" : prediction.get().strip();
        if (typed.isEmpty()) {
            error.set("Type a prediction first, or Reveal to see the answer without a score.");
            return;
        }
        try {
            lesson.check(this, new DecimalInput(lesson.locale()).parse(typed), typed);
        } catch (DecimalInput.InputException e) {
            error.set(e.getMessage());
        }
    }

    /** Reveals the figure without a prediction (not scored). */
    public void reveal() {
        lesson.reveal(this);
    }

    void showAnswered(String text, boolean scored) {
        correct.set(scored); // before the verdict: a view styles the verdict by it
        answered.set(true);
        verdict.set(text);
    }
}
