package org.marginlab.engine.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.ValidationException;

/**
 * {@link TierTables}: the bundled Binance USDⓈ-M tables match spec margin-formulas.md §1.2
 * (as of 2024-10-24), and the text parser names the line of an error.
 */
class TierTablesTest {
    private static final String HEADER = "floor,cap,maxLeverage,mmr,maintenanceAmount";

    private static TierTable btc() {
        return TierTables.bundled("binance-usdm", "BTCUSDT").orElseThrow();
    }

    private static TierTable eth() {
        return TierTables.bundled("binance-usdm", "ETHUSDT").orElseThrow();
    }

    private static TierTable parse(String text) {
        return TierTables.parse(new StringReader(text));
    }

    /** Asserts one row against the spec table: floor, cap, max leverage, MMR, cum. */
    private static void assertRow(MaintenanceTier t, String floor, String cap, String maxLev, String mmr, String cum) {
        assertThat(t.floor()).as("floor of %s", t).isEqualByComparingTo(floor);
        assertThat(t.cap()).as("cap of %s", t).isEqualByComparingTo(cap);
        assertThat(t.maxLeverage()).as("max leverage of %s", t).isEqualByComparingTo(maxLev);
        assertThat(t.mmr()).as("mmr of %s", t).isEqualByComparingTo(mmr);
        assertThat(t.maintenanceAmount()).as("cum of %s", t).isEqualByComparingTo(cum);
    }

    @Test
    void test_bundled_btcusdt_twelveTiersAsOf20241024() {
        TierTable t = btc();
        assertThat(t.size()).isEqualTo(12);
        assertThat(t.asOf()).isEqualTo("2024-10-24");
        assertThat(t.source()).contains("leverageBracket");
    }

    @Test
    void test_bundled_btcusdt_matchesSpecTable() {
        // spec §1.2 BTCUSDT brackets 1, 2, 3, 6, 7, 12 (MMR % written as fractions)
        TierTable t = btc();
        assertRow(t.tiers().get(0), "0", "50000", "125", "0.004", "0");
        assertRow(t.tiers().get(1), "50000", "600000", "100", "0.005", "50");
        assertRow(t.tiers().get(2), "600000", "3000000", "75", "0.0065", "950");
        assertRow(t.tiers().get(5), "70000000", "100000000", "20", "0.025", "481450");
        assertRow(t.tiers().get(6), "100000000", "230000000", "10", "0.05", "2981450");
        assertRow(t.tiers().get(11), "1200000000", "1800000000", "1", "0.5", "421481450");
    }

    @Test
    void test_bundled_ethusdt_twelveTiersMatchingSpecTable() {
        // spec §1.2 ETHUSDT brackets 1, 5, 6, 7, 11, 12
        TierTable t = eth();
        assertThat(t.size()).isEqualTo(12);
        assertThat(t.asOf()).isEqualTo("2024-10-24");
        assertRow(t.tiers().get(0), "0", "50000", "125", "0.004", "0");
        assertRow(t.tiers().get(4), "12000000", "50000000", "25", "0.02", "131450");
        assertRow(t.tiers().get(5), "50000000", "65000000", "20", "0.025", "381450");
        assertRow(t.tiers().get(6), "65000000", "150000000", "10", "0.05", "2006450");
        assertRow(t.tiers().get(10), "530000000", "800000000", "2", "0.25", "80506450");
        assertRow(t.tiers().get(11), "800000000", "1200000000", "1", "0.5", "280506450");
    }

    @Test
    void test_bundled_btcusdt_recurrenceHandChecked() {
        // cum_7 = cum_6 + floor_7·(MMR_7 − MMR_6) = 481,450 + 100,000,000·0.025 = 2,981,450
        // cum_12 = cum_11 + 1,200,000,000·(0.5 − 0.25) = 121,481,450 + 300,000,000 = 421,481,450
        TierTable t = btc();
        assertThat(t.tiers().get(10).maintenanceAmount()).isEqualByComparingTo("121481450");
        assertThat(t.lookup(new BigDecimal("1500000000")).maintenanceAmount()).isEqualByComparingTo("421481450");
    }

    @Test
    void test_bundled_symbolCaseInsensitive_andCached() {
        assertThat(TierTables.bundled("binance-usdm", " btcusdt ")).containsSame(btc());
    }

    @Test
    void test_bundled_unknownSymbolOrVenue_empty() {
        assertThat(TierTables.bundled("binance-usdm", "ADAUSDT")).isEmpty();
        assertThat(TierTables.bundled("kraken-futures", "BTCUSDT")).isEmpty();
    }

    @Test
    void test_parse_validText_readsCommentsAndOpenEndedCap() {
        TierTable t = parse("# a table\n# asOf: 2025-01-02\n# source: hand\n\n" + HEADER + "\n0,100,,0.01,0\n"
                + "100,,20,0.02,1\n");
        assertThat(t.asOf()).isEqualTo("2025-01-02");
        assertThat(t.source()).isEqualTo("hand");
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.tiers().get(0).maxLeverage()).isNull();
        assertThat(t.tiers().get(1).cap()).isNull();
        // cum_1 = 0 + 100·(0.02 − 0.01) = 1
        assertThat(t.tiers().get(1).maintenanceAmount()).isEqualByComparingTo("1");
    }

    @Test
    void test_parse_badHeader_namesLine() {
        assertThatThrownBy(() -> parse("# comment\nfloor,cap,mmr\n0,100,0.01\n")).isInstanceOf(ValidationException.class)
                .hasMessage("line 2.header: must be '" + HEADER + "' (got floor,cap,mmr)");
    }

    @Test
    void test_parse_missingHeader() {
        assertThatThrownBy(() -> parse("# only a comment\n")).isInstanceOf(ValidationException.class)
                .hasMessage("header: is missing (got no header line)");
    }

    @Test
    void test_parse_badNumber_namesLineAndField() {
        assertThatThrownBy(() -> parse(HEADER + "\n0,100,125,0.01,0\n100,2x0,100,0.02,1\n"))
                .isInstanceOf(ValidationException.class).hasMessage("line 3.cap: must be a decimal number (got 2x0)");
    }

    @Test
    void test_parse_wrongCellCount_namesLine() {
        assertThatThrownBy(() -> parse(HEADER + "\n0,100,125,0.01\n")).isInstanceOf(ValidationException.class)
                .hasMessage("line 2.row: must have 5 comma-separated cells (got 0,100,125,0.01)");
    }

    @Test
    void test_parse_invalidRate_namesLine() {
        assertThatThrownBy(() -> parse(HEADER + "\n0,100,125,1.5,0\n")).isInstanceOf(ValidationException.class)
                .hasMessage("line 2.mmr: must be < 1 (a fraction, 0.005 = 0.5 %) (got 1.5)");
    }

    @Test
    void test_parse_brokenRecurrence_rejected() {
        // cum_1 must be 0 + 100·(0.02 − 0.01) = 1
        assertThatThrownBy(() -> parse(HEADER + "\n0,100,125,0.01,0\n100,,100,0.02,2\n"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("tiers[1].maintenanceAmount: must be 1 = previous amount + floor·(mmr − previous mmr)"
                        + " (got 2)");
    }
}
