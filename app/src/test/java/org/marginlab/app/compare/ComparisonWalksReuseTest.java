package org.marginlab.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.Account;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.whatif.MarginComparison.CrossWallet;
import org.marginlab.engine.whatif.MarginComparison.IsolatedSplit;
import org.marginlab.engine.whatif.ShockScope;

/**
 * {@link ComparisonWalks#build} with the walks built before (what the comparison tab does after
 * each edit) shows exactly what walks built afresh show: every row, sentence, card line, chart
 * point and marker, at the marks and under a shock, after each kind of edit, for both splits.
 */
class ComparisonWalksReuseTest {
    private static Account account() {
        List<Position> positions = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            boolean btc = i % 2 == 0;
            BigDecimal entry = new BigDecimal(btc ? 60000 + 100 * i : 3000 + 10 * i);
            Position.Builder b = Position.builder().id("p" + i).symbol(btc ? "BTCUSDT" : "ETHUSDT")
                    .side(i % 3 == 0 ? Side.SHORT : Side.LONG).quantity(new BigDecimal(btc ? "0.05" : "0.8"))
                    .entryPrice(entry).markPrice(entry.multiply(new BigDecimal(btc ? "0.98" : "1.01")))
                    .leverage(BigDecimal.valueOf(5 + i % 7));
            positions.add(i % 4 == 1 ? b.marginMode(MarginMode.ISOLATED).isolatedMargin(new BigDecimal(btc ? "700" : "500")).build()
                    : b.marginMode(MarginMode.CROSS).build());
        }
        return Account.of("binance-usdm", new BigDecimal("20000"), positions);
    }

    private static Account edit(Account a, int index, UnaryOperator<Position> change) {
        List<Position> positions = new ArrayList<>(a.positions());
        Position p = change.apply(positions.get(index));
        if (p == null) {
            positions.remove(index);
        } else {
            positions.set(index, p);
        }
        return Account.of(a.venue(), a.walletBalance(), positions);
    }

    private static ComparisonWalks.Inputs inputs(Account a, IsolatedSplit split) {
        return new ComparisonWalks.Inputs(a.venue().id(), a.walletBalance(), a.positions(), ShockScope.ALL, split,
                CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS, BigDecimal.ONE, Locale.US);
    }

    @Test
    void walksBuiltOnThePreviousOnes_showWhatFreshWalksShow() {
        List<UnaryOperator<Position>> edits = List.of(
                p -> p.withMarkPrice(p.markPrice().multiply(new BigDecimal("1.003"))),
                p -> p.withMarkPrice(p.markPrice().multiply(new BigDecimal("0.9"))),
                p -> p.toBuilder().leverage(p.leverage().add(BigDecimal.ONE)).build(),
                p -> p.marginMode() == MarginMode.CROSS
                        ? p.toBuilder().marginMode(MarginMode.ISOLATED).isolatedMargin(new BigDecimal("650")).build()
                        : p.toBuilder().marginMode(MarginMode.CROSS).isolatedMargin(null).build(),
                p -> null);
        for (IsolatedSplit split : IsolatedSplit.values()) {
            Account before = account();
            ComparisonWalks previous = ComparisonWalks.build(before, inputs(before, split), Locale.US, null);
            // the figures at the marks work out the valuations the next walks take over
            ComparisonFigures.at(previous, BigDecimal.ZERO, null, Locale.US);
            int reused = 0;
            for (int k = 0; k < edits.size(); k++) {
                Account after = edit(before, (3 * k + 1) % before.positions().size(), edits.get(k));
                ComparisonWalks again = ComparisonWalks.build(after, inputs(after, split), Locale.US, previous);
                ComparisonWalks fresh = ComparisonWalks.build(after, inputs(after, split), Locale.US, null);
                assertThat(again.sentences()).as("%s, edit %d", split, k).isEqualTo(fresh.sentences());
                for (String shock : List.of("0", "-0.12", "0.07")) {
                    BigDecimal s = new BigDecimal(shock);
                    assertThat(ComparisonFigures.at(again, s, null, Locale.US)).as("%s, edit %d, shock %s", split, k, shock)
                            .usingRecursiveComparison().ignoringFields("walks")
                            .isEqualTo(ComparisonFigures.at(fresh, s, null, Locale.US));
                }
                // every position nobody edited keeps the cross variant built before (so its valuations are taken over)
                for (int i = 0; i < after.positions().size(); i++) {
                    Position p = after.positions().get(i);
                    int at = before.positions().indexOf(p);
                    if (at >= 0 && before.positions().get(at) == p) {
                        assertThat(again.variants().cross().positions().get(i)).as("%s, edit %d, %s", split, k, p.id())
                                .isSameAs(previous.variants().cross().positions().get(at));
                        reused++;
                    }
                }
                before = after;
                previous = again;
            }
            // four edits leave 11 of the 12 positions as they were; the removal leaves all 11 others
            assertThat(reused).as("%s: unedited positions checked", split).isEqualTo(4 * 11 + 11);
        }
    }
}
