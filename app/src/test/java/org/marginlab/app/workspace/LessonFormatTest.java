package org.marginlab.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.app.lesson.FigureRef;
import org.marginlab.app.lesson.Lesson;
import org.marginlab.app.lesson.LessonStep;
import org.marginlab.app.lesson.Question;
import org.marginlab.app.lesson.StepState;
import org.marginlab.app.lesson.Tolerance;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.derivation.Figure;

import com.fasterxml.jackson.databind.JsonNode;

/** The lesson block: read, written back unchanged, every error by its step and field. */
class LessonFormatTest {
    /** The demo lesson: a test resource, not shipped (the course pack is assets/lessons). */
    private static final Path DEMO = Path.of("src", "test", "resources", "lessons", "00-demo.marginlab");
    private static final Path COURSE_PACK = Path.of("..", "assets", "lessons");

    /** One isolated BTCUSDT long (the spec's example): W 10,000, margin 1,500, 0.5 @ 60,000, mark 59,000. */
    private static final String HEAD = """
            {"format": "marginlab-workspace", "version": 1, "name": "L", "venue": "binance-usdm",
             "walletBalance": "10000", "positions": [{"id": "btc-long", "symbol": "BTCUSDT", "side": "long",
             "quantity": "0.5", "entryPrice": "60000", "markPrice": "59000", "leverage": "20",
             "marginMode": "isolated", "isolatedMargin": "1500"}],
            """;

    private static String lesson(String steps) {
        return HEAD + "\"lesson\": {\"title\": \"T\", \"steps\": [" + steps + "]}}";
    }

    private static String message(String json) {
        try {
            WorkspaceFile.fromJson(json);
        } catch (WorkspaceException e) {
            return e.getMessage();
        }
        throw new AssertionError("read without an error");
    }

    @Test
    void theDemoLessonReadsAndItsLessonBlockIsWrittenBackUnchanged() throws Exception {
        String text = Files.readString(DEMO);
        Workspace w = WorkspaceFile.fromJson(text).workspace();
        Lesson l = w.lesson();
        assertThat(l.title()).isEqualTo("Demo: where is a long liquidated?");
        assertThat(l.order()).isEqualTo(99);
        assertThat(l.steps()).hasSize(3);
        Question q = l.steps().get(0).questions().get(0);
        assertThat(q.figure()).isEqualTo(new FigureRef("btc-long", Figure.LIQUIDATION_PRICE));
        assertThat(q.tolerance().relative()).isTrue();
        assertThat(q.tolerance().amount()).isEqualByComparingTo("0.5");
        assertThat(l.steps().get(1).hide()).containsExactly(new FigureRef(null, Figure.TOTAL_EQUITY));
        assertThat(l.steps().get(2).shock()).isEqualByComparingTo("-5");

        String saved = WorkspaceFile.toJson(w);
        JsonNode original = WorkspaceJson.parse(text, "a").get("lesson");
        JsonNode written = WorkspaceJson.parse(saved, "b").get("lesson");
        assertThat(written).isEqualTo(original);
        // and again: a saved lesson saves to the same text
        assertThat(WorkspaceFile.toJson(WorkspaceFile.fromJson(saved).workspace())).isEqualTo(saved);
    }

    @Test
    void everyBundledLessonsBlockIsWrittenBackUnchanged() throws Exception {
        for (Lessons.Entry e : Lessons.list()) {
            String text = Files.readString(COURSE_PACK.resolve(e.fileName()));
            Workspace w = WorkspaceFile.fromJson(text).workspace();
            assertThat(WorkspaceJson.parse(WorkspaceFile.toJson(w), "b").get("lesson")).as(e.fileName())
                    .isEqualTo(WorkspaceJson.parse(text, "a").get("lesson"));
        }
    }

