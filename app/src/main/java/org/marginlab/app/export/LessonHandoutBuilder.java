package org.marginlab.app.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.marginlab.app.course.Attempt;
import org.marginlab.app.course.LessonFigures;
import org.marginlab.app.export.HandoutModel.Table;
import org.marginlab.app.export.LessonHandout.QuestionRow;
import org.marginlab.app.export.LessonHandout.Replay;
import org.marginlab.app.export.LessonHandout.Step;
import org.marginlab.app.lesson.FigureRef;
import org.marginlab.app.lesson.Lesson;
import org.marginlab.app.lesson.LessonException;
import org.marginlab.app.lesson.LessonStep;
import org.marginlab.app.lesson.Question;
import org.marginlab.app.lesson.Tolerance;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.PositionResult;
import org.marginlab.app.ui.Formats;
import org.marginlab.app.workspace.BundledPaths;
import org.marginlab.app.workspace.LessonStates;
import org.marginlab.app.workspace.PathCsv;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.replay.LiquidationEvent;
import org.marginlab.engine.replay.PathReplay;
import org.marginlab.engine.replay.PricePath;
import org.marginlab.engine.replay.ReplayFrame;
import org.marginlab.engine.replay.ReplaySide;

/**
 * Gathers a {@link LessonHandout} from a lesson workspace: each step's authored account
 * ({@link LessonStates#of}) evaluated as the app evaluates it ({@link LessonFigures#evaluate},
 * at the step's shock), its text with every {@code {{ID.FIGURE}}} filled in (the handout is given
 * after the class: nothing is hidden), its positions, its questions with the answers as the app
 * shows them and the student's attempts when there are any, and its replay run by the engine
 * ({@link PathReplay}) on the step's account as the Replay tab runs it. Pure apart from reading a
 * step's price-path CSV (call it off the JavaFX thread).
 */
