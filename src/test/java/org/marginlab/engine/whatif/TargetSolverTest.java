package org.marginlab.engine.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.BinanceCoinm;
import org.marginlab.engine.venue.BinanceUsdm;
import org.marginlab.engine.venue.BybitRules;
import org.marginlab.engine.venue.HyperliquidRules;
import org.marginlab.engine.venue.OkxGateRules;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

/**
 * The inverse solvers worked by hand on each venue family, each answer checked twice: against
 * the hand-worked value and by evaluating the engine with it (the round trip must give back the
 * target). Notation as in spec margin-formulas.md §0; {@code W} the isolated margin.
 */
class TargetSolverTest {
    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final VenueRules BINANCE = Venues.byId(BinanceUsdm.ID);
    private static final VenueRules COINM = Venues.byId(BinanceCoinm.ID);
    private static final VenueRules BYBIT = Venues.byId(BybitRules.LINEAR_ID);
    private static final VenueRules OKX = Venues.byId(OkxGateRules.OKX_ID);
    private static final VenueRules HYPERLIQUID = Venues.byId(HyperliquidRules.ID);
    /** The round trip's tolerance: |LP − target| ≤ 1e-12·target. */
    private static final BigDecimal REL = new BigDecimal("1e-12");

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static Position.Builder position(String symbol, Side side, String qty, String entry, String mark, String lev) {
        return Position.builder().symbol(symbol).side(side).quantity(d(qty)).entryPrice(d(entry)).markPrice(d(mark))
                .leverage(d(lev));
    }

    private static Position.Builder inverse(Side side, String contracts, String entry, String mark, String lev) {
        return position("BTCUSD", side, contracts, entry, mark, lev).contract(ContractType.INVERSE).contractSize(d("100"))
                .maintenance(new Maintenance(d("0.005"), BigDecimal.ZERO));
    }

    /** Evaluates the engine with the margin and asserts the liquidation price is the target. */
    private static void assertRoundTrip(VenueRules venue, Position p, BigDecimal margin, BigDecimal target) {
        PositionRisk risk = ENGINE.evaluate(p.withIsolatedMargin(margin), venue);
        assertThat(risk.liquidationPrice()).as("engine LP with margin %s", margin.toPlainString())
                .isCloseTo(target, within(target.multiply(REL)));
    }

    // ---------------------------------------------------------------- isolated margin for a target LP

    @Test
    void binanceMarginForTargetInTheSameBracket() {
        // 1 BTC long @ 60,000, mark 60,000, 10x. Target 55,000: notional 55,000 is in bracket 2
        // (MMR 0.5 %, cum 50): W = 55000·0.005 − 50 − (55000 − 60000) = 275 − 50 + 5000 = 5,225
        Position p = position("BTCUSDT", Side.LONG, "1", "60000", "60000", "10").build();
        BigDecimal w = new TargetSolver(BINANCE).isolatedMarginFor(p, d("55000"));
        assertThat(w).isEqualByComparingTo("5225");
        assertRoundTrip(BINANCE, p, w, d("55000"));
    }

    @Test
    void binanceMarginForTargetInAnotherBracket() {
        // Same long; target 45,000: notional 45,000 is in bracket 1 (MMR 0.4 %, cum 0) while the
        // mark's 60,000 is in bracket 2. W = 45000·0.004 − 0 + 15000 = 15,180. The engine first
        // solves in bracket 2: (15180 + 50 − 60000)/(0.005 − 1) = 44,994.97 → bracket 1 → 45,000.
        Position p = position("BTCUSDT", Side.LONG, "1", "60000", "60000", "10").build();
        BigDecimal w = new TargetSolver(BINANCE).isolatedMarginFor(p, d("45000"));
        assertThat(w).isEqualByComparingTo("15180");
        assertRoundTrip(BINANCE, p, w, d("45000"));
        assertThat(ENGINE.evaluate(p.withIsolatedMargin(w), BINANCE).liquidationTier().mmr()).isEqualByComparingTo("0.004");
    }

