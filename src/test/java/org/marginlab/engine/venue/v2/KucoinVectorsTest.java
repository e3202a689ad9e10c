package org.marginlab.engine.venue.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.marginlab.engine.Vectors.dec;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.VenueParameters;
import org.marginlab.engine.Vectors;
import org.marginlab.engine.Vectors.Case;
import org.marginlab.engine.venue.KucoinCross;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code kucoin} (spec venues-v2.md §2): every {@code venues_v2.json} case of the venue, through
 * the engine where the figure is a position's, else through {@link KucoinCross}; then the
 * versions, the funding term, 1x positions and validation, with figures worked by hand.
 */
class KucoinVectorsTest {
    static final List<String> CASES = List.of(
            "kucoin-cross-risk-rate-derived",
            "kucoin-cross-amr-linear-derived",
            "kucoin-isolated-2025-long-derived",
            "kucoin-coinm-isolated-long-pre2025-derived");

    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final BigDecimal TIGHT = new BigDecimal("1e-20");

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static VenueRules venueOf(Case c) {
        JsonNode asOf = c.node().get("as_of");
        return Venues.resolve(c.node().get("venue").asText(), asOf == null ? null : Instant.parse(asOf.asText()));
    }

    private static void check(Case c, String field, BigDecimal actual) {
        Vectors.assertWithin(c.id() + " " + field, actual, dec(c.expected(), field), c.tolerance());
    }

    @Test
    void cases_areEveryKucoinCaseOfTheFile() {
        assertThat(Vectors.v2Cases().stream().filter(c -> c.node().path("venue").asText().equals("kucoin"))
                .map(Case::id)).containsExactlyInAnyOrderElementsOf(CASES);
    }

    @Test
    void riskRate_derived() {
        Case c = Vectors.v2Case("kucoin-cross-risk-rate-derived");
        JsonNode in = c.inputs();
        List<KucoinCross.Item> positions = new ArrayList<>();
        for (JsonNode p : in.get("positions")) {
            positions.add(new KucoinCross.Item(
                    dec(p, "lots").multiply(dec(p, "multiplier")).multiply(dec(p, "mark_price")), dec(p, "mmr")));
        }
        List<KucoinCross.Item> orders = new ArrayList<>();
        for (JsonNode o : in.get("open_orders")) {
            orders.add(new KucoinCross.Item(
                    dec(o, "lots").multiply(dec(o, "multiplier")).multiply(dec(o, "price")), dec(o, "mmr")));
        }
        KucoinCross.RiskRate r = KucoinCross.riskRate(dec(in, "total_cross_margin"), positions, orders,
                dec(in, "taker_fee_rate"));
        check(c, "numerator", r.numerator());
        check(c, "denominator", r.denominator());
        check(c, "risk_rate", r.rate());
    }

    @Test
    void riskRate_withoutOrders_isTheAccountMarginRatio() {
        // BTC long 30 lots × 0.001 @ mark 95,000 alone, wallet 4,000: (11.4 + 2,850·0.0006) / 4,000
        // = (11.4 + 1.71)/4,000 = 0.0032775
        Position btc = cross("btc", Side.LONG, "30", "95000", "95000", "0.004");
        AccountRisk a = ENGINE.evaluate(Account.of(Venues.byId("kucoin"), d("4000"), List.of(btc)));
        assertThat(a.marginRatio()).isEqualByComparingTo("0.0032775");
    }

    private static Position cross(String id, Side side, String lots, String entry, String mark, String mmr) {
        boolean btc = id.equals("btc");
        return Position.builder().id(id).symbol(btc ? "XBTUSDTM" : "ETHUSDTM").side(side).quantity(d(lots))
                .contractSize(d(btc ? "0.001" : "0.01")).entryPrice(d(entry)).markPrice(d(mark))
                .leverage(BigDecimal.TEN).marginMode(MarginMode.CROSS).maintenance(new Maintenance(d(mmr), BigDecimal.ZERO))
                .takerFeeRate(d("0.0006")).build();
    }

