package org.marginlab.engine.replay;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One liquidation on a replayed path. Amounts in the settlement currency, prices in quote per
 * base, full precision.
 *
 * @param time              when it happens: for an isolated position the first instant its
 *                          interpolated mark reaches its liquidation price (to the nanosecond); for
 *                          a cross position the first millisecond at which the cross account meets
 *                          its liquidation condition (see {@link PathReplay})
 * @param side              which walked account it belongs to
 * @param positionId        the closed position's id
 * @param symbol            its symbol
 * @param mark              its mark at that instant (an isolated position: its liquidation price)
 * @param liquidationPrice  its liquidation price just before the close, as the engine computes it
 *                          at the marks of that instant (a cross position's depends on the others'),
 *                          or null if it had none
 * @param equityLost        what the close costs the side, {@code fee − realized PnL}, as the
 *                          comparison's cascade counts it ({@code whatif.LiquidationEvent#loss}):
 *                          an isolated position's margin less what is returned; a cross
 *                          position's realized loss plus the fee taken from the shared wallet
 */
public record LiquidationEvent(Instant time, ReplaySide side, String positionId, String symbol, BigDecimal mark,
        BigDecimal liquidationPrice, BigDecimal equityLost) {
}
