package org.marginlab.app.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 * and keeps the previous version as {@code <name>.bak}; see there for the crash-safety argument.
 *
 * <p>Stateless and thread-safe.
 */
public final class WorkspaceFile {
    /** The value of the {@code format} field. */
    public static final String FORMAT = "marginlab-workspace";
    /** The version of the files this code writes, and the newest it reads. */
    public static final int VERSION = WorkspaceMigrations.CURRENT_VERSION;
    /** The file name extension, with its dot. */
    public static final String EXTENSION = ".marginlab";
    /** What {@link #write} appends to a file's name for the previous version it keeps. */
    public static final String BACKUP_SUFFIX = ".bak";
    /** Largest file read, in bytes (10 MiB). */
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    /** Deepest JSON nesting accepted (a workspace needs 5). */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest JSON string accepted, in characters. */
    public static final int MAX_STRING_LENGTH = 100_000;
    /** Longest JSON key accepted, in characters. */
    public static final int MAX_KEY_LENGTH = 1_000;
    /** Longest JSON number accepted, in characters. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Most positions in a workspace. */
    public static final int MAX_POSITIONS = 1_000;
    /** Most tiers in one position's explicit tier table. */
    public static final int MAX_TIERS = 100;
    /** Most warnings one read reports (a further one says that there are more). */
    public static final int MAX_WARNINGS = 20;

    private static final Set<String> ROOT_FIELDS = Set.of("format", "version", "name", "venue", "walletBalance",
            "positions");
    private static final Set<String> POSITION_FIELDS = Set.of("id", "symbol", "contract", "contractSize", "side",
            "quantity", "entryPrice", "markPrice", "leverage", "marginMode", "isolatedMargin", "maintenance", "tiers",
            "maxLeverage", "takerFeeRate");
    private static final Set<String> MAINTENANCE_FIELDS = Set.of("mmr", "maintenanceAmount");
    private static final Set<String> TIER_FIELDS = Set.of("floor", "cap", "maxLeverage", "mmr", "maintenanceAmount");

