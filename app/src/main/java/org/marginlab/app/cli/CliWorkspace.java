package org.marginlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.marginlab.app.model.Drafts;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.Evaluator;
import org.marginlab.app.ui.Formats;
import org.marginlab.app.workspace.ReadResult;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.app.workspace.WorkspaceException;
import org.marginlab.app.workspace.WorkspaceFile;
import org.marginlab.engine.MarginEngine;

/**
 * A workspace read for a command (explain, reconcile, export) the way {@code calc} reads it: the
 * file or standard input, {@code --as-of}, the tier tables ({@code --bundled-tiers}); then
 * evaluated and refused as calc refuses it. The warnings are printed after the work, so nothing
 * is printed for input that is refused.
 *
 * @param read          the file as read, with its warnings
 * @param workspace     the workspace, at {@code --as-of} when given
 * @param tierWarnings  the tier tables' warnings
 */
record CliWorkspace(ReadResult read, Workspace workspace, List<String> tierWarnings) {

    /**
     * @param parent        the root command (its standard input)
     * @param file          the file, or null or {@code -} for standard input
     * @param asOf          the {@code --as-of} instant, or null
     * @param bundledTiers  whether only the bundled tier tables are used
     * @return the workspace read
     * @throws WorkspaceException if the file cannot be read or is not a workspace
     */
    static CliWorkspace read(MarginLabCommand parent, String file, String asOf, boolean bundledTiers)
            throws WorkspaceException {
        ReadResult read = file == null || file.equals("-") ? WorkspaceFile.read(parent.stdin(), "<stdin>")
                : WorkspaceFile.read(Path.of(file));
        Workspace workspace = read.workspace();
        if (asOf != null) {
            workspace = workspace.withAsOf(WorkspaceFile.parseInstant(asOf, "--as-of"));
        }
        return new CliWorkspace(read, workspace, Planner.installTiers(bundledTiers));
    }

    /**
     * The evaluation calc makes of it (no what-if), refused exactly as calc refuses it: the venue's
     * rules located as the contract names fields ({@code positions[i].field}), then every field of
     * the draft ({@link CalcCommand#refuseInvalid}).
     *
     * @return the evaluation in the command line's number format ({@link Locale#ROOT})
     * @throws org.marginlab.engine.ValidationException if the workspace is refused
     */
    Evaluation evaluate() {
        MarginEngine.DEFAULT.evaluate(workspace.toAccount());
        Evaluation evaluation = new Evaluator(Locale.ROOT).evaluate(new Drafts(new Formats(Locale.ROOT)).of(workspace), null);
        CalcCommand.refuseInvalid(evaluation, workspace);
        return evaluation;
    }

    /** Prints the file's and the tier tables' warnings, one {@code warning: } line each. */
    void printWarnings(PrintWriter err) {
        read.warnings().forEach(w -> err.println("warning: " + w));
        tierWarnings.forEach(w -> err.println("warning: " + w));
        err.flush();
    }
}
