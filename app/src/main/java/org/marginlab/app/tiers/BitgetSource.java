package org.marginlab.app.tiers;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.marginlab.engine.tier.TierTable;

/**
 * Bitget's position tiers, {@code GET /api/v2/mix/market/query-position-lever?symbol=BTCUSDT&productType=USDT-FUTURES}
 * (https://www.bitget.com/api-doc/contract/position/Get-Query-Position-Lever): {@code data[]} with
 * {@code level}, {@code startUnit} and {@code endUnit} (the tier's bounds in USDT), {@code leverage}
 * and {@code keepMarginRate}. Bitget publishes no deduction here: the maintenance amount is computed
 * with the recurrence. {@code code} must be {@code "00000"}.
 */
final class BitgetSource extends VenueSource {
    private static final LevelFields FIELDS = new LevelFields("00000", "Bitget", "startUnit", "endUnit", "leverage", "keepMarginRate");

    static final URI DEFAULT_BASE = URI.create("https://api.bitget.com");

    BitgetSource(URI base) {
        super(base == null ? DEFAULT_BASE : base);
    }

    @Override
    public String venueId() {
        return "bitget";
    }

    @Override
    public String displayName() {
        return "Bitget USDT-M";
    }

    @Override
    public List<String> defaultSymbols() {
        return List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");
    }

    @Override
    public TierTable fetch(String symbol, JsonHttp http, String asOf) throws FetchFailure {
        String s = checkedSymbol(symbol);
        baseOf(s, "USDT");
        URI uri = uri("/api/v2/mix/market/query-position-lever?symbol=" + q(s) + "&productType=USDT-FUTURES");
        return parse(http.get(uri), s, uri.toString(), asOf);
    }

    /**
     * @param answer  the parsed answer
     * @param symbol  the symbol asked
     * @param source  the URL
     * @param asOf    the fetch date
     * @return the table
     * @throws FetchFailure if the answer is refused
     */
    static TierTable parse(JsonNode answer, String symbol, String source, String asOf) throws FetchFailure {
        return levels(answer, FIELDS, symbol, source, asOf);
    }
}
