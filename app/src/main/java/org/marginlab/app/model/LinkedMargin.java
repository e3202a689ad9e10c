package org.marginlab.app.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Position;
import org.marginlab.engine.venue.VenueRules;

/**
 * The isolated margin of a position whose margin follows its leverage: the venue's default
 * isolated margin ({@link VenueRules#defaultIsolatedMargin}: the initial margin at entry,
 * {@code Q·CS·EP / leverage} (linear, quote) or {@code Q·CS / (EP·leverage)} (inverse, coin),
 * plus the fee to close where the venue's position margin reserves it: Phemex, Bybit UTA), spec
 * workspace-and-cli.md §1 ({@code isolatedMargin} default), §4 (leverage change) and venues-v2.md §13,
 * rounded up to {@value #SCALE} decimals ({@link RoundingMode#UP}) so that it is an amount a
 * wallet can hold and a field can show exactly; the venue takes at least the initial margin.
 */
public final class LinkedMargin {
    /** Decimals of a linked margin (satoshi for coin, the venues' 8 decimals for USDT). */
    public static final int SCALE = 8;

    private LinkedMargin() {
    }

    /**
     * @param p      a position, not null
     * @param venue  its venue's rules, or null when the venue is unknown (the initial margin at
     *               entry then)
     * @return its default isolated margin, rounded up to {@value #SCALE} decimals, settlement
     *         currency, &gt; 0
     */
    public static BigDecimal of(Position p, VenueRules venue) {
        return exact(p, venue).setScale(SCALE, RoundingMode.UP).stripTrailingZeros();
    }

    /**
     * @param p      an isolated position, not null
     * @param venue  its venue's rules, or null
     * @return the isolated margin it holds: as stated, or the engine's exact default when none is
     *         stated
     */
    public static BigDecimal held(Position p, VenueRules venue) {
        if (p.isolatedMargin() != null) {
            return p.isolatedMargin();
        }
        return exact(p, venue);
    }

    private static BigDecimal exact(Position p, VenueRules venue) {
        if (venue != null) {
            try {
                return venue.defaultIsolatedMargin(p);
            } catch (org.marginlab.engine.ValidationException e) {
                // the venue cannot price it (no tier table for the symbol): the position is reported
                // by its own check; meanwhile its margin is the plain initial margin
            }
        }
        return initialMarginAtEntry(p);
    }

    /**
     * The exact initial margin at entry, computed as the engine computes its default isolated
     * margin (notional at entry, then one division by the leverage, {@link MathContext#DECIMAL128}).
     */
    private static BigDecimal initialMarginAtEntry(Position p) {
        BigDecimal notionalAtEntry = p.contract() == ContractType.INVERSE
                ? p.quantity().multiply(p.contractSize()).divide(p.entryPrice(), MathContext.DECIMAL128)
                : p.quantity().multiply(p.contractSize()).multiply(p.entryPrice());
        return notionalAtEntry.divide(p.leverage(), MathContext.DECIMAL128);
    }
}
