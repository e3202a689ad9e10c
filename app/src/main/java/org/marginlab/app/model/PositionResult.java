package org.marginlab.app.model;

import java.math.BigDecimal;
import java.util.Map;

import org.marginlab.engine.Position;
import org.marginlab.engine.DisplayPrices;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.tier.TickSizes;

/**
 * One position's slice of an {@link Evaluation}: its draft, what parsing made of it, and the
 * figures the engine computed for it in the account at the shocked marks.
 *
 * @param draft             the typed position, not null
 * @param parsed            the parser's outcome for the current text, not null
 * @param errors            one error per input that breaks a rule now (parsing, the venue's
 *                          checks, a refused leverage transfer, the what-if's bound); unmodifiable
 * @param problem           a rule about the position as a whole (unknown symbol, mixed contract
 *                          types), or null
 * @param used              the position that takes part in the account: the parsed one, or while
 *                          an input is invalid the last valid one (so the other cross positions'
 *                          figures do not jump while the user types); null if it never was valid
 * @param stale             whether the figures belong to {@code used} rather than to the current
 *                          text (an input is invalid)
 * @param risk              the engine's figures at the shocked mark, or null when the position takes
 *                          no part
 * @param liquidated        whether the position is liquidated at the shocked mark (spec §4: the
 *                          mark is at or beyond its liquidation price; a cross position when the
 *                          cross account is)
 * @param shockedMark       the mark the figures are at (the typed mark moved by the shock), or null
 * @param maxAddableMargin  the most margin that can be added now (the account's available balance
 *                          at the typed marks), settlement currency; null for a cross position
 * @param whatIf            the margin what-if of this position, or null when none is pending
 * @param tickSize          the instrument's price tick (the position's own, else the venue's bundled
 *                          one, {@link TickSizes}), or null when none is known
 * @param lazyCosts         the position's costs, worked out when first asked for ({@link #costs()}),
 *                          or null when the position takes no part
 */
public record PositionResult(PositionDraft draft, PositionParser.Parsed parsed, Map<InputField, FieldError> errors,
        FieldError problem, Position used, boolean stale, PositionRisk risk, boolean liquidated, BigDecimal shockedMark,
        BigDecimal maxAddableMargin, WhatIfResult whatIf, BigDecimal tickSize, LazyCosts lazyCosts) {

    /** Makes the error map unmodifiable. */
    public PositionResult {
        errors = Map.copyOf(errors);
    }

    /**
     * The position's own costs and probability of liquidation at {@link #shockedMark}, worked out
     * when first asked for ({@link LazyCosts}).
     *
     * @return the costs, or null when the position takes no part or the engine refuses an input
     */
    public PositionCosts costs() {
        return lazyCosts == null ? null : lazyCosts.get();
    }

    /**
     * The liquidation or bankruptcy price as every view shows it (spec venues-v2.md §11 rule 2):
     * rounded to the tick toward the entry (long up, short down, {@link DisplayPrices}) when the
     * tick is known, so the shown price is never later than the true one; else unchanged (views then
     * round half-up to their decimals, as Binance prints its FAQ's 26,316.8933 as 26,316.89).
     *
     * @param price  a liquidation or bankruptcy price of this position at full precision, or null
     * @return the price to show, or null when {@code price} is null
     */
    public BigDecimal shownPrice(BigDecimal price) {
        return used == null ? price : DisplayPrices.shown(price, tickSize, used.side());
    }

    /** @return the position's id */
    public String id() {
        return draft.id();
    }

    /**
     * @param field  an input
     * @return its error, or null when it breaks no rule
     */
    public FieldError error(InputField field) {
        return errors.get(field);
    }

    /**
     * A margin what-if: the typed change, and the position's figures after every pending
     * transfer of the draft is applied, or why it cannot be applied.
     *
     * @param delta  the parsed change (+ add, − remove), settlement currency, or null when the text
     *               is not a number
     * @param after  the position's figures in the account after the transfers, or null when the
     *               change is refused or zero
     * @param error  why the change is refused (naming the bound and its value), or null
     */
    public record WhatIfResult(BigDecimal delta, PositionRisk after, FieldError error) {
    }
}
