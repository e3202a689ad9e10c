package org.marginlab.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.compare.ComparisonViewModel;
import org.marginlab.app.export.HandoutModel.Table;
import org.marginlab.app.workspace.Samples;
import org.marginlab.engine.MarginEngine;

/** The tables' CSV, parsed back with Commons CSV's own parser. */
class TableCsvTest {

    private static List<CSVRecord> parse(String text, List<String> header) throws IOException {
        try (CSVParser p = CSVParser.parse(new StringReader(text),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(p.getHeaderNames()).isEqualTo(header);
            return p.getRecords();
        }
    }

    private static AccountViewModel account(String sample, Locale locale) {
        AccountViewModel vm = new AccountViewModel(MarginEngine.DEFAULT, locale);
        vm.load(Samples.open(sample));
        return vm;
    }

    @Test
    void positionsRoundTripAtFullPrecisionWithoutGrouping() throws IOException {
        // German number format in the window: the CSV is the same, plain with a point
        AccountViewModel vm = account(Samples.COURSE_CROSS_CASCADE, Locale.GERMANY);
        String text = TableCsv.text(TableCsv.positions(vm.evaluation()));
        List<CSVRecord> rows = parse(text, TableCsv.POSITION_COLUMNS);
        assertThat(rows).extracting(r -> r.get("id")).containsExactly("btc-long", "eth-long", "sol-long");
        CSVRecord btc = rows.get(0);
        assertThat(btc.get("quantity")).isEqualTo("0.2");
        assertThat(btc.get("entry_price")).isEqualTo("60000");
        assertThat(btc.get("side")).isEqualTo("long");
        assertThat(btc.get("mode")).isEqualTo("isolated");
        // LP = (0.2·60,000 − 600)/(0.2·(1 − 0.004)) = 11,400/0.1992, to far more digits than shown
        BigDecimal byHand = new BigDecimal("11400").divide(new BigDecimal("0.1992"), MathContext.DECIMAL64);
        BigDecimal written = new BigDecimal(btc.get("liquidation_price"));
        assertThat(written.subtract(byHand).abs()).isLessThan(new BigDecimal("1e-9"));
        assertThat(btc.get("liquidation_price")).doesNotContain(",").hasSizeGreaterThan(12);
        // margin ratio as a fraction: MM/MB = 0.2·60,000·0.004/600 = 48/600 = 0.08
        assertThat(new BigDecimal(btc.get("margin_ratio"))).isEqualByComparingTo("0.08");
        assertThat(btc.get("liquidated")).isEqualTo("false");
        assertThat(btc.get("currency")).isEqualTo("USDT");
        // every record as long as the header, and the text back out of the parser is the same
        assertThat(rows).allSatisfy(r -> assertThat(r.size()).isEqualTo(TableCsv.POSITION_COLUMNS.size()));
        assertThat(TableCsv.text(new Table(TableCsv.POSITION_COLUMNS,
                rows.stream().map(CSVRecord::toList).toList()))).isEqualTo(text);
    }

    @Test
    void quotesFieldsThatNeedIt() throws IOException {
        Table t = new Table(List.of("a", "b"), List.of(List.of("x, \"y\"", "line\nbreak")));
        String text = TableCsv.text(t);
        assertThat(text).isEqualTo("a,b\r\n\"x, \"\"y\"\"\",\"line\nbreak\"\r\n");
        assertThat(parse(text, List.of("a", "b")).get(0).toList()).containsExactly("x, \"y\"", "line\nbreak");
    }

    @Test
    void comparisonRoundTripsWithBothSides() throws IOException {
        AccountViewModel vm = account(Samples.COURSE_CROSS_CASCADE, Locale.US);
        ComparisonViewModel c = new ComparisonViewModel(vm);
        Table table = TableCsv.comparison(c.rows());
        List<CSVRecord> rows = parse(TableCsv.text(table), table.header());
        assertThat(rows).hasSize(3);
        CSVRecord btc = rows.get(0);
        assertThat(btc.get("position")).isEqualTo("btc-long");
        // isolated as entered: the same liquidation price as on its own, 11,400/0.1992
        BigDecimal iso = new BigDecimal(btc.get("liquidation_price_isolated"));
        assertThat(iso.subtract(new BigDecimal("11400").divide(new BigDecimal("0.1992"), MathContext.DECIMAL64)).abs())
                .isLessThan(new BigDecimal("1e-9"));
        // the most an isolated position loses is its margin: 600
        assertThat(new BigDecimal(btc.get("max_loss_isolated"))).isEqualByComparingTo("600");
        // cross: the whole shared equity, 500 + 600 + 1,200 + 1,000 = 3,300
        assertThat(new BigDecimal(btc.get("max_loss_cross"))).isEqualByComparingTo("3300");
    }
}
