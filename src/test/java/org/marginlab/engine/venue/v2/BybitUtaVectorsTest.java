package org.marginlab.engine.venue.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.marginlab.engine.Vectors.dec;

import java.math.BigDecimal;
import java.time.Instant;
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
import org.marginlab.engine.Vectors;
import org.marginlab.engine.Vectors.Case;
import org.marginlab.engine.venue.BybitUtaRules;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code bybit-uta} (spec venues-v2.md §9): every {@code venues_v2.json} case of the rule set
 * through the engine (USDC's initial margin at the mark through {@link BybitUtaRules}), the 2026
 * inverse cases also through {@code bybit-uta@2024-09-10} against their
 * {@code cross_check_computed}; then versions, the fee to close in the liquidation and bankruptcy
 * prices, 1x positions and the classic rule sets left unchanged, by hand.
 */
class BybitUtaVectorsTest {
    static final List<String> CASES = List.of(
            "bybit-uta-usdt-position-margin-roi-derived",
            "bybit-uta-usdc-im-at-mark-derived",
            "bybit-uta-inverse-isolated-long-2026-derived",
            "bybit-uta-inverse-isolated-short-2026-derived");

    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;

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
    void cases_areEveryBybitUtaCaseOfTheFile() {
        assertThat(Vectors.v2Cases().stream().filter(c -> c.node().path("venue").asText().equals("bybit-uta"))
                .map(Case::id)).containsExactlyInAnyOrderElementsOf(CASES);
    }

    private static Position linear(JsonNode in, String symbol, Side side) {
        return Position.builder().symbol(symbol).side(side).quantity(dec(in, "quantity"))
                .entryPrice(dec(in, "entry_price")).markPrice(dec(in, "mark_price")).leverage(dec(in, "leverage"))
                .takerFeeRate(dec(in, "taker_fee_rate")).maintenance(new Maintenance(d("0.005"), BigDecimal.ZERO)).build();
    }

    @Test
    void usdtPositionMarginAndRoi_derived() {
        Case c = Vectors.v2Case("bybit-uta-usdt-position-margin-roi-derived");
        // no isolatedMargin: the default position margin is IM + FTC (§13)
        PositionRisk r = ENGINE.evaluate(linear(c.inputs(), "BTCUSDT", Side.LONG), venueOf(c));
        check(c, "initial_margin", r.initialMargin());
        check(c, "fee_to_close", r.feeToClose());
        check(c, "position_margin", r.isolatedMargin());
        check(c, "unrealized_pnl", r.unrealizedPnl());
        check(c, "roe", r.roe());
    }

    @Test
    void usdtFeeToClose_cancelsInTheLiquidationPrice_staysInTheBankruptcyPrice() {
        Position p = linear(Vectors.v2Case("bybit-uta-usdt-position-margin-roi-derived").inputs(), "BTCUSDT", Side.LONG);
        PositionRisk uta = ENGINE.evaluate(p, Venues.byId("bybit-uta"));
        // 60,000 − (1,515.675 − 150 − 15.675)/0.5 = 57,300, as classic Bybit with margin 1,500
        assertThat(uta.liquidationPrice()).isEqualByComparingTo("57300");
        PositionRisk classic = ENGINE.evaluate(p, Venues.byId("bybit-linear"));
        assertThat(classic.liquidationPrice()).isEqualByComparingTo("57300");
        // BP = 60,000 − (1,515.675 − 15.675)/0.5 = 57,000 = EP·(1 − 1/20)
        assertThat(uta.bankruptcyPrice()).isEqualByComparingTo("57000");
        // classic rule sets are unchanged: no fee to close, ROE on IM
        assertThat(classic.feeToClose()).isNull();
        assertThat(classic.roe()).isEqualByComparingTo("0.4");
        // short: FTC = 0.5·60,000·1.05·0.00055 = 17.325; LP = 60,000 + (1,500 − 150)/0.5 = 62,700; BP 63,000
        PositionRisk s = ENGINE.evaluate(p.toBuilder().side(Side.SHORT).build(), Venues.byId("bybit-uta"));
        assertThat(s.feeToClose()).isEqualByComparingTo("17.325");
        assertThat(s.liquidationPrice()).isEqualByComparingTo("62700");
        assertThat(s.bankruptcyPrice()).isEqualByComparingTo("63000");
        // at the liquidation price the long is liquidated: 1,515.675 − 1,350 = 165.675 ≤ 150 + 15.675
        assertThat(ENGINE.evaluate(p.withMarkPrice(uta.liquidationPrice()), Venues.byId("bybit-uta")).liquidated())
                .isTrue();
        // MM rate: (150 + 15.675)/(1,515.675 + 600) = 165.675/2,115.675
        assertThat(uta.marginRatio()).isCloseTo(d("165.675").divide(d("2115.675"), java.math.MathContext.DECIMAL128),
                within(d("1e-30")));
    }

    @Test
    @DisplayName("USDC: initial margin at the mark (uncertain: spec §14 #11 for its LP)")
    void usdcInitialMarginAtMark_derived() {
        Case c = Vectors.v2Case("bybit-uta-usdc-im-at-mark-derived");
        Position p = linear(c.inputs(), "ETHPERP", Side.LONG);
        BybitUtaRules uta = (BybitUtaRules) venueOf(c);
        assertThat(BybitUtaRules.isUsdc(p)).isTrue();
        assertThat(uta.settlementCurrency(p)).isEqualTo("USDC");
        check(c, "initial_margin", uta.initialMargin(p));
        check(c, "fee_to_close", uta.feeToClose(p));
        check(c, "position_margin", uta.positionMargin(p));
        PositionRisk r = ENGINE.evaluate(p, uta);
        check(c, "initial_margin_if_at_entry", r.initialMargin());
        check(c, "fee_to_close", r.feeToClose());
    }

    @Test
    void usdtOrUsdc_bySymbol() {
        JsonNode in = Vectors.v2Case("bybit-uta-usdc-im-at-mark-derived").inputs();
        assertThat(BybitUtaRules.isUsdc(linear(in, "ETHUSDT", Side.LONG))).isFalse();
        assertThat(BybitUtaRules.isUsdc(linear(in, "ETH-USDC", Side.LONG))).isTrue();
        assertThat(BybitUtaRules.isUsdc(linear(in, "BTCPERP", Side.LONG))).isTrue();
        // USDT: IM at entry, 2·3,000/20 = 300
        assertThat(((BybitUtaRules) Venues.byId("bybit-uta")).initialMargin(linear(in, "ETHUSDT", Side.LONG)))
                .isEqualByComparingTo("300");
    }

    private static Position inverse(JsonNode in, Side side, VenueRules venue) {
        Position bare = Position.builder().symbol("BTCUSD").contract(ContractType.INVERSE).side(side)
                .quantity(dec(in, "contracts")).entryPrice(dec(in, "entry_price")).leverage(dec(in, "leverage"))
                .maintenance(new Maintenance(dec(in, "mmr"), dec(in, "mm_deduction")))
                .takerFeeRate(dec(in, "taker_fee_rate")).build();
        // the position margin = IM + FTC + extra margin (§13); IM and FTC are the engine's own
        // figures of the same position without a stated margin
        PositionRisk bareRisk = ENGINE.evaluate(bare, venue);
        return bare.withIsolatedMargin(bareRisk.initialMargin().add(bareRisk.feeToClose()).add(dec(in, "extra_margin")));
    }

    @Test
    void inverseLong2026_derived() {
        Case c = Vectors.v2Case("bybit-uta-inverse-isolated-long-2026-derived");
        VenueRules v2026 = venueOf(c);
        assertThat(v2026.ruleSetId()).isEqualTo("bybit-uta@2026-05-27");
        Position p = inverse(c.inputs(), Side.LONG, v2026);
        // IM 0.02, FTC 0.5·1.04·0.00055 = 0.000286, extra 0.01
        assertThat(p.isolatedMargin()).isEqualByComparingTo("0.030286");
        PositionRisk r = ENGINE.evaluate(p, v2026);
        check(c, "liquidation_price", r.liquidationPrice());
        assertThat(r.ruleSet()).isEqualTo("bybit-uta@2026-05-27");
        assertThat(ENGINE.evaluate(p.withMarkPrice(r.liquidationPrice()), v2026).liquidated()).isTrue();
        // the 2024-09-10 revision (I-E, M = IM + Extra): the case's cross_check_computed
        VenueRules v2024 = Venues.byId("bybit-uta@2024-09-10");
        Vectors.assertWithin(c.id() + " cross_check_computed", ENGINE.evaluate(p, v2024).liquidationPrice(),
                dec(c.node(), "cross_check_computed"), c.tolerance());
    }

    @Test
    void inverseShort2026_derived() {
        Case c = Vectors.v2Case("bybit-uta-inverse-isolated-short-2026-derived");
        VenueRules v2026 = venueOf(c);
        Position p = inverse(c.inputs(), Side.SHORT, v2026);
        // IM 0.02, FTC 0.5·0.96·0.00055 = 0.000264, extra 0.01
        assertThat(p.isolatedMargin()).isEqualByComparingTo("0.030264");
        PositionRisk r = ENGINE.evaluate(p, v2026);
        check(c, "liquidation_price", r.liquidationPrice());
        assertThat(ENGINE.evaluate(p.withMarkPrice(r.liquidationPrice()), v2026).liquidated()).isTrue();
        Vectors.assertWithin(c.id() + " cross_check_computed",
                ENGINE.evaluate(p, Venues.byId("bybit-uta@2024-09-10")).liquidationPrice(),
                dec(c.node(), "cross_check_computed"), c.tolerance());
    }

    @Test
    void inverse2026_defaultMargin() {
        JsonNode in = Vectors.v2Case("bybit-uta-inverse-isolated-long-2026-derived").inputs();
        Position p = inverse(in, Side.LONG, Venues.byId("bybit-uta")).toBuilder().isolatedMargin(null).build();
        PositionRisk r = ENGINE.evaluate(p, Venues.byId("bybit-uta@2026-05-27"));
        // M = IM = 0.02: LP = 30,000·1.005/0.52 = 57980.769230769230769…; BP = 60,000/1.04
        assertThat(r.liquidationPrice()).isCloseTo(d("57980.76923076923076923076923076923"), within(d("1e-25")));
        assertThat(r.bankruptcyPrice()).isCloseTo(d("57692.30769230769230769230769230769"), within(d("1e-25")));
        assertThat(r.isolatedMargin()).isEqualByComparingTo("0.020286");
    }

    @Test
    void oneX_linearLongFinite_inverseShort2026None() {
        JsonNode in = Vectors.v2Case("bybit-uta-usdt-position-margin-roi-derived").inputs();
        // 1x long: FTC at BP 0 is 0, margin 30,000 = value; L-E LP = m·EP = 0.005·60,000 = 300
        Position p = linear(in, "BTCUSDT", Side.LONG).toBuilder().leverage(BigDecimal.ONE).build();
        PositionRisk r = ENGINE.evaluate(p, Venues.byId("bybit-uta"));
        assertThat(r.feeToClose()).isEqualByComparingTo("0");
        assertThat(r.liquidationPrice()).isEqualByComparingTo("300");
        // 1x inverse short (FTC at BP = 0): I-P (2026) none; I-E (2024) LP = 30,000/(0.5 − (0.5 − 0.0025))
        // = EP/m = 12,000,000
        Position inv = Position.builder().symbol("BTCUSD").contract(ContractType.INVERSE).side(Side.SHORT)
                .quantity(d("30000")).entryPrice(d("60000")).leverage(BigDecimal.ONE)
                .maintenance(new Maintenance(d("0.005"), BigDecimal.ZERO)).build();
        assertThat(ENGINE.evaluate(inv, Venues.byId("bybit-uta@2026-05-27")).liquidationPrice()).isNull();
        assertThat(ENGINE.evaluate(inv, Venues.byId("bybit-uta@2024-09-10")).liquidationPrice())
                .isCloseTo(d("12000000"), within(d("1e-23")));
    }

    @Test
    void cross_feeToCloseInTheRequirement() {
        // one cross long, wallet 2,000: W − MM_E − FTC = 2,000 − 150 − 15.675 → LP = 60,000 − 1,834.325/0.5
        // = 56,331.35
        Position p = linear(Vectors.v2Case("bybit-uta-usdt-position-margin-roi-derived").inputs(), "BTCUSDT",
                Side.LONG).toBuilder().marginMode(MarginMode.CROSS).build();
        AccountRisk a = ENGINE.evaluate(Account.of(Venues.byId("bybit-uta"), d("2000"), List.of(p)));
        assertThat(a.position(p.id()).liquidationPrice()).isEqualByComparingTo("56331.35");
        // account MM rate (150 + 15.675)/(2,000 + 600)
        assertThat(a.marginRatio()).isCloseTo(d("165.675").divide(d("2600"), java.math.MathContext.DECIMAL128),
                within(d("1e-30")));
    }

    @Test
    void versions_resolveByTheRevisionDate() {
        assertThat(Venues.resolve("bybit-uta", Instant.parse("2026-05-26T23:59:59Z")).ruleSetId())
                .isEqualTo("bybit-uta@2024-09-10");
        assertThat(Venues.resolve("bybit-uta", Instant.parse("2026-05-27T00:00:00Z")).ruleSetId())
                .isEqualTo("bybit-uta@2026-05-27");
        assertThat(Venues.resolve("bybit-uta", null).ruleSetId()).isEqualTo("bybit-uta@2026-05-27");
        assertThatThrownBy(() -> Venues.resolve("bybit-uta", Instant.parse("2024-09-09T23:59:59Z")))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("asOf: must not be before 2024-09-10T00:00:00Z, the first rule set of bybit-uta");
        // the classic rule sets keep their single version
        assertThat(Venues.versions("bybit-linear")).hasSize(1);
        assertThat(Venues.versions("bybit-inverse")).hasSize(1);
    }
}
