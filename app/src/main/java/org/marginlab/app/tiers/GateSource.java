package org.marginlab.app.tiers;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.marginlab.engine.tier.TierTable;

/**
 * Gate's risk limit tiers, {@code GET /api/v4/futures/usdt/risk_limit_tiers?contract=BTC_USDT}
 * (https://www.gate.io/docs/developers/apiv4/en/#listfuturesrisklimittiers): a JSON array of
 * {@code tier}, {@code risk_limit} (the tier's cap in USDT; its floor is the previous tier's cap),
 * {@code maintenance_rate}, {@code leverage_max} and {@code deduction} (the maintenance amount).
 * MarginLab's {@code BTCUSDT} is Gate's {@code BTC_USDT}.
 */
final class GateSource extends VenueSource {
    static final URI DEFAULT_BASE = URI.create("https://api.gateio.ws");

    GateSource(URI base) {
        super(base == null ? DEFAULT_BASE : base);
    }

    @Override
    public String venueId() {
        return "gate";
    }

    @Override
    public String displayName() {
        return "Gate USDT perpetual";
    }

    @Override
    public List<String> defaultSymbols() {
        return List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");
    }

    @Override
    public TierTable fetch(String symbol, JsonHttp http, String asOf) throws FetchFailure {
        String contract = baseOf(checkedSymbol(symbol), "USDT") + "_USDT";
        URI uri = uri("/api/v4/futures/usdt/risk_limit_tiers?contract=" + q(contract));
        return parse(http.get(uri), contract, uri.toString(), asOf);
    }

    /**
     * @param answer    the parsed answer
     * @param contract  Gate's contract name asked, e.g. {@code BTC_USDT}
     * @param source    the URL
     * @param asOf      the fetch date
     * @return the table
     * @throws FetchFailure if the answer is refused
     */
    static TierTable parse(JsonNode answer, String contract, String source, String asOf) throws FetchFailure {
        JsonNode list = Fields.array(answer, "the answer");
        TierBuilder tiers = new TierBuilder();
        BigDecimal floor = BigDecimal.ZERO;
        for (int i = 0; i < list.size(); i++) {
            String where = "[" + i + "]";
            JsonNode t = Fields.object(list.get(i), where);
            String c = Fields.optionalText(t, "contract");
            if (c != null && !c.equals(contract)) {
                throw FetchFailure.refused(where + ".contract: must be " + contract + " (got " + c + ")");
            }
            int tier = Fields.integer(t, "tier", where);
            if (tier != i + 1) {
                throw FetchFailure.refused(where + ".tier: tiers must be numbered 1, 2, 3 … in order (got " + tier
                        + " at place " + (i + 1) + ")");
            }
            BigDecimal cap = Fields.decimal(t, "risk_limit", where);
            tiers.add(floor, cap, Fields.decimal(t, "leverage_max", where), Fields.decimal(t, "maintenance_rate", where),
                    Fields.optionalDecimal(t, "deduction", where), where);
            floor = cap;
        }
        return tiers.build(source, asOf);
    }
}
