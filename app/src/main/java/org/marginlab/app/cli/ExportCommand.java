package org.marginlab.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.marginlab.app.export.HandoutBuilder;
import org.marginlab.app.export.HandoutModel;
import org.marginlab.app.export.HandoutSections;
import org.marginlab.app.export.TableCsv;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.workspace.AtomicSave;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.app.workspace.WorkspaceException;
import org.marginlab.engine.ValidationException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code marginlab export [FILE|-] [--pdf OUT] [--csv OUT] [--as-of INSTANT] [--bundled-tiers]}:
 * writes the workspace's handout as PDF (positions, every figure, the derivations of the key
 * figures, isolated vs cross, vector charts) and its positions as CSV (every figure at full
 * precision). The workspace is read and checked exactly as {@code calc} does; the handout is
 * gathered by {@link HandoutBuilder} in the command line's number format ({@link Locale#ROOT}:
 * commas for groups, a point for decimals). Each file is written atomically; {@code -} as OUT
 * writes to standard output. Invalid input exits 2 with one line on standard error and writes
 * nothing.
 */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Write the workspace's handout as PDF (positions, every figure, derivations, isolated vs cross, "
                + "charts) and/or its positions as CSV (full precision).",
        footer = {"", "Example:", "  marginlab export class.marginlab --pdf class.pdf --csv positions.csv"},
        usageHelpAutoWidth = true)
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    MarginLabCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-",
            description = "The workspace file (*.marginlab), or - for standard input (the default).")
    String file;

    @Option(names = "--pdf", paramLabel = "OUT", description = "Write the PDF handout to OUT (- for standard output).")
    String pdf;

    @Option(names = "--csv", paramLabel = "OUT",
            description = "Write the positions with every figure as CSV to OUT (- for standard output).")
    String csv;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "Use the rule-set versions in force at INSTANT (ISO 8601, as calc); overrides the workspace's asOf.")
    String asOf;

    @Option(names = "--bundled-tiers",
            description = "Use only the tier tables bundled with MarginLab, not those stored by the app (as calc).")
    boolean bundledTiers;

    @Override
    public Integer call() throws WorkspaceException, IOException {
        if (pdf == null && csv == null) {
            throw new ValidationException("--pdf", "give --pdf OUT, --csv OUT or both", null);
        }
        if ("-".equals(pdf) && "-".equals(csv)) {
            throw new ValidationException("--csv", "only one of --pdf and --csv can be - (standard output)", csv);
        }
        CliWorkspace input = CliWorkspace.read(parent, file, asOf, bundledTiers);
        Workspace workspace = input.workspace();
        // refused exactly as calc refuses it: the venue's rules, then every field of the draft
        Evaluation evaluation = input.evaluate();

        // everything computed before anything is written
        byte[] pdfBytes = null;
        if (pdf != null) {
            // a lesson's step may replay a CSV path beside the lesson file
            Path lessonDir = file == null || file.equals("-") ? null : Path.of(file).toAbsolutePath().getParent();
            HandoutModel model = HandoutBuilder.of(workspace, Locale.ROOT, Instant.now(), null, null, null, lessonDir);
            pdfBytes = HandoutSections.pdf(model, Locale.ROOT);
        }
        byte[] csvBytes = csv == null ? null : TableCsv.bytes(TableCsv.positions(evaluation));

        input.printWarnings(spec.commandLine().getErr());
        write(pdf, pdfBytes, "--pdf");
        write(csv, csvBytes, "--csv");
        return MarginLabCommand.OK;
    }

    private void write(String out, byte[] bytes, String option) throws IOException {
        if (out == null) {
            return;
        }
        if (out.equals("-")) {
            if (option.equals("--csv")) {
                PrintWriter text = spec.commandLine().getOut();
                text.print(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                text.flush();
            } else {
                // a PDF is binary: the process's own stream, not the (character) writer
                System.out.write(bytes);
                System.out.flush();
            }
            return;
        }
        Path target = Path.of(out);
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
            throw new ValidationException(option, "OUT's folder must exist", out);
        }
        try {
            AtomicSave.replace(target, bytes);
        } catch (IOException e) {
            throw new ValidationException(option, "OUT could not be written (" + e.getMessage() + ")", out);
        }
    }
}
