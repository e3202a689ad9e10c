package org.marginlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.marginlab.app.cli.CliRunner.runWithStdin;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.marginlab.app.cli.CliRunner.Run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * {@code calc --json} reports each position's costs and probability of liquidation, the same
 * {@link org.marginlab.app.model.PositionCosts} the app's results show; figures worked by hand.
 */
class CalcCostsTest {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static final String WORKSPACE = """
            {"format": "marginlab-workspace", "version": 1, "venue": "binance-usdm", "walletBalance": "10000",
             "positions": [
              {"id": "btc-long", "symbol": "BTCUSDT", "side": "long", "quantity": "0.5", "entryPrice": "60000",
               "markPrice": "60000", "leverage": "10", "marginMode": "isolated", "takerFeeRate": "0.0005",
               "fundingRate": "0.0001", "holdingHours": "24"},
              {"id": "btc-short", "symbol": "BTCUSDT", "side": "short", "quantity": "1", "entryPrice": "60000",
               "markPrice": "44021.01794860914810858962493508", "leverage": "10", "marginMode": "isolated",
               "isolatedMargin": "6000", "maintenance": {"mmr": "0.005", "maintenanceAmount": "0"},
               "volatility": "0.8", "probabilityHorizonHours": "2190"}]}
            """;

    private static JsonNode positions(Run run) throws Exception {
        assertThat(run.exit()).as(run.err()).isZero();
        return JSON.readTree(run.out()).get("positions");
    }

    @Test
    void costsOfALinearLong() throws Exception {
        JsonNode p = positions(runWithStdin(WORKSPACE, "calc", "--json", "-")).get(0);
        // 0.5 · 60,000 · 0.0005 = 15 USDT to open, and to close at the mark 60,000
        assertThat(p.get("feeToOpen").decimalValue()).isEqualByComparingTo("15");
        assertThat(p.get("feeToCloseAtMark").decimalValue()).isEqualByComparingTo("15");
        // Binance: 8 h funding interval; 24/8 = 3 payments of 0.5 · 60,000 · 0.0001 = 3: 9 USDT paid
        assertThat(p.get("projectedFunding").decimalValue()).isEqualByComparingTo("9");
        // (0.5 · 60,000 · 1.0005 + 9) / (0.5 · 0.9995) = 30,024 / 0.49975 = 60,078.0390195097548774387…
        assertThat(p.get("breakEvenPrice").decimalValue()).isCloseTo(new BigDecimal("60078.03901950975487743871936"),
                within(new BigDecimal("1e-20")));
        JsonNode q = p.get("liquidationProbability");
        // default volatility of BTC (volatility.csv, 2026-01-29): 0.412; horizon 24 h.
        // LP = (30,000 − 3,000)/(0.5 · (1 − 0.004)) = 54,216.867470; a = ln(60,000/LP) = 0.1013525,
        // s = 0.412·√(24/8760) = 0.0215651, u = a/s = 4.699846, h = s/2 = 0.0107825;
        // P = Φ(h − u) + (S₀/LP)·Φ(−u − h) = 1.37229e-6 + 1.106667 · 1.23477e-6 = 2.73877e-6
        assertThat(q.get("probability").doubleValue()).isCloseTo(2.73877e-6, within(0.00002e-6));
        assertThat(q.get("volatility").doubleValue()).isEqualTo(0.412);
        assertThat(q.get("horizonHours").decimalValue()).isEqualByComparingTo("24");
        assertThat(q.get("volatilityTableAsOf").asText()).isEqualTo("2026-01-29");
    }

    @Test
    void probabilityOfAShortAtATypedVolatility() throws Exception {
        JsonNode p = positions(runWithStdin(WORKSPACE, "calc", "--json", "-")).get(1);
        // LP = (60,000 + 6,000)/1.005 = 65,671.6418; the mark is LP·e^{−0.4}: a = 0.4; σ = 0.8 over
        // 2,190 h = 1/4 year: s = 0.4, u = 1, h = 0.2. P = Φ(−1.2) + e^{−0.4}·Φ(−0.8)
        // = 0.1150696702 + 0.6703200460 · 0.2118553986 = 0.2570805908
        JsonNode q = p.get("liquidationProbability");
        assertThat(q.get("probability").doubleValue()).isCloseTo(0.2570805908, within(1e-9));
        assertThat(q.get("volatility").doubleValue()).isEqualTo(0.8);
        assertThat(q.get("horizonHours").decimalValue()).isEqualByComparingTo("2190");
        assertThat(q.get("volatilityTableAsOf").isNull()).as("typed, not the table's").isTrue();
        // no taker rate typed: Binance's default; no holding time: no funding
        assertThat(p.get("projectedFunding").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void anInvalidCostInputIsRefusedByName() {
        Run run = runWithStdin(WORKSPACE.replace("\"holdingHours\": \"24\"", "\"makerFeeRate\": \"1.5\""),
                "calc", "--json", "-");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("positions[0].makerFeeRate: must be between -1 and 1").contains("1.5");
    }
}
