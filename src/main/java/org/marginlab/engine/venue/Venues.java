package org.marginlab.engine.venue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.marginlab.engine.ValidationException;

/**
 * The registry of venue rule sets by id (spec workspace-and-cli.md §3, venues-v2.md §0.3), each
 * with its dated versions (venues-v2.md §12).
 *
 * <p>A venue is named {@code id} or {@code id@version} ({@code kucoin@2025-05-22}). Resolution
 * (§12.2): a named version wins; otherwise the latest version whose {@link
 * VenueRules#effectiveFrom()} is ≤ the evaluation instant {@code asOf}, or the latest of all
 * when there is no {@code asOf}. An {@code asOf} before a venue's first version is an error, not
 * a fallback; so is an unknown version, whose message lists the known ones.
 *
 * <p>Thread-safe: the registry is built once and never changes.
 */
public final class Venues {
    /** Versions by id, oldest first; ids in display order. */
    private static final Map<String, List<VenueRules>> BY_ID = new LinkedHashMap<>();

    static {
        // display order: by venue, the generic rules last; v1 rule sets (margin-formulas.md) and the
        // v2 ones (venues-v2.md §0.3), each dated version registered
        register(new BinanceUsdm());
        register(new BinanceCoinm());
        register(BybitRules.linear());
        register(BybitRules.inverse());
        register(BybitUtaRules.v2024());
        register(BybitUtaRules.v2026());
        register(OkxGateRules.okx());
        register(OkxGateRules.gate());
        register(BitgetRules.first());
        register(BitgetRules.v202509());
        register(BitgetRules.v202511());
        register(KucoinRules.v2021());
        register(KucoinRules.v2025());
        register(new MexcRules());
        register(new BitmexRules());
        register(new PhemexRules());
        register(new KrakenFuturesRules());
        register(new DeribitRules());
        register(new DydxV4Rules());
        register(new HyperliquidRules());
        register(new GenericRules());
    }

    private Venues() {
    }

    private static void register(VenueRules rules) {
        List<VenueRules> versions = BY_ID.computeIfAbsent(rules.id(), k -> new ArrayList<>());
        versions.add(rules);
        versions.sort(Comparator.comparing(VenueRules::effectiveFrom));
    }

    /**
     * The rule set a workspace names, without an evaluation instant: the named version, or the
     * latest one.
     *
     * @param id  a rule-set id, e.g. {@code binance-usdm}, or {@code id@version}, not null
     * @return the rule set, never null
     * @throws ValidationException ({@code venue}) if the id or the version is unknown
     */
    public static VenueRules byId(String id) {
        return resolve(id, null);
    }

    /**
     * The rule set a workspace names, at an evaluation instant (spec venues-v2.md §12.2).
     *
     * @param venue  {@code id} or {@code id@version}, not null
     * @param asOf   the evaluation instant, or null for the latest version
     * @return the rule set, never null
     * @throws ValidationException ({@code venue}) if the id or version is unknown;
     *         ({@code asOf}) if it is before the venue's first version
     */
    public static VenueRules resolve(String venue, Instant asOf) {
        String text = venue == null ? null : venue.trim();
        int at = text == null ? -1 : text.indexOf('@');
        String id = at < 0 ? text : text.substring(0, at);
        List<VenueRules> versions = id == null ? null : BY_ID.get(id);
        if (versions == null) {
            throw new ValidationException("venue", "must be one of " + String.join(", ", BY_ID.keySet()), venue);
        }
        if (at >= 0) {
            String version = text.substring(at + 1);
            for (VenueRules v : versions) {
                if (v.version().equals(version)) {
                    return v;
                }
            }
            throw new ValidationException("venue", "names an unknown version of " + id + "; known: "
                    + String.join(", ", versions.stream().map(VenueRules::ruleSetId).toList()), venue);
        }
        if (asOf == null) {
            return versions.get(versions.size() - 1);
        }
        VenueRules chosen = null;
        for (VenueRules v : versions) {
            if (!v.effectiveFrom().isAfter(asOf)) {
                chosen = v;
            }
        }
        if (chosen == null) {
            throw new ValidationException("asOf", "must not be before " + versions.get(0).effectiveFrom()
                    + ", the first rule set of " + id, asOf);
        }
        return chosen;
    }

    /**
     * @param id  a rule-set id without a version
     * @return its versions, oldest first; empty if the id is unknown
     */
    public static List<VenueRules> versions(String id) {
        return List.copyOf(BY_ID.getOrDefault(id, List.of()));
    }

    /** @return the latest version of every rule set, in display order; unmodifiable */
    public static List<VenueRules> all() {
        return BY_ID.values().stream().map(v -> v.get(v.size() - 1)).toList();
    }
}
