package org.marginlab.engine.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.Account;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.whatif.LiquidationCascade;
import org.marginlab.engine.whatif.MarginComparison;
import org.marginlab.engine.whatif.ShockScope;

/**
 * Paths whose liquidation times are worked by hand (spec margin-formulas.md §1.1, §1.3; Binance
 * bundled BTCUSDT tier 1: MMR 0.4 %, maintenance amount 0).
 *
 * <p>The 20x isolated long: 0.2 BTCUSDT @ 60,000, margin 600, so
 * {@code LP = (600 − 0.2·60,000)/(0.2·0.004 − 0.2) = −11,400/−0.1992 = 57,228.915662650…}.
 * Its cross twin (wallet 500 + 600 = 1,100): {@code 1,100 + 0.2·(m − 60,000) = 0.2·m·0.004}
 * gives {@code m = 10,900/0.1992 = 54,718.875502008…}.
 */
class PathReplayTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private static final BigDecimal LP = new BigDecimal("11400").divide(new BigDecimal("0.1992"), java.math.MathContext.DECIMAL128);

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static Position.Builder position(String id, String symbol, String qty, String entry, String lev) {
        return Position.builder().id(id).symbol(symbol).side(Side.LONG).quantity(d(qty)).entryPrice(d(entry))
                .leverage(d(lev));
    }

    private static Account btc20x() {
        return Account.of("binance-usdm", d("500"),
                List.of(position("btc-long", "BTCUSDT", "0.2", "60000", "20").isolatedMargin(d("600")).build()));
    }

    /** The course example: three isolated longs, wallet 500 (as the comparison's tests). */
    private static Account course() {
        return Account.of("binance-usdm", d("500"), List.of(
                position("btc-long", "BTCUSDT", "0.2", "60000", "20").isolatedMargin(d("600")).build(),
                position("eth-long", "ETHUSDT", "2", "3000", "5").isolatedMargin(d("1200")).build(),
                position("sol-long", "SOLUSDT", "20", "150", "3").isolatedMargin(d("1000"))
                        .maintenance(new Maintenance(d("0.01"), BigDecimal.ZERO)).build()));
    }

    /** Points {seconds, mark, …} for one symbol. */
    private static PricePath btcPath(long... secondsAndMarks) {
        List<PricePath.Point> points = new ArrayList<>();
        for (int i = 0; i < secondsAndMarks.length; i += 2) {
            points.add(new PricePath.Point(T0.plusSeconds(secondsAndMarks[i]),
                    Map.of("BTCUSDT", BigDecimal.valueOf(secondsAndMarks[i + 1]))));
        }
        return PricePath.of(points);
    }

    private static double seconds(Instant t) {
        return Duration.between(T0, t).toNanos() / 1e9;
    }

    @Test
    void isolatedLongCrossesItsLiquidationPriceBetweenTwoPoints() {
        // 60,000 → 57,000 over 10 min: the mark is at LP at α = (60,000 − LP)/3,000,
        // t = 600 s·α = 0.2·(60,000 − LP) = 554.2168674698… s
        PathReplay r = PathReplay.run(btc20x(), btcPath(0, 60000, 600, 57000));
        List<LiquidationEvent> iso = r.events(ReplaySide.ISOLATED);
        assertThat(iso).hasSize(1);
        LiquidationEvent e = iso.get(0);
        assertThat(seconds(e.time())).isCloseTo(554.2168674698, within(1e-6));
        assertThat(e.mark()).isCloseTo(LP, within(d("1e-25")));
        assertThat(e.liquidationPrice()).isEqualByComparingTo(e.mark());
        // the default fee keeps the maintenance margin: the whole margin, 600, is lost
        assertThat(e.equityLost()).isCloseTo(d("600"), within(d("1e-20")));
        // the account is the same isolated long: the same event
        assertThat(r.events(ReplaySide.ACCOUNT)).extracting(LiquidationEvent::time).containsExactly(e.time());
        // cross twin: 1,100 + 0.2·(57,000 − 60,000) = 500 > 0.2·57,000·0.004 = 45.6: alive
        assertThat(r.events(ReplaySide.CROSS)).isEmpty();
        assertThat(r.frame(1).cross().equity()).isEqualByComparingTo("500");
        // isolated side after the liquidation: only its free wallet, 1,100 − 600 = 500
        assertThat(r.frame(1).isolated().equity()).isEqualByComparingTo("500");
        assertThat(r.frame(1).isolated().isLiquidated("btc-long")).isTrue();
        assertThat(r.frame(0).isolated().isLiquidated("btc-long")).isFalse();
    }

    @Test
    void crossSideGoesLaterThanTheIsolatedPosition() {
        // 60,000 → 54,000 over 10 min (600 s, 10 USDT/s):
        // isolated: t = (60,000 − LP)/10 = 277.1084337349… s
        // cross:    t = (60,000 − 54,718.875502008…)/10 = 528.1124497992… s, found to 1 ms, on the liquidated side
        PathReplay r = PathReplay.run(btc20x(), btcPath(0, 60000, 600, 54000));
        assertThat(seconds(r.events(ReplaySide.ISOLATED).get(0).time())).isCloseTo(277.1084337349, within(1e-6));
        LiquidationEvent c = r.events(ReplaySide.CROSS).get(0);
        double ct = seconds(c.time());
        assertThat(ct).isBetween(528.1124497, 528.1124498 + 0.001);
        // at the crossing its equity equals its requirement and the fee takes it: the whole wallet, 1,100, is lost
        assertThat(c.equityLost()).isCloseTo(d("1100"), within(d("0.01")));
        assertThat(c.liquidationPrice()).isCloseTo(d("54718.8755"), within(d("0.01")));
        assertThat(r.frame(1).cross().equity()).isEqualByComparingTo("0");
        assertThat(r.frame(1).isolated().equity()).isEqualByComparingTo("500");
        assertThat(r.events()).extracting(LiquidationEvent::side)
                .containsExactly(ReplaySide.ISOLATED, ReplaySide.ACCOUNT, ReplaySide.CROSS);
        assertThat(r.firstLiquidation()).isEqualTo(r.events(ReplaySide.ISOLATED).get(0).time());
    }

    @Test
    void aWickThatLiquidatesStaysLiquidatedWhenThePriceComesBack() {
        // 60,000 → 57,000 in 60 s → 60,000 at 120 s: the isolated long goes at
        // t = 60·(60,000 − LP)/3,000 = 55.421686747 s and stays closed at 60,000
        PathReplay r = PathReplay.run(btc20x(), btcPath(0, 60000, 60, 57000, 120, 60000));
        assertThat(r.events(ReplaySide.ISOLATED)).hasSize(1);
        assertThat(seconds(r.events(ReplaySide.ISOLATED).get(0).time())).isCloseTo(55.421686747, within(1e-6));
        ReplayFrame end = r.frame(2);
        assertThat(end.isolated().isLiquidated("btc-long")).isTrue();
        assertThat(end.isolated().liquidated().get("btc-long")).isCloseTo(LP, within(d("1e-25")));
        assertThat(end.isolated().risk().positions()).isEmpty();
        // isolated: 1,100 − 600 = 500 left; cross: back at 60,000 with no loss, 1,100
        assertThat(end.isolated().equity()).isEqualByComparingTo("500");
        assertThat(end.cross().equity()).isEqualByComparingTo("1100");
        assertThat(end.account().equity()).isEqualByComparingTo("500");
    }

    @Test
    void severalSymbolsOnlyTheTwentyTimesLongGoesInTheTwelvePercentWick() {
        // the wick-down-12 knots: minute 30 BTC 59,400 / ETH 2,970 / SOL 148.5; minute 33 52,800 / 2,640 / 132
        // BTC: LP 57,228.92 reached at 30 min + 180 s·(59,400 − LP)/6,600 = 30 min + 59.2113910 s
        // ETH: LP = (1,200 − 6,000)/(2·0.004 − 2) = 2,409.64 < 2,640; SOL: LP = (1,000 − 3,000)/(0.2 − 20) = 101.01 < 132
        // cross side: W = 3,300, x = −3,198/20,898 = −15.30 % < −12 %: alive
        PathReplay r = PathReplay.run(course(), wickDown12());
        assertThat(r.events(ReplaySide.ISOLATED)).extracting(LiquidationEvent::positionId).containsExactly("btc-long");
        assertThat(seconds(r.events(ReplaySide.ISOLATED).get(0).time())).isCloseTo(1800 + 59.2113910, within(1e-6));
        assertThat(r.events(ReplaySide.CROSS)).isEmpty();
        // at minute 33 (a point): isolated = 500 + ETH 1,200 + 2·(2,640 − 3,000) + SOL 1,000 + 20·(132 − 150) = 1,620
        // cross = 3,300 + 0.2·(−7,200) + 2·(−360) + 20·(−18) = 780
        ReplayFrame low = r.frameAt(T0.plusSeconds(33 * 60));
        assertThat(low.isolated().equity()).isEqualByComparingTo("1620");
        assertThat(low.cross().equity()).isEqualByComparingTo("780");
        // the end (minute 120: 60,300 / 3,015 / 150.75): BTC stays closed;
        // isolated = 500 + 1,200 + 30 + 1,000 + 15 = 2,745; cross = 3,300 + 60 + 30 + 15 = 3,405
        ReplayFrame end = r.frame(r.frames().size() - 1);
        assertThat(end.isolated().equity()).isEqualByComparingTo("2745");
        assertThat(end.cross().equity()).isEqualByComparingTo("3405");
    }

    @Test
    void onAMonotonePathTheReplayIsTheComparisonsCascadeAtEveryPoint() {
        // 14 days, one point an hour, every mark 30 % lower at the end, all in proportion: each point
        // is the uniform shock x = −0.3·h/336 of the comparison, so a path that never comes back
        // must give the cascade's equity at every point, before and after its liquidations
        List<PricePath.Point> points = new ArrayList<>();
        for (int h = 0; h <= 336; h++) {
            BigDecimal f = BigDecimal.ONE.subtract(new BigDecimal("0.3").multiply(BigDecimal.valueOf(h))
                    .divide(BigDecimal.valueOf(336), java.math.MathContext.DECIMAL128));
            Map<String, BigDecimal> m = new LinkedHashMap<>();
            m.put("BTCUSDT", d("60000").multiply(f));
            m.put("ETHUSDT", d("3000").multiply(f));
            m.put("SOLUSDT", d("150").multiply(f));
            points.add(new PricePath.Point(T0.plusSeconds(3600L * h), m));
        }
        PathReplay r = PathReplay.run(course(), PricePath.of(points));
        MarginComparison.Variants v = r.variants();
        for (ReplayFrame frame : r.frames()) {
            BigDecimal shock = frame.marks().get("BTCUSDT").divide(d("60000"), java.math.MathContext.DECIMAL128)
                    .subtract(BigDecimal.ONE);
            if (shock.signum() == 0) {
                continue;
            }
            BigDecimal iso = LiquidationCascade.DEFAULT.simulate(v.isolated(), ShockScope.ALL, shock).equityAt(shock);
            BigDecimal cross = LiquidationCascade.DEFAULT.simulate(v.cross(), ShockScope.ALL, shock).equityAt(shock);
            assertThat(frame.isolated().equity()).as("isolated at hour %d", frame.index()).isCloseTo(iso, within(d("1e-20")));
            assertThat(frame.cross().equity()).as("cross at hour %d", frame.index()).isCloseTo(cross, within(d("1e-20")));
        }
        // BTC (LP 57,228.92, −4.6 %) and ETH (2,409.64, −19.7 %) go, SOL (101.01, −32.7 %) is beyond −30 %;
        // the cross account goes at x = −3,198/20,898 = −15.30 %, i.e. hour 336·(3,198/20,898)/0.3 = 171.39
        assertThat(r.events(ReplaySide.ISOLATED)).extracting(LiquidationEvent::positionId)
                .containsExactly("btc-long", "eth-long");
        assertThat(r.events(ReplaySide.CROSS)).hasSize(3)
                .allSatisfy(e -> assertThat(seconds(e.time()) / 3600).isCloseTo(336 * (3198.0 / 20898) / 0.3, within(1e-6)));
    }

    @Test
    void anIsolatedShortGoesWhenAWickUpReachesItsLiquidationPrice() {
        // 0.2 BTCUSDT short @ 60,000, 20x, margin 600: LP = (600 + 0.2·60,000)/(0.2·0.004 + 0.2)
        // = 12,600/0.2008 = 62,749.003984…; 60,000 → 63,000 over 600 s (5 USDT/s):
        // t = (62,749.003984 − 60,000)/5 = 549.8007968 s; back to 60,000 at 900 s, it stays closed
        Account shortAccount = Account.of("binance-usdm", d("500"), List.of(position("btc-short", "BTCUSDT", "0.2",
                "60000", "20").side(Side.SHORT).isolatedMargin(d("600")).build()));
        PathReplay r = PathReplay.run(shortAccount, btcPath(0, 60000, 600, 63000, 900, 60000));
        assertThat(r.events(ReplaySide.ISOLATED)).singleElement().satisfies(e -> {
            assertThat(seconds(e.time())).isCloseTo(549.8007968, within(1e-6));
            assertThat(e.mark()).isCloseTo(d("62749.003984"), within(d("0.000001")));
        });
        // cross twin, wallet 1,100: 1,100 − 0.2·(m − 60,000) = 0.2·m·0.004 → m = 13,100/0.2008 = 65,239.04: not reached
        assertThat(r.events(ReplaySide.CROSS)).isEmpty();
        assertThat(r.frame(2).isolated().equity()).isEqualByComparingTo("500");
        assertThat(r.frame(2).cross().equity()).isEqualByComparingTo("1100");
    }

    @Test
    void aPositionAlreadyPastItsLiquidationPriceAtTheFirstPointGoesThere() {
        PathReplay r = PathReplay.run(btc20x(), btcPath(0, 57000, 60, 60000));
        assertThat(r.events(ReplaySide.ISOLATED)).singleElement()
                .satisfies(e -> assertThat(e.time()).isEqualTo(T0));
        assertThat(r.frame(0).isolated().isLiquidated("btc-long")).isTrue();
    }

    @Test
    void aCrossAccountWithAnIsolatedPositionKeepsTheIsolatedOneOnTheAccountSide() {
        Account mixed = Account.of("binance-usdm", d("500"), List.of(
                position("btc-long", "BTCUSDT", "0.2", "60000", "20").isolatedMargin(d("600")).build(),
                position("eth-long", "ETHUSDT", "2", "3000", "5").marginMode(MarginMode.CROSS).build()));
        // ETH is not on the path: its mark stays 3,000 (as entered, PnL 0); the cross account
        // (500 + 0 > 2·3,000·0.004 = 24) is alive; BTC isolated goes as above
        PathReplay r = PathReplay.run(mixed, btcPath(0, 60000, 600, 57000));
        assertThat(r.events(ReplaySide.ACCOUNT)).extracting(LiquidationEvent::positionId).containsExactly("btc-long");
        // account at 57,000: wallet 500 + ETH PnL 0; BTC's 600 margin is lost: 500
        assertThat(r.frame(1).account().equity()).isEqualByComparingTo("500");
        assertThat(r.frame(1).account().risk().position("eth-long").unrealizedPnl()).isEqualByComparingTo("0");
    }

    static PricePath wickDown12() {
        int[] minutes = {0, 30, 33, 36, 45, 120};
        String[][] marks = {{"60000", "3000", "150"}, {"59400", "2970", "148.5"}, {"52800", "2640", "132"},
            {"57000", "2850", "142.5"}, {"59000", "2950", "147.5"}, {"60300", "3015", "150.75"}};
        List<PricePath.Point> points = new ArrayList<>();
        for (int k = 0; k < minutes.length; k++) {
            Map<String, BigDecimal> m = new LinkedHashMap<>();
            m.put("BTCUSDT", d(marks[k][0]));
            m.put("ETHUSDT", d(marks[k][1]));
            m.put("SOLUSDT", d(marks[k][2]));
            points.add(new PricePath.Point(T0.plusSeconds(60L * minutes[k]), m));
        }
        return PricePath.of(points);
    }
}
