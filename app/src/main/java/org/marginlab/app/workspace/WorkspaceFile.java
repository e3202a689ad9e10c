package org.marginlab.app.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

/**
 * Reads and writes workspace files ({@code *.marginlab}, UTF-8 JSON; spec
 * workspace-and-cli.md §1).
 *
 * <p><b>Reading</b> never writes, locks or touches the file. It refuses, each with one line that
 * names what is wrong and where:
 * <ul>
 *   <li>a file larger than {@value #MAX_FILE_BYTES} bytes (10 MiB), checked from its size before
 *       anything is read, and again while reading (a stream is read at most one byte past the
 *       limit);</li>
 *   <li>an empty file; binary content (a NUL byte); text that is not UTF-8 (UTF-16/32 byte order
 *       marks, invalid byte sequences), with the line, column and byte offset;</li>
 *   <li>malformed or truncated JSON, with the line and column and the JSON path it was in;
 *       trailing content after the document; a key repeated in one object (named); nesting deeper
 *       than {@value #MAX_NESTING_DEPTH}, strings longer than {@value #MAX_STRING_LENGTH}
 *       characters, numbers longer than {@value #MAX_NUMBER_LENGTH} digits or out of
 *       {@code BigDecimal}'s exponent range;</li>
 *   <li>a {@code version} newer than this MarginLab reads ({@code version: must be ≤ 1 (got 2);
 *       this file was written by a newer MarginLab});</li>
 *   <li>any invalid value, by its field path, rule and value, as
 *       {@code positions[2].entryPrice: must be > 0 (got 0)}: wrong JSON types, missing required
 *       fields, {@code NaN}/{@code Infinity}/exponents in decimal strings, numbers with more than
 *       30 integer or fraction digits ({@code 1e400}), negative or zero sizes, bad enum values,
 *       duplicate position ids, more than {@value #MAX_POSITIONS} positions or
 *       {@value #MAX_TIERS} tiers, text that is not valid Unicode (an unpaired surrogate such as
 *       U+D800, which JSON can carry as an escape).</li>
 * </ul>
 * The JSON is parsed into a tree with safe settings: no polymorphic typing and no binding to
 * classes at all (the tree is mapped by hand to the engine's types, so that every error names
 * its field), decimals as {@code BigDecimal} with their scale, duplicate keys and trailing tokens
 * rejected, and the {@link StreamReadConstraints} above. Numbers may be JSON numbers or decimal
 * strings ({@link Decimals}); a JSON number in exponent form within range is accepted and kept
 * exactly ({@code 1.5e3} reads as {@code 1500}). Unknown fields are ignored with a warning. The
 * tree is upgraded to the newest layout by {@link WorkspaceMigrations} before it is mapped.
 * Defaults follow §1: {@code contract} linear, {@code contractSize} 1, {@code markPrice} the
 * entry price, {@code marginMode} isolated, {@code isolatedMargin} the initial margin at entry
 * (left unset in the {@link Position}; the engine applies it), {@code walletBalance} 0 (required
 * when a position is cross), {@code format} {@value #FORMAT} and {@code version} 1 when absent.
 * A venue id this version does not know is accepted here and reported, by the field
 * {@code venue}, when the workspace is evaluated ({@link Workspace#toAccount()}), so the app
 * and the command line give the same one line for it.
 *
 * <p><b>Writing</b> produces decimal strings ({@code BigDecimal.toPlainString}, scale kept),
 * the fields in the contract's order, optional fields omitted when unset, two-space
 * indentation, {@code \n} line ends, UTF-8. Fields the engine always has a value for
 * ({@code contract}, {@code contractSize}, {@code markPrice}, {@code marginMode}) are always
 * written. The text is read back before anything touches the disk, so a workspace this class
 * could not read again is refused instead of saved. {@link #write} replaces the file atomically
 * and keeps the previous version as {@code <name>.bak}; see {@link AtomicSave} for the
 * crash-safety argument.
 *
 * <p>This class is the facade of the format; the work is done, one responsibility each, by
 * {@link WorkspaceText} (bytes to text: size limit, strict UTF-8), {@link WorkspaceJson} (text
 * to tree and back: Jackson's configuration and limits, syntax errors with line, column and
 * path), {@link WorkspaceMapping} with {@link JsonFields} (tree to {@link Workspace} and back:
 * defaults, field-path errors, warnings) and {@link AtomicSave} (temporary file, backup, atomic
 * rename).
 *
 * <p>Stateless and thread-safe.
 */
public final class WorkspaceFile {
    /** The value of the {@code format} field. */
    public static final String FORMAT = WorkspaceMapping.FORMAT;
    /** The version of the files this code writes, and the newest it reads. */
    public static final int VERSION = WorkspaceMigrations.CURRENT_VERSION;
    /** The file name extension, with its dot. */
    public static final String EXTENSION = ".marginlab";
    /** What {@link #write} appends to a file's name for the previous version it keeps. */
    public static final String BACKUP_SUFFIX = AtomicSave.BACKUP_SUFFIX;
    /** Largest file read, in bytes (10 MiB). */
    public static final int MAX_FILE_BYTES = WorkspaceText.MAX_FILE_BYTES;
    /** Deepest JSON nesting accepted (a workspace needs 5). */
    public static final int MAX_NESTING_DEPTH = WorkspaceJson.MAX_NESTING_DEPTH;
    /** Longest JSON string accepted, in characters. */
    public static final int MAX_STRING_LENGTH = WorkspaceJson.MAX_STRING_LENGTH;
    /** Longest JSON key accepted, in characters. */
    public static final int MAX_KEY_LENGTH = WorkspaceJson.MAX_KEY_LENGTH;
    /** Longest JSON number accepted, in characters. */
    public static final int MAX_NUMBER_LENGTH = WorkspaceJson.MAX_NUMBER_LENGTH;
    /** Most positions in a workspace. */
    public static final int MAX_POSITIONS = WorkspaceMapping.MAX_POSITIONS;

