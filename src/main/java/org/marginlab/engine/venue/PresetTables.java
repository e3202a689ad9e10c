package org.marginlab.engine.venue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.marginlab.engine.tier.InstalledTiers;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.tier.TierTables;

/**
 * A venue's preset tier tables: the installed table of a symbol ({@link InstalledTiers}) if
 * there is one, else the bundled one ({@link TierTables}), cached by symbol as typed (so an
 * evaluation does not build lookup keys) and valid for one {@link InstalledTiers#version()}: a
 * table installed at run time takes effect at the next lookup, and while none is installed a
 * lookup costs one volatile read more than a map get. Thread-safe.
 */
final class PresetTables {
    private final String venueId;
    private final List<String> bundled;
    private volatile Cache cache = new Cache(-1);

    /** The presets seen under one version of the installed tables. */
    private static final class Cache {
        final long version;
        final ConcurrentHashMap<String, Optional<TierTable>> bySymbol = new ConcurrentHashMap<>();
        /** Bundled then installed symbols, computed once per version. */
        volatile List<String> symbols;

        Cache(long version) {
            this.version = version;
        }
    }

    /**
     * @param venueId  the venue's id
     * @param bundled  the symbols with a bundled table, in order; copied
     */
    PresetTables(String venueId, List<String> bundled) {
        this.venueId = venueId;
        this.bundled = List.copyOf(bundled);
    }

    /** @return the bundled symbols, then the symbols with only an installed table */
    List<String> symbols() {
        Cache c = cache();
        List<String> symbols = c.symbols;
        if (symbols == null) {
            List<String> installed = InstalledTiers.symbols(venueId);
            if (installed.isEmpty()) {
                symbols = bundled;
            } else {
                java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(bundled);
                all.addAll(installed);
                symbols = List.copyOf(all);
            }
            c.symbols = symbols;
        }
        return symbols;
    }

    /** @return the installed table of the symbol if there is one, else the bundled one, else empty */
    Optional<TierTable> tiers(String symbol) {
        Cache c = cache();
        Optional<TierTable> known = c.bySymbol.get(symbol); // no lambda made on the path of every evaluation
        return known != null ? known : c.bySymbol.computeIfAbsent(symbol,
                s -> InstalledTiers.lookup(venueId, s).or(() -> TierTables.bundled(venueId, s)));
    }

    /** The cache of the current version of the installed tables (a new one once it changed). */
    private Cache cache() {
        long version = InstalledTiers.version();
        Cache c = cache;
        if (c.version != version) {
            c = new Cache(version);
            cache = c;
        }
        return c;
    }
}
