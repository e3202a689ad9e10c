package org.marginlab.app.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.marginlab.app.lesson.FigureRef;
import org.marginlab.app.lesson.Tolerance;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.workspace.LessonStates;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.app.workspace.WorkspaceFile;
import org.marginlab.engine.derivation.Figure;

/** The lesson check and the answers it compares, against hand-worked numbers. */
class LessonCheckTest {
    private static final Path DEMO = Path.of("src", "test", "resources", "lessons", "00-demo.marginlab");

    private static Workspace demo() throws Exception {
        return WorkspaceFile.fromJson(Files.readString(DEMO)).workspace();
    }

    @Test
    void answersAreTheEngineFiguresAsTheAppShowsThem() throws Exception {
        Workspace w = demo();
        List<Workspace> states = LessonStates.of(w);
        FigureRef lp = new FigureRef("btc-long", Figure.LIQUIDATION_PRICE);
        // Binance isolated long, tier 1 (notional 30,000: MMR 0.4 %, amount 0):
        // LP = (margin − q·entry) / (q·MMR − q) = (1,500 − 30,000) / (0.002 − 0.5) = 57,228.9156…
        Evaluation e0 = LessonFigures.evaluate(states.get(0), null, Locale.ROOT);
        assertThat(LessonFigures.answer(e0, lp).setScale(1, RoundingMode.HALF_UP)).isEqualByComparingTo("57228.9");
        // total equity = W + margin + uPnL = 10,000 + 1,500 + 0.5·(59,000 − 60,000) = 11,000
        assertThat(LessonFigures.answer(e0, new FigureRef(null, Figure.TOTAL_EQUITY))).isEqualByComparingTo("11000");
        // margin 2,000: (2,000 − 30,000) / (−0.498) = 56,224.8996…
        Evaluation e1 = LessonFigures.evaluate(states.get(1), null, Locale.ROOT);
        assertThat(LessonFigures.answer(e1, lp).setScale(1, RoundingMode.HALF_UP)).isEqualByComparingTo("56224.9");
        // cross, W 11,500: (11,500 − 30,000) / (−0.498) = 37,148.5943…; the −5 % shock leaves it there
        Evaluation e2 = LessonFigures.evaluate(states.get(2), states.get(2).lesson().steps().get(2).shock(), Locale.ROOT);
        assertThat(LessonFigures.answer(e2, lp).setScale(1, RoundingMode.HALF_UP)).isEqualByComparingTo("37148.6");
        // ROE in percent: uPnL at 59,000 × 0.95 = 56,050: 0.5 × (56,050 − 60,000) = −1,975; IM 1,500: −131.67 %
        assertThat(LessonFigures.answer(e2, new FigureRef("btc-long", Figure.ROE)).setScale(2, RoundingMode.HALF_UP))
                .isEqualByComparingTo("-131.67");
    }

    @Test
    void theDemoLessonChecksOut() throws Exception {
        assertThat(LessonCheck.check(demo())).isEmpty();
    }

    @Test
    void everyBundledLessonChecksOut() {
        for (org.marginlab.app.workspace.Lessons.Entry e : org.marginlab.app.workspace.Lessons.list()) {
            assertThat(LessonCheck.check(org.marginlab.app.workspace.Lessons.open(e.fileName())))
                    .as(e.fileName()).isEmpty();
        }
    }

    @Test
    void anExpectedOutsideTheToleranceFailsTheCheckByStepAndField() throws Exception {
        String text = Files.readString(DEMO).replace("\"expected\": \"57228.92\"", "\"expected\": \"57000\"");
        List<String> problems = LessonCheck.check(WorkspaceFile.fromJson(text).workspace());
        // |57,228.92 − 57,000| / 57,000 = 0.4016 % > 0.5 %? no: within; so tighten the tolerance too
        assertThat(problems).isEmpty();
        text = text.replaceFirst("\"tolerance\": \"0.5%\"", "\"tolerance\": \"0.1%\"");
        problems = LessonCheck.check(WorkspaceFile.fromJson(text).workspace());
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("lesson.steps[0].questions[0].expected: the engine's answer 57228.9")
                .contains("is 0.401").endsWith("off the expected 57000, outside the tolerance 0.1%");
    }

    @Test
    void aFigureThatDoesNotExistInItsStepFailsTheCheck() throws Exception {
        // a short of 0.5 at 60,000 with margin 1,500 has a liquidation price; a 1x long with its whole
        // notional as margin has none: LP = (30,000 − 30,000) / (−0.498) = 0 → none
        Workspace w = demo();
        org.marginlab.engine.Position p = w.positions().get(0).toBuilder().leverage(BigDecimal.ONE)
                .isolatedMargin(new BigDecimal("30000")).build();
        Workspace one = w.withWalletBalance(new BigDecimal("100000")).withPositions(List.of(p))
                .withLesson(new org.marginlab.app.lesson.Lesson("t", null, null, List.of(w.lesson().steps().get(0))));
        List<String> problems = LessonCheck.check(one);
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith("lesson.steps[0].questions[0].figure: "
                + "btc-long.liquidationPrice has no value in this step"));
    }

    @Test
    void toleranceIsInclusiveRelativeOrAbsolute() {
        Tolerance half = Tolerance.parse("0.5%");
        // 0.5 % of 1,000 is 5: 995 and 1,005 score, 994.99 does not
        assertThat(half.accepts(new BigDecimal("995"), new BigDecimal("1000"))).isTrue();
        assertThat(half.accepts(new BigDecimal("1005"), new BigDecimal("1000"))).isTrue();
        assertThat(half.accepts(new BigDecimal("994.99"), new BigDecimal("1000"))).isFalse();
        // |57,000 − 57,228.92| / 57,228.92 × 100 = 228.92 / 572.2892 = 0.40001 %
        assertThat(half.error(new BigDecimal("57000"), new BigDecimal("57228.92")).setScale(4, RoundingMode.HALF_UP))
                .isEqualByComparingTo("0.4000");
        Tolerance abs = Tolerance.parse("25");
        assertThat(abs.accepts(new BigDecimal("125"), new BigDecimal("100"))).isTrue();
        assertThat(abs.accepts(new BigDecimal("125.01"), new BigDecimal("100"))).isFalse();
        assertThat(Tolerance.DEFAULT.text()).isEqualTo("1%");
        // an answer of 0: only 0 scores relatively
        assertThat(half.accepts(BigDecimal.ZERO, BigDecimal.ZERO)).isTrue();
        assertThat(half.accepts(BigDecimal.ONE, BigDecimal.ZERO)).isFalse();
    }
}
