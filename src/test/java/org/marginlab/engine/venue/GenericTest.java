package org.marginlab.engine.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;

/**
 * generic (the Binance form for linear and inverse, spec workspace-and-cli.md §3; covers dYdX
 * v4, margin-formulas.md §7): linear {@code LP = (W + amount − s·Q·EP)/(Q·(MMR − s))}, inverse
 * {@code LP = F·(MMR + s)/(W + amount + s·F/EP)}. Every figure by hand.
 */
class GenericTest {
    private static final BigDecimal TIGHT = new BigDecimal("1e-20");
    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final VenueRules GENERIC = Venues.byId("generic");

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    /** ETH-USD 2 @ 3,000, 10x, MMR 5 % (a dYdX-like MMF), amount 0: IM = iWB = 600. */
    private static Position.Builder twoEth(Side side, String mark) {
        return Position.builder().id("eth").symbol("ETH-USD").side(side).quantity(dec("2")).entryPrice(dec("3000"))
                .markPrice(dec(mark)).leverage(BigDecimal.TEN).maintenance(new Maintenance(dec("0.05"), BigDecimal.ZERO));
    }

    /** BTCUSD inverse, 50 contracts of 100 USD (F = 5,000) @ 25,000, 5x, MMR 1 %: IM = 5,000/25,000/5 = 0.04. */
    private static Position.Builder inverseBtc(Side side, String mark) {
        return Position.builder().id("btc").symbol("BTCUSD").contract(ContractType.INVERSE).contractSize(dec("100"))
                .side(side).quantity(dec("50")).entryPrice(dec("25000")).markPrice(dec(mark)).leverage(dec("5"))
                .maintenance(new Maintenance(dec("0.01"), BigDecimal.ZERO));
    }

    @Test
    void test_linearIsolatedLong() {
        PositionRisk r = ENGINE.evaluate(twoEth(Side.LONG, "2900").build(), GENERIC);
        // MM = 5,800·0.05 = 290; balance 600 − 200 = 400; ratio 290/400 = 0.725
        assertThat(r.maintenanceMargin()).isEqualByComparingTo("290");
        assertThat(r.marginRatio()).isEqualByComparingTo("0.725");
        // LP = (600 − 6,000)/(2·(0.05 − 1)) = 5,400/1.9 = 2842.1052631578947…
        assertThat(r.liquidationPrice()).isCloseTo(dec("2842.105263157894736842105263"), within(TIGHT));
        // BP = 3,000 − 600/2 = 2,700
        assertThat(r.bankruptcyPrice()).isEqualByComparingTo("2700");
    }

    @Test
    void test_linearIsolatedLong_withMaintenanceAmount() {
        // amount 10: LP = (600 + 10 − 6,000)/(−1.9) = 5,390/1.9 = 2836.8421052631578…; MM at 2,900 = 290 − 10 = 280
        PositionRisk r = ENGINE.evaluate(twoEth(Side.LONG, "2900")
                .maintenance(new Maintenance(dec("0.05"), dec("10"))).build(), GENERIC);
        assertThat(r.liquidationPrice()).isCloseTo(dec("2836.842105263157894736842105"), within(TIGHT));
        assertThat(r.maintenanceMargin()).isEqualByComparingTo("280");
    }

    @Test
    void test_linearIsolatedShort() {
        PositionRisk r = ENGINE.evaluate(twoEth(Side.SHORT, "3100").build(), GENERIC);
        // MM = 6,200·0.05 = 310; balance 400; ratio 0.775
        assertThat(r.marginRatio()).isEqualByComparingTo("0.775");
        // LP = (600 + 6,000)/(2·1.05) = 6,600/2.1 = 3142.857142857…; BP = 3,000 + 300 = 3,300
        assertThat(r.liquidationPrice()).isCloseTo(dec("3142.857142857142857142857143"), within(TIGHT));
        assertThat(r.bankruptcyPrice()).isEqualByComparingTo("3300");
    }

    @Test
    void test_linearLongAt1x_hasNoLiquidationPrice() {
        // W = 6,000 = Q·EP: LP = 0 → none
        PositionRisk r = ENGINE.evaluate(twoEth(Side.LONG, "3000").leverage(BigDecimal.ONE).build(), GENERIC);
        assertThat(r.liquidationPrice()).isNull();
        assertThat(r.bankruptcyPrice()).isNull();
    }

