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
}
