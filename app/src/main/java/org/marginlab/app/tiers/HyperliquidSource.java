package org.marginlab.app.tiers;

import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.marginlab.engine.tier.TierTable;

/**
 * Hyperliquid's perpetuals metadata, {@code POST /info {"type":"meta"}}
 * (https://hyperliquid.gitbook.io/hyperliquid-docs/for-developers/api/info-endpoint/perpetuals):
 * {@code universe[]} names each asset with its {@code maxLeverage} and {@code marginTableId};
 * {@code marginTables} is a list of {@code [id, {"description", "marginTiers": [{"lowerBound",
 * "maxLeverage"}]}]}. Per Hyperliquid's margin-tier page, a table id below 50 is a single tier whose
 * max leverage is the id; an asset without a {@code marginTableId} (as in the documented example)
 * has a single tier at its own {@code maxLeverage}. The maintenance rate of a tier is half the
 * initial rate at its max leverage, {@code 1/(2·maxLeverage)}; the maintenance amount follows the
 * recurrence (Hyperliquid's {@code maintenance_deduction}); the last tier is open-ended.
 * Notional in USDC; the symbol is the coin ({@code BTC}).
 */
final class HyperliquidSource extends VenueSource {
    static final URI DEFAULT_BASE = URI.create("https://api.hyperliquid.xyz");
    private static final int SINGLE_TIER_IDS = 50;

    HyperliquidSource(URI base) {
        super(base == null ? DEFAULT_BASE : base);
    }

    @Override
    public String venueId() {
        return "hyperliquid";
    }

    @Override
    public String displayName() {
        return "Hyperliquid";
    }

    @Override
    public List<String> defaultSymbols() {
        return List.of("BTC", "ETH", "SOL");
    }

    @Override
    public TierTable fetch(String symbol, JsonHttp http, String asOf) throws FetchFailure {
        String coin = checkedSymbol(symbol);
        URI uri = uri("/info");
        return parse(http.post(uri, "{\"type\":\"meta\"}"), coin, "POST " + uri + " {\"type\":\"meta\"}", asOf);
    }

    /**
     * @param answer  the parsed answer
     * @param coin    the asset asked, e.g. {@code BTC}
     * @param source  the request, written as the table's source
     * @param asOf    the fetch date
     * @return the table
     * @throws FetchFailure if the answer is refused or does not list the asset
     */
    static TierTable parse(JsonNode answer, String coin, String source, String asOf) throws FetchFailure {
        Fields.object(answer, "the answer");
        JsonNode universe = answer.get("universe");
        if (universe == null || !universe.isArray()) {
            throw FetchFailure.refused("universe: must be a JSON array" + (universe == null ? ", but it is missing" : ""));
        }
        JsonNode asset = null;
        String assetWhere = null;
        for (int i = 0; i < universe.size() && i < 10_000; i++) {
            JsonNode a = universe.get(i);
            if (a != null && a.isObject() && coin.equals(Fields.optionalText(a, "name"))) {
                if (asset != null) {
                    throw FetchFailure.refused("universe lists " + coin + " twice");
                }
                asset = a;
                assetWhere = "universe[" + i + "]";
            }
        }
        if (asset == null) {
            throw FetchFailure.refused("universe does not list " + coin);
        }
        BigDecimal assetMax = Fields.decimal(asset, "maxLeverage", assetWhere);
        JsonNode idNode = asset.get("marginTableId");
        TierBuilder tiers = new TierBuilder();
        if (idNode == null || idNode.isNull()) {
            tiers.add(BigDecimal.ZERO, null, assetMax, mmr(assetMax, assetWhere), null, assetWhere);
            return tiers.build(source, asOf);
        }
        int id = Fields.integer(asset, "marginTableId", assetWhere);
        if (id < SINGLE_TIER_IDS) {
            BigDecimal lev = BigDecimal.valueOf(id);
            tiers.add(BigDecimal.ZERO, null, lev, mmr(lev, assetWhere + ".marginTableId"), null,
                    assetWhere + ".marginTableId");
            return tiers.build(source, asOf);
        }
        JsonNode tables = answer.get("marginTables");
        if (tables == null || !tables.isArray()) {
            throw FetchFailure.refused("marginTables: must be a JSON array" + (tables == null ? ", but it is missing" : ""));
        }
        JsonNode table = null;
        String tableWhere = null;
        for (int i = 0; i < tables.size() && i < 10_000; i++) {
            JsonNode pair = tables.get(i);
            if (pair == null || !pair.isArray() || pair.size() != 2 || !pair.get(0).canConvertToInt()) {
                throw FetchFailure.refused("marginTables[" + i + "]: must be a pair [id, table]");
            }
            if (pair.get(0).asInt() == id) {
                table = pair.get(1);
                tableWhere = "marginTables[" + i + "][1]";
            }
        }
        if (table == null) {
            throw FetchFailure.refused("marginTables has no table " + id + " (the marginTableId of " + coin + ")");
        }
        Fields.object(table, tableWhere);
        JsonNode list = Fields.array(table, "marginTiers", tableWhere);
        for (int i = 0; i < list.size(); i++) {
            String where = tableWhere + ".marginTiers[" + i + "]";
            JsonNode t = Fields.object(list.get(i), where);
            BigDecimal floor = Fields.decimal(t, "lowerBound", where);
            BigDecimal lev = Fields.decimal(t, "maxLeverage", where);
            BigDecimal cap = null;
            if (i + 1 < list.size()) {
                JsonNode next = Fields.object(list.get(i + 1), tableWhere + ".marginTiers[" + (i + 1) + "]");
                cap = Fields.decimal(next, "lowerBound", tableWhere + ".marginTiers[" + (i + 1) + "]");
            }
            tiers.add(floor, cap, lev, mmr(lev, where), null, where);
        }
        return tiers.build(source, asOf);
    }

    /** {@code 1/(2·maxLeverage)}, refused for a leverage below 1. */
    private static BigDecimal mmr(BigDecimal maxLeverage, String where) throws FetchFailure {
        if (maxLeverage.compareTo(BigDecimal.ONE) < 0) {
            throw FetchFailure.refused(where + ".maxLeverage: must be at least 1 (got " + maxLeverage.toPlainString() + ")");
        }
        return BigDecimal.ONE.divide(maxLeverage.add(maxLeverage), MathContext.DECIMAL128).stripTrailingZeros();
    }
}
