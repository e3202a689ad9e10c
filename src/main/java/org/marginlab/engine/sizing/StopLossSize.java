package org.marginlab.engine.sizing;

import java.math.BigDecimal;

import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;

/**
 * A position sized from an entry, a stop and a risk amount, and its evaluation by the engine
 * ({@link StopLossSizer#size}).
 *
 * <p>Units as in {@link Position} and {@link PositionRisk}: amounts in the settlement currency
 * (quote for linear, coin for inverse), prices in quote per base. Immutable and thread-safe.
 *
 * @param position              the sized position: isolated, margin the initial margin at entry,
 *                              mark = entry
 * @param lossAtStop            the loss if the stop fills at the stop price, settlement currency,
 *                              ≥ 0 and ≤ the risk amount (fees and slippage not included)
 * @param risk                  the engine's evaluation of {@code position} on the venue
 * @param liquidatedBeforeStop  whether the liquidation price lies between the entry and the stop
 *                              (long: {@code LP ≥ stop}; short: {@code LP ≤ stop}), so the
 *                              position would be liquidated before the stop triggers; false when
 *                              the position has no liquidation price
 */
public record StopLossSize(Position position, BigDecimal lossAtStop, PositionRisk risk, boolean liquidatedBeforeStop) {

    /** @return the sized quantity, base units (linear) or contracts (inverse), &gt; 0; never null */
    public BigDecimal quantity() {
        return position.quantity();
    }

    /** @return the liquidation price, quote per base, or null if the position has none */
    public BigDecimal liquidationPrice() {
        return risk.liquidationPrice();
    }
}
