package org.marginlab.app.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * What a path names, said before anything opens it: the app only ever reads workspaces and
 * preferences from regular files. Opening a named pipe (FIFO) for reading blocks until a writer
 * comes, and a device can be read forever, so a path that is neither missing nor a regular file
 * gets a one-line reason instead of an open. Symbolic links are followed.
 *
 * <p>On Linux and macOS the kind comes from the file's mode ({@code unix:mode}: FIFO, character
 * or block device, socket); elsewhere such a path is "not a regular file". Stateless and
 * thread-safe.
 */
public final class FileKind {
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    private FileKind() {
    }

    /**
     * Why {@code path} cannot be read as a file, or empty if it is a regular file.
     *
     * @param path  the path, not null
     * @return empty for a regular file; else one of {@code no such file}, {@code is a folder, not a
     *         file}, {@code is a named pipe (FIFO), not a file}, {@code is a device, not a file},
     *         {@code is a socket, not a file}, {@code is not a regular file}, or
     *         {@code cannot be examined: <the system's reason>}
     */
    public static Optional<String> whyNotAFile(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Optional.of("no such file");
        } catch (IOException | SecurityException e) {
            String reason = e instanceof IOException io ? WorkspaceException.describe(io) : e.getMessage();
            return Optional.of("cannot be examined: " + reason);
        }
        if (attributes.isRegularFile()) {
            return Optional.empty();
        }
        if (attributes.isDirectory()) {
            return Optional.of("is a folder, not a file");
        }
        return Optional.of(special(path));
    }

    private static String special(Path path) {
        try {
            Object mode = Files.getAttribute(path, "unix:mode");
            if (mode instanceof Integer m) {
                switch (m & S_IFMT) {
                    case S_IFIFO:
                        return "is a named pipe (FIFO), not a file";
                    case S_IFCHR:
                    case S_IFBLK:
                        return "is a device, not a file";
                    case S_IFSOCK:
                        return "is a socket, not a file";
                    default:
                        break;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            // no unix view (Windows): the generic reason below
        }
        return "is not a regular file";
    }
}
