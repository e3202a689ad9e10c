package org.marginlab.app.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.marginlab.app.explain.DerivationFormats;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.Evaluator;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.app.workspace.WorkspaceException;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.derivation.Derivation;
import org.marginlab.engine.explain.Explainer;
import org.marginlab.engine.derivation.Figure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code marginlab explain [FILE|-] [--position ID] --figure NAME [--format text|markdown|latex|json]}:
 * prints how the engine derived one figure of a workspace, step by step, with the user's numbers
 * substituted. The workspace is read and evaluated exactly as {@code calc} does (the same draft,
 * the same {@link Evaluator}, the same stored tier tables); the derivation is
 * {@link Explainer#explain} of the evaluation's account at the shocked marks, so it ends at the
 * figure {@code calc} prints. The formats are the Explain panel's Copy formats
 * ({@link DerivationFormats}). Invalid input exits 2 with one line on standard error.
 */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Print the derivation of one figure: every step from the inputs, the formula, the numbers "
                + "substituted and the spec section of its rule.",
        usageHelpAutoWidth = true)
final class ExplainCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format {
        text, markdown, latex, json
    }

    @Spec
    CommandSpec spec;

    @ParentCommand
    MarginLabCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-",
            description = "The workspace file (*.marginlab), or - for standard input (the default).")
    String file;

    @Option(names = "--position", paramLabel = "ID",
            description = "The position whose figure to explain (not needed for an account figure).")
    String position;

    @Option(names = "--figure", paramLabel = "NAME", required = true,
            description = "The figure: one of ${COMPLETION-CANDIDATES}.", completionCandidates = FigureNames.class)
    String figure;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), markdown, latex or json (every value at full precision).")
    Format format;

    @Option(names = "--bundled-tiers",
            description = "Use only the tier tables bundled with MarginLab, not those stored by the app (as calc).")
    boolean bundledTiers;

    /** The figure names, for the help and the error message. */
    static final class FigureNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return names().iterator();
        }

        static List<String> names() {
            // the wallet term is a step of the liquidation and bankruptcy prices, not a figure of its own
            return Arrays.stream(Figure.values()).filter(f -> f != Figure.WALLET_TERM).map(Figure::id).toList();
        }
    }

    @Override
    public Integer call() throws WorkspaceException {
        Figure f = Figure.byId(figure).filter(x -> x != Figure.WALLET_TERM).orElseThrow(() -> new ValidationException(
                "--figure", "NAME must be one of " + String.join(", ", FigureNames.names()), figure));
        CliWorkspace input = CliWorkspace.read(parent, file, null, bundledTiers);
        Workspace workspace = input.workspace();
        if (!f.isAccount()) {
            if (position == null) {
                throw new ValidationException("--position", "ID is needed for the position figure " + f.id()
                        + "; one of " + ids(workspace), null);
            }
            CalcCommand.find(workspace, "--position", position, position);
        }
        // the venue's rules, located as the contract names fields (positions[i].field), as calc
        Evaluation evaluation = input.evaluate();
        Derivation d = Explainer.explain(evaluation.shocked(), f.isAccount() ? null : position, f);

        DerivationFormats formats = DerivationFormats.root();
        String text = switch (format) {
            case text -> formats.text(d);
            case markdown -> formats.markdown(d);
            case latex -> formats.latex(d);
            case json -> formats.json(d);
        };
        input.printWarnings(spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return MarginLabCommand.OK;
    }

    private static String ids(Workspace workspace) {
        return workspace.positions().stream().map(org.marginlab.engine.Position::id).collect(Collectors.joining(", "));
    }
}
