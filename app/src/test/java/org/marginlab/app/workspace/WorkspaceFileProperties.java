package org.marginlab.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.ValidationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Generated workspaces, valid and invalid, through load → evaluate → save → load.
 *
 * <ul>
 *   <li>{@link #validWorkspacesRoundTripExactly}: a generated workspace is saved, loaded,
 *       evaluated and saved again; the text and the values come back exactly, and evaluation
 *       either succeeds or refuses with a {@link ValidationException} naming a field path.</li>
 *   <li>{@link #mutatedWorkspacesAreRefusedByNameOrRoundTrip}: a valid file's JSON tree or text
 *       is damaged in one place (wrong type, removed field, negative/zero/huge/NaN/exponent
 *       number, bad enum, unpaired surrogate, duplicate id, future version, unknown field or
 *       venue, truncation, duplicate key, a flipped byte). The result is refused with a
 *       {@link WorkspaceException} whose message starts with the damaged field's path (or names
 *       the line and column), or, when the damage is harmless, it round-trips like a valid one.
 *       No other exception ever escapes.</li>
 * </ul>
 * 5,000 + 5,000 generated workspaces per run; the totals are printed as
 * {@code GENERATED_WORKSPACES=…}.
 */
class WorkspaceFileProperties {

    static final int VALID_TRIES = 5_000;
    static final int MUTATED_TRIES = 5_000;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final Pattern FIELD_PATH =
            Pattern.compile("\\(root\\)|[A-Za-z][A-Za-z0-9]*(\\[\\d+\\])?(\\.[A-Za-z][A-Za-z0-9]*(\\[\\d+\\])?)*");

    private static final AtomicInteger VALID = new AtomicInteger();
    private static final AtomicInteger EVALUATION_REFUSED = new AtomicInteger();
    private static final AtomicInteger VIA_FILE = new AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicLong EVALUATION_NANOS = new java.util.concurrent.atomic.AtomicLong();
    private static final Map<String, Integer> REFUSAL_RULES = new java.util.TreeMap<>();
    private static final Map<Kind, int[]> MUTATED = new EnumMap<>(Kind.class); // [accepted, refused]
    private static Path folder;

    @AfterContainer
    static void report() throws IOException {
        int mutated = 0;
        int refused = 0;
        StringBuilder kinds = new StringBuilder();
        synchronized (MUTATED) {
            for (Map.Entry<Kind, int[]> e : MUTATED.entrySet()) {
                mutated += e.getValue()[0] + e.getValue()[1];
                refused += e.getValue()[1];
                kinds.append(kinds.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                        .append(e.getValue()[1]).append('/').append(e.getValue()[0] + e.getValue()[1]);
            }
        }
        System.out.println("GENERATED_WORKSPACES=" + (VALID.get() + mutated) + " (valid " + VALID.get()
                + ", of which " + EVALUATION_REFUSED.get() + " refused by the engine by field and " + VIA_FILE.get()
                + " saved to disk; mutated " + mutated + ", of which " + refused + " refused by field or location)");
        System.out.println("MUTATIONS refused/generated: " + kinds);
        System.out.println("ENGINE_REFUSALS: " + REFUSAL_RULES + "; evaluation took "
                + EVALUATION_NANOS.get() / 1_000_000 + " ms in all");
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static synchronized Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("workspace-properties");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }

    // ---------------------------------------------------------------- valid workspaces

    @Provide
    Arbitrary<Workspace> workspaces() {
        return WorkspaceArbitraries.workspaces();
    }

    @Property(tries = VALID_TRIES)
    void validWorkspacesRoundTripExactly(@ForAll("workspaces") Workspace w, @ForAll java.util.Random random)
            throws Exception {
        VALID.incrementAndGet();
        String text = WorkspaceFile.toJson(w);
        ReadResult loaded = WorkspaceFile.fromJson(text);
        assertThat(loaded.warnings()).isEmpty();
        assertRoundTrip(loaded.workspace(), text);
        assertThat(loaded.workspace()).isEqualTo(w);
        evaluate(loaded.workspace());
        if (random.nextInt(200) == 0) {
            VIA_FILE.incrementAndGet();
            Path file = folder().resolve("w" + VIA_FILE.get() + ".marginlab");
            WorkspaceFile.write(loaded.workspace(), file);
            WorkspaceFile.write(loaded.workspace(), file); // the second save keeps the first as .bak
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(text);
            assertThat(WorkspaceFile.read(file).workspace()).isEqualTo(w);
            assertThat(WorkspaceFile.read(file.resolveSibling(file.getFileName() + ".bak")).workspace()).isEqualTo(w);
        }
    }

    /** Saving {@code w} gives {@code text} again, and reading that gives {@code w} with every scale. */
    private static void assertRoundTrip(Workspace w, String text) throws WorkspaceException {
        String again = WorkspaceFile.toJson(w);
        assertThat(again).isEqualTo(text);
        Workspace back = WorkspaceFile.fromJson(again).workspace();
        assertThat(back).isEqualTo(w);
        assertThat(WorkspaceFile.toJson(back)).isEqualTo(text);
    }

    /** The engine accepts the workspace, or refuses it by a field path. Nothing else escapes. */
    private static void evaluate(Workspace w) {
        long start = System.nanoTime();
        try {
            MarginEngine.DEFAULT.evaluate(w.toAccount());
        } catch (ValidationException e) {
            EVALUATION_REFUSED.incrementAndGet();
            synchronized (REFUSAL_RULES) {
                REFUSAL_RULES.merge(e.field() + ": " + e.rule().replaceAll("[0-9.]+", "N"), 1, Integer::sum);
            }
            String path = e.path().isEmpty() ? e.field() : e.path() + "." + e.field();
            assertThat(path).matches(FIELD_PATH);
            assertThat(e.getMessage()).startsWith(path + ": ");
        } finally {
            EVALUATION_NANOS.addAndGet(System.nanoTime() - start);
        }
    }

    // ---------------------------------------------------------------- mutated workspaces

    enum Kind {
        WRONG_TYPE, REMOVE, NEGATIVE, ZERO, HUGE, NOT_A_NUMBER, BAD_ENUM, UNPAIRED_SURROGATE, DUPLICATE_ID,
        FUTURE_VERSION, UNKNOWN_FIELD, UNKNOWN_VENUE, TRUNCATE, DUPLICATE_KEY, FLIP_BYTE
    }

    /** What a field is, for choosing damage and knowing whether it must be refused. */
    enum Type { DECIMAL, TEXT, ENUM, FORMAT, VERSION, ARRAY, OBJECT, ELEMENT }

    /** The sign rule of a decimal field. */
    enum Sign { POSITIVE, NOT_NEGATIVE, ANY }

    /** One place in the tree: a field of an object, or an element of an array. */
    record Slot(String path, JsonNode parent, String key, int index, Type type, Sign sign, boolean required,
            String container) {
        JsonNode value() {
            return key != null ? parent.get(key) : parent.get(index);
        }

        void set(JsonNode v) {
            if (key != null) {
                ((ObjectNode) parent).set(key, v);
            } else {
                ((ArrayNode) parent).set(index, v);
            }
        }
    }

    private static final Set<String> POSITIVE = Set.of("contractSize", "quantity", "entryPrice", "markPrice", "leverage",
            "maxLeverage");

    private static List<Slot> slots(ObjectNode root) {
        List<Slot> s = new ArrayList<>();
        boolean cross = false;
        for (JsonNode p : root.path("positions")) {
            cross |= "cross".equals(p.path("marginMode").asText());
        }
        field(s, root, "format", "", Type.FORMAT, Sign.ANY, false, "format");
        field(s, root, "version", "", Type.VERSION, Sign.ANY, false, "version");
        field(s, root, "name", "", Type.TEXT, Sign.ANY, false, "name");
        field(s, root, "venue", "", Type.TEXT, Sign.ANY, true, "venue");
        field(s, root, "walletBalance", "", Type.DECIMAL, Sign.NOT_NEGATIVE, cross, "walletBalance");
        field(s, root, "positions", "", Type.ARRAY, Sign.ANY, false, "positions");
        ArrayNode positions = (ArrayNode) root.get("positions");
        for (int i = 0; i < positions.size(); i++) {
            String p = "positions[" + i + "]";
            ObjectNode o = (ObjectNode) positions.get(i);
            s.add(new Slot(p, positions, null, i, Type.ELEMENT, Sign.ANY, true, p));
            for (String f : List.of("id", "symbol")) {
                field(s, o, f, p + ".", Type.TEXT, Sign.ANY, true, p + "." + f);
            }
            field(s, o, "side", p + ".", Type.ENUM, Sign.ANY, true, p + ".side");
            field(s, o, "contract", p + ".", Type.ENUM, Sign.ANY, false, p + ".contract");
            field(s, o, "marginMode", p + ".", Type.ENUM, Sign.ANY, false, p + ".marginMode");
            for (String f : List.of("contractSize", "quantity", "entryPrice", "markPrice", "leverage", "isolatedMargin",
                    "maxLeverage", "takerFeeRate")) {
                boolean required = Set.of("quantity", "entryPrice", "leverage").contains(f);
                field(s, o, f, p + ".", Type.DECIMAL, POSITIVE.contains(f) ? Sign.POSITIVE : Sign.NOT_NEGATIVE, required,
                        p + "." + f);
            }
            if (o.has("maintenance")) {
                String m = p + ".maintenance";
                field(s, o, "maintenance", p + ".", Type.OBJECT, Sign.ANY, false, m);
                field(s, o.get("maintenance"), "mmr", m + ".", Type.DECIMAL, Sign.NOT_NEGATIVE, true, m + ".mmr");
                field(s, o.get("maintenance"), "maintenanceAmount", m + ".", Type.DECIMAL, Sign.NOT_NEGATIVE, true,
                        m + ".maintenanceAmount");
            }
            if (o.has("tiers")) {
                String t = p + ".tiers";
                field(s, o, "tiers", p + ".", Type.ARRAY, Sign.ANY, false, t);
                ArrayNode tiers = (ArrayNode) o.get("tiers");
                for (int k = 0; k < tiers.size(); k++) {
                    String tk = t + "[" + k + "]";
                    s.add(new Slot(tk, tiers, null, k, Type.ELEMENT, Sign.ANY, true, t));
                    field(s, tiers.get(k), "floor", tk + ".", Type.DECIMAL, Sign.NOT_NEGATIVE, true, t);
                    field(s, tiers.get(k), "cap", tk + ".", Type.DECIMAL, Sign.ANY, false, t);
                    field(s, tiers.get(k), "maxLeverage", tk + ".", Type.DECIMAL, Sign.POSITIVE, false, t);
                    field(s, tiers.get(k), "mmr", tk + ".", Type.DECIMAL, Sign.NOT_NEGATIVE, true, t);
                    field(s, tiers.get(k), "maintenanceAmount", tk + ".", Type.DECIMAL, Sign.ANY, true, t);
                }
            }
        }
        return s;
    }

    /** Adds a field slot; {@code container} is the path a refusal must start with. */
    private static void field(List<Slot> s, JsonNode parent, String key, String prefix, Type type, Sign sign,
            boolean required, String container) {
        s.add(new Slot(prefix + key, parent, key, -1, type, sign, required, container));
    }

    @Provide
    Arbitrary<Kind> kinds() {
        return Arbitraries.of(Kind.class);
    }

    @Property(tries = MUTATED_TRIES)
    void mutatedWorkspacesAreRefusedByNameOrRoundTrip(@ForAll("workspaces") Workspace w, @ForAll("kinds") Kind kind,
            @ForAll java.util.Random random) throws Exception {
        int pick = random.nextInt(1_000_000);
        int variant = random.nextInt(1_000_000);
        String valid = WorkspaceFile.toJson(w);
        ObjectNode root = (ObjectNode) JSON.readTree(valid);
        Damage d = damage(kind, root, valid, pick, variant);
        Outcome outcome = load(d.text);
        synchronized (MUTATED) {
            MUTATED.computeIfAbsent(kind, k -> new int[2])[outcome.refusal == null ? 0 : 1]++;
        }
        if (outcome.refusal != null) {
            assertNamed(outcome.refusal, d);
        } else {
            assertThat(d.mustRefuse).as("%s at %s must be refused: %s", kind, d.where, d.text).isFalse();
            Workspace loaded = outcome.read.workspace();
            if (kind == Kind.UNKNOWN_FIELD) {
                assertThat(outcome.read.warnings()).contains(d.where + ": unknown field, ignored");
            }
            assertRoundTrip(loaded, WorkspaceFile.toJson(loaded));
            if (kind == Kind.UNKNOWN_VENUE) {
                try {
                    loaded.toAccount();
                    throw new AssertionError("unknown venue accepted: " + loaded.venueId());
                } catch (ValidationException e) {
                    assertThat(e.getMessage()).startsWith("venue: must be one of ");
                }
            } else {
                evaluate(loaded);
            }
        }
    }

    /** The damaged text, where the damage is, and whether it must be refused. */
    private record Damage(String text, String where, boolean mustRefuse, boolean exactPath) {
    }

    private record Outcome(ReadResult read, WorkspaceException refusal) {
    }

    private static Outcome load(byte[] bytes) {
        try {
            return new Outcome(WorkspaceFile.read(new ByteArrayInputStream(bytes), "<gen>"), null);
        } catch (WorkspaceException e) {
            return new Outcome(null, e);
        }
    }

    private static Outcome load(String text) {
        if (text.startsWith("BYTES:")) {
            return load(java.util.Base64.getDecoder().decode(text.substring(6)));
        }
        try {
            return new Outcome(WorkspaceFile.fromJson(text), null);
        } catch (WorkspaceException e) {
            return new Outcome(null, e);
        }
    }

    /** A refusal names a field path (and the message starts with it) or a line and column. */
    private static void assertNamed(WorkspaceException e, Damage d) {
        String m = e.getMessage();
        assertThat(m).doesNotContain("\n", "\r");
        if (e.fieldPath() != null) {
            assertThat(e.fieldPath()).matches(FIELD_PATH);
            assertThat(m).startsWith(e.fieldPath() + ": ");
            if (d.where != null && d.exactPath) {
                assertThat(e.fieldPath()).as(m).isEqualTo(d.where);
            } else if (d.where != null) {
                assertThat(e.fieldPath()).as(m).startsWith(d.where);
            }
        } else {
            assertThat(d.where).as("a field error was expected: %s", m).isNull();
            assertThat(m).as("no field path, so a place").matches(
                    "(<text>|<gen>): (line \\d+, column \\d+: .+|is empty.*)");
        }
    }

    private static Damage damage(Kind kind, ObjectNode root, String valid, int pick, int variant) throws IOException {
        List<Slot> all = slots(root);
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (kind) {
            case WRONG_TYPE: {
                Slot s = all.get(pick % all.size());
                List<JsonNode> wrong = switch (s.type) {
                    case DECIMAL -> List.of(f.booleanNode(true), f.arrayNode(), f.objectNode(), f.textNode("abc"));
                    case TEXT, ENUM, FORMAT -> List.of(f.booleanNode(false), f.numberNode(42), f.arrayNode(), f.objectNode());
                    case VERSION -> List.of(f.textNode("1"), f.booleanNode(true), f.numberNode(new BigDecimal("1.5")));
                    case ARRAY -> List.of(f.objectNode(), f.textNode("x"), f.numberNode(1));
                    case OBJECT -> List.of(f.arrayNode(), f.textNode("x"), f.numberNode(1));
                    case ELEMENT -> List.of(f.numberNode(42), f.textNode("x"), f.arrayNode(), f.booleanNode(true));
                };
                s.set(wrong.get(variant % wrong.size()));
                return tree(root, s.path, true, s.container.equals(s.path));
            }
            case REMOVE: {
                List<Slot> fields = all.stream().filter(s -> s.key != null).toList();
                Slot s = fields.get(pick % fields.size());
                ((ObjectNode) s.parent).remove(s.key);
                return tree(root, s.container, s.required && s.container.equals(s.path), s.container.equals(s.path));
            }
            case NEGATIVE:
            case ZERO:
            case HUGE:
            case NOT_A_NUMBER: {
                List<Slot> decimals = all.stream().filter(s -> s.type == Type.DECIMAL && s.value() != null).toList();
                if (decimals.isEmpty()) {
                    return truncate(valid, pick);
                }
                Slot s = decimals.get(pick % decimals.size());
                BigDecimal v = new BigDecimal(s.value().textValue());
                boolean exact = s.container.equals(s.path);
                if (kind == Kind.NEGATIVE) {
                    s.set(variant % 2 == 0 ? f.textNode(v.negate().toPlainString()) : f.numberNode(v.negate()));
                    boolean refuse = s.sign == Sign.POSITIVE || s.sign == Sign.NOT_NEGATIVE && v.signum() != 0;
                    return tree(root, s.container, refuse && exact, exact);
                }
                if (kind == Kind.ZERO) {
                    s.set(variant % 2 == 0 ? f.textNode("0.000") : f.numberNode(0));
                    return tree(root, s.container, s.sign == Sign.POSITIVE && exact, exact);
                }
                if (kind == Kind.HUGE) {
                    List<JsonNode> huge = List.of(f.numberNode(new BigDecimal("1e31")), f.numberNode(new BigDecimal("1e400")),
                            f.textNode("1" + "0".repeat(31)), f.textNode("0." + "0".repeat(30) + "1"),
                            f.numberNode(new BigDecimal("-1e-40")), f.numberNode(new BigInteger("9".repeat(40))));
                    s.set(huge.get(variant % huge.size()));
                    return tree(root, s.path, true, true);
                }
                List<String> nan = List.of("NaN", "Infinity", "-Infinity", "1e5", "1E-3", "", " ", "1,5", "0x10",
                        "\u0661\u0662", "+5", "1 000", "5-", "--1", "0.5.1", "1_000");
                s.set(f.textNode(nan.get(variant % nan.size())));
                return tree(root, s.path, true, true);
            }
            case BAD_ENUM: {
                List<Slot> enums = all.stream().filter(s -> s.type == Type.ENUM || s.type == Type.FORMAT).toList();
                if (enums.isEmpty()) {
                    return truncate(valid, pick);
                }
                Slot s = enums.get(pick % enums.size());
                List<String> bad = List.of("sideways", "", "lo ng", "isolated-cross", "linear-x", "\u00e9");
                s.set(f.textNode(bad.get(variant % bad.size())));
                return tree(root, s.path, true, true);
            }
            case UNPAIRED_SURROGATE: {
                List<Slot> texts = all.stream().filter(s -> s.key != null && s.value() != null && s.value().isTextual())
                        .toList();
                Slot s = texts.get(pick % texts.size());
                String t = s.value().textValue();
                int at = t.isEmpty() ? 0 : variant % (t.length() + 1);
                s.set(f.textNode(t.substring(0, at) + (variant % 2 == 0 ? '\ud800' : '\udfff') + t.substring(at)));
                return tree(root, s.path, true, true);
            }
            case DUPLICATE_ID: {
                ArrayNode positions = (ArrayNode) root.get("positions");
                if (positions.size() < 2) {
                    return truncate(valid, pick);
                }
                int k = 1 + pick % (positions.size() - 1);
                ((ObjectNode) positions.get(k)).set("id", positions.get(variant % k).get("id"));
                return tree(root, "positions[" + k + "].id", true, true);
            }
            case FUTURE_VERSION: {
                BigInteger version = variant % 3 == 0 ? BigInteger.TWO
                        : BigInteger.valueOf(2 + variant).pow(1 + pick % 5);
                root.put("version", version);
                return tree(root, "version", true, true);
            }
            case UNKNOWN_FIELD: {
                List<Slot> objects = new ArrayList<>();
                objects.add(new Slot("", null, null, -1, Type.OBJECT, Sign.ANY, false, ""));
                for (Slot s : all) {
                    if (s.value() != null && s.value().isObject()) {
                        objects.add(s);
                    }
                }
                Slot s = objects.get(pick % objects.size());
                ObjectNode target = s.parent == null ? root : (ObjectNode) s.value();
                String key = "x" + variant;
                target.put(key, variant);
                return tree(root, (s.path.isEmpty() ? "" : s.path + ".") + key, false, true);
            }
            case UNKNOWN_VENUE:
                root.put("venue", "venue-" + variant);
                return tree(root, null, false, true);
            case TRUNCATE:
                return truncate(valid, pick);
            case DUPLICATE_KEY: {
                String key = variant % 2 == 0 || !valid.contains("\"symbol\": ") ? "\"venue\": " : "\"symbol\": ";
                String text = valid.replaceFirst(key, key + "\"x\", " + key);
                return new Damage(text, null, true, true);
            }
            case FLIP_BYTE: {
                byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
                bytes[pick % bytes.length] = (byte) variant;
                return new Damage("BYTES:" + java.util.Base64.getEncoder().encodeToString(bytes), null, false, false);
            }
            default:
                throw new AssertionError(kind);
        }
    }

    private static Damage tree(ObjectNode root, String where, boolean mustRefuse, boolean exactPath) throws IOException {
        return new Damage(JSON.writeValueAsString(root), where, mustRefuse, exactPath);
    }

    private static Damage truncate(String valid, int pick) {
        return new Damage(valid.substring(0, pick % (valid.length() - 1)), null, true, true);
    }
}
