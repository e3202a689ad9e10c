package org.marginlab.engine.venue.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marginlab.engine.Vectors.dec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.VenueParameters;
import org.marginlab.engine.Vectors;
import org.marginlab.engine.Vectors.Case;
import org.marginlab.engine.venue.DydxV4Rules;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code dydx-v4} (spec venues-v2.md §8): every {@code venues_v2.json} case of the venue, with
 * each case's own tolerance; then behaviour worked by hand.
 */
public class DydxV4VectorsTest {
    /** The venues_v2.json cases this class runs. */
    public static final List<String> CASES = List.of(
            "dydx-v4-oimf-scaled-imr-test",
            "dydx-v4-mmf-from-maintenance-fraction-test",
            "dydx-v4-isolated-long-derived",
            "dydx-v4-cross-long-derived");

    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final VenueRules DYDX = Venues.byId(DydxV4Rules.ID);
    /** Quote quantums per USDC. */
    private static final BigDecimal QUANTUMS = new BigDecimal("1000000");

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static VenueParameters mmf(BigDecimal mmf) {
        return VenueParameters.builder().mmf(mmf).build();
    }

    @Test
    void casesAreEveryDydxCaseOfTheFile() {
        List<String> ids = new ArrayList<>();
        for (Case c : Vectors.v2Cases()) {
            if (DydxV4Rules.ID.equals(c.node().path("venue").asText())) {
                ids.add(c.id());
            }
        }
        assertThat(CASES).containsExactlyElementsOf(ids);
    }

    @Test
    void oiScaledInitialMargin() {
        Case c = Vectors.v2Case("dydx-v4-oimf-scaled-imr-test");
        JsonNode in = c.inputs();
        JsonNode ex = c.expected();
        BigDecimal base = dec(in, "base_imf");
        BigDecimal lower = dec(in, "open_interest_lower_cap");
        BigDecimal upper = dec(in, "open_interest_upper_cap");
        BigDecimal oi = dec(in, "open_interest_notional");
        Vectors.assertWithin(c.id() + " effective_imf", DydxV4Rules.effectiveImf(base, oi, lower, upper),
                dec(ex, "effective_imf"), c.tolerance());
        BigInteger im = DydxV4Rules.initialMarginQuantums(dec(in, "position_notional").toBigIntegerExact(), base, oi,
                lower, upper);
        Vectors.assertWithin(c.id() + " initial_margin", new BigDecimal(im), dec(ex, "initial_margin"), c.tolerance());
        // the rounding up is exact: 135,696.649… → 135,697
        assertThat(im).isEqualTo(BigInteger.valueOf(135697));
        // through the engine, in USDC: a position of 0.5 USDC notional, caps and open interest in USDC
        Position p = Position.builder().id("p").symbol("BTC-USD").side(Side.LONG).quantity(BigDecimal.ONE)
                .entryPrice(dec(in, "position_notional").divide(QUANTUMS)).leverage(BigDecimal.ONE)
                .venueParameters(VenueParameters.builder().mmf(d("0.03")).imf(base)
                        .openInterestNotional(oi.divide(QUANTUMS)).oiLowerCap(lower.divide(QUANTUMS))
                        .oiUpperCap(upper.divide(QUANTUMS)).build()).build();
        PositionRisk r = ENGINE.evaluate(Account.of(BitmexVectorsTest.venueOf(c), BigDecimal.ZERO, List.of(p)))
                .positions().get(0);
        Vectors.assertWithin(c.id() + " engine initial_margin", r.initialMargin().multiply(QUANTUMS),
                dec(ex, "initial_margin"), c.tolerance());
    }

    @Test
    void maintenanceFractionPpm() {
        Case c = Vectors.v2Case("dydx-v4-mmf-from-maintenance-fraction-test");
        long ppm = DydxV4Rules.maintenanceMarginPpm(c.inputs().get("initial_margin_ppm").asLong(),
                c.inputs().get("maintenance_fraction_ppm").asLong());
        Vectors.assertWithin(c.id() + " maintenance_margin_ppm", BigDecimal.valueOf(ppm),
                dec(c.expected(), "maintenance_margin_ppm"), c.tolerance());
        // spec §8.2: 637,239 ppm × 28.9284 % = 184,343.05 → rounded down to 184,343
        assertThat(DydxV4Rules.maintenanceMarginPpm(637239, 289284)).isEqualTo(184343);
    }

    @Test
    void isolatedLong() {
        Case c = Vectors.v2Case("dydx-v4-isolated-long-derived");
        JsonNode in = c.inputs();
        Position p = Position.builder().id("btc").symbol("BTC-USD").side(Side.LONG).quantity(dec(in, "size"))
                .entryPrice(dec(in, "entry_price")).leverage(d("10")).isolatedMargin(dec(in, "equity"))
                .venueParameters(mmf(dec(in, "mmf"))).build();
        PositionRisk r = ENGINE.evaluate(Account.of(BitmexVectorsTest.venueOf(c), BigDecimal.ZERO, List.of(p)))
                .positions().get(0);
        Vectors.assertWithin(c.id() + " liquidation_price", r.liquidationPrice(), dec(c.expected(), "liquidation_price"),
                c.tolerance());
    }

