package org.marginlab.app.account;

import org.marginlab.engine.venue.VenueRules;

/** How a dated rule-set version reads for people (spec venues-v2.md §12). Stateless. */
public final class RuleSetText {
    private RuleSetText() {
    }

    /**
     * @param v  a rule-set version, not null
     * @return e.g. {@code kucoin@2025-05-22 (from 2025-05-22 04:00 UTC)}, {@code bitget@2025-09-29
     *         (from 2025-09-29)}, or {@code binance-usdm@0000-01-01 (first known rules)}
     */
    public static String describe(VenueRules v) {
        if (v.version().equals(VenueRules.FIRST_VERSION)) {
            return v.ruleSetId() + " (first known rules)";
        }
        String from = v.effectiveFrom().toString().replace("T", " ").replace(":00Z", " UTC").replace(" 00:00 UTC", "");
        return v.ruleSetId() + " (from " + from + (v.appliesBy() == VenueRules.AppliesBy.POSITION_OPEN_TIME
                ? ", for positions opened from then" : "") + ")";
    }
}
