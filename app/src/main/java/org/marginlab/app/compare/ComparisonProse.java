package org.marginlab.app.compare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.Position;
import org.marginlab.engine.whatif.CascadeResult;
import org.marginlab.engine.whatif.LiquidationEvent;
import org.marginlab.engine.whatif.MarginComparison.CrossWallet;
import org.marginlab.engine.whatif.MarginComparison.IsolatedSplit;
import org.marginlab.engine.whatif.ShockScope;
import org.marginlab.engine.whatif.ShockSweep;

/**
 * The comparison's words, but for the sentence per position ({@link ComparisonSentences}): the
 * shock as a move of the marks, the table's labels, each side's account lines (capital, equity,
 * margin ratio, outcome, where the account ends), the chart's labels and the options' labels
 * (the ordered liquidation lists: {@link CascadeItems}). English, with the account's formats
 * ({@link CompareText}).
 *
 * <p>It writes what it is given and what the engine's walks ({@link ShockSweep}) hold; it never
 * calls the engine. Shocks are fractions of the mark ({@code −0.153} is a 15.3 % drop), written
 * in percent with one decimal, half-up; amounts are in the settlement currency with its decimals
 * ({@link CompareText#amount}); prices in quote per base.
 *
 * <p>A plain class without JavaFX types. Not thread-safe (the formats are not).
 */
final class ComparisonProse {
    /** The label of the fee option where the venue keeps the whole maintenance margin (the default). */
    static final String FEE_WHOLE_MAINTENANCE_MARGIN = "the maintenance margin (default)";
    /** The label of the fee option where the venue keeps half the maintenance margin. */
    static final String FEE_HALF_MAINTENANCE_MARGIN = "half the maintenance margin";
    /** The label of the fee option without a liquidation fee. */
    static final String FEE_NONE = "none";

    private final CompareText text;

