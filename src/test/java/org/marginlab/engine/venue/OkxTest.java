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
 * okx (spec margin-formulas.md §3, §4): close fee = taker on the notional at the liquidation
 * price, {@code LP = (Q·EP − s·(WB + cum))/(Q·(1 − s·(MMR + taker)))}, margin ratio
 * {@code equity/(MM + fee)} falling to 1 at liquidation. Every figure by hand.
 *
 * <p>Main position: 1 BTC-USDT-SWAP @ 50,000, 10x, override MMR 0.4 %, amount 0, taker 0.05 %
 * (the default): IM = iWB = 5,000.
 */
class OkxTest {
    private static final BigDecimal TIGHT = new BigDecimal("1e-20");
    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final VenueRules OKX = Venues.byId("okx");

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    static Position.Builder oneBtc(Side side, String mark) {
        return Position.builder().id("btc").symbol("BTC-USDT-SWAP").side(side).quantity(BigDecimal.ONE)
                .entryPrice(dec("50000")).markPrice(dec(mark)).leverage(BigDecimal.TEN)
                .maintenance(new Maintenance(dec("0.004"), BigDecimal.ZERO));
    }

    @Test
    void test_isolatedLong_allFigures() {
        PositionRisk r = ENGINE.evaluate(oneBtc(Side.LONG, "49000").build(), OKX);
        // MM = 49,000·0.004 = 196 (the fee 49,000·0.0005 = 24.5 is not in the MM figure)
        assertThat(r.maintenanceMargin()).isEqualByComparingTo("196");
        // equity = 5,000 − 1,000 = 4,000; OKX ratio = 4,000/(196 + 24.5) = 18.1405895691609977…
        assertThat(r.marginBalance()).isEqualByComparingTo("4000");
        assertThat(r.marginRatio()).isCloseTo(dec("18.14058956916099773242630385"), within(TIGHT));
        // LP = (50,000 − 5,000)/(1 − 0.0045) = 45,000/0.9955 = 45203.4153691612255…
        assertThat(r.liquidationPrice()).isCloseTo(dec("45203.41536916122551481667504"), within(TIGHT));
        // BP (no maintenance, no fee) = 50,000 − 5,000 = 45,000
        assertThat(r.bankruptcyPrice()).isEqualByComparingTo("45000");
        // max removable: min(5,000 − 220.5, 4,000 − 4,900) < 0 → 0
        assertThat(r.maxRemovableMargin()).isEqualByComparingTo("0");
        assertThat(r.liquidated()).isFalse();
    }

    @Test
    void test_isolatedLongInProfit_maxRemovable() {
        // mark 52,000: MM 208, fee 26, equity 7,000, IM at mark 5,200:
        // min(5,000 − 234, 7,000 − 5,200) = 1,800
        assertThat(ENGINE.evaluate(oneBtc(Side.LONG, "52000").build(), OKX).maxRemovableMargin())
                .isEqualByComparingTo("1800");
    }

    @Test
    void test_isolatedShort() {
        PositionRisk r = ENGINE.evaluate(oneBtc(Side.SHORT, "51000").build(), OKX);
        // MM 204, fee 25.5, equity 4,000: ratio 4,000/229.5 = 17.4291938997821350…
        assertThat(r.marginRatio()).isCloseTo(dec("17.42919389978213507625272331"), within(TIGHT));
        // LP = (50,000 + 5,000)/(1 + 0.0045) = 55,000/1.0045 = 54753.6087605774016…; BP 55,000
        assertThat(r.liquidationPrice()).isCloseTo(dec("54753.60876057740169238427078"), within(TIGHT));
        assertThat(r.bankruptcyPrice()).isEqualByComparingTo("55000");
    }

    @Test
    void test_statedTakerFee_replacesTheDefault() {
        // taker 0.02 %: LP = 45,000/(1 − 0.0042) = 45189.7971480216911…
        PositionRisk r = ENGINE.evaluate(oneBtc(Side.LONG, "49000").takerFeeRate(dec("0.0002")).build(), OKX);
        assertThat(r.liquidationPrice()).isCloseTo(dec("45189.79714802169110263105041"), within(TIGHT));
        assertThat(OKX.defaultTakerFeeRate()).isEqualByComparingTo("0.0005");
    }

    @Test
    void test_atTheLiquidationPrice_ratioFallsToOne() {
        // at LP: equity = 5,000 + (LP − 50,000) = 45,000·0.0045/0.9955 = 203.415369…
        //        MM + fee = LP·0.0045 = the same → ratio 1, liquidated (≤ 1)
        Position p = oneBtc(Side.LONG, "49000").build();
        BigDecimal lp = ENGINE.evaluate(p, OKX).liquidationPrice();
        PositionRisk at = ENGINE.evaluate(p.withMarkPrice(lp), OKX);
        assertThat(at.marginBalance()).isCloseTo(dec("203.4153691612255148166750377"), within(TIGHT));
        assertThat(at.marginRatio()).isCloseTo(BigDecimal.ONE, within(TIGHT));
        assertThat(at.liquidated()).isTrue();
        // 1 USDT above: equity 204.4153…, requirement 203.4198… → ratio > 1, not liquidated
        PositionRisk above = ENGINE.evaluate(p.withMarkPrice(lp.add(BigDecimal.ONE)), OKX);
        assertThat(above.marginRatio()).isGreaterThan(BigDecimal.ONE);
        assertThat(above.liquidated()).isFalse();
    }

