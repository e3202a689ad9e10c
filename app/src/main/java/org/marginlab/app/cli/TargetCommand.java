package org.marginlab.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.marginlab.app.planner.Targets;
import org.marginlab.app.workspace.Decimals;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.sizing.TradeMath;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code marginlab target --side long|short --entry PRICE --leverage X --roe FRACTION
 * [--contract linear|inverse] [--json]} (spec workspace-and-cli.md §2.2): the exit price at which
 * PnL / initial margin equals the requested ROE ({@link TradeMath#targetPrice}, through
 * {@link Targets#exitForRoe}, as the Planner tab's Targets).
 */
@Command(name = "target",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Exit price at which PnL / initial margin reaches a return on equity.",
        usageHelpAutoWidth = true)
final class TargetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--side", required = true, paramLabel = "long|short", description = "Position side.")
    String side;

    @Option(names = "--entry", required = true, paramLabel = "PRICE", description = "Entry price, quote per base.")
    String entry;

    @Option(names = "--leverage", required = true, paramLabel = "X", description = "Leverage, e.g. 10.")
    String leverage;

    @Option(names = "--roe", required = true, paramLabel = "FRACTION",
            description = "Target return on equity as a fraction: 1 = +100 %%, -0.5 = -50 %%.")
    String roe;

    @Option(names = "--contract", paramLabel = "linear|inverse", defaultValue = "linear",
            description = "Contract type (default: ${DEFAULT-VALUE}).")
    String contract;

    @Option(names = "--json", description = "Print {\"targetPrice\": ...}.")
    boolean json;

    @Override
    public Integer call() {
        Side s;
        ContractType type;
        try {
            s = Side.parse(side);
            type = ContractType.parse(contract);
        } catch (ValidationException e) {
            throw new ValidationException("--" + e.field(), e.rule(), e.value());
        }
        BigDecimal entryPrice = Decimals.parse(entry, "--entry");
        BigDecimal lev = Decimals.parse(leverage, "--leverage");
        BigDecimal fraction = Decimals.parse(roe, "--roe");
        BigDecimal target = Targets.exitForRoe(type, s, entryPrice, lev, fraction);

        StringWriter text = new StringWriter();
        if (json) {
            Map<String, BigDecimal> fields = new LinkedHashMap<>();
            fields.put("targetPrice", target);
            CalcReport.writeNumbers(fields, text);
        } else {
            PrintWriter w = new PrintWriter(text);
            w.println("target price  " + Display.price(target, RoundingMode.HALF_UP));
            w.flush();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return MarginLabCommand.OK;
    }
}
