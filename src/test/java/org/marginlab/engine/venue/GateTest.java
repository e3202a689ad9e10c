package org.marginlab.engine.venue;

import static org.assertj.core.api.Assertions.assertThat;
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

/**
 * gate (spec margin-formulas.md §4): the same liquidation equation as OKX, freqtrade's
 * {@code LP = (EP ∓ WB/Q)/(1 ∓ (MMR + taker))}, but the Binance-style ratio
 * {@code (MM + fee)/margin balance}, rising to 1 at liquidation. Same main position as
 * {@link OkxTest}: 1 BTC_USDT @ 50,000, 10x, MMR 0.4 %, taker 0.05 %, iWB 5,000.
 */
class GateTest {
    private static final BigDecimal TIGHT = new BigDecimal("1e-20");
    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final VenueRules GATE = Venues.byId("gate");

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    private static Position.Builder oneBtc(Side side, String mark) {
        return Position.builder().id("btc").symbol("BTC_USDT").side(side).quantity(BigDecimal.ONE)
                .entryPrice(dec("50000")).markPrice(dec(mark)).leverage(BigDecimal.TEN)
                .maintenance(new Maintenance(dec("0.004"), BigDecimal.ZERO));
    }

    @Test
    void test_isolatedLong() {
        PositionRisk r = ENGINE.evaluate(oneBtc(Side.LONG, "49000").build(), GATE);
        // (MM + fee)/balance = (196 + 24.5)/4,000 = 0.055125
        assertThat(r.marginRatio()).isEqualByComparingTo("0.055125");
        // freqtrade's form: (50,000 − 5,000/1)/(1 − (0.004 + 0.0005)) = 45203.4153691612255…
        assertThat(r.liquidationPrice()).isCloseTo(dec("45203.41536916122551481667504"), within(TIGHT));
        assertThat(r.bankruptcyPrice()).isEqualByComparingTo("45000");
    }

    @Test
    void test_isolatedShort() {
        PositionRisk r = ENGINE.evaluate(oneBtc(Side.SHORT, "51000").build(), GATE);
        // (204 + 25.5)/4,000 = 0.057375
        assertThat(r.marginRatio()).isEqualByComparingTo("0.057375");
        // (50,000 + 5,000)/(1 + 0.0045) = 54753.6087605774016…
        assertThat(r.liquidationPrice()).isCloseTo(dec("54753.60876057740169238427078"), within(TIGHT));
        assertThat(r.bankruptcyPrice()).isEqualByComparingTo("55000");
    }

    @Test
    void test_atTheLiquidationPrice_ratioRisesToOne() {
        Position p = oneBtc(Side.SHORT, "51000").build();
        BigDecimal lp = ENGINE.evaluate(p, GATE).liquidationPrice();
        // at LP: balance = 5,000 − (LP − 50,000) = 55,000 − LP = LP·0.0045 = MM + fee → ratio 1
        PositionRisk at = ENGINE.evaluate(p.withMarkPrice(lp), GATE);
        assertThat(at.marginRatio()).isCloseTo(BigDecimal.ONE, within(TIGHT));
        assertThat(at.liquidated()).isTrue();
        assertThat(ENGINE.evaluate(p.withMarkPrice(lp.subtract(BigDecimal.ONE)), GATE).liquidated()).isFalse();
    }

    @Test
    void test_longAt1x_hasNoLiquidationPrice() {
        PositionRisk r = ENGINE.evaluate(oneBtc(Side.LONG, "50000").leverage(BigDecimal.ONE).build(), GATE);
        assertThat(r.liquidationPrice()).isNull();
        assertThat(r.bankruptcyPrice()).isNull();
    }

    @Test
    void test_cross_twoPositions_accountFigures() {
        // as OkxTest: BTC long mark 49,000 and ETH short 10 @ 3,000 mark 3,100 20x MMR 1 %, wallet 10,000
        Position btc = oneBtc(Side.LONG, "49000").marginMode(MarginMode.CROSS).build();
        Position eth = Position.builder().id("eth").symbol("ETH_USDT").side(Side.SHORT).quantity(BigDecimal.TEN)
                .entryPrice(dec("3000")).markPrice(dec("3100")).leverage(dec("20")).marginMode(MarginMode.CROSS)
                .maintenance(new Maintenance(dec("0.01"), BigDecimal.ZERO)).build();
        AccountRisk a = ENGINE.evaluate(Account.of(GATE, dec("10000"), List.of(btc, eth)));
        // same liquidation prices as OKX (same equation)
        assertThat(a.position("btc").liquidationPrice()).isCloseTo(dec("41512.30537418382722250125565"),
                within(TIGHT));
        assertThat(a.position("eth").liquidationPrice()).isCloseTo(dec("3837.654626422563087580405740"),
                within(TIGHT));
        // ratio (MM + fees)/balance = 546/8,000 = 0.06825
        assertThat(a.maintenanceMargin()).isEqualByComparingTo("546");
        assertThat(a.marginRatio()).isEqualByComparingTo("0.06825");
        assertThat(a.availableBalance()).isEqualByComparingTo("1550");
        assertThat(a.totalEquity()).isEqualByComparingTo("8000");
    }

    @Test
    void test_marginRatioDefinitionAndPresets() {
        assertThat(GATE.marginRatioDefinition()).isEqualTo(MarginRatioDefinition.MAINTENANCE_OVER_MARGIN_BALANCE);
        assertThat(GATE.contractTypes()).containsExactly(ContractType.LINEAR);
        assertThat(GATE.presetSymbols()).isEmpty();
        assertThat(GATE.defaultTakerFeeRate()).isEqualByComparingTo("0.0005");
    }
}
