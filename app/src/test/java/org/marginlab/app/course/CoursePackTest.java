package org.marginlab.app.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marginlab.app.lesson.LessonStep;
import org.marginlab.app.lesson.Question;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.workspace.BundledPaths;
import org.marginlab.app.workspace.LessonStates;
import org.marginlab.app.workspace.Lessons;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.engine.Account;
import org.marginlab.engine.replay.LiquidationEvent;
import org.marginlab.engine.replay.PathReplay;
import org.marginlab.engine.replay.ReplaySide;

/**
 * The bundled course pack (assets/lessons 01–09), number by number: every question's answer as
 * the engine gives it in its step, against the value worked by hand below (to the digits the
 * lesson states), and what the lessons' texts say about the replayed wicks.
 */
class CoursePackTest {

    /**
     * Hand-worked answers (spec margin-formulas.md). Binance USD-M isolated long (§1.1, TMM = UPNL
     * = 0): LP = (Q·EP − M − cum)/(Q·(1 − MMR)), BP = EP − M/Q; BTCUSDT tier 1 MMR 0.4 %, cum 0;
     * cross (§1.1): LP = (W − TMM1 + UPNL1 + cum − Q·EP)/(Q·MMR − Q).
     */
    static Stream<Arguments> answers() {
        return Stream.of(
                // 0.5·60,000/10 = 3,000
                a("01-isolated-margin-basics", "q1-1", "3000"),
                // 60,000 − 3,000/0.5 = 54,000
                a("01-isolated-margin-basics", "q1-2", "54000"),
                // (30,000 − 3,000)/(0.5·0.996) = 27,000/0.498 = 54,216.867…
                a("01-isolated-margin-basics", "q1-3", "54216.87"),
                // 0.5·(57,000 − 60,000) = −1,500
                a("01-isolated-margin-basics", "q1-4", "-1500"),
                // (30,000 − 1,500)/0.498 = 28,500/0.498 = 57,228.915…
                a("02-leverage-vs-margin", "q2-1", "57228.92"),
                // margin 3,000: 27,000/0.498 = 54,216.867…
                a("02-leverage-vs-margin", "q2-2", "54216.87"),
                // (30,000 − 600)/0.498 = 29,400/0.498 = 59,036.144…
                a("02-leverage-vs-margin", "q2-3", "59036.14"),
                // ETH cross alone, W 2,000: (2,000 − 15,000)/(5·0.004 − 5) = −13,000/−4.98 = 2,610.441…
                a("03-adding-removing-margin", "q3-1", "2610.44"),
                // W 1,500: −13,500/−4.98 = 2,710.843…
                a("03-adding-removing-margin", "q3-2", "2710.84"),
                // the max removable (§1.6) taken back: min(iWB − MM, iWB + Q·(MP − EP) − MP·Q/lev)
                // = min(2,000 − 118, 2,000 − 500 − 1,475) = 25; margin 1,975: (30,000 − 1,975)/0.498 = 56,275.100…
                a("03-adding-removing-margin", "q3-3", "56275.10"),
                // tier 3 (600,000 ≤ notional < 3,000,000): 600,000·0.0065 − 950 = 2,950
                a("04-maintenance-tiers", "q4-1", "2950"),
                // tier 3 solve: (600,000 − 30,000 − 950)/(10·0.9935) = 57,277.30: notional 572,773, tier 2;
                // tier 2 solve: (600,000 − 30,000 − 50)/(10·0.995) = 569,950/9.95 = 57,281.407… (in tier 2)
                a("04-maintenance-tiers", "q4-2", "57281.41"),
                // tier 4: (3,600,000 − 180,000 − 11,450)/(60·0.99) = 3,408,550/59.4 = 57,382.996…
                a("04-maintenance-tiers", "q4-3", "57383.00"),
                // COIN-M (§1.7): Q·CS·(MMR + s)/(WB + cum + s·Q·CS/EP) = 10,000·1.004/(0.02 + 0.2) = 45,636.363…
                a("05-inverse-contracts", "q5-1", "45636.36"),
                // Q·CS·(1/EP − 1/MP) = 10,000·(1/50,000 − 1/55,000) = 0.2 − 0.181818… = 0.0181818182 BTC
                a("05-inverse-contracts", "q5-2", "0.0181818182"),
                // short: 10,000·(0.004 − 1)/(0.02 − 0.2) = −9,960/−0.18 = 55,333.333…
                a("05-inverse-contracts", "q5-3", "55333.33"),
                // (12,000 − 600)/(0.2·0.996) = 11,400/0.1992 = 57,228.915…
                a("06-isolated-vs-cross", "q6-1", "57228.92"),
                // TMM1 = 2·3,000·0.004 + 20·150·0.01 = 54: (3,300 − 54 − 12,000)/(0.2·0.004 − 0.2) = 43,945.783…
                a("06-isolated-vs-cross", "q6-2", "43945.78"),
                // 1 BTC, notional 60,000: tier 2 (0.5 %, 50): (60,000 − 1,200 − 50)/0.995 = 59,045.226…
                a("07-wick-cross-liquidated", "q7-1", "59045.23"),
                // TMM1 = 2·3,000·0.004 + 20·150·0.005 = 39; tier 2: (3,400 − 39 + 50 − 60,000)/(0.005 − 1) = 56,873.366…
                a("07-wick-cross-liquidated", "q7-2", "56873.37"),
                // short (s = −1): (3,000 + 30,000)/(0.5·0.004 + 0.5) = 33,000/0.502 = 65,737.051…
                a("08-hedge-mode", "q8-1", "65737.05"),
                // hedge form, tier 3 at the price: (7,000 + 950 + 950 − 30,000 + 30,000)/(0.5·0.0065·2) = 1,369,230.769…
                a("08-hedge-mode", "q8-2", "1369230.77"),
                // margin 1,500 − 270 of funding = 1,230: 28,770/0.498 = 57,771.084…
                a("09-funding-and-fees", "q9-1", "57771.08"),
                // Gate (§4): (EP − M/Q)/(1 − (MMR + taker)) = (60,000 − 3,000)/(1 − 0.0045) = 57,257.659…
                a("09-funding-and-fees", "q9-2", "57257.66"));
    }