    @Test
    void binanceShortMarginForTargetInAHigherBracket() {
        // 10 BTC short @ 55,000 (notional 550,000, bracket 2), 10x. Target 62,000: notional 620,000
        // is in bracket 3 (MMR 0.65 %, cum 950): req = 620000·0.0065 − 950 = 3,080;
        // PnL = −10·(62000 − 55000) = −70,000; W = 3080 + 70000 = 73,080
        Position p = position("BTCUSDT", Side.SHORT, "10", "55000", "55000", "10").build();
        BigDecimal w = new TargetSolver(BINANCE).isolatedMarginFor(p, d("62000"));
        assertThat(w).isEqualByComparingTo("73080");
        assertRoundTrip(BINANCE, p, w, d("62000"));
    }

    @Test
    void bybitMarginForTheDocLiquidationPrice() {
        // Bybit (spec §2.1), MM at the entry value: 1 BTC long @ 20,000, bracket 1 MMR 0.5 % → MM 100.
        // Target 19,700: W = MM_entry − PnL = 100 − (19700 − 20000) = 400 = the 50x initial margin of the doc.
        Position p = position("BTCUSDT", Side.LONG, "1", "20000", "20000", "50").build();
        BigDecimal w = new TargetSolver(BYBIT).isolatedMarginFor(p, d("19700"));
        assertThat(w).isEqualByComparingTo("400");
        assertRoundTrip(BYBIT, p, w, d("19700"));
        // short, doc example 2: +3,000 USDT over the 400 gives 23,300: W = 100 + (23300 − 20000) = 3,400
        Position s = position("BTCUSDT", Side.SHORT, "1", "20000", "20000", "50").build();
        BigDecimal ws = new TargetSolver(BYBIT).isolatedMarginFor(s, d("23300"));
        assertThat(ws).isEqualByComparingTo("3400");
        assertRoundTrip(BYBIT, s, ws, d("23300"));
    }

    @Test
    void okxMarginIncludesTheCloseFee() {
        // OKX: liquidation when equity = MM + taker·notional (spec §3); MMR 1 %, cum 0, taker 0.05 %.
        // 2 BTC long @ 30,000, target 27,000: W = 2·27000·(0.01 + 0.0005) − 2·(27000 − 30000) = 567 + 6000 = 6,567
        Position p = position("BTC-USDT-SWAP", Side.LONG, "2", "30000", "30000", "10")
                .maintenance(new Maintenance(d("0.01"), BigDecimal.ZERO)).build();
        BigDecimal w = new TargetSolver(OKX).isolatedMarginFor(p, d("27000"));
        assertThat(w).isEqualByComparingTo("6567");
        assertRoundTrip(OKX, p, w, d("27000"));
    }

    @Test
    void hyperliquidMarginForAShort() {
        // Hyperliquid, max leverage 20 → MMR = 1/(2·20) = 2.5 %. 10 SOL short @ 150, target 165:
        // req = 10·165·0.025 = 41.25; PnL = −10·15 = −150; W = 41.25 + 150 = 191.25
        Position p = position("SOL", Side.SHORT, "10", "150", "150", "10").maxLeverage(d("20")).build();
        BigDecimal w = new TargetSolver(HYPERLIQUID).isolatedMarginFor(p, d("165"));
        assertThat(w).isEqualByComparingTo("191.25");
        assertRoundTrip(HYPERLIQUID, p, w, d("165"));
    }

    @Test
    void coinmInverseMarginForTargets() {
        // Binance COIN-M, MMR 0.5 % override, 100 contracts × 100 USD (F = 10,000 USD), entry 10,000.
        // long, target 8,000: W = F·MMR/P − F·(1/EP − 1/P) = 0.00625 − (1 − 1.25) = 0.25625 BTC
        // (check: LP = F·(MMR + 1)/(W + F/EP) = 10050/1.25625 = 8,000)
        Position lp = inverse(Side.LONG, "100", "10000", "10000", "10").build();
        BigDecimal wl = new TargetSolver(COINM).isolatedMarginFor(lp, d("8000"));
        assertThat(wl).isCloseTo(d("0.25625"), within(d("1e-30")));
        assertRoundTrip(COINM, lp, wl, d("8000"));
        // short, target 12,500: W = 10000·0.005/12500 + (1 − 0.8) = 0.004 + 0.2 = 0.204 BTC
        // (check: LP = 10000·(0.005 − 1)/(0.204 − 1) = 9950/0.796 = 12,500)
        Position sp = inverse(Side.SHORT, "100", "10000", "10000", "10").build();
        BigDecimal ws = new TargetSolver(COINM).isolatedMarginFor(sp, d("12500"));
        assertThat(ws).isCloseTo(d("0.204"), within(d("1e-30")));
        assertRoundTrip(COINM, sp, ws, d("12500"));
    }

