package org.marginlab.engine.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;

/**
 * binance-usdm hedge mode (spec margin-formulas.md §1.1 full form): a cross long and a cross
 * short on the same symbol share one liquidation price, with the bundled BTCUSDT brackets
 * (1: [0, 50,000) 0.4 %/0; 2: [50,000, 600,000) 0.5 %/50). Every figure by hand.
 */
class BinanceUsdmTest {
    private static final BigDecimal TIGHT = new BigDecimal("1e-20");
    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final VenueRules BINANCE = Venues.byId("binance-usdm");

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    /** Long 1 BTCUSDT @ 60,000 and short 0.5 @ 61,000, both 20x cross, both marked at 60,000. */
    private static List<Position> hedge() {
        Position l = Position.builder().id("long").symbol("BTCUSDT").side(Side.LONG).quantity(BigDecimal.ONE)
                .entryPrice(dec("60000")).markPrice(dec("60000")).leverage(dec("20")).marginMode(MarginMode.CROSS)
                .build();
        Position s = Position.builder().id("short").symbol("BTCUSDT").side(Side.SHORT).quantity(dec("0.5"))
                .entryPrice(dec("61000")).markPrice(dec("60000")).leverage(dec("20")).marginMode(MarginMode.CROSS)
                .build();
        return List.of(l, s);
    }

    @Test
    void test_hedgeMode_longAndShortShareOneLiquidationPrice() {
        AccountRisk a = ENGINE.evaluate(Account.of(BINANCE, dec("1000"), hedge()));
        // LP = (WB + cumL + cumS − Q_L·EP_L + Q_S·EP_S)/(Q_L·MMR_L + Q_S·MMR_S − Q_L + Q_S)
        //    = (1,000 + 50 + 0 − 60,000 + 30,500)/(0.005 + 0.002 − 1 + 0.5) = (1,000 + 50 − 29,500)/(0.005 + 0.002 − 0.5)
        //    = −28,450/−0.493 = 57707.9107505070993914807302231…
        // brackets at LP: long 57,707.9 ∈ [50,000, 600,000) → 0.5 %/50; short 28,853.96 < 50,000 → 0.4 %/0: stable
        BigDecimal expected = dec("57707.91075050709939148073022");
        assertThat(a.position("long").liquidationPrice()).isCloseTo(expected, within(TIGHT));
        assertThat(a.position("short").liquidationPrice()).isCloseTo(expected, within(TIGHT));
        assertThat(a.position("long").liquidationTier().mmr()).isEqualByComparingTo("0.005");
        assertThat(a.position("short").liquidationTier().mmr()).isEqualByComparingTo("0.004");
        // shared bankruptcy price: (1,000 − 60,000 + 30,500)/(−1 + 0.5) = 57,000
        assertThat(a.position("long").bankruptcyPrice()).isEqualByComparingTo("57000");
        assertThat(a.position("short").bankruptcyPrice()).isEqualByComparingTo("57000");
    }

    @Test
    void test_hedgeMode_accountFigures() {
        AccountRisk a = ENGINE.evaluate(Account.of(BINANCE, dec("1000"), hedge()));
        // MM: long 60,000·0.005 − 50 = 250; short 30,000·0.004 = 120; uPnL: long 0, short 0.5·1,000 = 500
        assertThat(a.position("long").maintenanceMargin()).isEqualByComparingTo("250");
        assertThat(a.position("short").maintenanceMargin()).isEqualByComparingTo("120");
        assertThat(a.unrealizedPnl()).isEqualByComparingTo("500");
        // balance 1,500; MM 370; ratio 370/1,500 = 0.246666…; IM at mark 3,000 + 1,500 = 4,500;
        // available max(0, 1,500 − 4,500) = 0; total equity 1,500
        assertThat(a.marginBalance()).isEqualByComparingTo("1500");
        assertThat(a.maintenanceMargin()).isEqualByComparingTo("370");
        assertThat(a.marginRatio()).isCloseTo(dec("0.2466666666666666666666666667"), within(TIGHT));
        assertThat(a.initialMargin()).isEqualByComparingTo("4500");
        assertThat(a.availableBalance()).isEqualByComparingTo("0");
        assertThat(a.totalEquity()).isEqualByComparingTo("1500");
        assertThat(a.position("long").liquidated()).isFalse();
    }

    @Test
    void test_hedgeMode_atTheSharedPriceTheAccountIsLiquidated() {
        // both marked at the shared LP: uPnL = (LP − 60,000) − 0.5·(LP − 61,000) = 0.5·LP − 29,500;
        // balance = 1,000 + 0.5·LP − 29,500 and MM = 0.005·LP − 50 + 0.002·LP, equal at LP
        BigDecimal lp = ENGINE.evaluate(Account.of(BINANCE, dec("1000"), hedge())).position("long").liquidationPrice();
        List<Position> atLp = hedge().stream().map(p -> p.withMarkPrice(lp)).toList();
        AccountRisk a = ENGINE.evaluate(Account.of(BINANCE, dec("1000"), atLp));
        assertThat(a.marginRatio()).isCloseTo(BigDecimal.ONE, within(TIGHT));
        assertThat(a.position("long").liquidated()).isTrue();
        assertThat(a.position("short").liquidated()).isTrue();
    }

    @Test
    void test_hedgeMode_anotherSymbolEntersAsOtherPosition() {
        // add ETHUSDT cross long 10 @ 3,000, mark 2,900, MMR 1 % override: MM 290, uPnL −1,000.
        // wallet 2,000. BTC group: WB' = 2,000 − 290 − 1,000 = 710: LP = (710 + 50 − 29,500)/(−0.493)
        //   = 28,740/0.493 = 58296.1460446247464503042596…; long notional 58,296.1 → bracket 2,
        //   short 29,148.1 → bracket 1: stable
        Position eth = Position.builder().id("eth").symbol("ETHUSDT").side(Side.LONG).quantity(BigDecimal.TEN)
                .entryPrice(dec("3000")).markPrice(dec("2900")).leverage(dec("10")).marginMode(MarginMode.CROSS)
                .maintenance(new Maintenance(dec("0.01"), BigDecimal.ZERO)).build();
        List<Position> positions = new java.util.ArrayList<>(hedge());
        positions.add(eth);
        AccountRisk a = ENGINE.evaluate(Account.of(BINANCE, dec("2000"), positions));
        BigDecimal expected = dec("58296.14604462474645030425963");
        assertThat(a.position("long").liquidationPrice()).isCloseTo(expected, within(TIGHT));
        assertThat(a.position("short").liquidationPrice()).isCloseTo(expected, within(TIGHT));
    }
}
