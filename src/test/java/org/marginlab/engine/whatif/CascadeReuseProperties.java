package org.marginlab.engine.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import org.marginlab.engine.Account;
import org.marginlab.engine.Position;
import org.marginlab.engine.RandomAccounts;

/**
 * {@link LiquidationCascade#simulate(Account, ShockScope, BigDecimal, CascadeResult)}: after an
 * edit of one position (its mark, its leverage, its margin mode, its isolated margin, removed,
 * moved to the end) or of the wallet, a walk that takes over the previous walk's per-position
 * shares gives the same result as a walk without them: every event equal (a record of amounts:
 * value and scale), the same shock at which all are closed and the cross account goes, the same
 * equity along the path (exact at the target, and the {@code double} model at 41 shocks). And the
 * shares of the positions nobody edited are taken over (the same instances), so the property is
 * not met by walking everything again.
 */
class CascadeReuseProperties {
    @Provide
    Arbitrary<Account> accounts() {
        return RandomAccounts.accounts();
    }

    @Provide
    Arbitrary<String> edits() {
        return Arbitraries.of("none", "mark-down", "mark-up", "leverage", "mode", "margin", "remove", "to-end",
                "wallet");
    }

    @Provide
    Arbitrary<Integer> indexes() {
        return Arbitraries.integers().between(0, 99);
    }

    @Provide
    Arbitrary<BigDecimal> targets() {
        return Arbitraries.of(new BigDecimal("-0.9"), new BigDecimal("2"), new BigDecimal("-0.35"),
                new BigDecimal("0.15"));
    }

    @Provide
    Arbitrary<BigDecimal> fees() {
        return Arbitraries.of(BigDecimal.ONE, new BigDecimal("0.5"), BigDecimal.ZERO);
    }

    @Property(tries = 1000)
    void takingOverThePreviousWalkChangesNothing(@ForAll("accounts") Account account, @ForAll("edits") String edit,
            @ForAll("indexes") int pick, @ForAll("targets") BigDecimal target, @ForAll("fees") BigDecimal fee,
            @ForAll boolean oneSymbol) {
        Assume.that(RandomAccounts.valid(account));
        LiquidationCascade cascade = new LiquidationCascade(fee);
        ShockScope scope = oneSymbol ? ShockScope.of(account.positions().get(0).symbol()) : ShockScope.ALL;
        CascadeResult first = cascade.simulate(account, scope, target, null);
        assertThat(cascade.simulate(account, scope, target).starts()).as("a one-off walk keeps no shares").isNull();

        Account next = RandomAccounts.edited(account, edit, pick % account.positions().size());
        Assume.that(next != null && RandomAccounts.valid(next));

        Statistics.label("edit").collect(edit);
        CascadeResult reused = cascade.simulate(next, scope, target, first);
        CascadeResult fresh = cascade.simulate(next, scope, target);
        String why = RandomAccounts.describe(next) + " after " + edit;
        assertThat(reused.events()).as(why).isEqualTo(fresh.events());
        assertThat(reused.allClosedAt()).as(why).isEqualTo(fresh.allClosedAt());
        assertThat(reused.crossGoneAt()).as(why).isEqualTo(fresh.crossGoneAt());
        assertThat(reused.equityAt(target)).as(why).isEqualTo(fresh.equityAt(target));
        for (int k = 0; k <= 40; k++) {
            double x = target.doubleValue() * k / 40;
            assertThat(reused.equityAt(x)).as(why + " at %s", x).isEqualTo(fresh.equityAt(x));
        }

        // the positions nobody edited keep their share of the walk: taken over, not worked out again
        for (int i = 0; i < next.positions().size(); i++) {
            Position q = next.positions().get(i);
            int k = indexOf(account.positions(), q);
            if (k >= 0 && next.venue() == account.venue()
                    && next.venue().schedule(q) == next.venue().schedule(q)) {
                WalkStarts.Start before = first.starts().of(k, q);
                WalkStarts.Start now = reused.starts().of(i, q);
                if (before instanceof WalkStarts.Isolated iso && iso.event() != null && k != i) {
                    assertThat(now).as("%s: isolated share, re-indexed", q.id()).isInstanceOf(WalkStarts.Isolated.class);
                    assertThat(((WalkStarts.Isolated) now).event().position()).isSameAs(iso.event().position());
                } else {
                    assertThat(now).as("%s: share taken over", q.id()).isSameAs(before);
                }
                if (now instanceof WalkStarts.Isolated iso && iso.event() != null) {
                    assertThat(iso.event().index()).as("%s: its event's index", q.id()).isEqualTo(i);
                }
            }
        }
    }

    @Property(tries = 200)
    void aWalkOfAnotherTargetScopeOrFeeIsNotTakenOver(@ForAll("accounts") Account account) {
        Assume.that(RandomAccounts.valid(account));
        CascadeResult down = LiquidationCascade.DEFAULT.simulate(account, ShockScope.ALL, new BigDecimal("-0.9"), null);
        CascadeResult up = LiquidationCascade.DEFAULT.simulate(account, ShockScope.ALL, new BigDecimal("2"), down);
        assertThat(up.events()).isEqualTo(
                LiquidationCascade.DEFAULT.simulate(account, ShockScope.ALL, new BigDecimal("2")).events());
        assertThat(WalkStarts.usable(down, account.venue(), ShockScope.ALL, new BigDecimal("2"), BigDecimal.ONE))
                .isNull();
        assertThat(WalkStarts.usable(down, account.venue(), ShockScope.of("OTHER"), new BigDecimal("-0.9"),
                BigDecimal.ONE)).isNull();
        assertThat(WalkStarts.usable(down, account.venue(), ShockScope.ALL, new BigDecimal("-0.9"),
                new BigDecimal("1.0"))).as("the fee's scale differs").isNull();
        assertThat(WalkStarts.usable(down, account.venue(), ShockScope.ALL, new BigDecimal("-0.9"), BigDecimal.ONE))
                .isSameAs(down.starts());
    }

    private static int indexOf(List<Position> positions, Position p) {
        for (int i = 0; i < positions.size(); i++) {
            if (positions.get(i) == p) {
                return i;
            }
        }
        return -1;
    }
}