    @Test
    void crossAmr_derived() {
        Case c = Vectors.v2Case("kucoin-cross-amr-linear-derived");
        JsonNode in = c.inputs();
        List<Position> positions = new ArrayList<>();
        BigDecimal sumAbs = BigDecimal.ZERO;
        for (JsonNode p : in.get("positions")) {
            String symbol = p.get("symbol").asText();
            // "total cross margin" includes unrealized PnL: the vector gives marks only, so the
            // positions are entered at the mark (PnL 0) and the wallet is the total cross margin
            positions.add(Position.builder().id(symbol.startsWith("BTC") ? "btc" : "eth")
                    .symbol(symbol.startsWith("BTC") ? "XBTUSDTM" : "ETHUSDTM").side(Side.parse(p.get("side").asText()))
                    .quantity(dec(p, "lots")).contractSize(dec(p, "multiplier")).entryPrice(dec(p, "mark_price"))
                    .markPrice(dec(p, "mark_price")).leverage(BigDecimal.TEN).marginMode(MarginMode.CROSS)
                    .maintenance(new Maintenance(dec(p, "mmr"), BigDecimal.ZERO)).takerFeeRate(dec(in, "taker_fee_rate"))
                    .build());
            sumAbs = sumAbs.add(dec(p, "lots").multiply(dec(p, "multiplier")).multiply(dec(p, "mark_price")));
        }
        AccountRisk a = ENGINE.evaluate(Account.of(venueOf(c), dec(in, "total_cross_margin"), positions));
        check(c, "liquidation_price_btc", a.position("btc").liquidationPrice());
        check(c, "liquidation_price_eth", a.position("eth").liquidationPrice());

        BigDecimal amr = KucoinCross.allocatedMarginRatio(dec(in, "total_cross_margin"), sumAbs);
        check(c, "amr", amr);
        // the helper's closed form agrees with the engine's equation
        BigDecimal taker = dec(in, "taker_fee_rate");
        check(c, "liquidation_price_btc",
                KucoinCross.referenceLiquidationPrice(false, Side.LONG, d("95000"), amr, d("0.004"), taker));
        check(c, "liquidation_price_eth",
                KucoinCross.referenceLiquidationPrice(false, Side.SHORT, d("3200"), amr, d("0.008"), taker));
    }

    @Test
    void crossAmr_withEntryAwayFromTheMark_countsThePnlFromTheMark() {
        // Same marks as the vector, entries 90,000 (BTC long, PnL +100) and 3,000 (ETH short,
        // PnL −100): total cross margin = 700 + 100 − 100 = 700, AMR 0.2, so the same prices:
        // BTC 95,000·0.8/0.9954 = 76351.2155917219208358448…, ETH 3,200·1.2/1.0086 = 3807.25758477…
        Position btc = cross("btc", Side.LONG, "20", "90000", "95000", "0.004");
        Position eth = cross("eth", Side.SHORT, "50", "3000", "3200", "0.008");
        AccountRisk a = ENGINE.evaluate(Account.of(Venues.byId("kucoin"), d("700"), List.of(btc, eth)));
        assertThat(a.position("btc").liquidationPrice()).isCloseTo(d("76351.21559172192083584488647779787"), within(d("1e-25")));
        assertThat(a.position("eth").liquidationPrice()).isCloseTo(d("3807.257584770969660916121356335515"), within(d("1e-25")));
        // derived bankruptcy (m = f = 0): BTC 95,000·(1 − 0.2) = 76,000
        assertThat(a.position("btc").bankruptcyPrice()).isCloseTo(d("76000"), within(TIGHT));
    }

    @Test
    void isolated2025_derived() {
        Case c = Vectors.v2Case("kucoin-isolated-2025-long-derived");
        JsonNode in = c.inputs();
        VenueRules venue = venueOf(c);
        assertThat(venue.ruleSetId()).isEqualTo("kucoin@2025-05-22");
        PositionRisk r = ENGINE.evaluate(isolated2025(in, Side.LONG), venue);
        check(c, "liquidation_price", r.liquidationPrice());
        assertThat(r.ruleSet()).isEqualTo("kucoin@2025-05-22");
    }

    private static Position isolated2025(JsonNode in, Side side) {
        return Position.builder().symbol("XBTUSDTM").side(side).quantity(dec(in, "lots"))
                .contractSize(dec(in, "multiplier")).entryPrice(dec(in, "entry_price")).leverage(dec(in, "leverage"))
                .isolatedMargin(dec(in, "isolated_margin")).maintenance(new Maintenance(dec(in, "mmr"), BigDecimal.ZERO))
                .venueParameters(VenueParameters.builder().liquidationFeeRate(dec(in, "liquidation_fee_rate"))
                        .fundingRate(dec(in, "funding_rate_in_mm")).build())
                .build();
    }

