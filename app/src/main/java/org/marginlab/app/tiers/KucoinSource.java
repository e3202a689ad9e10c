package org.marginlab.app.tiers;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.marginlab.engine.tier.TierTable;

/**
 * KuCoin Futures' risk limit levels, {@code GET /api/v1/contracts/risk-limit/XBTUSDTM}
 * (https://www.kucoin.com/docs/rest/futures-trading/risk-limit/get-futures-risk-limit-level):
 * {@code data[]} with {@code level}, {@code minRiskLimit} and {@code maxRiskLimit} (the level's
 * bounds in USDT), {@code maxLeverage}, {@code initialMargin} and {@code maintainMargin}. KuCoin
 * publishes no deduction: the maintenance amount is computed with the recurrence. {@code code} must
 * be {@code "200000"}. MarginLab's {@code BTCUSDT} is KuCoin's {@code XBTUSDTM} (KuCoin calls
 * bitcoin XBT); {@code ETHUSDT} is {@code ETHUSDTM}.
 */
final class KucoinSource extends VenueSource {
    private static final LevelFields FIELDS = new LevelFields("200000", "KuCoin", "minRiskLimit", "maxRiskLimit", "maxLeverage", "maintainMargin");

    static final URI DEFAULT_BASE = URI.create("https://api-futures.kucoin.com");

    KucoinSource(URI base) {
        super(base == null ? DEFAULT_BASE : base);
    }

    @Override
    public String venueId() {
        return "kucoin";
    }

    @Override
    public String displayName() {
        return "KuCoin USDT-M";
    }

    @Override
    public List<String> defaultSymbols() {
        return List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");
    }

    /**
     * @return KuCoin's contract for a symbol: KuCoin's own ({@code XBTUSDTM}, as a workspace on
     *         {@code kucoin} names it) as it is, else {@code BTCUSDT} → {@code XBTUSDTM}
     */
    static String contract(String symbol) throws FetchFailure {
        String checked = checkedSymbol(symbol);
        if (checked.endsWith("USDTM") && checked.length() > 5) {
            return checked;
        }
        String base = baseOf(checked, "USDT");
        return (base.equals("BTC") ? "XBT" : base) + "USDTM";
    }

    @Override
    public TierTable fetch(String symbol, JsonHttp http, String asOf) throws FetchFailure {
        String contract = contract(symbol);
        URI uri = uri("/api/v1/contracts/risk-limit/" + q(contract));
        return parse(http.get(uri), contract, uri.toString(), asOf);
    }

    /**
     * @param answer    the parsed answer
     * @param contract  KuCoin's contract asked, e.g. {@code XBTUSDTM}
     * @param source    the URL
     * @param asOf      the fetch date
     * @return the table
     * @throws FetchFailure if the answer is refused
     */
    static TierTable parse(JsonNode answer, String contract, String source, String asOf) throws FetchFailure {
        return levels(answer, FIELDS, contract, source, asOf);
    }
}
