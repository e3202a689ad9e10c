package org.marginlab.engine.tier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;

/**
 * A maintenance-margin tier table: tiers ordered by notional, looked up by the notional with
 * the floor inclusive and the cap exclusive (spec margin-formulas.md §1.2: "a bracket holds
 * {@code floor ≤ N < cap}").
 *
 * <p>A table built by {@link #of} is validated: the first floor is 0, floors rise strictly,
 * each cap is the next floor (contiguous), and the maintenance amounts satisfy the recurrence
 * {@code cum_0 = 0}, {@code cum_k = cum_{k−1} + floor_k·(mmr_k − mmr_{k−1})} (spec §0, §2.4),
 * which makes the maintenance margin continuous in the notional. A notional beyond the last cap
 * uses the last tier.
 *
 * <p>{@link #flat} builds the one-tier table of an explicit override (a textbook MMR and
 * maintenance amount), which is not subject to the recurrence.
 *
 * <p>Immutable and thread-safe.
 */
public final class TierTable {
    /** Largest difference tolerated between a stated maintenance amount and the recurrence. */
    private static final BigDecimal RECURRENCE_TOLERANCE = new BigDecimal("1e-8");

    private final List<MaintenanceTier> tiers;
    private final String source;
    private final String asOf;

    private TierTable(List<MaintenanceTier> tiers, String source, String asOf) {
        this.tiers = Collections.unmodifiableList(new ArrayList<>(tiers));
        this.source = source;
        this.asOf = asOf;
    }

    /**
     * Creates a validated tier table.
     *
     * @param tiers   the tiers in order of notional, not empty, not null
     * @param source  where the table comes from (venue API, doc section), may be null
     * @param asOf    the date the table was captured, ISO {@code yyyy-MM-dd}, may be null
     * @return the table, never null
     * @throws ValidationException if the table is empty, unordered, not contiguous or breaks the
     *         maintenance-amount recurrence; the field is {@code tiers[k]...}
     */
    public static TierTable of(List<MaintenanceTier> tiers, String source, String asOf) {
        Checks.notNull(tiers, "tiers");
        if (tiers.isEmpty()) {
            throw new ValidationException("tiers", "must contain at least one tier", "[]");
        }
        MaintenanceTier first = tiers.get(0);
        if (first.floor().signum() != 0) {
            throw new ValidationException("floor", "first tier must start at 0", first.floor()).within("tiers[0]");
        }
        if (first.maintenanceAmount().signum() != 0) {
            throw new ValidationException("maintenanceAmount", "must be 0 in the first tier",
                    first.maintenanceAmount()).within("tiers[0]");
        }
        for (int k = 1; k < tiers.size(); k++) {
            MaintenanceTier prev = tiers.get(k - 1);
            MaintenanceTier t = tiers.get(k);
            String where = "tiers[" + k + "]";
            if (prev.cap() == null) {
                throw new ValidationException("cap", "only the last tier may be open-ended", "none")
                        .within("tiers[" + (k - 1) + "]");
            }
            if (t.floor().compareTo(prev.cap()) != 0) {
                throw new ValidationException("floor",
                        "must equal the previous tier's cap " + prev.cap().toPlainString() + " (contiguous)", t.floor())
                        .within(where);
            }
            BigDecimal expected = prev.maintenanceAmount().add(t.floor().multiply(t.mmr().subtract(prev.mmr())));
            if (expected.subtract(t.maintenanceAmount()).abs().compareTo(RECURRENCE_TOLERANCE) > 0) {
                throw new ValidationException("maintenanceAmount",
                        "must be " + expected.stripTrailingZeros().toPlainString()
                                + " = previous amount + floor·(mmr − previous mmr)", t.maintenanceAmount())
                        .within(where);
            }
        }
        return new TierTable(tiers, source, asOf);
    }