    /**
     * @param text  the formats (locale, settlement currency and its decimals), not null; shared,
     *              so a currency change shows in the next text written
     */
    ComparisonProse(CompareText text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    // ---- positions and moves ----------------------------------------------------------------

    /**
     * A shock as a move of the marks: {@code a 9.8 % BTCUSDT drop}, {@code an 80.0 % market-wide
     * rise}. The subject is the shocked symbol, or the only symbol of the account when the shock
     * moves every mark, else {@code market-wide}.
     *
     * @param shock    a shock, a fraction of the mark, not null
     * @param scope    which marks it moves, not null
     * @param entered  the account's positions as entered, not null
     * @return the move in words
     */
    String move(BigDecimal shock, ShockScope scope, List<Position> entered) {
        String number = text.magnitude(shock);
        return article(number) + " " + number + " % " + subject(scope, entered) + (shock.signum() < 0 ? "drop" : "rise");
    }

    /** The last subject worked out, for the list of positions it was worked out from (by instance). */
    private record Subject(ShockScope scope, List<Position> entered, String text) {
    }

    private volatile Subject lastSubject;

    /**
     * The shocked symbol, the account's only symbol, or {@code market-wide}, followed by a space.
     * Every sentence of a comparison (one per position) names it: it is worked out once per list
     * of positions, not once per sentence (a scan of the whole account each time).
     */
    private String subject(ShockScope scope, List<Position> entered) {
        if (!scope.isAll()) {
            return scope.symbol() + " ";
        }
        Subject last = lastSubject;
        if (last != null && last.entered() == entered && last.scope().equals(scope)) {
            return last.text();
        }
        Set<String> symbols = new LinkedHashSet<>();
        for (Position q : entered) {
            symbols.add(q.symbol());
        }
        String text = symbols.size() == 1 ? symbols.iterator().next() + " " : "market-wide ";
        lastSubject = new Subject(scope, entered, text);
        return text;
    }

    /**
     * The indefinite article before a number as it is read aloud.
     *
     * @param number  a formatted number, e.g. {@code 83.0}
     * @return {@code an} before a number read with a vowel sound (8, 11, 18, 80–89, 800…), else {@code a}
     */
    static String article(String number) {
        String digits = number.replaceAll("[^0-9].*$", "");
        boolean vowel = number.startsWith("8") || digits.equals("11") || digits.equals("18");
        return vowel ? "an" : "a";
    }

    /**
     * @param p  a position, not null
     * @return the table's label of it: {@code btc-long (BTCUSDT long)}
     */
    String position(Position p) {
        return p.id() + " (" + p.symbol() + " " + p.side().id() + ")";
    }

    /**
     * @param e  a liquidation reached at the current shock, not null
     * @return what a table cell shows instead of its liquidation price: {@code liq. −4.6 %}, the
     *         shock that liquidated it, or {@code liq. now} for a position past liquidation at
     *         the marks as entered
     */
    String liquidated(LiquidationEvent e) {
        return e.shock().signum() == 0 ? "liq. now" : "liq. " + text.shock(e.shock());
    }

    // ---- the account, at the current shock ---------------------------------------------------

    /**
     * @param shock  the current shock, a fraction, not null
     * @param scope  which marks it moves, not null
     * @return e.g. {@code Shock −10.0 % on every mark}, {@code Shock +5.0 % on BTCUSDT}
     */
    String shockDescription(BigDecimal shock, ShockScope scope) {
        return "Shock " + text.shock(shock) + where(scope);
    }

    /**
     * @param totalMargin  the isolated margins together: the most the isolated side can lose
     * @param positions    how many positions
     * @param freeWallet   the isolated side's free wallet, which no liquidation touches
     * @return e.g. {@code Margin at risk: 2,400.00 USDT (2 positions); free wallet 10,000.00 USDT, never touched.}
     */
    String isolatedCapital(BigDecimal totalMargin, int positions, BigDecimal freeWallet) {
        return "Margin at risk: " + text.amount(totalMargin) + " (" + count(positions, "position") + "); free wallet "
                + text.amount(freeWallet) + ", never touched.";
    }

    /**
     * @param wallet     the cross side's wallet, shared by every position
     * @param positions  how many positions
     * @return e.g. {@code Shared wallet: 1,500.00 USDT (1 position).}
     */
    String crossCapital(BigDecimal wallet, int positions) {
        return "Shared wallet: " + text.amount(wallet) + " (" + count(positions, "position") + ").";
    }

    /**
     * @param shock   the current shock, a fraction, not null
     * @param equity  a side's total equity at that shock
     * @return e.g. {@code Equity at −20.0 %: 900.00 USDT}
     */
    String equity(BigDecimal shock, BigDecimal equity) {
        return "Equity at " + text.shock(shock) + ": " + text.amount(equity);
    }

    /**
     * @param risk     the cross side's evaluation at the current shock (after the cascade so far), not null
     * @param balance  its margin balance, floored at 0
     * @return e.g. {@code Margin ratio: 41.49 % (liquidation at ≥ 100 %)}, the direction the venue's
     *         definition of the ratio; {@code Margin ratio: — (every position closed)}
     */
    String crossMarginRatio(AccountRisk risk, BigDecimal balance) {
        if (risk.positions().isEmpty()) {
            return "Margin ratio: — (every position closed)";
        }
        return "Margin ratio: " + text.marginRatio(risk.marginRatio(), balance) + " ("
                + (risk.marginRatioDefinition() == MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES
                        ? "liquidation at ≤ 100 %" : "liquidation at ≥ 100 %") + ")";
    }

    /**
     * The isolated liquidations the current shock has reached, with what they lost together, or
     * the next one in the shock's direction.
     *
     * @param shock    the current shock, a fraction, not null
     * @param reached  the isolated liquidations reached at that shock, in order
     * @param sweep    the isolated side's walks, not null
     * @return e.g. {@code Liquidated at −20.0 %: btc-long, eth-long (−1,800.00 USDT).},
     *         {@code Liquidated at −20.0 %: p0, p3, p6 and 34 more (−21,600.00 USDT).} (three named
     *         at most: {@link #named}) or {@code Nothing liquidated at −3.0 %; next: btc-long at −4.6 %.}
     */
    String isolatedOutcome(BigDecimal shock, List<LiquidationEvent> reached, ShockSweep sweep) {
        String at = text.shock(shock);
        return reached.isEmpty() ? "Nothing liquidated at " + at + next(sweep, shock)
                : "Liquidated at " + at + ": " + named(reached, ", ", " and ") + " ("
                        + text.amount(lost(reached).negate()) + ").";
    }

    /**
     * The cross cascade the current shock has reached, with what it took out of the wallet, or
     * the next liquidation in the shock's direction.
     *
     * @param shock    the current shock, a fraction, not null
     * @param reached  the cross liquidations reached at that shock, in order
     * @param sweep    the cross side's walks, not null
     * @return e.g. {@code Cascade at −20.0 %: btc-long → eth-long → sol-long (−3,300.00 USDT).},
     *         {@code Cascade at −20.0 %: p0 → p3 → p6 → 34 more (−36,000.00 USDT).} (three named
     *         at most: {@link #named}) or {@code Nothing liquidated at −10.0 %; next: btc-long at −15.3 %.}
     */
    String crossOutcome(BigDecimal shock, List<LiquidationEvent> reached, ShockSweep sweep) {
        String at = text.shock(shock);
        return reached.isEmpty() ? "Nothing liquidated at " + at + next(sweep, shock)
                : "Cascade at " + at + ": " + named(reached, " → ", " → ") + " ("
                        + text.amount(lost(reached).negate()) + ").";
    }

    /** {@code ; next: btc-long at −4.6 %.}, or {@code ; none down to −90 %.} */
    private String next(ShockSweep sweep, BigDecimal shock) {
        CascadeResult path = shock.signum() < 0 ? sweep.down() : shock.signum() > 0 ? sweep.up() : null;
        List<String> upcoming = new ArrayList<>(2);
        for (CascadeResult r : path == null ? List.of(sweep.down(), sweep.up()) : List.of(path)) {
            int k = r.countAt(shock);
            if (k < r.events().size()) {
                LiquidationEvent e = r.events().get(k);
                upcoming.add(e.positionId() + " at " + text.shock(e.shock()));
            }
        }
        String none = path == null ? "none within −90 % … +200 %" : path == sweep.down() ? "none down to −90 %"
                : "none up to +200 %";
        return upcoming.isEmpty() ? "; " + none + "." : "; next: " + String.join(" or ", upcoming) + ".";
    }

    /**
     * @param sweep    the isolated side's walks, not null
     * @param scope    which marks the shock moves, not null
     * @param entered  the account's positions as entered, not null
     * @return the shocks at which the last isolated position is liquidated, e.g. {@code All
     *         liquidated at a 32.7 % market-wide drop.}; {@code Some positions survive every shock
     *         from −90 % to +200 %.}; {@code No positions.}
     */
    String isolatedAllGoneAt(ShockSweep sweep, ShockScope scope, List<Position> entered) {
        return gone(sweep, scope, true, entered);
    }

    /**
     * @param sweep    the cross side's walks, not null
     * @param scope    which marks the shock moves, not null
     * @param entered  the account's positions as entered, not null
     * @return the shocks at which the whole cross account goes, e.g. {@code Whole account goes at a
     *         15.3 % market-wide drop.}; {@code The account survives every shock from −90 % to
     *         +200 %.}; {@code No positions.}
     */
    String crossAccountGoesAt(ShockSweep sweep, ShockScope scope, List<Position> entered) {
        return gone(sweep, scope, false, entered);
    }

    private String gone(ShockSweep sweep, ShockScope scope, boolean isolated, List<Position> entered) {
        BigDecimal down = isolated ? sweep.down().allClosedAt() : sweep.down().crossGoneAt();
        BigDecimal up = isolated ? sweep.up().allClosedAt() : sweep.up().crossGoneAt();
        String what = isolated ? "All liquidated" : "Whole account goes";
        if (sweep.account().positions().isEmpty()) {
            return "No positions.";
        }
        if (down == null && up == null) {
            return isolated ? "Some positions survive every shock from −90 % to +200 %."
                    : "The account survives every shock from −90 % to +200 %.";
        }
        List<String> parts = new ArrayList<>(2);
        if (down != null) {
            parts.add(move(down, scope, entered));
        }
        if (up != null) {
            parts.add(move(up, scope, entered));
        }
        return what + " at " + String.join(" or at ", parts) + ".";
    }

    /**
     * @param message  why the engine refused the inputs
     * @return {@code The comparison cannot be computed: } and the message
     */
    String problem(String message) {
        return "The comparison cannot be computed: " + message;
    }

    // ---- the chart ----------------------------------------------------------------------------

    /**
     * @param scope  which marks the shock moves, not null
     * @return the shock axis' label: {@code Shock of every mark (%)}, {@code Shock of BTCUSDT (%)}
     */
    String shockAxis(ShockScope scope) {
        return scope.isAll() ? "Shock of every mark (%)" : "Shock of " + scope.symbol() + " (%)";
    }

    /**
     * @return the equity axis' label with the settlement currency: {@code Equity (USDT)} (short: it
     *         runs up the chart's side; the chart's title says it is the total equity)
     */
    String equityAxis() {
        return "Equity (" + text.currency() + ")";
    }

    /**
     * @param shock  the current shock, a fraction, not null
     * @param scope  which marks it moves, not null
     * @return what the chart's title says of it: {@code now −7.0 % on every mark}
     */
    String chartShock(BigDecimal shock, ShockScope scope) {
        return "now " + text.shock(shock) + where(scope);
    }

    /**
     * @param e     a liquidation, not null
     * @param side  {@code isolated} or {@code cross}
     * @return the chart marker's label: {@code btc-long liquidated (isolated) at −4.6 %}
     */
    String marker(LiquidationEvent e, String side) {
        return e.positionId() + " liquidated (" + side + ") at " + text.shock(e.shock());
    }

    // ---- the options ----------------------------------------------------------------------------

    /**
     * @param split  a split, not null
     * @return how the option list names it
     */
    static String label(IsolatedSplit split) {
        return split == IsolatedSplit.AS_ENTERED ? "margins as entered" : "proportional to initial margin";
    }

    /**
     * @param wallet  a wallet choice, not null
     * @return how the option list names it
     */
    static String label(CrossWallet wallet) {
        return wallet == CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS ? "wallet + isolated margins"
                : "isolated margins only";
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static String where(ShockScope scope) {
        return scope.isAll() ? " on every mark" : " on " + scope.symbol();
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /**
     * The positions an outcome names: all of them up to {@value #NAMED}, else the first
     * {@value #NAMED} and how many more ({@code a, b, c and 34 more}). The ordered list below the
     * outcome names every one; a line naming dozens would wrap anew at every shock step, growing
     * the card and re-laying the chart beside it while the slider is dragged.
     *
     * @param events     the liquidations, in order, not empty
     * @param separator  between two names
     * @param beforeMore before {@code N more}
     */
    static String named(List<LiquidationEvent> events, String separator, String beforeMore) {
        int shown = Math.min(events.size(), NAMED);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            out.append(i == 0 ? "" : separator).append(events.get(i).positionId());
        }
        if (events.size() > shown) {
            out.append(beforeMore).append(events.size() - shown).append(" more");
        }
        return out.toString();
    }

    /** How many positions an outcome names before {@code N more}. */
    static final int NAMED = 3;

    /** What the liquidations cost together, {@code Σ loss}. */
    private static BigDecimal lost(List<LiquidationEvent> events) {
        BigDecimal sum = BigDecimal.ZERO;
        for (LiquidationEvent e : events) {
            sum = sum.add(e.loss());
        }
        return sum;
    }
}
