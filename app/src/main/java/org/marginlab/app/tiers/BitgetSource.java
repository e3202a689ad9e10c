package org.marginlab.app.tiers;

import java.math.BigDecimal;
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
        Fields.object(answer, "the answer");
        String code = Fields.optionalText(answer, "code");
        if (!"00000".equals(code)) {
            throw FetchFailure.refused("Bitget answered code " + code + ": " + Fields.optionalText(answer, "msg"));
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
            BigDecimal start = Fields.decimal(t, "startUnit", where);
            tiers.add(start, Fields.decimal(t, "endUnit", where), Fields.decimal(t, "leverage", where),
                    Fields.decimal(t, "keepMarginRate", where), null, where);
        }
        return tiers.build(source, asOf);
    }
}
