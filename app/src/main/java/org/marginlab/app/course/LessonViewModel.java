package org.marginlab.app.course;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.lesson.FigureRef;
import org.marginlab.app.lesson.Lesson;
import org.marginlab.app.lesson.LessonException;
import org.marginlab.app.lesson.LessonStep;
import org.marginlab.app.lesson.Question;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.ui.Formats;
import org.marginlab.app.workspace.LessonStates;
import org.marginlab.app.workspace.Workspace;

/**
 * The lesson being walked through: it follows the document's {@code lesson} block (a file or a
 * bundled lesson opened, a step added, an undo), loads a step's account into the app (one
 * undoable edit), hides the step's figures until they are predicted or revealed, scores the
 * predictions, and in instructor mode locks the inputs the step names or shows every answer.
 *
 * <p>A step's answers and placeholders come from its <em>authored</em> account (its state and
 * edits, at its shock), never from what the student typed since. FX thread only.
 */
public final class LessonViewModel {
    /** A step in the step list. @param title its title @param done visited, every question answered */
    public record StepItem(String title, boolean done) {
    }

    private final AccountViewModel account;
    private final Executor later;
    private final LessonScoring scoring;
    private Lesson lesson;
    private Workspace base;
    private List<Workspace> states = List.of();
    private final Map<Integer, Evaluation> evaluations = new HashMap<>();

    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active", false);
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step", -1);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper audience = new ReadOnlyStringWrapper(this, "audience", "");
    private final ReadOnlyStringWrapper stepTitle = new ReadOnlyStringWrapper(this, "stepTitle", "");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper score = new ReadOnlyStringWrapper(this, "score", "");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ObservableList<StepItem> steps = FXCollections.observableArrayList();
    private final ObservableList<QuestionViewModel> questions = FXCollections.observableArrayList();
    private final ObservableList<FigureRef> hiddenOnly = FXCollections.observableArrayList();
    // one read-only view each, kept: listeners added to a view live as long as this object
    private final ObservableList<StepItem> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final ObservableList<QuestionViewModel> questionsView = FXCollections.unmodifiableObservableList(questions);
    private final ObservableList<FigureRef> hiddenOnlyView = FXCollections.unmodifiableObservableList(hiddenOnly);
    private final BooleanProperty instructor = new SimpleBooleanProperty(this, "instructor", false);
    private final BooleanProperty showAnswers = new SimpleBooleanProperty(this, "showAnswers", false);
    private final IntegerProperty presenterPercent = new SimpleIntegerProperty(this, "presenterPercent", 100);
    private final ObjectProperty<Consumer<String>> replayLoader = new SimpleObjectProperty<>(this, "replayLoader", id -> {
    });
    private Consumer<FigureRef> explainer = ref -> {
    };

    /**
     * @param account  the account the lesson's steps are loaded into, not null
     * @param later    runs a task after the current one on the FX thread (Platform::runLater; a
     *                 direct executor in tests): a loaded lesson goes to its first step after the
     *                 document counts as opened
     * @param clock    the time of the answers in the score, not null
     */
    public LessonViewModel(AccountViewModel account, Executor later, Clock clock) {
        this.account = Objects.requireNonNull(account, "account");
        this.later = Objects.requireNonNull(later, "later");
        this.scoring = new LessonScoring(Objects.requireNonNull(clock, "clock"));
        account.loadsProperty().addListener((o, a, b) -> later.execute(this::documentLoaded));
        account.evaluationProperty().addListener((o, a, e) -> documentChanged(e.draft().lesson()));
        instructor.addListener((o, a, b) -> {
            if (!b) {
                showAnswers.set(false);
            }
            updateMasks();
        });
        showAnswers.addListener((o, a, b) -> updateMasks());
        if (account.draft().lesson() != null) {
            later.execute(this::documentLoaded);
        }
    }

    /**
     * Hides what the first step of the document's lesson hides, before any view of the account
     * is built (the start-up frame shows a liquidation price before the navigator exists).
     *
     * @param account  an account, not null; nothing happens when its document is not a lesson
     */
    public static void hideFirstStep(AccountViewModel account) {
        Lesson l = account.draft().lesson();
        if (l != null) {
            account.hiddenFigures().set(StepMasks.keys(StepMasks.hidden(l.steps().get(0), Set.of(), false)));
        }
    }

    // ---- following the document ----------------------------------------------------------------

