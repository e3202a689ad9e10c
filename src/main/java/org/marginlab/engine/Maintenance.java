package org.marginlab.engine;

import java.math.BigDecimal;

import org.marginlab.engine.internal.Checks;

/**
 * An explicit maintenance margin rate and maintenance amount that override the venue's tier
 * lookup, as in textbook examples and venue FAQ worked examples ({@code maintenance} in the
 * workspace file).
 *
 * @param mmr                maintenance margin rate, a fraction in [0, 1) (0.004 = 0.4 %)
 * @param maintenanceAmount  maintenance amount (Binance {@code cum}, Bybit deduction),
 *                           settlement currency, ≥ 0
 */
public record Maintenance(BigDecimal mmr, BigDecimal maintenanceAmount) {
    /**
     * @throws ValidationException if {@code mmr} is outside [0, 1) or the amount is negative
     */
    public Maintenance {
        Checks.fraction(mmr, "maintenance.mmr");
        Checks.notNegative(maintenanceAmount, "maintenance.maintenanceAmount");
    }
}
