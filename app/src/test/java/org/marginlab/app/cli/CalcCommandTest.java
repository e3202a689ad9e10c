package org.marginlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.marginlab.app.cli.CliRunner.resource;
import static org.marginlab.app.cli.CliRunner.run;
import static org.marginlab.app.cli.CliRunner.runWithStdin;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginlab.app.cli.CliRunner.Run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** {@code marginlab calc} end to end, against spec workspace-and-cli.md §2 and §2.1. */
class CalcCommandTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final BigDecimal TOLERANCE = new BigDecimal("5e-7");

    private static final String EXAMPLE = resource("workspace", "contract-example.marginlab");
    private static final String SAMPLES = Path.of("..", "assets", "samples").toString();

    private static JsonNode json(Run run) throws Exception {
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        return JSON.readTree(run.out());
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static void assertNumber(JsonNode node, String field, String expected) {
        assertNumber(node, field, expected, TOLERANCE);
    }

    private static void assertNumber(JsonNode node, String field, String expected, BigDecimal tolerance) {
        assertThat(node.get(field)).as(field).isNotNull();
        assertThat(node.get(field).isNumber()).as("%s is a JSON number: %s", field, node.get(field)).isTrue();
        assertThat(node.get(field).decimalValue()).as(field).isCloseTo(new BigDecimal(expected), within(tolerance));
    }

    /**
     * The §2.1 liquidation price, 57228.915662, is 57000/0.996 = 57228.91566265… cut (not rounded)
     * to 6 decimals, so it is 6.5e-7 from the true value: compare within one unit of its last
     * place, and check the exact value by hand arithmetic. Isolated long, Binance:
     * LP = (iWB − Q·EP)/(Q·MMR − Q) = (1500 − 30000)/(0.002 − 0.5) = 28500/0.498 = 57000/0.996.
     */
    private static void assertContractLiquidationPrice(JsonNode p) {
        assertNumber(p, "liquidationPrice", "57228.915662", new BigDecimal("1e-6"));
        assertThat(p.get("liquidationPrice").decimalValue()).isCloseTo(
                new BigDecimal("57000").divide(new BigDecimal("0.996"), java.math.MathContext.DECIMAL128),
                within(new BigDecimal("1e-25")));
    }

    // ---------------------------------------------------------------- §2.1 reproduced exactly

    @Test
    void contractExampleWithAddMarginReproducesSection21() throws Exception {
        Run run = run("calc", "--json", "--add-margin", "btc-long=500", EXAMPLE);
        JsonNode report = json(run);

        // §2.1's fields in order; "ruleSet" (venues-v2.md §12.2) is an addition after "venue"
        assertThat(keys(report)).containsExactly("venue", "ruleSet", "account", "positions", "after");
        assertThat(report.get("ruleSet").asText()).isEqualTo("binance-usdm@0000-01-01");
        assertThat(report.get("venue").asText()).isEqualTo("binance-usdm");

        JsonNode account = report.get("account");
        assertThat(keys(account)).containsExactly("walletBalance", "unrealizedPnl", "marginBalance", "initialMargin",
                "maintenanceMargin", "marginRatio", "marginRatioDefinition", "availableBalance", "totalEquity",
                "liquidated");
        assertThat(account.get("liquidated").asBoolean()).isFalse();
        assertNumber(account, "walletBalance", "10000");
        assertNumber(account, "unrealizedPnl", "0");
        assertNumber(account, "marginBalance", "10000");
        assertNumber(account, "initialMargin", "0");
        assertNumber(account, "maintenanceMargin", "0");
        assertThat(account.get("marginRatio").isNull()).isTrue();
        assertThat(account.get("marginRatioDefinition").asText()).isEqualTo("maintenance/marginBalance");
        assertNumber(account, "availableBalance", "10000");
        assertNumber(account, "totalEquity", "11000");

        assertThat(report.get("positions").size()).isEqualTo(1);
        JsonNode p = report.get("positions").get(0);
        assertThat(keys(p)).containsExactly("id", "notional", "initialMargin", "mmr", "maintenanceAmount",
                "maintenanceMargin", "unrealizedPnl", "roe", "marginBalance", "marginRatio", "liquidationPrice",
                "bankruptcyPrice", "effectiveLeverage", "maxRemovableMargin", "distanceToLiquidation", "maxAddableMargin",
                "liquidated", "feeToClose", "feeToOpen", "feeToCloseAtMark", "projectedFunding", "breakEvenPrice",
                "liquidationProbability", "whatIf");
        assertThat(p.get("feeToClose").isNull()).as("Binance reserves no fee to close").isTrue();
        assertThat(p.get("id").asText()).isEqualTo("btc-long");
        assertNumber(p, "notional", "29500");
        assertNumber(p, "initialMargin", "1500");
        assertNumber(p, "mmr", "0.004");
        assertNumber(p, "maintenanceAmount", "0");
        assertNumber(p, "maintenanceMargin", "118");
        assertNumber(p, "unrealizedPnl", "-500");
        assertNumber(p, "roe", "-0.333333");
        assertNumber(p, "marginBalance", "1000");
        assertNumber(p, "marginRatio", "0.118");
        assertContractLiquidationPrice(p);
        assertNumber(p, "bankruptcyPrice", "57000");
        assertNumber(p, "effectiveLeverage", "29.5");
        assertNumber(p, "maxRemovableMargin", "0");
        assertNumber(p, "distanceToLiquidation", "0.030018");
        // spec §4: the most that can be added is the available balance
        assertNumber(p, "maxAddableMargin", "10000");
        assertThat(p.get("liquidated").asBoolean()).isFalse();

        JsonNode w = p.get("whatIf");
        assertThat(keys(w)).containsExactly("marginDelta", "isolatedMargin", "liquidationPrice", "bankruptcyPrice",
                "marginRatio", "effectiveLeverage");
        assertNumber(w, "marginDelta", "500");
        assertNumber(w, "isolatedMargin", "2000");
        assertNumber(w, "liquidationPrice", "56224.899598");
        assertNumber(w, "bankruptcyPrice", "56000");
        assertNumber(w, "marginRatio", "0.078667");
        assertNumber(w, "effectiveLeverage", "19.666667");

        // §4 "after": the 500 came out of the wallet; total equity is unchanged; whatIf agrees with after
        JsonNode after = report.get("after");
        assertThat(keys(after)).containsExactly("account", "positions");
        assertNumber(after.get("account"), "walletBalance", "9500");
        assertNumber(after.get("account"), "availableBalance", "9500");
        assertNumber(after.get("account"), "totalEquity", "11000");
        JsonNode a = after.get("positions").get(0);
        assertThat(a.has("whatIf")).isFalse();
        assertNumber(a, "liquidationPrice", "56224.899598");
        assertNumber(a, "maxAddableMargin", "9500");
        assertThat(a.get("liquidationPrice").decimalValue()).isEqualByComparingTo(w.get("liquidationPrice").decimalValue());
        assertThat(a.get("marginRatio").decimalValue()).isEqualByComparingTo(w.get("marginRatio").decimalValue());
    }

    @Test
    void addingMoreThanTheAvailableBalanceIsRejectedNamingTheBound() {
        Run run = run("calc", "--json", "--add-margin", "btc-long=20000", EXAMPLE);
        assertInvalid(run, null);
        assertThat(run.err()).startsWith("positions[0].marginDelta: ").contains("maxAddableMargin", "10000")
                .endsWith("(got 20000)\n");
    }

    @Test
    void modeSwitchToCross_returnsTheMarginToTheWallet_andConservesEquity() throws Exception {
        JsonNode report = json(run("calc", "--json", "--mode", "btc-long=cross", EXAMPLE));
        JsonNode after = report.get("after");
        // W' = 10,000 + 1,500; the position is cross: no own margin, no maxAddableMargin
        assertNumber(after.get("account"), "walletBalance", "11500");
        assertNumber(after.get("account"), "totalEquity", "11000");
        JsonNode a = after.get("positions").get(0);
        assertThat(a.get("maxAddableMargin").isNull()).isTrue();
        assertThat(a.get("marginBalance").isNull()).isTrue();
        // cross LP = (11,500 − 30,000)/(0.5·0.004 − 0.5) = 18,500/0.498 = 37,148.594377…
        assertNumber(a, "liquidationPrice", "37148.594378");
        // the report's top level is unchanged
        assertNumber(report.get("account"), "walletBalance", "10000");
    }

    @Test
    void transfersApplyInTheOrderGiven() throws Exception {
        // add 500 (W 9,500, margin 2,000), then to cross: the 2,000 goes back (W 11,500)
        JsonNode after = json(run("calc", "--json", "--add-margin", "btc-long=500", "--mode", "btc-long=cross", EXAMPLE))
                .get("after");
        assertNumber(after.get("account"), "walletBalance", "11500");
        assertNumber(after.get("account"), "totalEquity", "11000");
        // the other way round the position is cross when the margin is added: refused
        Run reversed = run("calc", "--json", "--mode=btc-long=cross", "--add-margin", "btc-long=500", EXAMPLE);
        assertInvalid(reversed, null);
        assertThat(reversed.err()).startsWith("positions[0].marginDelta: ").endsWith("(got 500)\n");
    }

    @Test
    void jsonNumbersAreFullPrecisionPlainAndExactWhereExact() {
        Run run = run("calc", "--json", "--add-margin", "btc-long=500", EXAMPLE);
        assertThat(run.out()).contains("\"notional\": 29500,", "\"mmr\": 0.004,", "\"bankruptcyPrice\": 57000,",
                "\"marginRatio\": null,", "\"totalEquity\": 11000,");
        // 57228.915662… = 57000/(1 − 0.004): many digits, never an exponent, never rounded to 6 dp
        assertThat(run.out()).containsPattern("\"liquidationPrice\": 57228\\.915662650602409638\\d+,");
        assertThat(run.out()).doesNotContainPattern("\\d[eE][+-]?\\d");
    }

    @Test
    void withoutAddMarginThereIsNoWhatIf() throws Exception {
        JsonNode p = json(run("calc", "--json", EXAMPLE)).get("positions").get(0);
        assertThat(p.has("whatIf")).isFalse();
        assertThat(keys(p)).endsWith("distanceToLiquidation", "maxAddableMargin", "liquidated", "feeToClose",
                "feeToOpen", "feeToCloseAtMark", "projectedFunding", "breakEvenPrice", "liquidationProbability");
    }

    @Test
    void outputIsExactlyOneJsonDocument() throws Exception {
        Run run = run("calc", "--json", EXAMPLE);
        var parser = JSON.getFactory().createParser(run.out());
        JSON.readTree(parser);
        assertThat(parser.nextToken()).as("nothing after the document").isNull();
    }

    // ---------------------------------------------------------------- Binance FAQ cross sample

    @Test
    void binanceFaqCrossSampleGivesTheFaqLiquidationPrices() throws Exception {
        JsonNode report = json(run("calc", "--json", Path.of(SAMPLES, "binance-faq-cross.marginlab").toString()));
        JsonNode btc = report.get("positions").get(0);
        JsonNode eth = report.get("positions").get(1);
        assertThat(btc.get("id").asText()).isEqualTo("btc-long");
        assertThat(btc.get("liquidationPrice").decimalValue()).isCloseTo(new BigDecimal("26316.89"), within(new BigDecimal("0.005")));
        assertThat(eth.get("liquidationPrice").decimalValue()).isCloseTo(new BigDecimal("1153.26"), within(new BigDecimal("0.005")));
        // cross positions have no own margin balance or ratio; the account has one
        assertThat(btc.get("marginBalance").isNull()).isTrue();
        assertThat(btc.get("marginRatio").isNull()).isTrue();
        assertThat(report.get("account").get("marginRatio").isNumber()).isTrue();
        // FAQ: MM BTC = 3500032.458·2.5% − 16300 = 71200.81144; MM ETH = 4918775.08122·10% − 135365 = 356512.508122
        assertNumber(report.get("account"), "maintenanceMargin", "427713.319566");
    }

    @Test
    void btcLongIsolatedSampleMatchesTheContractExample() throws Exception {
        JsonNode sample = json(run("calc", "--json", Path.of(SAMPLES, "btc-long-isolated.marginlab").toString()));
        JsonNode example = json(run("calc", "--json", EXAMPLE));
        // the example states takerFeeRate 0.0006, which no Binance margin figure reads; only its fees
        // differ: to open 0.5 · 60,000 · 0.0006 = 18, to close at the mark 0.5 · 59,000 · 0.0006 = 17.7
        JsonNode examplePosition = example.get("positions").get(0);
        assertNumber(examplePosition, "feeToOpen", "18");
        assertNumber(examplePosition, "feeToCloseAtMark", "17.7");
        for (JsonNode report : List.of(sample, example)) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) report.get("positions").get(0))
                    .remove(List.of("feeToOpen", "feeToCloseAtMark", "breakEvenPrice"));
        }
        assertThat(sample).isEqualTo(example);
    }

    // ---------------------------------------------------------------- input variants

    @Test
    void readsStandardInputWithDashOrWithoutFile() throws Exception {
        String text = Files.readString(Path.of(EXAMPLE));
        Run fromFile = run("calc", "--json", EXAMPLE);
        Run dash = runWithStdin(text, "calc", "--json", "-");
        Run none = runWithStdin(text, "calc", "--json");
        assertThat(dash.exit()).isZero();
        assertThat(dash.out()).isEqualTo(fromFile.out());
        assertThat(none.out()).isEqualTo(fromFile.out());
    }

    @Test
    void markOverridesOnePositionsMarkPrice() throws Exception {
        JsonNode p = json(run("calc", "--json", "--mark", "btc-long=58000", EXAMPLE)).get("positions").get(0);
        // 0.5·58000 = 29000; uPnL 0.5·(58000 − 60000) = −1000; margin balance 1500 − 1000 = 500
        assertNumber(p, "notional", "29000");
        assertNumber(p, "unrealizedPnl", "-1000");
        assertNumber(p, "marginBalance", "500");
        // the liquidation price does not depend on the mark (isolated, same tier)
        assertContractLiquidationPrice(p);
    }

    @Test
    void negativeAddMarginRemovesMargin() throws Exception {
        // at a mark of 61,000: uPnL +500, MM 30,500·0.004 = 122: maxRemovable = min(1500 − 122, 2000 − 30500/20) = 475
        JsonNode report = json(run("calc", "--json", "--mark", "btc-long=61000", "--add-margin=btc-long=-100", EXAMPLE));
        JsonNode p = report.get("positions").get(0);
        assertNumber(p, "maxRemovableMargin", "475");
        // the 100 goes back to the wallet
        assertNumber(report.get("after").get("account"), "walletBalance", "10100");
        // iWB 1400: LP = (1400 − 0.5·60000)/(0.5·0.004 − 0.5) = 28600/0.498 = 57429.718875…
        assertNumber(p.get("whatIf"), "marginDelta", "-100");
        assertNumber(p.get("whatIf"), "isolatedMargin", "1400");
        assertNumber(p.get("whatIf"), "liquidationPrice", "57429.718876");
    }

    @Test
    void unknownFieldsWarnOnStandardErrorWithoutFailing() throws Exception {
        Run run = run("calc", "--json", resource("cli", "unknown-field.marginlab"));
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEqualTo("warning: positions[0].colour: unknown field, ignored\n");
        assertContractLiquidationPrice(JSON.readTree(run.out()).get("positions").get(0));
    }

    // ---------------------------------------------------------------- the human table

    @Test
    void tableShowsRoundedValuesConservatively() {
        Run run = run("calc", "--add-margin", "btc-long=500", EXAMPLE);
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        String out = run.out();
        assertThat(out).startsWith("BTC long vs ETH short - venue binance-usdm\n");
        assertThat(out).contains("ID", "LIQ. PRICE", "BANKRUPTCY", "MARGIN RATIO");
        String row = out.lines().filter(l -> l.startsWith("btc-long")).findFirst().orElseThrow();
        // long: 57228.915662 rounds half-up to 57,228.92; ratio 0.118 → 11.80%
        assertThat(row).contains("long", "isolated", "0.5", "60,000.00", "59,000.00", "57,228.92", "57,000.00",
                "11.80%", "-500.00");
        assertThat(out).contains("what-if +500.00 margin: isolated margin 2,000.00, liq. price 56,224.90, "
                + "bankruptcy 56,000.00, margin ratio 7.87%, leverage 19.67x");
        assertThat(out).contains("Account (cross): wallet 10,000.00", "total equity 11,000.00");
    }

    @Test
    void tableRoundsAShortsPricesHalfUp_asVenuesDisplayThem() {
        // LP = (3000.505 + 1·60000)/(1·0.004 + 1) = 63000.505/1.004 = 62749.50697…: half-up .51
        Run run = run("calc", resource("cli", "short-isolated.marginlab"));
        assertThat(run.exit()).isZero();
        String row = run.out().lines().filter(l -> l.startsWith("btc-short")).findFirst().orElseThrow();
        assertThat(row).contains("62,749.51").doesNotContain("62,749.50");
        // bankruptcy = (3000.505 + 60000)/1 = 63000.505 → half-up: 63,000.51
        assertThat(row).contains("63,000.51");
    }

    @Test
    void tableAlignsColumns() {
        Run run = run("calc", Path.of(SAMPLES, "binance-faq-cross.marginlab").toString());
        List<String> lines = run.out().lines().filter(l -> l.startsWith("ID") || l.startsWith("btc-long")
                || l.startsWith("eth-long")).toList();
        assertThat(lines).hasSize(3);
        // right-aligned numeric columns end at the same offsets: compare the end of "LIQ. PRICE"
        int end = lines.get(0).indexOf("LIQ. PRICE") + "LIQ. PRICE".length();
        assertThat(lines.get(1).substring(0, end)).endsWith("26,316.89");
        assertThat(lines.get(2).substring(0, end)).endsWith("1,153.26");
        assertThat(lines.get(1)).contains("(account)");
    }

    // ---------------------------------------------------------------- bad input: exit 2, one line

    private static void assertInvalid(Run run, String expectedLine) {
        assertThat(run.exit()).as("exit status").isEqualTo(2);
        assertThat(run.out()).as("stdout").isEmpty();
        assertThat(run.err()).as("stderr").endsWith("\n");
        assertThat(run.err().split("\n")).as("stderr lines").hasSize(1);
        assertThat(run.err()).as("no stack trace").doesNotContain("\tat ", "Exception");
        if (expectedLine != null) {
            assertThat(run.err()).isEqualTo(expectedLine + "\n");
        }
    }

    @Test
    void invalidFieldIsNamed() {
        assertInvalid(run("calc", "--json", resource("cli", "negative-leverage.marginlab")),
                "positions[0].leverage: must be > 0 (got -5)");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = Path.of("no-such-dir", "missing.marginlab");
        assertInvalid(run("calc", missing.toString()), missing + ": no such file");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        String file = resource("cli", "malformed.marginlab");
        Run run = run("calc", "--json", file);
        assertInvalid(run, null);
        assertThat(run.err()).startsWith(file + ": line 6, column ").contains("malformed JSON");
    }

    @Test
    void malformedStandardInputIsNamed() {
        Run run = runWithStdin("{\"venue\": ", "calc", "-");
        assertInvalid(run, null);
        assertThat(run.err()).startsWith("<stdin>: line 1, column ").contains("truncated JSON")
                .doesNotContain("Source", "REDACTED");
    }

    @Test
    void unknownVenueIsNamed() {
        Run run = run("calc", resource("cli", "unknown-venue.marginlab"));
        assertInvalid(run, null);
        assertThat(run.err()).startsWith("venue: must be one of binance-usdm").endsWith(" (got venue-from-2030)\n");
    }

    @Test
    void leverageAboveTheTiersMaxIsNamed() {
        assertInvalid(run("calc", resource("cli", "over-max-leverage.marginlab")),
                "positions[0].leverage: must be ≤ 125x, the max leverage of the tier (got 200)");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "--add-margin | btc-long     | --add-margin: must be ID=AMOUNT (got btc-long)",
            "--add-margin | btc-long=abc | --add-margin: AMOUNT must be a decimal number (got btc-long=abc)",
            "--add-margin | btc-long=1e3 | --add-margin: AMOUNT must be a plain decimal number without an exponent (got btc-long=1e3)",
            "--add-margin | eth=100      | --add-margin: ID must be one of btc-long (got eth=100)",
            "--mark       | =100         | --mark: must be ID=PRICE (got =100)",
            "--mark       | btc-long=0   | --mark: PRICE must be > 0 (got btc-long=0)",
            "--mark       | nope=1       | --mark: ID must be one of btc-long (got nope=1)",
    })
    void badAssignmentsAreNamed(String option, String value, String expected) {
        assertInvalid(run("calc", "--json", option, value, EXAMPLE), expected);
    }

    @Test
    void repeatedPositionInAnOptionIsRejected() {
        assertInvalid(run("calc", "--add-margin", "btc-long=1", "--add-margin", "btc-long=2", EXAMPLE),
                "--add-margin: must name each position at most once (got btc-long=2)");
    }

    @Test
    void removingMoreThanTheIsolatedMarginIsRejected() {
        Run run = run("calc", "--add-margin", "btc-long=-1600", EXAMPLE);
        assertInvalid(run, null);
        assertThat(run.err()).startsWith("positions[0].marginDelta: ").contains("maxRemovableMargin").endsWith("(got -1600)\n");
    }

    @Test
    void removingWhatTheVenueWouldNotRelease_isRejectedAsInTheApp() {
        // at the mark 59,000 nothing is removable (max removable 0): the app refuses −100, and so does calc
        Run run = run("calc", "--add-margin", "btc-long=-100", EXAMPLE);
        assertInvalid(run, null);
        assertThat(run.err()).startsWith("positions[0].marginDelta: ").contains("maxRemovableMargin", "0")
                .endsWith("(got -100)\n");
    }

    @Test
    void addMarginToACrossPositionIsRejected() {
        Run run = run("calc", "--add-margin", "btc-cross=10", resource("cli", "cross-only.marginlab"));
        assertInvalid(run, null);
        assertThat(run.err()).startsWith("positions[0].marginDelta: ").contains("isolated").endsWith("(got 10)\n");
    }

    @Test
    void unknownOptionAndExtraArgumentsAreOneLine() {
        Run unknown = run("calc", "--frobnicate", EXAMPLE);
        assertInvalid(unknown, null);
        assertThat(unknown.err()).contains("--frobnicate").contains("marginlab calc --help");
        assertInvalid(run("calc", EXAMPLE, EXAMPLE), null);
    }

    @Test
    void warningsAreNotPrintedWhenTheRunFails() {
        Run run = run("calc", "--mark", "btc-long=0", resource("cli", "unknown-field.marginlab"));
        assertInvalid(run, "--mark: PRICE must be > 0 (got btc-long=0)");
    }

    // ---------------------------------------------------------------- help and version

    @Test
    void helpWorksForEachCommand() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"calc", "--help"},
                new String[] {"avg-entry", "--help"}, new String[] {"target", "--help"})) {
            Run run = run(args);
            assertThat(run.exit()).as(String.join(" ", args)).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).startsWith("Usage: marginlab");
        }
        assertThat(run("calc", "--help").out()).contains("--add-margin=ID=AMOUNT", "--mark=ID=PRICE", "FILE|-", "--json");
        assertThat(run("--help").out()).contains("calc", "avg-entry", "target");
        assertThat(run("target", "--help").out()).contains("1 = +100 %,");
    }

    @Test
    void versionNamesTheApp() {
        Run run = run("--version");
        assertThat(run.exit()).isZero();
        // first line; build date, runtime and tier-table dates follow (VersionTest)
        assertThat(run.out()).matches("(?s)MarginLab \\S+\\n.*");
    }

    @Test
    void noSubcommandIsInvalid() {
        Run run = run();
        assertInvalid(run, null);
        assertThat(run.err()).startsWith("Missing subcommand");
        Run unknown = run("frobnicate");
        assertInvalid(unknown, null);
        assertThat(unknown.err()).contains("frobnicate");
    }
}