    private static Arguments a(String lesson, String question, String hand) {
        return Arguments.of(lesson, question, new BigDecimal(hand));
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource("answers")
    void everyAnswerIsTheHandWorkedNumber(String lesson, String question, BigDecimal hand) {
        Workspace w = Lessons.open(lesson + ".marginlab");
        List<Workspace> states = LessonStates.of(w);
        List<LessonStep> steps = w.lesson().steps();
        for (int i = 0; i < steps.size(); i++) {
            for (Question q : steps.get(i).questions()) {
                if (q.id().equals(question)) {
                    Evaluation e = LessonFigures.evaluate(states.get(i), steps.get(i).shock(), Locale.ROOT);
                    BigDecimal engine = LessonFigures.answer(e, q.figure());
                    assertThat(engine.setScale(hand.scale(), RoundingMode.HALF_UP)).as(question).isEqualByComparingTo(hand);
                    assertThat(q.expected()).as("the lesson's expected").isEqualByComparingTo(hand);
                    return;
                }
            }
        }
        throw new AssertionError("no question " + question + " in " + lesson);
    }

    @Test
    void theCoursePackHasNineLessonsInOrderAndEachChecksOut() {
        List<Lessons.Entry> pack = Lessons.list().stream().filter(e -> e.fileName().matches("0[1-9]-.*")).toList();
        assertThat(pack).extracting(Lessons.Entry::order).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        int questions = 0;
        for (Lessons.Entry e : pack) {
            Workspace w = Lessons.open(e.fileName());
            assertThat(LessonCheck.check(w)).as(e.fileName()).isEmpty();
            for (LessonStep s : w.lesson().steps()) {
                for (Question q : s.questions()) {
                    assertThat(q.expected()).as(e.fileName() + " " + q.id() + " has a hand-worked answer").isNotNull();
                    questions++;
                }
            }
        }
        // every question is in the hand-worked table above
        assertThat(questions).isEqualTo((int) answers().count());
    }

    /**
     * A question's tolerance tells the answer from the mistakes the lesson is about: the bankruptcy
     * price for the liquidation price, the tier at the mark for the tier at the price, another
     * venue's formula, the step before.
     */
    @ParameterizedTest(name = "{0} {1}: {2} is not accepted")
    @MethodSource("wrongAnswers")
    void theToleranceRejectsTheTypicalMistake(String lesson, String question, String wrong) {
        Question q = question(lesson, question);
        BigDecimal answer = q.expected();
        assertThat(q.effectiveTolerance().accepts(new BigDecimal(wrong), answer)).as(question + " accepts " + wrong).isFalse();
        assertThat(q.effectiveTolerance().accepts(answer, answer)).isTrue();
    }

    static Stream<Arguments> wrongAnswers() {
        return Stream.of(
                // bankruptcy prices: 60,000 − 3,000/0.5; 60,000 − 1,500/0.5; 60,000 − 600/0.5; 60,000 − 600/0.2
                Arguments.of("01-isolated-margin-basics", "q1-3", "54000"),
                Arguments.of("02-leverage-vs-margin", "q2-1", "57000"),
                Arguments.of("02-leverage-vs-margin", "q2-3", "58800"),
                Arguments.of("06-isolated-vs-cross", "q6-1", "57000"),
                // cross bankruptcy (3,300 − 12,000)/(−0.2) = 43,500; short bankruptcy 60,000 + 3,000/0.5
                Arguments.of("06-isolated-vs-cross", "q6-2", "43500"),
                Arguments.of("08-hedge-mode", "q8-1", "66000"),
                // the tier at the mark (tier 3) instead of the tier at the price: 57,277.30
                Arguments.of("04-maintenance-tiers", "q4-2", "57277.30"),
                // the 10 BTC answer for the 60 BTC position
                Arguments.of("04-maintenance-tiers", "q4-3", "57281.41"),
                // Binance's 57,228.92 for Gate's
                Arguments.of("09-funding-and-fees", "q9-2", "57228.92"),
                // ETH before the transfer for after it; BTC before taking the 25 back
                Arguments.of("03-adding-removing-margin", "q3-2", "2610.44"),
                Arguments.of("03-adding-removing-margin", "q3-3", "56224.90"),
                // the inverse long's bankruptcy 10,000/0.22 = 45,454.55
                Arguments.of("05-inverse-contracts", "q5-1", "45454.55"));
    }

    private static Question question(String lesson, String id) {
        for (LessonStep s : Lessons.open(lesson + ".marginlab").lesson().steps()) {
            for (Question q : s.questions()) {
                if (q.id().equals(id)) {
                    return q;
                }
            }
        }
        throw new AssertionError("no question " + id + " in " + lesson);
    }

    /** Lesson 6, step 3: the wick takes the 20× BTC long isolated; the cross account survives. */
    @Test
    void lesson6_theWickTakesIsolatedBtcOnly_crossSurvives() {
        PathReplay r = replayOfStep("06-isolated-vs-cross", 2);
        assertThat(r.events(ReplaySide.ISOLATED)).extracting(LiquidationEvent::positionId).containsExactly("btc-long");
        // BTC reaches 57,228.92 in the fall from 59,400 (minute 30) to 52,800 (minute 33):
        // 30 + (59,400 − 57,228.92)/2,200 = 30.987 min
        assertThat(minutes(r.events(ReplaySide.ISOLATED).get(0))).isBetween(30.98, 30.99);
        assertThat(r.events(ReplaySide.CROSS)).isEmpty();
        // the end (60,300 / 3,015 / 150.75): isolated 500 + 1,200 + 2·15 + 1,000 + 20·0.75 = 2,745;
        // cross 3,300 + 0.2·300 + 30 + 15 = 3,405
        var last = r.frames().get(r.frames().size() - 1);
        assertThat(last.isolated().equity()).isEqualByComparingTo("2745");
        assertThat(last.cross().equity()).isEqualByComparingTo("3405");
    }

    /** Lesson 7, step 3: isolated loses the 50× BTC long only; the cross account goes whole. */
    @Test
    void lesson7_crossLosesEverything_isolatedOnlyBtc() {
        PathReplay r = replayOfStep("07-wick-cross-liquidated", 2);
        assertThat(r.events(ReplaySide.ISOLATED)).extracting(LiquidationEvent::positionId).containsExactly("btc-long");
        // 30 + (59,400 − 59,045.23)/2,200 = 30.161 min
        assertThat(minutes(r.events(ReplaySide.ISOLATED).get(0))).isBetween(30.16, 30.17);
        assertThat(r.events(ReplaySide.CROSS)).extracting(LiquidationEvent::positionId)
                .containsExactlyInAnyOrder("btc-long", "eth-long", "sol-long");
        // a market-wide fall x with 3,400 − 69,000x = 339·(1 − x) − 50 (text): x = 3,111/68,661 = 4.531 %;
        // BTC 59,400 − 2,200·t = 60,000·(1 − 0.04531) = 57,281.4 at t = 0.963 min after minute 30
        assertThat(minutes(r.events(ReplaySide.CROSS).get(0))).isBetween(30.9, 31.0);
        // isolated keeps ETH 1,200 + 2·15 and SOL 1,000 + 20·0.75 at the end: 2,245 (the text: "about 2,250")
        var last = r.frames().get(r.frames().size() - 1);
        assertThat(last.isolated().equity()).isEqualByComparingTo("2245");
    }

    /** Lesson 8, step 2: the isolated hedge loses its long at the wick; the short survives. */
    @Test
    void lesson8_theWickBreaksTheIsolatedHedge() {
        PathReplay r = replayOfStep("08-hedge-mode", 1);
        // long LP 54,216.87 > 52,800 (the wick's low); short LP 65,737.05 never reached
        assertThat(r.events(ReplaySide.ISOLATED)).extracting(LiquidationEvent::positionId).containsExactly("btc-long");
        // end: wallet 1,000 + short 3,000 + 0.5·(60,000 − 60,300) = 3,850 (the long's 3,000 lost)
        assertThat(r.frames().get(r.frames().size() - 1).isolated().equity()).isEqualByComparingTo("3850");
    }

    private static PathReplay replayOfStep(String lesson, int step) {
        Workspace w = Lessons.open(lesson + ".marginlab");
        LessonStep s = w.lesson().steps().get(step);
        assertThat(s.replay()).isEqualTo(BundledPaths.WICK_DOWN_12);
        Evaluation e = LessonFigures.evaluate(LessonStates.of(w).get(step), s.shock(), Locale.ROOT);
        Account account = e.entered();
        return PathReplay.run(account, BundledPaths.open(s.replay()));
    }

    private static double minutes(LiquidationEvent event) {
        // the bundled paths start at 2026-01-05T00:00:00Z
        return Duration.between(java.time.Instant.parse("2026-01-05T00:00:00Z"), event.time()).toNanos() / 60e9;
    }
}