    @Test
    void test_inverseIsolatedLongAndShort() {
        PositionRisk l = ENGINE.evaluate(inverseBtc(Side.LONG, "24000").build(), GENERIC);
        // LP = 5,000·1.01/(0.04 + 0.2) = 5,050/0.24 = 21041.666…; BP = 5,000/0.24 = 20833.333…
        assertThat(l.liquidationPrice()).isCloseTo(dec("21041.66666666666666666666667"), within(TIGHT));
        assertThat(l.bankruptcyPrice()).isCloseTo(dec("20833.33333333333333333333333"), within(TIGHT));
        // mark 24,000: notional 0.208333…, MM 0.00208333…, uPnL 5,000·(1/25,000 − 1/24,000) = −0.0083333…,
        // balance 0.0316666…, ratio = 0.00208333…/0.0316666… = 5/76 = 0.0657894736842105…
        assertThat(l.marginRatio()).isCloseTo(dec("0.06578947368421052631578947368"), within(TIGHT));
        PositionRisk s = ENGINE.evaluate(inverseBtc(Side.SHORT, "26000").build(), GENERIC);
        // LP = 5,000·(0.01 − 1)/(0.04 − 0.2) = 4,950/0.16 = 30,937.5; BP = 5,000/0.16 = 31,250
        assertThat(s.liquidationPrice()).isEqualByComparingTo("30937.5");
        assertThat(s.bankruptcyPrice()).isEqualByComparingTo("31250");
    }

    /**
     * ENGINE BUG (inverse rounding, see the report): at mark = its own LP an inverse position
     * must be liquidated; the evaluation's own rounding of 1/P leaves the balance a last-digit
     * above MM.
     */
    @Test
    void test_inverseAtItsOwnLiquidationPrice_isLiquidated() {
        // long 100,000 contracts of 1 USD @ 60,000, 10x, MMR 0.5 %: W = F/EP/10 = 0.1666…;
        // LP = 100,000·1.005/(0.1666… + 1.6666…) = 100,500/1.8333… = 54818.1818181818…
        Position p = inverseBtc(Side.LONG, "60000").contractSize(BigDecimal.ONE).quantity(dec("100000"))
                .entryPrice(dec("60000")).leverage(BigDecimal.TEN)
                .maintenance(new Maintenance(dec("0.005"), BigDecimal.ZERO)).build();
        BigDecimal lp = ENGINE.evaluate(p, GENERIC).liquidationPrice();
        assertThat(lp).isCloseTo(dec("54818.18181818181818181818181818"), within(TIGHT));
        PositionRisk at = ENGINE.evaluate(p.withMarkPrice(lp), GENERIC);
        assertThat(at.marginRatio()).isCloseTo(BigDecimal.ONE, within(TIGHT));
        assertThat(at.liquidated()).as("liquidated at its own LP %s", lp).isTrue();
    }

    @Test
    void test_inverseOvercollateralisedShort_hasNoLiquidationPrice() {
        // W = 0.25 > F/EP = 0.2: denominator 0.25 − 0.2 > 0 with a negative numerator → none
        PositionRisk r = ENGINE.evaluate(inverseBtc(Side.SHORT, "25000").leverage(BigDecimal.ONE)
                .isolatedMargin(dec("0.25")).build(), GENERIC);
        assertThat(r.liquidationPrice()).isNull();
        assertThat(r.bankruptcyPrice()).isNull();
    }

