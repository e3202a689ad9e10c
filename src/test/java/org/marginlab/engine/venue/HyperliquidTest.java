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
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;

/**
 * hyperliquid (spec margin-formulas.md §6): {@code MMR = 1/(2·maxLeverage)},
 * {@code LP = (Q·EP − s·W)/(Q·(1 − s·MMR))} (freqtrade's form
 * {@code EP − s·(W − Q·EP·l)/Q/(1 − s·l)} rearranged), removal rule
 * {@code min(iWB, balance − max(IM at mark, 10 % of notional))}. Every figure by hand.
 *
 * <p>Main position: BTC 0.5 @ 60,000, 10x, stated maxLeverage 40 → flat schedule with
 * l = 1/80 = 1.25 %; IM = iWB = 3,000.
 */
class HyperliquidTest {
    private static final BigDecimal TIGHT = new BigDecimal("1e-20");
    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final VenueRules HL = Venues.byId("hyperliquid");

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    private static Position.Builder halfBtc(Side side, String mark) {
        return Position.builder().id("btc").symbol("BTC").side(side).quantity(dec("0.5")).entryPrice(dec("60000"))
                .markPrice(dec(mark)).leverage(BigDecimal.TEN).maxLeverage(dec("40"));
    }

    @Test
    void test_isolatedLong_allFigures() {
        PositionRisk r = ENGINE.evaluate(halfBtc(Side.LONG, "59000").build(), HL);
        // MMR = 1/(2·40) = 0.0125; MM = 29,500·0.0125 = 368.75
        assertThat(r.mmr()).isEqualByComparingTo("0.0125");
        assertThat(r.maintenanceMargin()).isEqualByComparingTo("368.75");
        assertThat(r.maxLeverage()).isEqualByComparingTo("40");
        // balance 3,000 − 500 = 2,500; ratio MM/account value = 368.75/2,500 = 0.1475
        assertThat(r.marginBalance()).isEqualByComparingTo("2500");
        assertThat(r.marginRatio()).isEqualByComparingTo("0.1475");
        // LP = (30,000 − 3,000)/(0.5·(1 − 0.0125)) = 27,000/0.49375 = 54683.5443037974683…
        assertThat(r.liquidationPrice()).isCloseTo(dec("54683.54430379746835443037975"), within(TIGHT));
        // BP = 60,000 − 3,000/0.5 = 54,000
        assertThat(r.bankruptcyPrice()).isEqualByComparingTo("54000");
        // effective leverage 29,500/2,500 = 11.8
        assertThat(r.effectiveLeverage()).isEqualByComparingTo("11.8");
    }

    @Test
    void test_isolatedShort() {
        PositionRisk r = ENGINE.evaluate(halfBtc(Side.SHORT, "61000").build(), HL);
        // MM = 30,500·0.0125 = 381.25; balance 2,500; ratio 0.1525
        assertThat(r.marginRatio()).isEqualByComparingTo("0.1525");
        // LP = (30,000 + 3,000)/(0.5·1.0125) = 33,000/0.50625 = 65185.185185…; BP = 66,000
        assertThat(r.liquidationPrice()).isCloseTo(dec("65185.18518518518518518518519"), within(TIGHT));
        assertThat(r.bankruptcyPrice()).isEqualByComparingTo("66000");
    }

    @Test
    void test_freqtradeFormGivesTheSamePrice() {
        // freqtrade: margin_available = 3,000 − 60,000·0.5/40/2 = 2,625; LP = 60,000 − 2,625/0.5/(1 − 0.0125)
        //            = 60,000 − 5,250/0.9875 = 60,000 − 5316.4556962025316… = 54683.5443037974683…
        PositionRisk r = ENGINE.evaluate(halfBtc(Side.LONG, "60000").build(), HL);
        assertThat(r.liquidationPrice()).isCloseTo(dec("54683.54430379746835443037975"), within(TIGHT));
    }

    @Test
    void test_longAt1x_hasNoLiquidationPrice() {
        // W = 30,000 = Q·EP: LP = 0/(…) → none
        PositionRisk r = ENGINE.evaluate(halfBtc(Side.LONG, "60000").leverage(BigDecimal.ONE).build(), HL);
        assertThat(r.liquidationPrice()).isNull();
        assertThat(r.bankruptcyPrice()).isNull();
    }

    @Test
    void test_removalRule_tenPercentOfNotionalBinds() {
        // 20x, iWB 5,000, mark 62,000: notional 31,000, balance 6,000, IM at mark 1,550, 10 % = 3,100:
        // min(5,000, 6,000 − 3,100) = 2,900
        Position p = halfBtc(Side.LONG, "62000").leverage(dec("20")).isolatedMargin(dec("5000")).build();
        assertThat(ENGINE.evaluate(p, HL).maxRemovableMargin()).isEqualByComparingTo("2900");
    }

