package org.marginlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginlab.app.cli.CliRunner.runWithStdin;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marginlab.app.cli.CliRunner.Run;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code marginlab calc} accepts every rule set, every one of its versions and the inputs it
 * needs (issue "Every venue a trader uses", done-when 2): one isolated and one cross position with
 * a maintenance override on each, evaluated with exit 0, the report naming the version used, a
 * liquidation price below the entry for the long; and a position that lacks a required input is
 * refused with one line naming it.
 */
class EveryVenueCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> everyVersion() {
        return Venues.all().stream().flatMap(v -> Venues.versions(v.id()).stream()).map(VenueRules::ruleSetId);
    }

    private static String workspace(String venue, boolean inverse) {
        String symbol = inverse ? "BTCUSD" : "BTCUSDT";
        String contract = inverse ? "inverse" : "linear";
        String qty = inverse ? "10000" : "0.5";
        String position = "\"symbol\": \"" + symbol + "\", \"contract\": \"" + contract + "\", \"contractSize\": \"1\", "
                + "\"quantity\": \"" + qty + "\", \"entryPrice\": \"60000\", \"leverage\": \"10\", "
                + "\"maintenance\": {\"mmr\": \"0.005\", \"maintenanceAmount\": \"0\"}, \"liquidationFeeRate\": \"0.001\"";
        return "{\"format\": \"marginlab-workspace\", \"version\": 1, \"venue\": \"" + venue + "\", \"walletBalance\": \""
                + (inverse ? "1" : "20000") + "\", \"positions\": [{\"id\": \"iso\", \"side\": \"long\", " + position
                + "}, {\"id\": \"crs\", \"side\": \"short\", \"marginMode\": \"cross\", " + position + "}]}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyVersion")
    void everyVersionEvaluates(String ruleSet) throws Exception {
        VenueRules rules = Venues.byId(ruleSet);
        boolean inverse = !rules.contractTypes().contains(ContractType.LINEAR);
        Run run = runWithStdin(workspace(ruleSet, inverse), "calc", "--json");
        assertThat(run.err()).as("stderr").isEmpty();
        assertThat(run.exit()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("ruleSet").asText()).isEqualTo(ruleSet);
        JsonNode iso = report.get("positions").get(0);
        assertThat(iso.get("liquidationPrice").decimalValue()).as("a 10x long is liquidated below its entry")
                .isLessThan(new java.math.BigDecimal("60000")).isPositive();
        assertThat(report.get("account").get("totalEquity").decimalValue()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyVersion")
    void everyVersionEvaluatesTheTable(String ruleSet) {
        VenueRules rules = Venues.byId(ruleSet);
        boolean inverse = !rules.contractTypes().contains(ContractType.LINEAR);
        Run run = runWithStdin(workspace(ruleSet, inverse), "calc");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("iso").contains("crs");
    }

    @org.junit.jupiter.api.Test
    void aMissingRequiredInputIsRefusedByName() {
        Run run = runWithStdin(workspace("kucoin@2025-05-22", false).replace(", \"liquidationFeeRate\": \"0.001\"", ""),
                "calc", "--json");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("positions[0].liquidationFeeRate: is required on kucoin@2025-05-22")
                .endsWith("\n").doesNotContain("Exception");
        assertThat(run.err().split("\n")).hasSize(1);
    }
}
