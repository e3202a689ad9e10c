package org.marginlab.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.marginlab.app.workspace.Workspace;
import org.marginlab.app.workspace.WorkspaceFile;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.PositionCosts;
import org.marginlab.app.model.PositionResult;
import org.marginlab.engine.transfer.Transfers;
import org.marginlab.engine.whatif.AccountOutcome;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

/**
 * Renders a {@code calc} result: the JSON report of spec workspace-and-cli.md §2.1, or a table
 * for people.
 *
 * <p>JSON: field names and order exactly as §2.1; every amount a JSON number at full precision
 * (trailing zeros dropped, never an exponent); {@code null} where a value does not exist.
 *
 * <p>Table: display rounding only, each with an explicit {@link RoundingMode}. Prices to 2
 * decimals (more for prices below 1000 when needed to show 5 significant digits, at most 8),
 * half-up, as the venues display them (Binance prints the FAQ's liquidation price 26,316.8933 as
 * 26,316.89, spec vector {@code binance-faq-cross-btcusdt}); amounts, ratios and leverage
 * half-up too. Amounts to 2 decimals (8 for coin-settled inverse positions); ratios as
 * percentages with 2 decimals. Numbers use {@code ,} grouping and {@code .} decimals whatever the
 * locale, e.g. {@code 57,228.92}.
 */
final class CalcReport {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private CalcReport() {
    }

    // ---------------------------------------------------------------------------------- JSON