    /**
     * Builds a validated table from marginal rates, deriving each maintenance amount with the
     * recurrence (as Bybit and Hyperliquid publish their tiers: bounds and rates only).
     *
     * @param floors        tier floors, the first 0, not null
     * @param caps          tier caps (the last may be null), same length
     * @param mmrs          maintenance margin rates, same length
     * @param maxLeverages  max leverage per tier (elements may be null), same length
     * @param source        provenance, may be null
     * @param asOf          capture date, may be null
     * @return the table, never null
     * @throws ValidationException if the arrays disagree in length or a tier is invalid
     */
    public static TierTable ofMarginalRates(List<BigDecimal> floors, List<BigDecimal> caps, List<BigDecimal> mmrs,
            List<BigDecimal> maxLeverages, String source, String asOf) {
        int n = floors.size();
        if (caps.size() != n || mmrs.size() != n || maxLeverages.size() != n) {
            throw new ValidationException("tiers", "floors, caps, rates and leverages must have the same length", n);
        }
        List<MaintenanceTier> tiers = new ArrayList<>(n);
        BigDecimal cum = BigDecimal.ZERO;
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                cum = cum.add(floors.get(k).multiply(mmrs.get(k).subtract(mmrs.get(k - 1))));
            }
            tiers.add(MaintenanceTier.of(floors.get(k), caps.get(k), maxLeverages.get(k), mmrs.get(k), cum));
        }
        return of(tiers, source, asOf);
    }

    /**
     * A one-tier table for an explicit maintenance override: every notional has this MMR and
     * maintenance amount.
     *
     * @param mmr                maintenance margin rate, a fraction in [0, 1), not null
     * @param maintenanceAmount  maintenance amount, settlement currency, ≥ 0, not null
     * @param maxLeverage        max leverage, or null for no limit
     * @return the table, never null
     * @throws ValidationException if a value breaks its rule
     */
    public static TierTable flat(BigDecimal mmr, BigDecimal maintenanceAmount, BigDecimal maxLeverage) {
        Checks.notNegative(maintenanceAmount, "maintenanceAmount");
        return new TierTable(List.of(MaintenanceTier.of(BigDecimal.ZERO, null, maxLeverage, mmr, maintenanceAmount)),
                "explicit maintenance override", null);
    }

    /**
     * The tier that holds a notional: the last tier whose floor is ≤ the notional (floor
     * inclusive, cap exclusive; beyond the last cap, the last tier).
     *
     * @param notional  the position notional, settlement currency, ≥ 0, not null
     * @return the tier, never null
     */
    public MaintenanceTier lookup(BigDecimal notional) {
        Objects.requireNonNull(notional, "notional");
        return tiers.get(indexOf(notional));
    }

    /**
     * Index of the tier that holds a notional (see {@link #lookup}).
     *
     * @param notional  settlement currency, not null
     * @return the tier's index, 0-based
     */
    public int indexOf(BigDecimal notional) {
        int lo = 0;
        int hi = tiers.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (tiers.get(mid).floor().compareTo(notional) <= 0) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * Maintenance margin of a notional, {@code N·mmr_k − cum_k} with {@code k} the tier of
     * {@code N}.
     *
     * @param notional  settlement currency, ≥ 0, not null
     * @return maintenance margin, settlement currency, exact; never null
     */
    public BigDecimal maintenanceMargin(BigDecimal notional) {
        return lookup(notional).maintenanceMargin(notional);
    }

    /** @return the tiers in order; unmodifiable, never null or empty */
    public List<MaintenanceTier> tiers() {
        return tiers;
    }

    /** @return the number of tiers, ≥ 1 */
    public int size() {
        return tiers.size();
    }

    /** @return where the table comes from, or null */
    public String source() {
        return source;
    }

    /** @return the capture date, ISO {@code yyyy-MM-dd}, or null */
    public String asOf() {
        return asOf;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TierTable && ((TierTable) o).tiers.equals(tiers);
    }

    @Override
    public int hashCode() {
        return tiers.hashCode();
    }

    @Override
    public String toString() {
        return "TierTable" + tiers + (asOf == null ? "" : " as of " + asOf);
    }
}
