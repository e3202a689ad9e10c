package org.marginlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorReporterTest {
    @TempDir
    Path data;

    @Test
    void anUncaughtException_isLoggedWithItsStackTrace_inTheDataFolder() throws Exception {
        ErrorReporter.install(data);
        ErrorReporter.report(Thread.currentThread(), new IllegalStateException("boom for the log"));
        for (java.util.logging.Handler h : java.util.logging.Logger.getLogger("org.marginlab").getHandlers()) {
            h.flush();
        }
        Path log = data.resolve("logs").resolve("marginlab-0.log");
        assertThat(log).exists();
        String text = Files.readString(log);
        assertThat(text).contains("Uncaught exception on").contains("IllegalStateException: boom for the log")
                .contains("org.marginlab.app.ErrorReporterTest.anUncaughtException");
    }

    @Test
    void aLogThatCannotBeWritten_isToldOnce_namingTheFolder() throws Exception {
        Path notAFolder = Files.writeString(data.resolve("data-is-a-file"), "x");
        ErrorReporter.install(notAFolder);
        assertThat(ErrorReporter.problem()).hasValueSatisfying(p -> assertThat(p)
                .startsWith("The log cannot be written to " + notAFolder.resolve("logs") + " (")
                .endsWith("): unexpected errors are still shown, but their details are not kept."));
        ErrorReporter.install(data);
        assertThat(ErrorReporter.problem()).isEmpty();
    }
}
