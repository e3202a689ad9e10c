package org.marginlab.app.tiers;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.marginlab.engine.tier.TierTable;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One venue's public tier endpoint: how to ask for a symbol's tiers and how to read the answer.
 * Adding a venue is one subclass (its endpoint, its symbol naming, its parser) and one line in
 * {@link TierSources#create}.
 *
 * <p>A source never sends a key or a cookie; its base URL ({@code https://api.bybit.com}) can be
 * replaced (tests point every source at a local server). Symbols are MarginLab's
 * ({@code BTCUSDT}, Hyperliquid {@code BTC}); each source maps them to the venue's instrument name
 * ({@code BTC_USDT}, {@code XBTUSDTM}, {@code BTC-USDT-SWAP}).
 *
 * <p>Stateless and thread-safe; {@link #fetch} blocks.
 */
public abstract class VenueSource {
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,30}");

    private final URI base;

    /**
     * @param base  the venue's API base URL, e.g. {@code https://api.bybit.com}, not null
     */
    protected VenueSource(URI base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    /** @return the rule-set id the tables are for, e.g. {@code bybit-linear} */
    public abstract String venueId();

    /** @return the venue's name as the dialog shows it, e.g. {@code Bybit USDT perpetual} */
    public abstract String displayName();

    /** @return the symbols offered when nothing else names one (MarginLab's names), never empty */
    public abstract List<String> defaultSymbols();

    /**
     * Asks the venue for a symbol's tiers and reads them.
     *
     * @param symbol  MarginLab's symbol, e.g. {@code BTCUSDT}, not null
     * @param http    the HTTP client, not null
     * @param asOf    today's date, ISO, written as the table's {@code asOf}, not null
     * @return the validated table, its source the URL asked, never null
     * @throws FetchFailure if the venue cannot be reached or its answer is refused (the message
     *         names the field and the reason; the caller adds the venue and symbol)
     */
    public abstract TierTable fetch(String symbol, JsonHttp http, String asOf) throws FetchFailure;

    /** @return the base URL */
    public final URI base() {
        return base;
    }

    /** @return the host (and port, if any) asked, for messages: {@code api.bybit.com} */
    public final String host() {
        return base.getAuthority();
    }

    /**
     * @param pathAndQuery  e.g. {@code /v5/market/risk-limit?category=linear&symbol=BTCUSDT}, not null
     * @return the base URL with it
     */
    protected final URI uri(String pathAndQuery) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + pathAndQuery);
    }

    /**
     * @param symbol  a symbol as typed
     * @return it trimmed and upper-cased, checked to be 2–30 letters and digits
     * @throws FetchFailure if it is not
     */
    protected static String checkedSymbol(String symbol) throws FetchFailure {
        String s = symbol == null ? "" : symbol.strip().toUpperCase(Locale.ROOT);
        if (!SYMBOL.matcher(s).matches()) {
            throw FetchFailure.refused("the symbol must be 2 to 30 letters and digits (got \"" + symbol + "\")");
        }
        return s;
    }

    /**
     * @param symbol  a checked symbol
     * @param quote   the quote it must end with, e.g. {@code USDT}
     * @return the base, e.g. {@code BTC} of {@code BTCUSDT}
     * @throws FetchFailure if it does not end with the quote
     */
    protected static String baseOf(String symbol, String quote) throws FetchFailure {
        if (!symbol.endsWith(quote) || symbol.length() == quote.length()) {
            throw FetchFailure.refused("the symbol must end in " + quote + ", like BTC" + quote + " (got " + symbol + ")");
        }
        return symbol.substring(0, symbol.length() - quote.length());
    }

    /**
     * The field names of an answer that lists numbered levels ({@code data[i].level} = 1, 2, 3 …),
     * each with its floor, cap, max leverage and maintenance margin rate: Bitget's and KuCoin's.
     *
     * @param okCode    the answer's {@code code} on success
     * @param venue     the venue's name, for messages
     * @param floor     the level's lowest position value
     * @param cap       its highest
     * @param leverage  its max leverage
     * @param mmr       its maintenance margin rate
     */
    protected record LevelFields(String okCode, String venue, String floor, String cap, String leverage, String mmr) {
    }

    /**
     * Reads an answer of numbered levels ({@link LevelFields}): {@code code} must be the success
     * code, every level must be for {@code symbol} (when it names one) and in order.
     *
     * @param answer  the parsed answer
     * @param fields  where the figures are
     * @param symbol  the symbol asked
     * @param source  the URL
     * @param asOf    the fetch date
     * @return the table
     * @throws FetchFailure if the answer is refused, naming the level and the field
     */
    protected static TierTable levels(JsonNode answer, LevelFields fields, String symbol, String source, String asOf)
            throws FetchFailure {
        Fields.object(answer, "the answer");
        String code = Fields.optionalText(answer, "code");
        if (!fields.okCode().equals(code)) {
            throw FetchFailure.refused(fields.venue() + " answered code " + code + ": " + Fields.optionalText(answer, "msg"));
        }
        JsonNode list = Fields.array(answer, "data", "");
        TierBuilder tiers = new TierBuilder();
        for (int i = 0; i < list.size(); i++) {
            String where = "data[" + i + "]";
            JsonNode t = Fields.object(list.get(i), where);
            String sym = Fields.optionalText(t, "symbol");
            if (sym != null && !sym.equals(symbol)) {
                throw FetchFailure.refused(where + ".symbol: must be " + symbol + " (got " + sym + ")");
            }
            int level = Fields.integer(t, "level", where);
            if (level != i + 1) {
                throw FetchFailure.refused(where + ".level: levels must be 1, 2, 3 … in order (got " + level + " at place "
                        + (i + 1) + ")");
            }
            tiers.add(Fields.decimal(t, fields.floor(), where), Fields.decimal(t, fields.cap(), where),
                    Fields.decimal(t, fields.leverage(), where), Fields.decimal(t, fields.mmr(), where), null, where);
        }
        return tiers.build(source, asOf);
    }

    /** @return the text URL-encoded for a query */
    protected static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return venueId() + " at " + base;
    }
}
