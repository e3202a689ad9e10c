package org.marginlab.app.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file's content crash-safely and keeps the previous version as
 * {@code <file name>}{@value #BACKUP_SUFFIX} beside it: the disk side of saving a workspace
 * ({@link WorkspaceFile#write}), which knows nothing of what the bytes mean.
 *
 * <ol>
 *   <li>The bytes are written to a new temporary file in the same folder
 *       ({@code .<name>.<random>.tmp}, created exclusively), which is then forced to the
 *       device ({@link FileChannel#force(boolean) force(true)}) and given the old file's POSIX
 *       permissions.</li>
 *   <li>If the file exists, the previous version is published as the backup: a hard link to
 *       the old file (or, where the file system has none, a forced copy) is made under a
 *       temporary name and renamed atomically over {@code <name>.bak}.</li>
 *   <li>The temporary file is renamed atomically over the file
 *       ({@link StandardCopyOption#ATOMIC_MOVE}), and the folder is forced where the platform
 *       allows it (Linux, macOS), which makes the renames durable.</li>
 * </ol>
 *
 * <p><b>Why a crash cannot leave a mix.</b> The file's name is changed only by the last
 * rename, which the operating system performs atomically: before it the name refers to the
 * complete old file, which nothing here opens for writing; after it, to the complete new file,
 * whose bytes were on the device before the rename was issued (so even after a power cut the
 * name cannot refer to an empty or partial new file, the failure mode of ext4/XFS without the
 * force). The old file is never renamed away, so there is no instant without it. The backup
 * follows the same rule: {@code <name>.bak} refers to the previous backup until its rename
 * and to a complete copy of the old file after it (a hard link shares the old file's data; a
 * copy is forced first). A process killed at any instant therefore leaves the file old or
 * new, the backup previous or old, and at most a hidden temporary file, which is removed on
 * any failure that the process survives (it is not reused: a later save picks a new random
 * name); one left by a killed process is removed by the next save of the same file once it is
 * older than {@link #STALE_AFTER} ({@link #removeStaleTemporaries}). {@code WorkspaceFileKillTest} checks this by killing a saving child JVM at random
 * instants.
 *
 * <p>{@link #replace} throws {@link IOException} if the destination is a folder
 * ({@link FileSystemException} "is a directory"), the folder is not writable or the disk is
 * full (a {@link FileSystemException} that names the file being saved, never the temporary file,
 * with the reason in words: {@link #reason}), and a {@link FileSystemException} naming the backup ("cannot keep the previous version:
 * …; nothing was saved") if the backup cannot be made; in every case the file is unchanged.
 *
 * <p>Used for workspace files and for the stored tier tables ({@code org.marginlab.app.tiers.TierStore}).
 *
 * <p>Stateless.
 */
public final class AtomicSave {
    /** What is appended to a file's name for the previous version kept beside it. */
    public static final String BACKUP_SUFFIX = ".bak";

    private AtomicSave() {
    }

    /**
     * Replaces the content of {@code file} with {@code bytes} as described above. An existing
     * file's POSIX permissions are kept; a symbolic link is followed (its target is replaced and
     * the backup is made beside the target).
     *
     * @param file   the destination, not null
     * @param bytes  the new content, not null
     * @throws IOException if the destination is a folder, the folder is not writable, the disk
     *         is full or the backup cannot be made; the file is then unchanged
     */
    public static void replace(Path file, byte[] bytes) throws IOException {
        Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a directory");
        }
        Path dir = target.getParent();
        String name = target.getFileName().toString();
        removeStaleTemporaries(dir, name);
        Path tmp = dir.resolve(temporaryName(name));
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            } catch (IOException e) {
                // the temporary file is ours, not the user's: the message names the file being saved
                throw new FileSystemException(target.toString(), null, reason(e, dir) + "; nothing was saved");
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                copyPermissions(target, tmp);
                keepBackup(target, dir.resolve(name + BACKUP_SUFFIX));
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new FileSystemException(target.toString(), null, reason(e, dir) + "; nothing was saved");
            }
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                deleteQuietly(tmp);
            }
        }
    }

    /**
     * The reason a file could not be created or written in {@code dir}, in words for the user:
     * {@code permission denied: cannot create files in <dir>}, {@code read-only file system},
     * {@code no space left on the disk}, else the system's reason.
     */
    static String reason(IOException e, Path dir) {
        String reason = WorkspaceException.describe(e);
        String lower = reason.toLowerCase(java.util.Locale.ROOT);
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "the folder " + dir + " does not exist (any more)"; // its message is the temporary file's path
        }
        if (e instanceof java.nio.file.AccessDeniedException || lower.contains("permission denied")) {
            return "permission denied: cannot create files in " + dir;
        }
        if (lower.contains("read-only file system")) {
            return "read-only file system";
        }
        if (lower.contains("no space left")) {
            return "no space left on the disk";
        }
        if (lower.contains("quota")) {
            return "disk quota exceeded";
        }
        if (lower.contains("not a directory")) {
            return dir + " is not a folder";
        }
        return reason;
    }

    /** How old a temporary file of ours must be before a later save of the same file removes it. */
    static final java.time.Duration STALE_AFTER = java.time.Duration.ofMinutes(2);

    /**
     * Removes the temporary files an interrupted save of {@code name} left in {@code dir}: only
     * names of this class's own pattern for that file ({@code .<name>.<hex>.tmp} and
     * {@code .<name>.bak.<hex>.tmp}), only regular files, and only those last modified more than
     * {@link #STALE_AFTER} ago (a save under way in another instance is never that slow). Best
     * effort: a file that cannot be listed or removed is left.
     */
    static void removeStaleTemporaries(Path dir, String name) {
        java.util.regex.Pattern ours = java.util.regex.Pattern.compile(
                "\\." + java.util.regex.Pattern.quote(name) + "(" + java.util.regex.Pattern.quote(BACKUP_SUFFIX)
                        + ")?\\.[0-9a-f]{1,16}\\.tmp");
        java.nio.file.attribute.FileTime before = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(STALE_AFTER));
        try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(dir,
                p -> ours.matcher(p.getFileName().toString()).matches())) {
            for (Path p : entries) {
                try {
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                            && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).compareTo(before) < 0) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    // best effort: leave it
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            // best effort: the save itself reports a folder it cannot use
        }
    }

    /** Removes a temporary file after a failure; a failure here must not hide the first one. */
    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // the first failure is the one to report; a stale temporary is removed by a later save
        }
    }

    private static String temporaryName(String fileName) {
        return "." + fileName + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp";
    }

    /**
     * Makes {@code backup} the complete old file, atomically: a hard link (or a forced copy)
     * under a temporary name, then one atomic rename over the backup.
     */
    private static void keepBackup(Path target, Path backup) throws IOException {
        Path dir = target.getParent();
        Path tmp = dir.resolve(temporaryName(backup.getFileName().toString()));
        boolean moved = false;
        try {
            try {
                Files.createLink(tmp, target);
            } catch (UnsupportedOperationException | IOException e) {
                // no hard links on this file system (FAT, some network shares) or not allowed here
                copyForced(target, tmp);
            }
            Files.move(tmp, backup, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } catch (NoSuchFileException e) {
            // the old file went away meanwhile (another program): there is nothing to keep
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileSystemException(backup.toString(), null,
                        "cannot keep the previous version: " + WorkspaceException.describe(e) + "; nothing was saved");
            }
        } catch (IOException e) {
            throw new FileSystemException(backup.toString(), null,
                    "cannot keep the previous version: " + WorkspaceException.describe(e) + "; nothing was saved");
        } finally {
            if (!moved) {
                deleteQuietly(tmp);
            }
        }
    }

    private static void copyForced(Path from, Path to) throws IOException {
        Files.copy(from, to);
        try (FileChannel ch = FileChannel.open(to, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void copyPermissions(Path from, Path to) {
        try {
            PosixFileAttributeView src = Files.getFileAttributeView(from, PosixFileAttributeView.class);
            PosixFileAttributeView dst = Files.getFileAttributeView(to, PosixFileAttributeView.class);
            if (src != null && dst != null) {
                Set<PosixFilePermission> perms = src.readAttributes().permissions();
                dst.setPermissions(perms);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the file keeps the default permissions
        }
    }

    private static void syncDirectory(Path dir) {
        // makes the renames durable on POSIX; not possible on Windows, where opening a folder fails
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort
        }
    }
}
