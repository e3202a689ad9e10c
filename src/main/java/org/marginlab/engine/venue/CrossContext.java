package org.marginlab.engine.venue;

import java.math.BigDecimal;

/**
 * What a cross position sees of the rest of its account (spec margin-formulas.md §1.1).
 *
 * @param walletBalance             the cross wallet balance {@code WB}
 * @param otherMaintenanceMargin    {@code TMM1}: Σ maintenance margin of the other cross
 *                                  positions at their marks
 * @param otherUnrealizedPnl        {@code UPNL1}: Σ unrealized PnL of the other cross
 *                                  positions at their marks (side-aware)
 * @param accountMarginBalance      the cross account's margin balance
 * @param accountLiquidated         whether the cross account is at or past liquidation
 */
public record CrossContext(
        BigDecimal walletBalance,
        BigDecimal otherMaintenanceMargin,
        BigDecimal otherUnrealizedPnl,
        BigDecimal accountMarginBalance,
        boolean accountLiquidated) {
}
