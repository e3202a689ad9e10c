package org.marginlab.app.position;

import java.math.BigDecimal;

/**
 * How close a position is to liquidation, from two measures, since either alone misleads:
 * <ul>
 *   <li><b>margin ratio</b> (maintenance margin / margin balance, the venue's own measure):
 *       warning from {@value #WARNING_RATIO_PERCENT} % (Binance's recommended limit, spec margin-formulas.md §1.3),
 *       liquidated from 100 %;</li>
 *   <li><b>distance to liquidation</b> (how far the mark may move against the position, a share
 *       of the mark): warning below {@value #WARNING_DISTANCE_PERCENT} %, a move the market
 *       makes within a day. A 20× long 1.33 % from its liquidation price has a margin ratio of
 *       only about 23 %, and is not safe.</li>
 * </ul>
 * Liquidated when the engine says so (the mark at or beyond the liquidation price, or no
 * margin balance left).
 */
public enum RiskLevel {
    SAFE, WARNING, LIQUIDATED;

    /** The margin ratio, in percent, from which a position is a warning. */
    public static final int WARNING_RATIO_PERCENT = 80;
    /** The distance to liquidation, in percent of the mark, below which a position is a warning. */
    public static final int WARNING_DISTANCE_PERCENT = 3;
    private static final BigDecimal WARNING_FROM = BigDecimal.valueOf(WARNING_RATIO_PERCENT, 2);
    private static final BigDecimal WARNING_DISTANCE = BigDecimal.valueOf(WARNING_DISTANCE_PERCENT, 2);

    /**
     * @param marginRatio  MM / margin balance as a fraction, or null when the balance is ≤ 0
     * @param distance     the distance to liquidation as a fraction of the mark, or null when
     *                     there is no liquidation price
     * @param liquidated   the engine's liquidation flag
     * @return the level, never null
     */
    public static RiskLevel of(BigDecimal marginRatio, BigDecimal distance, boolean liquidated) {
        if (liquidated || marginRatio == null) {
            return LIQUIDATED;
        }
        return highMarginRatio(marginRatio) || nearLiquidation(distance) ? WARNING : SAFE;
    }

    /**
     * @param marginRatio  MM / margin balance as a fraction, not null
     * @return whether it is at or above {@value #WARNING_RATIO_PERCENT} %
     */
    public static boolean highMarginRatio(BigDecimal marginRatio) {
        return marginRatio.compareTo(WARNING_FROM) >= 0;
    }

    /**
     * @param distance  the distance to liquidation as a fraction of the mark, or null
     * @return whether it is below {@value #WARNING_DISTANCE_PERCENT} %
     */
    public static boolean nearLiquidation(BigDecimal distance) {
        return distance != null && distance.compareTo(WARNING_DISTANCE) < 0;
    }
}
