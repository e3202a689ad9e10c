package org.marginlab.app.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.marginlab.app.ui.DecimalInput;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.Venues;

/**
 * "Size from risk" as a plain function, on the README example: 1 % of 10,000 USDT, entry 60,000,
 * stop 58,000, 10x, binance-usdm BTCUSDT, isolated (the figures {@code marginlab size} prints).
 */
class SizeFromRiskTest {

    static SizeInputs readme(String leverage) {
        return SizeInputs.parse(Numbers.PLAIN, new SizeInputs.Texts("10000", "1%", "60000", "58000", leverage, null,
                "isolated"), () -> Venues.byId("binance-usdm"),
                new SizeInputs.InstrumentTexts("BTCUSDT", "linear", "1", null, null, null, null));
    }

    private static void exact(BigDecimal actual, String expected) {
        assertThat(actual).isEqualByComparingTo(expected);
    }

    @Test
    void theReadmeExample() {
        SizePlan p = SizeFromRisk.plan(readme("10"));
        assertThat(p.inputs().side()).isEqualTo(Side.LONG); // the stop is below the entry
        // risk 1 % · 10,000 = 100; quantity 100/(60000 − 58000) = 0.05
        exact(p.inputs().riskAmount(), "100");
        exact(p.quantity(), "0.05");
        // notional 0.05 · 60,000 = 3,000; margin 3,000/10 = 300
        exact(p.risk().notional(), "3000");
        exact(p.margin(), "300");
        // bracket 1 (0.4 %): LP = (3000 − 300)/(0.05 · 0.996) = 2700/0.0498 = 54,216.8674…; BP = 60000 − 300/0.05
        assertThat(p.liquidationPrice()).isCloseTo(new BigDecimal("54216.8674698795180722891566"),
                within(new BigDecimal("1e-20")));
        exact(p.risk().bankruptcyPrice(), "54000");
        // taker 0.05 %: 0.05 · 60000 · 0.0005 = 1.5; at the stop 0.05 · 58000 · 0.0005 = 1.45; 100 + 2.95
        exact(p.feeToOpen(), "1.5");
        exact(p.feeToClose(), "1.45");
        exact(p.lossAtStop(), "100");
        exact(p.lossWithFees(), "102.95");
        assertThat(p.liquidatedBeforeStop()).isFalse();
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void at30xTheLiquidationComesBeforeTheStop() {
        SizePlan p = SizeFromRisk.plan(readme("30"));
        // margin 3000/30 = 100; LP = (3000 − 100)/0.0498 = 58,232.93…, above the stop 58,000
        exact(p.margin(), "100");
        assertThat(p.liquidationPrice()).isCloseTo(new BigDecimal("58232.9317269076"), within(new BigDecimal("1e-9")));
        assertThat(p.liquidatedBeforeStop()).isTrue();
        assertThat(p.warnings()).hasSize(1);
        assertThat(p.warnings().get(0).message(v -> v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(),
                BigDecimal::toPlainString)).isEqualTo(
                        "liquidation at 58232.93 comes before the stop at 58000.00: lower the leverage or move the stop");
    }

    @Test
    void anIsolatedMarginOfTheUsersMovesTheLiquidationPrice() {
        // 30x with 126.05 of margin: LP = (3000 − 126.05)/0.0498 = 2873.95/0.0498 = 57,709.83…
        SizePlan p = SizeFromRisk.plan(readme("30"), new BigDecimal("126.05"));
        exact(p.margin(), "126.05");
        assertThat(p.liquidationPrice()).isCloseTo(new BigDecimal("57709.8393574297"), within(new BigDecimal("1e-9")));
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void crossUsesTheBalanceAsTheWallet() {
        SizeInputs in = SizeInputs.parse(Numbers.PLAIN, new SizeInputs.Texts("10000", "100", "60000", "58000", "10",
                null, "cross"), () -> Venues.byId("binance-usdm"),
                new SizeInputs.InstrumentTexts("BTCUSDT", "linear", "1", null, null, null, null));
        SizePlan p = SizeFromRisk.plan(in);
        assertThat(p.inputs().mode()).isEqualTo(MarginMode.CROSS);
        // (3000 − 10000)/0.0498 < 0: no liquidation price
        assertThat(p.liquidationPrice()).isNull();
        exact(p.margin(), "300");
    }

    @Test
    void theAppReadsNumbersInItsFormatAndRefusesWhatTheCommandLineRefuses() {
        Numbers german = Numbers.typed(new DecimalInput(Locale.GERMANY));
        SizeInputs in = SizeInputs.parse(german, new SizeInputs.Texts("10.000", "1,5%", "60.000", "58.000", "10",
                null, "isolated"), () -> Venues.byId("binance-usdm"),
                new SizeInputs.InstrumentTexts("BTCUSDT", "linear", "1", null, null, null, null));
        // 1.5 % of 10,000 = 150
        exact(in.riskAmount(), "150");
        assertThatThrownBy(() -> SizeInputs.parse(german, new SizeInputs.Texts("10.000", "150%", "60.000", "58.000",
                "10", null, "isolated"), () -> Venues.byId("binance-usdm"),
                new SizeInputs.InstrumentTexts("BTCUSDT", "linear", "1", null, null, null, null)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("--risk: must be > 0% and ≤ 100% of the balance (got 150%)");
        assertThatThrownBy(() -> SizeFromRisk.plan(readme("150"))).isInstanceOf(ValidationException.class)
                .hasMessage("--leverage: must be ≤ 125x, the max leverage of the tier at the sized quantity 0.05 (got 150)");
        assertThatThrownBy(() -> readme("0")).hasMessage("--leverage: must be > 0 (got 0)");
    }

    @Test
    void fieldsAreNamedInTheTabsWords() {
        assertThat(PlanField.byOption("--entry")).isEqualTo(PlanField.ENTRY);
        assertThat(PlanField.inWords("needs --mmr (it overrides the tier table with it)"))
                .isEqualTo("needs the maintenance margin rate (it overrides the tier table with it)");
        assertThat(PlanField.inWords("is required without --mmr; see --max-leverage"))
                .isEqualTo("is required without the maintenance margin rate; see the max leverage");
        assertThat(PlanField.ENTRY.nodeId()).isEqualTo("planEntry");
        assertThat(PlanField.CONTRACT_SIZE.nodeId()).isEqualTo("planContractSize");
    }
}
