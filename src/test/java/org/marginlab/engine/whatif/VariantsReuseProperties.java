package org.marginlab.engine.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.marginlab.engine.Account;
import org.marginlab.engine.Position;
import org.marginlab.engine.RandomAccounts;
import org.marginlab.engine.whatif.MarginComparison.CrossWallet;
import org.marginlab.engine.whatif.MarginComparison.IsolatedSplit;
import org.marginlab.engine.whatif.MarginComparison.Variants;

/**
 * {@link MarginComparison#variants(Account, IsolatedSplit, CrossWallet, Variants)}: after an edit
 * of one position (its mark, its leverage, its margin mode, removed) the variants built with the
 * previous ones are equal (records equal: every amount the same value and scale) to variants
 * built afresh, and the positions nobody edited keep their variants' instances wherever their
 * margin on the isolated side did not change.
 */
class VariantsReuseProperties {
    @Provide
    Arbitrary<Account> accounts() {
        return RandomAccounts.accounts();
    }

    @Provide
    Arbitrary<String> edits() {
        return Arbitraries.of("none", "mark-down", "mark-up", "leverage", "mode", "remove");
    }

    @Provide
    Arbitrary<Integer> indexes() {
        return Arbitraries.integers().between(0, 99);
    }

    @Property(tries = 1000)
    void reusingThePreviousVariantsChangesNothing(@ForAll("accounts") Account account, @ForAll("edits") String edit,
            @ForAll("indexes") int pick, @ForAll IsolatedSplit split, @ForAll CrossWallet wallet) {
        Assume.that(RandomAccounts.valid(account));
        Variants first = MarginComparison.variants(account, split, wallet, null);
        assertSame(first, MarginComparison.variants(account, split, wallet));

        Account next = RandomAccounts.edited(account, edit, pick % account.positions().size());
        Assume.that(next != null);
        Assume.that(RandomAccounts.valid(next));

        Variants reused = MarginComparison.variants(next, split, wallet, first);
        Variants fresh = MarginComparison.variants(next, split, wallet);
        assertSame(reused, fresh);

        for (int i = 0; i < next.positions().size(); i++) {
            Position q = next.positions().get(i);
            int k = account.positions().indexOf(q);
            boolean same = k >= 0 && account.positions().get(k) == q;
            if (same) {
                assertThat(reused.cross().positions().get(i)).as("cross variant of %s", q.id())
                        .isSameAs(first.cross().positions().get(k));
                boolean marginKept = reused.isolatedMargins().get(i).equals(first.isolatedMargins().get(k));
                assertThat(reused.isolated().positions().get(i) == first.isolated().positions().get(k))
                        .as("isolated variant of %s kept", q.id()).isEqualTo(marginKept);
            }
        }
    }

    @Property(tries = 100)
    void variantsOfAnotherVenueAreNotTakenOver(@ForAll("accounts") Account account) {
        Assume.that(RandomAccounts.valid(account));
        Variants first = MarginComparison.variants(account, IsolatedSplit.AS_ENTERED,
                CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS);
        for (String venue : RandomAccounts.VENUES) {
            Account moved = Account.of(venue, account.walletBalance(), account.positions());
            if (!RandomAccounts.valid(moved)) {
                continue;
            }
            assertSame(MarginComparison.variants(moved, IsolatedSplit.AS_ENTERED, CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS,
                    first), MarginComparison.variants(moved, IsolatedSplit.AS_ENTERED,
                    CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS));
        }
    }

    /**
     * Both variants the same: the same entered account, and sides with the same venue, the same
     * wallet (value and scale) and equal positions whose isolated margins have the same scale too;
     * every list and amount equal (value and scale).
     */
    private static void assertSame(Variants actual, Variants expected) {
        assertThat(actual.entered()).isSameAs(expected.entered());
        for (boolean isolated : new boolean[] {true, false}) {
            Account a = isolated ? actual.isolated() : actual.cross();
            Account e = isolated ? expected.isolated() : expected.cross();
            assertThat(a.venue().id()).isEqualTo(e.venue().id());
            assertThat(a.walletBalance()).isEqualTo(e.walletBalance());
            assertThat(a.positions()).isEqualTo(e.positions());
            for (int i = 0; i < a.positions().size(); i++) {
                assertThat(a.positions().get(i).isolatedMargin()).isEqualTo(e.positions().get(i).isolatedMargin());
            }
        }
        assertThat(actual.isolatedMargins()).isEqualTo(expected.isolatedMargins());
        assertThat(actual.isolatedTotalMargin()).isEqualTo(expected.isolatedTotalMargin());
        assertThat(actual.crossWallet()).isEqualTo(expected.crossWallet());
        assertThat(actual.split()).isEqualTo(expected.split());
        assertThat(actual.wallet()).isEqualTo(expected.wallet());
        assertThat(actual.initialMargins()).isEqualTo(expected.initialMargins());
        assertThat(actual.enteredMargins()).isEqualTo(expected.enteredMargins());
    }
}