    @Test
    void aStepMadeInTheAppIsWrittenFromItsModelAndReadBackEqual() throws Exception {
        Workspace w = WorkspaceFile.fromJson(Files.readString(DEMO)).workspace();
        StepState state = new StepState("binance-usdm", new BigDecimal("8000"), w.positions());
        LessonStep added = new LessonStep("Added", "Some *text*", state, List.of(), new BigDecimal("-10"), null,
                List.of(), List.of("walletBalance"), List.of(new Question("added-1", "Where?",
                        new FigureRef("btc-long", Figure.LIQUIDATION_PRICE), Tolerance.parse("25"), null)), null);
        Workspace more = w.withLesson(w.lesson().withStep(added));
        Workspace back = WorkspaceFile.fromJson(WorkspaceFile.toJson(more)).workspace();
        LessonStep read = back.lesson().steps().get(3);
        assertThat(read.title()).isEqualTo("Added");
        assertThat(read.state()).isEqualTo(state);
        assertThat(read.shock()).isEqualByComparingTo("-10");
        assertThat(read.lock()).containsExactly("walletBalance");
        assertThat(read.questions().get(0).tolerance().relative()).isFalse();
        assertThat(back.lesson().steps().subList(0, 3)).isEqualTo(w.lesson().steps());
    }

    @Test
    void aWorkspaceWithoutALessonIsWrittenWithoutOne() throws Exception {
        Workspace w = WorkspaceFile.fromJson(HEAD.replaceAll(",\\s*$", "") + "}").workspace();
        assertThat(w.lesson()).isNull();
        assertThat(WorkspaceFile.toJson(w)).doesNotContain("lesson");
    }

    @Test
    void errorsNameTheStepAndField() {
        assertThat(message(lesson("{\"title\": \"a\", \"questions\": [{\"id\": \"q\", \"prompt\": \"p\", "
                + "\"figure\": \"eth-lng.liquidationPrice\"}]}")))
                .isEqualTo("lesson.steps[0].questions[0].figure: unknown position \"eth-lng\" (positions: btc-long)");
        assertThat(message(lesson("{\"title\": \"a\"}, {\"text\": \"b\"}")))
                .isEqualTo("lesson.steps[1].title: is required (got nothing)");
        assertThat(message(lesson("{\"title\": \"a\", \"hide\": [\"btc-long.liqPrice\"]}")))
                .startsWith("lesson.steps[0].hide[0]: unknown position figure \"liqPrice\" (figures: notional, ");
        assertThat(message(lesson("{\"title\": \"a\", \"hide\": [\"account.liquidationPrice\"]}")))
                .startsWith("lesson.steps[0].hide[0]: unknown account figure \"liquidationPrice\" (figures: "
                        + "accountMarginBalance, accountMarginRatio, availableBalance, totalEquity)");
        assertThat(message(lesson("{\"title\": \"a\", \"questions\": [{\"id\": \"q\", \"prompt\": \"p\", "
                + "\"figure\": \"btc-long.roe\", \"tolerance\": \"about 1%\"}]}")))
                .startsWith("lesson.steps[0].questions[0].tolerance: must be a percentage such as \"0.5%\"");
        assertThat(message(lesson("{\"title\": \"a\", \"questions\": [{\"id\": \"q\", \"prompt\": \"p\", "
                + "\"figure\": \"btc-long.roe\"}]}, {\"title\": \"b\", \"questions\": [{\"id\": \"q\", "
                + "\"prompt\": \"p\", \"figure\": \"btc-long.roe\"}]}")))
                .isEqualTo("lesson.steps[1].questions[0].id: must be unique within the lesson (got \"q\")");
        assertThat(message(lesson("{\"title\": \"a\", \"shock\": \"-95\"}")))
                .isEqualTo("lesson.steps[0].shock: must be between −90 and 200 (percent) (got -95)");
        assertThat(message(lesson("{\"title\": \"a\", \"text\": \"{{eth.roe}}\"}")))
                .isEqualTo("lesson.steps[0].text: unknown position \"eth\" (positions: btc-long)");
        assertThat(message(lesson("{\"title\": \"a\", \"lock\": [\"btc-long.colour\"]}")))
                .startsWith("lesson.steps[0].lock[0]: must be ID.FIELD");
        String manyHides = "\"btc-long.roe\", ".repeat(100) + "\"btc-long.roe\"";
        assertThat(message(lesson("{\"title\": \"a\", \"hide\": [" + manyHides + "]}")))
                .isEqualTo("lesson.steps[0].hide: must hold at most 100 items (got 101)");
        assertThat(message(HEAD + "\"lesson\": {\"title\": \"T\", \"steps\": []}}"))
                .isEqualTo("lesson.steps: must be an array of at least one step (got [])");
        assertThat(message(HEAD + "\"lesson\": {\"steps\": [{\"title\": \"a\"}]}}"))
                .isEqualTo("lesson.title: is required (got nothing)");
        assertThat(message(HEAD + "\"lesson\": {\"title\": \"T\", \"order\": 0, \"steps\": [{\"title\": \"a\"}]}}"))
                .isEqualTo("lesson.order: must be an integer ≥ 1 (got 0)");
    }

