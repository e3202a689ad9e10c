package org.marginlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginlab.app.cli.CliRunner.run;
import static org.marginlab.app.cli.CliRunner.runWithStdin;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.app.cli.CliRunner.Run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** {@code marginlab reconcile} end to end: the FAQ cross sample, the JSON shape, exit codes and one-line errors. */
class ReconcileCommandTest {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final String FAQ = Path.of("..", "assets", "samples", "binance-faq-cross.marginlab").toString();

    /** One isolated Binance long: 1 BTC at 30,000, 10x, margin 3,000, one flat tier MMR 0.4 %. */
    private static final String ISOLATED = """
            {"format": "marginlab-workspace", "version": 1, "venue": "binance-usdm", "walletBalance": "0",
             "positions": [{"id": "btc", "symbol": "BTCUSDT", "side": "long", "quantity": "1", "entryPrice": "30000",
               "leverage": "10", "marginMode": "isolated", "isolatedMargin": "3000",
               "maintenance": {"mmr": "0.004", "maintenanceAmount": "0"}}]}
            """;

    @Test
    void faqCross_text_verdictThenOneLinePerCause() {
        Run r = run("reconcile", FAQ, "--position", "btc-long", "--venue-liquidation-price", "26350");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        // FAQ: ours 26,316.89; a wallet about 3,534 lower (0.23 % of 1,535,443.01) or funding (0.10 % of the notional)
        assertThat(lines.get(0)).startsWith("Explained by funding (also fits: crossWallet)");
        assertThat(lines.get(1)).startsWith("MarginLab 26,316.89, venue 26350, gap 33.11 = 33.1 ticks (tick 1, "
                + "the typed number's last digit; btc-long, binance-usdm@");
        assertThat(lines.subList(2, lines.size())).allMatch(l -> l.startsWith("explains  ") || l.startsWith("does not  "));
        assertThat(lines).anyMatch(l -> l.startsWith("explains  crossWallet: A wallet 3,5"));
        assertThat(lines).anyMatch(l -> l.startsWith("does not  otherPositions: Without your other cross position (eth-long)"));
    }

    @Test
    void farNumber_notExplained_saidPlainly() {
        // 31,000.00 − 26,316.8933 = 4,683.1067 → 4,683.11, / 0.01 (the typed tick) = 468,310.7 ticks; the bounded causes
        // move the price by ≤ 1 % of the notional / (109.488 × 0.975) ≈ 35,000 / 106.75 ≈ 328: far from 4,683
        Run r = run("reconcile", FAQ, "--position", "btc-long", "--venue-liquidation-price", "31000.00");
        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("Not explained: MarginLab gives 26,316.89, 468,310.7 ticks from the venue's "
                + "31,000.00; the nearest cause, ");
        assertThat(lines.get(1)).startsWith("MarginLab 26,316.89, venue 31000.00, gap 4,683.11 = 468,310.7 ticks (tick 0.01, "
                + "the typed number's last digit;");
        assertThat(lines.subList(2, lines.size())).allMatch(l -> l.startsWith("does not  "));
    }

    @Test
    void json_oneDocument_fullPrecision() throws Exception {
        // ours = (3000 − 30000) / (0.004 − 1) = 27,108.4337349…; the venue with a 15 USDT fee to close (30000 × 0.05 %):
        // (2985 − 30000) / −0.996 = 27,123.493975… → 27,123.49
        Run r = runWithStdin(ISOLATED, "reconcile", "-", "--position", "btc", "--venue-liquidation-price", "27123.49",
                "--venue-margin-ratio", "4%", "--json");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        JsonNode j = JSON.readTree(r.out());
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("positionId", "ruleSet", "currency", "liquidationPrice", "venue", "gap", "gapTicks",
                "tick", "tickSource", "explained", "verdict", "causes", "figures");
        assertThat(j.get("liquidationPrice").decimalValue()).isBetween(new BigDecimal("27108.43373493"),
                new BigDecimal("27108.43373494"));
        assertThat(j.get("venue").get("marginRatio").decimalValue()).isEqualByComparingTo("0.04");
        assertThat(j.get("explained").asBoolean()).isTrue();
        assertThat(j.get("verdict").asText()).startsWith("Explained by closeFee");
        JsonNode fee = null;
        for (JsonNode c : j.get("causes")) {
            assertThat(c.has("id") && c.has("explains") && c.has("sentence") && c.has("liquidationPrice")).isTrue();
            if (c.get("id").asText().equals("closeFee")) {
                fee = c;
            }
        }
        assertThat(fee).isNotNull();
        assertThat(fee.get("size").decimalValue()).isEqualByComparingTo("15");
        // margin ratio on Binance = MM / margin balance = 120 / 3000 = 4 %: it matches
        assertThat(j.get("figures").get(0).get("matches").asBoolean()).isTrue();
    }

    @Test
    void unknownPosition_exit2_oneLineNamingTheIds() {
        Run r = run("reconcile", FAQ, "--position", "sol", "--venue-liquidation-price", "26350");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("--position: ID must be one of btc-long, eth-long (got sol)\n");
    }

    @Test
    void nonPositivePrice_exit2_oneLine() {
        Run r = run("reconcile", FAQ, "--position", "btc-long", "--venue-liquidation-price", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("--venue-liquidation-price: P must be > 0 (got 0)\n");
        Run text = run("reconcile", FAQ, "--position", "btc-long", "--venue-liquidation-price", "abc");
        assertThat(text.exit()).isEqualTo(2);
        assertThat(text.err().lines().count()).isEqualTo(1);
        assertThat(text.err()).contains("--venue-liquidation-price");
    }

    @Test
    void unreadableFile_and_missingOption_exit2_oneLine() {
        Run r = run("reconcile", "no-such-file.marginlab", "--position", "btc", "--venue-liquidation-price", "1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains("no-such-file.marginlab");
        Run missing = run("reconcile", FAQ, "--position", "btc-long");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().lines().count()).isEqualTo(1);
        assertThat(missing.err()).contains("--venue-liquidation-price");
    }
}
