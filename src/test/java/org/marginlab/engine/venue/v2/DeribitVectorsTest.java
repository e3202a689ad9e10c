package org.marginlab.engine.venue.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.marginlab.engine.Vectors.dec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.marginlab.engine.Account;
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
import org.marginlab.engine.venue.DeribitRules;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code deribit} (spec venues-v2.md §7): every {@code venues_v2.json} case of the venue, with
 * each case's own tolerance; then behaviour worked by hand. The legacy inverse case carries
 * {@code as_of} 2019 and its legacy rates as the position's parameters (spec §14 #15).
 */
public class DeribitVectorsTest {
    /** The venues_v2.json cases this class runs. */
    public static final List<String> CASES = List.of(
            "deribit-sol-linear-im-25-doc",
            "deribit-sol-linear-mm-25-doc",
            "deribit-btc-linear-long-liq-derived",
            "deribit-btc-inverse-long-liq-legacy-derived");

    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final VenueRules DERIBIT = Venues.byId(DeribitRules.ID);
    private static final MathContext MC = MathContext.DECIMAL128;

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void casesAreEveryDeribitCaseOfTheFile() {
        List<String> ids = new ArrayList<>();
        for (Case c : Vectors.v2Cases()) {
            if (DeribitRules.ID.equals(c.node().path("venue").asText())) {
                ids.add(c.id());
            }
        }
        assertThat(CASES).containsExactlyElementsOf(ids);
    }

    private static Position.Builder sol(JsonNode in) {
        return Position.builder().id("sol").symbol("SOL_USDC-PERPETUAL").side(Side.LONG)
                .quantity(dec(in, "position_size")).entryPrice(dec(in, "index_price")).leverage(d("10"));
    }

    @Test
    void solLinearInitialMargin25() {
        Case c = Vectors.v2Case("deribit-sol-linear-im-25-doc");
        JsonNode in = c.inputs();
        JsonNode ex = c.expected();
        BigDecimal size = dec(in, "position_size");
        Vectors.assertWithin(c.id() + " imr", DeribitRules.rate(dec(in, "base_imr"), dec(in, "imr_per_unit"), size),
                dec(ex, "imr"), c.tolerance());
        BigDecimal imSol = DeribitRules.margin(dec(in, "base_imr"), dec(in, "imr_per_unit"), size);
        Vectors.assertWithin(c.id() + " initial_margin_sol", imSol, dec(ex, "initial_margin_sol"), c.tolerance());
        Vectors.assertWithin(c.id() + " initial_margin_usdc", imSol.multiply(dec(in, "index_price")),
                dec(ex, "initial_margin_usdc"), c.tolerance());
        // the engine's initial margin with the position's rates
        PositionRisk r = ENGINE.evaluate(Account.of(BitmexVectorsTest.venueOf(c), BigDecimal.ZERO, List.of(sol(in)
                .maintenance(new Maintenance(d("0.02"), BigDecimal.ZERO))
                .venueParameters(VenueParameters.builder().initialMarginRate(dec(in, "base_imr"))
                        .imrSlope(dec(in, "imr_per_unit")).build()).build()))).positions().get(0);
        Vectors.assertWithin(c.id() + " engine initial_margin_usdc", r.initialMargin(), dec(ex, "initial_margin_usdc"),
                c.tolerance());
        // max leverage 1/IMR = 1/0.040125
        assertThat(r.maxLeverage()).isEqualByComparingTo(BigDecimal.ONE.divide(dec(ex, "imr"), MC));
    }

    @Test
    void solLinearMaintenanceMargin25() {
        Case c = Vectors.v2Case("deribit-sol-linear-mm-25-doc");
        JsonNode in = c.inputs();
        JsonNode ex = c.expected();
        BigDecimal size = dec(in, "position_size");
        Vectors.assertWithin(c.id() + " mmr", DeribitRules.rate(dec(in, "base_mmr"), dec(in, "mmr_per_unit"), size),
                dec(ex, "mmr"), c.tolerance());
        Vectors.assertWithin(c.id() + " maintenance_margin_sol",
                DeribitRules.margin(dec(in, "base_mmr"), dec(in, "mmr_per_unit"), size), dec(ex, "maintenance_margin_sol"),
                c.tolerance());
        PositionRisk r = ENGINE.evaluate(Account.of(BitmexVectorsTest.venueOf(c), BigDecimal.ZERO, List.of(sol(in)
                .maintenance(new Maintenance(dec(in, "base_mmr"), BigDecimal.ZERO))
                .venueParameters(VenueParameters.builder().mmrSlope(dec(in, "mmr_per_unit")).build()).build())))
                .positions().get(0);
        Vectors.assertWithin(c.id() + " engine mmr", r.mmr(), dec(ex, "mmr"), c.tolerance());
        Vectors.assertWithin(c.id() + " engine maintenance_margin_usdc", r.maintenanceMargin(),
                dec(ex, "maintenance_margin_usdc"), c.tolerance());
        Vectors.assertWithin(c.id() + " engine maintenance_margin_sol",
                r.maintenanceMargin().divide(dec(in, "index_price"), MC), dec(ex, "maintenance_margin_sol"), c.tolerance());
    }

