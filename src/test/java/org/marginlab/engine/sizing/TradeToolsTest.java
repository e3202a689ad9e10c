package org.marginlab.engine.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.venue.BinanceCoinm;
import org.marginlab.engine.venue.BinanceUsdm;
import org.marginlab.engine.venue.BybitRules;
import org.marginlab.engine.venue.Venues;

/**
 * Trade tools worked by hand (spec margin-formulas.md §1.4, §1.5): PnL/ROE at an exit price,
 * cost to open, max open size, position size from a stop and a risk amount and the
 * liquidation-before-stop flag. Each expected value is derived in the comment above it.
 */
class TradeToolsTest {

    private static final TierTable BTCUSDT = Venues.byId(BinanceUsdm.ID).presetTiers("BTCUSDT").orElseThrow();

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    // ---------------------------------------------------------------- PnL, ROE, IM at an exit

    @Test
    void linearShortLoss() {
        // short 2 BTC @ 30,000, exit 31,500, 5x: PnL = −2·1500 = −3000; IM = 2·30000/5 = 12000;
        // ROE = −3000/12000 = −0.25 (= −1500·5/30000)
        ExitOutcome o = TradeMath.exitOutcome(ContractType.LINEAR, Side.SHORT, d("2"), BigDecimal.ONE, d("30000"),
                d("31500"), d("5"));
        assertThat(o.pnl()).isEqualByComparingTo("-3000");
        assertThat(o.initialMargin()).isEqualByComparingTo("12000");
        assertThat(o.roe()).isEqualByComparingTo("-0.25");
    }

    @Test
    void linearContractSizeScalesTheSize() {
        // 3 contracts of 0.01 BTC = 0.03 BTC long @ 50,000, exit 51,000, 10x: PnL = 0.03·1000 = 30,
        // IM = 0.03·50000/10 = 150, ROE = 0.2
        ExitOutcome o = TradeMath.exitOutcome(ContractType.LINEAR, Side.LONG, d("3"), d("0.01"), d("50000"), d("51000"),
                d("10"));
        assertThat(o.pnl()).isEqualByComparingTo("30");
        assertThat(o.initialMargin()).isEqualByComparingTo("150");
        assertThat(o.roe()).isEqualByComparingTo("0.2");
    }

    @Test
    void inverseLongLoss() {
        // 100 contracts × 100 USD long @ 10,000, exit 8,000, 10x:
        // PnL = 10000·(1/10000 − 1/8000) = 1 − 1.25 = −0.25 BTC; IM = 10000/(10000·10) = 0.1 BTC;
        // ROE = −2.5 (= (8000 − 10000)·10/8000)
        ExitOutcome o = TradeMath.exitOutcome(ContractType.INVERSE, Side.LONG, d("100"), d("100"), d("10000"),
                d("8000"), d("10"));
        assertThat(o.pnl()).isEqualByComparingTo("-0.25");
        assertThat(o.initialMargin()).isEqualByComparingTo("0.1");
        assertThat(o.roe()).isEqualByComparingTo("-2.5");
    }

    @Test
    void exitAtEntryIsZero() {
        assertThat(TradeMath.pnl(ContractType.INVERSE, Side.SHORT, d("7"), d("10"), d("123.4"), d("123.4"))).isZero();
        assertThat(TradeMath.roe(ContractType.LINEAR, Side.LONG, d("123.4"), d("123.4"), d("20"))).isZero();
    }

    @Test
    void calculatorValidatesByName() {
        assertThatThrownBy(() -> TradeMath.pnl(ContractType.LINEAR, Side.LONG, d("1"), d("1"), d("100"), d("0")))
                .isInstanceOf(ValidationException.class).hasMessage("exitPrice: must be > 0 (got 0)");
        assertThatThrownBy(() -> TradeMath.initialMargin(ContractType.LINEAR, d("-1"), d("1"), d("100"), d("5")))
                .hasMessage("quantity: must be > 0 (got -1)");
        assertThatThrownBy(() -> TradeMath.exitOutcome(ContractType.LINEAR, Side.LONG, d("1"), d("1"), d("1"), d("1"), null))
                .hasMessage("leverage: is required (got nothing)");
    }

