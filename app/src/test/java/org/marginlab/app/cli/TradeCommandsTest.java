package org.marginlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.marginlab.app.cli.CliRunner.run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginlab.app.cli.CliRunner.Run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * {@code marginlab avg-entry} and {@code marginlab target} (spec workspace-and-cli.md §2.2) on
 * the venues' worked examples: Bybit's average entry (vectors {@code bybit-avg-entry-*}) and the
 * Binance calculator's target price (vectors {@code binance-calculator-*}).
 */
class TradeCommandsTest {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static JsonNode json(Run run) throws Exception {
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        return JSON.readTree(run.out());
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static void assertInvalid(Run run, String expected) {
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().split("\n")).hasSize(1);
        if (expected != null) {
            assertThat(run.err()).isEqualTo(expected + "\n");
        }
    }

    // ------------------------------------------------------------------------- avg-entry

    @Test
    void linearAverageEntry_bybitUsdt() throws Exception {
        // (1·10000 + 2·13000)/3 = 12000
        JsonNode r = json(run("avg-entry", "--contract", "linear", "--json", "1@10000", "2@13000"));
        assertThat(keys(r)).containsExactly("averageEntryPrice", "quantity");
        assertThat(r.get("averageEntryPrice").decimalValue()).isEqualByComparingTo("12000");
        assertThat(r.get("quantity").decimalValue()).isEqualByComparingTo("3");
    }

    @Test
    void inverseAverageEntryIsHarmonic_bybitInverse() throws Exception {
        // 100/(50/10000 + 50/15000) = 12000
        JsonNode r = json(run("avg-entry", "--contract", "inverse", "--json", "50@10000", "50@15000"));
        assertThat(r.get("averageEntryPrice").decimalValue()).isEqualByComparingTo("12000");
        assertThat(r.get("quantity").decimalValue()).isEqualByComparingTo("100");
    }

    @Test
    void usdcAverageEntry_bybitUsdc() throws Exception {
        // (0.5·50000 + 0.8·51000)/1.3 = 50615.3846…
        Run run = run("avg-entry", "--contract", "linear", "--json", "0.5@50000", "0.8@51000");
        JsonNode r = json(run);
        assertThat(r.get("averageEntryPrice").decimalValue()).isCloseTo(new BigDecimal("50615.38"), within(new BigDecimal("0.005")));
        assertThat(r.get("quantity").decimalValue()).isEqualByComparingTo("1.3");
        assertThat(run.out()).contains("\"quantity\": 1.3\n");
    }

    @Test
    void avgEntryTable() {
        Run run = run("avg-entry", "--contract", "linear", "0.5@50000", "0.8@51000");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("average entry price  50,615.38\nquantity             1.3\n");
    }

    @Test
    void avgEntryErrors() {
        assertInvalid(run("avg-entry", "--contract", "option", "1@1"), "--contract: must be linear, inverse or quanto (got option)");
        assertInvalid(run("avg-entry", "--contract", "linear", "1@100", "2x100"),
                "fills[1]: must be QTY@PRICE, e.g. 0.5@50000 (got 2x100)");
        assertInvalid(run("avg-entry", "--contract", "linear", "1@100", "2@0"), "fills[1].price: must be > 0 (got 0)");
        assertInvalid(run("avg-entry", "--contract", "linear", "abc@100"), "fills[0].quantity: must be a decimal number (got abc)");
        Run noFills = run("avg-entry", "--contract", "linear");
        assertInvalid(noFills, null);
        assertThat(noFills.err()).contains("QTY@PRICE");
        Run noContract = run("avg-entry", "1@100");
        assertInvalid(noContract, null);
        assertThat(noContract.err()).contains("--contract");
    }

    // ------------------------------------------------------------------------- target

    @ParameterizedTest(name = "{0} {1} lev {3} roe {4}")
    @CsvSource({
            // binance-calculator-linear-long: 10000·(1 + 1/10) = 11000
            "linear,  long,  10000, 10, 1,                  11000, 0",
            // binance-calculator-linear-short: 10000·(1 − 2/20) = 9000
            "linear,  short, 10000, 20, 2,                  9000,  0",
            // binance-calculator-inverse-long: 10000·10/(10 − 0.90909…) = 11000 (vector ROE, rel 1e-9)
            "inverse, long,  10000, 10, 0.9090909090909101, 11000, 0.000011",
            // binance-calculator-inverse-short: 10000·10/(10 + 1.1111…) = 9000
            "inverse, short, 10000, 10, 1.1111111111111112, 9000,  0.000009",
    })
    void targetPrice_binanceCalculator(String contract, String side, String entry, String lev, String roe, String expected,
            String tolerance) throws Exception {
        JsonNode r = json(run("target", "--side", side, "--entry", entry, "--leverage", lev, "--roe", roe,
                "--contract", contract, "--json"));
        assertThat(keys(r)).containsExactly("targetPrice");
        assertThat(r.get("targetPrice").decimalValue()).isCloseTo(new BigDecimal(expected), within(new BigDecimal(tolerance)));
    }

    @Test
    void targetDefaultsToLinearAndAcceptsNegativeRoe() throws Exception {
        // 10000·(1 − 0.5/10) = 9500
        JsonNode r = json(run("target", "--side", "long", "--entry", "10000", "--leverage", "10", "--roe", "-0.5", "--json"));
        assertThat(r.get("targetPrice").decimalValue()).isEqualByComparingTo("9500");
    }

    @Test
    void targetTable() {
        Run run = run("target", "--side", "short", "--entry", "10000", "--leverage", "20", "--roe", "2");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("target price  9,000.00\n");
    }

    @Test
    void targetErrors() {
        String[] base = {"target", "--side", "long", "--entry", "10000", "--roe", "1"};
        assertInvalid(run(concat(base, "--leverage", "-5")), "--leverage: must be > 0 (got -5)");
        assertInvalid(run(concat(base, "--leverage", "ten")), "--leverage: must be a decimal number (got ten)");
        assertInvalid(run("target", "--side", "up", "--entry", "1", "--leverage", "1", "--roe", "1"),
                "--side: must be long or short (got up)");
        assertInvalid(run("target", "--side", "long", "--entry", "0", "--leverage", "1", "--roe", "1"),
                "--entry: must be > 0 (got 0)");
        Run impossible = run("target", "--side", "long", "--entry", "100", "--leverage", "10", "--roe", "-10");
        assertInvalid(impossible, null);
        assertThat(impossible.err()).startsWith("--roe: must be > -10").endsWith("(got -10)\n");
        Run missing = run(base);
        assertInvalid(missing, null);
        assertThat(missing.err()).contains("--leverage");
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