    private static Position.Builder btcLinear(JsonNode in) {
        return Position.builder().id("btc").symbol("BTC_USDC-PERPETUAL").side(Side.LONG).quantity(dec(in, "quantity"))
                .entryPrice(dec(in, "entry_price")).leverage(d("10")).marginMode(MarginMode.CROSS)
                .maintenance(new Maintenance(dec(in, "base_mmr"), BigDecimal.ZERO))
                .venueParameters(VenueParameters.builder().mmrSlope(dec(in, "mmr_per_unit")).build());
    }

    @Test
    void btcLinearLongLiquidation() {
        Case c = Vectors.v2Case("deribit-btc-linear-long-liq-derived");
        JsonNode in = c.inputs();
        PositionRisk r = ENGINE.evaluate(Account.of(BitmexVectorsTest.venueOf(c), dec(in, "equity_at_entry"),
                List.of(btcLinear(in).build()))).positions().get(0);
        Vectors.assertWithin(c.id() + " mmr", r.mmr(), dec(c.expected(), "mmr"), c.tolerance());
        Vectors.assertWithin(c.id() + " liquidation_price", r.liquidationPrice(), dec(c.expected(), "liquidation_price"),
                c.tolerance());
    }

    @Test
    @DisplayName("BTC inverse long, legacy rates with as_of 2019 (uncertain: spec §14 #15)")
    void btcInverseLongLegacy() {
        Case c = Vectors.v2Case("deribit-btc-inverse-long-liq-legacy-derived");
        JsonNode in = c.inputs();
        JsonNode ex = c.expected();
        VenueRules venue = BitmexVectorsTest.venueOf(c);
        assertThat(venue.ruleSetId()).isEqualTo("deribit@0000-01-01");
        // 2,000,000 USD = 200,000 contracts of 10 USD
        Position p = Position.builder().id("btc").symbol("BTC-PERPETUAL").contract(ContractType.INVERSE).side(Side.LONG)
                .quantity(dec(in, "contracts_usd").divide(d("10"))).contractSize(d("10"))
                .entryPrice(dec(in, "entry_price")).leverage(d("20")).marginMode(MarginMode.CROSS)
                .maintenance(new Maintenance(dec(in, "base_mmr"), BigDecimal.ZERO))
                .venueParameters(VenueParameters.builder().mmrSlope(dec(in, "mmr_per_btc")).build()).build();
        PositionRisk r = ENGINE.evaluate(Account.of(venue, dec(in, "equity_at_entry"), List.of(p))).positions().get(0);
        Vectors.assertWithin(c.id() + " liquidation_price", r.liquidationPrice(), dec(ex, "liquidation_price"),
                c.tolerance());
        Vectors.assertWithin(c.id() + " position_size_btc_at_liq",
                dec(in, "contracts_usd").divide(r.liquidationPrice(), MC), dec(ex, "position_size_btc_at_liq"),
                c.tolerance());
        Vectors.assertWithin(c.id() + " mmr_at_liq", r.liquidationTier().mmr(), dec(ex, "mmr_at_liq"), c.tolerance());
        assertThat(r.ruleSet()).isEqualTo("deribit@0000-01-01");
        // at entry: S = 40 BTC, MMR = 1.5 % + 40·0.005 % = 1.7 %
        assertThat(r.mmr()).isEqualByComparingTo("0.017");
        assertThat(r.maintenanceMargin()).isEqualByComparingTo("0.68");
    }

    // ---- behaviour worked by hand ----

    private static Position.Builder inverse(Side side, String slope) {
        // 10,000 contracts of 10 USD = 100,000 USD at 50,000 (S = 2 BTC), MMR 1 % + slope·S
        return Position.builder().id("btc").symbol("BTC-PERPETUAL").contract(ContractType.INVERSE).side(side)
                .quantity(d("10000")).contractSize(d("10")).entryPrice(d("50000")).leverage(d("10"))
                .maintenance(new Maintenance(d("0.01"), BigDecimal.ZERO))
                .venueParameters(VenueParameters.builder().mmrSlope(d(slope)).build());
    }

