package org.marginlab.engine.whatif;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;
import org.marginlab.engine.venue.VenueRules;

/**
 * The same positions margined two ways: every position isolated, and every position cross.
 * It builds the two variants of an account as ordinary {@link Account}s and evaluates them with
 * the same {@link MarginEngine}, so each figure of either side is the engine's own (spec
 * margin-formulas.md §1.1 for the Binance liquidation prices, §1.3 for the margin ratio).
 *
 * <p><b>Isolated side</b> ({@link IsolatedSplit}): every position becomes isolated.
 * <ul>
 *   <li>{@link IsolatedSplit#AS_ENTERED}: an isolated position keeps its isolated margin (its
 *       stated {@code isolatedMargin}, else the initial margin at entry); a position entered as
 *       cross gets its initial margin at entry, {@code IM_i = N_entry,i / leverage_i}
 *       ({@code N_entry = Q·CS·EP} linear, {@code Q·CS/EP} inverse).</li>
 *   <li>{@link IsolatedSplit#PROPORTIONAL_TO_INITIAL_MARGIN}: the same total {@code T} as
 *       {@code AS_ENTERED} split by initial-margin share, {@code m_i = T·IM_i / Σ IM_j}
 *       ({@link MathContext#DECIMAL128}).</li>
 * </ul>
 *
 * <p><b>Cross side</b> ({@link CrossWallet}): every position becomes cross; the cross wallet is
 * <ul>
 *   <li>{@link CrossWallet#WORKSPACE_WALLET_PLUS_MARGINS} (the default): the account's cross
 *       wallet plus the isolated margin of every position entered as isolated, i.e. the same
 *       money as entered, now shared. For an all-cross account it is the account's own wallet,
 *       so the cross side reproduces the account (the Binance FAQ cross example:
 *       26,316.89 / 1,153.26);</li>
 *   <li>{@link CrossWallet#SAME_CAPITAL_AS_ISOLATED}: only the isolated side's total margin
 *       {@code Σ m_i}, i.e. both sides put the same capital at risk.</li>
 * </ul>
 *
 * <p><b>Same money on both sides.</b> The isolated side's free (cross) wallet is what is left of
 * the cross side's wallet after funding the isolated margins, {@code max(0, crossWallet − Σ m_i)}:
 * with {@code WORKSPACE_WALLET_PLUS_MARGINS} that is the account's wallet less the initial
 * margin moved out of it for the positions entered as cross; with
 * {@code SAME_CAPITAL_AS_ISOLATED} it is 0. So, unless the wallet is too small to fund the
 * margins, both sides start with the same total equity and differ only in how it is exposed.
 * The free wallet carries no position and never enters an isolated liquidation.
 *
 * <p>Building the variants values each position once at its mark (O(N), no account evaluation);
 * evaluating them is two engine evaluations. Stateless; the nested results are immutable and thread-safe.
 */
public final class MarginComparison {
    private static final MathContext MC = MathContext.DECIMAL128;

    /** How the isolated side's margin is split over the positions. */
    public enum IsolatedSplit {
        /** Each position keeps its isolated margin; a cross one gets its initial margin at entry. */
        AS_ENTERED,
        /** The {@link #AS_ENTERED} total split in proportion to each position's initial margin at entry. */
        PROPORTIONAL_TO_INITIAL_MARGIN
    }

    /** Which cross wallet the cross side has. */
    public enum CrossWallet {
        /** The account's cross wallet plus the isolated margin of the positions entered as isolated (default). */
        WORKSPACE_WALLET_PLUS_MARGINS,
        /** The isolated side's total margin only: both sides risk the same capital. */
        SAME_CAPITAL_AS_ISOLATED
    }

