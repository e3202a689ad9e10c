package org.marginlab.app.tiers;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.marginlab.engine.tier.TierTable;

/**
 * A file the user saved from Binance's {@code GET /fapi/v1/leverageBracket} (USDⓈ-M; the endpoint
 * needs a signed request, so MarginLab does not call it): either the array of every symbol,
 * {@code [{"symbol": "BTCUSDT", "brackets": [...]}, ...]}, or the object of one symbol. Each
 * bracket has {@code bracket}, {@code initialLeverage}, {@code notionalFloor}, {@code notionalCap},
 * {@code maintMarginRatio} and {@code cum} (the maintenance amount, checked against the
 * recurrence); spec margin-formulas.md §1.2. A {@code notionalCoef} other than 1 means the brackets
 * are the user's own, adjusted ones; they are taken as they are and the source says so.
 * COIN-M files ({@code qtyFloor}/{@code qtyCap}) are refused.
 */
final class BinanceBrackets {
    /** Most symbols one file may hold (Binance lists a few hundred). */
    static final int MAX_SYMBOLS = 2_000;
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,30}");

    private BinanceBrackets() {
    }

    /**
     * @param file    the parsed file, not null
     * @param source  what the tables' source says (the file and the endpoint), not null
     * @param asOf    the date written as the tables' {@code asOf}, not null
     * @return the tables by symbol, in the file's order, never empty
     * @throws FetchFailure if the file is refused (the message names the symbol and field)
     */
    static Map<String, TierTable> parse(JsonNode file, String source, String asOf) throws FetchFailure {
        JsonNode list;
        if (file.isArray()) {
            list = file;
        } else if (file.isObject()) {
            list = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(file);
        } else {
            throw FetchFailure.refused("the file must hold a JSON array of symbols or one symbol's object");
        }
        if (list.size() > MAX_SYMBOLS) {
            throw FetchFailure.refused("the file lists " + list.size() + " symbols, more than " + MAX_SYMBOLS);
        }
        Map<String, TierTable> out = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String where = file.isArray() ? "[" + i + "]" : "the object";
            JsonNode entry = Fields.object(list.get(i), where);
            if (entry.has("pair")) {
                throw FetchFailure.refused(where + ": this is a COIN-M file (/dapi, by pair); MarginLab imports "
                        + "USDⓈ-M brackets from GET /fapi/v1/leverageBracket");
            }
            String symbol = Fields.text(entry, "symbol", where);
            if (!SYMBOL.matcher(symbol).matches()) {
                throw FetchFailure.refused(where + ".symbol: must be 2 to 30 capital letters and digits (got \""
                        + symbol + "\")");
            }
            if (out.containsKey(symbol)) {
                throw FetchFailure.refused(where + ": " + symbol + " is listed twice");
            }
            BigDecimal coef = Fields.optionalDecimal(entry, "notionalCoef", where);
            String s = coef == null || coef.compareTo(BigDecimal.ONE) == 0 ? source
                    : source + " (notionalCoef " + coef.toPlainString() + ": the account's own brackets)";
            JsonNode brackets = Fields.array(entry, "brackets", symbol);
            TierBuilder tiers = new TierBuilder();
            for (int k = 0; k < brackets.size(); k++) {
                String w = symbol + ".brackets[" + k + "]";
                JsonNode b = Fields.object(brackets.get(k), w);
                if (b.has("qtyCap") || b.has("qtyFloor") || b.has("qtylFloor")) {
                    throw FetchFailure.refused(w + ": brackets by quantity are COIN-M's; MarginLab imports USDⓈ-M "
                            + "brackets (notionalFloor, notionalCap)");
                }
                int n = Fields.integer(b, "bracket", w);
                if (n != k + 1) {
                    throw FetchFailure.refused(w + ".bracket: brackets must be 1, 2, 3 … in order (got " + n
                            + " at place " + (k + 1) + ")");
                }
                tiers.add(Fields.decimal(b, "notionalFloor", w), Fields.decimal(b, "notionalCap", w),
                        Fields.decimal(b, "initialLeverage", w), Fields.decimal(b, "maintMarginRatio", w),
                        Fields.decimal(b, "cum", w), w);
            }
            try {
                out.put(symbol, tiers.build(s, asOf));
            } catch (FetchFailure e) {
                throw e.prefixed(symbol + ": ");
            }
        }
        if (out.isEmpty()) {
            throw FetchFailure.refused("the file lists no symbol");
        }
        return out;
    }
}
