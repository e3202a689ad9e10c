package org.marginlab.app.account;

import javafx.util.StringConverter;

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

    /**
     * @param v  a rule set, or null
     * @return its name in a venue box: {@code Binance USD-M Futures}, a dated version with its date
     *         ({@code KuCoin · rules of 2025-05-22}); empty for null
     */
    public static String venueName(VenueRules v) {
        return v == null ? "" : v.displayName() + (v.version().equals(VenueRules.FIRST_VERSION) ? ""
                : " · rules of " + v.version());
    }

    /** @return a converter that shows rule sets by {@link #venueName} in a venue box (not editable) */
    public static StringConverter<VenueRules> venueNames() {
        return new StringConverter<>() {
            @Override
            public String toString(VenueRules v) {
                return venueName(v);
            }

            @Override
            public VenueRules fromString(String s) {
                return null;
            }
        };
    }
}
