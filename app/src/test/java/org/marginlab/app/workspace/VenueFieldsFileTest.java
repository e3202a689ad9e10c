package org.marginlab.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Position;
import org.marginlab.engine.VenueParameters;
import org.marginlab.engine.VenueParameters.MmValuation;

/**
 * The workspace additions of spec venues-v2.md §13: {@code asOf}, {@code venue} as
 * {@code id@version}, the per-position venue fields, {@code contract: "quanto"} and a tier row's
 * {@code imr}. All optional: a file without them reads as before (the v1 tests), a file with them
 * keeps every value through a save, and a bad value is refused naming its field.
 */
class VenueFieldsFileTest {

    private static final String EVERY_FIELD = """
            {"format": "marginlab-workspace", "version": 1, "venue": "kucoin@2025-05-22",
             "asOf": "2025-06-01T12:00:00Z", "walletBalance": "1000",
             "positions": [{"id": "p", "symbol": "ETHUSD", "contract": "quanto", "contractSize": "0.000001",
               "side": "long", "quantity": "100", "entryPrice": "2000", "leverage": "10",
               "maintenance": {"mmr": "0.01", "maintenanceAmount": "0", "mmrSlope": "0.00005"},
               "openedAt": "2025-11-10T08:00:00Z", "liquidationFeeRate": "0.001", "initialMarginRate": "0.02",
               "imrSlope": "0.00005", "riskLimit": "200", "imf": "0.05", "mmf": "0.03",
               "openInterestNotional": "1000000", "oiLowerCap": "500000", "oiUpperCap": "2000000",
               "mmValuation": "entry", "fundingRate": "-0.0001", "includeFundingReserve": true}]}
            """;

    @Test
    void everyFieldIsReadWithItsValue() throws Exception {
        ReadResult r = WorkspaceFile.fromJson(EVERY_FIELD);
        assertThat(r.warnings()).as("no field is unknown").isEmpty();
        Workspace w = r.workspace();
        assertThat(w.venueId()).isEqualTo("kucoin@2025-05-22");
        assertThat(w.asOf()).isEqualTo(Instant.parse("2025-06-01T12:00:00Z"));
        Position p = w.positions().get(0);
        assertThat(p.contract()).isEqualTo(ContractType.QUANTO);
        VenueParameters v = p.venueParameters();
        assertThat(v.openedAt()).isEqualTo(Instant.parse("2025-11-10T08:00:00Z"));
        assertThat(v.liquidationFeeRate()).isEqualByComparingTo("0.001");
        assertThat(v.initialMarginRate()).isEqualByComparingTo("0.02");
        assertThat(v.imrSlope()).isEqualByComparingTo("0.00005");
        assertThat(v.mmrSlope()).isEqualByComparingTo("0.00005");
        assertThat(v.riskLimit()).isEqualByComparingTo("200");
        assertThat(v.imf()).isEqualByComparingTo("0.05");
        assertThat(v.mmf()).isEqualByComparingTo("0.03");
        assertThat(v.openInterestNotional()).isEqualByComparingTo("1000000");
        assertThat(v.oiLowerCap()).isEqualByComparingTo("500000");
        assertThat(v.oiUpperCap()).isEqualByComparingTo("2000000");
        assertThat(v.mmValuation()).isEqualTo(MmValuation.ENTRY);
        assertThat(v.fundingRate()).isEqualByComparingTo("-0.0001");
        assertThat(v.includeFundingReserve()).isTrue();
    }

    @Test
    void aSaveKeepsEveryFieldAndWritesTheSameTextTwice() throws Exception {
        Workspace first = WorkspaceFile.fromJson(EVERY_FIELD).workspace();
        String text = WorkspaceFile.toJson(first);
        Workspace second = WorkspaceFile.fromJson(text).workspace();
        assertThat(second).isEqualTo(first);
        assertThat(second.asOf()).isEqualTo(first.asOf());
        assertThat(WorkspaceFile.toJson(second)).isEqualTo(text);
        assertThat(text).contains("\"asOf\": \"2025-06-01T12:00:00Z\"", "\"venue\": \"kucoin@2025-05-22\"",
                "\"mmrSlope\": \"0.00005\"", "\"includeFundingReserve\": true", "\"contract\": \"quanto\"");
    }

