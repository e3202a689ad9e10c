package org.marginlab.app.tiers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.marginlab.engine.ValidationException;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;

/**
 * Turns the tiers read from a venue's answer into a validated {@link TierTable}, or refuses them
 * naming the tier and the reason. A tier's maintenance amount is the venue's own where it
 * publishes one (Bybit {@code mmDeduction}, Gate {@code deduction}, Binance {@code cum}), then
 * checked by {@link TierTable#of} against the recurrence {@code cum_k = cum_{k−1} + floor_k·(mmr_k −
 * mmr_{k−1})}; where the venue publishes none it is computed with that recurrence. Everything
 * {@code TierTable.of} rejects (a first floor above 0, a gap or overlap between tiers, an amount
 * off the recurrence) is refused; so are rates of 1 or more and zero leverages.
 */
final class TierBuilder {
    private record Row(BigDecimal floor, BigDecimal cap, BigDecimal maxLeverage, BigDecimal mmr, BigDecimal amount,
            String where) {
    }

    private final List<Row> rows = new ArrayList<>();

    /**
     * Adds the next tier, in order of notional.
     *
     * @param floor        lowest notional, not null
     * @param cap          notional where the next tier starts, or null for open-ended
     * @param maxLeverage  max leverage, or null
     * @param mmr          maintenance margin rate, a fraction, not null
     * @param amount       the venue's maintenance amount (deduction), or null to compute it
     * @param where        the tier's place in the answer, e.g. {@code result.list[2]}, not null
     * @return this
     */
    TierBuilder add(BigDecimal floor, BigDecimal cap, BigDecimal maxLeverage, BigDecimal mmr, BigDecimal amount,
            String where) {
        rows.add(new Row(floor, cap, maxLeverage, mmr, amount, where));
        return this;
    }

    /** @return the number of tiers added */
    int size() {
        return rows.size();
    }

    /**
     * @param source  where the table comes from (the URL), not null
     * @param asOf    the fetch date, ISO, not null
     * @return the validated table, never null
     * @throws FetchFailure ({@link FetchFailure.Kind#REFUSED}) naming the tier and why
     */
    TierTable build(String source, String asOf) throws FetchFailure {
        if (rows.isEmpty()) {
            throw FetchFailure.refused("the answer has no tiers");
        }
        List<MaintenanceTier> tiers = new ArrayList<>(rows.size());
        BigDecimal cum = BigDecimal.ZERO;
        for (int k = 0; k < rows.size(); k++) {
            Row r = rows.get(k);
            if (r.maxLeverage() != null && r.maxLeverage().signum() == 0) {
                throw FetchFailure.refused(label(k) + ": max leverage must be > 0 (got 0)");
            }
            if (k > 0) {
                cum = cum.add(r.floor().multiply(r.mmr().subtract(rows.get(k - 1).mmr())));
            }
            BigDecimal amount = r.amount() != null ? r.amount() : cum;
            if (k == 0 && r.amount() == null) {
                amount = BigDecimal.ZERO;
            }
            if (r.amount() != null) {
                cum = r.amount(); // the recurrence goes on from the published amount; TierTable.of checks it
            }
            try {
                tiers.add(MaintenanceTier.of(r.floor(), r.cap(), r.maxLeverage(), r.mmr(), amount));
            } catch (ValidationException e) {
                throw FetchFailure.refused(label(k) + ": " + describe(e));
            }
        }
        try {
            return TierTable.of(tiers, source, asOf);
        } catch (ValidationException e) {
            int k = tierIndex(e.path());
            return refuse(k < 0 ? "the table: " + describe(e) : label(k) + ": " + describe(e));
        }
    }

    private static TierTable refuse(String message) throws FetchFailure {
        throw FetchFailure.refused(message);
    }

    private String label(int k) {
        return "tier " + (k + 1) + " (" + rows.get(k).where() + ")";
    }

    private static int tierIndex(String path) {
        if (path != null && path.startsWith("tiers[")) {
            int end = path.indexOf(']');
            try {
                return Integer.parseInt(path.substring(6, end));
            } catch (RuntimeException e) {
                return -1;
            }
        }
        return -1;
    }

    /** The engine's rule in words; a broken contiguity is called what it is. */
    private static String describe(ValidationException e) {
        String field = e.field();
        String got = e.value() == null ? "" : " (got " + e.value() + ")";
        if ("floor".equals(field) && e.rule().contains("contiguous")) {
            return "a gap or overlap between tiers: its floor " + e.rule() + got;
        }
        if ("mmr".equals(field)) {
            return "maintenance margin rate " + e.rule() + got;
        }
        if ("maintenanceAmount".equals(field)) {
            return "maintenance amount " + e.rule() + got;
        }
        return field + " " + e.rule() + got;
    }
}