    @Test
    void test_cross_twoLinearPositions_accountFigures() {
        // ETH long (mark 2,900): MM 290, uPnL −200. BTC-USD short 0.1 @ 60,000, mark 61,000, 10x, MMR 1 %:
        // MM 61, uPnL −100. Wallet 1,000.
        Position eth = twoEth(Side.LONG, "2900").marginMode(MarginMode.CROSS).build();
        Position btc = Position.builder().id("btc").symbol("BTC-USD").side(Side.SHORT).quantity(dec("0.1"))
                .entryPrice(dec("60000")).markPrice(dec("61000")).leverage(BigDecimal.TEN).marginMode(MarginMode.CROSS)
                .maintenance(new Maintenance(dec("0.01"), BigDecimal.ZERO)).build();
        AccountRisk a = ENGINE.evaluate(Account.of(GENERIC, dec("1000"), List.of(eth, btc)));
        // ETH: W = 1,000 − 61 − 100 = 839; LP = (839 − 6,000)/(−1.9) = 2716.3157894736842…; BP = 3,000 − 419.5
        assertThat(a.position("eth").liquidationPrice()).isCloseTo(dec("2716.315789473684210526315789"),
                within(TIGHT));
        assertThat(a.position("eth").bankruptcyPrice()).isEqualByComparingTo("2580.5");
        // BTC: W = 1,000 − 290 − 200 = 510; LP = (510 + 6,000)/(0.1·1.01) = 64455.445544…; BP = 60,000 + 5,100
        assertThat(a.position("btc").liquidationPrice()).isCloseTo(dec("64455.44554455445544554455446"),
                within(TIGHT));
        assertThat(a.position("btc").bankruptcyPrice()).isEqualByComparingTo("65100");
        // account: balance 700, MM 351, ratio 351/700 = 0.50142857…, IM at mark 580 + 610 = 1,190,
        // available max(0, 700 − 1,190) = 0, total equity 700
        assertThat(a.marginBalance()).isEqualByComparingTo("700");
        assertThat(a.maintenanceMargin()).isEqualByComparingTo("351");
        assertThat(a.marginRatio()).isCloseTo(dec("0.5014285714285714285714285714"), within(TIGHT));
        assertThat(a.initialMargin()).isEqualByComparingTo("1190");
        assertThat(a.availableBalance()).isEqualByComparingTo("0");
        assertThat(a.totalEquity()).isEqualByComparingTo("700");
    }

    @Test
    void test_crossLongAndShortOnOneSymbol_eachHaveTheirOwnPrice() {
        // generic does not share hedge prices: long 2 ETH @ 3,000 and short 1 ETH @ 3,000, mark 3,000, wallet 1,000.
        // long: W = 1,000 − 150 (short MM 3,000·0.05) = 850; LP = (850 − 6,000)/(−1.9) = 2710.5263157894736…
        // short: W = 1,000 − 300 = 700; LP = (700 + 3,000)/1.05 = 3523.8095238095238…
        Position l = twoEth(Side.LONG, "3000").id("l").marginMode(MarginMode.CROSS).build();
        Position s = twoEth(Side.SHORT, "3000").id("s").quantity(BigDecimal.ONE).marginMode(MarginMode.CROSS).build();
        AccountRisk a = ENGINE.evaluate(Account.of(GENERIC, dec("1000"), List.of(l, s)));
        assertThat(GENERIC.sharesLiquidationPriceAcrossHedge()).isFalse();
        assertThat(a.position("l").liquidationPrice()).isCloseTo(dec("2710.526315789473684210526316"), within(TIGHT));
        assertThat(a.position("s").liquidationPrice()).isCloseTo(dec("3523.809523809523809523809524"), within(TIGHT));
    }

    @Test
    void test_allPositionsShareOneContractType() {
        Position linear = twoEth(Side.LONG, "3000").build();
        Position inverse = inverseBtc(Side.LONG, "25000").build();
        assertThatThrownBy(() -> ENGINE.evaluate(Account.of(GENERIC, BigDecimal.ZERO, List.of(linear, inverse))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("positions[1].contract: must match the workspace's other positions (linear) (got inverse)");
        assertThatThrownBy(() -> ENGINE.evaluate(Account.of(GENERIC, BigDecimal.ZERO, List.of(inverse, linear))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("positions[1].contract: must match the workspace's other positions (inverse) (got linear)");
    }

    @Test
    void test_marginRatioDefinitionAndContracts() {
        assertThat(GENERIC.marginRatioDefinition()).isEqualTo(MarginRatioDefinition.MAINTENANCE_OVER_MARGIN_BALANCE);
        assertThat(GENERIC.contractTypes()).containsExactlyInAnyOrder(ContractType.LINEAR, ContractType.INVERSE);
        assertThat(GENERIC.presetSymbols()).isEmpty();
    }
}
