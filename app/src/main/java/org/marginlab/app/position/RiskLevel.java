package org.marginlab.app.position;

import java.math.BigDecimal;

/**
 * How close a position is to liquidation, from its margin ratio (MM / margin balance): safe
 * below 80 %, warning from 80 % (Binance's recommended limit, spec margin-formulas.md §1.3),
 * liquidated from 100 %.
 */
public enum RiskLevel {
    SAFE, WARNING, LIQUIDATED;

    private static final BigDecimal WARNING_FROM = new BigDecimal("0.8");

    /**
     * @param marginRatio  MM / margin balance as a fraction, or null when the balance is ≤ 0
     * @param liquidated   the engine's liquidation flag
     * @return the level, never null
     */
    public static RiskLevel of(BigDecimal marginRatio, boolean liquidated) {
        if (liquidated || marginRatio == null) {
            return LIQUIDATED;
        }
        return marginRatio.compareTo(WARNING_FROM) >= 0 ? WARNING : SAFE;
    }
}
