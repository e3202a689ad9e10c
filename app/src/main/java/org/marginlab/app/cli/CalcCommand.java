package org.marginlab.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.marginlab.app.workspace.ReadResult;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.app.workspace.WorkspaceException;
import org.marginlab.app.workspace.WorkspaceFile;
import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginChange;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.WhatIf;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code marginlab calc [FILE|-] [--json] [--add-margin ID=AMOUNT]... [--mark ID=PRICE]...}
 * (spec workspace-and-cli.md §2): evaluates a workspace with {@link MarginEngine#DEFAULT}.
 *
 * <p>{@code --mark} replaces a position's mark price before the evaluation;
 * {@code --add-margin} runs {@link MarginEngine#whatIf} for that position, against the
 * workspace with every {@code --mark} applied, and adds its result beside the position's
 * current values. Without a FILE, standard input is read, as with {@code -}.
 */
@Command(name = "calc",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Evaluate a workspace: liquidation and bankruptcy prices, margin ratio, PnL, what-if.",
        usageHelpAutoWidth = true)
final class CalcCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    MarginLabCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-",
            description = "The workspace file (*.marginlab), or - for standard input (the default).")
    String file;

    @Option(names = "--json", description = "Print one JSON document (spec section 2.1) instead of a table.")
    boolean json;

    @Option(names = "--add-margin", paramLabel = "ID=AMOUNT",
            description = "What-if: add (negative: remove) isolated margin to position ID. Repeatable.")
    List<String> addMargin;

    @Option(names = "--mark", paramLabel = "ID=PRICE",
            description = "Override position ID's mark price before evaluating. Repeatable.")
    List<String> mark;

    @Override
    public Integer call() throws WorkspaceException {
        Map<String, BigDecimal> marks = Assignments.parse("--mark", "PRICE", mark);
        Map<String, BigDecimal> margins = Assignments.parse("--add-margin", "AMOUNT", addMargin);

        String source;
        ReadResult read;
        if (file == null || file.equals("-")) {
            source = "<stdin>";
            read = WorkspaceFile.read(parent.stdin(), source);
        } else {
            source = file;
            read = WorkspaceFile.read(Path.of(file));
        }
        Workspace workspace = read.workspace();

        for (Map.Entry<String, BigDecimal> e : marks.entrySet()) {
            Position p = find(workspace, "--mark", e.getKey(), e.getKey() + "=" + e.getValue().toPlainString());
            if (e.getValue().signum() <= 0) {
                throw new ValidationException("--mark", "PRICE must be > 0", e.getKey() + "=" + e.getValue().toPlainString());
            }
            workspace = workspace.withPosition(p.withMarkPrice(e.getValue()));
        }
        for (Map.Entry<String, BigDecimal> e : margins.entrySet()) {
            find(workspace, "--add-margin", e.getKey(), e.getKey() + "=" + e.getValue().toPlainString());
        }

        Account account = workspace.toAccount();
        AccountRisk risk = MarginEngine.DEFAULT.evaluate(account);
        Map<String, WhatIf> whatIfs = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> e : margins.entrySet()) {
            try {
                whatIfs.put(e.getKey(), MarginEngine.DEFAULT.whatIf(account, new MarginChange(e.getKey(), e.getValue())));
            } catch (ValidationException ex) {
                throw ex.path().startsWith("positions[") ? ex : ex.within("positions[" + indexOf(workspace, e.getKey()) + "]");
            }
        }

        // everything computed: now print (nothing reaches stdout on an error above)
        StringWriter text = new StringWriter();
        if (json) {
            CalcReport.writeJson(risk, whatIfs, text);
        } else {
            CalcReport.writeTable(workspace, source, risk, whatIfs, new PrintWriter(text));
        }
        PrintWriter err = spec.commandLine().getErr();
        for (String w : read.warnings()) {
            err.println("warning: " + w);
        }
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return MarginLabCommand.OK;
    }

    private static Position find(Workspace workspace, String option, String id, String spec) {
        for (Position p : workspace.positions()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        StringBuilder ids = new StringBuilder();
        for (Position p : workspace.positions()) {
            ids.append(ids.length() == 0 ? "" : ", ").append(p.id());
        }
        throw new ValidationException(option, workspace.positions().isEmpty()
                ? "ID must name a position, but the workspace has none"
                : "ID must be one of " + ids, spec);
    }

    private static int indexOf(Workspace workspace, String id) {
        List<Position> ps = workspace.positions();
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
