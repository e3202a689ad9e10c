package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.util.List;

import org.marginlab.engine.Position;
import org.marginlab.engine.tier.TierTable;

/**
 * What a cross position sees of the rest of its account (spec margin-formulas.md §1.1).
 *
 * @param walletBalance             the cross wallet balance {@code WB}
 * @param otherMaintenanceMargin    {@code TMM1}: Σ maintenance requirement (margin plus any
 *                                  close fee) of the other cross positions at their marks,
 *                                  excluding the hedge legs
 * @param otherUnrealizedPnl        {@code UPNL1}: Σ unrealized PnL of those positions
 * @param accountMarginBalance      the cross account's margin balance
 * @param accountLiquidated         whether the cross account is at or past liquidation
 * @param hedgeLegs                 the other cross positions on the same symbol that share this
 *                                  position's liquidation price (Binance hedge mode); empty
 *                                  elsewhere
 */
public record CrossContext(
        BigDecimal walletBalance,
        BigDecimal otherMaintenanceMargin,
        BigDecimal otherUnrealizedPnl,
        BigDecimal accountMarginBalance,
        boolean accountLiquidated,
        List<HedgeLeg> hedgeLegs) {

    /** Copies the leg list. */
    public CrossContext {
        hedgeLegs = List.copyOf(hedgeLegs);
    }

    /**
     * A position of the same symbol in the same cross account.
     *
     * @param position  the position
     * @param schedule  its maintenance schedule
     */
    public record HedgeLeg(Position position, TierTable schedule) {
    }
}
