package org.marginlab.app.tiers;

import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.marginlab.engine.tier.TierTable;

/**
 * Bybit's risk limits, {@code GET /v5/market/risk-limit?category=linear|inverse&symbol=BTCUSDT}
 * (https://bybit-exchange.github.io/docs/v5/market/risk-limit): {@code result.list[]} with
 * {@code riskLimitValue} (the tier's cap; its floor is the previous tier's cap), {@code
 * maintenanceMargin}, {@code initialMargin}, {@code maxLeverage} and {@code mmDeduction} (the
 * maintenance amount; empty in the first tier). Amounts are in USDT (linear) or in the coin
 * (inverse).
 *
 * <p><b>Rate units.</b> The live linear API gives rates as fractions ({@code "0.005"}); Bybit's
 * documented example gives them in percent ({@code "maintenanceMargin": "0.5"}, {@code
 * "initialMargin": "1"} beside {@code "maxLeverage": "100.00"}). The unit is read from each tier's
 * initial margin and max leverage: {@code initialMargin × maxLeverage} is 1 for fractions and 100
 * for percent; a tier where it is neither is refused.
 */
final class BybitSource extends VenueSource {
    /** Which of Bybit's two contract families. */
    enum Category {
        /** USDT perpetuals, rule set {@code bybit-linear}. */
        LINEAR("linear", "bybit-linear", "Bybit USDT perpetual", List.of("BTCUSDT", "ETHUSDT", "SOLUSDT")),
        /** Inverse (coin-margined) contracts, rule set {@code bybit-inverse}. */
        INVERSE("inverse", "bybit-inverse", "Bybit inverse", List.of("BTCUSD", "ETHUSD")),
        /**
         * USDT perpetuals in the Unified Trading Account, rule set {@code bybit-uta}: the same
         * endpoint (it takes no account type), as the bundled {@code bybit-uta} table assumes.
         */
        UTA("linear", "bybit-uta", "Bybit UTA USDT perpetual", List.of("BTCUSDT", "ETHUSDT", "SOLUSDT"));

        final String query;
        final String venueId;
        final String name;
        final List<String> symbols;

        Category(String query, String venueId, String name, List<String> symbols) {
            this.query = query;
            this.venueId = venueId;
            this.name = name;
            this.symbols = symbols;
        }
    }

    static final URI DEFAULT_BASE = URI.create("https://api.bybit.com");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal UNIT_TOLERANCE = new BigDecimal("0.02");

    private final Category category;

    BybitSource(Category category, URI base) {
        super(base == null ? DEFAULT_BASE : base);
        this.category = category;
    }

    @Override
    public String venueId() {
        return category.venueId;
    }

    @Override
    public String displayName() {
        return category.name;
    }

    @Override
    public List<String> defaultSymbols() {
        return category.symbols;
    }

    @Override
    public TierTable fetch(String symbol, JsonHttp http, String asOf) throws FetchFailure {
        String s = checkedSymbol(symbol);
        URI uri = uri("/v5/market/risk-limit?category=" + category.query + "&symbol=" + q(s));
        return parse(http.get(uri), s, uri.toString(), asOf);
    }

    /**
     * @param answer  the parsed answer, not null
     * @param symbol  the symbol asked, checked
     * @param source  the URL, written as the table's source
     * @param asOf    the fetch date
     * @return the table
     * @throws FetchFailure if the answer is refused
     */
    static TierTable parse(JsonNode answer, String symbol, String source, String asOf) throws FetchFailure {
        Fields.object(answer, "the answer");
        JsonNode retCode = answer.get("retCode");
        if (retCode == null || !retCode.canConvertToInt() || retCode.asInt() != 0) {
            throw FetchFailure.refused("Bybit answered retCode " + (retCode == null ? "(none)" : retCode.asText())
                    + ": " + String.valueOf(Fields.optionalText(answer, "retMsg")));
        }
        JsonNode result = Fields.object(answer.get("result"), "result");
        JsonNode list = Fields.array(result, "list", "result");
        TierBuilder tiers = new TierBuilder();
        BigDecimal floor = BigDecimal.ZERO;
        for (int i = 0; i < list.size(); i++) {
            String where = "result.list[" + i + "]";
            JsonNode t = Fields.object(list.get(i), where);
            String sym = Fields.optionalText(t, "symbol");
            if (sym != null && !sym.equals(symbol)) {
                throw FetchFailure.refused(where + ".symbol: must be " + symbol + " (got " + sym + ")");
            }
            BigDecimal cap = Fields.decimal(t, "riskLimitValue", where);
            BigDecimal lev = Fields.decimal(t, "maxLeverage", where);
            BigDecimal mm = Fields.decimal(t, "maintenanceMargin", where);
            BigDecimal im = Fields.decimal(t, "initialMargin", where);
            BigDecimal deduction = Fields.optionalDecimal(t, "mmDeduction", where);
            BigDecimal scale = rateScale(im, lev, where);
            BigDecimal mmr = mm.divide(scale, MathContext.DECIMAL128).stripTrailingZeros();
            tiers.add(floor, cap, lev, mmr, i == 0 && deduction != null && deduction.signum() == 0 ? null : deduction,
                    where);
            floor = cap;
        }
        return tiers.build(source, asOf);
    }

    /** 1 if the rates are fractions, 100 if percent, read from {@code initialMargin × maxLeverage}. */
    private static BigDecimal rateScale(BigDecimal im, BigDecimal lev, String where) throws FetchFailure {
        if (lev.signum() == 0) {
            throw FetchFailure.refused(where + ".maxLeverage: must be > 0 (got 0)");
        }
        BigDecimal product = im.multiply(lev);
        if (product.subtract(BigDecimal.ONE).abs().compareTo(UNIT_TOLERANCE) <= 0) {
            return BigDecimal.ONE;
        }
        if (product.subtract(HUNDRED).abs().compareTo(UNIT_TOLERANCE.multiply(HUNDRED)) <= 0) {
            return HUNDRED;
        }
        throw FetchFailure.refused(where + ": initialMargin " + im.toPlainString() + " and maxLeverage "
                + lev.toPlainString() + " do not agree (initialMargin × maxLeverage must be 1, or 100 in percent)");
    }
}
