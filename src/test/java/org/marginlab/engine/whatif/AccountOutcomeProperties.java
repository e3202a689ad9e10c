package org.marginlab.engine.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.RandomAccounts;
import org.marginlab.engine.Side;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The liquidated state (spec workspace-and-cli.md §4) over random accounts on every venue
 * ({@link RandomAccounts}), shocks in [−60 %, +60 %] (a fifth of them 0), uniform or on one
 * symbol. Each expectation is computed here from the engine's own evaluations of the entered and
 * the shocked account, or from the cascade of the isolated-vs-cross comparison.
 */
class AccountOutcomeProperties {
    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;

    @Provide
    Arbitrary<Account> accounts() {
        return RandomAccounts.accounts();
    }

    @Provide
    Arbitrary<BigDecimal> shocks() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(BigDecimal.ZERO)),
                Tuple.of(4, Arbitraries.bigDecimals().between(new BigDecimal("-0.6"), new BigDecimal("0.6")).ofScale(3)));
    }

    /** {@code W + Σ uPnL ≤ Σ requirement} over the cross positions, as the engine evaluates it. */
    private static boolean crossCondition(AccountRisk r, Account a) {
        boolean anyCross = a.positions().stream().anyMatch(p -> p.marginMode() == MarginMode.CROSS);
        return anyCross && r.marginBalance().compareTo(r.maintenanceMargin()) <= 0;
    }

    @Property(tries = 1000)
    void theOutcomeIsTheCascadesModel(@ForAll("accounts") Account a, @ForAll("shocks") BigDecimal shock,
            @ForAll boolean bySymbol, @ForAll int pick) {
        Assume.that(RandomAccounts.valid(a));
        int n = a.positions().size();
        ShockScope scope = bySymbol ? ShockScope.of(a.positions().get(Math.floorMod(pick, n)).symbol()) : ShockScope.ALL;
        Account shocked = scope.apply(a, shock);
        Assume.that(RandomAccounts.valid(shocked));
        AccountRisk entered = ENGINE.evaluate(a);
        AccountRisk risk = ENGINE.evaluate(shocked);

        AccountOutcome o = AccountOutcome.of(a, scope, shock, risk);

        // the same number as the comparison's cascade (for shock 0: its events at shock 0, any walk)
        CascadeResult c = shock.signum() != 0 ? LiquidationCascade.DEFAULT.simulate(a, scope, shock)
                : LiquidationCascade.DEFAULT.simulate(a, scope, new BigDecimal("-0.5"));
        assertThat(o.totalEquity()).as("total equity vs the cascade").isEqualByComparingTo(c.equityAt(shock));
        Set<String> closed = new HashSet<>();
        for (LiquidationEvent e : c.eventsAt(shock)) {
            closed.add(e.positionId());
        }

        boolean crossBefore = crossCondition(entered, a);
        boolean crossAfter = crossCondition(risk, a);
        // the cross account goes on the walk exactly when it meets its threshold at one of its ends
        assertThat(o.crossLiquidated()).as("cross liquidated").isEqualTo(crossBefore || crossAfter);

        BigDecimal liveIsolated = BigDecimal.ZERO;
        BigDecimal crossLive = a.walletBalance();
        for (int i = 0; i < n; i++) {
            Position p = a.positions().get(i);
            PositionRisk r = risk.positions().get(i);
            assertThat(o.liquidated(i)).as("%s flag vs the cascade", p.id()).isEqualTo(closed.contains(p.id()));
            if (p.marginMode() == MarginMode.CROSS) {
                // fee share 1: a liquidated cross account loses every cross position at once
                assertThat(o.liquidated(i)).as("cross %s", p.id()).isEqualTo(o.crossLiquidated());
                crossLive = crossLive.add(r.unrealizedPnl());
                continue;
            }
            // isolated: its mark reached its liquidation price on the walk (at the shocked marks,
            // or it started liquidated at the entered marks)
            BigDecimal lp = r.liquidationPrice();
            BigDecimal mark = scope.apply(p, shock).markPrice();
            boolean reached = lp != null && (p.side() == Side.LONG ? mark.compareTo(lp) <= 0 : mark.compareTo(lp) >= 0);
            assertThat(o.liquidated(i)).as("isolated %s: LP %s, shocked mark %s, %s shock %s", p.id(), lp, mark,
                    RandomAccounts.describe(a), shock)
                    .isEqualTo(reached || entered.positions().get(i).liquidated());
            if (!o.liquidated(i)) {
                liveIsolated = liveIsolated.add(r.isolatedMargin()).add(r.unrealizedPnl());
            }
        }
        if (!o.crossLiquidated()) {
            // a liquidated isolated position contributes 0 (default fee share), a live one margin + uPnL
            assertThat(o.totalEquity()).isEqualByComparingTo(liveIsolated.add(crossLive));
        } else {
            // a liquidated cross account leaves what the cascade leaves, never below 0
            assertThat(o.totalEquity().subtract(liveIsolated)).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        }
        // the wallet is ≥ 0 and every requirement ≥ 0 here, so nothing can end below 0
        assertThat(o.totalEquity()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        if (!o.anyLiquidated() && !o.crossLiquidated()) {
            // fast path: the engine's own figure, no cascade
            assertThat(o.totalEquity()).isSameAs(risk.totalEquity());
            Statistics.label("outcome").collect("nothing liquidated");
        } else {
            Statistics.label("outcome").collect(o.crossLiquidated() ? "cross liquidated" : "isolated liquidated only");
        }
        if (shock.signum() == 0) {
            assertThat(AccountOutcome.of(a).totalEquity()).isEqualByComparingTo(o.totalEquity());
        }
        Statistics.label("outcome").coverage(k -> {
            k.check("nothing liquidated").percentage(pct -> pct >= 15);
            k.check("cross liquidated").percentage(pct -> pct >= 10);
            k.check("isolated liquidated only").percentage(pct -> pct >= 10);
        });
    }

    @Property(tries = 1000)
    void aFavourableShockDoesNotReviveWhatWasLiquidatedAtTheEnteredMarks(@ForAll("accounts") Account a,
            @ForAll("shocks") BigDecimal shock) {
        Assume.that(RandomAccounts.valid(a) && shock.signum() != 0);
        Account shocked = ShockScope.ALL.apply(a, shock);
        Assume.that(RandomAccounts.valid(shocked));
        AccountOutcome atEntry = AccountOutcome.of(a);
        AccountOutcome there = AccountOutcome.of(a, ShockScope.ALL, shock, ENGINE.evaluate(shocked));
        Statistics.label("liquidated at the entered marks").collect(atEntry.anyLiquidated());
        for (int i = 0; i < a.positions().size(); i++) {
            if (atEntry.liquidated(i)) {
                assertThat(there.liquidated(i)).as(a.positions().get(i).id()).isTrue();
            }
        }
        if (atEntry.crossLiquidated()) {
            assertThat(there.crossLiquidated()).isTrue();
        }
    }
}
