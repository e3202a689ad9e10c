package org.marginlab.app.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.marginlab.app.compare.ComparisonRow;
import org.marginlab.app.compare.SidePair;
import org.marginlab.app.export.HandoutModel.Table;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.InputField;
import org.marginlab.app.model.PositionResult;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;

/**
 * The tables as CSV (RFC 4180 through Apache Commons CSV, UTF-8, a header row): numbers written
 * plainly, at full precision, with a point for decimals and no grouping
 * ({@link BigDecimal#toPlainString}, trailing zeros dropped); ratios as fractions (0.25 = 25 %). An empty field is a
 * figure that does not exist (no liquidation price) or a position whose inputs are not valid.
 */
public final class TableCsv {
    /** The positions CSV's columns. */
    public static final List<String> POSITION_COLUMNS = List.of("id", "symbol", "side", "mode", "contract", "quantity",
            "entry_price", "mark_price", "leverage", "isolated_margin", "mark_used", "liquidation_price",
            "bankruptcy_price", "distance_to_liquidation", "margin_ratio", "unrealized_pnl", "notional", "initial_margin",
            "maintenance_margin", "mmr", "maintenance_amount", "margin_balance", "roe", "effective_leverage",
            "liquidated", "currency", "problem");

    private TableCsv() {
    }

    /**
     * The Positions tab's positions with every figure, at full precision. A cross position's
     * margin ratio is the account's (as the tab shows it).
     *
     * @param e  the evaluation, not null
     * @return the table
     */
    public static Table positions(Evaluation e) {
        List<List<String>> rows = new ArrayList<>();
        for (PositionResult r : e.positions()) {
            Position p = r.used();
            PositionRisk k = r.risk();
            List<String> row = new ArrayList<>();
            row.add(r.id());
            row.add(r.draft().symbol());
            row.add(r.draft().side().id());
            row.add(r.draft().mode().id());
            row.add(r.draft().contract().id());
            if (p == null || k == null) {
                row.add(r.draft().text(InputField.QUANTITY));
                row.add(r.draft().text(InputField.ENTRY_PRICE));
                row.add(r.draft().text(InputField.MARK_PRICE));
                row.add(r.draft().text(InputField.LEVERAGE));
                row.add(r.draft().text(InputField.ISOLATED_MARGIN));
                while (row.size() < POSITION_COLUMNS.size() - 2) {
                    row.add("");
                }
                row.add(e.currency());
                row.add(r.problem() == null ? "not valid" : r.problem().message());
                rows.add(row);
                continue;
            }
            boolean cross = p.marginMode() == MarginMode.CROSS;
            BigDecimal ratio = cross ? (e.risk() == null ? null : e.risk().marginRatio()) : k.marginRatio();
            for (BigDecimal v : new BigDecimal[] {p.quantity(), p.entryPrice(), p.markPrice(), p.leverage(),
                cross ? null : p.isolatedMargin(), r.shockedMark(), k.liquidationPrice(), k.bankruptcyPrice(),
                k.distanceToLiquidation(), ratio, k.unrealizedPnl(), k.notional(), k.initialMargin(),
                k.maintenanceMargin(), k.mmr(), k.maintenanceAmount(), k.marginBalance(), k.roe(),
                k.effectiveLeverage()}) {
                row.add(plain(v));
            }
            row.add(Boolean.toString(r.liquidated()));
            row.add(e.currency());
            row.add("");
            rows.add(row);
        }
        return new Table(POSITION_COLUMNS, rows);
    }

    /**
     * The Isolated-vs-cross table: each figure on both sides, at full precision where it is a
     * number, else the text the tab shows ("none", a liquidation).
     *
     * @param rows  the comparison's rows, not null
     * @return the table
     */
    public static Table comparison(List<ComparisonRow> rows) {
        List<String> header = List.of("position", "liquidation_price_isolated", "liquidation_price_cross",
                "distance_isolated", "distance_cross", "margin_ratio_isolated", "margin_ratio_cross",
                "max_loss_isolated", "max_loss_cross", "capital_isolated", "capital_cross");
        List<List<String>> out = new ArrayList<>();
        for (ComparisonRow r : rows) {
            List<String> row = new ArrayList<>();
            row.add(r.positionId());
            for (SidePair p : List.of(r.liquidationPrice(), r.distance(), r.marginRatio(), r.maxLoss(), r.capital())) {
                row.add(p == null ? "" : p.isolatedValue() != null ? plain(p.isolatedValue()) : p.isolated());
                row.add(p == null ? "" : p.crossValue() != null ? plain(p.crossValue()) : p.cross());
            }
            out.add(row);
        }
        return new Table(header, out);
    }

    /**
     * @param table  a table, not null
     * @return its CSV text's bytes, UTF-8, header row first
     */
    public static byte[] bytes(Table table) {
        return text(table).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param table  a table, not null
     * @return its CSV text, header row first, lines ending CRLF (RFC 4180)
     */
    public static String text(Table table) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(table.header().toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (List<String> row : table.rows()) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** @return the number written plainly without trailing zeros (12000, 0.08, 0), or empty for null */
    static String plain(BigDecimal v) {
        return v == null ? "" : v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
