package org.marginlab.engine.sizing;

import java.math.BigDecimal;

import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;

/**
 * The position after one fill of a scale-in ladder ({@link Ladder#plan}), evaluated by the engine
 * at a mark equal to that fill's price.
 *
 * <p>Units as in {@link Position} and {@link PositionRisk}: quantities in base units (linear) or
 * contracts (inverse), always positive; prices in quote per base; amounts in the settlement
 * currency (quote for linear, coin for inverse); {@code distanceToLiquidation} a fraction of the
 * fill price. Immutable and thread-safe.
 *
 * @param fill                       1-based number of the fill in the ladder
 * @param fillPrice                  the fill's price, quote per base
 * @param fillQuantity               the fill's own size (given, or from its amount), &gt; 0
 * @param position                   the whole position after the fill: the cumulative quantity,
 *                                   the average entry price ({@link TradeMath#averageEntryPrice}:
 *                                   linear weighted, inverse harmonic), mark = the fill price, and
 *                                   (isolated) the venue's default isolated margin at the new entry
 * @param risk                       the engine's evaluation of {@code position} on the venue
 * @param nextFillBeyondLiquidation  whether the next fill's price lies at or beyond this step's
 *                                   liquidation price (long: {@code next ≤ LP}; short:
 *                                   {@code next ≥ LP}): the position would be liquidated before
 *                                   that fill; false for the last fill or without a liquidation
 *                                   price
 */
public record LadderStep(int fill, BigDecimal fillPrice, BigDecimal fillQuantity, Position position, PositionRisk risk,
        boolean nextFillBeyondLiquidation) {

    /** @return the cumulative quantity after this fill, &gt; 0; never null */
    public BigDecimal quantity() {
        return position.quantity();
    }

    /** @return the average entry price after this fill, quote per base, &gt; 0; never null */
    public BigDecimal averageEntryPrice() {
        return position.entryPrice();
    }

    /** @return the notional at the fill price, settlement currency; never null */
    public BigDecimal notional() {
        return risk.notional();
    }

    /** @return the initial margin at the average entry ({@code notional at entry / leverage}); never null */
    public BigDecimal initialMargin() {
        return risk.initialMargin();
    }

    /**
     * @return the isolated margin after this fill (the venue's default at the new entry: the initial
     *         margin, plus the fee to close on venues that reserve it), or null for cross
     */
    public BigDecimal isolatedMargin() {
        return risk.marginMode() == MarginMode.CROSS ? null : risk.isolatedMargin();
    }

    /** @return the liquidation price after this fill, quote per base, or null if there is none */
    public BigDecimal liquidationPrice() {
        return risk.liquidationPrice();
    }

    /** @return the bankruptcy price after this fill, quote per base, or null if there is none */
    public BigDecimal bankruptcyPrice() {
        return risk.bankruptcyPrice();
    }

    /**
     * @return {@code |fillPrice − liquidationPrice| / fillPrice}, a fraction; null without a
     *         liquidation price or when the position is already liquidated at the fill price
     */
    public BigDecimal distanceToLiquidation() {
        return risk.liquidated() ? null : risk.distanceToLiquidation();
    }

    /** @return whether the position is at or beyond its liquidation condition at the fill price */
    public boolean liquidated() {
        return risk.liquidated();
    }
}
