package org.marginlab.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginlab.engine.Position;
import org.marginlab.engine.VenueParameters;

/**
 * The per-position cost and probability inputs of the workspace (README "Venue inputs"):
 * {@code makerFeeRate}, {@code fundingIntervalHours}, {@code holdingHours}, {@code volatility},
 * {@code probabilityHorizonHours}, beside the existing {@code takerFeeRate} and
 * {@code fundingRate}. Optional: a file without them writes none of them; with them, a save keeps
 * every value; a bad value is refused naming its field.
 */
class CostFieldsFileTest {

    private static final String WITH_COSTS = """
            {"format": "marginlab-workspace", "version": 1, "venue": "binance-usdm", "walletBalance": "1000",
             "positions": [{"id": "btc-long", "symbol": "BTCUSDT", "side": "long", "quantity": "0.5",
               "entryPrice": "60000", "leverage": "10", "takerFeeRate": "0.0005", "fundingRate": "0.0001",
               "makerFeeRate": "-0.00010", "fundingIntervalHours": "4", "holdingHours": "36.5",
               "volatility": "0.65", "probabilityHorizonHours": "168"}]}
            """;

    @Test
    void everyCostFieldIsReadAndASaveWritesTheSameText() throws Exception {
        ReadResult r = WorkspaceFile.fromJson(WITH_COSTS);
        assertThat(r.warnings()).as("no field is unknown").isEmpty();
        Position p = r.workspace().positions().get(0);
        VenueParameters v = p.venueParameters();
        assertThat(p.takerFeeRate()).isEqualByComparingTo("0.0005");
        assertThat(v.makerFeeRate()).isEqualByComparingTo("-0.0001");
        assertThat(v.fundingRate()).isEqualByComparingTo("0.0001");
        assertThat(v.fundingIntervalHours()).isEqualByComparingTo("4");
        assertThat(v.holdingHours()).isEqualByComparingTo("36.5");
        assertThat(v.volatility()).isEqualByComparingTo("0.65");
        assertThat(v.probabilityHorizonHours()).isEqualByComparingTo("168");

        String text = WorkspaceFile.toJson(r.workspace());
        assertThat(text).contains("\"makerFeeRate\": \"-0.00010\"", "\"fundingIntervalHours\": \"4\"",
                "\"holdingHours\": \"36.5\"", "\"volatility\": \"0.65\"", "\"probabilityHorizonHours\": \"168\"");
        Workspace again = WorkspaceFile.fromJson(text).workspace();
        assertThat(again).isEqualTo(r.workspace());
        assertThat(WorkspaceFile.toJson(again)).isEqualTo(text);
    }

    @Test
    void aFileWithoutThemWritesNoneOfThem() throws Exception {
        String plain = WITH_COSTS.replaceAll("(?s),\\s*\"makerFeeRate\".*\"168\"", "");
        assertThat(plain).doesNotContain("holdingHours");
        String text = WorkspaceFile.toJson(WorkspaceFile.fromJson(plain).workspace());
        assertThat(text).doesNotContain("makerFeeRate", "fundingIntervalHours", "holdingHours", "volatility",
                "probabilityHorizonHours");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "makerFeeRate": "1"                | positions[0].makerFeeRate: must be between -1 and 1 (a fraction, 0.0002 = 0.02 %; negative for a rebate) (got 1)
            "fundingIntervalHours": "0"        | positions[0].fundingIntervalHours: must be > 0 (got 0)
            "holdingHours": "-1"               | positions[0].holdingHours: must be ≥ 0 (got -1)
            "volatility": "12"                 | positions[0].volatility: must be ≥ 0 and ≤ 10 (annualised, a fraction: 0.6 = 60 %) (got 12)
            "probabilityHorizonHours": "-24"   | positions[0].probabilityHorizonHours: must be ≥ 0 (got -24)
            """)
    void aBadCostFieldIsRefusedByName(String replacement, String expected) {
        String name = replacement.substring(1, replacement.indexOf('"', 1));
        String json = WITH_COSTS.replaceFirst("\"" + name + "\": \"[^\"]*\"", replacement);
        assertThat(json).as("the field was replaced").contains(replacement);
        try {
            WorkspaceFile.fromJson(json);
            throw new AssertionError("expected an error for " + json);
        } catch (WorkspaceException e) {
            assertThat(e.getMessage()).isEqualTo(expected);
        }
    }
}
