package org.marginlab.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * The evaluation of an account: the cross account's figures and one {@link PositionRisk} per
 * position, in the account's order.
 *
 * <p>The account figures describe the cross account only (spec workspace-and-cli.md §2.1):
 * its wallet, the cross positions' unrealized PnL, initial margin (at the mark) and
 * maintenance margin, and its margin ratio (null when no position is cross or the margin
 * balance is ≤ 0). {@code totalEquity} is the wallet plus every isolated margin plus every
 * unrealized PnL. Amounts in the settlement currency, full precision.
 *
 * @param venueId                the venue's rule-set id
 * @param walletBalance          cross wallet balance
 * @param unrealizedPnl          Σ unrealized PnL of the cross positions
 * @param marginBalance          {@code walletBalance + unrealizedPnl}
 * @param initialMargin          Σ initial margin of the cross positions at the mark
 * @param maintenanceMargin      Σ maintenance margin of the cross positions
 * @param marginRatio            per {@code marginRatioDefinition}, or null
 * @param marginRatioDefinition  the venue's definition of the margin ratio
 * @param availableBalance       {@code max(0, marginBalance − initialMargin)}
 * @param totalEquity            wallet + isolated margins + all unrealized PnL
 * @param positions              one result per position, unmodifiable
 */
public record AccountRisk(
        String venueId,
        BigDecimal walletBalance,
        BigDecimal unrealizedPnl,
        BigDecimal marginBalance,
        BigDecimal initialMargin,
        BigDecimal maintenanceMargin,
        BigDecimal marginRatio,
        MarginRatioDefinition marginRatioDefinition,
        BigDecimal availableBalance,
        BigDecimal totalEquity,
        List<PositionRisk> positions) {

    /** Makes the position list unmodifiable. */
    public AccountRisk {
        positions = List.copyOf(positions);
    }

    /**
     * @param id  a position id, not null
     * @return that position's result
     * @throws ValidationException if no position has that id
     */
    public PositionRisk position(String id) {
        for (PositionRisk r : positions) {
            if (r.positionId().equals(id)) {
                return r;
            }
        }
        throw new ValidationException("positionId", "must name a position of the workspace", id);
    }
}
