package org.marginlab.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.marginlab.app.planner.LadderInput;
import org.marginlab.app.planner.LadderWarnings;
import org.marginlab.app.workspace.Decimals;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.sizing.LadderStep;
import org.marginlab.engine.sizing.PlannedFill;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code marginlab ladder --side long|short --leverage X (--fill QTY@PRICE | --fill-amount AMOUNT@PRICE)...
 * [--mode isolated|cross --balance AMOUNT] [venue options] [--json]}: a scale-in (DCA) ladder, and
 * after each fill the average entry (linear weighted, inverse harmonic), the margin, the liquidation
 * and bankruptcy prices and the distance from the fill to the liquidation price ({@link org.marginlab.engine.sizing.Ladder}); the fills are read and the warnings
 * worded by the app's ladder rules ({@link LadderInput}, {@link LadderWarnings}).
 *
 * <p>Fills are written {@code QTY@PRICE} as in {@code avg-entry} ({@code 0.1@60000}: 0.1 at
 * 60,000), or {@code AMOUNT@PRICE} with {@code --fill-amount} for an amount in quote (USDT; USD for
 * an inverse contract); both options may be mixed and apply in the order given. A warning names
 * each fill that lies at or beyond the liquidation price of the position before it.
 */
@Command(name = "ladder",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Scale-in ladder: after each planned fill the average entry, margin, liquidation price and distance.",
        usageHelpAutoWidth = true)