    @Test
    void inverseShortWithoutSlope_isLinearInOneOverPrice() {
        // E = 1: (1 − 0.01)·N·x = N/EP − E → x = (2 − 1)/99,000 → LP = 99,000
        PositionRisk r = ENGINE.evaluate(inverse(Side.SHORT, "0").isolatedMargin(BigDecimal.ONE).build(), DERIBIT);
        assertThat(r.liquidationPrice()).isCloseTo(d("99000"), within(d("1e-25")));
        // fully collateralised short (E = N/EP = 2): no liquidation price
        assertThat(ENGINE.evaluate(inverse(Side.SHORT, "0").isolatedMargin(d("2")).build(), DERIBIT).liquidationPrice())
                .isNull();
    }

    @Test
    void inverseShortWithSlope_equityEqualsSizeDependentMaintenanceAtTheLiquidationPrice() {
        PositionRisk r = ENGINE.evaluate(inverse(Side.SHORT, "0.0005").isolatedMargin(BigDecimal.ONE).build(), DERIBIT);
        BigDecimal lp = r.liquidationPrice();
        // the smaller positive root lies above the entry (a short loses as the price rises)
        assertThat(lp).isGreaterThan(d("50000"));
        // residual, computed here: short equity E − N·(1/EP − 1/LP) = 1 − (2 − S), S = N/LP, against
        // MM = S·(0.01 + 0.0005·S)
        BigDecimal s = d("100000").divide(lp, MC);
        BigDecimal equity = BigDecimal.ONE.subtract(d("2").subtract(s));
        BigDecimal mm = s.multiply(d("0.01").add(d("0.0005").multiply(s)));
        assertThat(equity.subtract(mm).abs()).isLessThan(d("1e-25"));
        // the slope makes the short liquidate earlier than without it (99,000)
        assertThat(lp).isLessThan(d("99000"));
    }

    @Test
    void isolatedPosition_isItsOwnSubaccount_sameAsCross() {
        Case c = Vectors.v2Case("deribit-btc-linear-long-liq-derived");
        JsonNode in = c.inputs();
        PositionRisk isolated = ENGINE.evaluate(btcLinear(in).marginMode(MarginMode.ISOLATED)
                .isolatedMargin(dec(in, "equity_at_entry")).build(), DERIBIT);
        Vectors.assertWithin("isolated subaccount", isolated.liquidationPrice(), dec(c.expected(), "liquidation_price"),
                c.tolerance());
    }

    @Test
    void oneTimesLinearLong_hasNoLiquidationPrice() {
        PositionRisk r = ENGINE.evaluate(Position.builder().id("x").symbol("BTC_USDC-PERPETUAL").side(Side.LONG)
                .quantity(d("1")).entryPrice(d("100000")).leverage(BigDecimal.ONE)
                .maintenance(new Maintenance(d("0.01"), BigDecimal.ZERO)).build(), DERIBIT);
        assertThat(r.liquidationPrice()).isNull();
    }

    @Test
    void validation() {
        Position.Builder b = Position.builder().id("x").symbol("ANY").side(Side.LONG).quantity(d("1"))
                .entryPrice(d("100")).leverage(d("2"));
        assertThatThrownBy(() -> ENGINE.evaluate(b.build(), DERIBIT)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("maintenance: is required on deribit");
        b.maintenance(new Maintenance(d("0.01"), BigDecimal.ZERO));
        assertThatThrownBy(() -> ENGINE.evaluate(b.venueParameters(VenueParameters.builder().imrSlope(d("0.001")).build())
                .build(), DERIBIT)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("initialMarginRate: is required on deribit when imrSlope is given");
        // slope 1 per unit at size 1: MMR 101 %
        assertThatThrownBy(() -> ENGINE.evaluate(b.venueParameters(VenueParameters.builder().mmrSlope(BigDecimal.ONE).build())
                .build(), DERIBIT)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("maintenance.mmrSlope: must keep the maintenance margin rate below 1");
    }

    @Test
    void versions_oneUndatedVersion() {
        assertThat(Venues.versions(DeribitRules.ID)).extracting(VenueRules::ruleSetId).containsExactly("deribit@0000-01-01");
        assertThat(Venues.resolve(DeribitRules.ID, Instant.parse("2026-12-06T00:00:00Z")).ruleSetId())
                .isEqualTo("deribit@0000-01-01");
        assertThatThrownBy(() -> Venues.resolve(DeribitRules.ID, Instant.parse("-0001-06-01T00:00:00Z")))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("asOf: must not be before");
    }
}
