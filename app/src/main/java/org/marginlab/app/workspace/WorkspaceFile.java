package org.marginlab.app.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
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
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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
 * <p><b>Reading</b> parses the JSON into a tree (decimals as {@code BigDecimal}, scale kept;
 * duplicate keys and trailing content rejected; nesting depth, string and number lengths
 * bounded) and maps it by hand to the engine's types, so that every error names the field's
 * path, the rule and the value, as {@code positions[2].entryPrice: must be > 0 (got 0)}.
 * Numbers may be JSON numbers or decimal strings ({@link Decimals}). Unknown fields are ignored
 * with a warning. Defaults follow §1: {@code contract} linear, {@code contractSize} 1,
 * {@code markPrice} the entry price, {@code marginMode} isolated, {@code isolatedMargin} the
 * initial margin at entry (left unset in the {@link Position}; the engine applies it),
 * {@code walletBalance} 0 (required when a position is cross), {@code format}
 * {@value #FORMAT} and {@code version} {@value #VERSION} when absent.
 *
 * <p><b>Writing</b> produces decimal strings ({@code BigDecimal.toPlainString}, scale kept),
 * the fields in the contract's order, optional fields omitted when unset, two-space
 * indentation, {@code \n} line ends, UTF-8. Fields the engine always has a value for
 * ({@code contract}, {@code contractSize}, {@code markPrice}, {@code marginMode}) are always
 * written. {@link #write} replaces the file atomically: a reader sees the old file or the new
 * one, never a partial one.
 *
 * <p>Stateless and thread-safe.
 */
public final class WorkspaceFile {
    /** The value of the {@code format} field. */
    public static final String FORMAT = "marginlab-workspace";
    /** The newest file version this code reads and the version it writes. */
    public static final int VERSION = 1;
    /** The file name extension, with its dot. */
    public static final String EXTENSION = ".marginlab";
    /** Largest file read, in bytes. */
    public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
    /** Deepest JSON nesting accepted (a workspace needs 5). */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest JSON string accepted, in characters. */
    public static final int MAX_STRING_LENGTH = 100_000;
    /** Longest JSON number accepted, in characters. */
    public static final int MAX_NUMBER_LENGTH = 100;

    private static final Set<String> ROOT_FIELDS = Set.of("format", "version", "name", "venue", "walletBalance",
            "positions");
    private static final Set<String> POSITION_FIELDS = Set.of("id", "symbol", "contract", "contractSize", "side",
            "quantity", "entryPrice", "markPrice", "leverage", "marginMode", "isolatedMargin", "maintenance", "tiers",
            "maxLeverage", "takerFeeRate");
    private static final Set<String> MAINTENANCE_FIELDS = Set.of("mmr", "maintenanceAmount");
    private static final Set<String> TIER_FIELDS = Set.of("floor", "cap", "maxLeverage", "mmr", "maintenanceAmount");

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
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
     * Reads a workspace file.
     *
     * @param file  the file, not null
     * @return the workspace and any warnings, never null
     * @throws WorkspaceException if the file cannot be read, is not JSON, or holds an invalid value
     */
    public static ReadResult read(Path file) throws WorkspaceException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw WorkspaceException.io(source, "is a directory, not a workspace file", null);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, source);
        } catch (NoSuchFileException e) {
            throw WorkspaceException.io(source, "no such file", e);
        } catch (AccessDeniedException e) {
            throw WorkspaceException.io(source, "permission denied", e);
        } catch (IOException e) {
            throw WorkspaceException.io(source, "cannot read: " + describe(e), e);
        }
    }

    /**
     * Reads a workspace from a stream (e.g. standard input, or a bundled resource). The stream is
     * read to its end and not closed.
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
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw WorkspaceException.io(sourceName, "cannot read: " + describe(e), e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw WorkspaceException.io(sourceName, "is larger than " + (MAX_FILE_BYTES >> 20) + " MiB", null);
        }
        return parse(bytes, sourceName);
    }

    /**
     * Reads a workspace from JSON text.
     *
     * @param json  the JSON text, not null
     * @return the workspace and any warnings, never null
     * @throws WorkspaceException if the text is not JSON or holds an invalid value
     */
    public static ReadResult fromJson(String json) throws WorkspaceException {
        return parse(json.getBytes(StandardCharsets.UTF_8), "<text>");
    }

    private static ReadResult parse(byte[] bytes, String source) throws WorkspaceException {
        JsonNode root;
        JsonParser parser = null;
        try {
            parser = MAPPER.createParser(bytes);
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
        } finally {
            closeQuietly(parser);
        }
        if (root == null || root.isMissingNode()) {
            throw WorkspaceException.io(source, "is empty, not a workspace file", null);
        }
        try {
            return new Mapping().workspace(root);
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
            at = parser.currentLocation(); // constraint errors carry no location of their own
        }
        int line = at == null ? -1 : at.getLineNr();
        int column = at == null ? -1 : at.getColumnNr();
        String detail;
        if (e instanceof StreamConstraintsException) {
            String m = String.valueOf(e.getOriginalMessage());
            if (m.contains("nesting depth")) {
                detail = "JSON nested deeper than " + MAX_NESTING_DEPTH + " levels";
            } else if (m.contains("String value length")) {
                detail = "JSON string longer than " + MAX_STRING_LENGTH + " characters";
            } else if (m.contains("Number value length")) {
                detail = "JSON number longer than " + MAX_NUMBER_LENGTH + " characters";
            } else {
                detail = "JSON too large: " + firstLine(m);
            }
        } else {
            detail = "malformed JSON: " + firstLine(e.getOriginalMessage());
        }
        return WorkspaceException.syntax(source, line, column, detail, e);
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
        return SOURCE_REF.matcher(line).replaceAll("line $1, column $2");
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

        ReadResult workspace(JsonNode root) {
            if (!root.isObject()) {
                throw new ValidationException("(root)", "must be a JSON object", show(root));
            }
            unknownFields(root, ROOT_FIELDS, "");
            JsonNode format = present(root, "format");
            if (format != null && !(format.isTextual() && FORMAT.equals(format.textValue()))) {
                throw new ValidationException("format", "must be " + FORMAT, show(format));
            }
            JsonNode version = present(root, "version");
            if (version != null) {
                if (!version.isIntegralNumber()) {
                    throw new ValidationException("version", "must be the integer " + VERSION, show(version));
                }
                if (version.bigIntegerValue().compareTo(BigInteger.valueOf(VERSION)) > 0) {
                    throw new NewerVersionException("version: must be ≤ " + VERSION + " (got " + show(version)
                            + "); this file was written by a newer MarginLab");
                }
                if (version.bigIntegerValue().compareTo(BigInteger.ONE) < 0) {
                    throw new ValidationException("version", "must be " + VERSION, show(version));
                }
            }
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
                    warnings.add(WorkspaceException.oneLine(prefix + key + ": unknown field, ignored"));
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
        return n.textValue();
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
            return Decimals.parse(n.textValue(), field);
        }
        if (n.isNumber()) {
            if (n.isFloat() || n.isDouble()) {
                // not produced with USE_BIG_DECIMAL_FOR_FLOATS; guard against NaN/Infinity anyway
                double v = n.doubleValue();
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    throw new ValidationException(field, "must be a finite decimal number", show(n));
                }
            }
            return Decimals.checkRange(n.decimalValue(), field, n.asText());
        }
        throw new ValidationException(field, "must be a decimal number (a JSON number or a decimal string)", show(n));
    }

    /** A short, one-line rendering of a JSON value for error messages. */
    private static String show(JsonNode n) {
        String s = n.isTextual() ? n.textValue() : n.toString();
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
     * Writes a workspace file atomically: the text goes to a temporary file in the same folder,
     * is forced to disk, then replaces {@code file} with one atomic rename. On any failure the
     * temporary file is removed and {@code file} is unchanged. An existing file's POSIX
     * permissions are kept; a symbolic link is followed (its target is replaced).
     *
     * @param workspace  the workspace, not null
     * @param file       the destination, not null
     * @throws IOException if the folder is not writable or the disk is full
     */
    public static void write(Workspace workspace, Path file) throws IOException {
        byte[] bytes = toJson(workspace).getBytes(StandardCharsets.UTF_8);
        Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            copyPermissions(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static void copyPermissions(Path from, Path to) {
        try {
            PosixFileAttributeView src = Files.getFileAttributeView(from, PosixFileAttributeView.class);
            PosixFileAttributeView dst = Files.getFileAttributeView(to, PosixFileAttributeView.class);
            if (src != null && dst != null && Files.exists(from)) {
                Set<PosixFilePermission> perms = src.readAttributes().permissions();
                dst.setPermissions(perms);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the file keeps the default permissions
        }
    }

    private static void syncDirectory(Path dir) {
        // makes the rename durable on POSIX; not possible on Windows, where opening a folder fails
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