final class LadderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--side", required = true, paramLabel = "long|short", description = "Position side.")
    String side;

    @Option(names = "--leverage", required = true, paramLabel = "X", description = "Leverage, e.g. 10.")
    String leverage;

    @Option(names = "--mode", paramLabel = "isolated|cross", defaultValue = "isolated",
            description = "Margin mode (default: ${DEFAULT-VALUE}). Isolated: each fill brings its initial margin. "
                    + "Cross: the position on a wallet of --balance.")
    String mode;

    @Option(names = "--balance", paramLabel = "AMOUNT",
            description = "Cross wallet balance, settlement currency; required with --mode cross.")
    String balance;

    /** The fills in the order given, each "q:" or "a:" followed by the raw value. */
    private final List<String> fills = new ArrayList<>();
    private int quantityFillsSeen;
    private int amountFillsSeen;

    // picocli calls a List setter at each occurrence with all the values so far: take the new ones,
    // so that --fill and --fill-amount keep the order they were given in
    @Option(names = "--fill", paramLabel = "QTY@PRICE",
            description = "A planned fill: its quantity (base units, or contracts for inverse) and price, e.g. 0.1@60000. "
                    + "Repeatable, in the order they fill.")
    void fill(List<String> values) {
        for (; quantityFillsSeen < values.size(); quantityFillsSeen++) {
            fills.add("q:" + values.get(quantityFillsSeen));
        }
    }

    @Option(names = "--fill-amount", paramLabel = "AMOUNT@PRICE",
            description = "A planned fill by its amount in quote (USDT; USD for inverse) and price, e.g. 6000@60000. "
                    + "Repeatable; mixes with --fill in the order given.")
    void fillAmount(List<String> values) {
        for (; amountFillsSeen < values.size(); amountFillsSeen++) {
            fills.add("a:" + values.get(amountFillsSeen));
        }
    }

    @Mixin
    InstrumentOptions instrument;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        Side s = Planner.side(side);
        BigDecimal lev = Planner.positive(leverage, "--leverage");
        MarginMode marginMode;
        try {
            marginMode = MarginMode.parse(mode);
        } catch (ValidationException e) {
            throw new ValidationException("--mode", e.rule(), e.value());
        }
        BigDecimal wallet = null;
        if (marginMode == MarginMode.CROSS) {
            if (balance == null) {
                throw new ValidationException("--balance", "is required with --mode cross (the cross wallet)", null);
            }
            wallet = Planner.notNegative(balance, "--balance");
        } else if (balance != null) {
            throw new ValidationException("--balance", "is only used with --mode cross (isolated: each fill brings "
                    + "its own margin)", balance);
        }
        if (fills.isEmpty()) {
            throw new ValidationException("--fill", "at least one fill is required, e.g. --fill 0.1@60000", null);
        }
        List<PlannedFill> planned = new ArrayList<>(fills.size());
        for (int i = 0; i < fills.size(); i++) {
            planned.add(parseFill(fills.get(i), i + 1));
        }
        InstrumentOptions.Parsed inst = instrument.parse();
        List<String> tierWarnings = Planner.installTiers(instrument.bundledTiers);

        List<LadderStep> steps;
        try {
            steps = LadderInput.plan(inst.venue(), inst.template(s, lev, marginMode).build(), wallet, planned);
        } catch (LadderInput.Invalid e) {
            throw located((ValidationException) e.getCause(), fills);
        } catch (ValidationException e) {
            throw located(e, fills);
        }

        ContractType contract = inst.contract();
        List<String> warnings = new ArrayList<>();
        for (LadderWarnings.Warning warning : LadderWarnings.of(steps, marginMode, wallet, Planner::price,
                a -> Planner.amount(a, contract))) {
            warnings.add(warning.text());
        }

        StringWriter text = new StringWriter();
        if (json) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("venue", inst.venue().id());
            f.put("ruleSet", inst.venue().ruleSetId());
            f.put("symbol", inst.symbol());
            f.put("contract", contract.id());
            f.put("side", s.id());
            f.put("marginMode", marginMode.id());
            f.put("leverage", lev);
            f.put("walletBalance", wallet);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (LadderStep step : steps) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("fill", step.fill());
                row.put("fillPrice", step.fillPrice());
                row.put("fillQuantity", step.fillQuantity());
                row.put("fillAmount", planned.get(step.fill() - 1).amount());
                row.put("quantity", step.quantity());
                row.put("averageEntryPrice", step.averageEntryPrice());
                row.put("notional", step.notional());
                row.put("initialMargin", step.initialMargin());
                row.put("isolatedMargin", step.isolatedMargin());
                row.put("liquidationPrice", step.liquidationPrice());
                row.put("bankruptcyPrice", step.bankruptcyPrice());
                row.put("distanceToLiquidation", step.distanceToLiquidation());
                row.put("liquidated", step.liquidated());
                row.put("nextFillBeyondLiquidation", step.nextFillBeyondLiquidation());
                rows.add(row);
            }
            f.put("steps", rows);
            f.put("warnings", warnings);
            Planner.writeJson(f, text);
        } else {
            PrintWriter w = new PrintWriter(text);
            w.println((inst.symbol() == null ? "(--mmr " + Display.plain(inst.maintenance().mmr()) + ")" : inst.symbol())
                    + " " + s.id() + ", " + marginMode.id() + ", " + Display.plain(lev) + "x on "
                    + inst.venue().ruleSetId()
                    + (wallet == null ? "" : ", cross wallet " + Planner.amount(wallet, contract)));
            w.println();
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"FILL", "PRICE", "FILL QTY", "QTY", "AVG ENTRY",
                marginMode == MarginMode.ISOLATED ? "MARGIN" : "INITIAL MARGIN", "LIQ. PRICE", "DISTANCE", ""});
            for (LadderStep step : steps) {
                rows.add(new String[] {
                    String.valueOf(step.fill()),
                    Planner.price(step.fillPrice()),
                    Planner.quantity(step.fillQuantity()),
                    Planner.quantity(step.quantity()),
                    Planner.price(step.averageEntryPrice()),
                    Planner.amount(marginMode == MarginMode.ISOLATED ? step.isolatedMargin() : step.initialMargin(), contract),
                    Planner.price(step.liquidationPrice()),
                    step.distanceToLiquidation() == null ? "-" : Display.percent(step.distanceToLiquidation()),
                    step.liquidated() ? "liquidated" : step.nextFillBeyondLiquidation() ? "next fill beyond liq." : "",
                });
            }
            int[] widths = new int[rows.get(0).length];
            for (String[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    widths[c] = Math.max(widths[c], row[c].length());
                }
            }
            for (String[] row : rows) {
                StringBuilder b = new StringBuilder();
                for (int c = 0; c < row.length; c++) {
                    if (c > 0) {
                        b.append("  ");
                    }
                    String pad = " ".repeat(widths[c] - row[c].length());
                    b.append(c == 0 || c == row.length - 1 ? row[c] + pad : pad + row[c]);
                }
                w.println(b.toString().stripTrailing());
            }
            for (String warning : warnings) {
                w.println("warning: " + warning);
            }
            w.flush();
        }
        Planner.print(spec, text.toString(), tierWarnings);
        return MarginLabCommand.OK;
    }

    /** Reads fills as the app's ladder does ({@link LadderInput}), numbers as plain decimals. */
    private static final LadderInput INPUT = new LadderInput(t -> Decimals.parse(t, "fill"));

    /**
     * {@code q:QTY@PRICE} or {@code a:AMOUNT@PRICE}, numbered from 1 in messages; the rules are
     * {@link LadderInput#fill}'s, worded with the option.
     */
    private static PlannedFill parseFill(String tagged, int number) {
        boolean amount = tagged.startsWith("a:");
        String option = amount ? "--fill-amount" : "--fill";
        String text = tagged.substring(2);
        String form = amount ? "AMOUNT@PRICE" : "QTY@PRICE";
        String example = amount ? ", e.g. 6000@60000" : ", e.g. 0.1@60000";
        int at = text.indexOf('@');
        if (at <= 0 || at != text.lastIndexOf('@') || at == text.length() - 1) {
            throw new ValidationException(option, "must be " + form + example + " (fill " + number + ")", text);
        }
        String size = text.substring(0, at);
        String price = text.substring(at + 1);
        try {
            return INPUT.fill(number, price, amount ? null : size, amount ? size : null);
        } catch (LadderInput.Invalid e) {
            if (e.kind() == LadderInput.Kind.NOT_POSITIVE) {
                throw new ValidationException(option, (amount ? "AMOUNT" : "QTY") + " and PRICE must be > 0 (fill "
                        + number + ")", text);
            }
            throw new ValidationException(option, "must be " + form + " with decimal numbers" + example + " (fill "
                    + number + ")", text);
        }
    }

    /**
     * A step's engine error under the option that caused it, with the fill's number:
     * {@code fills[1].leverage: must be ≤ 100x…} → {@code --leverage: must be ≤ 100x… (fill 2)}; a
     * position above the tier table's last cap is the fill's ({@code --fill}, its text as typed).
     */
    private static ValidationException located(ValidationException e, List<String> typed) {
        int index = LadderInput.stepOf(e);
        String where = index < 0 ? "" : " (fill " + (index + 1) + ")";
        ValidationException r;
        if (e.field().equals("quantity") && index >= 0) {
            String tagged = typed.get(index);
            r = new ValidationException(tagged.startsWith("a:") ? "--fill-amount" : "--fill",
                    "the position after it (quantity " + e.value() + ") " + e.rule() + where, tagged.substring(2));
        } else {
            String option = null;
            for (int i = 0; option == null && i + 1 < InstrumentOptions.RENAMES.length; i += 2) {
                if (e.field().equals(InstrumentOptions.RENAMES[i])) {
                    option = InstrumentOptions.RENAMES[i + 1];
                }
            }
            if (option == null) {
                return e;
            }
            r = new ValidationException(option, InstrumentOptions.cliRule(e.rule()) + where, e.value());
        }
        r.setStackTrace(e.getStackTrace());
        return r;
    }
}
