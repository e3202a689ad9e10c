package org.marginlab.app.compare;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.marginlab.app.account.AccountViewModel;
import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.Position;
import org.marginlab.engine.Valuations;
import org.marginlab.engine.whatif.LiquidationCascade;
import org.marginlab.engine.whatif.MarginComparison;
import org.marginlab.engine.whatif.MarginComparison.CrossWallet;
import org.marginlab.engine.whatif.MarginComparison.IsolatedSplit;
import org.marginlab.engine.whatif.ShockScope;
import org.marginlab.engine.whatif.ShockSweep;

/**
 * The comparison's two sides and their walks, built from one set of {@link Inputs}: an immutable
 * value. Both sides ({@link MarginComparison#variants}) are walked once each way
 * ({@link ShockSweep}: down to {@link AccountViewModel#MIN_SHOCK −90 %}, up to
 * {@link AccountViewModel#MAX_SHOCK +200 %}), and the sentence per position is written from the
 * walks ({@link ComparisonSentences}). None of it depends on the current shock, so a shock move
 * reuses the value and evaluates each side once at the shock ({@link #isolatedAt}, {@link #crossAt}).
 *
 * <p><b>Threading.</b> {@link #build} is a pure function of its arguments (the account and the
 * inputs are immutable; it makes its own formats), so it may run on a background thread; the
 * value it returns is never changed after, so it may be handed to the JavaFX thread and read
 * there (but for one cache: the isolated side's valuations at shock 0, kept for the next walks'
 * {@link #build}, a volatile reference written by {@link #isolatedAt}). The engine's walks it
 * holds are only read.
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
            CrossWallet crossWallet, BigDecimal fee, java.util.Locale locale) {

        /**
         * @return whether {@code o} holds the same inputs, amounts compared by value, and the same
         *         number format (the walks' texts are written in it); false for null. O(N)
         */
        boolean same(Inputs o) {
            return o != null && venue.equals(o.venue) && wallet.compareTo(o.wallet) == 0 && positions.equals(o.positions)
                    && scope.equals(o.scope) && split == o.split && crossWallet == o.crossWallet
                    && fee.compareTo(o.fee) == 0 && locale.equals(o.locale);
        }
    }

    private final Inputs inputs;
    private final MarginComparison.Variants variants;
    private final ShockSweep isolated;
    private final ShockSweep cross;
    private final Map<String, String> sentences;
    /** The cross side's evaluation as entered (the sentences' equity), with its valuations. */
    private final MarginEngine.Evaluated crossEntered;
    /**
     * The isolated side's valuations at shock 0 from the walks before these (or null): taken over
     * by {@link #isolatedAt} at shock 0 for every position they share.
     */
    private final Valuations isolatedSeed;
    /** This walks' own isolated valuations at shock 0, once {@link #isolatedAt} has worked them out. */
    private volatile Valuations isolatedAtZero;

    private ComparisonWalks(Inputs inputs, MarginComparison.Variants variants, ShockSweep isolated, ShockSweep cross,
            Map<String, String> sentences, MarginEngine.Evaluated crossEntered, Valuations isolatedSeed) {
        this.inputs = inputs;
        this.variants = variants;
        this.isolated = isolated;
        this.cross = cross;
        this.sentences = sentences;
        this.crossEntered = crossEntered;
        this.isolatedSeed = isolatedSeed;
    }

    /**
     * Builds both sides from the entered account, walks them and writes the sentences. Pure: safe
     * on any thread.
     *
     * @param entered   the account as entered, not null
     * @param next      its inputs, not null
     * @param locale    the locale of the sentences' numbers, not null
     * @param previous  the walks built before (of an earlier state of the account), or null: what
     *                  belongs to one position alone (its variants, its valuations) is taken over
     *                  from them for every position the account still holds as the same instance
     *                  ({@link MarginComparison#variants(Account, IsolatedSplit, CrossWallet,
     *                  MarginComparison.Variants)}, {@link MarginEngine#evaluateReusing}, the
     *                  walks' per-position shares: {@link ShockSweep#of(Account, ShockScope,
     *                  LiquidationCascade, BigDecimal, BigDecimal, ShockSweep)}); every figure is
     *                  the same as without them
     * @return the walks, never null
     * @throws org.marginlab.engine.ValidationException if the engine refuses the account
     */
    static ComparisonWalks build(Account entered, Inputs next, Locale locale, ComparisonWalks previous) {
        MarginComparison.Variants v = MarginComparison.variants(entered, next.split(), next.crossWallet(),
                previous == null ? null : previous.variants);
        LiquidationCascade cascade = new LiquidationCascade(next.fee());
        // each position's share of the walks is taken over from the walks before for every
        // position the sides still hold as the same instance (the variants keep them)
        ShockSweep iso = ShockSweep.of(v.isolated(), next.scope(), cascade, AccountViewModel.MIN_SHOCK,
                AccountViewModel.MAX_SHOCK, previous == null ? null : previous.isolated);
        ShockSweep crossSweep = ShockSweep.of(v.cross(), next.scope(), cascade, AccountViewModel.MIN_SHOCK,
                AccountViewModel.MAX_SHOCK, previous == null ? null : previous.cross);
        CompareText text = new CompareText(locale);
        text.currencyOf(entered);
        MarginEngine.Evaluated crossNow = MarginEngine.DEFAULT.evaluateReusing(v.cross(),
                previous == null ? null : previous.crossEntered.valuations());
        Map<String, String> sentences = new ComparisonSentences(text, new ComparisonProse(text)).sentences(v, iso,
                crossSweep, next.scope(), crossNow.risk().totalEquity());
        return new ComparisonWalks(next, v, iso, crossSweep, Collections.unmodifiableMap(sentences), crossNow,
                previous == null ? null : previous.isolatedValuationsAtZero());
    }

    /** @return the isolated side's valuations at shock 0: its own once worked out, else those it was seeded with */
    private Valuations isolatedValuationsAtZero() {
        Valuations own = isolatedAtZero;
        return own != null ? own : isolatedSeed;
    }

    /**
     * @param next  the inputs now, may be null
     * @return whether these walks were built from inputs the same as {@code next}
     */
    boolean builtFrom(Inputs next) {
        return next != null && next.same(inputs);
    }

    /** @return the inputs these walks were built from */
    Inputs inputs() {
        return inputs;
    }

    /**
     * @param shock  the current shock, a fraction of the mark
     * @param scope  which marks it moves
     * @return the engine's evaluation of the isolated side's positions still open at that shock
     *         (at shock 0, taking over the valuations of the positions the walks before these
     *         shared: the same figures)
     */
    AccountRisk isolatedAt(BigDecimal shock, ShockScope scope) {
        Account at = scope.apply(isolated.accountAt(shock), shock);
        if (shock.signum() != 0) {
            return MarginEngine.DEFAULT.evaluate(at);
        }
        MarginEngine.Evaluated e = MarginEngine.DEFAULT.evaluateReusing(at, isolatedValuationsAtZero());
        isolatedAtZero = e.valuations();
        return e.risk();
    }

    /**
     * @param shock  the current shock, a fraction of the mark
     * @param scope  which marks it moves
     * @return the engine's evaluation of the cross side after the cascade reached at that shock
     *         (at shock 0, taking over the valuations of the cross side as entered: the same figures)
     */
    AccountRisk crossAt(BigDecimal shock, ShockScope scope) {
        Account at = scope.apply(cross.accountAt(shock), shock);
        if (shock.signum() != 0) {
            return MarginEngine.DEFAULT.evaluate(at);
        }
        return MarginEngine.DEFAULT.evaluateReusing(at, crossEntered.valuations()).risk();
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

    /** @return the sentence per position id (unmodifiable), one per entered position */
    Map<String, String> sentences() {
        return sentences;
    }
}