    @Test
    void test_longAt1x_hasNoLiquidationPrice() {
        // iWB = 50,000 = Q·EP: LP = (50,000 − 50,000)/0.9955 = 0 → none; BP = 0 → none
        PositionRisk r = ENGINE.evaluate(oneBtc(Side.LONG, "50000").leverage(BigDecimal.ONE).build(), OKX);
        assertThat(r.liquidationPrice()).isNull();
        assertThat(r.bankruptcyPrice()).isNull();
    }

    @Test
    void test_cross_twoPositions_accountFiguresIncludeFees() {
        // BTC long (mark 49,000): MM 196, fee 24.5, uPnL −1,000.
        // ETH-USDT-SWAP short 10 @ 3,000, mark 3,100, 20x, MMR 1 %: MM 310, fee 15.5, uPnL −1,000.
        Position btc = oneBtc(Side.LONG, "49000").marginMode(MarginMode.CROSS).build();
        Position eth = Position.builder().id("eth").symbol("ETH-USDT-SWAP").side(Side.SHORT).quantity(BigDecimal.TEN)
                .entryPrice(dec("3000")).markPrice(dec("3100")).leverage(dec("20")).marginMode(MarginMode.CROSS)
                .maintenance(new Maintenance(dec("0.01"), BigDecimal.ZERO)).build();
        AccountRisk a = ENGINE.evaluate(Account.of(OKX, dec("10000"), List.of(btc, eth)));
        // BTC: W = 10,000 − (310 + 15.5) − 1,000 = 8,674.5; LP = (50,000 − 8,674.5)/0.9955 = 41512.305374…
        assertThat(a.position("btc").liquidationPrice()).isCloseTo(dec("41512.30537418382722250125565"),
                within(TIGHT));
        assertThat(a.position("btc").bankruptcyPrice()).isEqualByComparingTo("41325.5");
        // ETH: W = 10,000 − 220.5 − 1,000 = 8,779.5; LP = (30,000 + 8,779.5)/(10·1.0105) = 3837.654626…
        assertThat(a.position("eth").liquidationPrice()).isCloseTo(dec("3837.654626422563087580405740"),
                within(TIGHT));
        // account: balance 10,000 − 2,000 = 8,000; MM incl. fees 196 + 24.5 + 310 + 15.5 = 546;
        // OKX ratio = 8,000/546 = 14.652014652…; IM at mark 4,900 + 1,550 = 6,450; available 1,550
        assertThat(a.marginBalance()).isEqualByComparingTo("8000");
        assertThat(a.maintenanceMargin()).isEqualByComparingTo("546");
        assertThat(a.marginRatio()).isCloseTo(dec("14.65201465201465201465201465"), within(TIGHT));
        assertThat(a.marginRatioDefinition()).isEqualTo(MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES);
        assertThat(a.initialMargin()).isEqualByComparingTo("6450");
        assertThat(a.availableBalance()).isEqualByComparingTo("1550");
        assertThat(a.totalEquity()).isEqualByComparingTo("8000");
        assertThat(a.position("btc").liquidated()).isFalse();
    }

    @Test
    void test_marginRatioDefinitionAndPresets() {
        assertThat(OKX.marginRatioDefinition()).isEqualTo(MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES);
        assertThat(OKX.marginRatioDefinition().id()).isEqualTo("equity/(maintenance+fees)");
        assertThat(OKX.contractTypes()).containsExactly(ContractType.LINEAR);
        assertThat(OKX.presetSymbols()).isEmpty();
        Position p = oneBtc(Side.LONG, "50000").maintenance(null).build();
        assertThatThrownBy(() -> ENGINE.evaluate(p, OKX)).isInstanceOf(ValidationException.class)
                .hasMessage("symbol: has no bundled tier table on okx; give tiers or maintenance (got BTC-USDT-SWAP)");
    }

    /**
     * Issue "Nothing lost, nothing frozen": a position already past its liquidation condition
     * keeps its liquidation price (it was reported as none while its margin ratio said
     * liquidated), on OKX and on Gate, isolated and cross.
     */
    @Test
    void test_pastLiquidation_keepsItsLiquidationPrice_onOkxAndGate() {
        for (String venue : new String[] {"okx", "gate"}) {
            VenueRules rules = Venues.byId(venue);
            // isolated: LP 45,203.42 (OKX, above); the mark 40,000 is past it
            PositionRisk isolated = ENGINE.evaluate(oneBtc(Side.LONG, "40000").marginMode(MarginMode.ISOLATED).build(), rules);
            assertThat(isolated.liquidated()).as(venue).isTrue();
            assertThat(isolated.liquidationPrice()).as(venue + " isolated").isNotNull();
            assertThat(isolated.liquidationPrice()).as(venue).isGreaterThan(dec("40000"));
            // cross: a wallet of 2,000 and the mark 40,000 (a loss of 10,000)
            AccountRisk cross = ENGINE.evaluate(org.marginlab.engine.Account.of(rules, dec("2000"),
                    List.of(oneBtc(Side.LONG, "40000").marginMode(MarginMode.CROSS).build())));
            assertThat(cross.positions().get(0).liquidated()).as(venue + " cross").isTrue();
            assertThat(cross.positions().get(0).liquidationPrice()).as(venue + " cross").isNotNull()
                    .isGreaterThan(dec("40000"));
        }
    }
}