    @Test
    void editsThatCannotApplyAreRefusedByTheirStepAndEdit() {
        assertThat(message(lesson("{\"title\": \"a\", \"edits\": [{\"position\": \"eth\", \"field\": \"leverage\", "
                + "\"value\": \"5\"}]}")))
                .isEqualTo("lesson.steps[0].edits[0].position: unknown position \"eth\" (positions: btc-long)");
        assertThat(message(lesson("{\"title\": \"a\", \"edits\": [{\"position\": \"btc-long\", \"field\": \"colour\", "
                + "\"value\": \"red\"}]}")))
                .startsWith("lesson.steps[0].edits[0].field: must be a position field");
        // 20,000 of margin from a wallet of 10,000: more than the max addable margin (the available balance)
        assertThat(message(lesson("{\"title\": \"a\", \"edits\": [{\"position\": \"btc-long\", "
                + "\"field\": \"isolatedMargin\", \"value\": \"21500\"}]}")))
                .startsWith("lesson.steps[0].edits[0]: btc-long.marginDelta");
        assertThat(message(lesson("{\"title\": \"a\", \"edits\": [{\"position\": \"btc-long\", "
                + "\"field\": \"quantity\", \"value\": \"0\"}]}")))
                .startsWith("lesson.steps[0].edits[0]: btc-long.quantity: must be > 0");
        assertThat(message(lesson("{\"title\": \"a\", \"state\": {\"venue\": \"binance-usdm\", \"positions\": "
                + "[{\"id\": \"x\", \"symbol\": \"BTCUSDT\", \"side\": \"long\", \"quantity\": \"-1\", "
                + "\"entryPrice\": \"1\", \"leverage\": \"2\"}]}}")))
                .startsWith("lesson.steps[0].state.positions[0].quantity: must be > 0");
    }

    @Test
    void unknownFieldsOfTheLessonWarnAndAreIgnored() throws Exception {
        ReadResult r = WorkspaceFile.fromJson(lesson("{\"title\": \"a\", \"colour\": \"red\"}"));
        assertThat(r.warnings()).containsExactly("lesson.steps[0].colour: unknown field, ignored");
        assertThat(r.workspace().lesson().steps().get(0).title()).isEqualTo("a");
    }

    @Test
    void theBundledLessonsAreListedByOrderAndOpen() {
        List<Lessons.Entry> entries = Lessons.list();
        // the course pack only: the demo lesson is a test resource, not a lesson for users
        assertThat(entries).extracting(Lessons.Entry::fileName).contains("06-isolated-vs-cross.marginlab")
                .doesNotContain("00-demo.marginlab");
        for (int i = 1; i < entries.size(); i++) {
            Integer a = entries.get(i - 1).order();
            Integer b = entries.get(i).order();
            assertThat(a == null ? Integer.MAX_VALUE : a).isLessThanOrEqualTo(b == null ? Integer.MAX_VALUE : b);
        }
        assertThat(Lessons.open("06-isolated-vs-cross.marginlab").lesson().title())
                .isEqualTo("Isolated vs cross on the same three trades");
        assertThatThrownBy(() -> Lessons.open("nope.marginlab")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stepStatesFollowTheFormatRulesAndEditsAreTransfers() throws Exception {
        List<Workspace> states = LessonStates.of(WorkspaceFile.fromJson(Files.readString(DEMO)).workspace());
        // step 1: the top level: W 10,000, margin 1,500
        assertThat(states.get(0).walletBalance()).isEqualByComparingTo("10000");
        assertThat(states.get(0).positions().get(0).isolatedMargin()).isEqualByComparingTo("1500");
        // step 2: margin 1,500 → 2,000 is a transfer of 500 from the wallet: W 10,000 − 500 = 9,500
        assertThat(states.get(1).walletBalance()).isEqualByComparingTo("9500");
        assertThat(states.get(1).positions().get(0).isolatedMargin()).isEqualByComparingTo("2000");
        // step 3: isolated → cross moves the whole 2,000 back: W 9,500 + 2,000 = 11,500
        assertThat(states.get(2).walletBalance()).isEqualByComparingTo("11500");
        assertThat(states.get(2).positions().get(0).marginMode()).isEqualTo(MarginMode.CROSS);
    }
}