    @Test
    void isolated2025_notes_shortAndOldRule() {
        JsonNode in = Vectors.v2Case("kucoin-isolated-2025-long-derived").inputs();
        // notes: the 2025 rule, short: (4,000 + 200)/(0.05·1.005) = 83582.0895522388…
        assertThat(ENGINE.evaluate(isolated2025(in, Side.SHORT), Venues.byId("kucoin@2025-05-22")).liquidationPrice())
                .isCloseTo(d("83582.08955223880597014925373134328"), within(d("1e-25")));
        // notes: the pre-2025 rule (MM at entry 16): 80,000 − (200 − 16)/0.05 = 76,320
        PositionRisk old = ENGINE.evaluate(isolated2025(in, Side.LONG), Venues.byId("kucoin@2021-01-01"));
        assertThat(old.liquidationPrice()).isEqualByComparingTo("76320");
        assertThat(old.ruleSet()).isEqualTo("kucoin@2021-01-01");
    }

    @Test
    void coinmPre2025_derived() {
        Case c = Vectors.v2Case("kucoin-coinm-isolated-long-pre2025-derived");
        JsonNode in = c.inputs();
        VenueRules venue = venueOf(c);
        assertThat(venue.ruleSetId()).isEqualTo("kucoin@2021-01-01");
        PositionRisk r = ENGINE.evaluate(coinm(in), venue);
        check(c, "initial_margin", r.initialMargin());
        check(c, "maintenance_margin", r.maintenanceMargin());
        check(c, "liquidation_price", r.liquidationPrice());
        check(c, "bankruptcy_price", r.bankruptcyPrice());
    }

    private static Position coinm(JsonNode in) {
        return Position.builder().symbol("XBTUSDM").contract(ContractType.INVERSE).side(Side.LONG)
                .quantity(dec(in, "contracts_usd")).entryPrice(dec(in, "entry_price")).leverage(dec(in, "leverage"))
                .maintenance(new Maintenance(dec(in, "mmr"), BigDecimal.ZERO)).build();
    }

    @Test
    @DisplayName("coin-M from 2025-05-22 is I-P with φ = LFR (uncertain: spec §14 #3)")
    void coinm2025_isIpWithTheLiquidationFee() {
        Position p = coinm(Vectors.v2Case("kucoin-coinm-isolated-long-pre2025-derived").inputs()).toBuilder()
                .venueParameters(VenueParameters.builder().liquidationFeeRate(d("0.001")).build()).build();
        // N(1 + m + φ)/(N/EP + M) = 2,000·1.006/(0.05 + 0.0025) = 38323.8095238095238…
        assertThat(ENGINE.evaluate(p, Venues.byId("kucoin@2025-05-22")).liquidationPrice())
                .isCloseTo(d("38323.80952380952380952380952380952"), within(d("1e-25")));
        assertThat(Venues.byId("kucoin").settlementCurrency(p)).isEqualTo("XBT");
    }

