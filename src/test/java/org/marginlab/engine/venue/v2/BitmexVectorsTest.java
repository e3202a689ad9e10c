package org.marginlab.engine.venue.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marginlab.engine.Vectors.dec;

import java.math.BigDecimal;
import java.math.MathContext;
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
import org.marginlab.engine.sizing.BitmexAverageEntry;
import org.marginlab.engine.Vectors.Case;
import org.marginlab.engine.sizing.Fill;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.venue.BitmexRiskLimits;
import org.marginlab.engine.venue.BitmexRules;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code bitmex} (spec venues-v2.md §1): every {@code venues_v2.json} case of the venue, through
 * the engine where the figure is a position figure and through the public helpers otherwise,
 * with each case's own tolerance; then behaviour worked by hand.
 */
public class BitmexVectorsTest {
    /** The venues_v2.json cases this class runs. */
    public static final List<String> CASES = List.of(
            "bitmex-risk-limit-180xbt",
            "bitmex-quanto-ethusd-im-and-liq",
            "bitmex-xbtusd-avg-entry-long-derived",
            "bitmex-linear-cross-single-long-derived");

    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final VenueRules BITMEX = Venues.byId(BitmexRules.ID);

    static VenueRules venueOf(Case c) {
        JsonNode asOf = c.node().get("as_of");
        return Venues.resolve(c.node().get("venue").asText(),
                asOf == null || asOf.isNull() ? null : Instant.parse(asOf.asText()));
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static Position.Builder position(ContractType type, Side side, String qty, String cs, String entry, String lev) {
        return Position.builder().id("p").symbol("TEST").contract(type).side(side).quantity(d(qty)).contractSize(d(cs))
                .entryPrice(d(entry)).leverage(d(lev));
    }

    @Test
    void casesAreEveryBitmexCaseOfTheFile() {
        List<String> ids = new ArrayList<>();
        for (Case c : Vectors.v2Cases()) {
            if (BitmexRules.ID.equals(c.node().path("venue").asText())) {
                ids.add(c.id());
            }
        }
        assertThat(CASES).containsExactlyElementsOf(ids);
    }

    @Test
    void riskLimit180xbt() {
        Case c = Vectors.v2Case("bitmex-risk-limit-180xbt");
        JsonNode in = c.inputs();
        JsonNode ex = c.expected();
        BitmexRiskLimits limits = new BitmexRiskLimits(dec(in, "base_risk_limit"), dec(in, "risk_step"),
                dec(in, "base_mmr"), dec(in, "base_imr"), dec(in, "step_increment"));
        BigDecimal value = dec(in, "position_value");
        BitmexRiskLimits.Step step = limits.step(value, null);
        assertThat(step.steps()).isEqualTo(ex.get("steps").asInt());
        Vectors.assertWithin(c.id() + " mmr", step.mmr(), dec(ex, "mmr"), c.tolerance());
        Vectors.assertWithin(c.id() + " imr", step.imr(), dec(ex, "imr"), c.tolerance());
        Vectors.assertWithin(c.id() + " maintenance_margin", step.maintenanceMargin(value),
                dec(ex, "maintenance_margin"), c.tolerance());
        JsonNode after = ex.get("after_order_230xbt");
        BitmexRiskLimits.Step afterStep = limits.step(new BigDecimal("230"), null);
        assertThat(afterStep.steps()).isEqualTo(after.get("steps").asInt());
        Vectors.assertWithin(c.id() + " after mmr", afterStep.mmr(), dec(after, "mmr"), c.tolerance());
        Vectors.assertWithin(c.id() + " after imr", afterStep.imr(), dec(after, "imr"), c.tolerance());

        // The same through the engine: XBTUSD 9,000,000 contracts of 1 USD at 50,000 = 180 XBT
        TierTable table = limits.tierTable(3, "bitmex riskLimitsExamples (2019 copy)", null);
        PositionRisk r = ENGINE.evaluate(Account.of(venueOf(c), BigDecimal.ZERO, List.of(
                position(ContractType.INVERSE, Side.LONG, "9000000", "1", "50000", "10").symbol("XBTUSD").tiers(table)
                        .build()))).positions().get(0);
        Vectors.assertWithin(c.id() + " engine position value", r.notional(), value, c.tolerance());
        Vectors.assertWithin(c.id() + " engine mmr", r.mmr(), dec(ex, "mmr"), c.tolerance());
        Vectors.assertWithin(c.id() + " engine maintenance_margin", r.maintenanceMargin(), dec(ex, "maintenance_margin"),
                c.tolerance());
        // 11,500,000 contracts = 230 XBT: step 1
        PositionRisk r230 = ENGINE.evaluate(position(ContractType.INVERSE, Side.LONG, "11500000", "1", "50000", "10")
                .symbol("XBTUSD").tiers(table).build(), BITMEX);
        Vectors.assertWithin(c.id() + " engine after mmr", r230.mmr(), dec(after, "mmr"), c.tolerance());
        // max leverage of step 1 = 1/IMR = 1/0.015 = 66.67
        assertThat(r230.maxLeverage()).isEqualByComparingTo(BigDecimal.ONE.divide(d("0.015"), MathContext.DECIMAL128));
    }

    @Test
    void quantoEthusdImAndLiquidation() {
        Case c = Vectors.v2Case("bitmex-quanto-ethusd-im-and-liq");
        JsonNode in = c.inputs();
        JsonNode ex = c.expected();
        BigDecimal leverage = BigDecimal.ONE.divide(dec(in, "imr"), MathContext.DECIMAL128);
        Position p = Position.builder().id("eth").symbol("ETHUSD").contract(ContractType.QUANTO).side(Side.LONG)
                .quantity(dec(in, "contracts")).contractSize(dec(in, "multiplier")).entryPrice(dec(in, "entry_price"))
                .leverage(leverage).maintenance(new Maintenance(dec(in, "mmr"), BigDecimal.ZERO))
                .isolatedMargin(dec(in, "isolated_margin")).build();
        VenueRules venue = venueOf(c);
        PositionRisk r = ENGINE.evaluate(Account.of(venue, BigDecimal.ZERO, List.of(p))).positions().get(0);
        Vectors.assertWithin(c.id() + " position_value", r.notional(), dec(ex, "position_value"), c.tolerance());
        Vectors.assertWithin(c.id() + " initial_margin", r.initialMargin(), dec(ex, "initial_margin"), c.tolerance());
        Vectors.assertWithin(c.id() + " liquidation_price", r.liquidationPrice(), dec(ex, "liquidation_price"),
                c.tolerance());
        Vectors.assertWithin(c.id() + " bankruptcy_price", r.bankruptcyPrice(), dec(ex, "bankruptcy_price"),
                c.tolerance());
        assertThat(venue.settlementCurrency(p)).isEqualTo("XBT");
    }

    @Test
    void xbtusdAverageEntryLong() {
        Case c = Vectors.v2Case("bitmex-xbtusd-avg-entry-long-derived");
        JsonNode in = c.inputs();
        BigDecimal lot = dec(in, "lot_size");
        List<Fill> fills = new ArrayList<>();
        for (JsonNode f : in.get("fills")) {
            fills.add(new Fill(f.get(0).decimalValue(), f.get(1).decimalValue()));
        }
        Vectors.assertWithin(c.id() + " avg_entry_price", BitmexAverageEntry.averageEntryPrice(Side.LONG, lot, fills),
                dec(c.expected(), "avg_entry_price"), c.tolerance());
        JsonNode satoshis = c.expected().get("satoshi_values_per_lot");
        for (int i = 0; i < fills.size(); i++) {
            assertThat(BitmexAverageEntry.satoshiValuePerLot(Side.LONG, lot, fills.get(i).price()))
                    .as("fill %d", i).isEqualByComparingTo(satoshis.get(i).decimalValue());
        }
        // a plain harmonic mean (42,070.1632) fails the case by design
        assertThat(new BigDecimal("300").divide(new BigDecimal("200").divide(new BigDecimal("41300"), MathContext.DECIMAL128)
                .add(new BigDecimal("100").divide(new BigDecimal("43700"), MathContext.DECIMAL128)), MathContext.DECIMAL128)
                .subtract(dec(c.expected(), "avg_entry_price")).abs()).isGreaterThan(c.tolerance().abs());
    }

    @Test
    void linearCrossSingleLong() {
        Case c = Vectors.v2Case("bitmex-linear-cross-single-long-derived");
        JsonNode in = c.inputs();
        JsonNode ex = c.expected();
        Position p = Position.builder().id("eth").symbol("ETHUSDT").side(Side.LONG).quantity(dec(in, "quantity"))
                .entryPrice(dec(in, "entry_price")).leverage(dec(in, "leverage")).marginMode(MarginMode.CROSS)
                .maintenance(new Maintenance(dec(in, "mmr"), BigDecimal.ZERO)).build();
        PositionRisk r = ENGINE.evaluate(Account.of(venueOf(c), dec(in, "wallet_balance"), List.of(p))).positions().get(0);
        Vectors.assertWithin(c.id() + " liquidation_price", r.liquidationPrice(), dec(ex, "liquidation_price"),
                c.tolerance());
        Vectors.assertWithin(c.id() + " bankruptcy_price", r.bankruptcyPrice(), dec(ex, "bankruptcy_price"),
                c.tolerance());
        Vectors.assertWithin(c.id() + " maintenance_margin", r.maintenanceMargin(), dec(ex, "maintenance_margin"),
                c.tolerance());
    }

    // ---- behaviour worked by hand ----

    @Test
    void crossWithTwoPositions_otherMaintenanceAtItsEntry() {
        // A: long 2 @2,500, MM_E = 5,000·1 % = 50. B: short 1 @3,000 marked 2,900: UPNL +100,
        // MM_E = 3,000·1 % = 30 (not 29 at the mark). LP_A = 2,500 − (1,500 + 100 − 50 − 30)/2 = 1,740.
        Maintenance onePercent = new Maintenance(d("0.01"), BigDecimal.ZERO);
        Position a = position(ContractType.LINEAR, Side.LONG, "2", "1", "2500", "10").id("a").symbol("ETHUSDT")
                .marginMode(MarginMode.CROSS).maintenance(onePercent).build();
        Position b = position(ContractType.LINEAR, Side.SHORT, "1", "1", "3000", "10").id("b").symbol("XBTUSDT")
                .markPrice(d("2900")).marginMode(MarginMode.CROSS).maintenance(onePercent).build();
        AccountRisk risk = ENGINE.evaluate(Account.of(BITMEX, d("1500"), List.of(a, b)));
        assertThat(risk.position("a").liquidationPrice()).isEqualByComparingTo("1740");
        assertThat(risk.position("b").maintenanceMargin()).isEqualByComparingTo("30");
    }

    @Test
    void displayRoundingVectorsInputs_areBitmexInverseIsolatedLiquidationPrices() {
        // general-display-rounding-*: 25x, MMR 0.5 %, entry 64,000: long 64,000/1.035, short 64,000/0.965,
        // shown on a 0.5 tick toward the entry as 61,836.0 and 66,321.0
        for (Case c : List.of(Vectors.v2Case("general-display-rounding-long-derived"),
                Vectors.v2Case("general-display-rounding-short-derived"))) {
            Side side = Side.parse(c.node().get("side").asText());
            PositionRisk r = ENGINE.evaluate(position(ContractType.INVERSE, side, "64000", "1", "64000", "25")
                    .symbol("XBTUSD").maintenance(new Maintenance(d("0.005"), BigDecimal.ZERO)).build(), BITMEX);
            assertThat(r.liquidationPrice()).as(c.id()).isCloseTo(dec(c.inputs(), "price"),
                    org.assertj.core.api.Assertions.within(d("1e-10")));
            assertThat(org.marginlab.engine.DisplayPrices.liquidationPrice(r.liquidationPrice(), dec(c.inputs(), "tick_size"),
                    side)).as(c.id()).isEqualByComparingTo(dec(c.expected(), "displayed_price"));
        }
    }

    @Test
    void oneTimesLinearLong_keepsAFiniteLiquidationPriceAtMmrTimesEntry() {
        // L-E (§0.2): 1x linear long LP = m·EP = 0.005·100 = 0.5; BP = 0 → none
        PositionRisk r = ENGINE.evaluate(position(ContractType.LINEAR, Side.LONG, "1", "1", "100", "1")
                .maintenance(new Maintenance(d("0.005"), BigDecimal.ZERO)).build(), BITMEX);
        assertThat(r.liquidationPrice()).isEqualByComparingTo("0.5");
        assertThat(r.bankruptcyPrice()).isNull();
    }

    @Test
    void oneTimesInverseShort_liquidatesAtEntryOverMmr() {
        // I-E: 1,000 USD at 50,000, M = 0.02, MM_E = 0.0001; LP = 1,000/(0.02 − 0.0199) = 50,000/0.005 = 10,000,000
        PositionRisk r = ENGINE.evaluate(position(ContractType.INVERSE, Side.SHORT, "1000", "1", "50000", "1")
                .symbol("XBTUSD").maintenance(new Maintenance(d("0.005"), BigDecimal.ZERO)).build(), BITMEX);
        assertThat(r.liquidationPrice()).isEqualByComparingTo("10000000");
        assertThat(r.bankruptcyPrice()).isNull();
    }

    @Test
    void overCollateralised_hasNoLiquidationPrice() {
        // inverse short with M = 0.03 > N/EP + ... : denominator 0.02 − (0.03 − 0.0001) < 0
        PositionRisk shortInverse = ENGINE.evaluate(position(ContractType.INVERSE, Side.SHORT, "1000", "1", "50000", "1")
                .symbol("XBTUSD").isolatedMargin(d("0.03")).maintenance(new Maintenance(d("0.005"), BigDecimal.ZERO))
                .build(), BITMEX);
        assertThat(shortInverse.liquidationPrice()).isNull();
        // linear long with M = 101 on a value of 100: LP = 100 − (101 − 0.5) = −0.5 → none
        PositionRisk longLinear = ENGINE.evaluate(position(ContractType.LINEAR, Side.LONG, "1", "1", "100", "1")
                .isolatedMargin(d("101")).maintenance(new Maintenance(d("0.005"), BigDecimal.ZERO)).build(), BITMEX);
        assertThat(longLinear.liquidationPrice()).isNull();
    }

    @Test
    @DisplayName("includeFundingReserve adds the funding rate to the MMR (uncertain: spec §14 #12)")
    void fundingReserveOption() {
        // 1 @1,000, 10x: M = 100. MMR 0.5 % → MM_E 5, LP 905; with the reserve 0.51 % → MM_E 5.1, LP 905.1
        Position.Builder b = position(ContractType.LINEAR, Side.LONG, "1", "1", "1000", "10")
                .maintenance(new Maintenance(d("0.005"), BigDecimal.ZERO));
        VenueParameters rateOnly = VenueParameters.builder().fundingRate(d("0.0001")).build();
        VenueParameters reserve = rateOnly.toBuilder().includeFundingReserve(true).build();
        assertThat(ENGINE.evaluate(b.venueParameters(rateOnly).build(), BITMEX).liquidationPrice()).isEqualByComparingTo("905");
        PositionRisk r = ENGINE.evaluate(b.venueParameters(reserve).build(), BITMEX);
        assertThat(r.liquidationPrice()).isEqualByComparingTo("905.1");
        assertThat(r.mmr()).isEqualByComparingTo("0.0051");
        // a rate that takes the MMR below 0 is refused, naming the field
        VenueParameters negative = VenueParameters.builder().fundingRate(d("-0.006")).includeFundingReserve(true).build();
        assertThatThrownBy(() -> ENGINE.evaluate(b.venueParameters(negative).build(), BITMEX))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("fundingRate: must keep the maintenance");
    }

    @Test
    void riskLimitStep_chosenLimitOrMarkValue_limitInclusive() {
        BitmexRiskLimits xbt = new BitmexRiskLimits(d("200"), d("150"), d("0.005"), d("0.01"), d("0.005"));
        TierTable table = xbt.tierTable(3, null, null);
        Position.Builder b = position(ContractType.INVERSE, Side.LONG, "9000000", "1", "50000", "10").symbol("XBTUSD")
                .tiers(table);
        // chosen limit 350 XBT: step 1 = ceil((350 − 200)/150), MMR 1 %: MM = 180·1 % = 1.8
        PositionRisk chosen = ENGINE.evaluate(b.venueParameters(VenueParameters.builder().riskLimit(d("350")).build())
                .build(), BITMEX);
        assertThat(chosen.mmr()).isEqualByComparingTo("0.01");
        assertThat(chosen.maintenanceMargin()).isEqualByComparingTo("1.8");
        // value exactly 200 XBT (10,000,000 contracts at 50,000) is within the base limit: step 0
        PositionRisk atLimit = ENGINE.evaluate(b.quantity(d("10000000")).venueParameters(null).build(), BITMEX);
        assertThat(atLimit.mmr()).isEqualByComparingTo("0.005");
        // the step follows the value at the mark: 9,000,000 at mark 40,000 = 225 XBT → step 1; MM stays on the entry value 180
        PositionRisk marked = ENGINE.evaluate(b.quantity(d("9000000")).markPrice(d("40000")).build(), BITMEX);
        assertThat(marked.mmr()).isEqualByComparingTo("0.01");
        assertThat(marked.maintenanceMargin()).isEqualByComparingTo("1.8");
        // helper: a value above the chosen limit is refused
        assertThatThrownBy(() -> xbt.step(d("351"), d("350"))).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("riskLimit: must be ≥ the position value 351");
    }

    @Test
    void leverageAboveTheStepsMax_isRefused() {
        TierTable table = new BitmexRiskLimits(d("200"), d("150"), d("0.005"), d("0.01"), d("0.005")).tierTable(2, null, null);
        assertThatThrownBy(() -> ENGINE.evaluate(position(ContractType.INVERSE, Side.LONG, "9000000", "1", "50000", "150")
                .symbol("XBTUSD").tiers(table).build(), BITMEX))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("leverage: must be ≤ 100x");
    }

    @Test
    void shortFillsAreRoundedHalfUp() {
        // 100/41,300 = 0.0024213075…: long floors to 0.00242130, short rounds to 0.00242131
        assertThat(BitmexAverageEntry.satoshiValuePerLot(Side.LONG, d("100"), d("41300"))).isEqualByComparingTo("0.0024213");
        assertThat(BitmexAverageEntry.satoshiValuePerLot(Side.SHORT, d("100"), d("41300"))).isEqualByComparingTo("0.00242131");
        assertThatThrownBy(() -> BitmexAverageEntry.averageEntryPrice(Side.LONG, d("100"), List.of()))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("fills: must contain at least one fill");
    }

    @Test
    void versions_oneUndatedVersion_asOfBeforeItIsAnError() {
        assertThat(Venues.versions(BitmexRules.ID)).extracting(VenueRules::ruleSetId).containsExactly("bitmex@0000-01-01");
        assertThat(Venues.resolve("bitmex", Instant.parse("2020-05-05T03:00:00Z")).ruleSetId()).isEqualTo("bitmex@0000-01-01");
        assertThatThrownBy(() -> Venues.resolve("bitmex", Instant.parse("-0001-12-31T00:00:00Z")))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("asOf: must not be before");
        assertThatThrownBy(() -> Venues.resolve("bitmex@2020-05-05", null)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("known: bitmex@0000-01-01");
        PositionRisk r = ENGINE.evaluate(position(ContractType.LINEAR, Side.LONG, "1", "1", "100", "2")
                .maintenance(new Maintenance(d("0.005"), BigDecimal.ZERO)).build(), BITMEX);
        assertThat(r.ruleSet()).isEqualTo("bitmex@0000-01-01");
    }
}