    @Test
    void test_removalRule_initialMarginAtMarkBinds() {
        // 5x, iWB = IM = 6,000, mark 62,000: balance 7,000, IM at mark 6,200 > 3,100: 7,000 − 6,200 = 800
        Position p = halfBtc(Side.LONG, "62000").leverage(dec("5")).build();
        PositionRisk r = ENGINE.evaluate(p, HL);
        assertThat(r.isolatedMargin()).isEqualByComparingTo("6000");
        assertThat(r.maxRemovableMargin()).isEqualByComparingTo("800");
    }

    @Test
    void test_removalRule_isolatedMarginBinds() {
        // 20x, iWB 1,500, mark 80,000: balance 11,500, floor max(2,000, 4,000) = 4,000: min(1,500, 7,500) = 1,500
        Position p = halfBtc(Side.LONG, "80000").leverage(dec("20")).build();
        assertThat(ENGINE.evaluate(p, HL).maxRemovableMargin()).isEqualByComparingTo("1500");
    }

    @Test
    void test_removalRule_nothingWhenBelowTheFloor() {
        // 10x at mark 59,000: balance 2,500 < max(2,950, 2,950) → 0
        assertThat(ENGINE.evaluate(halfBtc(Side.LONG, "59000").build(), HL).maxRemovableMargin())
                .isEqualByComparingTo("0");
    }

    @Test
    void test_cross_twoPositions_accountFigures() {
        // BTC long (mark 59,000): MM 368.75, uPnL −500. ETH short 5 @ 3,000, mark 2,900, 10x,
        // maxLeverage 25 → MMR 2 %: MM 14,500·0.02 = 290, uPnL +500. Wallet (account value) 5,000.
        Position btc = halfBtc(Side.LONG, "59000").marginMode(MarginMode.CROSS).build();
        Position eth = Position.builder().id("eth").symbol("ETH").side(Side.SHORT).quantity(dec("5"))
                .entryPrice(dec("3000")).markPrice(dec("2900")).leverage(BigDecimal.TEN).maxLeverage(dec("25"))
                .marginMode(MarginMode.CROSS).build();
        AccountRisk a = ENGINE.evaluate(Account.of(HL, dec("5000"), List.of(btc, eth)));
        // BTC: W = 5,000 − 290 + 500 = 5,210; LP = (30,000 − 5,210)/0.49375 = 50207.594936708860…
        assertThat(a.position("btc").liquidationPrice()).isCloseTo(dec("50207.59493670886075949367089"),
                within(TIGHT));
        // ETH: W = 5,000 − 368.75 − 500 = 4,131.25; LP = (15,000 + 4,131.25)/(5·1.02) = 3751.2254901960784…
        assertThat(a.position("eth").liquidationPrice()).isCloseTo(dec("3751.225490196078431372549020"),
                within(TIGHT));
        // account: uPnL 0, balance 5,000, MM 658.75, ratio 0.13175, IM at mark 2,950 + 1,450 = 4,400,
        // available 600, total equity 5,000
        assertThat(a.unrealizedPnl()).isEqualByComparingTo("0");
        assertThat(a.maintenanceMargin()).isEqualByComparingTo("658.75");
        assertThat(a.marginRatio()).isEqualByComparingTo("0.13175");
        assertThat(a.initialMargin()).isEqualByComparingTo("4400");
        assertThat(a.availableBalance()).isEqualByComparingTo("600");
        assertThat(a.totalEquity()).isEqualByComparingTo("5000");
    }

    @Test
    void test_statedMaxLeverage_overridesThePreset() {
        // BTC preset tier 1 is 40x (1.25 %); a stated maxLeverage 50 gives a flat 1/100 = 1 %
        Position p = halfBtc(Side.LONG, "60000").maxLeverage(dec("50")).build();
        assertThat(ENGINE.evaluate(p, HL).mmr()).isEqualByComparingTo("0.01");
        Position preset = halfBtc(Side.LONG, "60000").maxLeverage(null).build();
        assertThat(ENGINE.evaluate(preset, HL).mmr()).isEqualByComparingTo("0.0125");
    }

    @Test
    void test_leverageAboveStatedMaxRejected() {
        Position p = halfBtc(Side.LONG, "60000").leverage(dec("41")).build();
        assertThatThrownBy(() -> ENGINE.evaluate(p, HL)).isInstanceOf(ValidationException.class)
                .hasMessage("leverage: must be ≤ 40x, the max leverage of the tier (got 41)");
    }

