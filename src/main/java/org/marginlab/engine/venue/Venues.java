package org.marginlab.engine.venue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.marginlab.engine.ValidationException;

/**
 * The registry of venue rule sets by id (spec workspace-and-cli.md §3): {@code binance-usdm},
 * {@code binance-coinm}, {@code bybit-linear}, {@code bybit-inverse}, {@code okx}, {@code gate},
 * {@code hyperliquid}, {@code generic}.
 */
public final class Venues {
    private static final Map<String, VenueRules> BY_ID = new LinkedHashMap<>();

    static {
        register(new BinanceUsdm());
        register(new BinanceCoinm());
        register(BybitRules.linear());
        register(BybitRules.inverse());
        register(OkxGateRules.okx());
        register(OkxGateRules.gate());
        register(new HyperliquidRules());
        register(new GenericRules());
    }

    private Venues() {
    }

    private static void register(VenueRules rules) {
        BY_ID.put(rules.id(), rules);
    }

    /**
     * @param id  a rule-set id, e.g. {@code binance-usdm}, not null
     * @return the rule set, never null
     * @throws ValidationException ({@code venue}) if the id is unknown
     */
    public static VenueRules byId(String id) {
        VenueRules rules = id == null ? null : BY_ID.get(id.trim());
        if (rules == null) {
            throw new ValidationException("venue", "must be one of " + String.join(", ", BY_ID.keySet()), id);
        }
        return rules;
    }

    /** @return every rule set, in display order; unmodifiable */
    public static List<VenueRules> all() {
        return List.copyOf(BY_ID.values());
    }
}