    /**
     * Writes the report of spec workspace-and-cli.md §2.1 with the additions of §4: per position
     * {@code maxAddableMargin} and {@code liquidated}, the account's {@code liquidated}, total
     * equity under the liquidated-state model, and, when what-ifs were given, {@code after}: the
     * whole account with every transfer applied in the order given.
     *
     * @param e    the evaluation (no shock), not null
     * @param out  where to write, not null
     */
    static void writeJson(Evaluation e, Writer out) {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(WorkspaceFile.prettyPrinter());
            g.writeStartObject();
            g.writeStringField("venue", e.risk().venueId());
            g.writeStringField("ruleSet", e.venue().ruleSetId());
            writeState(g, e.risk(), e.outcome(), e, true);
            if (!e.draft().pending().isEmpty()) {
                g.writeObjectFieldStart("after");
                if (e.hasAfter()) {
                    writeState(g, e.afterRisk(), e.afterOutcome(), e, false);
                } else {
                    writeState(g, e.risk(), e.outcome(), e, false);
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The {@code account} object and the {@code positions} array of one state of the account. */
    private static void writeState(JsonGenerator g, AccountRisk risk, AccountOutcome outcome, Evaluation e,
            boolean withWhatIfs) throws IOException {
        g.writeObjectFieldStart("account");
        number(g, "walletBalance", risk.walletBalance());
        number(g, "unrealizedPnl", risk.unrealizedPnl());
        number(g, "marginBalance", risk.marginBalance());
        number(g, "initialMargin", risk.initialMargin());
        number(g, "maintenanceMargin", risk.maintenanceMargin());
        number(g, "marginRatio", risk.marginRatio());
        g.writeStringField("marginRatioDefinition", risk.marginRatioDefinition().id());
        number(g, "availableBalance", risk.availableBalance());
        number(g, "totalEquity", outcome.totalEquity());
        g.writeBooleanField("liquidated", outcome.crossLiquidated());
        g.writeEndObject();
        g.writeArrayFieldStart("positions");
        BigDecimal maxAddable = Transfers.maxAddableMargin(risk);
        for (int i = 0; i < risk.positions().size(); i++) {
            PositionRisk p = risk.positions().get(i);
            boolean liquidated = outcome.liquidated(i);
            boolean cross = p.marginMode() == MarginMode.CROSS;
            g.writeStartObject();
            g.writeStringField("id", p.positionId());
            number(g, "notional", p.notional());
            number(g, "initialMargin", p.initialMargin());
            number(g, "mmr", p.mmr());
            number(g, "maintenanceAmount", p.maintenanceAmount());
            number(g, "maintenanceMargin", p.maintenanceMargin());
            number(g, "unrealizedPnl", p.unrealizedPnl());
            number(g, "roe", p.roe());
            number(g, "marginBalance", p.marginBalance());
            number(g, "marginRatio", p.marginRatio());
            number(g, "liquidationPrice", p.liquidationPrice());
            number(g, "bankruptcyPrice", p.bankruptcyPrice());
            number(g, "effectiveLeverage", p.effectiveLeverage());
            number(g, "maxRemovableMargin", p.maxRemovableMargin());
            number(g, "distanceToLiquidation", liquidated ? null : p.distanceToLiquidation());
            number(g, "maxAddableMargin", cross ? null : maxAddable);
            g.writeBooleanField("liquidated", liquidated);
            number(g, "feeToClose", p.feeToClose());
            PositionResult shownResult = e.position(p.positionId());
            if (withWhatIfs) {
                writeCosts(g, shownResult.costs());
            }
            if (shownResult.tickSize() != null) {
                // venues-v2.md §11: full precision above, and the price as displayed (on the tick)
                number(g, "tickSize", shownResult.tickSize());
                number(g, "liquidationPriceDisplayed", shownResult.shownPrice(p.liquidationPrice()));
                number(g, "bankruptcyPriceDisplayed", shownResult.shownPrice(p.bankruptcyPrice()));
            }
            if (!p.ruleSet().equals(e.venue().ruleSetId())) {
                g.writeStringField("ruleSet", p.ruleSet());
            }
            PositionResult.WhatIfResult w = withWhatIfs ? e.position(p.positionId()).whatIf() : null;
            if (w != null) {
                PositionRisk a = w.after() == null ? p : w.after();
                g.writeObjectFieldStart("whatIf");
                number(g, "marginDelta", w.delta());
                number(g, "isolatedMargin", a.isolatedMargin());
                number(g, "liquidationPrice", a.liquidationPrice());
                number(g, "bankruptcyPrice", a.bankruptcyPrice());
                number(g, "marginRatio", a.marginRatio());
                number(g, "effectiveLeverage", a.effectiveLeverage());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * The position's costs and probability of liquidation, as the app's results show them
     * ({@link PositionCosts}): {@code feeToOpen} (taker, at the entry), {@code feeToCloseAtMark}
     * (taker), {@code projectedFunding} (positive paid), {@code breakEvenPrice} (null when no
     * price breaks even), {@code liquidationProbability} ({@code probability}, {@code volatility},
     * {@code horizonHours}, {@code volatilityTableAsOf}; null when the position is liquidated or no
     * volatility is known).
     */
    private static void writeCosts(JsonGenerator g, PositionCosts c) throws IOException {
        number(g, "feeToOpen", c == null ? null : c.feeToOpen());
        number(g, "feeToCloseAtMark", c == null ? null : c.feeToCloseAtMark());
        number(g, "projectedFunding", c == null ? null : c.projectedFunding());
        number(g, "breakEvenPrice", c == null ? null : c.breakEvenPrice());
        if (c == null || !c.hasProbability()) {
            g.writeNullField("liquidationProbability");
            return;
        }
        g.writeObjectFieldStart("liquidationProbability");
        g.writeNumberField("probability", c.probability());
        g.writeNumberField("volatility", c.volatility());
        number(g, "horizonHours", BigDecimal.valueOf(c.horizonHours()));
        if (c.volatilityAsOf() == null) {
            g.writeNullField("volatilityTableAsOf");
        } else {
            g.writeStringField("volatilityTableAsOf", c.volatilityAsOf().toString());
        }
        g.writeEndObject();
    }

    /**
     * Writes a flat JSON object of numbers, e.g. {@code {"targetPrice": 11000}}.
     *
     * @param fields  name → value in output order; a null value is written as null
     * @param out     where to write, not null
     */
    static void writeNumbers(Map<String, BigDecimal> fields, Writer out) {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(WorkspaceFile.prettyPrinter());
            g.writeStartObject();
            for (Map.Entry<String, BigDecimal> e : fields.entrySet()) {
                number(g, e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an amount at full precision (trailing zeros stripped, 0 as 0), or null. */
    static void number(JsonGenerator g, String field, BigDecimal value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros());
        }
    }

    // --------------------------------------------------------------------------------- table

    static void writeTable(Workspace workspace, String source, Evaluation e, PrintWriter out) {
        AccountRisk risk = e.risk();
        String title = workspace.name() != null ? workspace.name() : source;
        out.println(title + " - venue " + risk.venueId());
        out.println();

        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "SIDE", "MODE", "QTY", "ENTRY", "MARK", "LIQ. PRICE", "BANKRUPTCY",
            "MARGIN RATIO", "UPNL"});
        boolean anyInverse = false;
        for (int i = 0; i < risk.positions().size(); i++) {
            PositionRisk r = risk.positions().get(i);
            Position p = workspace.positions().get(i);
            anyInverse |= p.contract() == ContractType.INVERSE;
            rows.add(new String[] {
                p.id(),
                p.side().id(),
                p.marginMode().id(),
                Display.plain(p.quantity()),
                Display.price(p.entryPrice(), RoundingMode.HALF_UP),
                Display.price(p.markPrice(), RoundingMode.HALF_UP),
                shown(e, r.positionId(), r.liquidationPrice()) + (e.outcome().liquidated(i) ? " (liquidated)" : ""),
                shown(e, r.positionId(), r.bankruptcyPrice()),
                r.marginRatio() == null ? (r.marginMode() == MarginMode.CROSS ? "(account)" : "-")
                        : Display.percent(r.marginRatio()),
                Display.amount(r.unrealizedPnl(), p.contract()),
            });
        }
        boolean[] rightAligned = {false, false, false, true, true, true, true, true, true, true};
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                line.append(rightAligned[c] ? pad(row[c], widths[c], true)
                        : c == row.length - 1 ? row[c] : pad(row[c], widths[c], false));
            }
            out.println(line.toString().stripTrailing());
            if (i > 0) {
                PositionRisk r = risk.positions().get(i - 1);
                PositionResult.WhatIfResult w = e.position(r.positionId()).whatIf();
                if (w != null) {
                    out.println("  " + whatIfLine(e, workspace.positions().get(i - 1), w, w.after() == null ? r : w.after()));
                }
            }
        }
        if (risk.positions().isEmpty()) {
            out.println("(no positions)");
        }
        out.println();
        ContractType unit = anyInverse ? ContractType.INVERSE : ContractType.LINEAR;
        out.println("Account (cross): wallet " + Display.amount(risk.walletBalance(), unit)
                + "  uPnL " + Display.amount(risk.unrealizedPnl(), unit)
                + "  margin balance " + Display.amount(risk.marginBalance(), unit)
                + "  maintenance " + Display.amount(risk.maintenanceMargin(), unit)
                + "  margin ratio " + (risk.marginRatio() == null ? "-" : Display.percent(risk.marginRatio()))
                + " (" + risk.marginRatioDefinition().id() + ")"
                + "  available " + Display.amount(risk.availableBalance(), unit)
                + "  total equity " + Display.amount(e.totalEquity(), unit)
                + (e.crossLiquidated() ? "  (cross account liquidated)" : ""));
        if (!e.draft().pending().isEmpty()) {
            AccountRisk after = e.hasAfter() ? e.afterRisk() : risk;
            BigDecimal equity = e.hasAfter() ? e.afterOutcome().totalEquity() : e.totalEquity();
            out.println("After the what-ifs: wallet " + Display.amount(after.walletBalance(), unit)
                    + "  available " + Display.amount(after.availableBalance(), unit)
                    + "  total equity " + Display.amount(equity, unit));
            for (PositionRisk a : after.positions()) {
                PositionRisk b = risk.position(a.positionId());
                if (!java.util.Objects.equals(a.liquidationPrice(), b.liquidationPrice())) {
                    out.println("  " + a.positionId() + " liq. price " + shown(e, a.positionId(), b.liquidationPrice())
                            + " -> " + shown(e, a.positionId(), a.liquidationPrice()));
                }
            }
        }
        out.flush();
    }

    /**
     * A liquidation or bankruptcy price as the app shows it: on the instrument's tick toward the
     * entry where a tick is known ({@link PositionResult#shownPrice}, spec venues-v2.md §11), then
     * half-up to the displayed digits.
     */
    private static String shown(Evaluation e, String id, BigDecimal price) {
        BigDecimal p = e.position(id).shownPrice(price);
        return p == null ? "none" : Display.price(p, PRICE_ROUNDING);
    }

    private static String whatIfLine(Evaluation e, Position p, PositionResult.WhatIfResult w, PositionRisk a) {
        BigDecimal delta = w.delta();
        return "what-if " + (delta.signum() >= 0 ? "+" : "") + Display.amount(delta, p.contract()) + " margin: "
                + "isolated margin " + Display.amount(a.isolatedMargin(), p.contract())
                + ", liq. price " + shown(e, p.id(), a.liquidationPrice())
                + ", bankruptcy " + shown(e, p.id(), a.bankruptcyPrice())
                + ", margin ratio " + (a.marginRatio() == null ? "-" : Display.percent(a.marginRatio()))
                + ", leverage " + (a.effectiveLeverage() == null ? "-" : Display.leverage(a.effectiveLeverage()));
    }

    /**
     * Liquidation and bankruptcy prices round to the nearest displayed digit, half-up, for both
     * sides: that is how the venues publish them (Binance's 26,316.89 for 26,316.8933).
     */
    private static final RoundingMode PRICE_ROUNDING = RoundingMode.HALF_UP;

    private static String pad(String s, int width, boolean right) {
        if (s.length() >= width) {
            return s;
        }
        String spaces = " ".repeat(width - s.length());
        return right ? spaces + s : s + spaces;
    }
}
