package org.marginlab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.marginlab.app.bench.UiLatencyBenchmarkTest;
import org.marginlab.app.model.Draft;
import org.marginlab.app.model.Drafts;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.Evaluator;
import org.marginlab.app.model.InputField;
import org.marginlab.app.ui.Formats;
import org.marginlab.engine.Position;
import org.marginlab.engine.venue.MarkSweep;

/**
 * A cross position's sweep made from the evaluation's valuations and the previous picture's leg
 * sweeps is the sweep made from nothing: the same fixed terms, the same curves.
 */
class PositionSweepReuseTest {
    @Test
    void reusedValuationsAndSweepsGiveTheSameCurves() {
        Evaluator evaluator = new Evaluator(Locale.US);
        Draft d = new Drafts(new Formats(Locale.US)).forEditing(UiLatencyBenchmarkTest.workspace(200)).withShock("-3", null);
        Evaluation first = evaluator.evaluate(d, null);
        Map<Position, MarkSweep> made = new HashMap<>();
        PositionSweep.of(first.shocked(), first.risk(), 0, PositionSweep.hedgeLegs(first.shocked(), 0), first.valuations(),
                q -> made.computeIfAbsent(q, x -> MarkSweep.of(first.shocked().venue(), x)));
        // a keystroke on a leg of the same symbol: the others' valuations and sweeps are taken over
        d = d.withPosition(d.position("p2").withText(InputField.MARK_PRICE, "59100"));
        Evaluation e = evaluator.evaluate(d, first);
        List<Position> hedge = PositionSweep.hedgeLegs(e.shocked(), 0);
        int[] reused = {0};
        PositionSweep reusing = PositionSweep.of(e.shocked(), e.risk(), 0, hedge, e.valuations(), q -> {
            MarkSweep m = made.get(q);
            reused[0] += m != null ? 1 : 0;
            return m != null ? m : MarkSweep.of(e.shocked().venue(), q);
        });
        PositionSweep fresh = PositionSweep.of(e.shocked(), e.risk(), 0, hedge);
        assertThat(hedge).hasSizeGreaterThan(50);
        assertThat(reused[0]).isEqualTo(hedge.size()); // every leg but the one typed in, plus the position itself
        assertThat(reusing.otherRequirement()).isEqualTo(fresh.otherRequirement());
        assertThat(reusing.otherBalance()).isEqualTo(fresh.otherBalance());
        for (double price = 20_000; price <= 120_000; price += 1_000) {
            assertThat(reusing.marginRatio(price)).as("ratio at %s", price).isEqualTo(fresh.marginRatio(price));
            assertThat(reusing.pnl(price)).isEqualTo(fresh.pnl(price));
        }
    }
}
