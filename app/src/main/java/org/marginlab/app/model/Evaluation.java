package org.marginlab.app.model;

import java.math.BigDecimal;
import java.util.List;

import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.whatif.AccountOutcome;
import org.marginlab.engine.whatif.ShockScope;

/**
 * Everything the app shows for one {@link Draft}, computed once per edit by
 * {@link Evaluator#evaluate}: the parsed inputs or their errors, the account at the typed and at
 * the shocked marks, the engine's figures, the liquidated state and total equity of spec
 * workspace-and-cli.md §4, and the account after the pending what-ifs. Every tab and every
 * view-model reads its slice of the one current evaluation; {@code marginlab calc} prints one.
 *
 * <p>Immutable and thread-safe. Amounts in the settlement currency ({@link #currency()}), prices
 * in quote per base, ratios as fractions, all at full precision; views round for display.
 *
 * @param draft           what was evaluated, not null
 * @param venue           the venue's rules, or null when the draft's venue id is unknown
 * @param venueError      why the venue is unknown, or null
 * @param wallet          the cross wallet used: the typed one, or while it is invalid the last
 *                        valid one (0 at first)
 * @param walletError     why the typed wallet is invalid, or null
 * @param shock           the price shock used, a fraction in [−0.9, 2] (0 for none)
 * @param shockError      why the typed shock is invalid (the last valid one is used), or null
 * @param scope           which marks the shock moves
 * @param positions       one result per position, in the draft's order; unmodifiable
 * @param entered         the account at the typed marks (positions that take part), or null when
 *                        it could not be built
 * @param shocked         {@code entered} with the shock applied to its marks, or null
 * @param risk            the engine's evaluation of {@code shocked}, or null
 * @param outcome         liquidated state and total equity at the shock (§4), or null
 * @param afterEntered    the account after every pending what-if, at the typed marks; null when
 *                        no what-if moves money
 * @param afterRisk       the engine's evaluation of {@code afterEntered} at the shock, or null
 * @param afterOutcome    liquidated state and total equity after the what-ifs, or null
 * @param pendingErrors   why pending what-ifs were refused, in their order, each naming the position,
 *                        the field, the bound and its value
 * @param problem         an account-level message (unknown venue, mixed contract types, a rule
 *                        the engine refused), or empty; never null
 * @param currency        the settlement currency of the account's amounts, e.g. {@code USDT}
 * @param amountDecimals  decimals amounts are shown with (2 for quote currencies, 8 for coins)
 * @param symbols         the distinct symbols of the positions that take part, in order
 * @param valuations      each position's valuation at its shocked mark in {@code risk}, for the
 *                        next evaluation to reuse ({@link org.marginlab.engine.Valuations}), or
 *                        null; not a figure
 */
public record Evaluation(Draft draft, VenueRules venue, FieldError venueError, BigDecimal wallet, FieldError walletError,
        BigDecimal shock, FieldError shockError, ShockScope scope, List<PositionResult> positions,
        Account entered, Account shocked, AccountRisk risk, AccountOutcome outcome,
        Account afterEntered, AccountRisk afterRisk, AccountOutcome afterOutcome, List<PendingError> pendingErrors,
        String problem, String currency, int amountDecimals, List<String> symbols,
        org.marginlab.engine.Valuations valuations) {

    /** Copies the lists. */
    public Evaluation {
        positions = List.copyOf(positions);
        symbols = List.copyOf(symbols);
        pendingErrors = List.copyOf(pendingErrors);
        problem = problem == null ? "" : problem;
    }

    /**
     * @param id  a position id
     * @return that position's result, or null if the draft has none
     */
    public PositionResult position(String id) {
        int i = draft.indexOf(id);
        return i < 0 ? null : positions.get(i);
    }

    /** @return whether a what-if moves money, so that {@link #afterRisk()} is there */
    public boolean hasAfter() {
        return afterRisk != null;
    }

    /** @return total equity per §4 (liquidated positions count what the liquidation model leaves), or null */
    public BigDecimal totalEquity() {
        return outcome == null ? null : outcome.totalEquity();
    }

    /** @return whether the cross account is liquidated at the shock */
    public boolean crossLiquidated() {
        return outcome != null && outcome.crossLiquidated();
    }
}