    /** A new document: its lesson starts at step 1, with a new score. */
    private void documentLoaded() {
        scoring.clear();
        lesson = null;
        Lesson l = account.draft().lesson();
        if (l == null) {
            close();
            return;
        }
        base = account.toWorkspaceLenient();
        if (!adopt(l)) {
            return;
        }
        List<String> problems = LessonCheck.check(base.withLesson(l));
        warning.set(problems.isEmpty() ? "" : "This lesson's check failed: " + String.join("; ", problems));
        goTo(0);
    }

    /** An edit of the document: a step added (or undone) changes the lesson under way. */
    private void documentChanged(Lesson now) {
        if (now == lesson || Objects.equals(now, lesson)) {
            return;
        }
        if (now == null) {
            if (lesson != null) {
                close();
            }
            return;
        }
        boolean fresh = lesson == null;
        boolean grown = !fresh && now.steps().size() > lesson.steps().size();
        if (fresh) {
            base = account.toWorkspaceLenient();
            warning.set("");
        }
        if (adopt(now)) {
            // a step just added (it is the account shown now) is the step shown
            int at = fresh || grown ? now.steps().size() - 1 : Math.min(Math.max(step.get(), 0), now.steps().size() - 1);
            showStep(at);
        }
    }

    private boolean adopt(Lesson l) {
        try {
            states = LessonStates.of(base.withLesson(l));
        } catch (LessonException e) {
            warning.set(e.getMessage());
            close();
            return false;
        }
        lesson = l;
        evaluations.clear();
        title.set(l.title());
        audience.set(l.audience() == null ? "" : l.audience());
        active.set(true);
        return true;
    }

    /** Closes the navigator: no figure hidden, no input locked; the document stays as it is. */
    public void close() {
        lesson = null;
        states = List.of();
        active.set(false);
        step.set(-1);
        steps.clear();
        questions.clear();
        hiddenOnly.clear();
        text.set("");
        updateMasks();
    }

    // ---- navigation ----------------------------------------------------------------------------

    /**
     * Goes to a step: loads its account into the app at its shock (one undoable edit; unmodified
     * when it is the file's) and its price path into the replay (none: the replay stops).
     *
     * @param index  the step, from 0; ignored when out of range
     */
    public void goTo(int index) {
        if (lesson == null || index < 0 || index >= states.size()) {
            return;
        }
        LessonStep s = lesson.steps().get(index);
        Formats formats = new Formats(account.localeProperty().get());
        step.set(index);
        account.showLessonState(states.get(index), s.shock() == null ? "" : formats.exact(s.shock()));
        replayLoader.get().accept(s.replay());
        showStep(index);
    }

    /** Goes to the next step, if any. */
    public void next() {
        goTo(step.get() + 1);
    }

    /** Goes to the previous step, if any. */
    public void previous() {
        goTo(step.get() - 1);
    }

    private void showStep(int index) {
        step.set(index);
        scoring.visit(index);
        LessonStep s = lesson.steps().get(index);
        stepTitle.set(s.title());
        progress.set("Step " + (index + 1) + " / " + lesson.steps().size());
        List<QuestionViewModel> qs = new ArrayList<>();
        for (Question q : s.questions()) {
            QuestionViewModel vm = new QuestionViewModel(this, q);
            Attempt a = scoring.attempt(q.id());
            if (a != null) {
                vm.predictionProperty().set(scoring.typed(q.id()));
                vm.showAnswered(scoring.verdict(a, evaluation(index), formats()), Boolean.TRUE.equals(a.correct()));
            }
            qs.add(vm);
        }
        questions.setAll(qs);
        refresh();
    }

    // ---- predictions ---------------------------------------------------------------------------

    /** Scores a parsed prediction of a question of the current step (its typed text kept). */
    void check(QuestionViewModel q, BigDecimal prediction, String typed) {
        if (!q.answeredProperty().get()) {
            scoring.typed(q.question().id(), typed);
            answer(q, prediction);
        }
    }

    /** @return the locale predictions are typed in */
    java.util.Locale locale() {
        return account.localeProperty().get();
    }

    void reveal(QuestionViewModel q) {
        if (!q.answeredProperty().get()) {
            answer(q, null);
        }
    }

    private void answer(QuestionViewModel q, BigDecimal prediction) {
        int index = step.get();
        Evaluation e = evaluation(index);
        Attempt a = scoring.answer(index + 1, q.question(), prediction, LessonFigures.answer(e, q.question().figure()));
        scoring.reveal(index, q.question().figure());
        q.showAnswered(scoring.verdict(a, e, formats()), Boolean.TRUE.equals(a.correct()));
        refresh();
        explainer.accept(q.question().figure());
    }

