package org.marginlab.engine.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.BinanceCoinm;
import org.marginlab.engine.venue.BinanceUsdm;
import org.marginlab.engine.venue.Venues;

/**
 * Scale-in ladders worked by hand. Binance isolated, one position, maintenance override
 * {@code MMR} with amount 0 (spec margin-formulas.md §1.1):
 * <ul>
 *   <li>USDⓈ-M long: {@code LP = (Q·EP − WB)/(Q·(1 − MMR))}; with the default margin
 *       {@code WB = Q·EP/lev}: {@code LP = EP·(1 − 1/lev)/(1 − MMR)}, {@code BP = EP·(1 − 1/lev)}.
 *       Short: {@code LP = EP·(1 + 1/lev)/(1 + MMR)}.</li>
 *   <li>COIN-M long: {@code LP = N·(1 + MMR)/(WB + N/EP)}, {@code N = Q·CS}; with
 *       {@code WB = N/(EP·lev)}: {@code LP = EP·(1 + MMR)/(1 + 1/lev)}, {@code BP = EP/(1 + 1/lev)}.</li>
 * </ul>
 * Expected values are typed from that arithmetic (rel 1e-9 where they do not terminate).
 */
class LadderTest {

    private static final BigDecimal REL = new BigDecimal("1e-9");

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static void near(BigDecimal actual, String expected) {
        BigDecimal e = d(expected);
        assertThat(actual).isCloseTo(e, within(e.abs().multiply(REL)));
    }

    private static Position.Builder linear(Side side, String leverage) {
        return Position.builder().id("plan").symbol("BTCUSDT").contract(ContractType.LINEAR).side(side)
                .quantity(BigDecimal.ONE).entryPrice(BigDecimal.ONE).leverage(d(leverage))
                .maintenance(new Maintenance(d("0.004"), BigDecimal.ZERO));
    }

    private static final Ladder USDM = new Ladder(Venues.byId(BinanceUsdm.ID));

    @Test
    void threeFillLinearLong_binanceUsdm() {
        // 10x, MMR 0.4 %, fills 6,000 USDT @ 60,000 (= 0.1 BTC), 0.1 @ 57,000, 0.2 @ 54,000
        List<LadderStep> steps = USDM.plan(linear(Side.LONG, "10").build(), null, List.of(
                PlannedFill.ofAmount(d("60000"), d("6000")),
                PlannedFill.ofQuantity(d("57000"), d("0.1")),
                PlannedFill.ofQuantity(d("54000"), d("0.2"))));
        assertThat(steps).hasSize(3);

        // 1: Q 0.1, EP 60,000, margin 0.1·60000/10 = 600, BP 60000·0.9 = 54,000,
        //    LP 54000/0.996 = 54,216.8674698795…, distance (60000 − LP)/60000 = 0.096/0.996 = 0.0963855421…
        LadderStep s1 = steps.get(0);
        assertThat(s1.fill()).isEqualTo(1);
        assertThat(s1.fillQuantity()).isEqualByComparingTo("0.1");
        assertThat(s1.quantity()).isEqualByComparingTo("0.1");
        assertThat(s1.averageEntryPrice()).isEqualByComparingTo("60000");
        assertThat(s1.notional()).isEqualByComparingTo("6000");
        assertThat(s1.initialMargin()).isEqualByComparingTo("600");
        assertThat(s1.isolatedMargin()).isEqualByComparingTo("600");
        assertThat(s1.bankruptcyPrice()).isEqualByComparingTo("54000");
        near(s1.liquidationPrice(), "54216.8674698795180722891566");
        near(s1.distanceToLiquidation(), "0.0963855421686746987951807");
        assertThat(s1.nextFillBeyondLiquidation()).isFalse(); // 57,000 > 54,216.87

        // 2: Q 0.2, EP (6000 + 5700)/0.2 = 58,500, margin 0.2·58500/10 = 1,170 (= 600 + 570),
        //    BP 58500·0.9 = 52,650, LP 52650/0.996 = 52,861.4457831325…, notional at 57,000 = 11,400,
        //    distance (57000 − LP)/57000 = 0.0726062143…
        LadderStep s2 = steps.get(1);
        assertThat(s2.quantity()).isEqualByComparingTo("0.2");
        assertThat(s2.averageEntryPrice()).isEqualByComparingTo("58500");
        assertThat(s2.notional()).isEqualByComparingTo("11400");
        assertThat(s2.isolatedMargin()).isEqualByComparingTo("1170");
        assertThat(s2.bankruptcyPrice()).isEqualByComparingTo("52650");
        near(s2.liquidationPrice(), "52861.4457831325301204819277");
        near(s2.distanceToLiquidation(), "0.0726062143310082435003171");
        assertThat(s2.nextFillBeyondLiquidation()).isFalse(); // 54,000 > 52,861.45

        // 3: Q 0.4, EP (11700 + 10800)/0.4 = 56,250, margin 2,250, BP 50,625,
        //    LP 50625/0.996 = 50,828.3132530120…, distance (54000 − LP)/54000 = 0.0587349397…
        LadderStep s3 = steps.get(2);
        assertThat(s3.quantity()).isEqualByComparingTo("0.4");
        assertThat(s3.averageEntryPrice()).isEqualByComparingTo("56250");
        assertThat(s3.isolatedMargin()).isEqualByComparingTo("2250");
        assertThat(s3.bankruptcyPrice()).isEqualByComparingTo("50625");
        near(s3.liquidationPrice(), "50828.3132530120481927710843");
        near(s3.distanceToLiquidation(), "0.0587349397590361445783133");
        assertThat(s3.nextFillBeyondLiquidation()).isFalse(); // the last fill
        assertThat(s3.liquidated()).isFalse();
    }