    @Test
    void targetOnTheWrongSideOfTheMarkIsRefused() {
        Position p = position("BTCUSDT", Side.LONG, "1", "60000", "60000", "10").build();
        TargetSolver solver = new TargetSolver(BINANCE);
        assertThatThrownBy(() -> solver.isolatedMarginFor(p, d("61000")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("targetLiquidationPrice: must be below the mark price 60000 for a long (got 61000)");
        Position s = position("BTCUSDT", Side.SHORT, "1", "60000", "60000", "10").build();
        assertThatThrownBy(() -> solver.isolatedMarginFor(s, d("60000")))
                .hasMessage("targetLiquidationPrice: must be above the mark price 60000 for a short (got 60000)");
        assertThatThrownBy(() -> solver.leverageFor(s, d("59000")))
                .hasMessage("targetLiquidationPrice: must be above the mark price 60000 for a short (got 59000)");
        assertThatThrownBy(() -> solver.isolatedMarginFor(p, d("-1")))
                .hasMessage("targetLiquidationPrice: must be > 0 (got -1)");
    }

    @Test
    void targetNeedingNegativeMarginIsUnreachable() {
        // 1 BTC long @ 50,000 in profit at mark 60,000. Target 55,000 (bracket 2):
        // W = 275 − 50 − (55000 − 50000) = −4,775 < 0. With no margin the LP is
        // (0 + 50 − 50000)/(0.005 − 1) = 49950/0.995 = 50,201.005…: targets must be below it.
        Position p = position("BTCUSDT", Side.LONG, "1", "50000", "60000", "10").build();
        assertThatThrownBy(() -> new TargetSolver(BINANCE).isolatedMarginFor(p, d("55000")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("targetLiquidationPrice: is unreachable: it would need a negative isolated margin; "
                        + "a long's target must be below 50201.005, the liquidation price with zero isolated margin "
                        + "(got 55000)");
        // just below the bound is fine
        BigDecimal w = new TargetSolver(BINANCE).isolatedMarginFor(p, d("50200"));
        assertThat(w).isPositive();
        assertRoundTrip(BINANCE, p, w, d("50200"));
    }

    @Test
    void crossPositionsAreRefused() {
        Position p = position("BTCUSDT", Side.LONG, "1", "60000", "60000", "10").marginMode(MarginMode.CROSS).build();
        assertThatThrownBy(() -> new TargetSolver(BINANCE).isolatedMarginFor(p, d("50000")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("marginMode: must be isolated: the solver finds an isolated margin (got cross)");
    }

    // ---------------------------------------------------------------- leverage for a target LP

    @Test
    void leverageForTargetWithFlatMaintenance() {
        // flat MMR 0.5 %: 1 BTC long @ 20,000, target 19,000: W = 95 + 1000 = 1,095;
        // lev = 20000/1095 = 18.264840182648401826484018264840182… (rounded down)
        Position p = position("BTCUSDT", Side.LONG, "1", "20000", "20000", "3")
                .maintenance(new Maintenance(d("0.005"), BigDecimal.ZERO)).build();
        BigDecimal lev = new TargetSolver(BINANCE).leverageFor(p, d("19000"));
        assertThat(lev).isEqualByComparingTo("18.26484018264840182648401826484018");
        PositionRisk risk = ENGINE.evaluate(p.toBuilder().leverage(lev).build(), BINANCE);
        assertThat(risk.liquidationPrice()).isCloseTo(d("19000"), within(d("19000").multiply(REL)));
        // rounded down: the margin is a hair above 1,095 and the LP a hair below the target (safe side)
        assertThat(risk.liquidationPrice()).isLessThanOrEqualTo(d("19000"));
    }

    @Test
    void leverageForTargetWithBundledBrackets() {
        // 1 BTC long @ 60,000: target 59,000 (bracket 2): W = 295 − 50 + 1000 = 1,245; lev = 60000/1245 = 48.19…
        Position p = position("BTCUSDT", Side.LONG, "1", "60000", "60000", "10").build();
        TargetSolver solver = new TargetSolver(BINANCE);
        BigDecimal lev = solver.leverageFor(p, d("59000"));
        assertThat(lev).isCloseTo(d("48.19277108433734939759036144578313"), within(d("1e-30")));
        PositionRisk risk = ENGINE.evaluate(p.toBuilder().leverage(lev).build(), BINANCE);
        assertThat(risk.liquidationPrice()).isCloseTo(d("59000"), within(d("59000").multiply(REL)));
        // target 59,700: W = 298.5 − 50 + 300 = 548.5; lev = 60000/548.5 = 109.39 > 100x of bracket 2
        assertThatThrownBy(() -> solver.leverageFor(p, d("59700")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("targetLiquidationPrice: needs leverage 109.38924x, above the max leverage 100x of the tier; "
                        + "choose a target further from the mark (got 59700)");
    }

    @Test
    void leverageForInverseAndBybit() {
        // COIN-M long target 8,000: W = 0.25625 BTC (above), N_entry = 10000/10000 = 1 BTC → lev = 3.902439…
        Position lp = inverse(Side.LONG, "100", "10000", "10000", "10").build();
        BigDecimal lev = new TargetSolver(COINM).leverageFor(lp, d("8000"));
        assertThat(lev).isCloseTo(d("3.902439024390243902439024390243902"), within(d("1e-30")));
        assertThat(ENGINE.evaluate(lp.toBuilder().leverage(lev).build(), COINM).liquidationPrice())
                .isCloseTo(d("8000"), within(d("8000").multiply(REL)));
        // Bybit: LP 19,700 for 1 BTC @ 20,000 is the doc's 50x
        Position bp = position("BTCUSDT", Side.LONG, "1", "20000", "20000", "10").build();
        assertThat(new TargetSolver(BYBIT).leverageFor(bp, d("19700"))).isEqualByComparingTo("50");
    }

    @Test
    void leverageUnreachableWithoutPositiveMargin() {
        Position p = position("BTCUSDT", Side.LONG, "1", "50000", "60000", "10").build();
        assertThatThrownBy(() -> new TargetSolver(BINANCE).leverageFor(p, d("55000")))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("targetLiquidationPrice: is unreachable: it would need an initial margin ≤ 0");
        // the position's own leverage is ignored, even when it is above the tier's max (125x > 100x here)
        Position placeholder = p.toBuilder().leverage(d("125")).build();
        assertThatThrownBy(() -> new TargetSolver(BINANCE).leverageFor(placeholder, d("55000")))
                .hasMessage("targetLiquidationPrice: is unreachable: it would need an initial margin ≤ 0 "
                        + "(no leverage reaches it) (got 55000)");
        assertThat(new TargetSolver(BINANCE).leverageFor(placeholder.toBuilder().markPrice(d("50000")).build(),
                d("45000"))).isPositive();
    }

    // ---------------------------------------------------------------- mark price at a margin ratio

    @Test
    void binanceMarkAtWarningRatio() {
        // flat MMR 0.5 %: 1 BTC long @ 20,000, mark 20,000, 10x, W = 2,000; ratio(P) = 0.005·P/(P − 18000),
        // now 100/2000 = 0.05. 0.8: 0.005P = 0.8P − 14400 → P = 14400/0.795 = 18,113.2075…
        // (1: P = 18000/0.995 = 18,090.45, the liquidation price)
        Position p = position("BTCUSDT", Side.LONG, "1", "20000", "20000", "10")
                .maintenance(new Maintenance(d("0.005"), BigDecimal.ZERO)).build();
        TargetSolver solver = new TargetSolver(BINANCE);
        BigDecimal at80 = solver.markPriceAtMarginRatio(p, d("0.8"));
        assertThat(at80).isCloseTo(d("18113.20754716981132075471698113208"), within(d("1e-18")));
        PositionRisk there = ENGINE.evaluate(p.withMarkPrice(at80), BINANCE);
        assertThat(there.marginRatio()).isCloseTo(d("0.8"), within(d("1e-18")));
        assertThat(there.marginRatio()).isGreaterThanOrEqualTo(d("0.8")); // the reached side
        assertThat(solver.markPriceAtMarginRatio(p, BigDecimal.ONE))
                .isCloseTo(d("18090.45226130653266331658291457286"), within(d("1e-25")));
        assertThat(solver.markPriceAtMarginRatio(p, d("0.05"))).isEqualByComparingTo("20000");
    }

    @Test
    void okxMarkAtFallingRatio() {
        // OKX: ratio = equity/(MM + fee) = (P − 18000)/(0.0105·P) for 1 BTC long @ 20,000, 10x, MMR 1 %,
        // taker 0.05 %; now 2000/210 = 9.52. Level 3: P − 18000 = 0.0315·P → P = 18000/0.9685 = 18,585.44…
        Position p = position("BTC-USDT-SWAP", Side.LONG, "1", "20000", "20000", "10")
                .maintenance(new Maintenance(d("0.01"), BigDecimal.ZERO)).build();
        BigDecimal at3 = new TargetSolver(OKX).markPriceAtMarginRatio(p, d("3"));
        assertThat(at3).isCloseTo(d("18585.44140423335054207537429013939"), within(d("1e-18")));
        assertThat(ENGINE.evaluate(p.withMarkPrice(at3), OKX).marginRatio()).isCloseTo(d("3"), within(d("1e-18")));
        assertThatThrownBy(() -> new TargetSolver(OKX).markPriceAtMarginRatio(p, d("0.5")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("marginRatio: must be between 1 (liquidation) and the current margin ratio 9.5238095 "
                        + "for equity/(maintenance+fees) (got 0.5)");
    }

    @Test
    void bybitMarkAtHalfRatio() {
        // Bybit, MM at entry: 1 BTC long @ 20,000, 50x, W = 400, MM = 100; ratio = 100/(400 + P − 20000).
        // 0.5: 400 + P − 20000 = 200 → P = 19,800
        Position p = position("BTCUSDT", Side.LONG, "1", "20000", "20000", "50").build();
        assertThat(new TargetSolver(BYBIT).markPriceAtMarginRatio(p, d("0.5"))).isCloseTo(d("19800"), within(d("1e-18")));
    }

    @Test
    void coinmShortMarkAtWarningRatio() {
        // COIN-M short 100 × 100 USD @ 10,000, 10x, W = 0.1 BTC, MMR 0.5 %:
        // ratio = (50/P)/(0.1 − 1 + 10000/P) = 50/(10000 − 0.9·P); now 0.05.
        // 0.8: 10000 − 0.9P = 62.5 → P = 9937.5/0.9 = 11,041.666…
        Position p = inverse(Side.SHORT, "100", "10000", "10000", "10").build();
        BigDecimal at80 = new TargetSolver(COINM).markPriceAtMarginRatio(p, d("0.8"));
        assertThat(at80).isCloseTo(d("11041.66666666666666666666666666667"), within(d("1e-18")));
        assertThat(ENGINE.evaluate(p.withMarkPrice(at80), COINM).marginRatio()).isCloseTo(d("0.8"), within(d("1e-18")));
    }

    @Test
    void ratioOutsideTheReachableRange() {
        Position p = position("BTCUSDT", Side.LONG, "1", "20000", "20000", "10")
                .maintenance(new Maintenance(d("0.005"), BigDecimal.ZERO)).build();
        TargetSolver solver = new TargetSolver(BINANCE);
        assertThatThrownBy(() -> solver.markPriceAtMarginRatio(p, d("0.01")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("marginRatio: must be between the current margin ratio 0.05 and 1 (liquidation) "
                        + "for maintenance/marginBalance (got 0.01)");
        assertThatThrownBy(() -> solver.markPriceAtMarginRatio(p, d("1.2")))
                .hasMessageStartingWith("marginRatio: must be between the current margin ratio 0.05 and 1");
        assertThatThrownBy(() -> solver.markPriceAtMarginRatio(p, d("0")))
                .hasMessage("marginRatio: must be > 0 (got 0)");
        // 1x long fully collateralised: LP = (20000 − 20000)/(0.005 − 1) = 0 → none
        Position safe = p.toBuilder().leverage(BigDecimal.ONE).build();
        assertThatThrownBy(() -> solver.markPriceAtMarginRatio(safe, d("0.8")))
                .hasMessageStartingWith("marginRatio: cannot be reached: the position has no liquidation price");
    }
}