    /**
     * Reveals a figure the step hides without a question.
     *
     * @param ref  a figure of {@link #hiddenOnlyFigures()}, not null
     */
    public void revealFigure(FigureRef ref) {
        if (step.get() >= 0) {
            scoring.reveal(step.get(), ref);
            refresh();
        }
    }

    private Evaluation evaluation(int index) {
        return evaluations.computeIfAbsent(index, i -> LessonFigures.evaluate(states.get(i),
                lesson.steps().get(i).shock(), account.localeProperty().get()));
    }

    private Formats formats() {
        return new Formats(account.localeProperty().get());
    }

    // ---- what the views show -------------------------------------------------------------------

    private void refresh() {
        int index = step.get();
        if (lesson == null || index < 0) {
            return;
        }
        List<StepItem> items = new ArrayList<>();
        for (int i = 0; i < lesson.steps().size(); i++) {
            items.add(new StepItem(lesson.steps().get(i).title(), scoring.done(i, lesson.steps().get(i))));
        }
        if (!items.equals(steps)) {
            steps.setAll(items);
        }
        score.set(scoring.scoreText());
        updateMasks();
    }

    /** Hides the step's figures, locks its inputs (instructor mode), fills in its text. */
    private void updateMasks() {
        int index = step.get();
        boolean on = lesson != null && index >= 0;
        Set<FigureRef> hidden = on ? StepMasks.hidden(lesson.steps().get(index), scoring.revealed(index),
                instructor.get() && showAnswers.get()) : Set.of();
        account.hiddenFigures().set(StepMasks.keys(hidden));
        account.lockedInputs().set(on && instructor.get() ? lesson.steps().get(index).lock() : List.of());
        if (on) {
            LessonStep s = lesson.steps().get(index);
            hiddenOnly.setAll(StepMasks.hiddenOnly(s, hidden));
            text.set(StepText.render(s.text(), hidden, evaluation(index), formats()));
        }
    }

    // ---- properties ----------------------------------------------------------------------------

    /** @return whether a lesson is open */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** @return the current step, from 0; −1 when no lesson is open */
    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** @return the lesson's title */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** @return who the lesson is for, or empty */
    public ReadOnlyStringProperty audienceProperty() {
        return audience.getReadOnlyProperty();
    }

    /** @return the current step's title */
    public ReadOnlyStringProperty stepTitleProperty() {
        return stepTitle.getReadOnlyProperty();
    }

    /** @return "Step n / N" */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** @return "Score correct / asked" */
    public ReadOnlyStringProperty scoreProperty() {
        return score.getReadOnlyProperty();
    }

    /** @return the step's Markdown with its placeholders replaced by the figures shown ("?" while hidden) */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** @return why the lesson's check failed or it cannot be walked through, or empty */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** @return the steps with their done marks */
    public ObservableList<StepItem> steps() {
        return stepsView;
    }

    /** @return the current step's questions */
    public ObservableList<QuestionViewModel> questions() {
        return questionsView;
    }

    /** @return the figures the step hides without a question, still hidden */
    public ObservableList<FigureRef> hiddenOnlyFigures() {
        return hiddenOnlyView;
    }

    /** @return instructor mode: the step's locks apply and answers may be shown */
    public BooleanProperty instructorProperty() {
        return instructor;
    }

    /** @return in instructor mode, every hidden figure shown (nothing scored by it) */
    public BooleanProperty showAnswersProperty() {
        return showAnswers;
    }

    /** @return the presenter font size in percent of the normal one (100, 125, 150, 200) */
    public IntegerProperty presenterPercentProperty() {
        return presenterPercent;
    }

    /**
     * @return what each step shown hands its {@code replay} to: a bundled path id or a CSV path
     *         relative to the lesson file, or null for a step without one (no replay then); a
     *         no-op by default
     */
    public ObjectProperty<Consumer<String>> replayLoaderProperty() {
        return replayLoader;
    }

    /** @param explainer  opens the derivation of a figure just answered, not null */
    public void setExplainer(Consumer<FigureRef> explainer) {
        this.explainer = Objects.requireNonNull(explainer, "explainer");
    }

    /** @return the answered questions in order, for the score's CSV */
    public List<Attempt> attempts() {
        return scoring.attempts();
    }
}