    /**
     * The two variants of an account.
     *
     * @param entered              the account as given
     * @param isolated             every position isolated, with the margins of the split and the
 *                             free wallet {@code max(0, crossWallet − isolatedTotalMargin)}
     * @param cross                every position cross, with the chosen wallet
     * @param isolatedMargins      the isolated side's margin per position, in account order,
     *                             settlement currency; unmodifiable
     * @param isolatedTotalMargin  {@code Σ isolatedMargins}, settlement currency
     * @param crossWallet          the cross side's wallet, settlement currency
     * @param split                the split used
     * @param wallet               the wallet choice used
     * @param initialMargins       each position's initial margin at entry (the proportional
     *                             split's weights), in account order, settlement currency; unmodifiable
     * @param enteredMargins       each position's margin as entered, before the split: its own
     *                             isolated margin, or the venue's default isolated margin
     *                             ({@link VenueRules#defaultIsolatedMargin}); in account order,
     *                             settlement currency; unmodifiable
     */
    public record Variants(Account entered, Account isolated, Account cross, List<BigDecimal> isolatedMargins,
            BigDecimal isolatedTotalMargin, BigDecimal crossWallet, IsolatedSplit split, CrossWallet wallet,
            List<BigDecimal> initialMargins, List<BigDecimal> enteredMargins) {
        /** Copies the margin lists. */
        public Variants {
            isolatedMargins = List.copyOf(isolatedMargins);
            initialMargins = List.copyOf(initialMargins);
            enteredMargins = List.copyOf(enteredMargins);
        }
    }

    /**
     * Both variants evaluated at one shock.
     *
     * @param isolated  the isolated variant's evaluation
     * @param cross     the cross variant's evaluation
     */
    public record Evaluation(AccountRisk isolated, AccountRisk cross) {
    }

    private MarginComparison() {
    }

    /**
     * Builds the all-isolated and all-cross variants of an account.
     *
     * <p>Example (worked in {@code MarginComparisonTest}): 0.5 BTC long isolated with 1,500 USDT
     * and a 10,000 USDT cross wallet: the isolated side keeps 1,500; the cross side's wallet is
     * {@code 10,000 + 1,500 = 11,500} ({@code WORKSPACE_WALLET_PLUS_MARGINS}) or {@code 1,500}
     * ({@code SAME_CAPITAL_AS_ISOLATED}).
     *
     * @param account  the account, not null
     * @param split    how to split the isolated side's margin, not null
     * @param wallet   the cross side's wallet, not null
     * @return the variants, never null
     * @throws ValidationException ({@code split}, {@code crossWallet}) if an option is missing;
     *         ({@code positions[i].field}) as {@link MarginEngine#check} if a position breaks a
     *         venue rule
     */
    public static Variants variants(Account account, IsolatedSplit split, CrossWallet wallet) {
        return variants(account, split, wallet, null);
    }

