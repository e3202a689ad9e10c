package org.marginlab.app.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.Account;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.VenueParameters;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

/**
 * A position's costs and probability of liquidation ({@link PositionCosts}), worked by hand.
 */
class PositionCostsTest {

    private static PositionCosts costs(String venueId, Position p) {
        VenueRules venue = Venues.resolve(venueId, null);
        PositionRisk risk = MarginEngine.DEFAULT.evaluate(Account.of(venue, BigDecimal.ZERO, List.of(p))).positions().get(0);
        return PositionCosts.of(p, risk, p.markPrice(), false, venue);
    }

    private static Position.Builder btc(Side side, String quantity, String mark) {
        return Position.builder().id("p").symbol("BTCUSDT").side(side).quantity(new BigDecimal(quantity))
                .entryPrice(new BigDecimal("60000")).markPrice(new BigDecimal(mark)).leverage(BigDecimal.TEN)
                .marginMode(MarginMode.ISOLATED);
    }

    @Test
    void linearLong_feesFundingAndBreakEven() {
        Position p = btc(Side.LONG, "0.5", "60000").takerFeeRate(new BigDecimal("0.0005"))
                .venueParameters(VenueParameters.builder().fundingRate(new BigDecimal("0.0001"))
                        .holdingHours(new BigDecimal("24")).build())
                .build();
        PositionCosts c = costs("binance-usdm", p);
        // fee to open = 0.5 · 60,000 · 0.0005 = 15 USDT; to close at the mark 60,000: the same 15
        assertThat(c.feeToOpen()).isEqualByComparingTo("15");
        assertThat(c.feeToCloseAtMark()).isEqualByComparingTo("15");
        assertThat(c.takerFeeRateOfVenue()).isFalse();
        // Binance's funding interval: 8 h (venues-v2.md §10.2); 24 h held = 3 payments of
        // 0.5 · 60,000 · 0.0001 = 3 USDT, paid by the long: 9 USDT
        assertThat(c.fundingIntervalHours()).isEqualByComparingTo("8");
        assertThat(c.projectedFunding()).isEqualByComparingTo("9");
        // BE = (0.5 · 60,000 · 1.0005 + 9) / (0.5 · 0.9995) = (30,015 + 9) / 0.49975 = 30,024 / 0.49975
        //    = 60,078.039019509754877438719359679839919…
        assertThat(c.breakEvenPrice()).isCloseTo(new BigDecimal("60078.0390195097548774387193596798"),
                within(new BigDecimal("1e-25")));
        // no reserved fee to close on Binance, no liquidation-fee rate, no maker rate
        assertThat(c.reservedFeeToClose()).isNull();
        assertThat(c.liquidationFee()).isNull();
        assertThat(c.makerFeeToOpen()).isNull();
    }

    @Test
    void inverseShort_receivesFundingAndBreaksEvenBelowTheEntry() {
        Position p = Position.builder().id("p").symbol("BTCUSD").contract(ContractType.INVERSE)
                .contractSize(new BigDecimal("100")).side(Side.SHORT).quantity(BigDecimal.TEN)
                .entryPrice(new BigDecimal("50000")).markPrice(new BigDecimal("50000")).leverage(BigDecimal.TEN)
                .marginMode(MarginMode.ISOLATED).maintenance(new Maintenance(new BigDecimal("0.005"), BigDecimal.ZERO))
                .takerFeeRate(new BigDecimal("0.0005"))
                .venueParameters(VenueParameters.builder().fundingRate(new BigDecimal("0.0001"))
                        .fundingIntervalHours(new BigDecimal("8")).holdingHours(new BigDecimal("16"))
                        .makerFeeRate(new BigDecimal("-0.0001")).build())
                .build();
        PositionCosts c = costs("binance-coinm", p);
        // N = 10 · 100 = 1,000 USD; fee to open = N/EP · f = 1,000/50,000 · 0.0005 = 0.00001 BTC
        assertThat(c.feeToOpen()).isEqualByComparingTo("0.00001");
        assertThat(c.feeToCloseAtMark()).isEqualByComparingTo("0.00001");
        // maker rebate −0.01 %: 0.02 BTC · −0.0001 = −0.000002 BTC
        assertThat(c.makerFeeToOpen()).isEqualByComparingTo("-0.000002");
        // funding: 16/8 = 2 payments of s·N/P·r = −1 · 1,000/50,000 · 0.0001 = −0.000002: received 0.000004
        assertThat(c.projectedFunding()).isEqualByComparingTo("-0.000004");
        // BE = N·(1 + s·f_c) / (N/EP·(1 − s·f_o) − s·F) = 1,000 · 0.9995 / (0.02 · 1.0005 − (−1)(−0.000004))
        //    = 999.5 / 0.020006 = 49,960.011996401079676097170848745…
        assertThat(c.breakEvenPrice()).isCloseTo(new BigDecimal("49960.0119964010796760971708487454"),
                within(new BigDecimal("1e-25")));
    }