    // ---------------------------------------------------------------- cost to open

    @Test
    void buyAboveTheMarkPaysTheOpenLoss() {
        // buy 2 BTC limit @ 10,100 with mark 10,000, 10x: IM = 2·10100/10 = 2020;
        // open loss = 2·|min(0, +1·(10000 − 10100))| = 200; cost 2220. A sell at the same price: 0 loss.
        OrderCost buy = OrderMath.costToOpen(Side.LONG, d("2"), d("10100"), d("10000"), d("10"));
        assertThat(buy.initialMargin()).isEqualByComparingTo("2020");
        assertThat(buy.openLoss()).isEqualByComparingTo("200");
        assertThat(buy.cost()).isEqualByComparingTo("2220");
        OrderCost sell = OrderMath.costToOpen(Side.SHORT, d("2"), d("10100"), d("10000"), d("10"));
        assertThat(sell.openLoss()).isZero();
        assertThat(sell.cost()).isEqualByComparingTo("2020");
    }

    @Test
    void costToOpenValidatesByName() {
        assertThatThrownBy(() -> OrderMath.costToOpen(Side.LONG, d("1"), d("1"), d("-2"), d("1")))
                .hasMessage("markPrice: must be > 0 (got -2)");
        assertThatThrownBy(() -> OrderMath.costToOpen(Side.LONG, d("1"), null, d("2"), d("1")))
                .hasMessage("orderPrice: is required (got nothing)");
    }

    // ---------------------------------------------------------------- max open

    @Test
    void maxOpenAtTheMarkIsBalanceTimesLeverageOverPrice() {
        // 1,000 USDT, 10x, order = mark = 10,000: Q = 1000/(10000/10 + 0) = 1 BTC, notional 10,000
        MaxOpen m = OrderMath.maxOpen(Side.LONG, d("1000"), d("10000"), d("10000"), d("10"), null);
        assertThat(m.quantity()).isEqualByComparingTo("1");
        assertThat(m.notional()).isEqualByComparingTo("10000");
        assertThat(m.limit()).isEqualTo(MaxOpen.Limit.BALANCE);
    }

    @Test
    void maxOpenLongAndShortDifferByTheOpenLoss() {
        // order 10,100, mark 10,000, 10x, 1,000 USDT.
        // long: per unit 10100/10 + (10100 − 10000) = 1110 → Q = 1000/1110 = 0.900900…, rounded down
        MaxOpen buy = OrderMath.maxOpen(Side.LONG, d("1000"), d("10100"), d("10000"), d("10"), null);
        assertThat(buy.quantity()).isEqualByComparingTo("0.9009009009009009009009009009009009");
        // short: per unit 1010 + 0 → Q = 1000/1010 = 0.990099…, rounded down
        MaxOpen sell = OrderMath.maxOpen(Side.SHORT, d("1000"), d("10100"), d("10000"), d("10"), null);
        assertThat(sell.quantity()).isEqualByComparingTo("0.9900990099009900990099009900990099");
        // the cost of the max never exceeds the balance (rounded toward zero)
        assertThat(OrderMath.costToOpen(Side.LONG, buy.quantity(), d("10100"), d("10000"), d("10")).cost())
                .isLessThanOrEqualTo(d("1000")).isCloseTo(d("1000"), within(d("1e-29")));
    }

