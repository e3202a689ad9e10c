package org.marginlab.engine.sizing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Default annualised volatilities for {@link LiquidationProbability}, from a dated table bundled
 * with the engine ({@code volatility.csv} beside this class): the realized volatility of one
 * past year of daily closes per base asset. The file's {@code # asOf:} and {@code # source:}
 * comments name the data (repository, files, window) and the method; the figures are a starting
 * value for the user to overwrite, not a forecast.
 *
 * <p>Symbols of the usual venues map to their base asset: {@code BTC}, {@code BTCUSDT},
 * {@code BTCUSD}, {@code XBTUSD} (BitMEX), {@code PF_XBTUSD} (Kraken Futures), {@code XBTUSDTM}
 * (KuCoin), {@code BTC-USDT-SWAP} (OKX), {@code BTC_USDT}, {@code BTC/USDT:USDT},
 * {@code BTCPERP}, {@code BTCUSDT.P}, case-insensitive; {@code XBT} is {@code BTC} and
 * {@code XDG} is {@code DOGE}. A symbol whose base is not in the table has no default (no
 * prefix matching: {@code SOLVUSDT} is not {@code SOL}).
 *
 * <p>A malformed bundled file is a packaging error ({@link IllegalStateException}). Thread-safe;
 * the file is read once.
 */
public final class Volatilities {

    /**
     * One row of the table.
     *
     * @param base        the base asset, e.g. {@code BTC}
     * @param annualised  annualised volatility as a fraction (0.412 = 41.2 % a year), on a
     *                    365-day year, &gt; 0
     * @param asOf        the date of the last daily candle in the data
     * @param source      where the figure comes from and how it was computed (the file's
     *                    {@code # source:} and {@code # method:} text)
     */
    public record DefaultVolatility(String base, double annualised, LocalDate asOf, String source) {
    }

    private static final String RESOURCE = "volatility.csv";
    private static final List<String> QUOTES = List.of("USDTM", "USDCM", "USDT", "USDC", "USDM", "BUSD", "USD");
    private static final Map<String, String> ALIASES = Map.of("XBT", "BTC", "XDG", "DOGE");

    private Volatilities() {
    }

    /**
     * @param symbol  an instrument symbol or a base asset, case-insensitive, may be null
     * @return the default volatility of the symbol's base asset, or empty when the table has
     *         none (or the symbol is null or blank)
     */
    public static Optional<DefaultVolatility> defaultFor(String symbol) {
        if (symbol == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(Table.ROWS.get(baseOf(symbol)));
    }

    /** @return every row of the table, in the file's order; never null */
    public static List<DefaultVolatility> all() {
        return List.copyOf(Table.ROWS.values());
    }

    /**
     * The base asset a symbol names, by the rules in the class doc, whether or not the table
     * has it.
     *
     * @param symbol  the symbol, not null
     * @return the base, upper case, e.g. {@code BTC} for {@code PF_XBTUSD}; empty if none remains
     */
    public static String baseOf(String symbol) {
        String s = symbol.strip().toUpperCase(Locale.ROOT);
        for (String prefix : List.of("PF_", "PI_", "FF_", "FI_")) {
            if (s.startsWith(prefix)) {
                s = s.substring(prefix.length());
                break;
            }
        }
        int cut = indexOfSeparator(s);
        if (cut >= 0) {
            s = s.substring(0, cut);
        }
        if (s.endsWith("PERP") && s.length() > 4) {
            s = s.substring(0, s.length() - 4);
        }
        for (String quote : QUOTES) {
            if (s.endsWith(quote) && s.length() > quote.length()) {
                s = s.substring(0, s.length() - quote.length());
                break;
            }
        }
        return ALIASES.getOrDefault(s, s);
    }

    private static int indexOfSeparator(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-' || c == '_' || c == '/' || c == ':' || c == '.' || c == ' ') {
                return i;
            }
        }
        return -1;
    }

    /** Lazy holder: the file is read on first use. */
    private static final class Table {
        static final Map<String, DefaultVolatility> ROWS = load();
    }

    private static Map<String, DefaultVolatility> load() {
        Map<String, DefaultVolatility> rows = new LinkedHashMap<>();
        try (InputStream in = Volatilities.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            LocalDate asOf = null;
            String source = null;
            String method = null;
            boolean header = false;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String t = line.strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (t.startsWith("#")) {
                    String comment = t.substring(1).strip();
                    if (comment.startsWith("asOf:")) {
                        asOf = parseDate(comment.substring(5).strip());
                    } else if (comment.startsWith("source:")) {
                        source = comment.substring(7).strip();
                    } else if (comment.startsWith("method:")) {
                        method = comment.substring(7).strip();
                    }
                    continue;
                }
                if (!header) {
                    if (!t.equals("base,volatility")) {
                        throw new IllegalStateException(RESOURCE + ": header must be base,volatility, got " + t);
                    }
                    if (asOf == null || source == null || method == null) {
                        throw new IllegalStateException(RESOURCE + ": # asOf:, # source: and # method: must come before the header");
                    }
                    header = true;
                    continue;
                }
                String[] cells = t.split(",", -1);
                double v;
                try {
                    v = cells.length == 2 ? Double.parseDouble(cells[1].strip()) : Double.NaN;
                } catch (NumberFormatException e) {
                    v = Double.NaN;
                }
                if (!(v > 0 && v <= LiquidationProbability.MAX_VOLATILITY)) {
                    throw new IllegalStateException(RESOURCE + ": row must be BASE,volatility in (0, 10], got " + t);
                }
                String base = cells[0].strip().toUpperCase(Locale.ROOT);
                rows.put(base, new DefaultVolatility(base, v, asOf, source + "; method: " + method));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return rows;
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(RESOURCE + ": # asOf: must be an ISO date, got " + text, e);
        }
    }
}
