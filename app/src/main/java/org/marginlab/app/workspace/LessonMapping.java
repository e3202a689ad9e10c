package org.marginlab.app.workspace;

import static org.marginlab.app.workspace.JsonFields.optionalDecimal;
import static org.marginlab.app.workspace.JsonFields.present;
import static org.marginlab.app.workspace.JsonFields.show;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.marginlab.app.lesson.FigureRef;
import org.marginlab.app.lesson.Lesson;
import org.marginlab.app.lesson.LessonException;
import org.marginlab.app.lesson.LessonStep;
import org.marginlab.app.lesson.Question;
import org.marginlab.app.lesson.StepEdit;
import org.marginlab.app.lesson.StepState;
import org.marginlab.app.lesson.Tolerance;
import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Maps a workspace's {@code lesson} block to a {@link Lesson} and back (README "Course kit →
 * Lessons"). Reading checks every rule of the format and names the step and field of the first
 * one broken ({@code lesson.steps[2].questions[0].figure: unknown position "eth-lng" (positions:
 * btc-long, eth-short)}); it works out every step's state ({@link LessonStates}) so that edits
 * that cannot apply and figures of positions a step does not have are refused. Unknown fields
 * warn, as in the rest of the file. Writing puts back each step read from a file exactly as it
 * was read, and writes steps made in the app from their model.
 */
final class LessonMapping {
    /** Most steps in a lesson. */
    static final int MAX_STEPS = 200;
    /** Most edits, hidden figures, locks or questions in one step (each edit may evaluate the account). */
    static final int MAX_ITEMS = 100;