    @Test
    void crossLong() {
        Case c = Vectors.v2Case("dydx-v4-cross-long-derived");
        JsonNode in = c.inputs();
        JsonNode other = in.get("other_positions").get(0);
        Position eth = Position.builder().id("eth").symbol("ETH-USD").side(Side.LONG).quantity(dec(in, "size"))
                .entryPrice(dec(in, "entry_price")).leverage(d("10")).marginMode(MarginMode.CROSS)
                .venueParameters(mmf(dec(in, "mmf"))).build();
        BigDecimal otherSize = dec(other, "size");
        Position btc = Position.builder().id("btc").symbol(other.get("symbol").asText())
                .side(otherSize.signum() < 0 ? Side.SHORT : Side.LONG).quantity(otherSize.abs())
                .entryPrice(dec(other, "price")).leverage(d("10")).marginMode(MarginMode.CROSS)
                .venueParameters(mmf(dec(other, "mmf"))).build();
        // both at their entry (oracle) price: equity e = wallet = 1,500
        AccountRisk risk = ENGINE.evaluate(Account.of(BitmexVectorsTest.venueOf(c), dec(in, "equity"), List.of(eth, btc)));
        Vectors.assertWithin(c.id() + " liquidation_price", risk.position("eth").liquidationPrice(),
                dec(c.expected(), "liquidation_price"), c.tolerance());
        Vectors.assertWithin(c.id() + " mmr_other", risk.position("btc").maintenanceMargin(),
                dec(c.expected(), "mmr_other"), c.tolerance());
    }

    // ---- behaviour worked by hand ----

    @Test
    void maintenanceMarginQuantums_roundsUpTwice() {
        // 1,000,001 × 5 % = 50,000.05 → 50,001; × 60 % = 30,000.6 → 30,001
        assertThat(DydxV4Rules.maintenanceMarginQuantums(BigInteger.valueOf(1000001), 50000, 600000))
                .isEqualTo(BigInteger.valueOf(30001));
        assertThatThrownBy(() -> DydxV4Rules.maintenanceMarginPpm(1000001, 1))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("initialMarginPpm: must be between 0 and");
    }

    @Test
    void effectiveImf_branches() {
        BigDecimal base = d("0.05");
        // no scaling: upper cap 0, or no open interest, or open interest ≤ lower cap
        assertThat(DydxV4Rules.effectiveImf(base, d("100"), d("0"), d("0"))).isEqualByComparingTo("0.05");
        assertThat(DydxV4Rules.effectiveImf(base, null, d("10"), d("20"))).isEqualByComparingTo("0.05");
        assertThat(DydxV4Rules.effectiveImf(base, d("10"), d("10"), d("20"))).isEqualByComparingTo("0.05");
        // half way: 0.05 + 0.5·0.95 = 0.525; at or above the upper cap: 1
        assertThat(DydxV4Rules.effectiveImf(base, d("15"), d("10"), d("20"))).isEqualByComparingTo("0.525");
        assertThat(DydxV4Rules.effectiveImf(base, d("20"), d("10"), d("20"))).isEqualByComparingTo("1");
        // the IM is then the notional itself
        assertThat(DydxV4Rules.initialMarginQuantums(BigInteger.valueOf(777), base, d("25"), d("10"), d("20")))
                .isEqualTo(BigInteger.valueOf(777));
    }

    @Test
    void oneTimesLong_hasNoLiquidationPrice_andShortLiquidatesAbove() {
        // L-P, φ = 0: 1x long LP = (Q·EP − M)/(Q·(1 − MMF)) = 0 → none
        Position.Builder b = Position.builder().id("x").symbol("ETH-USD").side(Side.LONG).quantity(d("1"))
                .entryPrice(d("3000")).leverage(BigDecimal.ONE).venueParameters(mmf(d("0.03")));
        assertThat(ENGINE.evaluate(b.build(), DYDX).liquidationPrice()).isNull();
        // short 1 @3,000, e = 300: p' = (300 + 3,000)/(0.03 + 1) = 3,300/1.03
        PositionRisk s = ENGINE.evaluate(b.side(Side.SHORT).leverage(d("10")).isolatedMargin(d("300")).build(), DYDX);
        assertThat(s.liquidationPrice()).isCloseTo(d("3300").divide(d("1.03"), java.math.MathContext.DECIMAL128),
                org.assertj.core.api.Assertions.within(d("1e-25")));
    }

    @Test
    void validation_mmfIsRequired() {
        assertThatThrownBy(() -> ENGINE.evaluate(Position.builder().id("x").symbol("NEW-USD").side(Side.LONG)
                .quantity(d("1")).entryPrice(d("1")).leverage(d("2")).build(), DYDX))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("mmf: is required on dydx-v4");
        assertThat(Venues.versions(DydxV4Rules.ID)).extracting(VenueRules::ruleSetId).containsExactly("dydx-v4@0000-01-01");
    }
}