    /**
     * Builds the variants as {@link #variants(Account, IsolatedSplit, CrossWallet)} does, taking
     * over from {@code previous} what belongs to one position alone wherever the account holds the
     * same {@link Position} instance as {@code previous.entered()} on the same venue: its check,
     * its initial margin at entry and its margin as entered; and, when its margin on the isolated
     * side is also equal (value and scale), its isolated and cross variants themselves, so that an
     * evaluation reusing valuations ({@link MarginEngine#evaluateReusing}) finds the same
     * instances. The result is equal, value and scale, to the three-argument form's. For a caller
     * that builds the variants again after each edit of one position (the app's comparison tab).
     *
     * @param account   the account, not null
     * @param split     how the isolated side's margin is split, not null
     * @param wallet    the cross side's wallet, not null
     * @param previous  the variants built before, of an earlier state of this account, or null
     * @return the variants, never null
     * @throws ValidationException as {@link #variants(Account, IsolatedSplit, CrossWallet)}
     */
    public static Variants variants(Account account, IsolatedSplit split, CrossWallet wallet, Variants previous) {
        Checks.notNull(account, "account");
        Checks.notNull(split, "split");
        Checks.notNull(wallet, "crossWallet");
        List<Position> positions = account.positions();
        int n = positions.size();
        VenueRules venue = account.venue();
        // where each position of the previous variants was, by instance (same venue only)
        Map<Position, Integer> before = new IdentityHashMap<>();
        if (previous != null && previous.entered().venue() == venue) {
            List<Position> old = previous.entered().positions();
            for (int k = 0; k < old.size(); k++) {
                before.put(old.get(k), k);
            }
        }
        int[] from = new int[n];
        List<BigDecimal> initialMargins = new ArrayList<>(n);
        List<BigDecimal> asEntered = new ArrayList<>(n);
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal totalIm = BigDecimal.ZERO;
        BigDecimal enteredIsolated = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            Position p = positions.get(i);
            Integer k = before.get(p);
            from[i] = k == null ? -1 : k;
            BigDecimal im;
            BigDecimal m;
            if (k != null) {
                im = previous.initialMargins().get(k);
                m = previous.enteredMargins().get(k);
            } else {
                try {
                    MarginEngine.DEFAULT.check(p, venue);
                    im = venue.valueAtMark(p, venue.schedule(p)).initialMarginAtEntry();
                } catch (ValidationException e) {
                    throw e.within("positions[" + i + "]");
                }
                // on the isolated side a position holds the venue's default isolated margin (the initial
                // margin, plus the fee to close where the venue reserves it) unless it states its own;
                // the initial margins stay the weights of the proportional split
                m = p.marginMode() == MarginMode.ISOLATED && p.isolatedMargin() != null ? p.isolatedMargin()
                        : venue.defaultIsolatedMargin(p);
            }
            initialMargins.add(im);
            if (p.marginMode() == MarginMode.ISOLATED) {
                enteredIsolated = enteredIsolated.add(m);
            }
            asEntered.add(m);
            total = total.add(m);
            totalIm = totalIm.add(im);
        }
        List<BigDecimal> margins = asEntered;
        if (split == IsolatedSplit.PROPORTIONAL_TO_INITIAL_MARGIN && n > 0) {
            margins = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                margins.add(total.multiply(initialMargins.get(i)).divide(totalIm, MC));
            }
        }
        List<Position> isolated = new ArrayList<>(n);
        List<Position> cross = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Position p = positions.get(i);
            int k = from[i];
            if (k >= 0) {
                // the same position: its variants are the same unless its isolated margin changed
                // (the proportional split moves every margin when one weight changes)
                Position was = previous.isolated().positions().get(k);
                BigDecimal margin = margins.get(i);
                isolated.add(margin.equals(was.isolatedMargin()) ? was
                        : p.toBuilder().marginMode(MarginMode.ISOLATED).isolatedMargin(margin).build());
                cross.add(previous.cross().positions().get(k));
                continue;
            }
            isolated.add(p.toBuilder().marginMode(MarginMode.ISOLATED).isolatedMargin(margins.get(i)).build());
            cross.add(p.toBuilder().marginMode(MarginMode.CROSS).isolatedMargin(null).build());
        }
        BigDecimal crossWallet = wallet == CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS
                ? account.walletBalance().add(enteredIsolated)
                : total;
        BigDecimal freeWallet = crossWallet.subtract(total).max(BigDecimal.ZERO);
        return new Variants(account, Account.of(account.venue(), freeWallet, isolated),
                Account.of(account.venue(), crossWallet, cross), Collections.unmodifiableList(margins), total,
                crossWallet, split, wallet, initialMargins, asEntered);
    }

    /**
     * Evaluates both variants at a shock of the marks.
     *
     * @param variants  the variants, not null
     * @param scope     which marks the shock moves, not null
     * @param shock     the shock, a fraction &gt; −1 (0 for the marks as entered), not null
     * @return both evaluations, never null
     * @throws ValidationException ({@code shock}) if the shock is ≤ −1
     */
    public static Evaluation evaluate(Variants variants, ShockScope scope, BigDecimal shock) {
        Checks.notNull(variants, "variants");
        Checks.notNull(scope, "scope");
        return new Evaluation(MarginEngine.DEFAULT.evaluate(scope.apply(variants.isolated(), shock)),
                MarginEngine.DEFAULT.evaluate(scope.apply(variants.cross(), shock)));
    }
}
