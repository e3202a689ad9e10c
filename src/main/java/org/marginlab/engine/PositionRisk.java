package org.marginlab.engine;

import java.math.BigDecimal;

import org.marginlab.engine.tier.MaintenanceTier;

/**
 * Everything the engine computes for one position, at full precision (no display rounding).
 *
 * <p>Units: amounts in the settlement currency (quote for linear, coin for inverse); prices in
 * quote per base; ratios as fractions (0.05, not 5 %). Values that do not exist are null: a
 * cross position has no own margin balance or margin ratio; a position that cannot be
 * liquidated at any positive price (a fully collateralised long) has no liquidation price.
 * Field definitions follow spec workspace-and-cli.md §2.1.
 *
 * @param positionId            the position's id
 * @param marginMode            isolated or cross
 * @param notional              {@code Q·CS·mark} (linear) or {@code Q·CS/mark} (inverse), ≥ 0
 * @param initialMargin         initial margin at entry, {@code notional at entry / leverage}
 * @param mmr                   maintenance margin rate of the tier at the mark notional
 * @param maintenanceAmount     maintenance amount of that tier
 * @param maintenanceMargin     {@code notional·mmr − maintenanceAmount} at the mark
 * @param unrealizedPnl         PnL at the mark; positive is a gain
 * @param roe                   {@code unrealizedPnl / initialMargin}
 * @param isolatedMargin        isolated wallet balance (null for cross)
 * @param marginBalance         {@code isolatedMargin + unrealizedPnl} (null for cross)
 * @param marginRatio           per the venue's {@link MarginRatioDefinition}; null for cross or
 *                              when the margin balance is ≤ 0
 * @param liquidationPrice      mark price at which the position is liquidated, &gt; 0, or null
 * @param bankruptcyPrice       mark price at which the position's equity is 0, &gt; 0, or null
 * @param effectiveLeverage     {@code notional / marginBalance} (isolated) or
 *                              {@code notional / account margin balance} (cross); null when the
 *                              balance is ≤ 0
 * @param maxRemovableMargin    margin that may be removed now per the venue's rule, ≥ 0
 *                              (0 for cross)
 * @param distanceToLiquidation {@code |mark − liquidationPrice| / mark}, or null without a
 *                              liquidation price
 * @param maxLeverage           max leverage of the tier at the mark notional, or null if none
 * @param liquidationTier       the tier in force at the liquidation price, or null
 * @param liquidated            whether the position is at or past its liquidation condition
 *                              at the current mark
 * @param feeToClose            the fee to close the venue reserves in the position's margin
 *                              ({@code FTC}, spec venues-v2.md §10.1: Bybit UTA, Phemex),
 *                              settlement currency; null where the venue reserves none
 * @param ruleSet               the rule-set version that computed these figures,
 *                              {@code id@version} (spec venues-v2.md §12.2), e.g.
 *                              {@code kucoin@2025-05-22}
 */
public record PositionRisk(
        String positionId,
        MarginMode marginMode,
        BigDecimal notional,
        BigDecimal initialMargin,
        BigDecimal mmr,
        BigDecimal maintenanceAmount,
        BigDecimal maintenanceMargin,
        BigDecimal unrealizedPnl,
        BigDecimal roe,
        BigDecimal isolatedMargin,
        BigDecimal marginBalance,
        BigDecimal marginRatio,
        BigDecimal liquidationPrice,
        BigDecimal bankruptcyPrice,
        BigDecimal effectiveLeverage,
        BigDecimal maxRemovableMargin,
        BigDecimal distanceToLiquidation,
        BigDecimal maxLeverage,
        MaintenanceTier liquidationTier,
        boolean liquidated,
        BigDecimal feeToClose,
        String ruleSet) {
}
