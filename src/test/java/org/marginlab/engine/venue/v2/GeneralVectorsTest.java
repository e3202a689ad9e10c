package org.marginlab.engine.venue.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.marginlab.engine.Vectors.dec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.DisplayPrices;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.Vectors;
import org.marginlab.engine.Vectors.Case;
import org.marginlab.engine.sizing.Costs;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code exchange: "general"} cases of {@code venues_v2.json} (spec venues-v2.md §10.1,
 * §10.3, §11): break-even price, inverse funding and display rounding, through
 * {@link Costs} and {@link DisplayPrices}, with each case's own tolerance; then behaviour worked
 * by hand.
 */
public class GeneralVectorsTest {
    /** The venues_v2.json cases this class runs. */
    public static final List<String> CASES = List.of(
            "general-break-even-long-derived",
            "general-inverse-funding-derived",
            "general-display-rounding-long-derived",
            "general-display-rounding-short-derived");

    private static final MathContext MC = MathContext.DECIMAL128;

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void casesAreEveryGeneralCaseOfTheFile() {
        List<String> ids = new ArrayList<>();
        for (Case c : Vectors.v2Cases()) {
            if ("general".equals(c.exchange())) {
                ids.add(c.id());
            }
        }
        assertThat(CASES).containsExactlyElementsOf(ids);
    }

    @Test
    @DisplayName("break-even long, fees included, funding separate (uncertain: spec §14 #18)")
    void breakEvenLong() {
        Case c = Vectors.v2Case("general-break-even-long-derived");
        JsonNode in = c.inputs();
        BigDecimal q = dec(in, "quantity");
        BigDecimal ep = dec(in, "entry_price");
        BigDecimal open = dec(in, "open_fee_rate");
        BigDecimal close = dec(in, "close_fee_rate");
        Vectors.assertWithin(c.id() + " break_even_price",
                Costs.breakEvenPrice(ContractType.LINEAR, Side.LONG, q, BigDecimal.ONE, ep, open, close, BigDecimal.ZERO),
                dec(c.expected(), "break_even_price"), c.tolerance());
        Vectors.assertWithin(c.id() + " break_even_price_with_funding",
                Costs.breakEvenPrice(ContractType.LINEAR, Side.LONG, q, BigDecimal.ONE, ep, open, close,
                        dec(in, "funding_paid")),
                dec(c.expected(), "break_even_price_with_funding"), c.tolerance());
        // notes: short BE = EP·(1 − f_open)/(1 + f_close) = 59,934.0363 (printed to 4 decimals)
        assertThat(Costs.breakEvenPrice(ContractType.LINEAR, Side.SHORT, q, BigDecimal.ONE, ep, open, close,
                BigDecimal.ZERO)).isCloseTo(d("59934.0363"), within(d("0.00005")));
    }

    @Test
    void inverseFunding() {
        Case c = Vectors.v2Case("general-inverse-funding-derived");
        JsonNode in = c.inputs();
        Vectors.assertWithin(c.id() + " funding_fee", Costs.fundingPayment(ContractType.INVERSE, Side.LONG,
                dec(in, "contracts"), dec(in, "contract_size"), dec(in, "mark_price"), dec(in, "funding_rate")),
                dec(c.expected(), "funding_fee"), c.tolerance());
    }

    @Test
    @DisplayName("display rounding, long up (uncertain: spec §14 #17)")
    void displayRoundingLong() {
        displayRounding(Vectors.v2Case("general-display-rounding-long-derived"));
    }

    @Test
    @DisplayName("display rounding, short down (uncertain: spec §14 #17)")
    void displayRoundingShort() {
        displayRounding(Vectors.v2Case("general-display-rounding-short-derived"));
    }

    private static void displayRounding(Case c) {
        JsonNode in = c.inputs();
        Side side = Side.parse(c.node().get("side").asText());
        BigDecimal shown = DisplayPrices.liquidationPrice(dec(in, "price"), dec(in, "tick_size"), side);
        Vectors.assertWithin(c.id() + " displayed_price", shown, dec(c.expected(), "displayed_price"), c.tolerance());
    }

    // ---- behaviour worked by hand ----

