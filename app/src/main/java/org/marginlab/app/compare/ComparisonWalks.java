package org.marginlab.app.compare;

import java.math.BigDecimal;
import java.util.List;

import org.marginlab.app.account.AccountViewModel;
import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.Position;
import org.marginlab.engine.whatif.LiquidationCascade;
import org.marginlab.engine.whatif.MarginComparison;
import org.marginlab.engine.whatif.MarginComparison.CrossWallet;
import org.marginlab.engine.whatif.MarginComparison.IsolatedSplit;
import org.marginlab.engine.whatif.ShockScope;
import org.marginlab.engine.whatif.ShockSweep;

/**
 * The comparison's two sides and their walks, kept while their inputs stay the same. Both sides
 * ({@link MarginComparison#variants}) are walked once each way ({@link ShockSweep}: down to
 * {@link AccountViewModel#MIN_SHOCK −90 %}, up to {@link AccountViewModel#MAX_SHOCK +200 %}); the
 * walks depend only on the {@link Inputs}, not on the current shock, so a shock move reuses them
 * and evaluates each side once at the shock ({@link #isolatedAt}, {@link #crossAt}).
 *
 * <p>Holds nothing before the first {@link #build}. Not thread-safe.
 */
final class ComparisonWalks {

    /**
     * What the walks are built from; they are rebuilt only when it changes.
     *
     * @param venue        the venue's id
     * @param wallet       the entered cross wallet, settlement currency
     * @param positions    the positions as entered
     * @param scope        which marks the shock moves
     * @param split        how the isolated side's margin is split
     * @param crossWallet  which wallet the cross side has
     * @param fee          the cascade's liquidation fee, a share of the closed position's maintenance margin
     */
    record Inputs(String venue, BigDecimal wallet, List<Position> positions, ShockScope scope, IsolatedSplit split,
            CrossWallet crossWallet, BigDecimal fee) {

        /** @return whether {@code o} holds the same inputs, amounts compared by value; false for null. O(N) */
        boolean same(Inputs o) {
            return o != null && venue.equals(o.venue) && wallet.compareTo(o.wallet) == 0 && positions.equals(o.positions)
                    && scope.equals(o.scope) && split == o.split && crossWallet == o.crossWallet
                    && fee.compareTo(o.fee) == 0;
        }
    }

    private Inputs inputs;
    private MarginComparison.Variants variants;
    private ShockSweep isolated;
    private ShockSweep cross;
    private int count;

    /**
     * @param next  the inputs now, not null
     * @return whether the walks held were built from inputs the same as {@code next}
     */
    boolean builtFrom(Inputs next) {
        return next.same(inputs);
    }

    /**
     * Builds both sides from the entered account and walks them. If the engine refuses (a
     * {@link org.marginlab.engine.ValidationException}), the walks held before are kept.
     *
     * @param entered  the account as entered, not null
     * @param next     its inputs, not null
     */
    void build(Account entered, Inputs next) {
        MarginComparison.Variants v = MarginComparison.variants(entered, next.split(), next.crossWallet());
        LiquidationCascade cascade = new LiquidationCascade(next.fee());
        ShockSweep iso = ShockSweep.of(v.isolated(), next.scope(), cascade, AccountViewModel.MIN_SHOCK,
                AccountViewModel.MAX_SHOCK);
        ShockSweep crossSweep = ShockSweep.of(v.cross(), next.scope(), cascade, AccountViewModel.MIN_SHOCK,
                AccountViewModel.MAX_SHOCK);
        variants = v;
        isolated = iso;
        cross = crossSweep;
        inputs = next;
        count++;
    }

    /**
     * @param shock  the current shock, a fraction of the mark
     * @param scope  which marks it moves
     * @return the engine's evaluation of the isolated side's positions still open at that shock
     */
    AccountRisk isolatedAt(BigDecimal shock, ShockScope scope) {
        return MarginEngine.DEFAULT.evaluate(scope.apply(isolated.accountAt(shock), shock));
    }

    /**
     * @param shock  the current shock, a fraction of the mark
     * @param scope  which marks it moves
     * @return the engine's evaluation of the cross side after the cascade reached at that shock
     */
    AccountRisk crossAt(BigDecimal shock, ShockScope scope) {
        return MarginEngine.DEFAULT.evaluate(scope.apply(cross.accountAt(shock), shock));
    }

    /** @return the two sides built from the entered account */
    MarginComparison.Variants variants() {
        return variants;
    }

    /** @return the isolated side's walks */
    ShockSweep isolated() {
        return isolated;
    }

    /** @return the cross side's walks */
    ShockSweep cross() {
        return cross;
    }

    /** @return how many times the walks were built */
    int count() {
        return count;
    }
}