    @Test
    void twoFillInverseLong_binanceCoinm_harmonicEntry() {
        // BTCUSD, CS 100 USD, 5x, MMR 0.4 %: 100 contracts @ 50,000, then 10,000 USD @ 45,000 (= 100 contracts)
        Position template = Position.builder().id("plan").symbol("BTCUSD").contract(ContractType.INVERSE)
                .contractSize(d("100")).side(Side.LONG).quantity(BigDecimal.ONE).entryPrice(BigDecimal.ONE)
                .leverage(d("5")).maintenance(new Maintenance(d("0.004"), BigDecimal.ZERO)).build();
        List<LadderStep> steps = new Ladder(Venues.byId(BinanceCoinm.ID)).plan(template, null, List.of(
                PlannedFill.ofQuantity(d("50000"), d("100")),
                PlannedFill.ofAmount(d("45000"), d("10000"))));

        // 1: N 10,000 USD, margin 10000/(50000·5) = 0.04 BTC, BP 50000/1.2 = 41,666.666…,
        //    LP 50000·1.004/1.2 = 41,833.333…, distance (50000 − LP)/50000 = 0.163333…
        LadderStep s1 = steps.get(0);
        assertThat(s1.isolatedMargin()).isEqualByComparingTo("0.04");
        near(s1.bankruptcyPrice(), "41666.6666666666666666666667");
        near(s1.liquidationPrice(), "41833.3333333333333333333333");
        near(s1.distanceToLiquidation(), "0.163333333333333333333333");
        assertThat(s1.nextFillBeyondLiquidation()).isFalse(); // 45,000 > 41,833.33

        // 2: 200 contracts, EP = 200/(100/50000 + 100/45000) = 2·50000·45000/95000 = 47,368.4210526…
        //    (harmonic, not the arithmetic 47,500); margin 20000/(EP·5) = 0.04 + 0.0444… = 0.0844…;
        //    BP EP/1.2 = 39,473.6842105…; LP EP·1.004/1.2 = 4518000000/114000 = 39,631.5789473…;
        //    distance (45000 − LP)/45000 = 0.1192982456…
        LadderStep s2 = steps.get(1);
        assertThat(s2.fillQuantity()).isEqualByComparingTo("100");
        assertThat(s2.quantity()).isEqualByComparingTo("200");
        near(s2.averageEntryPrice(), "47368.4210526315789473684211");
        near(s2.isolatedMargin(), "0.0844444444444444444444444444");
        near(s2.bankruptcyPrice(), "39473.6842105263157894736842");
        near(s2.liquidationPrice(), "39631.5789473684210526315789");
        near(s2.distanceToLiquidation(), "0.119298245614035087719298");
    }

    @Test
    void warnsWhereTheNextFillIsBeyondTheLiquidationPrice_long() {
        // 20x: after 0.1 @ 60,000, LP = 60000·0.95/0.996 = 57,228.9156626…; the next fill at 57,000 ≤ LP
        List<LadderStep> steps = USDM.plan(linear(Side.LONG, "20").build(), null, List.of(
                PlannedFill.ofQuantity(d("60000"), d("0.1")),
                PlannedFill.ofQuantity(d("57000"), d("0.1"))));
        near(steps.get(0).liquidationPrice(), "57228.9156626506024096385542");
        assertThat(steps.get(0).nextFillBeyondLiquidation()).isTrue();
        // after both: EP 58,500, LP 58500·0.95/0.996 = 55,798.1927710…, below the mark 57,000: live
        near(steps.get(1).liquidationPrice(), "55798.1927710843373493975904");
        assertThat(steps.get(1).nextFillBeyondLiquidation()).isFalse();
        assertThat(steps.get(1).liquidated()).isFalse();
    }

