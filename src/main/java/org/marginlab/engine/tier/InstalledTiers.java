package org.marginlab.engine.tier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tier tables installed at run time, in front of the bundled ones: the tables the app refreshed
 * from a venue (Help → Update tier tables) or imported from a file, and the ones it stored earlier
 * and installed again at start-up. The engine does no I/O; the app reads and writes the stored
 * tables and calls {@link #install} here.
 *
 * <p><b>Precedence.</b> A venue's preset for a symbol ({@code VenueRules.presetTiers}) is the
 * installed table if there is one, else the bundled table ({@link TierTables#bundled}). An
 * installed table's {@link TierTable#asOf()} and {@link TierTable#source()} say where it came
 * from (the fetch date and the URL, or the imported file), so a figure computed with it can be
 * traced like one computed with a bundled table. {@link #remove} or {@link #clear} bring the
 * bundled table back.
 *
 * <p><b>Keys.</b> A venue rule-set id ({@code bybit-linear}) and a symbol, compared as the bundled
 * tables are: the symbol trimmed and upper-cased. A venue id need not be registered yet (a table
 * for a rule set that is added later is used once it is).
 *
 * <p><b>Thread-safety.</b> Every method is thread-safe. Installing replaces an immutable snapshot
 * and then increases {@link #version()}, so a reader that read a version and then looks up sees
 * that version's tables or newer ones; callers that cache lookups (the venue rule sets do, per
 * symbol) keep their cache while the version is unchanged. Reading is a volatile read and a map
 * lookup, with no lock.
 */
public final class InstalledTiers {
    private static final Object LOCK = new Object();
    /** The installed tables by {@code venueId + "/" + SYMBOL}; immutable, replaced on every change. */
    private static volatile Map<String, TierTable> tables = Map.of();
    /** Increased after every change of {@link #tables}. */
    private static volatile long version;

    private InstalledTiers() {
    }

    /**
     * Installs (or replaces) the table of a venue's symbol; from now on it wins over the bundled
     * table.
     *
     * @param venueId  venue rule-set id, e.g. {@code bybit-linear}, not null or blank
     * @param symbol   instrument, e.g. {@code BTCUSDT} (case-insensitive), not null or blank
     * @param table    the validated table ({@link TierTable#of}), not null
     */
    public static void install(String venueId, String symbol, TierTable table) {
        Objects.requireNonNull(table, "table");
        installAll(Map.of(key(venueId, symbol), table));
    }

    /**
     * Installs several tables at once (one version change): the start-up's stored tables, or the
     * tables one refresh applies.
     *
     * @param byKey  tables by {@link #key(String, String)}, not null; may be empty
     */
    public static void installAll(Map<String, TierTable> byKey) {
        Objects.requireNonNull(byKey, "byKey");
        Map<String, TierTable> checked = new HashMap<>();
        for (Map.Entry<String, TierTable> e : byKey.entrySet()) {
            String k = e.getKey();
            int slash = k == null ? -1 : k.indexOf('/');
            if (slash <= 0 || slash == k.length() - 1) {
                throw new IllegalArgumentException("key must be venueId/SYMBOL, got " + k);
            }
            checked.put(key(k.substring(0, slash), k.substring(slash + 1)), Objects.requireNonNull(e.getValue(), k));
        }
        synchronized (LOCK) {
            Map<String, TierTable> next = new HashMap<>(tables);
            next.putAll(checked);
            tables = Map.copyOf(next);
            version++;
        }
    }

    /**
     * Removes the installed table of a venue's symbol: the bundled table (if any) applies again.
     *
     * @param venueId  venue rule-set id, not null
     * @param symbol   instrument, not null
     * @return whether a table was installed
     */
    public static boolean remove(String venueId, String symbol) {
        String k = key(venueId, symbol);
        synchronized (LOCK) {
            if (!tables.containsKey(k)) {
                return false;
            }
            Map<String, TierTable> next = new HashMap<>(tables);
            next.remove(k);
            tables = Map.copyOf(next);
            version++;
            return true;
        }
    }

    /** Removes every installed table: only the bundled tables apply. */
    public static void clear() {
        synchronized (LOCK) {
            tables = Map.of();
            version++;
        }
    }

    /**
     * @param venueId  venue rule-set id, not null
     * @param symbol   instrument (case-insensitive), not null
     * @return the installed table, or empty (then the bundled table, if any, applies)
     */
    public static Optional<TierTable> lookup(String venueId, String symbol) {
        Map<String, TierTable> now = tables;
        if (now.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(now.get(key(venueId, symbol)));
    }

    /**
     * @param venueId  venue rule-set id, not null
     * @return the symbols with an installed table on that venue, sorted; never null
     */
    public static List<String> symbols(String venueId) {
        String prefix = Objects.requireNonNull(venueId, "venueId").trim() + "/";
        List<String> out = new ArrayList<>();
        for (String k : tables.keySet()) {
            if (k.startsWith(prefix)) {
                out.add(k.substring(prefix.length()));
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * @return a number that changes whenever a table is installed or removed: a cache of lookups
     *         made under one version stays valid until it changes
     */
    public static long version() {
        return version;
    }

    /**
     * The key of a venue's symbol, as {@link #installAll} takes it.
     *
     * @param venueId  venue rule-set id, not null or blank
     * @param symbol   instrument, not null or blank
     * @return {@code venueId/SYMBOL} (trimmed, symbol upper-cased)
     */
    public static String key(String venueId, String symbol) {
        String v = Objects.requireNonNull(venueId, "venueId").trim();
        String s = Objects.requireNonNull(symbol, "symbol").trim().toUpperCase(Locale.ROOT);
        if (v.isEmpty() || s.isEmpty()) {
            throw new IllegalArgumentException("venueId and symbol must not be blank");
        }
        return v + "/" + s;
    }
}