    @Test
    void versions_resolveByTheEffectiveInstant() {
        assertThat(Venues.resolve("kucoin", Instant.parse("2025-05-22T03:59:59Z")).ruleSetId()).isEqualTo("kucoin@2021-01-01");
        assertThat(Venues.resolve("kucoin", Instant.parse("2025-05-22T04:00:00Z")).ruleSetId()).isEqualTo("kucoin@2025-05-22");
        assertThat(Venues.resolve("kucoin", null).ruleSetId()).isEqualTo("kucoin@2025-05-22");
        assertThat(Venues.resolve("kucoin@2021-01-01", Instant.parse("2026-01-01T00:00:00Z")).version()).isEqualTo("2021-01-01");
        assertThat(Venues.byId("kucoin@2025-05-22").effectiveFrom()).isEqualTo(Instant.parse("2025-05-22T04:00:00Z"));
        assertThatThrownBy(() -> Venues.resolve("kucoin", Instant.parse("2020-12-31T23:59:59Z")))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("asOf: must not be before 2021-01-01T00:00:00Z");
        assertThatThrownBy(() -> Venues.byId("kucoin@2024-01-01")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("kucoin@2021-01-01, kucoin@2025-05-22");
    }

    @Test
    void liquidationFeeRate_isRequiredOnIsolatedPositionsFrom2025() {
        Position p = isolated2025(Vectors.v2Case("kucoin-isolated-2025-long-derived").inputs(), Side.LONG).toBuilder()
                .venueParameters(VenueParameters.NONE).build();
        assertThatThrownBy(() -> ENGINE.evaluate(Account.of(Venues.byId("kucoin@2025-05-22"), BigDecimal.ZERO, List.of(p))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("positions[0].liquidationFeeRate: is required on kucoin@2025-05-22 for an isolated position"
                        + " (KuCoin publishes no rate per contract; give the rate) (got nothing)");
        // the 2021 rules do not read it
        assertThat(ENGINE.evaluate(p, Venues.byId("kucoin@2021-01-01")).liquidationPrice()).isEqualByComparingTo("76320");
    }

    @Test
    void fundingTerm_movesTheOldLiquidationPriceBySideTimesEntryTimesRate() {
        JsonNode in = Vectors.v2Case("kucoin-isolated-2025-long-derived").inputs();
        VenueParameters r = VenueParameters.builder().fundingRate(d("0.0001")).build();
        VenueRules old = Venues.byId("kucoin@2021-01-01");
        // long: 76,320 + 80,000·0.0001 = 76,328; MM = 16 + 4,000·0.0001 = 16.4
        PositionRisk longRisk = ENGINE.evaluate(isolated2025(in, Side.LONG).toBuilder().venueParameters(r).build(), old);
        assertThat(longRisk.liquidationPrice()).isEqualByComparingTo("76328");
        assertThat(longRisk.maintenanceMargin()).isEqualByComparingTo("16.4");
        // short: 80,000 + (200 − 16)/0.05 = 83,680, less 8: 83,672
        assertThat(ENGINE.evaluate(isolated2025(in, Side.SHORT).toBuilder().venueParameters(r).build(), old)
                .liquidationPrice()).isEqualByComparingTo("83672");
        // 2025: φ = LFR + r = 0.0011: 3,800/(0.05·(1 − 0.0051)) = 76389.5868931550909639…
        Position p = isolated2025(in, Side.LONG).toBuilder().venueParameters(VenueParameters.builder()
                .liquidationFeeRate(d("0.001")).fundingRate(d("0.0001")).build()).build();
        assertThat(ENGINE.evaluate(p, Venues.byId("kucoin@2025-05-22")).liquidationPrice())
                .isCloseTo(d("76389.58689315509096391597145441753"), within(d("1e-25")));
    }

    @Test
    void oneX_oldRuleKeepsAFinitePrice_newRuleHasNone() {
        // 1x long, 0.05 BTC @ 80,000, margin 4,000, MMR 0.4 %: L-E LP = m·EP = 320; L-P: none
        Position p = Position.builder().symbol("XBTUSDTM").side(Side.LONG).quantity(d("50")).contractSize(d("0.001"))
                .entryPrice(d("80000")).leverage(BigDecimal.ONE).maintenance(new Maintenance(d("0.004"), BigDecimal.ZERO))
                .venueParameters(VenueParameters.builder().liquidationFeeRate(d("0.001")).build()).build();
        assertThat(ENGINE.evaluate(p, Venues.byId("kucoin@2021-01-01")).liquidationPrice()).isEqualByComparingTo("320");
        assertThat(ENGINE.evaluate(p, Venues.byId("kucoin@2025-05-22")).liquidationPrice()).isNull();
        // 1x coin-M short, 2,000 USD @ 40,000, MMR 0.5 %: I-E LP = EP/m = 8,000,000; I-P: none
        Position inv = Position.builder().symbol("XBTUSDM").contract(ContractType.INVERSE).side(Side.SHORT)
                .quantity(d("2000")).entryPrice(d("40000")).leverage(BigDecimal.ONE)
                .maintenance(new Maintenance(d("0.005"), BigDecimal.ZERO))
                .venueParameters(VenueParameters.builder().liquidationFeeRate(d("0.001")).build()).build();
        assertThat(ENGINE.evaluate(inv, Venues.byId("kucoin@2021-01-01")).liquidationPrice())
                .isCloseTo(d("8000000"), within(d("1e-24")));
        assertThat(ENGINE.evaluate(inv, Venues.byId("kucoin@2025-05-22")).liquidationPrice()).isNull();
    }

    @Test
    void helpers_validateTheirInputs() {
        assertThatThrownBy(() -> KucoinCross.allocatedMarginRatio(d("700"), BigDecimal.ZERO))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("sumAbsMarkValue: must be > 0");
        assertThatThrownBy(() -> new KucoinCross.Item(d("-1"), d("0.004")))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("value: must be ≥ 0");
        // a non-positive margin left after the opening fees: no rate
        assertThat(KucoinCross.riskRate(BigDecimal.ZERO, List.of(), List.of(), d("0.0006")).rate()).isNull();
        // AMR ≥ 1 for a long: no positive reference price
        assertThat(KucoinCross.referenceLiquidationPrice(false, Side.LONG, d("95000"), d("1.2"), d("0.004"), d("0.0006")))
                .isNull();
    }
}