    /**
     * The one Jackson configuration: the tree model only (no data binding, hence no polymorphic
     * typing; default typing is never enabled), with limits on everything an attacker controls.
     */
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .maxNameLength(MAX_KEY_LENGTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .maxDocumentLength(MAX_FILE_BYTES)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // also checked by hand in parse()
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

    private WorkspaceFile() {
    }

    /**
     * The pretty printer of workspace files and of the command line's JSON: two spaces, one
     * field per line, {@code "key": value}, {@code \n} line ends on every platform.
     *
     * @return a new printer, never null
     */
    public static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
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
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw WorkspaceException.io(source, "is a directory, not a workspace file", null);
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw tooLarge(source);
            }
            try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ)) {
                bytes = readBounded(in, source);
            }
        } catch (NoSuchFileException e) {
            throw WorkspaceException.io(source, "no such file", e);
        } catch (AccessDeniedException e) {
            throw WorkspaceException.io(source, "permission denied", e);
        } catch (IOException e) {
            throw WorkspaceException.io(source, "cannot read: " + describe(e), e);
        }
        return parse(decode(bytes, source), source, WorkspaceMigrations.STANDARD);
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
        byte[] bytes;
        try {
            bytes = readBounded(in, sourceName);
        } catch (IOException e) {
            throw WorkspaceException.io(sourceName, "cannot read: " + describe(e), e);
        }
        return parse(decode(bytes, sourceName), sourceName, WorkspaceMigrations.STANDARD);
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
        if (json.length() > MAX_FILE_BYTES) {
            throw tooLarge(source);
        }
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        if (text.isBlank()) {
            throw WorkspaceException.io(source, "is empty, not a workspace file", null);
        }
        return parse(text, source, migrations);
    }

    private static WorkspaceException tooLarge(String source) {
        return WorkspaceException.io(source, "is too large: a workspace file has at most " + (MAX_FILE_BYTES >> 20)
                + " MiB (" + MAX_FILE_BYTES + " bytes)", null);
    }

    private static byte[] readBounded(InputStream in, String source) throws IOException, WorkspaceException {
        byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw tooLarge(source);
        }
        return bytes;
    }

    /**
     * The text of a file's bytes: strict UTF-8 (a UTF-8 byte order mark is skipped), refusing
     * empty, binary and otherwise encoded content with the position of the first bad byte.
     */
    static String decode(byte[] bytes, String source) throws WorkspaceException {
        if (bytes.length == 0) {
            throw WorkspaceException.io(source, "is empty (0 bytes), not a workspace file", null);
        }
        if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
            throw WorkspaceException.io(source, "is UTF-32 text; a workspace file must be UTF-8", null);
        }
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            throw WorkspaceException.io(source, "is UTF-16 text; a workspace file must be UTF-8", null);
        }
        int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw WorkspaceException.syntax(source, lineOf(bytes, i), columnOf(bytes, i),
                        "binary data, not a workspace file (a NUL byte at byte offset " + i + ")", null);
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            throw WorkspaceException.syntax(source, lineOf(bytes, at), columnOf(bytes, at),
                    String.format("not UTF-8 text (invalid byte 0x%02X at byte offset %d); a workspace file is UTF-8 JSON",
                            bytes[at] & 0xFF, at), null);
        }
        out.flip();
        String text = out.toString();
        if (text.isBlank()) {
            throw WorkspaceException.io(source, "is empty, not a workspace file", null);
        }
        return text;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The 1-based line of a byte offset. */
    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The 1-based column (in characters, counting UTF-8 lead bytes) of a byte offset. */
    private static int columnOf(byte[] bytes, int offset) {
        int column = 1;
        for (int i = offset - 1; i >= 0 && bytes[i] != '\n'; i--) {
            if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return column;
    }

    private static ReadResult parse(String text, String source, WorkspaceMigrations migrations)
            throws WorkspaceException {
        JsonNode root;
        JsonParser parser = null;
        try {
            parser = MAPPER.createParser(text);
            root = MAPPER.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw WorkspaceException.syntax(source, at.getLineNr(), at.getColumnNr(),
                        "malformed JSON: unexpected content after the end of the document", null);
            }
        } catch (JsonProcessingException e) {
            throw syntaxError(e, parser, source);
        } catch (IOException e) {
            throw WorkspaceException.io(source, "cannot read: " + describe(e), e);
        } catch (RuntimeException e) {
            // Jackson lets a few number errors through unwrapped (1e999999999999:
            // NumberFormatException "Exponent overflow"); whatever fails inside the parser is a
            // property of the text, so it is reported like a syntax error, never as a crash
            throw runtimeParseError(e, parser, source);
        } finally {
            closeQuietly(parser);
        }
        if (root == null || root.isMissingNode()) {
            throw WorkspaceException.io(source, "is empty, not a workspace file", null);
        }
        try {
            return new Mapping(migrations).workspace(root);
        } catch (ValidationException e) {
            throw WorkspaceException.invalid(e);
        } catch (NewerVersionException e) {
            throw WorkspaceException.field("version", e.getMessage());
        }
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // reading from memory: nothing to release
            }
        }
    }

    private static WorkspaceException syntaxError(JsonProcessingException e, JsonParser parser, String source) {
        JsonLocation at = e.getLocation();
        if (at == null && parser != null) {
            // constraint errors carry no location of their own; the parser's current location
            // depends on how far it has buffered, the start of its current token does not
            at = parser.currentTokenLocation();
        }
        int line = at == null ? -1 : at.getLineNr();
        int column = at == null ? -1 : at.getColumnNr();
        String original = String.valueOf(e.getOriginalMessage());
        String detail;
        if (e instanceof StreamConstraintsException) {
            if (original.contains("nesting depth")) {
                detail = "JSON nested deeper than " + MAX_NESTING_DEPTH + " levels";
            } else if (original.contains("String value length")) {
                detail = "JSON string longer than " + MAX_STRING_LENGTH + " characters" + where(parser);
            } else if (original.contains("Name length")) {
                detail = "JSON key longer than " + MAX_KEY_LENGTH + " characters";
            } else if (original.contains("Number value length")) {
                detail = "JSON number longer than " + MAX_NUMBER_LENGTH + " characters" + where(parser);
            } else if (original.contains("Document length")) {
                detail = "JSON longer than " + MAX_FILE_BYTES + " characters";
            } else {
                detail = "JSON too large: " + firstLine(original);
            }
        } else if (original.startsWith("Duplicate field '") && original.endsWith("'")) {
            String key = original.substring("Duplicate field '".length(), original.length() - 1);
            String object = parser == null ? "" : pathOf(parser.getParsingContext(), false);
            detail = "duplicate key \"" + key + "\" in " + (object.isEmpty() ? "the top-level object" : object)
                    + ": a key may appear only once in an object";
        } else if (e instanceof JsonEOFException || original.startsWith("Unexpected end-of-input")) {
            detail = "truncated JSON: the text ends before the document is complete (" + plain(original) + ")";
        } else if (original.startsWith("Trailing token")) {
            detail = "malformed JSON: unexpected content after the end of the document";
        } else if (original.startsWith("Non-standard token '")) {
            String token = original.substring("Non-standard token '".length(), original.indexOf('\'', 20));
            detail = "malformed JSON" + near(parser) + ": " + token
                    + " is not a JSON number (write a finite decimal such as \"0.5\")";
        } else {
            detail = "malformed JSON" + near(parser) + ": " + plain(original);
        }
        return WorkspaceException.syntax(source, line, column, detail, e);
    }

    private static WorkspaceException runtimeParseError(RuntimeException e, JsonParser parser, String source) {
        JsonLocation at = parser == null ? null : parser.currentLocation();
        String detail;
        if (e instanceof NumberFormatException || e instanceof ArithmeticException) {
            java.util.regex.Matcher value = QUOTED_VALUE.matcher(String.valueOf(e.getMessage()));
            detail = "JSON number out of range" + where(parser)
                    + (value.find() ? " (got " + abbreviate(value.group(1)) + ")" : "");
        } else {
            detail = "malformed JSON" + near(parser) + ": " + plain(String.valueOf(e.getMessage()));
        }
        return WorkspaceException.syntax(source, at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(),
                detail, e);
    }

    /** " in positions[0].quantity" for the value the parser is reading, or "" at the top level. */
    private static String where(JsonParser parser) {
        return place(parser, " in ");
    }

    /**
     * " near positions[0].quantity" for the last key or element the parser reached (a syntax
     * error may be in its value or just after it), or "" at the top level.
     */
    private static String near(JsonParser parser) {
        return place(parser, " near ");
    }

    private static String place(JsonParser parser, String preposition) {
        if (parser == null) {
            return "";
        }
        String path = pathOf(parser.getParsingContext(), true);
        return path.isEmpty() ? "" : preposition + path;
    }

    /**
     * The field path of a parsing context, as the error messages write it:
     * {@code positions[0].maintenance.mmr}.
     *
     * @param context      the context, may be null
     * @param includeLeaf  whether to include the innermost context's own key or index
     */
    static String pathOf(JsonStreamContext context, boolean includeLeaf) {
        List<JsonStreamContext> chain = new ArrayList<>();
        for (JsonStreamContext c = context; c != null; c = c.getParent()) {
            chain.add(0, c);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < chain.size(); i++) {
            JsonStreamContext c = chain.get(i);
            if (i == chain.size() - 1 && !includeLeaf) {
                break;
            }
            if (c.inObject() && c.getCurrentName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                b.append('[').append(c.getCurrentIndex()).append(']');
            }
        }
        return WorkspaceException.oneLine(b.length() > 200 ? b.substring(0, 200) + "…" : b.toString());
    }

    private static final Pattern QUOTED_VALUE = Pattern.compile("Value \"([^\"]*)\"");

    /** Jackson's hints for programmers ("enable `JsonReadFeature…` to allow"), which mean nothing to a user. */
    private static final Pattern JACKSON_HINTS = Pattern.compile(
            ": enable `[^`]*` to allow| \\(bound as `[^`]*`\\)|: not allowed as per `[^`]*`"
                    + "| \\(not recognized as one since Feature '[^']*' not enabled for parser\\)"
                    + "|; (?:maybe|use) `[^`]*`.*$");

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** The first line of a parser message without Jackson's programmer hints. */
    private static String plain(String message) {
        return JACKSON_HINTS.matcher(firstLine(message)).replaceAll("");
    }

    private static final Pattern SOURCE_REF =
            Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");

    /** The first line of a parser message, with Jackson's "[Source: …; line: 1, column: 1]" shortened. */
    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        line = SOURCE_REF.matcher(line).replaceAll("line $1, column $2");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemException) {
            String reason = ((FileSystemException) e).getReason();
            if (reason != null) {
                return reason;
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Unchecked carrier of the "newer version" error, whose message differs from the usual form. */
    private static final class NewerVersionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NewerVersionException(String message) {
            super(message, null, false, false);
        }
    }

    /** One mapping run: holds the warnings. */
    private static final class Mapping {
        private final List<String> warnings = new ArrayList<>();
        private final WorkspaceMigrations migrations;

        Mapping(WorkspaceMigrations migrations) {
            this.migrations = migrations;
        }

        ReadResult workspace(JsonNode file) {
            if (!file.isObject()) {
                throw new ValidationException("(root)", "must be a JSON object", show(file));
            }
            JsonNode format = present(file, "format");
            if (format != null && !(format.isTextual() && FORMAT.equals(format.textValue()))) {
                throw new ValidationException("format", "must be " + FORMAT, show(format));
            }
            ObjectNode root = migrations.upgrade((ObjectNode) file, version(file));
            unknownFields(root, ROOT_FIELDS, "");
            String name = optionalText(root, "name");
            String venue = optionalText(root, "venue");
            if (venue == null || venue.isBlank()) {
                throw new ValidationException("venue", "is required", venue == null ? null : "\"" + venue + "\"");
            }
            BigDecimal wallet = optionalDecimal(root, "walletBalance");

            List<Position> positions = new ArrayList<>();
            JsonNode array = present(root, "positions");
            if (array != null) {
                if (!array.isArray()) {
                    throw new ValidationException("positions", "must be an array", show(array));
                }
                if (array.size() > MAX_POSITIONS) {
                    throw new ValidationException("positions", "must hold at most " + MAX_POSITIONS + " positions",
                            array.size() + " positions");
                }
                for (int i = 0; i < array.size(); i++) {
                    String prefix = "positions[" + i + "]";
                    if (!array.get(i).isObject()) {
                        throw new ValidationException(prefix, "must be a JSON object", show(array.get(i)));
                    }
                    try {
                        positions.add(position(array.get(i), prefix));
                    } catch (ValidationException e) {
                        throw e.within(prefix);
                    }
                }
            }
            if (wallet == null) {
                for (Position p : positions) {
                    if (p.marginMode() == MarginMode.CROSS) {
                        throw new ValidationException("walletBalance", "is required when a position is cross", null);
                    }
                }
                wallet = BigDecimal.ZERO;
            }
            return new ReadResult(new Workspace(name, venue.strip(), wallet, positions), warnings);
        }

        /** The file's version, 1 when absent; refuses anything this reader cannot upgrade. */
        private int version(JsonNode root) {
            JsonNode version = present(root, "version");
            if (version == null) {
                return 1;
            }
            int newest = migrations.newestVersion();
            if (!version.isIntegralNumber()) {
                throw new ValidationException("version", newest == 1 ? "must be the integer 1"
                        : "must be an integer from 1 to " + newest, show(version));
            }
            BigInteger v = version.bigIntegerValue();
            if (v.compareTo(BigInteger.valueOf(newest)) > 0) {
                throw new NewerVersionException("version: must be ≤ " + newest + " (got " + show(version)
                        + "); this file was written by a newer MarginLab");
            }
            if (v.compareTo(BigInteger.ONE) < 0) {
                throw new ValidationException("version", newest == 1 ? "must be 1" : "must be ≥ 1", show(version));
            }
            return v.intValue();
        }

        private Position position(JsonNode node, String prefix) {
            unknownFields(node, POSITION_FIELDS, prefix + ".");
            Position.Builder b = Position.builder()
                    .id(requiredText(node, "id"))
                    .symbol(requiredText(node, "symbol"));
            String contract = optionalText(node, "contract");
            if (contract != null) {
                b.contract(ContractType.parse(contract));
            }
            b.contractSize(optionalDecimal(node, "contractSize"));
            b.side(Side.parse(requiredText(node, "side")));
            b.quantity(requiredDecimal(node, "quantity"));
            b.entryPrice(requiredDecimal(node, "entryPrice"));
            b.markPrice(optionalDecimal(node, "markPrice"));
            b.leverage(requiredDecimal(node, "leverage"));
            String mode = optionalText(node, "marginMode");
            if (mode != null) {
                b.marginMode(MarginMode.parse(mode));
            }
            b.isolatedMargin(optionalDecimal(node, "isolatedMargin"));
            JsonNode maintenance = present(node, "maintenance");
            if (maintenance != null) {
                b.maintenance(maintenance(maintenance, prefix + ".maintenance"));
            }
            JsonNode tiers = present(node, "tiers");
            if (tiers != null) {
                b.tiers(tiers(tiers, prefix + ".tiers"));
            }
            b.maxLeverage(optionalDecimal(node, "maxLeverage"));
            b.takerFeeRate(optionalDecimal(node, "takerFeeRate"));
            return b.build();
        }

        private Maintenance maintenance(JsonNode node, String warnPrefix) {
            if (!node.isObject()) {
                throw new ValidationException("maintenance", "must be a JSON object", show(node));
            }
            unknownFields(node, MAINTENANCE_FIELDS, warnPrefix + ".");
            try {
                return new Maintenance(requiredDecimal(node, "mmr"), requiredDecimal(node, "maintenanceAmount"));
            } catch (ValidationException e) {
                // the record names its fields maintenance.mmr, maintenance.maintenanceAmount
                throw e.field().startsWith("maintenance.") || e.path().startsWith("maintenance") ? e
                        : e.within("maintenance");
            }
        }

        private TierTable tiers(JsonNode node, String warnPrefix) {
            if (!node.isArray()) {
                throw new ValidationException("tiers", "must be an array", show(node));
            }
            if (node.size() > MAX_TIERS) {
                throw new ValidationException("tiers", "must hold at most " + MAX_TIERS + " tiers", node.size() + " tiers");
            }
            List<MaintenanceTier> tiers = new ArrayList<>(node.size());
            for (int k = 0; k < node.size(); k++) {
                String where = "tiers[" + k + "]";
                JsonNode t = node.get(k);
                try {
                    if (!t.isObject()) {
                        throw new ValidationException(where, "must be a JSON object", show(t));
                    }
                    unknownFields(t, TIER_FIELDS, warnPrefix + "[" + k + "].");
                    tiers.add(MaintenanceTier.of(requiredDecimal(t, "floor"), optionalDecimal(t, "cap"),
                            optionalDecimal(t, "maxLeverage"), requiredDecimal(t, "mmr"),
                            requiredDecimal(t, "maintenanceAmount")));
                } catch (ValidationException e) {
                    throw e.field().equals(where) ? e : e.within(where);
                }
            }
            return TierTable.of(tiers, "workspace file", null);
        }

        private void unknownFields(JsonNode object, Set<String> known, String prefix) {
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                String key = e.getKey();
                if (!known.contains(key)) {
                    if (warnings.size() < MAX_WARNINGS) {
                        warnings.add(WorkspaceException.oneLine(prefix + key + ": unknown field, ignored"));
                    } else if (warnings.size() == MAX_WARNINGS) {
                        warnings.add("more unknown fields, ignored without further warnings");
                    }
                }
            }
        }
    }

    /** @return the field's node, or null when it is absent or JSON null */
    private static JsonNode present(JsonNode object, String field) {
        JsonNode n = object.get(field);
        return n == null || n.isNull() ? null : n;
    }

    private static String requiredText(JsonNode object, String field) {
        String s = optionalText(object, field);
        if (s == null) {
            throw new ValidationException(field, "is required", null);
        }
        return s;
    }

    private static String optionalText(JsonNode object, String field) {
        JsonNode n = present(object, field);
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            throw new ValidationException(field, "must be a string", show(n));
        }
        return checkText(n.textValue(), field);
    }

    /**
     * Refuses text that is not valid Unicode: JSON can carry an unpaired surrogate such as U+D800
     * as an escape, but no UTF-8 file can hold it, so it could not be saved back exactly.
     */
    static String checkText(String s, String field) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ValidationException(field, String.format(
                        "must be valid Unicode text (an unpaired surrogate \\u%04x at character %d)", (int) c, i),
                        escapeSurrogates(s));
            }
        }
        return s;
    }

    private static String escapeSurrogates(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 80));
        for (int i = 0; i < s.length() && b.length() < 60; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.length() < 60 ? b.toString() : b + "…";
    }

    private static BigDecimal requiredDecimal(JsonNode object, String field) {
        BigDecimal d = optionalDecimal(object, field);
        if (d == null) {
            throw new ValidationException(field, "is required", null);
        }
        return d;
    }

    private static BigDecimal optionalDecimal(JsonNode object, String field) {
        JsonNode n = present(object, field);
        if (n == null) {
            return null;
        }
        if (n.isTextual()) {
            return Decimals.parse(checkText(n.textValue(), field), field);
        }
        if (n.isNumber()) {
            if (n.isFloat() || n.isDouble()) {
                // not produced with USE_BIG_DECIMAL_FOR_FLOATS; guard against NaN/Infinity anyway
                double v = n.doubleValue();
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    throw new ValidationException(field, "must be a finite decimal number", show(n));
                }
            }
            BigDecimal v = Decimals.checkRange(n.decimalValue(), field, n.asText());
            // an exponent form (1.5e3 = 15E+2) is kept exactly, as the plain decimal it writes back as
            return v.scale() < 0 ? v.setScale(0) : v;
        }
        throw new ValidationException(field, "must be a decimal number (a JSON number or a decimal string)", show(n));
    }

    /** A short, one-line rendering of a JSON value for error messages. */
    private static String show(JsonNode n) {
        String s = n.isTextual() ? escapeSurrogates(n.textValue()) : n.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    // ------------------------------------------------------------------------------- writing

    /**
     * The file text of a workspace: pretty-printed JSON with a final line break.
     *
     * @param workspace  the workspace, not null
     * @return the JSON text, never null
     */
    public static String toJson(Workspace workspace) {
        try {
            return WRITER.writeValueAsString(tree(workspace)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of strings cannot fail to serialize
        }
    }

    /**
     * Saves a workspace file crash-safely and keeps the previous version as
     * {@code <file name>.bak} (e.g. {@code btc.marginlab.bak}) beside it.
     *
     * <ol>
     *   <li>The text is produced and read back in memory; a workspace that could not be read
     *       again (a value outside the file's limits, text that is not valid Unicode) is refused
     *       before the disk is touched.</li>
     *   <li>It is written to a new temporary file in the same folder
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
     * name). {@code WorkspaceFileKillTest} checks this by killing a saving child JVM at random
     * instants. If the backup cannot be made the save fails and the file is unchanged.
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
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a directory");
        }
        Path dir = target.getParent();
        String name = target.getFileName().toString();
        Path tmp = dir.resolve(temporaryName(name));
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                copyPermissions(target, tmp);
                keepBackup(target, dir.resolve(name + BACKUP_SUFFIX));
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
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
                        "cannot keep the previous version: " + describe(e) + "; nothing was saved");
            }
        } catch (IOException e) {
            throw new FileSystemException(backup.toString(), null,
                    "cannot keep the previous version: " + describe(e) + "; nothing was saved");
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
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

    private static ObjectNode tree(Workspace w) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        if (w.name() != null) {
            root.put("name", w.name());
        }
        root.put("venue", w.venueId());
        root.put("walletBalance", w.walletBalance().toPlainString());
        ArrayNode positions = root.putArray("positions");
        for (Position p : w.positions()) {
            ObjectNode o = positions.addObject();
            o.put("id", p.id());
            o.put("symbol", p.symbol());
            o.put("contract", p.contract().id());
            o.put("contractSize", p.contractSize().toPlainString());
            o.put("side", p.side().id());
            o.put("quantity", p.quantity().toPlainString());
            o.put("entryPrice", p.entryPrice().toPlainString());
            o.put("markPrice", p.markPrice().toPlainString());
            o.put("leverage", p.leverage().toPlainString());
            o.put("marginMode", p.marginMode().id());
            putDecimal(o, "isolatedMargin", p.isolatedMargin());
            if (p.maintenance() != null) {
                ObjectNode m = o.putObject("maintenance");
                m.put("mmr", p.maintenance().mmr().toPlainString());
                m.put("maintenanceAmount", p.maintenance().maintenanceAmount().toPlainString());
            }
            if (p.tiers() != null) {
                ArrayNode tiers = o.putArray("tiers");
                for (MaintenanceTier t : p.tiers().tiers()) {
                    ObjectNode to = tiers.addObject();
                    to.put("floor", t.floor().toPlainString());
                    putDecimal(to, "cap", t.cap());
                    putDecimal(to, "maxLeverage", t.maxLeverage());
                    to.put("mmr", t.mmr().toPlainString());
                    to.put("maintenanceAmount", t.maintenanceAmount().toPlainString());
                }
            }
            putDecimal(o, "maxLeverage", p.maxLeverage());
            putDecimal(o, "takerFeeRate", p.takerFeeRate());
        }
        return root;
    }

    private static void putDecimal(ObjectNode o, String field, BigDecimal value) {
        if (value != null) {
            o.put(field, value.toPlainString());
        }
    }
}
