package org.marginlab.app.tiers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;

/**
 * One tier that differs between the table in use and the fetched one: its MMR, cap, max leverage,
 * floor or maintenance amount changed, or it was added or removed. Tiers are compared by place
 * (tier 1 with tier 1). Numbers that differ by less than a billionth (relative) count as equal: a
 * rate written {@code 0.0333333333333} in a bundled table is the fetched {@code 1/30}.
 *
 * @param venueId  the venue
 * @param symbol   the symbol
 * @param tier     the tier's number, from 1
 * @param before   the tier in use, or null if the fetched table adds it
 * @param after    the fetched tier, or null if the fetched table has no such tier
 */
public record TierChange(String venueId, String symbol, int tier, MaintenanceTier before, MaintenanceTier after) {
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-9");

    /**
     * @param venueId  the venue
     * @param symbol   the symbol
     * @param before   the table in use, or null if there is none
     * @param after    the fetched table, not null
     * @return the tiers that differ, in order; empty when the tables are the same
     */
    static List<TierChange> between(String venueId, String symbol, TierTable before, TierTable after) {
        List<TierChange> out = new ArrayList<>();
        int n = Math.max(before == null ? 0 : before.size(), after.size());
        for (int k = 0; k < n; k++) {
            MaintenanceTier b = before == null || k >= before.size() ? null : before.tiers().get(k);
            MaintenanceTier a = k >= after.size() ? null : after.tiers().get(k);
            if (!same(b, a)) {
                out.add(new TierChange(venueId, symbol, k + 1, b, a));
            }
        }
        return out;
    }

    private static boolean same(MaintenanceTier b, MaintenanceTier a) {
        if (b == null || a == null) {
            return b == a;
        }
        return close(b.floor(), a.floor()) && close(b.cap(), a.cap()) && close(b.maxLeverage(), a.maxLeverage())
                && close(b.mmr(), a.mmr()) && close(b.maintenanceAmount(), a.maintenanceAmount());
    }

    private static boolean close(BigDecimal x, BigDecimal y) {
        if (x == null || y == null) {
            return x == y;
        }
        BigDecimal scale = x.abs().max(y.abs()).max(BigDecimal.ONE);
        return x.subtract(y).abs().compareTo(TOLERANCE.multiply(scale)) <= 0;
    }
}
