package org.marginlab.engine.tier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.marginlab.engine.ValidationException;

/**
 * The engine's bundled, dated tier tables, and the parser for their text form.
 *
 * <p>Format (UTF-8, one table per resource {@code <venue>/<SYMBOL>.csv} beside this class):
 * <pre>
 * # free text
 * # asOf: 2024-10-24
 * # source: GET /fapi/v1/leverageBracket ...
 * floor,cap,maxLeverage,mmr,maintenanceAmount
 * 0,50000,125,0.004,0
 * 50000,600000,100,0.005,50
 * </pre>
 * An empty {@code cap} means open-ended; an empty {@code maxLeverage} means no limit. Every
 * parsed table passes {@link TierTable#of}'s checks, so a broken table (wrong maintenance
 * amount, a gap between tiers) is rejected when loaded, never used.
 *
 * <p>Each venue folder also holds {@code index.txt}: the symbols that have a table there, one per
 * line in display order ({@code #} lines and blank lines ignored), because the resources of a jar
 * cannot be listed. Adding a table is adding its file and its line.
 *
 * <p>Thread-safe; tables are loaded once and cached.
 */
public final class TierTables {
    private static final String HEADER = "floor,cap,maxLeverage,mmr,maintenanceAmount";
    private static final Map<String, Optional<TierTable>> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> INDEX = new ConcurrentHashMap<>();

    private TierTables() {
    }

    /**
     * The bundled table of a venue's symbol.
     *
     * @param venueId  venue rule-set id, e.g. {@code binance-usdm}, not null
     * @param symbol   instrument, e.g. {@code BTCUSDT} (case-insensitive), not null
     * @return the table, or empty if none is bundled
     * @throws IllegalStateException if a bundled table is malformed (a packaging error)
     */
    public static Optional<TierTable> bundled(String venueId, String symbol) {
        String key = venueId + "/" + symbol.trim().toUpperCase(Locale.ROOT);
        return CACHE.computeIfAbsent(key, TierTables::load);
    }

    /**
     * The symbols with a bundled table on a venue, as its {@code index.txt} lists them.
     *
     * @param venueId  venue rule-set id, e.g. {@code binance-usdm}, not null
     * @return the symbols in display order (an index line whose table file is missing is left
     *         out; the tables themselves are not read); empty if the venue has no index; unmodifiable
     */
    public static List<String> bundledSymbols(String venueId) {
        return INDEX.computeIfAbsent(venueId, TierTables::loadIndex);
    }

    private static List<String> loadIndex(String venueId) {
        String resource = venueId + "/index.txt";
        try (InputStream in = TierTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            List<String> symbols = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String symbol = line.trim();
                    if (!symbol.isEmpty() && !symbol.startsWith("#")
                            && TierTables.class.getResource(venueId + "/" + symbol + ".csv") != null) {
                        symbols.add(symbol);
                    }
                }
            }
            return List.copyOf(symbols);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled tier index " + resource, e);
        }
    }

    private static Optional<TierTable> load(String key) {
        String resource = key + ".csv";
        try (InputStream in = TierTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled tier table " + resource, e);
        } catch (ValidationException e) {
            throw new IllegalStateException("bundled tier table " + resource + " is broken: " + e.getMessage(), e);
        }
    }

    /**
     * Parses and validates a table in the text form described above.
     *
     * @param text  the table text, not null
     * @return the validated table, never null
     * @throws ValidationException naming the line and field of the first error, or the tier whose
     *         maintenance amount breaks the recurrence
     */
    public static TierTable parse(Reader text) {
        String asOf = null;
        String source = null;
        boolean headerSeen = false;
        List<MaintenanceTier> tiers = new ArrayList<>();
        int lineNo = 0;
        try (BufferedReader r = new BufferedReader(text)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                String trimmed = line.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (trimmed.startsWith("#")) {
                    String comment = trimmed.substring(1).trim();
                    if (comment.startsWith("asOf:")) {
                        asOf = comment.substring(5).trim();
                    } else if (comment.startsWith("source:")) {
                        source = comment.substring(7).trim();
                    }
                    continue;
                }
                if (!headerSeen) {
                    if (!trimmed.equals(HEADER)) {
                        throw new ValidationException("header", "must be '" + HEADER + "'", trimmed)
                                .within("line " + lineNo);
                    }
                    headerSeen = true;
                    continue;
                }
                tiers.add(parseRow(trimmed, lineNo));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!headerSeen) {
            throw new ValidationException("header", "is missing", "no header line");
        }
        return TierTable.of(tiers, source, asOf);
    }

    private static MaintenanceTier parseRow(String row, int lineNo) {
        String[] cells = row.split(",", -1);
        String where = "line " + lineNo;
        if (cells.length != 5) {
            throw new ValidationException("row", "must have 5 comma-separated cells", row).within(where);
        }
        try {
            return MaintenanceTier.of(number(cells[0], "floor", where), optionalNumber(cells[1], "cap", where),
                    optionalNumber(cells[2], "maxLeverage", where), number(cells[3], "mmr", where),
                    number(cells[4], "maintenanceAmount", where));
        } catch (ValidationException e) {
            throw e.path().startsWith("line") ? e : e.within(where);
        }
    }

    private static BigDecimal optionalNumber(String cell, String field, String where) {
        return cell.isBlank() ? null : number(cell, field, where);
    }

    private static BigDecimal number(String cell, String field, String where) {
        try {
            return new BigDecimal(cell.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "must be a decimal number", cell).within(where);
        }
    }
}
