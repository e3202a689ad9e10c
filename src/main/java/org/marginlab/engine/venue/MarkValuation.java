package org.marginlab.engine.venue;

import java.math.BigDecimal;

import org.marginlab.engine.tier.MaintenanceTier;

/**
 * A position valued at its mark price: the terms that cross margin sums over positions.
 * Amounts in the settlement currency, full precision.
 *
 * @param notional                 notional at the mark
 * @param tier                     the maintenance tier of that notional
 * @param maintenanceMargin        maintenance margin at the mark
 * @param unrealizedPnl            unrealized PnL at the mark (positive is a gain)
 * @param initialMarginAtEntry     initial margin at the entry price
 * @param initialMarginAtMark      initial margin at the mark price
 */
public record MarkValuation(
        BigDecimal notional,
        MaintenanceTier tier,
        BigDecimal maintenanceMargin,
        BigDecimal unrealizedPnl,
        BigDecimal initialMarginAtEntry,
        BigDecimal initialMarginAtMark) {
}
