package org.marginlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link MarginEngine#evaluateReusing}: after an edit of one position (its mark moved, or
 * nothing), evaluating the edited account with the previous evaluation's valuations gives
 * exactly what a fresh {@link MarginEngine#evaluate(Account)} gives (records equal: every
 * amount the same value and scale), and only the edited position (and any whose schedule is
 * made anew at each call) is valued again.
 */
class ValuationReuseProperties {
    @Provide
    Arbitrary<Account> accounts() {
        return RandomAccounts.accounts();
    }

    @Property(tries = 1000)
    void reusingTheOtherPositionsValuationsChangesNoFigure(@ForAll("accounts") Account account,
            @ForAll("edits") BigDecimal markFactor, @ForAll("indexes") int pick) {
        Assume.that(RandomAccounts.valid(account));
        MarginEngine.Evaluated first = MarginEngine.DEFAULT.evaluateReusing(account, null);
        assertThat(first.risk()).isEqualTo(MarginEngine.DEFAULT.evaluate(account));
        assertThat(first.valuations().size()).isEqualTo(account.positions().size());

        int edited = pick % account.positions().size();
        List<Position> positions = new ArrayList<>(account.positions());
        Position p = positions.get(edited);
        if (markFactor.compareTo(BigDecimal.ONE) != 0) {
            positions.set(edited, p.withMarkPrice(p.markPrice().multiply(markFactor)));
        }
        Account next = Account.of(account.venue(), account.walletBalance(), positions);
        Assume.that(RandomAccounts.valid(next));

        MarginEngine.Evaluated again = MarginEngine.DEFAULT.evaluateReusing(next, first.valuations());
        assertThat(again.risk()).isEqualTo(MarginEngine.DEFAULT.evaluate(next));
        assertThat(again.valuations().size()).isEqualTo(next.positions().size());
        // every position whose schedule is one shared table (not one made per call) and which was not edited is taken over
        int stable = 0;
        for (int i = 0; i < next.positions().size(); i++) {
            Position q = next.positions().get(i);
            boolean edit = i == edited && markFactor.compareTo(BigDecimal.ONE) != 0;
            stable += !edit && next.venue().schedule(q) == next.venue().schedule(q) ? 1 : 0;
        }
        assertThat(again.valuations().reused()).isEqualTo(stable);
    }

    @Property(tries = 200)
    void anotherRuleSetReusesNothing(@ForAll("accounts") Account account) {
        Assume.that(RandomAccounts.valid(account));
        MarginEngine.Evaluated first = MarginEngine.DEFAULT.evaluateReusing(account, null);
        for (String venue : RandomAccounts.VENUES) {
            Account moved = Account.of(venue, account.walletBalance(), account.positions());
            if (!RandomAccounts.valid(moved)) {
                continue;
            }
            assertThat(MarginEngine.DEFAULT.evaluateReusing(moved, first.valuations()).risk())
                    .as(venue).isEqualTo(MarginEngine.DEFAULT.evaluate(moved));
        }
    }

    @Provide
    Arbitrary<BigDecimal> edits() {
        return Arbitraries.of("1", "0.999", "1.001", "0.97", "1.05", "0.5").map(BigDecimal::new);
    }

    @Provide
    Arbitrary<Integer> indexes() {
        return Arbitraries.integers().between(0, 99);
    }
}