public final class LessonHandoutBuilder {
    static final String NONE = "\u2014";
    static final List<String> POSITION_COLUMNS = List.of("ID", "Side", "Qty", "Entry", "Mark", "Mode", "Margin",
            "Liq. price", "Bankr. price");
    static final List<String> EVENT_COLUMNS = List.of("Time (UTC)", "Side", "Position", "Mark");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*\\}\\}");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private LessonHandoutBuilder() {
    }

    /**
     * @param workspace  a workspace with a lesson, not null
     * @param locale     the number format
     * @param attempts   the student's answers (the lesson view-model's), or null when exported
     *                   without a lesson in progress
     * @param lessonDir  the folder of the lesson file (a step's CSV path is relative to it), or null
     * @return the lesson's handout, or null when the workspace has no lesson
     */
    public static LessonHandout of(Workspace workspace, Locale locale, List<Attempt> attempts, Path lessonDir) {
        Lesson lesson = workspace.lesson();
        if (lesson == null) {
            return null;
        }
        Formats formats = new Formats(locale);
        Map<String, Attempt> byId = attempts == null ? Map.of()
                : attempts.stream().collect(Collectors.toMap(a -> a.question().id(), Function.identity(), (a, b) -> b));
        List<Workspace> states;
        String problem = "";
        try {
            states = LessonStates.of(workspace);
        } catch (LessonException e) {
            states = null;
            problem = e.getMessage();
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < lesson.steps().size(); i++) {
            LessonStep s = lesson.steps().get(i);
            if (states == null) {
                steps.add(new Step(i + 1, s.title(), MarkdownBlocks.of(s.text()), new Table(POSITION_COLUMNS, List.of()),
                        List.of(), null, problem, ""));
                continue;
            }
            steps.add(step(i + 1, s, states.get(i), locale, formats, byId, lessonDir));
        }
        return new LessonHandout(lesson.title(), lesson.audience() == null ? "" : lesson.audience(),
                score(attempts), steps);
    }

    private static Step step(int number, LessonStep s, Workspace state, Locale locale, Formats formats,
            Map<String, Attempt> attempts, Path lessonDir) {
        Evaluation e = LessonFigures.evaluate(state, s.shock(), locale);
        String problem = e.risk() == null ? "The step's account cannot be evaluated: "
                + (e.problem() == null || e.problem().isEmpty() ? "an input is invalid." : e.problem()) : "";
        List<QuestionRow> questions = new ArrayList<>();
        for (Question q : s.questions()) {
            questions.add(question(q, e, formats, attempts.get(q.id())));
        }
        Replay replay = s.replay() == null || s.replay().isBlank() ? null : replay(s.replay(), e, formats, lessonDir);
        return new Step(number, s.title(), MarkdownBlocks.of(fill(s.text(), e, formats)), positions(e, formats),
                questions, replay, problem,
                s.shock() == null || s.shock().signum() == 0 ? "" : formats.percent(s.shock().movePointLeft(2)));
    }

    /** The text with each placeholder the figure as the app shows it in the step's state. */
    static String fill(String markdown, Evaluation e, Formats formats) {
        Matcher m = PLACEHOLDER.matcher(markdown);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value;
            try {
                FigureRef ref = FigureRef.parse(m.group(1));
                value = LessonFigures.format(e, ref, LessonFigures.answer(e, ref), formats);
            } catch (IllegalArgumentException ex) {
                value = m.group(1);
            }
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static Table positions(Evaluation e, Formats formats) {
        List<List<String>> rows = new ArrayList<>();
        for (PositionResult r : e.positions()) {
            Position p = r.used();
            if (p == null) {
                rows.add(List.of(r.id(), "", "", "", "", "", "", "invalid", ""));
                continue;
            }
            String id = r.id();
            boolean isolated = p.marginMode() == org.marginlab.engine.MarginMode.ISOLATED;
            Figure marginFigure = isolated ? Figure.ISOLATED_MARGIN : Figure.INITIAL_MARGIN;
            BigDecimal mark = r.shockedMark() == null ? p.markPrice() : r.shockedMark();
            rows.add(List.of(id, p.side().id(), formats.exact(p.quantity()), formats.price(p.entryPrice(), RoundingMode.HALF_UP),
                    formats.price(mark, RoundingMode.HALF_UP), p.marginMode().id(),
                    figure(e, id, marginFigure, formats), figure(e, id, Figure.LIQUIDATION_PRICE, formats),
                    figure(e, id, Figure.BANKRUPTCY_PRICE, formats)));
        }
        return new Table(POSITION_COLUMNS, rows);
    }

    private static String figure(Evaluation e, String id, Figure f, Formats formats) {
        FigureRef ref = new FigureRef(id, f);
        return LessonFigures.format(e, ref, LessonFigures.answer(e, ref), formats);
    }

    private static QuestionRow question(Question q, Evaluation e, Formats formats, Attempt a) {
        FigureRef ref = q.figure();
        BigDecimal answer = LessonFigures.answer(e, ref);
        Tolerance t = q.effectiveTolerance();
        String prediction = NONE;
        String error = NONE;
        String verdict = NONE;
        if (a != null && a.prediction() == null) {
            prediction = "revealed";
            verdict = "revealed, not scored";
        } else if (a != null) {
            prediction = LessonFigures.number(ref, a.prediction(), formats) + (LessonFigures.isPercent(ref.figure()) ? " %" : "");
            if (a.error() != null) {
                error = t.relative() ? formats.percent(a.error().movePointLeft(2))
                        : LessonFigures.difference(ref, a.answer(), a.error(), formats);
            }
            verdict = Boolean.TRUE.equals(a.correct()) ? "correct" : "not close enough";
        }
        return new QuestionRow(q.id(), q.prompt(), ref.toString(), LessonFigures.format(e, ref, answer, formats),
                t.text(), prediction, error, verdict);
    }

    /** @return {@code Score c / n} over the scored attempts, or {@code —} */
    static String score(List<Attempt> attempts) {
        if (attempts == null) {
            return NONE;
        }
        long asked = attempts.stream().filter(Attempt::scored).count();
        long correct = attempts.stream().filter(a -> Boolean.TRUE.equals(a.correct())).count();
        return asked == 0 ? NONE : correct + " / " + asked + " correct";
    }

    private static Replay replay(String id, Evaluation e, Formats formats, Path lessonDir) {
        String label = BundledPaths.ids().contains(id) ? BundledPaths.title(id) : id + " (CSV beside the lesson)";
        String ccy = e.currency() == null ? "" : e.currency();
        PricePath path;
        try {
            if (BundledPaths.ids().contains(id)) {
                path = BundledPaths.open(id);
            } else if (lessonDir != null) {
                path = PathCsv.read(lessonDir.resolve(id));
            } else {
                return failed(id, label, ccy, "The path " + id
                        + " is a file beside the lesson; export from the lesson's file to include it.");
            }
        } catch (PathCsv.PathCsvException | RuntimeException ex) {
            return failed(id, label, ccy, "The path " + id + " cannot be read: " + ex.getMessage());
        }
        if (e.entered() == null || e.risk() == null || e.entered().positions().isEmpty()) {
            return failed(id, label, ccy, "The step's account cannot be replayed.");
        }
        PathReplay replay;
        try {
            // as the Replay tab: the account as entered (no shock), the comparison's default options
            replay = PathReplay.run(e.entered(), path);
        } catch (ValidationException ex) {
            return failed(id, label, ccy, "The step's account cannot be replayed along " + id + ": " + ex.getMessage());
        }
        List<ReplayFrame> frames = replay.frames();
        Instant start = frames.get(0).time();
        List<List<String>> rows = new ArrayList<>();
        List<Double> isoAt = new ArrayList<>();
        List<Double> crossAt = new ArrayList<>();
        for (LiquidationEvent ev : replay.events()) {
            if (ev.side() == ReplaySide.ACCOUNT) {
                continue;
            }
            rows.add(List.of(CLOCK.format(ev.time()), ev.side() == ReplaySide.ISOLATED ? "isolated" : "cross",
                    ev.positionId(), formats.price(ev.mark(), RoundingMode.HALF_UP)));
            (ev.side() == ReplaySide.ISOLATED ? isoAt : crossAt).add(Duration.between(start, ev.time()).toMillis() / 1000.0);
        }
        double[] t = new double[frames.size()];
        double[] iso = new double[frames.size()];
        double[] cross = new double[frames.size()];
        for (int i = 0; i < t.length; i++) {
            ReplayFrame f = frames.get(i);
            t[i] = Duration.between(start, f.time()).toMillis() / 1000.0;
            iso[i] = f.isolated().equity().doubleValue();
            cross[i] = f.cross().equity().doubleValue();
        }
        return new Replay(id, label, new Table(EVENT_COLUMNS, rows), t, iso, cross, ccy,
                isoAt.stream().mapToDouble(Double::doubleValue).toArray(),
                crossAt.stream().mapToDouble(Double::doubleValue).toArray(), "");
    }

    private static Replay failed(String id, String label, String ccy, String problem) {
        double[] none = new double[0];
        return new Replay(id, label, new Table(EVENT_COLUMNS, List.of()), none, none, none, ccy, none, none, problem);
    }
}