    @Test
    void breakEvenInverse() {
        // N = 1,000 USD at 50,000, fees 0.1 % both, no funding:
        // long BE = 1,000·1.001/(0.02·0.999) = 1,001/0.01998; short BE = 1,000·0.999/(0.02·1.001) = 999/0.02002
        assertThat(Costs.breakEvenPrice(ContractType.INVERSE, Side.LONG, d("1000"), BigDecimal.ONE, d("50000"),
                d("0.001"), d("0.001"), BigDecimal.ZERO)).isCloseTo(d("1001").divide(d("0.01998"), MC), within(d("1e-25")));
        assertThat(Costs.breakEvenPrice(ContractType.INVERSE, Side.SHORT, d("1000"), BigDecimal.ONE, d("50000"),
                d("0.001"), d("0.001"), BigDecimal.ZERO)).isCloseTo(d("999").divide(d("0.02002"), MC), within(d("1e-25")));
        // funding of 0.02 BTC paid by the long exceeds N/EP·(1 − f) = 0.01998: no break-even
        assertThatThrownBy(() -> Costs.breakEvenPrice(ContractType.INVERSE, Side.LONG, d("1000"), BigDecimal.ONE,
                d("50000"), d("0.001"), d("0.001"), d("0.02"))).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("fundingPaid: leaves no positive break-even price");
    }

    @Test
    void feeToCloseAndFees() {
        // linear long 1 @60,000 at 10x: BP 54,000, FTC = 54,000·0.055 % = 29.7; at 1x BP = 0 → 0
        assertThat(Costs.feeToClose(ContractType.LINEAR, Side.LONG, d("1"), BigDecimal.ONE, d("60000"), d("10"),
                d("0.00055"))).isEqualByComparingTo("29.7");
        assertThat(Costs.feeToClose(ContractType.LINEAR, Side.LONG, d("1"), BigDecimal.ONE, d("60000"), d("1"),
                d("0.00055"))).isEqualByComparingTo("0");
        // inverse short 1,000 USD at 50,000, 10x: BP = 50,000/0.9; FTC = 1,000·0.9/50,000·0.055 % = 0.0000099
        assertThat(Costs.feeToClose(ContractType.INVERSE, Side.SHORT, d("1000"), BigDecimal.ONE, d("50000"), d("10"),
                d("0.00055"))).isEqualByComparingTo("0.0000099");
        // open fee: linear 0.5 @60,000 at 0.055 % = 16.5; inverse 1,000 USD at 50,000 at 0.05 % = 0.00001
        assertThat(Costs.fee(ContractType.LINEAR, d("0.5"), BigDecimal.ONE, d("60000"), d("0.00055")))
                .isEqualByComparingTo("16.5");
        assertThat(Costs.fee(ContractType.INVERSE, d("1000"), BigDecimal.ONE, d("50000"), d("0.0005")))
                .isEqualByComparingTo("0.00001");
        // a short pays negative funding when the rate is positive (it receives)
        assertThat(Costs.fundingPayment(ContractType.LINEAR, Side.SHORT, d("0.5"), BigDecimal.ONE, d("60000"),
                d("0.0001"))).isEqualByComparingTo("-3");
        assertThatThrownBy(() -> Costs.fee(ContractType.LINEAR, d("1"), BigDecimal.ONE, d("1"), BigDecimal.ONE))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("feeRate: must be between -1 and 1");
    }

    @Test
    void displayRounding_onTheTickStays_andExplicitModes() {
        assertThat(DisplayPrices.liquidationPrice(d("61835.5"), d("0.5"), Side.LONG)).isEqualByComparingTo("61835.5");
        assertThat(DisplayPrices.liquidationPrice(d("61835.5"), d("0.5"), Side.SHORT)).isEqualByComparingTo("61835.5");
        // nearest would give 61,835.5 for the long vector's price
        assertThat(DisplayPrices.toTick(d("61835.74879227053"), d("0.5"), RoundingMode.HALF_EVEN))
                .isEqualByComparingTo("61835.5");
        // tick 0.25, short: 66,321.2435 → 66,321.0 (floor); tick 5 → 66,320
        assertThat(DisplayPrices.liquidationPrice(d("66321.24352331606"), d("0.25"), Side.SHORT))
                .isEqualByComparingTo("66321.0");
        assertThat(DisplayPrices.liquidationPrice(d("66321.24352331606"), d("5"), Side.SHORT)).isEqualByComparingTo("66320");
        assertThatThrownBy(() -> DisplayPrices.toTick(d("1.3"), d("0.5"), RoundingMode.UNNECESSARY))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("price: must be a whole number of ticks");
        assertThatThrownBy(() -> DisplayPrices.liquidationPrice(d("1"), BigDecimal.ZERO, Side.LONG))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("tickSize: must be > 0");
    }
}
