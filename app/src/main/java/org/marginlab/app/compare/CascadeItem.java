package org.marginlab.app.compare;

/**
 * One liquidation reached at the current shock, for the ordered lists.
 *
 * @param order       1-based position in its side's order
 * @param positionId  the closed position's id
 * @param headline    e.g. {@code 1. −4.6 %  btc-long (BTCUSDT long) at 57,228.92}
 * @param detail      what it cost, e.g. {@code loses its 600.00 USDT margin}
 * @param accountGone whether it closed the last open position
 */
public record CascadeItem(int order, String positionId, String headline, String detail, boolean accountGone) {
    @Override
    public String toString() {
        return headline + " — " + detail;
    }
}
