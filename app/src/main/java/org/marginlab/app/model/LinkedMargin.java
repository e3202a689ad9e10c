package org.marginlab.app.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Position;

/**
 * The isolated margin of a position whose margin follows its leverage: the initial margin at
 * entry, {@code Q·CS·EP / leverage} (linear, quote) or {@code Q·CS / (EP·leverage)} (inverse,
 * coin), spec workspace-and-cli.md §1 ({@code isolatedMargin} default) and §4 (leverage change),
 * rounded up to {@value #SCALE} decimals ({@link RoundingMode#UP}) so that it is an amount a
 * wallet can hold and a field can show exactly; the venue takes at least the initial margin.
 */
public final class LinkedMargin {
    /** Decimals of a linked margin (satoshi for coin, the venues' 8 decimals for USDT). */
    public static final int SCALE = 8;

    private LinkedMargin() {
    }

    /**
     * @param p  a position, not null
     * @return its initial margin at entry, rounded up to {@value #SCALE} decimals, settlement
     *         currency, &gt; 0
     */
    public static BigDecimal of(Position p) {
        return initialMarginAtEntry(p).setScale(SCALE, RoundingMode.UP).stripTrailingZeros();
    }

    /**
     * @param p  an isolated position, not null
     * @return the isolated margin it holds: as stated, or the engine's default (the exact
     *         initial margin at entry) when none is stated
     */
    public static BigDecimal held(Position p) {
        if (p.isolatedMargin() != null) {
            return p.isolatedMargin();
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