    @Test
    void noFundingWithoutAHoldingTime_andTheVenueTakerRateWhenNoneIsTyped() {
        PositionCosts c = costs("binance-usdm", btc(Side.LONG, "0.5", "61000")
                .venueParameters(VenueParameters.builder().fundingRate(new BigDecimal("0.0001")).build()).build());
        assertThat(c.projectedFunding()).isEqualByComparingTo("0");
        assertThat(c.takerFeeRateOfVenue()).isTrue();
        BigDecimal f = Venues.resolve("binance-usdm", null).defaultTakerFeeRate();
        // to close at the mark 61,000: 0.5 · 61,000 · f_t
        assertThat(c.feeToCloseAtMark()).isEqualByComparingTo(new BigDecimal("30500").multiply(f));
    }

    @Test
    void hourlyFundingOnHyperliquidByDefault() {
        assertThat(PositionCosts.defaultFundingIntervalHours(Venues.resolve("hyperliquid", null))).isEqualByComparingTo("1");
        assertThat(PositionCosts.defaultFundingIntervalHours(Venues.resolve("bybit-linear", null))).isEqualByComparingTo("8");
    }

    /*
     * Probability, closed form (LiquidationProbability): a = |ln(B/S₀)|, s = σ√T, u = a/s, h = s/2;
     * long P = Φ(h − u) + (S₀/B)·Φ(−u − h), short P = Φ(−u − h) + (S₀/B)·Φ(h − u).
     * σ = 0.8 and T = 2,190 h = 1/4 year give s = 0.4, h = 0.2; a mark e^{0.4} from the liquidation
     * price gives a = 0.4, u = 1. Φ(−0.8) = 0.2118553986, Φ(−1.2) = 0.1150696702 (normal table),
     * e^{0.4} = 1.4918246976.
     */
    private static final VenueParameters QUARTER_YEAR_AT_80 = VenueParameters.builder()
            .volatility(new BigDecimal("0.8")).probabilityHorizonHours(new BigDecimal("2190")).build();

    @Test
    void probability_long() {
        // isolated long 1 BTC at 60,000, margin 6,000, MMR 0.5 %: LP = (60,000 − 6,000)/(1 − 0.005)
        // = 54,271.356783919598; mark = LP · e^{0.4} = 80,963.350424752359
        Position p = btc(Side.LONG, "1", "80963.35042475235895732870296805").isolatedMargin(new BigDecimal("6000"))
                .maintenance(new Maintenance(new BigDecimal("0.005"), BigDecimal.ZERO))
                .venueParameters(QUARTER_YEAR_AT_80).build();
        PositionCosts c = costs("binance-usdm", p);
        // P = Φ(0.2 − 1) + e^{0.4}·Φ(−1 − 0.2) = 0.2118553986 + 1.4918246976 · 0.1150696702 = 0.3835191746
        assertThat(c.probability()).isCloseTo(0.3835191746, within(1e-9));
        assertThat(c.volatility()).isEqualTo(0.8);
        assertThat(c.volatilityAsOf()).as("typed, not the table's").isNull();
        assertThat(c.horizonHours()).isEqualTo(2190);
    }

    @Test
    void probability_short() {
        // isolated short 1 BTC at 60,000, margin 6,000, MMR 0.5 %: LP = (60,000 + 6,000)/(1 + 0.005)
        // = 65,671.641791044776; mark = LP · e^{−0.4} = 44,021.017948609148
        Position p = btc(Side.SHORT, "1", "44021.01794860914810858962493508").isolatedMargin(new BigDecimal("6000"))
                .maintenance(new Maintenance(new BigDecimal("0.005"), BigDecimal.ZERO))
                .venueParameters(QUARTER_YEAR_AT_80).build();
        PositionCosts c = costs("binance-usdm", p);
        // P = Φ(−1 − 0.2) + e^{−0.4}·Φ(0.2 − 1) = 0.1150696702 + 0.6703200460 · 0.2118553986 = 0.2570805908
        assertThat(c.probability()).isCloseTo(0.2570805908, within(1e-9));
    }

    @Test
    void probability_defaultVolatilityFromTheDatedTable_andNoneWhenLiquidated() {
        Position p = btc(Side.LONG, "0.5", "60000").build();
        PositionCosts c = costs("binance-usdm", p);
        // volatility.csv: BTC,0.412, asOf 2026-01-29; horizon default 24 h
        assertThat(c.volatility()).isEqualTo(0.412);
        assertThat(c.volatilityAsOf()).isEqualTo(LocalDate.of(2026, 1, 29));
        assertThat(c.horizonHours()).isEqualTo(24);
        assertThat(c.hasProbability()).isTrue();
        VenueRules venue = Venues.resolve("binance-usdm", null);
        PositionRisk risk = MarginEngine.DEFAULT.evaluate(Account.of(venue, BigDecimal.ZERO, List.of(p))).positions().get(0);
        assertThat(PositionCosts.of(p, risk, p.markPrice(), true, venue).hasProbability()).isFalse();
    }
}
