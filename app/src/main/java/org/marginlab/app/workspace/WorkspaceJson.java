package org.marginlab.app.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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

/**
 * Workspace JSON text to a Jackson tree and back, with the one Jackson configuration of the
 * workspace files: the tree model only (no data binding, hence no polymorphic typing; default
 * typing is never enabled), decimals as {@code BigDecimal} with their scale, duplicate keys and
 * trailing content rejected, and limits on everything an attacker controls: nesting deeper than
 * {@value #MAX_NESTING_DEPTH}, strings longer than {@value #MAX_STRING_LENGTH} characters, keys
 * longer than {@value #MAX_KEY_LENGTH}, numbers longer than {@value #MAX_NUMBER_LENGTH}
 * characters, documents longer than {@link WorkspaceText#MAX_FILE_BYTES}.
 *
 * <p>{@link #parse} throws {@link WorkspaceException} (built with {@code syntax}) for malformed
 * or truncated JSON, with the line and column and the JSON path it was in
 * ({@code positions[0].quantity}), for a repeated key (named, with its object), a limit passed
 * (named) and a number out of {@code BigDecimal}'s exponent range; Jackson's hints for
 * programmers are removed from the messages. Whatever fails inside the parser is reported this
 * way, never as a crash. {@link #print} cannot fail on a tree of strings and numbers.
 *
 * <p>Stateless and thread-safe.
 */
final class WorkspaceJson {
    /** Deepest JSON nesting accepted (a workspace needs 5). */
    static final int MAX_NESTING_DEPTH = 64;
    /** Longest JSON string accepted, in characters. */
    static final int MAX_STRING_LENGTH = 100_000;
    /** Longest JSON key accepted, in characters. */
    static final int MAX_KEY_LENGTH = 1_000;
    /** Longest JSON number accepted, in characters. */
    static final int MAX_NUMBER_LENGTH = 100;

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
                            .maxDocumentLength(WorkspaceText.MAX_FILE_BYTES)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // also checked by hand in parse()
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

    private WorkspaceJson() {
    }

    /**
     * The pretty printer of workspace files and of the command line's JSON: two spaces, one
     * field per line, {@code "key": value}, {@code \n} line ends on every platform.
     *
     * @return a new printer, never null
     */
    static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    /**
     * The text of a tree: pretty-printed JSON with a final line break.
     *
     * @param tree  the tree, not null
     * @return the JSON text, never null
     */
    static String print(JsonNode tree) {
        try {
            return WRITER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of strings cannot fail to serialize
        }
    }

    /**
     * Parses JSON text into a tree.
     *
     * @param text    the JSON text, not null
     * @param source  what to call the text in messages, not null
     * @return the tree of the one document in the text, never null nor missing
     * @throws WorkspaceException if the text holds no document, is not well-formed JSON, has
     *         content after the document or passes one of the limits
     */
    static JsonNode parse(String text, String source) throws WorkspaceException {
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
            throw WorkspaceException.io(source, "cannot read: " + WorkspaceException.describe(e), e);
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
        return root;
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
                detail = "JSON longer than " + WorkspaceText.MAX_FILE_BYTES + " characters";
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
}
