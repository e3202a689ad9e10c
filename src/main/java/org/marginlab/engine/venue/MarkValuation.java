package org.marginlab.engine.venue;

import java.math.BigDecimal;

import org.marginlab.engine.tier.MaintenanceTier;

/**
 * A position valued at its mark price: the terms that cross margin sums over positions.
 * Amounts in the settlement currency, full precision.
 *
 * @param notional                 notional at the mark
 * @param tier                     the maintenance tier in force (looked up at the notional the
 *                                 venue values maintenance margin at: the mark, or the entry
 *                                 for Bybit)
 * @param maintenanceMargin        maintenance margin, {@code notional·MMR − amount}
 * @param closeFee                 the close fee the venue adds to the maintenance requirement
 *                                 (OKX, Gate: notional at the mark × taker rate), else 0
 * @param unrealizedPnl            unrealized PnL at the mark (positive is a gain)
 * @param initialMarginAtEntry     initial margin at the entry price
 * @param initialMarginAtMark      initial margin at the mark price
 */
public record MarkValuation(
        BigDecimal notional,
        MaintenanceTier tier,
        BigDecimal maintenanceMargin,
        BigDecimal closeFee,
        BigDecimal unrealizedPnl,
        BigDecimal initialMarginAtEntry,
        BigDecimal initialMarginAtMark) {

    /** @return {@code maintenanceMargin + closeFee}: what equity must stay above */
    public BigDecimal maintenanceRequirement() {
        // most venues add no close fee: the sum is the maintenance margin itself (same value and
        // scale as the addition, which keeps the larger scale), without a new BigDecimal per call
        return closeFee.signum() == 0 && closeFee.scale() <= maintenanceMargin.scale() ? maintenanceMargin
                : maintenanceMargin.add(closeFee);
    }
}
