package org.marginlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Test helper: reads the venue worked examples in {@code src/test/resources/vectors/*.json}
 * (schema in spec margin-formulas.md §12) with every JSON number as an exact
 * {@link BigDecimal}, and compares results with a case's tolerance. Public so that tests in
 * sub-packages (e.g. {@code sizing}) can read the vectors too.
 */
// "exports": public signatures name Jackson's JsonNode, which is on the class path (tests only)
@SuppressWarnings("exports")
public final class Vectors {
    /** The resource folder holding the vector files. */
    static final String FOLDER = "/vectors/";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Vectors() {
    }

    /**
     * One case of one vector file.
     *
     * @param file  the file name, e.g. {@code binance_docs.json}
     * @param node  the case as stated
     */
    public record Case(String file, JsonNode node) {
        public String id() {
            return node.get("id").asText();
        }

        public String kind() {
            return node.get("kind").asText();
        }

        public String exchange() {
            return node.get("exchange").asText();
        }

        public JsonNode inputs() {
            return node.get("inputs");
        }

        public JsonNode expected() {
            return node.get("expected");
        }

        /** @return the tolerance applying to every expected field */
        public Tolerance tolerance() {
            return Tolerance.of(node.get("tolerance"));
        }

        @Override
        public String toString() {
            return file + ":" + id();
        }
    }

    /** A case's tolerance: {@code {"abs": x}} or {@code {"rel": x}}. */
    public record Tolerance(BigDecimal abs, BigDecimal rel) {
        static Tolerance of(JsonNode node) {
            assertThat(node).as("tolerance").isNotNull();
            JsonNode abs = node.get("abs");
            JsonNode rel = node.get("rel");
            assertThat(abs == null ^ rel == null).as("tolerance has exactly one of abs, rel: %s", node).isTrue();
            return new Tolerance(abs == null ? null : abs.decimalValue(), rel == null ? null : rel.decimalValue());
        }

        /** @return the largest allowed |actual − expected| for this expected value */
        public BigDecimal allowedError(BigDecimal expected) {
            return abs != null ? abs : rel.multiply(expected.abs());
        }
    }

    /** @return the vector file names in the test resources, sorted */
    static List<String> fileNames() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return every case of every vector file, files sorted by name, cases in file order */
    public static List<Case> allCases() {
        List<Case> cases = new ArrayList<>();
        for (String file : fileNames()) {
            JsonNode array = read(file);
            assertThat(array.isArray()).as("%s is a JSON array", file).isTrue();
            array.forEach(node -> cases.add(new Case(file, node)));
        }
        return cases;
    }

    /** The v2 venues' vector file (spec venues-v2.md §15), kept apart from the v1 files. */
    static final String V2_FILE = "venues_v2.json";

    /**
     * @param id  a case id of {@code venues_v2.json}
     * @return that case; fails if there is none
     */
    public static Case v2Case(String id) {
        return v2Cases().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no case " + id + " in " + V2_FILE));
    }

    /** @return every case of {@code src/test/resources/vectors-v2/venues_v2.json}, in file order */
    public static List<Case> v2Cases() {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors-v2/" + V2_FILE)) {
            assertThat(in).as("test resource /vectors-v2/%s", V2_FILE).isNotNull();
            List<Case> cases = new ArrayList<>();
            JSON.readTree(in).forEach(node -> cases.add(new Case(V2_FILE, node)));
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String file) {
        try (InputStream in = Vectors.class.getResourceAsStream(FOLDER + file)) {
            assertThat(in).as("test resource %s%s", FOLDER, file).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path folder() {
        URL url = Vectors.class.getResource(FOLDER + "binance_docs.json");
        assertThat(url).as("test resource %sbinance_docs.json", FOLDER).isNotNull();
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the field as an exact decimal; fails if it is missing or not a number */
    public static BigDecimal dec(JsonNode node, String field) {
        JsonNode v = node.get(field);
        assertThat(v).as("field %s in %s", field, node).isNotNull();
        assertThat(v.isNumber()).as("field %s is a number: %s", field, v).isTrue();
        return v.decimalValue();
    }

    /**
     * Asserts {@code |actual − expected| ≤ tolerance}.
     *
     * @param what      the case id and field, for the failure message
     * @param actual    the engine's value, must not be null
     * @param expected  the stated value
     */
    public static void assertWithin(String what, BigDecimal actual, BigDecimal expected, Tolerance tolerance) {
        assertThat(actual).as("%s is present", what).isNotNull();
        BigDecimal error = actual.subtract(expected).abs();
        assertThat(error)
                .as("%s: actual %s, expected %s, tolerance %s", what, actual.toPlainString(), expected.toPlainString(),
                        tolerance)
                .isLessThanOrEqualTo(tolerance.allowedError(expected));
    }
}
