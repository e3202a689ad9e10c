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
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.VenueParameters;
import org.marginlab.engine.Vectors;
import org.marginlab.engine.Vectors.Case;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.venue.BitgetRules;
import org.marginlab.engine.venue.MarkSweep;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code bitget} (spec venues-v2.md §4): every {@code venues_v2.json} case of the venue through
 * the engine (Bitget's margin at the mark and its MM figure with the fee through
 * {@link BitgetRules#initialMargin} / {@link BitgetRules#maintenanceMargin}); then the versions,
 * opening time, whole-position tiers, the margin ratio and 1x positions, by hand.
 */
class BitgetVectorsTest {
    static final List<String> CASES = List.of(
            "bitget-tiered-mm-2025-11-doc",
            "bitget-isolated-long-derived",
            "bitget-isolated-short-derived",
            "bitget-margin-at-mark-2025-09-derived");

    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final Instant NOV_10 = Instant.parse("2025-11-10T08:00:00Z");

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
    void cases_areEveryBitgetCaseOfTheFile() {
        assertThat(Vectors.v2Cases().stream().filter(c -> c.node().path("venue").asText().equals("bitget"))
                .map(Case::id)).containsExactlyInAnyOrderElementsOf(CASES);
    }

    private static Position isolated(JsonNode in, Side side) {
        return Position.builder().symbol("BTCUSDT").side(side).quantity(dec(in, "quantity"))
                .entryPrice(dec(in, "entry_price")).leverage(dec(in, "leverage")).isolatedMargin(dec(in, "isolated_margin"))
                .maintenance(new Maintenance(dec(in, "mmr"), dec(in, "pre_calculated_offset")))
                .takerFeeRate(dec(in, "taker_fee_rate")).build();
    }

    @Test
    void isolatedLong_derived() {
        Case c = Vectors.v2Case("bitget-isolated-long-derived");
        check(c, "liquidation_price", ENGINE.evaluate(isolated(c.inputs(), Side.LONG), venueOf(c)).liquidationPrice());
    }

    @Test
    void isolatedShort_derived() {
        Case c = Vectors.v2Case("bitget-isolated-short-derived");
        check(c, "liquidation_price", ENGINE.evaluate(isolated(c.inputs(), Side.SHORT), venueOf(c)).liquidationPrice());
    }

    @Test
    void isolated_sameInEveryVersion_andBankruptcyWithoutFee() {
        Position p = isolated(Vectors.v2Case("bitget-isolated-long-derived").inputs(), Side.LONG);
        for (VenueRules v : Venues.versions("bitget")) {
            // (3,600 − 36,000)/(0.4·(0.0046 − 1)) = 81374.3218806509945750452079566
            assertThat(ENGINE.evaluate(p, v).liquidationPrice()).as(v.ruleSetId())
                    .isCloseTo(d("81374.32188065099457504520795660036"), within(d("1e-25")));
            // 90,000 − 3,600/0.4 = 81,000
            assertThat(ENGINE.evaluate(p, v).bankruptcyPrice()).isEqualByComparingTo("81000");
        }
    }

    @Test
    void marginAtMark_derived() {
        Case c = Vectors.v2Case("bitget-margin-at-mark-2025-09-derived");
        JsonNode in = c.inputs();
        Position p = Position.builder().symbol("BTCUSDT").side(Side.LONG).quantity(dec(in, "quantity"))
                .entryPrice(dec(in, "entry_price")).markPrice(dec(in, "mark_price")).leverage(dec(in, "leverage"))
                .maintenance(new Maintenance(d("0.004"), BigDecimal.ZERO)).build();
        BitgetRules after = (BitgetRules) venueOf(c);
        assertThat(after.ruleSetId()).isEqualTo("bitget@2025-09-29");
        BitgetRules before = (BitgetRules) Venues.resolve("bitget", Instant.parse("2025-09-28T23:59:59Z"));
        assertThat(before.ruleSetId()).isEqualTo("bitget@0000-01-01");
        PositionRisk rAfter = ENGINE.evaluate(p, after);
        PositionRisk rBefore = ENGINE.evaluate(p, before);
        check(c, "margin_after", after.initialMargin(p));
        check(c, "margin_before", before.initialMargin(p));
        check(c, "margin_before", rAfter.initialMargin()); // the engine's field stays the margin at entry
        check(c, "unrealized_pnl", rAfter.unrealizedPnl());
        check(c, "roe_after", rAfter.roe());
        check(c, "roe_before", rBefore.roe());
    }

    private static Position tiered(JsonNode in, Instant openedAt) {
        List<BigDecimal> floors = new ArrayList<>();
        List<BigDecimal> caps = new ArrayList<>();
        List<BigDecimal> rates = new ArrayList<>();
        List<BigDecimal> leverages = new ArrayList<>();
        for (JsonNode t : in.get("tiers")) {
            floors.add(t.get(0).decimalValue());
            caps.add(t.get(1).decimalValue());
            rates.add(t.get(2).decimalValue());
            leverages.add(null);
        }
        return Position.builder().symbol("BTCUSDT").side(Side.LONG).quantity(dec(in, "quantity"))
                .entryPrice(dec(in, "mark_price")).leverage(BigDecimal.TEN).takerFeeRate(dec(in, "fee_rate"))
                .tiers(TierTable.ofMarginalRates(floors, caps, rates, leverages, "bitget-tiered-mm-2025-11-doc", null))
                .venueParameters(VenueParameters.builder().openedAt(openedAt).build()).build();
    }

    @Test
    void tieredMaintenance_2025_11_doc() {
        Case c = Vectors.v2Case("bitget-tiered-mm-2025-11-doc");
        JsonNode in = c.inputs();
        BitgetRules venue = (BitgetRules) venueOf(c);
        assertThat(venue.ruleSetId()).isEqualTo("bitget@2025-11-10");
        assertThat(venue.appliesBy()).isEqualTo(VenueRules.AppliesBy.POSITION_OPEN_TIME);

        Position before = tiered(in, NOV_10.minusSeconds(1));
        Position after = tiered(in, NOV_10);
        PositionRisk rBefore = ENGINE.evaluate(before, venue);
        PositionRisk rAfter = ENGINE.evaluate(after, venue);
        check(c, "position_value", rAfter.notional());
        check(c, "maintenance_margin_before", venue.maintenanceMargin(before));
        check(c, "maintenance_margin_after", venue.maintenanceMargin(after));
        check(c, "pre_calculated_offset", rAfter.maintenanceAmount());
        // the engine's MM excludes the fee term 330,000·0.06 % = 198: 1,650 and 1,450
        assertThat(rBefore.maintenanceMargin()).isEqualByComparingTo("1650");
        assertThat(rBefore.maintenanceAmount()).isEqualByComparingTo("0");
        assertThat(rAfter.maintenanceMargin()).isEqualByComparingTo("1450");
        assertThat(rBefore.ruleSet()).isEqualTo("bitget@2025-09-29");
        assertThat(rAfter.ruleSet()).isEqualTo("bitget@2025-11-10");
        // no opening time: opened at the evaluation, after the change
        assertThat(venue.maintenanceMargin(tiered(in, null))).isEqualByComparingTo("1648");
        // the 2025-09-29 version has only the whole-position rule, whatever the opening time
        BitgetRules sep = (BitgetRules) Venues.byId("bitget@2025-09-29");
        assertThat(sep.maintenanceMargin(after)).isEqualByComparingTo("1848");
        assertThat(ENGINE.evaluate(after, sep).ruleSet()).isEqualTo("bitget@2025-09-29");
    }

    @Test
    void markSweep_followsTheRuleTheVersionApplies() {
        JsonNode in = Vectors.v2Case("bitget-tiered-mm-2025-11-doc").inputs();
        VenueRules venue = Venues.byId("bitget@2025-11-10");
        // whole position (opened before): 330,000·0.56 % = 1,848 at 110,000; no continuous boundaries
        MarkSweep whole = MarkSweep.of(venue, tiered(in, NOV_10.minusSeconds(1)));
        assertThat(whole.maintenanceRequirement(110000)).isCloseTo(1848, within(1e-9));
        assertThat(whole.tierBoundaries()).isEmpty();
        // sliced: 1,648, and the floor 200,000 is a kink at the price 200,000/3
        MarkSweep sliced = MarkSweep.of(venue, tiered(in, NOV_10));
        assertThat(sliced.maintenanceRequirement(110000)).isCloseTo(1648, within(1e-9));
        assertThat(sliced.tierBoundaries()).hasSize(1);
    }

    @Test
    void versions_resolveByTheEffectiveInstant() {
        assertThat(Venues.resolve("bitget", Instant.parse("2025-11-10T07:59:59Z")).ruleSetId()).isEqualTo("bitget@2025-09-29");
        assertThat(Venues.resolve("bitget", NOV_10).ruleSetId()).isEqualTo("bitget@2025-11-10");
        assertThat(Venues.resolve("bitget", Instant.parse("2025-09-29T00:00:00Z")).ruleSetId()).isEqualTo("bitget@2025-09-29");
        assertThat(Venues.resolve("bitget", Instant.parse("2019-01-01T00:00:00Z")).ruleSetId()).isEqualTo("bitget@0000-01-01");
        assertThat(Venues.resolve("bitget", null).ruleSetId()).isEqualTo("bitget@2025-11-10");
        assertThatThrownBy(() -> Venues.resolve("bitget", Instant.parse("-0001-12-31T00:00:00Z")))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("asOf: must not be before");
    }

    /**
     * Short 2 BTC @ 95,000, margin 11,000, taker 0.06 %, tiers [0, 200,000) 0.4 %, [200,000, ∞)
     * 0.5 % (offset 200). Whole position: the tier-1 root (190,000 + 11,000)/(2·1.0046) =
     * 100,039.82 lies in tier 2, the tier-2 root 201,000/(2·1.0056) = 99,940.33 in tier 1: the
     * requirement jumps at the floor 200,000 (price 100,000), where equity 11,000 − 10,000 =
     * 1,000 ≤ 200,000·0.56 % = 1,120 while just below it 1,000 &gt; 200,000·0.46 % = 920, so the
     * liquidation price is the floor's price, 100,000. Sliced: (201,000 + 200)/(2·1.0056) =
     * 100039.777247414478918058870326.
     */
    @Test
    void wholePosition_liquidatesAtTheTierFloorWhereTheRequirementJumps() {
        TierTable tiers = TierTable.ofMarginalRates(List.of(BigDecimal.ZERO, d("200000")),
                java.util.Arrays.asList(d("200000"), null), List.of(d("0.004"), d("0.005")),
                java.util.Arrays.asList(null, null), "test", null);
        Position.Builder b = Position.builder().symbol("BTCUSDT").side(Side.SHORT).quantity(d("2"))
                .entryPrice(d("95000")).leverage(BigDecimal.TEN).isolatedMargin(d("11000")).tiers(tiers)
                .takerFeeRate(d("0.0006"));
        VenueRules venue = Venues.byId("bitget@2025-11-10");
        PositionRisk whole = ENGINE.evaluate(b.venueParameters(VenueParameters.builder()
                .openedAt(Instant.parse("2025-01-01T00:00:00Z")).build()).build(), venue);
        assertThat(whole.liquidationPrice()).isEqualByComparingTo("100000");
        assertThat(whole.liquidationTier().mmr()).isEqualByComparingTo("0.005");
        PositionRisk sliced = ENGINE.evaluate(b.venueParameters(VenueParameters.NONE).build(), venue);
        assertThat(sliced.liquidationPrice()).isCloseTo(d("100039.7772474144789180588703261734"), within(d("1e-25")));
        // the same position whole-position in the first version
        assertThat(ENGINE.evaluate(b.build(), Venues.byId("bitget@0000-01-01")).liquidationPrice())
                .isEqualByComparingTo("100000");
    }

    @Test
    void wholePosition_atTheLiquidationPrice_isLiquidated() {
        // long 2 BTC @ 95,000, margin 19,000, same tiers: tier-2 root
        // (190,000 − 19,000)/(2·(1 − 0.0056)) = 171,000/1.9888 = 85981.496…, value 171,963 (tier 1):
        // re-solved in tier 1, 171,000/(2·0.9954) = 85895.117540687160940… (value 171,790, tier 1)
        TierTable tiers = TierTable.ofMarginalRates(List.of(BigDecimal.ZERO, d("200000")),
                java.util.Arrays.asList(d("200000"), null), List.of(d("0.004"), d("0.005")),
                java.util.Arrays.asList(null, null), "test", null);
        Position p = Position.builder().symbol("BTCUSDT").side(Side.LONG).quantity(d("2")).entryPrice(d("95000"))
                .markPrice(d("105000")).leverage(BigDecimal.TEN).isolatedMargin(d("19000")).tiers(tiers)
                .takerFeeRate(d("0.0006")).build();
        VenueRules first = Venues.byId("bitget@0000-01-01");
        PositionRisk r = ENGINE.evaluate(p, first);
        assertThat(r.liquidationPrice()).isCloseTo(d("85895.11754068716094032549728752260"), within(d("1e-25")));
        assertThat(ENGINE.evaluate(p.withMarkPrice(r.liquidationPrice()), first).liquidated()).isTrue();
        // at the mark 105,000 (value 210,000, tier 2, whole): MM 1,050, fee 126, equity 39,000
        assertThat(r.maintenanceMargin()).isEqualByComparingTo("1050");
        assertThat(r.marginRatio()).isCloseTo(d("39000").divide(d("1176"), java.math.MathContext.DECIMAL128), within(d("1e-30")));
    }

    @Test
    void marginRatio_fallsAsRiskGrows_andBitgetsMarginRateIsEquityOverValue() {
        Position p = isolated(Vectors.v2Case("bitget-isolated-long-derived").inputs(), Side.LONG);
        VenueRules v = Venues.byId("bitget");
        assertThat(v.marginRatioDefinition()).isEqualTo(MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES);
        PositionRisk r = ENGINE.evaluate(p, v);
        // mark = entry 90,000: equity 3,600; MM 144 + fee 21.6 → 3,600/165.6 = 21.739130434782608695…
        assertThat(r.marginRatio()).isCloseTo(d("21.73913043478260869565217391304348"), within(d("1e-30")));
        // Bitget's margin rate: 3,600/36,000 = 0.1
        assertThat(BitgetRules.marginRate(r)).isEqualByComparingTo("0.1");
        PositionRisk lower = ENGINE.evaluate(p.withMarkPrice(d("85000")), v);
        assertThat(lower.marginRatio()).isLessThan(r.marginRatio());
    }

    @Test
    void oneX_long_hasNoLiquidationPrice() {
        // 1x long, margin = value: (36,000 − 36,000)/… = 0 → none (L-P, §0.2)
        Position p = Position.builder().symbol("BTCUSDT").side(Side.LONG).quantity(d("0.4")).entryPrice(d("90000"))
                .leverage(BigDecimal.ONE).maintenance(new Maintenance(d("0.004"), BigDecimal.ZERO)).build();
        assertThat(ENGINE.evaluate(p, Venues.byId("bitget")).liquidationPrice()).isNull();
        assertThat(ENGINE.evaluate(p, Venues.byId("bitget@0000-01-01")).liquidationPrice()).isNull();
    }

    @Test
    @DisplayName("cross: the derived X-form (uncertain: spec §14 #8)")
    void cross_xForm() {
        // BTC long 0.4 @ 90,000 and ETH short 10 @ 3,000 (mark 3,100), wallet 10,000, MMR 0.4 %/0.5 %,
        // taker 0.06 %. X = 10,000 + (−1,000) − (31,000·0.005 + 31,000·0.0006) = 9,000 − 173.6 = 8,826.4
        // LP_BTC = (8,826.4 − 36,000)/(0.4·(0.0046 − 1)) = 27,173.6/0.39816 = 68247.9405264215390…
        Position btc = Position.builder().id("btc").symbol("BTCUSDT").side(Side.LONG).quantity(d("0.4"))
                .entryPrice(d("90000")).leverage(BigDecimal.TEN).marginMode(MarginMode.CROSS)
                .maintenance(new Maintenance(d("0.004"), BigDecimal.ZERO)).build();
        Position eth = Position.builder().id("eth").symbol("ETHUSDT").side(Side.SHORT).quantity(d("10"))
                .entryPrice(d("3000")).markPrice(d("3100")).leverage(BigDecimal.TEN).marginMode(MarginMode.CROSS)
                .maintenance(new Maintenance(d("0.005"), BigDecimal.ZERO)).build();
        AccountRisk a = ENGINE.evaluate(Account.of(Venues.byId("bitget"), d("10000"), List.of(btc, eth)));
        assertThat(a.position("btc").liquidationPrice())
                .isCloseTo(d("68247.94052642153907976692786819369"), within(d("1e-25")));
    }

    @Test
    void settlementCurrency_usdcForUsdcSymbols() {
        Position p = isolated(Vectors.v2Case("bitget-isolated-long-derived").inputs(), Side.LONG);
        VenueRules v = Venues.byId("bitget");
        assertThat(v.settlementCurrency(p)).isEqualTo("USDT");
        assertThat(v.settlementCurrency(p.toBuilder().symbol("BTCPERP").build())).isEqualTo("USDC");
    }
}
