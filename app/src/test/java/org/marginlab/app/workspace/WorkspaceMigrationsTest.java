package org.marginlab.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code version} migration path. The format is still v1 (see {@link WorkspaceMigrations});
 * the path is exercised with a v2 of this test's own: "every decimal is a decimal string", whose
 * 1 → 2 step turns JSON numbers into decimal strings, exactly.
 */
class WorkspaceMigrationsTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final Set<String> DECIMALS = Set.of("walletBalance", "contractSize", "quantity", "entryPrice",
            "markPrice", "leverage", "isolatedMargin", "maxLeverage", "takerFeeRate", "mmr", "maintenanceAmount", "floor",
            "cap");

    /** v1 → v2: every decimal field holding a JSON number holds the same decimal as a string. */
    static final WorkspaceMigrations.Step DECIMALS_AS_STRINGS = new WorkspaceMigrations.Step(1,
            "every decimal is a decimal string", WorkspaceMigrationsTest::numbersToStrings);

    static final WorkspaceMigrations V2 = new WorkspaceMigrations(List.of(DECIMALS_AS_STRINGS));

    private static ObjectNode numbersToStrings(ObjectNode node) {
        for (String field : List.copyOf(iterable(node))) {
            JsonNode v = node.get(field);
            if (v.isNumber() && DECIMALS.contains(field)) {
                java.math.BigDecimal d = v.decimalValue();
                node.put(field, (d.scale() < 0 ? d.setScale(0) : d).toPlainString());
            } else if (v.isObject()) {
                numbersToStrings((ObjectNode) v);
            } else if (v.isArray()) {
                for (JsonNode e : v) {
                    if (e.isObject()) {
                        numbersToStrings((ObjectNode) e);
                    }
                }
            }
        }
        return node;
    }

    private static List<String> iterable(ObjectNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A v1 file that writes its decimals as JSON numbers, with every optional structure. */
    private static final String V1_WITH_NUMBERS = "{\"format\": \"marginlab-workspace\", \"version\": 1, \"name\": \"old\","
            + " \"venue\": \"binance-usdm\", \"walletBalance\": 10000.50, \"positions\": [{\"id\": \"a\", \"symbol\": \"BTCUSDT\","
            + " \"side\": \"long\", \"quantity\": 0.500, \"entryPrice\": 6.0E4, \"leverage\": 20, \"isolatedMargin\": 1500,"
            + " \"maintenance\": {\"mmr\": 0.0040, \"maintenanceAmount\": 0}, \"tiers\": [{\"floor\": 0, \"cap\": 50000,"
            + " \"maxLeverage\": 125, \"mmr\": 0.004, \"maintenanceAmount\": 0}, {\"floor\": 50000, \"mmr\": 0.005,"
            + " \"maintenanceAmount\": 50}], \"takerFeeRate\": 0.0006}]}";

    @Test
    void theStandardMigrationsReadVersionOneOnlyAndChangeNothing() throws Exception {
        assertThat(WorkspaceMigrations.STANDARD.newestVersion()).isEqualTo(WorkspaceMigrations.CURRENT_VERSION).isEqualTo(1);
        assertThat(WorkspaceFile.VERSION).isEqualTo(WorkspaceMigrations.CURRENT_VERSION);
        ObjectNode tree = (ObjectNode) JSON.readTree(V1_WITH_NUMBERS);
        assertThat(WorkspaceMigrations.STANDARD.upgrade(tree, 1)).isSameAs(tree);
    }

    @Test
    void aVersionOneTreeMigratesToVersionTwoExactlyAndTheInputIsNotModified() throws Exception {
        ObjectNode v1 = (ObjectNode) JSON.readTree(V1_WITH_NUMBERS);
        ObjectNode before = v1.deepCopy();
        ObjectNode v2 = V2.upgrade(v1, 1);

        assertThat(v1).as("pure: the input tree is unchanged").isEqualTo(before);
        assertThat(v2.get("version").intValue()).isEqualTo(2);
        assertThat(v2.get("walletBalance").textValue()).isEqualTo("10000.50");
        JsonNode p = v2.get("positions").get(0);
        assertThat(p.get("quantity").textValue()).isEqualTo("0.500");
        assertThat(p.get("entryPrice").textValue()).isEqualTo("60000");
        assertThat(p.get("maintenance").get("mmr").textValue()).isEqualTo("0.0040");
        assertThat(p.get("tiers").get(1).get("maintenanceAmount").textValue()).isEqualTo("50");
        assertThat(p.get("side").textValue()).isEqualTo("long");
        assertThat(v2.get("name").textValue()).isEqualTo("old");
    }

    @Test
    void aVersionOneFileReadThroughTheMigrationRoundTrips() throws Exception {
        ReadResult viaV2 = WorkspaceFile.fromJson(V1_WITH_NUMBERS, V2);
        ReadResult direct = WorkspaceFile.fromJson(V1_WITH_NUMBERS);
        assertThat(viaV2.warnings()).isEmpty();
        assertThat(viaV2.workspace()).isEqualTo(direct.workspace());
        // the scales survive the migration: the written text is the same
        String text = WorkspaceFile.toJson(viaV2.workspace());
        assertThat(text).isEqualTo(WorkspaceFile.toJson(direct.workspace()));
        assertThat(text).contains("\"quantity\": \"0.500\"", "\"walletBalance\": \"10000.50\"", "\"entryPrice\": \"60000\"");
        // round trip: what was written reads back equal, with either reader
        assertThat(WorkspaceFile.fromJson(text, V2).workspace()).isEqualTo(viaV2.workspace());
        assertThat(WorkspaceFile.toJson(WorkspaceFile.fromJson(text, V2).workspace())).isEqualTo(text);
        assertThat(WorkspaceFile.fromJson(text).workspace()).isEqualTo(viaV2.workspace());
    }

    @Test
    void aFileWithoutVersionIsVersionOneAndIsMigrated() throws Exception {
        String noVersion = V1_WITH_NUMBERS.replace("\"version\": 1, ", "");
        assertThat(WorkspaceFile.fromJson(noVersion, V2).workspace()).isEqualTo(WorkspaceFile.fromJson(V1_WITH_NUMBERS).workspace());
    }

    @Test
    void aVersionTwoFileIsReadByTheVersionTwoReaderAndRefusedByName() throws Exception {
        String v2 = JSON.writeValueAsString(V2.upgrade((ObjectNode) JSON.readTree(V1_WITH_NUMBERS), 1));
        assertThat(WorkspaceFile.fromJson(v2, V2).workspace()).isEqualTo(WorkspaceFile.fromJson(V1_WITH_NUMBERS).workspace());
        assertThatThrownBy(() -> WorkspaceFile.fromJson(v2))
                .hasMessage("version: must be ≤ 1 (got 2); this file was written by a newer MarginLab");
        assertThatThrownBy(() -> WorkspaceFile.fromJson(v2.replace("\"version\":2", "\"version\":3"), V2))
                .hasMessage("version: must be ≤ 2 (got 3); this file was written by a newer MarginLab");
        assertThatThrownBy(() -> WorkspaceFile.fromJson(v2.replace("\"version\":2", "\"version\":0"), V2))
                .hasMessage("version: must be ≥ 1 (got 0)");
        assertThatThrownBy(() -> WorkspaceFile.fromJson(v2.replace("\"version\":2", "\"version\":1.5"), V2))
                .hasMessage("version: must be an integer from 1 to 2 (got 1.5)");
    }

    @Test
    void aBrokenChainIsRefused() {
        assertThatThrownBy(() -> new WorkspaceMigrations(List.of(new WorkspaceMigrations.Step(2, "x", t -> t))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("step 0 must read version 1, not 2");
        assertThatThrownBy(() -> V2.upgrade(JSON.createObjectNode(), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkspaceMigrations.Step(0, "x", t -> t)).isInstanceOf(IllegalArgumentException.class);
    }
}
