package org.marginlab.engine.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;

/**
 * Average entry price against Bybit's worked examples (vectors {@code bybit-avg-entry-*}, spec
 * margin-formulas.md §2.7) and target price against the Binance futures calculator examples
 * (vectors {@code binance-calculator-*}, §1.4). Expected values are worked by hand in the
 * comments.
 */
class TradeMathTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static Fill fill(String q, String p) {
        return new Fill(d(q), d(p));
    }

    @Test
    void linearAverageIsQuantityWeighted_bybitUsdt() {
        // (1·10000 + 2·13000) / 3 = 36000 / 3 = 12000
        BigDecimal avg = TradeMath.averageEntryPrice(ContractType.LINEAR, List.of(fill("1", "10000"), fill("2", "13000")));
        assertThat(avg).isEqualByComparingTo("12000");
    }

    @Test
    void inverseAverageIsHarmonic_bybitInverse() {
        // 100 / (50/10000 + 50/15000) = 100 / (0.005 + 0.00333…) = 100 / (1/120) = 12000, exactly
        BigDecimal avg = TradeMath.averageEntryPrice(ContractType.INVERSE,
                List.of(fill("50", "10000"), fill("50", "15000")));
        assertThat(avg).isEqualByComparingTo("12000");
    }

    @Test
    void linearAverageWithinSession_bybitUsdc() {
        // (0.5·50000 + 0.8·51000) / 1.3 = 65800 / 1.3 = 658000/13 = 50615.384615… (doc: 50,615.38)
        BigDecimal avg = TradeMath.averageEntryPrice(ContractType.LINEAR, List.of(fill("0.5", "50000"), fill("0.8", "51000")));
        assertThat(avg).isCloseTo(d("50615.38"), within(d("0.005")));
        assertThat(avg).isCloseTo(d("50615.384615384615384615384615"), within(d("1e-24")));
    }

    @Test
    void inverseAverageDiffersFromLinearForUnequalPrices() {
        // linear: (1·100 + 1·300)/2 = 200; inverse: 2 / (1/100 + 1/300) = 2 / (4/300) = 150
        List<Fill> fills = List.of(fill("1", "100"), fill("1", "300"));
        assertThat(TradeMath.averageEntryPrice(ContractType.LINEAR, fills)).isEqualByComparingTo("200");
        assertThat(TradeMath.averageEntryPrice(ContractType.INVERSE, fills)).isEqualByComparingTo("150");
    }

    @Test
    void singleFillAverageIsItsPrice() {
        assertThat(TradeMath.averageEntryPrice(ContractType.INVERSE, List.of(fill("7", "123.45")))).isEqualByComparingTo("123.45");
        assertThat(TradeMath.averageEntryPrice(ContractType.LINEAR, List.of(fill("7", "123.45")))).isEqualByComparingTo("123.45");
    }

    @Test
    void totalQuantityIsTheSum() {
        assertThat(TradeMath.totalQuantity(List.of(fill("0.5", "50000"), fill("0.8", "51000")))).isEqualByComparingTo("1.3");
    }

    @Test
    void averageNeedsAFill() {
        assertThatThrownBy(() -> TradeMath.averageEntryPrice(ContractType.LINEAR, List.of()))
                .isInstanceOf(ValidationException.class)
                .hasMessage("fills: must contain at least one fill (got none)");
    }

    @Test
    void fillRejectsNonPositiveValues() {
        assertThatThrownBy(() -> fill("0", "100")).hasMessage("quantity: must be > 0 (got 0)");
        assertThatThrownBy(() -> fill("1", "-3")).hasMessage("price: must be > 0 (got -3)");
    }

    @ParameterizedTest(name = "{0} {1} EP {2} lev {3} ROE {4} → {5}")
    @CsvSource({
            // binance-calculator-linear-long: 10000·(1 + 1/10) = 11000
            "LINEAR, LONG, 10000, 10, 1, 11000",
            // binance-calculator-linear-short: 10000·(1 − 2/20) = 9000
            "LINEAR, SHORT, 10000, 20, 2, 9000",
            // a loss target: long 10000·(1 − 0.5/10) = 9500
            "LINEAR, LONG, 10000, 10, -0.5, 9500",
            // ROE 0 is the entry price: inverse 10000·10/(10 − 0) = 10000
            "INVERSE, LONG, 10000, 10, 0, 10000",
    })
    void targetPriceExactCases(ContractType contract, Side side, String entry, String lev, String roe, String expected) {
        assertThat(TradeMath.targetPrice(contract, side, d(entry), d(lev), d(roe))).isEqualByComparingTo(expected);
    }

    @Test
    void inverseTargetPrices_binanceCalculator() {
        // inverse long: ROE at exit 11000 = (1 − 10000/11000)·10 = 10/11; target = 10000·10/(10 − 10/11) = 11000
        BigDecimal roeLong = d("10").divide(d("11"), MathContext.DECIMAL128);
        assertThat(TradeMath.targetPrice(ContractType.INVERSE, Side.LONG, d("10000"), d("10"), roeLong))
                .isCloseTo(d("11000"), within(d("1e-25")));
        // inverse short: ROE at exit 9000 = −(1 − 10000/9000)·10 = 10/9; target = 10000·10/(10 + 10/9) = 9000
        BigDecimal roeShort = d("10").divide(d("9"), MathContext.DECIMAL128);
        assertThat(TradeMath.targetPrice(ContractType.INVERSE, Side.SHORT, d("10000"), d("10"), roeShort))
                .isCloseTo(d("9000"), within(d("1e-25")));
        // the vectors' own (binary floating point) ROE values, tolerance rel 1e-9 as in the vector files
        assertThat(TradeMath.targetPrice(ContractType.INVERSE, Side.LONG, d("10000"), d("10"), d("0.9090909090909101")))
                .isCloseTo(d("11000"), within(d("0.000011")));
        assertThat(TradeMath.targetPrice(ContractType.INVERSE, Side.SHORT, d("10000"), d("10"), d("1.1111111111111112")))
                .isCloseTo(d("9000"), within(d("0.000009")));
    }

    @Test
    void targetPriceGivesBackTheRequestedRoe() {
        // linear: ROE = s·(exit − EP)·lev / EP; inverse: ROE = s·(1 − EP/exit)·lev
        BigDecimal entry = d("37251.5");
        BigDecimal lev = d("17");
        for (String r : new String[] {"-0.9", "0.25", "3.5"}) {
            BigDecimal roe = d(r);
            for (Side side : Side.values()) {
                BigDecimal s = side.signDecimal();
                BigDecimal linear = TradeMath.targetPrice(ContractType.LINEAR, side, entry, lev, roe);
                BigDecimal linearRoe = s.multiply(linear.subtract(entry)).multiply(lev).divide(entry, MathContext.DECIMAL128);
                assertThat(linearRoe).isCloseTo(roe, within(d("1e-28")));
                BigDecimal inverse = TradeMath.targetPrice(ContractType.INVERSE, side, entry, lev, roe);
                BigDecimal inverseRoe = s.multiply(BigDecimal.ONE.subtract(entry.divide(inverse, MathContext.DECIMAL128)))
                        .multiply(lev);
                assertThat(inverseRoe).isCloseTo(roe, within(d("1e-28")));
            }
        }
    }

    @Test
    void targetPriceRejectsRoeThatNoPositivePriceReaches() {
        // linear long at 10x: ROE −10 (−1000 %) would need price 100·(1 − 10/10) = 0
        assertThatThrownBy(() -> TradeMath.targetPrice(ContractType.LINEAR, Side.LONG, d("100"), d("10"), d("-10")))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("roe: must be > -10")
                .hasMessageEndingWith("(got -10)");
        assertThatThrownBy(() -> TradeMath.targetPrice(ContractType.LINEAR, Side.SHORT, d("100"), d("10"), d("10")))
                .hasMessageStartingWith("roe: must be < 10");
        assertThatThrownBy(() -> TradeMath.targetPrice(ContractType.INVERSE, Side.LONG, d("100"), d("10"), d("12")))
                .hasMessageStartingWith("roe: must be < 10");
        assertThatThrownBy(() -> TradeMath.targetPrice(ContractType.INVERSE, Side.SHORT, d("100"), d("10"), d("-10")))
                .hasMessageStartingWith("roe: must be > -10");
    }

    @Test
    void targetPriceValidatesInputs() {
        assertThatThrownBy(() -> TradeMath.targetPrice(ContractType.LINEAR, Side.LONG, d("100"), d("-5"), d("1")))
                .hasMessage("leverage: must be > 0 (got -5)");
        assertThatThrownBy(() -> TradeMath.targetPrice(ContractType.LINEAR, Side.LONG, d("0"), d("5"), d("1")))
                .hasMessage("entryPrice: must be > 0 (got 0)");
        assertThatThrownBy(() -> TradeMath.targetPrice(ContractType.LINEAR, null, d("1"), d("5"), d("1")))
                .hasMessage("side: is required (got nothing)");
    }
}
