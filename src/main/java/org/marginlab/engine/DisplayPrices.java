package org.marginlab.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.marginlab.engine.internal.Checks;

/**
 * Rounding of displayed prices to a venue's tick (spec venues-v2.md §11). The engine computes
 * every price at full precision and reports it so; only display rounds.
 *
 * <p>MarginLab's rule (§11 rule 2): a liquidation or bankruptcy price is rounded to the tick
 * <em>toward the entry price</em> — a long's up (ceiling), a short's down (floor) — so that the
 * displayed liquidation is never later than the true one. Uncertain (spec §14 #17): none of the
 * v2 venues documents the direction (Bybit's long-up, short-down is only observed); followed: the
 * conservative rule. A venue that documents otherwise is rounded with {@link #toTick} and its
 * own mode.
 *
 * <p>Stateless and thread-safe.
 */
public final class DisplayPrices {
    private DisplayPrices() {
    }

    /**
     * A liquidation or bankruptcy price rounded to the tick toward the entry: long
     * {@link RoundingMode#CEILING}, short {@link RoundingMode#FLOOR}. E.g. tick 0.5: a long's
     * 61,835.7488 shows 61,836.0; a short's 66,321.2435 shows 66,321.0 (vectors
     * {@code general-display-rounding-long-derived}, {@code -short-derived}).
     *
     * @param price     the price at full precision, &gt; 0, not null
     * @param tickSize  the venue's tick, &gt; 0, not null
     * @param side      the position's side, not null
     * @return the displayed price, a whole number of ticks (at least one: a short's price below one
     *         tick shows one tick, never 0), at the tick's scale; never null
     * @throws ValidationException naming a missing or non-positive value
     */
    public static BigDecimal liquidationPrice(BigDecimal price, BigDecimal tickSize, Side side) {
        Checks.notNull(side, "side");
        BigDecimal shown = toTick(price, tickSize, side == Side.LONG ? RoundingMode.CEILING : RoundingMode.FLOOR);
        // a price is never shown as 0: a short's price below one tick shows one tick
        return shown.signum() > 0 ? shown : tickSize.setScale(Math.max(tickSize.scale(), 0), RoundingMode.UNNECESSARY);
    }

    /**
     * A liquidation or bankruptcy price as a view shows it: on the tick toward the entry
     * ({@link #liquidationPrice}) when the tick is known, else as it is (the view then rounds it
     * to its own decimals).
     *
     * @param price     the price at full precision, or null (none)
     * @param tickSize  the instrument's tick, or null when none is known
     * @param side      the position's side, not null
     * @return the price to show, or null when {@code price} is null
     */
    public static BigDecimal shown(BigDecimal price, BigDecimal tickSize, Side side) {
        return price == null || tickSize == null ? price : liquidationPrice(price, tickSize, side);
    }

    /**
     * A price rounded to a whole number of ticks.
     *
     * @param price     the price, &gt; 0, not null
     * @param tickSize  the tick, &gt; 0, not null
     * @param mode      how to round, not null
     * @return {@code round(price/tick)·tick} at the tick's scale; never null
     * @throws ValidationException naming a missing or non-positive value; ({@code price}) if
     *         {@code mode} is {@link RoundingMode#UNNECESSARY} and the price is off the tick
     */
    public static BigDecimal toTick(BigDecimal price, BigDecimal tickSize, RoundingMode mode) {
        Checks.positive(price, "price");
        Checks.positive(tickSize, "tickSize");
        Checks.notNull(mode, "mode");
        BigDecimal ticks;
        try {
            ticks = price.divide(tickSize, 0, mode);
        } catch (ArithmeticException e) {
            // only RoundingMode.UNNECESSARY throws, when the price is not on the tick
            throw new ValidationException("price", "must be a whole number of ticks of " + tickSize.toPlainString()
                    + " when rounding is UNNECESSARY", price);
        }
        return ticks.multiply(tickSize).setScale(Math.max(tickSize.scale(), 0), RoundingMode.UNNECESSARY);
    }
}