    @Test
    void warnsWhereTheNextFillIsBeyondTheLiquidationPrice_short() {
        // short 20x: LP = 60000·1.05/1.004 = 62,749.0039840…; the next fill at 63,000 ≥ LP
        List<LadderStep> steps = USDM.plan(linear(Side.SHORT, "20").build(), null, List.of(
                PlannedFill.ofQuantity(d("60000"), d("0.1")),
                PlannedFill.ofQuantity(d("63000"), d("0.1"))));
        near(steps.get(0).liquidationPrice(), "62749.0039840637450199203187");
        assertThat(steps.get(0).nextFillBeyondLiquidation()).isTrue();
        // a fill exactly at the liquidation price is "at or beyond"
        BigDecimal lp = steps.get(0).liquidationPrice();
        List<LadderStep> atLp = USDM.plan(linear(Side.SHORT, "20").build(), null, List.of(
                PlannedFill.ofQuantity(d("60000"), d("0.1")), PlannedFill.ofQuantity(lp, d("0.1"))));
        assertThat(atLp.get(0).nextFillBeyondLiquidation()).isTrue();
    }

    @Test
    void crossUsesTheWallet() {
        // cross, wallet 1,000, 10x, MMR 0.4 %: LP = (Q·EP − W)/(Q·(1 − MMR)), BP = EP − W/Q
        // 1: (6000 − 1000)/0.0996 = 50,200.8032128…, BP 60000 − 10000 = 50,000
        // 2: Q 0.2, EP 58,500: (11700 − 1000)/0.1992 = 53,714.8594377…, BP 58500 − 5000 = 53,500
        List<LadderStep> steps = USDM.plan(linear(Side.LONG, "10").marginMode(MarginMode.CROSS).build(), d("1000"),
                List.of(PlannedFill.ofQuantity(d("60000"), d("0.1")), PlannedFill.ofQuantity(d("57000"), d("0.1"))));
        assertThat(steps.get(0).isolatedMargin()).isNull();
        near(steps.get(0).liquidationPrice(), "50200.8032128514056224899598");
        assertThat(steps.get(0).bankruptcyPrice()).isEqualByComparingTo("50000");
        near(steps.get(1).liquidationPrice(), "53714.8594377510040160642570");
        assertThat(steps.get(1).bankruptcyPrice()).isEqualByComparingTo("53500");
        assertThat(steps.get(0).initialMargin()).isEqualByComparingTo("600");
    }

    @Test
    void respectsTheTiersMaxLeverageAtEachStep() {
        // bundled BTCUSDT brackets: 0.5 BTC @ 60,000 = 30,000 is in the 125x bracket; after 1 BTC more
        // @ 57,000 the notional at the mark is 1.5·57000 = 85,500, in the 100x bracket
        Position template = linear(Side.LONG, "125").maintenance(null).build();
        assertThatThrownBy(() -> USDM.plan(template, null, List.of(PlannedFill.ofQuantity(d("60000"), d("0.5")),
                PlannedFill.ofQuantity(d("57000"), d("1")))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("fills[1].leverage: must be ≤ 100x, the max leverage of the tier (got 125)");
    }

    @Test
    void validatesByName() {
        Position template = linear(Side.LONG, "10").build();
        assertThatThrownBy(() -> USDM.plan(template, null, List.of()))
                .hasMessage("fills: must contain at least one fill (got none)");
        assertThatThrownBy(() -> PlannedFill.ofQuantity(d("0"), d("1"))).hasMessage("price: must be > 0 (got 0)");
        assertThatThrownBy(() -> PlannedFill.ofAmount(d("1"), d("-5"))).hasMessage("amount: must be > 0 (got -5)");
        assertThatThrownBy(() -> new PlannedFill(d("1"), d("1"), d("1")))
                .hasMessage("amount: must not be given with a quantity (got 1)");
        assertThatThrownBy(() -> USDM.plan(linear(Side.LONG, "10").marginMode(MarginMode.CROSS).build(), null,
                List.of(PlannedFill.ofQuantity(d("1"), d("1"))))).hasMessage("walletBalance: is required (got nothing)");
    }
}
