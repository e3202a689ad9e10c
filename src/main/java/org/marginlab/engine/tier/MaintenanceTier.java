package org.marginlab.engine.tier;

import java.math.BigDecimal;
import java.util.Objects;

import org.marginlab.engine.internal.Checks;

/**
 * One maintenance-margin tier (Binance "bracket", Bybit "risk limit", Hyperliquid "margin
 * tier"): it holds notionals {@code floor ≤ N < cap}, and within it the maintenance margin is
 * {@code MM = N·mmr − maintenanceAmount} (spec margin-formulas.md §0, §1.2, §2.4).
 *
 * <p>Units: {@code floor}, {@code cap} and {@code maintenanceAmount} in the settlement currency
 * (quote for linear, coin for inverse); {@code mmr} a fraction (0.004 = 0.4 %);
 * {@code maxLeverage} a multiple. {@code cap} is null for an open-ended last tier.
 *
 * <p>Immutable and thread-safe.
 */
public final class MaintenanceTier {
    private final BigDecimal floor;
    private final BigDecimal cap;
    private final BigDecimal maxLeverage;
    private final BigDecimal mmr;
    private final BigDecimal maintenanceAmount;

    private MaintenanceTier(BigDecimal floor, BigDecimal cap, BigDecimal maxLeverage, BigDecimal mmr,
            BigDecimal maintenanceAmount) {
        this.floor = Checks.notNegative(floor, "floor");
        this.cap = cap;
        if (cap != null && cap.compareTo(floor) <= 0) {
            throw new org.marginlab.engine.ValidationException("cap", "must be > floor " + floor.toPlainString(), cap);
        }
        this.maxLeverage = Checks.positiveOrNull(maxLeverage, "maxLeverage");
        this.mmr = Checks.fraction(mmr, "mmr");
        this.maintenanceAmount = Checks.notNull(maintenanceAmount, "maintenanceAmount");
    }

    /**
     * Creates a tier.
     *
     * @param floor              lowest notional in the tier (inclusive), ≥ 0, not null
     * @param cap                notional where the next tier starts (exclusive), > floor, or null
     *                           for no upper bound
     * @param maxLeverage        highest leverage allowed in the tier, > 0, or null for no limit
     * @param mmr                maintenance margin rate, a fraction in [0, 1), not null
     * @param maintenanceAmount  maintenance amount (Binance {@code cum}, Bybit deduction), not null
     * @return the tier, never null
     * @throws org.marginlab.engine.ValidationException if a value breaks its rule
     */
    public static MaintenanceTier of(BigDecimal floor, BigDecimal cap, BigDecimal maxLeverage, BigDecimal mmr,
            BigDecimal maintenanceAmount) {
        return new MaintenanceTier(floor, cap, maxLeverage, mmr, maintenanceAmount);
    }

    /** @return the lowest notional of the tier (inclusive), settlement currency; never null */
    public BigDecimal floor() {
        return floor;
    }

    /** @return the notional where the tier ends (exclusive), or null if open-ended */
    public BigDecimal cap() {
        return cap;
    }

    /** @return the maximum leverage in this tier, or null when the venue sets none */
    public BigDecimal maxLeverage() {
        return maxLeverage;
    }

    /** @return the maintenance margin rate, a fraction; never null */
    public BigDecimal mmr() {
        return mmr;
    }

    /** @return the maintenance amount, settlement currency; never null */
    public BigDecimal maintenanceAmount() {
        return maintenanceAmount;
    }

    /**
     * @param notional  a notional, settlement currency, not null
     * @return whether {@code floor ≤ notional < cap}
     */
    public boolean contains(BigDecimal notional) {
        return notional.compareTo(floor) >= 0 && (cap == null || notional.compareTo(cap) < 0);
    }

    /**
     * Maintenance margin of a notional in this tier: {@code N·mmr − maintenanceAmount}.
     *
     * @param notional  settlement currency, not null
     * @return the maintenance margin, settlement currency, exact; never null
     */
    public BigDecimal maintenanceMargin(BigDecimal notional) {
        return notional.multiply(mmr).subtract(maintenanceAmount);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MaintenanceTier)) {
            return false;
        }
        MaintenanceTier t = (MaintenanceTier) o;
        return floor.compareTo(t.floor) == 0 && cmp(cap, t.cap) && cmp(maxLeverage, t.maxLeverage)
                && mmr.compareTo(t.mmr) == 0 && maintenanceAmount.compareTo(t.maintenanceAmount) == 0;
    }

    private static boolean cmp(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(floor.stripTrailingZeros(), mmr.stripTrailingZeros());
    }

    @Override
    public String toString() {
        return "[" + floor.toPlainString() + ", " + (cap == null ? "∞" : cap.toPlainString()) + ") mmr "
                + mmr.toPlainString() + " amount " + maintenanceAmount.toPlainString()
                + (maxLeverage == null ? "" : " max " + maxLeverage.toPlainString() + "x");
    }
}
