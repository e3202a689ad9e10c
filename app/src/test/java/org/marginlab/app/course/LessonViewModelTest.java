package org.marginlab.app.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.position.Figure;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.workspace.Lessons;
import org.marginlab.engine.MarginEngine;

/** Walking through the demo lesson without a window: steps, hiding, scoring, instructor mode, authoring. */
class LessonViewModelTest {
    private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");
    /** The demo lesson: a test resource, not shipped with the app. */
    static final java.nio.file.Path DEMO = java.nio.file.Path.of("src", "test", "resources", "lessons", "00-demo.marginlab");

    static org.marginlab.app.workspace.Workspace demo() {
        try {
            return org.marginlab.app.workspace.WorkspaceFile.fromJson(java.nio.file.Files.readString(DEMO)).workspace();
        } catch (java.io.IOException | org.marginlab.app.workspace.WorkspaceException e) {
            throw new AssertionError(e);
        }
    }
    private AccountViewModel account;
    private LessonViewModel vm;

    @BeforeEach
    void openTheDemoLesson() {
        account = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        vm = new LessonViewModel(account, Runnable::run, Clock.fixed(T, ZoneOffset.UTC));
        account.load(demo());
    }

    private PositionViewModel btc() {
        return account.positions().get(0);
    }

    @Test
    void aLoadedLessonStartsAtItsFirstStepWithItsQuestionHidden() {
        assertThat(vm.activeProperty().get()).isTrue();
        assertThat(vm.progressProperty().get()).isEqualTo("Step 1 / 3");
        assertThat(vm.questions()).hasSize(1);
        // with the distance to liquidation, which would give it away: 59,000 × (1 − 3.00 %) = 57,230
        assertThat(account.hiddenFigures().keys()).containsExactlyInAnyOrder("btc-long.liquidationPrice",
                "btc-long.distanceToLiquidation");
        assertThat(btc().figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("?");
        assertThat(btc().figureProperty(Figure.DISTANCE_TO_LIQUIDATION).get()).isEqualTo("?");
        assertThat(btc().liquidationAfterProperty().get()).isEqualTo("?");
        // total equity is not hidden in step 1: 10,000 + 1,500 + 0.5 × (59,000 − 60,000) = 11,000
        assertThat(vm.textProperty().get()).contains("Total equity: 11,000.00 USDT.");
        // step 1 is the file's account: loading it changed nothing
        assertThat(account.dirtyProperty().get()).isFalse();
        assertThat(vm.scoreProperty().get()).isEqualTo("No predictions yet");
    }

    @Test
    void theFirstStepsFiguresCanBeHiddenBeforeTheNavigatorExists() {
        AccountViewModel fresh = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        fresh.load(demo());
        assertThat(fresh.hiddenFigures().keys()).isEmpty();
        LessonViewModel.hideFirstStep(fresh);
        assertThat(fresh.hiddenFigures().keys()).contains("btc-long.liquidationPrice");
        assertThat(fresh.positions().get(0).figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("?");
    }

    @Test
    void aLessonWhoseCheckFailsStillOpensWithAWarning() throws Exception {
        String text = java.nio.file.Files.readString(DEMO)
                .replace("\"57228.92\"", "\"50000\"");
        account.load(org.marginlab.app.workspace.WorkspaceFile.fromJson(text).workspace());
        assertThat(vm.activeProperty().get()).isTrue();
        assertThat(vm.progressProperty().get()).isEqualTo("Step 1 / 3");
        // |57,228.92 − 50,000| / 50,000 = 14.46 % > 0.5 %
        assertThat(vm.warningProperty().get()).startsWith("This lesson's check failed: "
                + "lesson.steps[0].questions[0].expected: the engine's answer 57228.9");
        account.load(demo());
        assertThat(vm.warningProperty().get()).isEmpty();
    }

    @Test
    void aPredictionIsScoredAndTheFigureRevealed() {
        QuestionViewModel q = vm.questions().get(0);
        q.predictionProperty().set("abc");
        q.check();
        assertThat(q.errorProperty().get()).isNotEmpty();
        assertThat(q.answeredProperty().get()).isFalse();

        q.predictionProperty().set("57,000");
        q.check();
        // LP = (1,500 − 30,000) / (0.002 − 0.5) = 28,500 / 0.498 = 57,228.92;
        // |57,000 − 28,500 / 0.498| / (28,500 / 0.498) = |2 × 0.498 − 1| = 0.40 % ≤ 0.5 %
        assertThat(q.verdictProperty().get())
                .isEqualTo("Your prediction 57,000 — answer 57,228.92 (0.40 % off, within 0.5 %): correct");
        assertThat(q.correctProperty().get()).isTrue();
        assertThat(account.hiddenFigures().keys()).isEmpty();
        assertThat(btc().figureProperty(Figure.LIQUIDATION_PRICE).get()).startsWith("57,22").endsWith(" USDT");
        assertThat(vm.scoreProperty().get()).isEqualTo("Score 1 / 1");
        assertThat(vm.steps().get(0).done()).isTrue();
    }

    @Test
    void nextLoadsTheStepsAccountAsOneUndoableEdit() {
        vm.next();
        assertThat(vm.progressProperty().get()).isEqualTo("Step 2 / 3");
        // 500 moved from the wallet into the margin: 10,000 − 500
        assertThat(account.walletTextProperty().get()).isEqualTo("9500");
        assertThat(account.hiddenFigures().keys()).containsExactlyInAnyOrder("btc-long.liquidationPrice",
                "btc-long.distanceToLiquidation", "account.totalEquity");
        assertThat(vm.hiddenOnlyFigures()).hasSize(1);
        assertThat(vm.textProperty().get()).contains("moves down to ?");
        assertThat(account.dirtyProperty().get()).isTrue();
        account.undo();
        assertThat(account.walletTextProperty().get()).isEqualTo("10000");
        assertThat(account.dirtyProperty().get()).isFalse();
        vm.goTo(1);
        vm.revealFigure(vm.hiddenOnlyFigures().get(0));
        assertThat(account.hiddenFigures().keys()).doesNotContain("account.totalEquity").contains("btc-long.liquidationPrice");
        vm.questions().get(0).reveal();
        assertThat(vm.questions().get(0).verdictProperty().get()).startsWith("Answer 56,22").endsWith("(revealed, not scored)");
        assertThat(vm.scoreProperty().get()).isEqualTo("No predictions yet");
    }

    @Test
    void eachStepHandsItsPricePathToTheReplay() {
        List<String> loaded = new java.util.ArrayList<>();
        vm.replayLoaderProperty().set(loaded::add);
        account.load(Lessons.open("06-isolated-vs-cross.marginlab"));
        vm.goTo(2);
        vm.goTo(1);
        // step 1 (on load) and step 2 have none: null stops a replay; step 3 replays wick-down-12
        assertThat(loaded).containsExactly(null, "wick-down-12", null);
    }

    @Test
    void instructorModeLocksTheStepsInputsAndCanShowAnswers() {
        vm.goTo(2);
        assertThat(account.lockedInputs().keys()).isEmpty();
        vm.instructorProperty().set(true);
        assertThat(account.lockedInputs().keys()).containsExactlyInAnyOrder("btc-long.leverage", "walletBalance");
        assertThat(account.hiddenFigures().keys()).isNotEmpty();
        vm.showAnswersProperty().set(true);
        assertThat(account.hiddenFigures().keys()).isEmpty();
        vm.instructorProperty().set(false);
        assertThat(account.lockedInputs().keys()).isEmpty();
        assertThat(vm.showAnswersProperty().get()).isFalse();
        assertThat(account.hiddenFigures().keys()).contains("btc-long.liquidationPrice");
    }

    @Test
    void theCurrentStateBecomesANewStepUndoably() {
        assertThat(account.selectedProperty().get()).isSameAs(btc()); // load selects the first row
        String problem = new LessonAuthoring(account).addStep("Mine", "Some *text*", "liquidationPrice", "0.5%");
        assertThat(problem).isNull();
        assertThat(vm.steps()).hasSize(4);
        assertThat(vm.progressProperty().get()).isEqualTo("Step 4 / 4");
        assertThat(vm.questions().get(0).prompt()).isEqualTo("What is the liquidation price of btc-long?");
        assertThat(account.dirtyProperty().get()).isTrue();
        account.undo();
        assertThat(vm.steps()).hasSize(3);
    }

    @Test
    void theExplainPanelShowsNoDerivationThatContainsAHiddenFigure() {
        org.marginlab.app.explain.ExplainViewModel explain =
                new org.marginlab.app.explain.ExplainViewModel(account.evaluationProperty(), Locale.US);
        explain.setHidden(account.hiddenFigures());
        explain.explain("btc-long", org.marginlab.engine.derivation.Figure.LIQUIDATION_PRICE);
        assertThat(explain.derivationProperty().get()).isNull();
        assertThat(explain.messageProperty().get()).startsWith(org.marginlab.app.ui.HiddenFigures.TIP);
        // the distance to liquidation is derived from the liquidation price
        explain.explain("btc-long", org.marginlab.engine.derivation.Figure.DISTANCE_TO_LIQUIDATION);
        assertThat(explain.derivationProperty().get()).isNull();
        // the margin ratio is not
        explain.explain("btc-long", org.marginlab.engine.derivation.Figure.MARGIN_RATIO);
        assertThat(explain.derivationProperty().get()).isNotNull();
        explain.explain("btc-long", org.marginlab.engine.derivation.Figure.LIQUIDATION_PRICE);
        vm.questions().get(0).reveal();
        assertThat(explain.derivationProperty().get()).isNotNull();
        assertThat(explain.valueProperty().get()).contains("57,228.92");
    }

    @Test
    void theScoreFileIsWrittenOffTheCallersThreadAndSaysSo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        QuestionViewModel q = vm.questions().get(0);
        q.predictionProperty().set("57000");
        q.check();
        List<Runnable> io = new java.util.ArrayList<>();
        String[] message = {null};
        java.nio.file.Path file = dir.resolve("score.csv");
        new ScoreExport(io::add, Runnable::run).export(vm.titleProperty().get(), vm.attempts(), file, m -> message[0] = m);
        assertThat(file).doesNotExist(); // nothing written before the io executor runs
        io.forEach(Runnable::run);
        assertThat(message[0]).isEqualTo("Score saved to score.csv (1 answer).");
        assertThat(java.nio.file.Files.readString(file)).startsWith(ScoreCsv.HEADER + "\r\n");
    }

    @Test
    void theScoreIsExportedAsCsv() throws Exception {
        QuestionViewModel q = vm.questions().get(0);
        q.predictionProperty().set("57000");
        q.check();
        vm.next();
        vm.questions().get(0).reveal();
        String csv = ScoreCsv.text(vm.titleProperty().get(), vm.attempts());
        try (CSVParser parser = CSVParser.parse(new StringReader(csv),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactly("lesson", "step", "question", "prompt", "figure",
                    "prediction", "answer", "error", "tolerance", "correct", "time");
            List<CSVRecord> rows = parser.getRecords();
            assertThat(rows).hasSize(2);
            CSVRecord first = rows.get(0);
            assertThat(first.get("lesson")).isEqualTo("Demo: where is a long liquidated?");
            assertThat(first.get("step")).isEqualTo("1");
            assertThat(first.get("question")).isEqualTo("demo-1");
            assertThat(first.get("figure")).isEqualTo("btc-long.liquidationPrice");
            assertThat(first.get("prediction")).isEqualTo("57000");
            assertThat(first.get("answer")).startsWith("5722");
            // |57,000 − 28,500 / 0.498| / (28,500 / 0.498) = |2 × 0.498 − 1| = 0.004: 0.4 % exactly
            assertThat(first.get("error")).isEqualTo("0.4");
            assertThat(first.get("tolerance")).isEqualTo("0.5%");
            assertThat(first.get("correct")).isEqualTo("true");
            assertThat(first.get("time")).isEqualTo("2026-01-05T10:00:00Z");
            CSVRecord second = rows.get(1);
            assertThat(second.get("step")).isEqualTo("2");
            assertThat(second.get("prediction")).isEmpty();
            assertThat(second.get("correct")).isEmpty();
        }
    }
}