    private static final Set<String> LESSON_FIELDS = Set.of("title", "audience", "order", "steps");
    private static final Set<String> STEP_FIELDS = Set.of("title", "text", "state", "edits", "shock", "replay", "hide",
            "lock", "questions");
    private static final Set<String> STATE_FIELDS = Set.of("venue", "walletBalance", "positions");
    private static final Set<String> EDIT_FIELDS = Set.of("position", "field", "value");
    private static final Set<String> QUESTION_FIELDS = Set.of("id", "prompt", "figure", "tolerance", "expected");
    /** {@code {{ID.FIGURE}}} in a step's text. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*\\}\\}");

    private final WorkspaceMapping mapping;

    LessonMapping(WorkspaceMapping mapping) {
        this.mapping = mapping;
    }

    /**
     * @param node       the {@code lesson} node, not null
     * @param workspace  the workspace's top level (the first step's default state), not null
     * @return the lesson, never null
     * @throws LessonException naming the step and field of the first broken rule
     */
    Lesson lesson(JsonNode node, Workspace workspace) {
        if (!node.isObject()) {
            throw new LessonException("lesson", "must be a JSON object (got " + show(node) + ")");
        }
        mapping.unknownFields(node, LESSON_FIELDS, "lesson.");
        String title = text(node, "title", "lesson", true);
        String audience = text(node, "audience", "lesson", false);
        Integer order = null;
        JsonNode o = present(node, "order");
        if (o != null) {
            if (!o.isIntegralNumber() || o.bigIntegerValue().signum() <= 0 || o.bigIntegerValue().bitLength() > 31) {
                throw new LessonException("lesson.order", "must be an integer ≥ 1 (got " + show(o) + ")");
            }
            order = o.intValue();
        }
        JsonNode steps = present(node, "steps");
        if (steps == null || !steps.isArray() || steps.isEmpty()) {
            throw new LessonException("lesson.steps", "must be an array of at least one step (got "
                    + (steps == null ? "nothing" : show(steps)) + ")");
        }
        if (steps.size() > MAX_STEPS) {
            throw new LessonException("lesson.steps", "must hold at most " + MAX_STEPS + " steps (got " + steps.size() + ")");
        }
        List<LessonStep> list = new ArrayList<>();
        Set<String> questionIds = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            list.add(step(steps.get(i), "lesson.steps[" + i + "]", questionIds));
        }
        Lesson lesson = new Lesson(title, audience, order, list);
        List<Workspace> states = LessonStates.of(workspace.withLesson(lesson));
        for (int i = 0; i < list.size(); i++) {
            checkReferences(list.get(i), "lesson.steps[" + i + "]", states.get(i));
        }
        return lesson;
    }

    private LessonStep step(JsonNode node, String at, Set<String> questionIds) {
        if (!node.isObject()) {
            throw new LessonException(at, "must be a JSON object (got " + show(node) + ")");
        }
        mapping.unknownFields(node, STEP_FIELDS, at + ".");
        String title = text(node, "title", at, true);
        String text = text(node, "text", at, false);
        StepState state = null;
        JsonNode s = present(node, "state");
        if (s != null) {
            state = state(s, at + ".state");
        }
        List<StepEdit> edits = new ArrayList<>();
        JsonNode e = array(node, "edits", at);
        for (int k = 0; e != null && k < e.size(); k++) {
            edits.add(edit(e.get(k), at + ".edits[" + k + "]"));
        }
        BigDecimal shock = null;
        if (present(node, "shock") != null) {
            shock = decimal(node, "shock", at);
            if (shock.compareTo(BigDecimal.valueOf(-90)) < 0 || shock.compareTo(BigDecimal.valueOf(200)) > 0) {
                throw new LessonException(at + ".shock", "must be between −90 and 200 (percent) (got "
                        + shock.toPlainString() + ")");
            }
        }
        String replay = text(node, "replay", at, false);
        List<FigureRef> hide = new ArrayList<>();
        List<String> strings = strings(node, "hide", at);
        for (int k = 0; k < strings.size(); k++) {
            hide.add(figure(strings.get(k), at + ".hide[" + k + "]"));
        }
        List<String> lock = strings(node, "lock", at);
        List<Question> questions = new ArrayList<>();
        JsonNode q = array(node, "questions", at);
        for (int k = 0; q != null && k < q.size(); k++) {
            Question question = question(q.get(k), at + ".questions[" + k + "]");
            if (!questionIds.add(question.id())) {
                throw new LessonException(at + ".questions[" + k + "].id", "must be unique within the lesson (got \""
                        + question.id() + "\")");
            }
            questions.add(question);
        }
        return new LessonStep(title, text, state, edits, shock, replay, hide, lock, questions, node.deepCopy());
    }

    private StepState state(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new LessonException(at, "must be a JSON object (got " + show(node) + ")");
        }
        mapping.unknownFields(node, STATE_FIELDS, at + ".");
        String venue = text(node, "venue", at, true);
        BigDecimal wallet = present(node, "walletBalance") == null ? BigDecimal.ZERO : decimal(node, "walletBalance", at);
        List<Position> positions = new ArrayList<>();
        JsonNode array = array(node, "positions", at);
        if (array != null && array.size() > WorkspaceMapping.MAX_POSITIONS) {
            throw new LessonException(at + ".positions", "must hold at most " + WorkspaceMapping.MAX_POSITIONS
                    + " positions (got " + array.size() + ")");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; array != null && i < array.size(); i++) {
            String p = at + ".positions[" + i + "]";
            if (!array.get(i).isObject()) {
                throw new LessonException(p, "must be a JSON object (got " + show(array.get(i)) + ")");
            }
            try {
                Position position = mapping.position(array.get(i), p);
                if (!ids.add(position.id())) {
                    throw new LessonException(p + ".id", "must be unique within the state (got \"" + position.id() + "\")");
                }
                positions.add(position);
            } catch (ValidationException e) {
                throw new LessonException(p + "." + (e.path().isEmpty() ? e.field() : e.path() + "." + e.field()),
                        e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
            }
        }
        if (wallet.signum() < 0) {
            throw new LessonException(at + ".walletBalance", "must be ≥ 0 (got " + wallet.toPlainString() + ")");
        }
        return new StepState(venue.strip(), wallet, positions);
    }

    private StepEdit edit(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new LessonException(at, "must be a JSON object (got " + show(node) + ")");
        }
        mapping.unknownFields(node, EDIT_FIELDS, at + ".");
        String position = text(node, "position", at, false);
        String field = text(node, "field", at, true);
        JsonNode v = present(node, "value");
        if (v == null || !(v.isTextual() || v.isNumber())) {
            throw new LessonException(at + ".value", "must be a string or a number (got "
                    + (v == null ? "nothing" : show(v)) + ")");
        }
        String value = v.isTextual() ? JsonFields.checkText(v.textValue(), "value") : v.decimalValue().toPlainString();
        if (position == null && !field.equals("walletBalance") && !field.equals("venue")) {
            throw new LessonException(at + ".field", "must be walletBalance or venue for an account edit, or name a "
                    + "position in \"position\" (got \"" + field + "\")");
        }
        if (position != null && (field.equals("id") || !WorkspaceMapping.POSITION_FIELDS.contains(field))) {
            throw new LessonException(at + ".field", "must be a position field of the workspace format other than id "
                    + "(got \"" + field + "\")");
        }
        return new StepEdit(position, field, value);
    }

    private Question question(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new LessonException(at, "must be a JSON object (got " + show(node) + ")");
        }
        mapping.unknownFields(node, QUESTION_FIELDS, at + ".");
        String id = text(node, "id", at, true);
        String prompt = text(node, "prompt", at, true);
        FigureRef figure = figure(text(node, "figure", at, true), at + ".figure");
        Tolerance tolerance = null;
        JsonNode t = present(node, "tolerance");
        if (t != null) {
            if (!(t.isTextual() || t.isNumber())) {
                throw new LessonException(at + ".tolerance", "must be a string such as \"0.5%\" or \"25\" (got " + show(t) + ")");
            }
            try {
                tolerance = Tolerance.parse(t.isTextual() ? t.textValue() : t.decimalValue().toPlainString());
            } catch (IllegalArgumentException e) {
                throw new LessonException(at + ".tolerance", e.getMessage());
            }
        }
        BigDecimal expected = present(node, "expected") == null ? null : decimal(node, "expected", at);
        return new Question(id, prompt, figure, tolerance, expected);
    }

    /** Every position a step names exists in its state. */
    private static void checkReferences(LessonStep step, String at, Workspace state) {
        for (int k = 0; k < step.hide().size(); k++) {
            exists(step.hide().get(k).positionId(), at + ".hide[" + k + "]", state);
        }
        for (int k = 0; k < step.questions().size(); k++) {
            exists(step.questions().get(k).figure().positionId(), at + ".questions[" + k + "].figure", state);
        }
        for (int k = 0; k < step.lock().size(); k++) {
            String lock = step.lock().get(k);
            String path = at + ".lock[" + k + "]";
            if (lock.equals("*") || lock.equals("walletBalance") || lock.equals("venue")) {
                continue;
            }
            int dot = lock.lastIndexOf('.');
            if (dot <= 0 || !WorkspaceMapping.POSITION_FIELDS.contains(lock.substring(dot + 1))) {
                throw new LessonException(path, "must be ID.FIELD (a position field of the workspace format), "
                        + "walletBalance, venue or * (got \"" + lock + "\")");
            }
            exists(lock.substring(0, dot), path, state);
        }
        Matcher m = PLACEHOLDER.matcher(step.text());
        while (m.find()) {
            exists(figure(m.group(1), at + ".text").positionId(), at + ".text", state);
        }
    }

    private static void exists(String positionId, String at, Workspace state) {
        if (positionId != null && state.positions().stream().noneMatch(p -> p.id().equals(positionId))) {
            throw new LessonException(at, "unknown position \"" + positionId + "\" (positions: "
                    + LessonStates.ids(state) + ")");
        }
    }

    private static FigureRef figure(String text, String at) {
        try {
            return FigureRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw new LessonException(at, e.getMessage());
        }
    }

    private static String text(JsonNode node, String field, String at, boolean required) {
        try {
            String s = required ? JsonFields.requiredText(node, field) : JsonFields.optionalText(node, field);
            if (required && s.isBlank()) {
                throw new LessonException(at + "." + field, "must not be blank");
            }
            return s;
        } catch (ValidationException e) {
            throw new LessonException(at + "." + field, e.rule() + " (got " + (e.value() == null ? "nothing" : e.value()) + ")");
        }
    }

    private static BigDecimal decimal(JsonNode node, String field, String at) {
        try {
            return optionalDecimal(node, field);
        } catch (ValidationException e) {
            throw new LessonException(at + "." + field, e.rule() + " (got " + (e.value() == null ? "nothing" : e.value()) + ")");
        }
    }

    private static JsonNode array(JsonNode node, String field, String at) {
        JsonNode a = present(node, field);
        if (a != null && !a.isArray()) {
            throw new LessonException(at + "." + field, "must be an array (got " + show(a) + ")");
        }
        if (a != null && a.size() > MAX_ITEMS && !field.equals("positions")) {
            throw new LessonException(at + "." + field, "must hold at most " + MAX_ITEMS + " items (got " + a.size() + ")");
        }
        return a;
    }

    private static List<String> strings(JsonNode node, String field, String at) {
        JsonNode a = array(node, field, at);
        List<String> list = new ArrayList<>();
        for (int k = 0; a != null && k < a.size(); k++) {
            if (!a.get(k).isTextual()) {
                throw new LessonException(at + "." + field + "[" + k + "]", "must be a string (got " + show(a.get(k)) + ")");
            }
            list.add(a.get(k).textValue());
        }
        return list;
    }

    // ------------------------------------------------------------------------------ writing

    /**
     * @param lesson  a lesson, not null
     * @return its {@code lesson} block; each step read from a file exactly as read
     */
    static ObjectNode tree(Lesson lesson) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("title", lesson.title());
        if (lesson.audience() != null) {
            o.put("audience", lesson.audience());
        }
        if (lesson.order() != null) {
            o.put("order", lesson.order().intValue());
        }
        ArrayNode steps = o.putArray("steps");
        for (LessonStep s : lesson.steps()) {
            steps.add(s.source() instanceof JsonNode n ? n.deepCopy() : step(s));
        }
        return o;
    }

    private static ObjectNode step(LessonStep s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("title", s.title());
        if (!s.text().isEmpty()) {
            o.put("text", s.text());
        }
        if (s.state() != null) {
            ObjectNode st = o.putObject("state");
            st.put("venue", s.state().venueId());
            st.put("walletBalance", s.state().walletBalance().toPlainString());
            ArrayNode ps = st.putArray("positions");
            s.state().positions().forEach(p -> WorkspaceMapping.position(ps.addObject(), p));
        }
        if (!s.edits().isEmpty()) {
            ArrayNode edits = o.putArray("edits");
            for (StepEdit e : s.edits()) {
                ObjectNode eo = edits.addObject();
                if (e.positionId() != null) {
                    eo.put("position", e.positionId());
                }
                eo.put("field", e.field());
                eo.put("value", e.value());
            }
        }
        if (s.shock() != null) {
            o.put("shock", s.shock().toPlainString());
        }
        if (s.replay() != null) {
            o.put("replay", s.replay());
        }
        if (!s.hide().isEmpty()) {
            ArrayNode hide = o.putArray("hide");
            s.hide().forEach(f -> hide.add(f.toString()));
        }
        if (!s.lock().isEmpty()) {
            ArrayNode lock = o.putArray("lock");
            s.lock().forEach(lock::add);
        }
        if (!s.questions().isEmpty()) {
            ArrayNode qs = o.putArray("questions");
            for (Question q : s.questions()) {
                ObjectNode qo = qs.addObject();
                qo.put("id", q.id());
                qo.put("prompt", q.prompt());
                qo.put("figure", q.figure().toString());
                if (q.tolerance() != null) {
                    qo.put("tolerance", q.tolerance().text());
                }
                if (q.expected() != null) {
                    qo.put("expected", q.expected().toPlainString());
                }
            }
        }
        return o;
    }
}
