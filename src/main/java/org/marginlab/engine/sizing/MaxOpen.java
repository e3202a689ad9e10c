package org.marginlab.engine.sizing;

import java.math.BigDecimal;

/**
 * The largest order a balance and a leverage allow ({@link OrderMath#maxOpen}, spec
 * margin-formulas.md §1.4 "Max Open", a community-reported rule [C]).
 *
 * <p>Units: {@code quantity} in base units; {@code notional} in quote. Immutable and
 * thread-safe.
 *
 * @param quantity  the max quantity, base units, ≥ 0
 * @param notional  {@code quantity·orderPrice}, quote, ≥ 0
 * @param limit     what bounds the quantity
 */
public record MaxOpen(BigDecimal quantity, BigDecimal notional, Limit limit) {

    /** What bounds a {@link MaxOpen} quantity. */
    public enum Limit {
        /**
         * The available balance: initial margin plus open loss equals the balance (up to the
         * quantity's rounding down).
         */
        BALANCE,
        /**
         * The tier table's notional cap at the chosen leverage. The cap is exclusive (a notional at
         * the cap is in the next tier, whose max leverage is lower), so the quantity is the
         * supremum {@code cap/orderPrice}: every smaller quantity may be opened.
         */
        TIER_NOTIONAL_CAP
    }
}
