package org.marginlab.engine.whatif;

import java.math.BigDecimal;

import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Side;

/**
 * One liquidation found by {@link LiquidationCascade}: which position is closed, at which shock
 * and mark, and what it costs. Amounts in the settlement currency at full precision; the shock
 * a fraction (−0.098 = a 9.8 % drop).
 *
 * @param shock             the shock at which the position is closed, a fraction; 0 when it is
 *                          already liquidated at the marks as entered
 * @param positionId        the closed position's id
 * @param symbol            its symbol
 * @param side              its side
 * @param marginMode        isolated (closed on its own margin) or cross (closed by the account's
 *                          liquidation)
 * @param markPrice         its mark price at that shock (an isolated position's liquidation price)
 * @param realizedPnl       its PnL at that mark, realized by the close; positive is a gain (an
 *                          isolated loss is capped at its margin)
 * @param fee               the liquidation fee charged, ≥ 0 (see {@link LiquidationCascade})
 * @param loss              what the close costs the trader, {@code fee − realizedPnl}: for an
 *                          isolated position its margin less what is returned, for a cross
 *                          position what leaves the shared wallet
 * @param crossWalletAfter  the cross wallet right after this event, ≥ 0 once every cross
 *                          position is closed (a shortfall goes to the insurance fund)
 * @param accountGone       whether this event closes the last open position of the account
 */
public record LiquidationEvent(
        BigDecimal shock,
        String positionId,
        String symbol,
        Side side,
        MarginMode marginMode,
        BigDecimal markPrice,
        BigDecimal realizedPnl,
        BigDecimal fee,
        BigDecimal loss,
        BigDecimal crossWalletAfter,
        boolean accountGone) {
}
