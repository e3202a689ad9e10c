package org.marginlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.marginlab.app.cli.CliRunner.run;
import static org.marginlab.app.cli.CliRunner.runWithStdin;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.marginlab.app.cli.CliRunner.Run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * {@code marginlab explain} on the Binance FAQ cross example (margin-formulas.md §1.1): the FAQ
 * gives btc-long's liquidation price as 26,316.89 with TMM1 = 3683.979 × 1335.18 × 10 % − 135,365
 * = 356,512.508122 and UPNL1 = 3683.979 × (1335.18 − 1456.84) = −448,192.88514 (eth-long).
 */
class ExplainCommandTest {
    private static final String FAQ = Path.of("..", "assets", "samples", "binance-faq-cross.marginlab").toString();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static Run ok(String... args) {
        Run r = run(args);
        assertThat(r.err()).as(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        return r;
    }

    private static void assertOneLineError(Run r, String... contains) {
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err()).contains(contains);
    }

    @Test
    void text_liquidationPrice_showsTheSubstitutedEquationAndTheFaqFigure() {
        Run r = ok("explain", FAQ, "--position", "btc-long", "--figure", "liquidationPrice");
        assertThat(r.out()).startsWith("Liquidation price of btc-long = 26,316.89");
        assertThat(r.out()).contains("TMM_1 = ").contains("= 356,512.51 USDT");
        assertThat(r.out()).contains("UPNL_1 = ").contains("= −448,192.89 USDT");
        assertThat(r.out()).contains("P_1 = (W + cum − s·B·EP) / (B·MMR − s·B)");
        // the same readable form the engine's test pins: W = 1535443.01 − 356512.508122 − 448192.88514
        // = 730737.616738, shown to 10 significant digits
        assertThat(r.out()).contains("(730737.6167 + 16300 − 1·109.488·32481.98) / (109.488·0.025 − 1·109.488)");
        assertThat(r.out()).contains("margin-formulas.md §1.1");
    }

    @Test
    void markdown_isANumberedListOfBoldTermsWithCodeFormulas() {
        Run r = ok("explain", FAQ, "--position", "btc-long", "--figure", "liquidation-price", "--format", "markdown");
        assertThat(r.out()).startsWith("### Liquidation price of btc-long = 26,316.89");
        assertThat(r.out()).containsPattern("(?m)^1\\. \\*\\*[^*]+\\*\\*");
        assertThat(r.out()).contains("**Maintenance of the other cross positions** `TMM_1 = ");
        assertThat(r.out()).contains("— *margin-formulas.md §1.1*");
    }

    @Test
    void latex_isAnAlignBlockWithTextTerms() {
        Run r = ok("explain", FAQ, "--position", "btc-long", "--figure", "liquidationPrice", "--format", "latex");
        assertThat(r.out()).contains("\\begin{align*}").contains("\\end{align*}");
        assertThat(r.out()).contains("\\text{Liquidation price} && P &= ");
        assertThat(r.out()).contains("\\mathrm{TMM}_{\\mathrm{1}}").contains("\\frac{");
        // P = 26316.89326… to 10 significant digits
        assertThat(r.out()).contains("= 26316.89326\\ \\text{USDT}");
    }

    @Test
    void json_hasEveryValueAtFullPrecisionAndTheExactSubstitutedFormula() throws Exception {
        Run r = ok("explain", FAQ, "--position", "btc-long", "--figure", "liquidationPrice", "--format", "json");
        JsonNode d = JSON.readTree(r.out());
        assertThat(d.get("positionId").asText()).isEqualTo("btc-long");
        assertThat(d.get("figure").asText()).isEqualTo("liquidationPrice");
        assertThat(d.get("value").decimalValue()).isCloseTo(new BigDecimal("26316.89"), within(new BigDecimal("0.005")));
        assertThat(d.get("value").decimalValue().precision()).isGreaterThan(20);
        JsonNode tmm1 = step(d, "TMM_1");
        assertThat(tmm1.get("value").decimalValue()).isEqualByComparingTo("356512.508122");
        // MM_eth-long = N·MMR − cum with N = 3683.979 × 1335.18 = 4918775.08122, exactly, in full
        assertThat(step(d, "MM_eth-long").get("substituted").asText()).isEqualTo("4918775.08122*0.1 - 135365");
    }

    private static JsonNode step(JsonNode d, String symbol) {
        for (JsonNode s : d.get("steps")) {
            if (symbol.equals(s.get("symbol").asText())) {
                return s;
            }
        }
        throw new AssertionError("no step " + symbol + " in " + d);
    }

    @Test
    void accountFigure_needsNoPosition_andStdinWorks() throws Exception {
        Run r = runWithStdin(Files.readString(Path.of(FAQ)), "explain", "-", "--figure", "totalEquity");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        // 1535443.01 + UPNL_btc + UPNL_eth = 1535443.01 + 109.488·(31967.27 − 32481.98) + (−448192.88514)
        // = 1535443.01 − 56354.56848 − 448192.88514 = 1030895.55638
        assertThat(r.out()).startsWith("Total equity of the account = 1,030,895.56 USDT");
    }

    @Test
    void unknownFigure_exits2ListingTheNames() {
        assertOneLineError(run("explain", FAQ, "--position", "btc-long", "--figure", "liq"),
                "--figure", "liquidationPrice", "totalEquity");
    }

    @Test
    void unknownPosition_exits2ListingTheIds() {
        assertOneLineError(run("explain", FAQ, "--position", "sol", "--figure", "notional"), "--position", "btc-long, eth-long");
    }

    @Test
    void positionFigureWithoutPosition_exits2() {
        assertOneLineError(run("explain", FAQ, "--figure", "notional"), "--position", "btc-long");
    }

    @Test
    void badFormat_missingFile_andMissingFigure_exit2() {
        assertOneLineError(run("explain", FAQ, "--position", "btc-long", "--figure", "notional", "--format", "pdf"), "--format");
        assertOneLineError(run("explain", "no-such-file.marginlab", "--figure", "totalEquity"), "no-such-file");
        assertOneLineError(run("explain", FAQ, "--position", "btc-long"), "--figure");
    }
}
