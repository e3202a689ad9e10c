package org.marginlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MarginLabCommandTest {

    @Test
    void picocliParsesOptionsUnderJpms() {
        MarginLabCommand command = new MarginLabCommand();
        int exit = new CommandLine(command).execute("--venue", "bybit-linear");
        assertThat(exit).isZero();
        assertThat(command.venue()).isEqualTo("bybit-linear");
    }

    @Test
    void printsVersion() {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new MarginLabCommand()).setOut(new PrintWriter(out)).execute("--version");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("MarginLab");
    }
}