    @Test
    void maxOpenIsCappedByTheTierNotionalAtTheLeverage() {
        // BTCUSDT brackets (spec §1.2): 125x up to 50,000; 100x up to 600,000; …; 20x up to 100,000,000.
        // 100,000 USDT at 50,000:
        // 125x: balance allows 100000·125/50000 = 250 BTC; cap 50,000 → 1 BTC
        MaxOpen at125 = OrderMath.maxOpen(Side.LONG, d("100000"), d("50000"), d("50000"), d("125"), BTCUSDT);
        assertThat(at125.quantity()).isEqualByComparingTo("1");
        assertThat(at125.notional()).isEqualByComparingTo("50000");
        assertThat(at125.limit()).isEqualTo(MaxOpen.Limit.TIER_NOTIONAL_CAP);
        // 100x: tiers 1–2 allow it, cap 600,000 → 12 BTC (the balance would allow 200)
        MaxOpen at100 = OrderMath.maxOpen(Side.SHORT, d("100000"), d("50000"), d("50000"), d("100"), BTCUSDT);
        assertThat(at100.quantity()).isEqualByComparingTo("12");
        assertThat(at100.limit()).isEqualTo(MaxOpen.Limit.TIER_NOTIONAL_CAP);
        // 20x: cap 100,000,000 → 2,000 BTC; the balance allows 100000·20/50000 = 40 → balance-limited
        MaxOpen at20 = OrderMath.maxOpen(Side.LONG, d("100000"), d("50000"), d("50000"), d("20"), BTCUSDT);
        assertThat(at20.quantity()).isEqualByComparingTo("40");
        assertThat(at20.limit()).isEqualTo(MaxOpen.Limit.BALANCE);
    }

    @Test
    void maxOpenRejectsLeverageAboveTheFirstTier() {
        assertThatThrownBy(() -> OrderMath.maxOpen(Side.LONG, d("1000"), d("100"), d("100"), d("150"), BTCUSDT))
                .isInstanceOf(ValidationException.class)
                .hasMessage("leverage: must be ≤ 125x, the max leverage of the first tier (got 150)");
    }

    @Test
    void maxOpenOfAnEmptyBalanceIsZero() {
        assertThat(OrderMath.maxOpen(Side.LONG, BigDecimal.ZERO, d("100"), d("100"), d("5"), null).quantity()).isZero();
        assertThatThrownBy(() -> OrderMath.maxOpen(Side.LONG, d("-1"), d("100"), d("100"), d("5"), null))
                .hasMessage("availableBalance: must be ≥ 0 (got -1)");
    }

    // ---------------------------------------------------------------- size from stop and risk

    @Test
    void linearQuantityForRisk() {
        // long 60,000 → stop 58,000, risk 100 USDT: Q = 100/2000 = 0.05 BTC
        assertThat(StopLossSizer.quantityForRisk(ContractType.LINEAR, Side.LONG, BigDecimal.ONE, d("60000"), d("58000"),
                d("100"))).isEqualByComparingTo("0.05");
        // short 60,000 → stop 61,500, risk 300: Q = 300/1500 = 0.2
        assertThat(StopLossSizer.quantityForRisk(ContractType.LINEAR, Side.SHORT, BigDecimal.ONE, d("60000"), d("61500"),
                d("300"))).isEqualByComparingTo("0.2");
        // contracts of 0.001 BTC: Q = 100/(0.001·2000) = 50 contracts
        assertThat(StopLossSizer.quantityForRisk(ContractType.LINEAR, Side.LONG, d("0.001"), d("60000"), d("58000"),
                d("100"))).isEqualByComparingTo("50");
    }

    @Test
    void inverseQuantityForRisk() {
        // long 10,000 → stop 8,000, 100 USD contracts, risk 0.25 BTC:
        // Q = 0.25·10000·8000/(100·2000) = 100; check 100·100·(1/8000 − 1/10000) = 0.25
        assertThat(StopLossSizer.quantityForRisk(ContractType.INVERSE, Side.LONG, d("100"), d("10000"), d("8000"),
                d("0.25"))).isEqualByComparingTo("100");
        // short 10,000 → stop 12,500, risk 0.2 BTC: Q = 0.2·10000·12500/(100·2500) = 100;
        // check 10000·(1/10000 − 1/12500) = 1 − 0.8 = 0.2
        assertThat(StopLossSizer.quantityForRisk(ContractType.INVERSE, Side.SHORT, d("100"), d("10000"), d("12500"),
                d("0.2"))).isEqualByComparingTo("100");
    }

