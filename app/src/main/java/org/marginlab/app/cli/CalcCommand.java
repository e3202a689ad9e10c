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
import org.marginlab.app.model.Draft;
import org.marginlab.app.model.Drafts;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.Evaluator;
import org.marginlab.app.model.FieldError;
import org.marginlab.app.model.InputField;
import org.marginlab.app.model.PendingError;
import org.marginlab.app.model.PendingTransfer;
import org.marginlab.app.model.PositionResult;
import org.marginlab.app.ui.Formats;
import java.util.ArrayList;
import java.util.Locale;
import org.marginlab.engine.WhatIf;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code marginlab calc [FILE|-] [--json] [--add-margin ID=AMOUNT]... [--mode ID=isolated[:MARGIN]|cross]...
 * [--mark ID=PRICE]...} (spec workspace-and-cli.md §2 and §4): evaluates a workspace with the
 * app's own {@link Evaluator}, on the draft the app would build from the same file.
 *
 * <p>The tier tables are the app's: the bundled ones, with the tables the app stored through Help →
 * Update tier tables ({@code <data folder>/tiers}) in front of them, so that {@code calc} and the
 * window give the same figures; {@code --bundled-tiers} uses the bundled ones only. A stored table
 * that cannot be read is named in a warning and not used. Nothing is fetched.
 *
 * <p>{@code --mark} replaces a position's mark price before the evaluation. {@code --add-margin}
 * and {@code --mode} are what-ifs: transfers between the cross wallet and a position, applied in
 * the order given and bounded as in the app ({@code maxAddableMargin}, {@code maxRemovableMargin},
 * the available balance); the report shows each {@code --add-margin} position's {@code whatIf}
 * and the whole account {@code after} them. Without a FILE, standard input is read, as with
 * {@code -}.
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
            description = "What-if: move AMOUNT from the cross wallet into position ID's isolated margin (negative: "
                    + "back to the wallet). Bounded by maxAddableMargin / maxRemovableMargin. Repeatable.")
    List<String> addMargin;

    @Option(names = "--mode", paramLabel = "ID=isolated[:MARGIN]|cross",
            description = "What-if: switch position ID's margin mode; to isolated it takes MARGIN (default: its initial "
                    + "margin) out of the cross wallet, to cross its isolated margin goes back. Repeatable.")
    List<String> mode;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "Evaluate with the rule-set versions in force at INSTANT (ISO 8601, e.g. 2025-05-22T04:00:00Z "
                    + "or 2025-05-22); overrides the workspace's asOf. Default: the workspace's asOf, else the latest "
                    + "rules.")
    String asOf;

    @Option(names = "--mark", paramLabel = "ID=PRICE",
            description = "Override position ID's mark price before evaluating. Repeatable.")
    List<String> mark;

    @Option(names = "--bundled-tiers",
            description = "Use only the tier tables bundled with MarginLab, not those stored by the app's "
                    + "Help > Update tier tables (by default calc uses the same stored tables as the app).")
    boolean bundledTiers;

    @Override
    public Integer call() throws WorkspaceException {
        Map<String, BigDecimal> marks = Assignments.parse("--mark", "PRICE", mark);
        Map<String, BigDecimal> margins = Assignments.parse("--add-margin", "AMOUNT", addMargin);
        Map<String, String> modes = Assignments.parseModes("--mode", mode);

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
        if (asOf != null) {
            workspace = workspace.withAsOf(WorkspaceFile.parseInstant(asOf, "--as-of"));
        }
        // the tier tables the app stored (Help → Update tier tables), so that calc gives the app's figures;
        // exactly those (clear: run in-process, as the tests do, nothing else stays installed)
        List<String> tierWarnings = Planner.installTiers(bundledTiers);

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
        for (Map.Entry<String, String> e : modes.entrySet()) {
            find(workspace, "--mode", e.getKey(), e.getKey() + "=" + e.getValue());
        }
        // the venue's rules, located as the contract names fields (positions[i].field)
        MarginEngine.DEFAULT.evaluate(workspace.toAccount());

        // the same draft and the same function as the app: the CLI and the GUI cannot disagree
        Draft draft = new Drafts(new Formats(Locale.ROOT)).of(workspace).withPending(pendingInOrder(margins, modes));
        Evaluation evaluation = new Evaluator(Locale.ROOT).evaluate(draft, null);
        refuseInvalid(evaluation, workspace);

        // everything computed: now print (nothing reaches stdout on an error above)
        StringWriter text = new StringWriter();
        if (json) {
            CalcReport.writeJson(evaluation, text);
        } else {
            CalcReport.writeTable(workspace, source, evaluation, new PrintWriter(text));
        }
        PrintWriter err = spec.commandLine().getErr();
        for (String w : read.warnings()) {
            err.println("warning: " + w);
        }
        for (String w : tierWarnings) {
            err.println("warning: " + w);
        }
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return MarginLabCommand.OK;
    }

    /** The what-ifs in the order they were given on the command line (they apply in that order, §4). */
    private List<PendingTransfer> pendingInOrder(Map<String, BigDecimal> margins, Map<String, String> modes) {
        List<PendingTransfer> out = new ArrayList<>();
        List<String> args = spec.commandLine().getParseResult() == null ? List.of()
                : spec.commandLine().getParseResult().originalArgs();
        java.util.Iterator<Map.Entry<String, BigDecimal>> m = margins.entrySet().iterator();
        java.util.Iterator<Map.Entry<String, String>> s = modes.entrySet().iterator();
        for (String a : args) {
            if ("--".equals(a)) {
                break;
            }
            if ((a.equals("--add-margin") || a.startsWith("--add-margin=")) && m.hasNext()) {
                Map.Entry<String, BigDecimal> e = m.next();
                out.add(new PendingTransfer(e.getKey(), PendingTransfer.Kind.MARGIN, e.getValue().toPlainString()));
            } else if ((a.equals("--mode") || a.startsWith("--mode=")) && s.hasNext()) {
                Map.Entry<String, String> e = s.next();
                out.add(new PendingTransfer(e.getKey(), PendingTransfer.Kind.MODE, e.getValue()));
            }
        }
        while (m.hasNext()) {
            Map.Entry<String, BigDecimal> e = m.next();
            out.add(new PendingTransfer(e.getKey(), PendingTransfer.Kind.MARGIN, e.getValue().toPlainString()));
        }
        while (s.hasNext()) {
            Map.Entry<String, String> e = s.next();
            out.add(new PendingTransfer(e.getKey(), PendingTransfer.Kind.MODE, e.getValue()));
        }
        return out;
    }

    /** Exit 2 on the first input the evaluation refuses, naming positions[i].field, the rule and the value. */
    static void refuseInvalid(Evaluation e, Workspace workspace) {
        for (int i = 0; i < e.positions().size(); i++) {
            PositionResult r = e.positions().get(i);
            for (InputField f : InputField.values()) {
                FieldError fe = r.error(f);
                if (fe != null && f != InputField.MARGIN_DELTA) {
                    throw new ValidationException(f.fileField(), fe.rule(), fe.got()).within("positions[" + i + "]");
                }
            }
            if (r.problem() != null) {
                throw new ValidationException(r.problem().field() == null ? "position" : r.problem().field().fileField(),
                        r.problem().rule(), r.problem().got()).within("positions[" + i + "]");
            }
        }
        if (e.walletError() != null) {
            throw new ValidationException("walletBalance", e.walletError().rule(), e.walletError().got());
        }
        if (e.risk() == null) {
            throw new ValidationException("workspace", e.problem().isEmpty() ? "cannot be evaluated" : e.problem(), null);
        }
        if (!e.pendingErrors().isEmpty()) {
            PendingError pe = e.pendingErrors().get(0);
            throw new ValidationException(pe.field(), pe.rule(), pe.got())
                    .within("positions[" + indexOf(workspace, pe.positionId()) + "]");
        }
    }

    static Position find(Workspace workspace, String option, String id, String spec) {
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
