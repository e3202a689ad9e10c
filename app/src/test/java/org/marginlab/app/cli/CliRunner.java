package org.marginlab.app.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import picocli.CommandLine;

/** Runs the command line in-process with captured streams. */
final class CliRunner {
    private CliRunner() {
    }

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        return runWithStdin("", args);
    }

    static Run runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = MarginLabCommand.commandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true));
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        int exit = cl.execute(args);
        return new Run(exit, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
    }

    /** @return a test resource under {@code /<folder>/} as a file path string */
    static String resource(String folder, String name) {
        try {
            return Path.of(CliRunner.class.getResource("/" + folder + "/" + name).toURI()).toString();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource /" + folder + "/" + name, e);
        }
    }
}
