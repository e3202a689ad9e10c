package org.marginlab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import javafx.application.Platform;
import javafx.scene.control.Alert;

/**
 * The last line of defence: an uncaught exception is logged once, with its stack trace, to a
 * rotating log in the data folder ({@code <data>/logs/marginlab-N.log}, 3 files of 1 MB), and
 * the user sees a short message saying where the log is; never a stack-trace dialog. The
 * application carries on.
 */
final class ErrorReporter {
    private static final Logger LOG = Logger.getLogger("org.marginlab");
    private static Path logFolder;
    private static long lastShown;
    /** Why the log cannot be written, or null when it can. */
    private static volatile String problem;

    private ErrorReporter() {
    }

    /** @return the folder of the log files, or null when the log could not be set up */
    static Path logFolder() {
        return problem == null ? logFolder : null;
    }

    /**
     * Installs the handler for every thread, the JavaFX application thread included.
     *
     * @param dataFolder  the data folder, not null
     */
    static void install(Path dataFolder) {
        logFolder = dataFolder.resolve("logs");
        try {
            Files.createDirectories(logFolder);
            FileHandler handler = new FileHandler(logFolder.resolve("marginlab-%g.log").toString(), 1_000_000, 3, true);
            handler.setFormatter(new SimpleFormatter());
            LOG.addHandler(handler);
            problem = null;
        } catch (IOException | RuntimeException e) {
            // without a log file the message still goes to standard error; the user is told once
            String reason = e instanceof IOException io ? org.marginlab.app.workspace.WorkspaceException.oneLine(
                    io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage()) : String.valueOf(e.getMessage());
            problem = "The log cannot be written to " + logFolder + " (" + reason
                    + "): unexpected errors are still shown, but their details are not kept.";
        }
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> report(thread, error));
    }

    /** @return why the log cannot be written (one line naming the folder), or empty when it can */
    static java.util.Optional<String> problem() {
        return java.util.Optional.ofNullable(problem);
    }

    static void report(Thread thread, Throwable error) {
        LOG.log(Level.SEVERE, "Uncaught exception on " + thread.getName(), error);
        Runnable show = () -> {
            long now = System.currentTimeMillis();
            if (now - lastShown < 5000) {
                return;
            }
            lastShown = now;
            Alert alert = new Alert(Alert.AlertType.ERROR, "MarginLab hit an unexpected problem ("
                    + error.getClass().getSimpleName() + "). Your workspace is kept and autosaved; you can go on working.\n\n"
                    + (problem != null || logFolder == null ? "Details could not be kept: the log cannot be written"
                            + (logFolder == null ? "" : " to " + logFolder) + "."
                            : "Details were written to " + logFolder.resolve("marginlab-0.log") + "."));
            alert.setHeaderText("Something went wrong");
            alert.show();
        };
        try {
            if (Platform.isFxApplicationThread()) {
                show.run();
            } else {
                Platform.runLater(show);
            }
        } catch (RuntimeException e) {
            // the toolkit is not running: the log has it
        }
    }
}
