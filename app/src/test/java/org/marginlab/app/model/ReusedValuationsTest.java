package org.marginlab.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.marginlab.app.bench.UiLatencyBenchmarkTest;
import org.marginlab.app.ui.Formats;
import org.marginlab.app.workspace.Samples;

/**
 * The app's evaluation once per edit takes over the unchanged positions' valuations from the
 * previous evaluation ({@link org.marginlab.engine.MarginEngine#evaluateReusing}): after every
 * edit of a sequence (marks typed under a shock, the shock moved, a leverage, a mode switch, an
 * invalid text), the evaluation is equal to a fresh one of the same draft, as {@code calc}
 * makes it (no previous evaluation); and a keystroke values one position again, not all.
 */
class ReusedValuationsTest {
    private final Evaluator evaluator = new Evaluator(Locale.US);
    private final Drafts drafts = new Drafts(new Formats(Locale.US));

    @Test
    void everyEditGivesTheFiguresOfAFreshEvaluation() {
        Draft d = drafts.forEditing(UiLatencyBenchmarkTest.workspace(200)).withShock("-7", null);
        Evaluation e = evaluator.evaluate(d, null);
        String[] edits = {"p3:mark:59000", "p4:mark:3010.5", "shock:-8", "p3:mark:58000", "p7:leverage:7", "p8:mark:abc",
            "p8:mark:3100", "shock:0", "p9:mark:3000", "p10:mode:isolated", "p11:mark:61000"};
        for (String edit : edits) {
            String[] part = edit.split(":");
            if (part[0].equals("shock")) {
                d = d.withShock(part[1], null);
            } else {
                PositionDraft p = d.position(part[0]);
                d = d.withPosition(switch (part[1]) {
                    case "mark" -> p.withText(InputField.MARK_PRICE, part[2]);
                    case "leverage" -> p.withText(InputField.LEVERAGE, part[2]);
                    default -> p.withMode(org.marginlab.engine.MarginMode.ISOLATED);
                });
            }
            e = evaluator.evaluate(d, e);
            if (part.length > 2 && part[2].equals("abc")) {
                // text that does not parse: the position takes part with its last valid inputs (stale),
                // which a fresh evaluation does not have
                assertThat(e.position(part[0]).stale()).isTrue();
                continue;
            }
            Evaluation fresh = evaluator.evaluate(d, null);
            assertThat(e.risk().equals(fresh.risk())).as("the same figures as a fresh evaluation after " + edit).isTrue();
            assertThat(e.outcome().totalEquity()).as(edit).isEqualTo(fresh.outcome().totalEquity());
            if (part[1].equals("mark") && !part[2].equals("abc")) {
                assertThat(e.valuations().reused()).as("positions taken over after " + edit).isEqualTo(199);
            }
        }
    }

    @Test
    void aSampleEvaluatedAgainWithoutAnEditValuesNothingAgain() {
        Draft d = drafts.forEditing(Samples.open(Samples.BTC_LONG_ISOLATED));
        Evaluation first = evaluator.evaluate(d, null);
        Evaluation again = evaluator.evaluate(d, first);
        assertThat(again.valuations().reused()).isEqualTo(first.risk().positions().size());
        assertThat(again.risk()).isEqualTo(first.risk());
    }
}
