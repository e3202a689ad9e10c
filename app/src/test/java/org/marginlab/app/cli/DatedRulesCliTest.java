package org.marginlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginlab.app.cli.CliRunner.runWithStdin;

import org.junit.jupiter.api.Test;
import org.marginlab.app.cli.CliRunner.Run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code calc} and dated rule sets (spec venues-v2.md §12.2): the report names the rule set it
 * used ({@code ruleSet}), a workspace may pin a version ({@code venue: id@version}), and
 * {@code --as-of} picks the version in force at an instant. Bad input exits 2 with one line.
 */
class DatedRulesCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String workspace(String venue, String extra) {
        return "{\"format\": \"marginlab-workspace\", \"version\": 1, \"venue\": \"" + venue + "\"" + extra
                + ", \"walletBalance\": \"0\", \"positions\": [{\"id\": \"btc\", \"symbol\": \"BTCUSDT\", \"side\": \"long\","
                + " \"quantity\": \"1\", \"entryPrice\": \"60000\", \"leverage\": \"10\"}]}";
    }

    private static JsonNode report(Run run) throws Exception {
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        return JSON.readTree(run.out());
    }

    private static void assertRefused(Run run, String line) {
        assertThat(run.exit()).as("exit status").isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(line + "\n");
    }

    @Test
    void theReportNamesTheRuleSetVersionItUsed() throws Exception {
        JsonNode r = report(runWithStdin(workspace("binance-usdm", ""), "calc", "--json"));
        assertThat(r.get("ruleSet").asText()).isEqualTo("binance-usdm@0000-01-01");
    }

    @Test
    void aPinnedVersionGivesTheSameFiguresAsTheId() throws Exception {
        JsonNode plain = report(runWithStdin(workspace("binance-usdm", ""), "calc", "--json"));
        JsonNode pinned = report(runWithStdin(workspace("binance-usdm@0000-01-01", ""), "calc", "--json"));
        // "venue" stays the rule-set id of the contract (§2.1); the version is in "ruleSet"
        assertThat(pinned.get("venue").asText()).isEqualTo("binance-usdm");
        assertThat(pinned.get("ruleSet").asText()).isEqualTo("binance-usdm@0000-01-01");
        assertThat(pinned.get("positions")).isEqualTo(plain.get("positions"));
        // Binance BTCUSDT tier 2 at 60,000 notional (MMR 0.5 %, cum 50), isolated margin 6,000:
        // LP = (Q·EP − WB − cum)/(Q·(1 − MMR)) = (60,000 − 6,000 − 50)/0.995 = 53,950/0.995 = 54,221.1055…
        assertThat(pinned.get("positions").get(0).get("liquidationPrice").decimalValue())
                .isBetween(new java.math.BigDecimal("54221.105"), new java.math.BigDecimal("54221.106"));
    }

    @Test
    void anUnknownVersionIsRefusedWithTheKnownOnes() {
        assertRefused(runWithStdin(workspace("binance-usdm@2019-01-01", ""), "calc", "--json"),
                "venue: names an unknown version of binance-usdm; known: binance-usdm@0000-01-01 "
                        + "(got binance-usdm@2019-01-01)");
    }

    @Test
    void asOfOnTheCommandLineOverridesTheWorkspaceAndIsChecked() throws Exception {
        JsonNode r = report(runWithStdin(workspace("binance-usdm", ", \"asOf\": \"2024-01-01\""), "calc", "--json",
                "--as-of", "2025-05-22T04:00:00Z"));
        assertThat(r.get("ruleSet").asText()).isEqualTo("binance-usdm@0000-01-01");
        assertRefused(runWithStdin(workspace("binance-usdm", ""), "calc", "--as-of", "last tuesday"),
                "--as-of: must be an ISO-8601 instant such as 2025-05-22T04:00:00Z or a date such as 2025-05-22 "
                        + "(got last tuesday)");
    }

    @Test
    void aBadAsOfInTheFileIsRefusedByName() {
        assertRefused(runWithStdin(workspace("binance-usdm", ", \"asOf\": \"someday\""), "calc"),
                "asOf: must be an ISO-8601 instant such as 2025-05-22T04:00:00Z or a date such as 2025-05-22 "
                        + "(got someday)");
    }

    /**
     * Bitget's 2025-11-10 rule applies by opening time (spec venues-v2.md §12.2): a position that
     * states no openedAt was opened at the workspace's asOf, so with the 2025-11-10 version pinned
     * and asOf 2025-10-01 it keeps the whole-position maintenance margin of 2025-09-29.
     */
    @Test
    void aPositionWithoutOpenedAtWasOpenedAtTheAsOf() throws Exception {
        String ws = workspace("bitget@2025-11-10", ", \"asOf\": \"2025-10-01T00:00:00Z\"").replace("\"leverage\": \"10\"}",
                "\"leverage\": \"10\", \"maintenance\": {\"mmr\": \"0.004\", \"maintenanceAmount\": \"0\"}}");
        JsonNode r = report(runWithStdin(ws, "calc", "--json"));
        assertThat(r.get("ruleSet").asText()).isEqualTo("bitget@2025-11-10");
        assertThat(r.get("positions").get(0).get("ruleSet").asText()).isEqualTo("bitget@2025-09-29");
        JsonNode later = report(runWithStdin(ws.replace("2025-10-01T00:00:00Z", "2025-12-01T00:00:00Z"), "calc", "--json"));
        assertThat(later.get("positions").get(0).has("ruleSet")).as("same as the account's").isFalse();
    }
}