    @Test
    void test_presets_btcTierBoundary() {
        assertThat(HL.presetSymbols()).containsExactly("BTC", "ETH", "SOL");
        TierTable btc = HL.presetTiers("BTC").orElseThrow();
        assertThat(btc.size()).isEqualTo(2);
        // 200M notional → tier 2: MMR 1/(2·20) = 0.025, deduction 150M·(0.025 − 0.0125) = 1,875,000
        MaintenanceTier t = btc.lookup(dec("200000000"));
        assertThat(t.mmr()).isEqualByComparingTo("0.025");
        assertThat(t.maintenanceAmount()).isEqualByComparingTo("1875000");
        assertThat(t.maxLeverage()).isEqualByComparingTo("20");
        // floor inclusive: exactly 150M is tier 2, just below is tier 1
        assertThat(btc.lookup(dec("150000000")).mmr()).isEqualByComparingTo("0.025");
        assertThat(btc.lookup(dec("149999999.99")).mmr()).isEqualByComparingTo("0.0125");
        // through the engine: 2,000 BTC @ 100,000 = 200M, no maxLeverage → preset:
        // MM = 200M·0.025 − 1,875,000 = 3,125,000; max leverage 20
        Position big = Position.builder().id("big").symbol("BTC").side(Side.LONG).quantity(dec("2000"))
                .entryPrice(dec("100000")).leverage(BigDecimal.TEN).build();
        PositionRisk r = ENGINE.evaluate(big, HL);
        assertThat(r.maintenanceMargin()).isEqualByComparingTo("3125000");
        assertThat(r.maintenanceAmount()).isEqualByComparingTo("1875000");
        assertThat(r.maxLeverage()).isEqualByComparingTo("20");
    }

    @Test
    void test_presets_ethAndSol() {
        // ETH: [0, 100M) 25x (2 %), ≥ 100M 15x (1/30 written 0.0333333333333, deduction 1,333,333.33333)
        TierTable eth = HL.presetTiers("ETH").orElseThrow();
        assertThat(eth.lookup(dec("99999999")).mmr()).isEqualByComparingTo("0.02");
        assertThat(eth.lookup(dec("99999999")).maxLeverage()).isEqualByComparingTo("25");
        MaintenanceTier eth2 = eth.lookup(dec("100000000"));
        assertThat(eth2.maxLeverage()).isEqualByComparingTo("15");
        assertThat(eth2.mmr()).isCloseTo(dec("0.0333333333333"), within(dec("1e-12")));
        assertThat(eth2.maintenanceAmount()).isCloseTo(dec("1333333.33333"), within(dec("0.001")));
        // SOL: [0, 70M) 20x (2.5 %), ≥ 70M 10x (5 %), deduction 70M·2.5 % = 1,750,000
        TierTable sol = HL.presetTiers("SOL").orElseThrow();
        assertThat(sol.lookup(dec("69999999")).mmr()).isEqualByComparingTo("0.025");
        MaintenanceTier sol2 = sol.lookup(dec("70000000"));
        assertThat(sol2.mmr()).isEqualByComparingTo("0.05");
        assertThat(sol2.maintenanceAmount()).isEqualByComparingTo("1750000");
        assertThat(sol2.maxLeverage()).isEqualByComparingTo("10");
    }

    @Test
    void test_marginRatioDefinition() {
        assertThat(HL.marginRatioDefinition()).isEqualTo(MarginRatioDefinition.MAINTENANCE_OVER_MARGIN_BALANCE);
        assertThat(HL.contractTypes()).containsExactly(ContractType.LINEAR);
        assertThat(HL.settlementCurrency()).isEqualTo("USDC");
        assertThat(HyperliquidRules.maintenanceRate(dec("3"))).isCloseTo(dec("0.1666666666666666666666666667"),
                within(TIGHT));
    }

    @Test
    void test_maxLeverageBelowOne_isNamedAsTyped_notAsTheMmrItImplies() {
        // 0.5 would give MMR = 1/(2·0.5) = 100 %; the user typed maxLeverage, so that is what the message names
        Account account = Account.of(HL, dec("1000"), List.of(halfBtc(Side.LONG, "59000").maxLeverage(dec("0.5")).build()));
        assertThatThrownBy(() -> ENGINE.evaluate(account)).isInstanceOf(ValidationException.class)
                .hasMessage("positions[0].maxLeverage: must be ≥ 1 (Hyperliquid's maintenance margin rate is "
                        + "1/(2·maxLeverage)) (got 0.5)");
        assertThat(ENGINE.evaluate(halfBtc(Side.LONG, "59000").maxLeverage(BigDecimal.ONE).leverage(BigDecimal.ONE).build(), HL).mmr())
                .isEqualByComparingTo("0.5");
    }
}
