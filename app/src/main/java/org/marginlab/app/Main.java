package org.marginlab.app;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.marginlab.app.cli.MarginLabCommand;
import org.marginlab.app.startup.StartupProbe;
import org.marginlab.app.workspace.WorkspaceFile;

import javafx.application.Application;

/**
 * The single entry point of the launcher.
 * <ul>
 *   <li>No arguments: opens the desktop app.</li>
 *   <li>A first argument that is an existing file ending in {@code .marginlab} (a double-click
 *       on a workspace, the file association): opens the desktop app with that file. Its
 *       absolute path is put in the system property {@value #OPEN_PROPERTY}, which the app reads
 *       with {@link #fileToOpen()}; the arguments are also the app's raw parameters.</li>
 *   <li>Anything else: the command line ({@code marginlab calc …}, {@code --help},
 *       {@code --version}, spec workspace-and-cli.md §2); the process exits with the command's
 *       status. A lone {@code *.marginlab} argument that is not a regular file is reported
 *       in one line with status 2: {@code <file>: no such file}, {@code <file>: is a folder, not a
 *       file}, {@code <file>: is a named pipe (FIFO), not a file} ({@code FileKind}).</li>
 * </ul>
 */
public final class Main {
    /** System property holding the absolute path of the workspace file to open at start, if any. */
    public static final String OPEN_PROPERTY = "marginlab.open";

    private Main() {}

    /**
     * @param args  the launcher's arguments
     */
    public static void main(String[] args) {
        StartupProbe.mark("main");
        if (args.length == 0) {
            launchDesktop(args);
            return;
        }
        if (args[0].toLowerCase(Locale.ROOT).endsWith(WorkspaceFile.EXTENSION)) {
            Path file = pathOrNull(args[0]);
            java.util.Optional<String> notAFile = file == null ? java.util.Optional.of("not a valid path")
                    : org.marginlab.app.workspace.FileKind.whyNotAFile(file);
            if (notAFile.isEmpty()) {
                System.setProperty(OPEN_PROPERTY, file.toAbsolutePath().normalize().toString());
                launchDesktop(args);
                return;
            }
            if (args.length == 1) {
                System.err.println(args[0] + ": " + notAFile.get());
                System.exit(MarginLabCommand.INVALID_INPUT);
            }
        }
        System.exit(MarginLabCommand.execute(args));
    }

    /**
     * Opens the desktop app, or says in one line why it cannot and exits with status
     * {@value #NO_DISPLAY}: no display to open ({@link #noDisplay}), or the JavaFX toolkit failed
     * to start (an unreachable display, say). Never a stack trace, never a process left waiting.
     */
    private static void launchDesktop(String[] args) {
        Optional<String> why = noDisplay(System.getProperty("os.name", ""), System.getenv(),
                System.getProperty("glass.platform"));
        if (why.isPresent()) {
            System.err.println(why.get());
            System.exit(NO_DISPLAY);
        }
        AppStart.begin();
        try {
            Application.launch(MarginLabApp.class, args);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            System.err.println("MarginLab could not open its window (" + root.getMessage()
                    + "); `marginlab calc FILE` gives the figures in a terminal.");
            System.exit(NO_DISPLAY);
        }
    }

    /** The exit status when the desktop app cannot open its window. */
    public static final int NO_DISPLAY = 1;

    /**
     * Why the desktop app cannot open a window here, if it cannot: on Linux, JavaFX draws through
     * X11 (XWayland under Wayland), so without {@code DISPLAY} it has nothing to open, unless the
     * headless Monocle platform is chosen ({@code -Dglass.platform=Monocle}, as the tests do).
     *
     * @param os             the {@code os.name} property
     * @param env            the environment
     * @param glassPlatform  the {@code glass.platform} property, or null
     * @return the one-line message, or empty when a window can be tried
     */
    static Optional<String> noDisplay(String os, java.util.Map<String, String> env, String glassPlatform) {
        if (!os.toLowerCase(Locale.ROOT).contains("linux") || "monocle".equalsIgnoreCase(glassPlatform)) {
            return Optional.empty();
        }
        String display = env.get("DISPLAY");
        if (display != null && !display.isBlank()) {
            return Optional.empty();
        }
        return Optional.of("MarginLab needs a graphical display and found none (DISPLAY is not set): start it from a "
                + "desktop session, or use `marginlab calc FILE` for the figures in a terminal.");
    }

    /**
     * @return the workspace file the launcher was asked to open (system property
     *         {@value #OPEN_PROPERTY}), or empty
     */
    public static Optional<Path> fileToOpen() {
        String p = System.getProperty(OPEN_PROPERTY);
        return p == null || p.isBlank() ? Optional.empty() : Optional.ofNullable(pathOrNull(p));
    }

    private static Path pathOrNull(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
