package org.marginlab.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.marginlab.app.workspace.Decimals;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.sizing.Fill;
import org.marginlab.engine.sizing.TradeMath;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marginlab avg-entry --contract linear|inverse [--json] QTY@PRICE...}
 * (spec workspace-and-cli.md §2.2): the average entry price of several fills,
 * quantity-weighted for linear and harmonic for inverse ({@link TradeMath#averageEntryPrice}).
 */
@Command(name = "avg-entry",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Average entry price of several fills: quantity-weighted (linear) or harmonic (inverse).",
        usageHelpAutoWidth = true)
final class AvgEntryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--contract", required = true, paramLabel = "linear|inverse",
            description = "Contract type: linear (quantity in base units) or inverse (quantity in contracts).")
    String contract;

    @Option(names = "--json", description = "Print {\"averageEntryPrice\": ..., \"quantity\": ...}.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "QTY@PRICE", description = "A fill: its quantity and price, e.g. 0.5@50000.")
    List<String> fills;

    @Override
    public Integer call() {
        ContractType type;
        try {
            type = ContractType.parse(contract);
        } catch (ValidationException e) {
            throw new ValidationException("--contract", e.rule(), e.value());
        }
        List<Fill> parsed = new ArrayList<>();
        for (int i = 0; i < fills.size(); i++) {
            parsed.add(fill(fills.get(i), "fills[" + i + "]"));
        }
        BigDecimal average = TradeMath.averageEntryPrice(type, parsed);
        BigDecimal quantity = TradeMath.totalQuantity(parsed);

        StringWriter text = new StringWriter();
        if (json) {
            Map<String, BigDecimal> fields = new LinkedHashMap<>();
            fields.put("averageEntryPrice", average);
            fields.put("quantity", quantity);
            CalcReport.writeNumbers(fields, text);
        } else {
            PrintWriter w = new PrintWriter(text);
            w.println("average entry price  " + Display.price(average, RoundingMode.HALF_UP));
            w.println("quantity             " + Display.plain(quantity));
            w.flush();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return MarginLabCommand.OK;
    }

    private static Fill fill(String text, String where) {
        int at = text.indexOf('@');
        if (at < 0 || at != text.lastIndexOf('@')) {
            throw new ValidationException(where, "must be QTY@PRICE, e.g. 0.5@50000", text);
        }
        try {
            return new Fill(Decimals.parse(text.substring(0, at), "quantity"), Decimals.parse(text.substring(at + 1), "price"));
        } catch (ValidationException e) {
            throw e.within(where);
        }
    }
}
