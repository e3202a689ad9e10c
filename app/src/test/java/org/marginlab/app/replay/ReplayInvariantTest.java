package org.marginlab.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginlab.app.model.Draft;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.Evaluator;
import org.marginlab.app.model.InputField;
import org.marginlab.app.model.PositionDraft;
import org.marginlab.app.model.ReplayOverlay;
import org.marginlab.app.ui.Formats;
import org.marginlab.app.workspace.BundledPaths;
import org.marginlab.app.model.Drafts;
import org.marginlab.app.workspace.Samples;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.replay.PathReplay;
import org.marginlab.engine.replay.PricePath;
import org.marginlab.engine.replay.ReplayFrame;
import org.marginlab.engine.whatif.MarginComparison;
import org.marginlab.engine.whatif.ShockScope;

/**
 * Before the first liquidation, the replay's figures are the app's at the same marks: the
 * account side equals the {@link Evaluator} (what {@code marginlab calc} prints) of the workspace
 * with those marks typed in, and the isolated and cross sides equal the comparison's
 * ({@link MarginComparison}) of that workspace. Also: the draft with the replay's overlay
 * evaluates to the same figures as the typed marks.
 */
class ReplayInvariantTest {
    private static final Evaluator EVALUATOR = new Evaluator(Locale.US);

    @ParameterizedTest
    @CsvSource({
        "course-cross-cascade.marginlab, wick-down-12",
        "course-cross-cascade.marginlab, slow-bleed-30",
        "binance-faq-cross.marginlab, wick-up-15",
        "btc-long-eth-short-hedge.marginlab, wick-up-15",
        "btc-long-eth-short-hedge.marginlab, wick-down-12",
        "btc-long-isolated.marginlab, slow-bleed-30"})
    void beforeTheFirstLiquidationTheReplayIsTheEvaluatorAndTheComparisonAtThoseMarks(String sample, String path) {
        Draft document = new Drafts(new Formats(Locale.US)).forEditing(Samples.open(sample));
        Evaluation typed = EVALUATOR.evaluate(document, null);
        PricePath p = BundledPaths.open(path);
        PathReplay replay = PathReplay.run(typed.entered(), p);
        Instant first = replay.firstLiquidation();
        int checked = 0;
        for (ReplayFrame f : replay.frames()) {
            if (first != null && !f.time().isBefore(first)) {
                break;
            }
            if (f.index() % 7 != 0 && f.index() != 1) {
                continue; // a sample of the points keeps the test fast
            }
            Evaluation at = EVALUATOR.evaluate(withMarks(document, f), null);
            assertThat(at.totalEquity()).as("%s %s point %d: total equity", sample, path, f.index())
                    .isEqualByComparingTo(f.account().equity());
            samePrices(at.risk(), f.account().risk());
            MarginComparison.Variants v = MarginComparison.variants(at.entered(), MarginComparison.IsolatedSplit.AS_ENTERED,
                    MarginComparison.CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS);
            MarginComparison.Evaluation both = MarginComparison.evaluate(v, ShockScope.ALL, BigDecimal.ZERO);
            assertThat(f.isolated().equity()).isEqualByComparingTo(both.isolated().totalEquity());
            assertThat(f.cross().equity()).isEqualByComparingTo(both.cross().totalEquity());
            samePrices(both.cross(), f.cross().risk());
            // the overlay the replay puts into the draft gives the same figures
            Evaluation overlaid = EVALUATOR.evaluate(document.withReplay(
                    new ReplayOverlay(path, f.marks(), f.account().liquidated())), null);
            assertThat(overlaid.totalEquity()).isEqualByComparingTo(at.totalEquity());
            samePrices(overlaid.risk(), at.risk());
            checked++;
        }
        assertThat(checked).isGreaterThan(1);
    }

    private static void samePrices(AccountRisk a, AccountRisk b) {
        assertThat(a.positions()).hasSameSizeAs(b.positions());
        for (PositionRisk r : a.positions()) {
            PositionRisk s = b.position(r.positionId());
            if (r.liquidationPrice() == null) {
                assertThat(s.liquidationPrice()).isNull();
            } else {
                assertThat(s.liquidationPrice()).as(r.positionId()).isEqualByComparingTo(r.liquidationPrice());
            }
            assertThat(s.unrealizedPnl()).isEqualByComparingTo(r.unrealizedPnl());
        }
    }

    /** The document with each moved position's mark typed as the frame's. */
    private static Draft withMarks(Draft d, ReplayFrame f) {
        List<PositionDraft> ps = new ArrayList<>();
        for (PositionDraft p : d.positions()) {
            BigDecimal m = f.marks().get(p.symbol());
            ps.add(m == null ? p : p.withText(InputField.MARK_PRICE, m.toPlainString()));
        }
        return d.withPositions(ps);
    }
}