    @Test
    void aFileWithoutTheFieldsWritesNoneOfThem() throws Exception {
        String v1 = """
                {"format": "marginlab-workspace", "version": 1, "venue": "binance-usdm", "walletBalance": "1000",
                 "positions": [{"id": "btc", "symbol": "BTCUSDT", "side": "long", "quantity": "1",
                   "entryPrice": "60000", "leverage": "10"}]}
                """;
        Workspace w = WorkspaceFile.fromJson(v1).workspace();
        assertThat(w.asOf()).isNull();
        assertThat(w.positions().get(0).venueParameters()).isEqualTo(VenueParameters.NONE);
        assertThat(WorkspaceFile.toJson(w)).doesNotContain("asOf", "openedAt", "fundingRate", "includeFundingReserve",
                "mmValuation", "riskLimit");
    }

    @Test
    void aDateAloneIsItsStartInUtc() throws Exception {
        Workspace w = WorkspaceFile.fromJson(EVERY_FIELD.replace("2025-06-01T12:00:00Z", "2025-05-22")).workspace();
        assertThat(w.asOf()).isEqualTo(Instant.parse("2025-05-22T00:00:00Z"));
    }

    @Test
    void aTierRowMayGiveItsInitialMarginRate() throws Exception {
        String json = """
                {"format": "marginlab-workspace", "venue": "binance-usdm", "walletBalance": "0",
                 "positions": [{"id": "b", "symbol": "BTCUSDT", "side": "long", "quantity": "1", "entryPrice": "60000",
                   "leverage": "10", "tiers": [{"floor": "0", "cap": "50000", "mmr": "0.004", "maintenanceAmount": "0",
                   "imr": "0.008"}, {"floor": "50000", "mmr": "0.005", "maintenanceAmount": "50", "imr": "0.01"}]}]}
                """;
        ReadResult r = WorkspaceFile.fromJson(json);
        assertThat(r.warnings()).isEmpty();
        // 1/0.008 = 125x, 1/0.01 = 100x
        assertThat(r.workspace().positions().get(0).tiers().tiers().get(0).maxLeverage()).isEqualByComparingTo("125");
        assertThat(r.workspace().positions().get(0).tiers().tiers().get(1).maxLeverage()).isEqualByComparingTo("100");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            "asOf": "yesterday"                  | asOf: must be an ISO-8601 instant such as 2025-05-22T04:00:00Z or a date such as 2025-05-22 (got yesterday)
            "asOf": 20250522                     | asOf: must be a string (got 20250522)
            """)
    void aBadAsOfIsRefusedByName(String field, String expected) {
        String json = EVERY_FIELD.replace("\"asOf\": \"2025-06-01T12:00:00Z\"", field);
        assertThat(message(json)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            "mmValuation": "mark"            | positions[0].mmValuation: must be entry or liquidation (got mark)
            "includeFundingReserve": "yes"   | positions[0].includeFundingReserve: must be true or false (got yes)
            "liquidationFeeRate": "1.5"      | positions[0].liquidationFeeRate: must be < 1 (a fraction, 0.005 = 0.5 %) (got 1.5)
            "riskLimit": "0"                 | positions[0].riskLimit: must be > 0 (got 0)
            "fundingRate": "-2"              | positions[0].fundingRate: must be between -1 and 1 (a fraction, 0.0001 = 0.01 %) (got -2)
            "oiUpperCap": "100"              | positions[0].oiUpperCap: must be ≥ oiLowerCap (500000) (got 100)
            "openedAt": "soon"               | positions[0].openedAt: must be an ISO-8601 instant such as 2025-05-22T04:00:00Z or a date such as 2025-05-22 (got soon)
            """)
    void aBadVenueFieldIsRefusedByName(String replacement, String expected) {
        String name = replacement.substring(1, replacement.indexOf('"', 1));
        String json = EVERY_FIELD.replaceFirst("\"" + name + "\": (\"[^\"]*\"|true)", java.util.regex.Matcher.quoteReplacement(replacement));
        assertThat(json).as("the field was replaced").contains(replacement);
        assertThat(message(json)).isEqualTo(expected);
    }

    @Test
    void anUnknownVersionIsReportedWhenEvaluatedWithTheKnownOnes() throws Exception {
        Workspace w = WorkspaceFile.fromJson(EVERY_FIELD.replace("kucoin@2025-05-22", "binance-usdm@2019-01-01")
                .replace("\"contract\": \"quanto\", ", "")).workspace();
        assertThat(w.venueId()).as("kept as written: the file opens").isEqualTo("binance-usdm@2019-01-01");
        try {
            w.rules();
            throw new AssertionError("expected an error");
        } catch (org.marginlab.engine.ValidationException e) {
            assertThat(e.getMessage()).isEqualTo("venue: names an unknown version of binance-usdm; known: "
                    + "binance-usdm@0000-01-01 (got binance-usdm@2019-01-01)");
        }
    }

    private static String message(String json) {
        try {
            WorkspaceFile.fromJson(json);
        } catch (WorkspaceException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an error for " + json);
    }
}
