package org.marginlab.engine.tier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.marginlab.engine.Position;

/**
 * The price tick of an instrument, for displayed liquidation and bankruptcy prices (spec
 * venues-v2.md §11): the position's own {@code tickSize}, else the bundled tick of the venue's
 * symbol, else none (the display then keeps its usual precision).
 *
 * <p>Bundled ticks: one resource per venue, {@code instrument/<venue-id>.csv} beside this
 * package's parent, with {@code # source:} and {@code # asOf:} comments and the header
 * {@code symbol,tickSize}; only ticks a cited source states are bundled (Kraken Futures, BitMEX
 * XBTUSD, KuCoin XBTUSDM). A malformed bundled file is a packaging error
 * ({@link IllegalStateException}).
 *
 * <p>Thread-safe; files are read once and cached.
 */
public final class TickSizes {
    private static final Map<String, Map<String, BigDecimal>> CACHE = new ConcurrentHashMap<>();

    private TickSizes() {
    }

    /**
     * @param venueId   the rule-set id (without a version), not null
     * @param position  the position, not null
     * @return the tick, quote per step, &gt; 0, or empty when neither the position nor the
     *         bundled data gives one
     */
    public static Optional<BigDecimal> of(String venueId, Position position) {
        BigDecimal own = position.venueParameters().tickSize();
        return own != null ? Optional.of(own) : bundled(venueId, position.symbol());
    }

    /**
     * @param venueId  the rule-set id (without a version), not null
     * @param symbol   the instrument, case-insensitive, not null
     * @return the bundled tick, or empty
     */
    public static Optional<BigDecimal> bundled(String venueId, String symbol) {
        return Optional.ofNullable(CACHE.computeIfAbsent(venueId, TickSizes::load)
                .get(symbol.trim().toUpperCase(Locale.ROOT)));
    }

    private static Map<String, BigDecimal> load(String venueId) {
        String resource = "/org/marginlab/engine/instrument/" + venueId + ".csv";
        Map<String, BigDecimal> ticks = new HashMap<>();
        try (InputStream in = TickSizes.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = false;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    if (!t.equals("symbol,tickSize")) {
                        throw new IllegalStateException(resource + ": header must be symbol,tickSize, got " + t);
                    }
                    header = true;
                    continue;
                }
                String[] cells = t.split(",", -1);
                BigDecimal tick;
                try {
                    tick = cells.length == 2 ? new BigDecimal(cells[1].strip()) : null;
                } catch (NumberFormatException e) {
                    tick = null;
                }
                if (tick == null || tick.signum() <= 0) {
                    throw new IllegalStateException(resource + ": row must be SYMBOL,positive tick, got " + t);
                }
                ticks.put(cells[0].strip().toUpperCase(Locale.ROOT), tick);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return Map.copyOf(ticks);
    }
}
