package org.marginlab.app.compare;

/**
 * One position of the comparison table at the current shock: its figures isolated and cross,
 * side by side, and the sentence that says what changes. Immutable display data; the view only
 * binds it.
 *
 * @param positionId          the position's id (used in node ids)
 * @param label               e.g. {@code btc-long (BTCUSDT long)}
 * @param liquidationPrice    liquidation price, quote per base, or {@code liq. −4.6 %}: the shock that
 *                            liquidated it ({@code liq. now}: already at the marks as entered)
 * @param distance            distance to liquidation, % of the (shocked) mark
 * @param marginRatio         isolated: the position's margin ratio; cross: the account's
 * @param maxLoss             isolated: its margin; cross: the whole cross equity; once liquidated,
 *                            what the close lost, negative
 * @param capital             isolated: its margin; cross: its initial margin at the mark
 * @param isolatedLiquidated  whether the isolated side has liquidated it at the current shock
 * @param crossLiquidated     whether the cross cascade has closed it at the current shock
 * @param sentence            what changes between the two, in words
 */
public record ComparisonRow(
        String positionId,
        String label,
        SidePair liquidationPrice,
        SidePair distance,
        SidePair marginRatio,
        SidePair maxLoss,
        SidePair capital,
        boolean isolatedLiquidated,
        boolean crossLiquidated,
        String sentence) {
}
