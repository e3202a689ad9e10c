package org.marginlab.app.tiers;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.marginlab.engine.tier.TierTable;

/**
 * OKX's position tiers of a USDT perpetual, {@code GET /api/v5/public/position-tiers?instType=SWAP&tdMode=cross&instFamily=BTC-USDT}
 * (https://www.okx.com/docs-v5/en/#public-data-rest-api-get-position-tiers): {@code data[]} with
 * {@code tier}, {@code minSz}, {@code maxSz}, {@code mmr}, {@code imr} and {@code maxLever}.
 *
 * <p><b>Contracts, not notional.</b> For swaps OKX bounds a tier by the position's size in
 * contracts ({@code minSz}–{@code maxSz}, whole contracts, the next tier starting at the previous
 * {@code maxSz} or one above it), while MarginLab's tiers are bounded by notional. The bounds are
 * converted with the contract value ({@code ctVal} of {@code GET /api/v5/public/instruments?instType=SWAP&instId=BTC-USDT-SWAP},
 * e.g. 0.01 BTC) and the mark price at the time of the fetch ({@code markPx} of
 * {@code GET /api/v5/public/mark-price?instType=SWAP&instId=BTC-USDT-SWAP}): {@code notional =
 * contracts × ctVal × markPx}. The converted bounds are exact at that mark price only, which the
 * table's source says; a refresh at another price moves them. OKX publishes no deduction: the
 * maintenance amount is computed with the recurrence. {@code code} must be {@code "0"}.
 */
final class OkxSource extends VenueSource {
    static final URI DEFAULT_BASE = URI.create("https://www.okx.com");

    OkxSource(URI base) {
        super(base == null ? DEFAULT_BASE : base);
    }

    @Override
    public String venueId() {
        return "okx";
    }

    @Override
    public String displayName() {
        return "OKX USDT swap";
    }

    @Override
    public List<String> defaultSymbols() {
        return List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");
    }

    @Override
    public TierTable fetch(String symbol, JsonHttp http, String asOf) throws FetchFailure {
        String family = baseOf(checkedSymbol(symbol), "USDT") + "-USDT";
        String instId = family + "-SWAP";
        URI tiers = uri("/api/v5/public/position-tiers?instType=SWAP&tdMode=cross&instFamily=" + q(family));
        URI instrument = uri("/api/v5/public/instruments?instType=SWAP&instId=" + q(instId));
        URI mark = uri("/api/v5/public/mark-price?instType=SWAP&instId=" + q(instId));
        JsonNode t = http.get(tiers);
        JsonNode i = http.get(instrument);
        JsonNode m = http.get(mark);
        return parse(t, i, m, family, instId, tiers + " (" + instrument.getPath() + ", " + mark.getPath() + ")", asOf);
    }

    /**
     * @param tiersAnswer       the position-tiers answer
     * @param instrumentAnswer  the instruments answer
     * @param markAnswer        the mark-price answer
     * @param family            the instrument family asked, e.g. {@code BTC-USDT}
     * @param instId            the instrument asked, e.g. {@code BTC-USDT-SWAP}
     * @param urls              the URLs asked, for the source
     * @param asOf              the fetch date
     * @return the table, its bounds converted to USDT notional
     * @throws FetchFailure if an answer is refused
     */
    static TierTable parse(JsonNode tiersAnswer, JsonNode instrumentAnswer, JsonNode markAnswer, String family,
            String instId, String urls, String asOf) throws FetchFailure {
        JsonNode instrument = only(data(instrumentAnswer, "instruments"), "instruments", instId);
        String where = "instruments data[0]";
        String ctType = Fields.optionalText(instrument, "ctType");
        if (ctType != null && !ctType.isEmpty() && !ctType.equals("linear")) {
            throw FetchFailure.refused(where + ".ctType: must be linear (a USDT swap) (got " + ctType + ")");
        }
        BigDecimal ctVal = Fields.optionalDecimal(instrument, "ctVal", where);
        if (ctVal == null || ctVal.signum() == 0) {
            throw FetchFailure.refused(where + ".ctVal: the contract value must be a number > 0 (got "
                    + (ctVal == null ? "nothing: not a swap" : "0") + ")");
        }
        JsonNode markRow = only(data(markAnswer, "mark-price"), "mark-price", instId);
        BigDecimal mark = Fields.decimal(markRow, "markPx", "mark-price data[0]");
        if (mark.signum() == 0) {
            throw FetchFailure.refused("mark-price data[0].markPx: must be > 0 (got 0)");
        }
        BigDecimal perContract = ctVal.multiply(mark);

        JsonNode list = data(tiersAnswer, "position-tiers");
        TierBuilder tiers = new TierBuilder();
        BigDecimal previousMax = null;
        for (int i = 0; i < list.size(); i++) {
            String w = "position-tiers data[" + i + "]";
            JsonNode t = Fields.object(list.get(i), w);
            String f = Fields.optionalText(t, "instFamily");
            if (f != null && !f.isEmpty() && !f.equals(family)) {
                throw FetchFailure.refused(w + ".instFamily: must be " + family + " (got " + f + ")");
            }
            int tier = Fields.integer(t, "tier", w);
            if (tier != i + 1) {
                throw FetchFailure.refused(w + ".tier: tiers must be 1, 2, 3 … in order (got " + tier + " at place "
                        + (i + 1) + ")");
            }
            BigDecimal min = Fields.decimal(t, "minSz", w);
            BigDecimal max = Fields.decimal(t, "maxSz", w);
            if (previousMax == null ? min.signum() != 0
                    : min.compareTo(previousMax) != 0 && min.compareTo(previousMax.add(BigDecimal.ONE)) != 0) {
                throw FetchFailure.refused(w + ": a gap or overlap between tiers: minSz must be "
                        + (previousMax == null ? "0" : previousMax.toPlainString() + " or "
                                + previousMax.add(BigDecimal.ONE).toPlainString()) + " (got " + min.toPlainString() + ")");
            }
            BigDecimal floor = previousMax == null ? BigDecimal.ZERO : previousMax.multiply(perContract);
            tiers.add(floor, max.multiply(perContract), Fields.decimal(t, "maxLever", w), Fields.decimal(t, "mmr", w), null,
                    w);
            previousMax = max;
        }
        String source = "OKX " + urls + ": tiers in contracts converted to USDT notional at ctVal "
                + ctVal.stripTrailingZeros().toPlainString() + " × markPx " + mark.stripTrailingZeros().toPlainString()
                + " (exact at that mark price only)";
        return tiers.build(source, asOf);
    }

    private static JsonNode data(JsonNode answer, String what) throws FetchFailure {
        Fields.object(answer, "the " + what + " answer");
        String code = Fields.optionalText(answer, "code");
        if (!"0".equals(code)) {
            throw FetchFailure.refused("OKX answered code " + code + " to " + what + ": "
                    + Fields.optionalText(answer, "msg"));
        }
        return Fields.array(answer, "data", what);
    }

    private static JsonNode only(JsonNode list, String what, String instId) throws FetchFailure {
        for (int i = 0; i < list.size(); i++) {
            JsonNode row = Fields.object(list.get(i), what + " data[" + i + "]");
            if (instId.equals(Fields.optionalText(row, "instId"))) {
                return row;
            }
        }
        throw FetchFailure.refused(what + ": the answer does not list " + instId);
    }
}
