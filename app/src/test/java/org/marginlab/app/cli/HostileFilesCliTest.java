package org.marginlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marginlab.app.cli.CliRunner.Run;
import org.marginlab.app.workspace.HostileFiles;
import org.marginlab.app.workspace.HostileFiles.Case;

import picocli.CommandLine;

/**
 * {@code marginlab calc} on hostile files (the same catalog as the reader's tests): exit status
 * 2, nothing on standard output, exactly the one line on standard error, for a file and for
 * standard input; the file is left as it was.
 */
class HostileFilesCliTest {

    @TempDir
    Path dir;

    static Stream<Case> cases() {
        return HostileFiles.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aHostileFileGivesOneLineAndExitStatusTwo(Case c) throws Exception {
        Path file = dir.resolve("hostile.marginlab");
        byte[] bytes = c.content().get();
        Files.write(file, bytes);
        assertRefused(run(new byte[0], "calc", "--json", file.toString()), c.expectedFor(file.toString()));
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileStandardInputGivesOneLineAndExitStatusTwo(Case c) {
        assertRefused(run(c.content().get(), "calc", "-"), c.expectedFor("<stdin>"));
    }

    private static void assertRefused(Run run, String expectedLine) {
        assertThat(run.exit()).as("exit status").isEqualTo(2);
        assertThat(run.out()).as("stdout").isEmpty();
        assertThat(run.err()).isEqualTo(expectedLine + "\n");
    }

    /** {@link CliRunner#runWithStdin} with raw bytes on standard input (binary cases). */
    private static Run run(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = MarginLabCommand.commandLine(new ByteArrayInputStream(stdin), new PrintWriter(out, true),
                new PrintWriter(err, true));
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        int exit = cl.execute(args);
        return new Run(exit, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
    }
}