    /**
     * Parses an evaluation instant as the workspace's {@code asOf} is read: ISO 8601
     * ({@code 2025-05-22T04:00:00Z}), or a date alone ({@code 2025-05-22}, its start in UTC).
     *
     * @param text   the text, not null
     * @param field  the field or option to name in the error
     * @return the instant, never null
     * @throws ValidationException naming {@code field} if the text is neither
     */
    public static java.time.Instant parseInstant(String text, String field) {
        return VenueFieldsMapping.parseInstant(text.strip(), field);
    }
    /** Most tiers in one position's explicit tier table. */
    public static final int MAX_TIERS = WorkspaceMapping.MAX_TIERS;
    /** Most warnings one read reports (a further one says that there are more). */
    public static final int MAX_WARNINGS = WorkspaceMapping.MAX_WARNINGS;

    private WorkspaceFile() {
    }

    /**
     * The pretty printer of workspace files and of the command line's JSON: two spaces, one
     * field per line, {@code "key": value}, {@code \n} line ends on every platform.
     *
     * @return a new printer, never null
     */
    public static DefaultPrettyPrinter prettyPrinter() {
        return WorkspaceJson.prettyPrinter();
    }

    // ------------------------------------------------------------------------------- reading

    /**
     * Reads a workspace file. The file is only read: never written, locked or touched.
     *
     * @param file  the file, not null
     * @return the workspace and any warnings, never null
     * @throws WorkspaceException if the file cannot be read, is too large, is not UTF-8 JSON, or
     *         holds an invalid value; the message is one line naming what is wrong and where
     */
    public static ReadResult read(Path file) throws WorkspaceException {
        return parse(WorkspaceText.read(file), file.toString(), WorkspaceMigrations.STANDARD);
    }

    /**
     * Reads a workspace from a stream (e.g. standard input, or a bundled resource). The stream is
     * read to its end, or to one byte past {@value #MAX_FILE_BYTES}, and not closed.
     *
     * @param in          the UTF-8 JSON, not null
     * @param sourceName  what to call the source in messages, e.g. the file name or
     *                    {@code <stdin>}; not null
     * @return the workspace and any warnings, never null
     * @throws WorkspaceException if the stream cannot be read, is not JSON, or holds an invalid value
     */
    public static ReadResult read(InputStream in, String sourceName) throws WorkspaceException {
        return parse(WorkspaceText.read(in, sourceName), sourceName, WorkspaceMigrations.STANDARD);
    }

    /**
     * Reads a workspace from JSON text.
     *
     * @param json  the JSON text, not null
     * @return the workspace and any warnings, never null
     * @throws WorkspaceException if the text is not JSON or holds an invalid value
     */
    public static ReadResult fromJson(String json) throws WorkspaceException {
        return fromJson(json, WorkspaceMigrations.STANDARD);
    }

    /**
     * Reads a workspace from JSON text with other migrations (tests of the version path).
     *
     * @param json        the JSON text, not null
     * @param migrations  the versions to accept and how to upgrade them, not null
     * @return the workspace and any warnings, never null
     * @throws WorkspaceException if the text is not JSON or holds an invalid value
     */
    static ReadResult fromJson(String json, WorkspaceMigrations migrations) throws WorkspaceException {
        String source = "<text>";
        return parse(WorkspaceText.of(json, source), source, migrations);
    }

    private static ReadResult parse(String text, String source, WorkspaceMigrations migrations)
            throws WorkspaceException {
        return WorkspaceMapping.read(WorkspaceJson.parse(text, source), migrations);
    }

    // ------------------------------------------------------------------------------- writing

    /**
     * The file text of a workspace: pretty-printed JSON with a final line break.
     *
     * @param workspace  the workspace, not null
     * @return the JSON text, never null
     */
    public static String toJson(Workspace workspace) {
        return WorkspaceJson.print(WorkspaceMapping.tree(workspace));
    }

    /**
     * Saves a workspace file crash-safely and keeps the previous version as
     * {@code <file name>.bak} (e.g. {@code btc.marginlab.bak}) beside it.
     *
     * <p>The text is produced and read back in memory; a workspace that could not be read again
     * (a value outside the file's limits, text that is not valid Unicode) is refused before the
     * disk is touched. The text is then written to a temporary file in the same folder, forced
     * to the device, the old file is kept as the backup, and the temporary file is renamed
     * atomically over the file ({@link AtomicSave}, which also argues why a process killed at
     * any instant leaves the file old or new and the backup previous or old). If the backup
     * cannot be made the save fails and the file is unchanged.
     *
     * <p>An existing file's POSIX permissions are kept; a symbolic link is followed (its target
     * is replaced and the backup is made beside the target).
     *
     * @param workspace  the workspace, not null
     * @param file       the destination, not null
     * @throws IOException if the folder is not writable, the destination is a folder, or the
     *         disk is full; the file is then unchanged
     * @throws ValidationException (or another {@link IllegalArgumentException} naming the field)
     *         if the workspace holds a value the file format cannot carry; nothing is written
     */
    public static void write(Workspace workspace, Path file) throws IOException {
        String text = toJson(workspace);
        checkReadable(text);
        AtomicSave.replace(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the text back: what cannot be read again must not be saved. */
    private static void checkReadable(String text) {
        try {
            fromJson(text);
        } catch (WorkspaceException e) {
            if (e.validation() != null) {
                throw e.validation();
            }
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
