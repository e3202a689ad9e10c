package org.marginlab.app.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;

import org.marginlab.app.workspace.WorkspaceException;
import org.marginlab.engine.ValidationException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code marginlab} command line (spec workspace-and-cli.md §2): {@code calc},
 * {@code avg-entry} and {@code target}; the trade planner's {@code size}, {@code ladder},
 * {@code cost}, {@code max-open}, {@code explain} and {@code reconcile}; {@code export}, the handout as
 * PDF and the positions as CSV.
 *
 * <p>Exit status: 0 on success; 2 on invalid input (a missing or malformed file, an invalid
 * field, an unknown venue, a bad option), with exactly one line on standard error naming the
 * field, the rule and the value, and nothing on standard output; 1 on an internal error (a bug),
 * also one line. No stack trace is printed unless the system property
 * {@code marginlab.debug} is {@code true}.
 */
@Command(name = "marginlab",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Margin, liquidation and what-if calculations for perpetual futures.%n"
                + "Without arguments, or with a .marginlab file, the launcher opens the desktop app.",
        subcommands = {CalcCommand.class, AvgEntryCommand.class, TargetCommand.class, SizeCommand.class,
            LadderCommand.class, CostCommand.class, MaxOpenCommand.class, ExplainCommand.class,
            ReconcileCommand.class, ExportCommand.class, LessonCheckCommand.class},
        usageHelpAutoWidth = true)
public final class MarginLabCommand implements Callable<Integer> {
    /** Exit status on success. */
    public static final int OK = 0;
    /** Exit status of an internal error. */
    public static final int INTERNAL_ERROR = 1;
    /** Exit status of invalid input. */
    public static final int INVALID_INPUT = 2;

    @Spec
    CommandSpec spec;

    private final InputStream stdin;

    /** A command that reads standard input from {@link System#in}. */
    public MarginLabCommand() {
        this(System.in);
    }

    /**
     * @param stdin  what {@code calc -} reads, not null
     */
    public MarginLabCommand(InputStream stdin) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
    }

    InputStream stdin() {
        return stdin;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: one of calc, avg-entry, target, size, ladder, cost, max-open, explain, reconcile, export");
    }

    /**
     * Runs the command line with the process's standard streams.
     *
     * @param args  the arguments, not null
     * @return the exit status
     */
    public static int execute(String... args) {
        return commandLine(System.in, null, null).execute(args);
    }

    /**
     * A configured command line: error handlers that print one line and return
     * {@link #INVALID_INPUT}, and the given streams.
     *
     * @param stdin  what {@code calc -} reads, not null
     * @param out    standard output, or null for picocli's default (System.out)
     * @param err    standard error, or null for picocli's default (System.err)
     * @return the command line, ready to {@code execute(args)}
     */
    public static CommandLine commandLine(InputStream stdin, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new MarginLabCommand(stdin));
        if (out != null) {
            cl.setOut(out);
        }
        if (err != null) {
            cl.setErr(err);
        }
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine sub = ex.getCommandLine();
            String help = sub == null ? "marginlab --help" : sub.getCommandSpec().qualifiedName() + " --help";
            String msg = ex.getMessage();
            return fail(ex.getCommandLine() == null ? cl : ex.getCommandLine(), INVALID_INPUT,
                    (msg == null ? "invalid arguments" : msg) + " (see '" + help + "')", ex);
        });
        cl.setExecutionExceptionHandler((ex, sub, parseResult) -> {
            if (ex instanceof ValidationException || ex instanceof WorkspaceException) {
                return fail(sub, INVALID_INPUT, ex.getMessage(), ex);
            }
            if (ex instanceof ParameterException) {
                return fail(sub, INVALID_INPUT, ex.getMessage(), ex);
            }
            return fail(sub, INTERNAL_ERROR, "internal error: " + ex, ex);
        });
        return cl;
    }

    private static int fail(CommandLine cl, int status, String message, Throwable ex) {
        PrintWriter err = cl.getErr();
        err.println(WorkspaceException.oneLine(message));
        if (Boolean.getBoolean("marginlab.debug")) {
            ex.printStackTrace(err);
        }
        err.flush();
        return status;
    }
}