    @Test
    void stopMustBeOnTheLossSide() {
        assertThatThrownBy(() -> StopLossSizer.quantityForRisk(ContractType.LINEAR, Side.LONG, BigDecimal.ONE,
                d("60000"), d("61000"), d("100")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("stopPrice: must be below the entry price 60000 for a long (got 61000)");
        assertThatThrownBy(() -> StopLossSizer.quantityForRisk(ContractType.LINEAR, Side.SHORT, BigDecimal.ONE,
                d("60000"), d("60000"), d("100")))
                .hasMessage("stopPrice: must be above the entry price 60000 for a short (got 60000)");
        assertThatThrownBy(() -> StopLossSizer.quantityForRisk(ContractType.LINEAR, Side.SHORT, BigDecimal.ONE,
                d("60000"), d("61000"), d("0")))
                .hasMessage("riskAmount: must be > 0 (got 0)");
    }

    private static Position.Builder btcusdt(Side side, String entry, String leverage) {
        // quantity is a placeholder: StopLossSizer replaces it
        return Position.builder().symbol("BTCUSDT").side(side).quantity(BigDecimal.ONE).entryPrice(d(entry))
                .leverage(d(leverage));
    }

    @Test
    void longSizedFromStopOnBinance() {
        StopLossSizer sizer = new StopLossSizer(Venues.byId(BinanceUsdm.ID));
        // Q = 100/2000 = 0.05 BTC, notional 3,000 (bracket 1: MMR 0.4 %, cum 0).
        // 10x: IM = 300; LP = (300 + 0 − 0.05·60000)/(0.05·0.004 − 0.05) = −2700/−0.0498 = 54,216.867… < stop
        StopLossSize safe = sizer.size(btcusdt(Side.LONG, "60000", "10").build(), d("58000"), d("100"));
        assertThat(safe.quantity()).isEqualByComparingTo("0.05");
        assertThat(safe.lossAtStop()).isEqualByComparingTo("100");
        assertThat(safe.risk().initialMargin()).isEqualByComparingTo("300");
        assertThat(safe.liquidationPrice()).isCloseTo(d("54216.86746987951807228915662650602"), within(d("1e-25")));
        assertThat(safe.liquidatedBeforeStop()).isFalse();
        assertThat(safe.position().marginMode()).isEqualTo(MarginMode.ISOLATED);
        assertThat(safe.position().markPrice()).isEqualByComparingTo("60000");
        // 50x: IM = 60; LP = (60 − 3000)/(−0.0498) = 59,036.144… ≥ stop 58,000: liquidated first
        StopLossSize risky = sizer.size(btcusdt(Side.LONG, "60000", "50").build(), d("58000"), d("100"));
        assertThat(risky.liquidationPrice()).isCloseTo(d("59036.14457831325301204819277108434"), within(d("1e-25")));
        assertThat(risky.liquidatedBeforeStop()).isTrue();
    }

    @Test
    void shortSizedFromStopOnBinance() {
        StopLossSizer sizer = new StopLossSizer(Venues.byId(BinanceUsdm.ID));
        // Q = 100/1000 = 0.1 BTC, notional 6,000 (bracket 1).
        // 100x: IM = 60; LP = (60 + 0 + 0.1·60000)/(0.1·0.004 + 0.1) = 6060/0.1004 = 60,358.57 ≤ stop 61,000
        StopLossSize risky = sizer.size(btcusdt(Side.SHORT, "60000", "100").build(), d("61000"), d("100"));
        assertThat(risky.liquidationPrice()).isCloseTo(d("60358.56573705179282868525896414343"), within(d("1e-25")));
        assertThat(risky.liquidatedBeforeStop()).isTrue();
        // 20x: IM = 300; LP = 6300/0.1004 = 62,749.00 > stop
        StopLossSize safe = sizer.size(btcusdt(Side.SHORT, "60000", "20").build(), d("61000"), d("100"));
        assertThat(safe.liquidationPrice()).isCloseTo(d("62749.00398406374501992031872509960"), within(d("1e-25")));
        assertThat(safe.liquidatedBeforeStop()).isFalse();
    }

    @Test
    void sizedPositionIsCheckedAgainstTheTierMaxLeverage() {
        // Q = 1000/1000 = 1 BTC → notional 60,000 is in bracket 2 (max 100x): 125x is refused by the engine
        StopLossSizer sizer = new StopLossSizer(Venues.byId(BinanceUsdm.ID));
        assertThatThrownBy(() -> sizer.size(btcusdt(Side.LONG, "60000", "125").build(), d("59000"), d("1000")))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("leverage: must be ≤ 100x");
    }

    @Test
    void bybitStopAgainstTheDocLiquidationPrice() {
        // Bybit doc (spec §2.1): 1 BTC long @ 20,000, 50x, MMR 0.5 % → LP 19,700.
        StopLossSizer sizer = new StopLossSizer(BybitRules.linear());
        // stop 19,800, risk 200 → Q = 200/200 = 1; LP 19,700 < 19,800: the stop comes first
        StopLossSize first = sizer.size(btcusdt(Side.LONG, "20000", "50").build(), d("19800"), d("200"));
        assertThat(first.quantity()).isEqualByComparingTo("1");
        assertThat(first.liquidationPrice()).isEqualByComparingTo("19700");
        assertThat(first.liquidatedBeforeStop()).isFalse();
        // stop 19,650, risk 350 → Q = 1; LP 19,700 ≥ 19,650: liquidated first
        StopLossSize late = sizer.size(btcusdt(Side.LONG, "20000", "50").build(), d("19650"), d("350"));
        assertThat(late.liquidatedBeforeStop()).isTrue();
    }

    @Test
    void inverseStopOnBinanceCoinm() {
        StopLossSizer sizer = new StopLossSizer(Venues.byId(BinanceCoinm.ID));
        Position.Builder template = Position.builder().symbol("BTCUSD").contract(ContractType.INVERSE)
                .contractSize(d("100")).side(Side.LONG).quantity(BigDecimal.ONE).entryPrice(d("10000"))
                .maintenance(new Maintenance(d("0.005"), BigDecimal.ZERO));
        // Q = 100 contracts (see inverseQuantityForRisk), F = 10,000 USD.
        // 5x: W = 10000/(10000·5) = 0.2 BTC; LP = F·(MMR + 1)/(W + F/EP) = 10050/1.2 = 8,375 ≥ stop 8,000
        StopLossSize risky = sizer.size(template.leverage(d("5")).build(), d("8000"), d("0.25"));
        assertThat(risky.quantity()).isEqualByComparingTo("100");
        assertThat(risky.lossAtStop()).isEqualByComparingTo("0.25");
        assertThat(risky.liquidationPrice()).isCloseTo(d("8375"), within(d("1e-28")));
        assertThat(risky.liquidatedBeforeStop()).isTrue();
        // 2x: W = 0.5; LP = 10050/1.5 = 6,700 < 8,000
        StopLossSize safe = sizer.size(template.leverage(d("2")).build(), d("8000"), d("0.25"));
        assertThat(safe.liquidationPrice()).isCloseTo(d("6700"), within(d("1e-28")));
        assertThat(safe.liquidatedBeforeStop()).isFalse();
    }

    @Test
    void sizerNeedsAVenue() {
        assertThatThrownBy(() -> new StopLossSizer(null)).hasMessage("venue: is required (got nothing)");
    }
}
