package org.marginlab.engine.venue;

import java.math.BigDecimal;

import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;

/**
 * Deribit's size-dependent margin rates for the BTC linear (USDC) perpetual (spec
 * margin-formulas.md §8; Deribit support "Linear perpetual" margin article,
 * https://support.deribit.com/hc/en-us/articles/25944738177565):
 * <ul>
 *   <li>initial margin rate {@code IMR = 2 % + size·0.005 %};</li>
 *   <li>maintenance margin rate {@code MMR = 1 % + size·0.005 %};</li>
 *   <li>{@code IM = size·IMR}, {@code MM = size·MMR}.</li>
 * </ul>
 * The rates grow with the position, so these are not a tier table and the v1 rule sets cannot
 * express them.
 *
 * <p>Units: {@code sizeBtc} is the absolute position size in BTC (a short's size is given as
 * its absolute value); rates are fractions (0.02125 = 2.125 %); margins are in BTC (Deribit's
 * article also converts them to USDC at a price, which is the caller's step). Exact arithmetic:
 * no division, no rounding.
 *
 * <p>Stateless and thread-safe.
 */
public final class DeribitLinearRates {
    /** Initial margin rate at size 0: 2 %. */
    public static final BigDecimal BASE_IMR = new BigDecimal("0.02");
    /** Maintenance margin rate at size 0: 1 %. */
    public static final BigDecimal BASE_MMR = new BigDecimal("0.01");
    /** Rate added per BTC of position size: 0.005 %. */
    public static final BigDecimal RATE_PER_BTC = new BigDecimal("0.00005");

    private DeribitLinearRates() {
    }

    /**
     * @param sizeBtc  absolute position size, BTC, ≥ 0, not null
     * @return {@code IMR = 0.02 + sizeBtc·0.00005}, a fraction
     * @throws ValidationException ({@code sizeBtc}) if the size is missing or negative
     */
    public static BigDecimal imr(BigDecimal sizeBtc) {
        return BASE_IMR.add(checked(sizeBtc).multiply(RATE_PER_BTC));
    }

    /**
     * @param sizeBtc  absolute position size, BTC, ≥ 0, not null
     * @return {@code MMR = 0.01 + sizeBtc·0.00005}, a fraction
     * @throws ValidationException ({@code sizeBtc}) if the size is missing or negative
     */
    public static BigDecimal mmr(BigDecimal sizeBtc) {
        return BASE_MMR.add(checked(sizeBtc).multiply(RATE_PER_BTC));
    }

    /**
     * @param sizeBtc  absolute position size, BTC, ≥ 0, not null
     * @return the initial margin {@code sizeBtc·IMR(sizeBtc)}, BTC
     * @throws ValidationException ({@code sizeBtc}) if the size is missing or negative
     */
    public static BigDecimal initialMargin(BigDecimal sizeBtc) {
        return checked(sizeBtc).multiply(imr(sizeBtc));
    }

    /**
     * @param sizeBtc  absolute position size, BTC, ≥ 0, not null
     * @return the maintenance margin {@code sizeBtc·MMR(sizeBtc)}, BTC
     * @throws ValidationException ({@code sizeBtc}) if the size is missing or negative
     */
    public static BigDecimal maintenanceMargin(BigDecimal sizeBtc) {
        return checked(sizeBtc).multiply(mmr(sizeBtc));
    }

    private static BigDecimal checked(BigDecimal sizeBtc) {
        return Checks.notNegative(sizeBtc, "sizeBtc");
    }
}
