package org.marginlab.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.tier.MaintenanceTier;

/**
 * The workspace file format, spec workspace-and-cli.md §1: the contract's example, exact round
 * trips, defaults, and errors that name the field path, the rule and the value.
 */
class WorkspaceFileTest {

    @TempDir
    Path dir;

    /** A minimal valid file around one position's fields. */
    private static String withPosition(String positionFields) {
        return "{\"format\": \"marginlab-workspace\", \"version\": 1, \"venue\": \"binance-usdm\", \"walletBalance\": \"1000\","
                + " \"positions\": [" + positionFields + "]}";
    }

    private static final String BTC = "{\"id\": \"btc\", \"symbol\": \"BTCUSDT\", \"side\": \"long\", \"quantity\": \"1\","
            + " \"entryPrice\": \"60000\", \"leverage\": \"10\"}";

    private static String message(String json) {
        try {
            WorkspaceFile.fromJson(json);
        } catch (WorkspaceException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an error for " + json);
    }

    // ------------------------------------------------------------------ the contract's example

    @Test
    void contractExampleParsesWithEveryField() throws Exception {
        ReadResult r = WorkspaceFile.read(TestFiles.path("contract-example.marginlab"));
        Workspace w = r.workspace();
        assertThat(r.warnings()).isEmpty();
        assertThat(w.name()).isEqualTo("BTC long vs ETH short");
        assertThat(w.venueId()).isEqualTo("binance-usdm");
        assertThat(w.walletBalance()).isEqualByComparingTo("10000");
        assertThat(w.positions()).hasSize(1);
        Position p = w.positions().get(0);
        assertThat(p.id()).isEqualTo("btc-long");
        assertThat(p.symbol()).isEqualTo("BTCUSDT");
        assertThat(p.contract()).isEqualTo(ContractType.LINEAR);
        assertThat(p.contractSize()).isEqualByComparingTo("1");
        assertThat(p.side()).isEqualTo(Side.LONG);
        assertThat(p.quantity()).isEqualByComparingTo("0.5");
        assertThat(p.entryPrice()).isEqualByComparingTo("60000");
        assertThat(p.markPrice()).isEqualByComparingTo("59000");
        assertThat(p.leverage()).isEqualByComparingTo("20");
        assertThat(p.marginMode()).isEqualTo(MarginMode.ISOLATED);
        assertThat(p.isolatedMargin()).isEqualByComparingTo("1500");
        assertThat(p.maintenance().mmr()).isEqualByComparingTo("0.004");
        assertThat(p.maintenance().maintenanceAmount()).isEqualByComparingTo("0");
        assertThat(p.tiers().tiers()).containsExactly(MaintenanceTier.of(new BigDecimal("0"), new BigDecimal("50000"),
                new BigDecimal("125"), new BigDecimal("0.004"), new BigDecimal("0")));
        assertThat(p.maxLeverage()).isEqualByComparingTo("50");
        assertThat(p.takerFeeRate()).isEqualByComparingTo("0.0006");
    }

    @Test
    void contractExampleRoundTripsToTheSameWorkspaceAndStableText() throws Exception {
        Workspace first = WorkspaceFile.read(TestFiles.path("contract-example.marginlab")).workspace();
        String text = WorkspaceFile.toJson(first);
        Workspace second = WorkspaceFile.fromJson(text).workspace();
        assertThat(second).isEqualTo(first);
        assertThat(WorkspaceFile.toJson(second)).isEqualTo(text);
    }

    // ------------------------------------------------------------------------- exact round trip

    @Test
    void writingWhatWasReadReproducesTheCanonicalFileByteForByte() throws Exception {
        // every-field.marginlab is written in the app's own layout: every scale, order and absence
        // must survive read → write exactly
        String original = TestFiles.text("every-field.marginlab");
        Workspace w = WorkspaceFile.fromJson(original).workspace();
        assertThat(WorkspaceFile.toJson(w)).isEqualTo(original);
    }

    @Test
    void roundTripKeepsScalesTiersAndAbsentOptionalFields() throws Exception {
        Workspace w = WorkspaceFile.read(TestFiles.path("every-field.marginlab")).workspace();
        Path file = dir.resolve("copy.marginlab");
        WorkspaceFile.write(w, file);
        Workspace back = WorkspaceFile.read(file).workspace();

        assertThat(back).isEqualTo(w);
        assertThat(back.walletBalance().toString()).isEqualTo("2500.50");
        Position btc = back.position("btc");
        assertThat(btc.entryPrice().toString()).isEqualTo("60000.00");
        assertThat(btc.quantity().toString()).isEqualTo("0.250");
        assertThat(btc.contractSize().toString()).isEqualTo("1.000");
        assertThat(btc.leverage().toString()).isEqualTo("10.0");
        assertThat(btc.isolatedMargin().toString()).isEqualTo("1500.000");
        assertThat(btc.maintenance().mmr().toString()).isEqualTo("0.0040");
        assertThat(btc.maintenance().maintenanceAmount().toString()).isEqualTo("0.00");
        assertThat(btc.takerFeeRate().toString()).isEqualTo("0.00060");
        assertThat(btc.maxLeverage().toString()).isEqualTo("75.5");
        assertThat(btc.tiers().tiers()).hasSize(3);
        assertThat(btc.tiers().tiers().get(2).cap()).isNull();
        assertThat(btc.tiers().tiers().get(2).maintenanceAmount().toString()).isEqualTo("3050");

        Position eth = back.position("eth");
        assertThat(eth.marginMode()).isEqualTo(MarginMode.CROSS);
        assertThat(eth.isolatedMargin()).isNull();
        assertThat(eth.maintenance()).isNull();
        assertThat(eth.tiers()).isNull();
        assertThat(eth.maxLeverage()).isNull();
        assertThat(eth.takerFeeRate()).isNull();
        String ethText = Files.readString(file).substring(Files.readString(file).indexOf("\"id\": \"eth\""));
        assertThat(ethText).doesNotContain("isolatedMargin", "maintenance", "tiers", "maxLeverage", "takerFeeRate");
    }

    @Test
    void writtenFileHasTheContractsFieldOrderAndDecimalStrings() throws Exception {
        Workspace w = WorkspaceFile.read(TestFiles.path("contract-example.marginlab")).workspace();
        String text = WorkspaceFile.toJson(w);
        List<String> order = List.of("\"format\"", "\"version\"", "\"name\"", "\"venue\"", "\"walletBalance\"",
                "\"positions\"", "\"id\"", "\"symbol\"", "\"contract\"", "\"contractSize\"", "\"side\"", "\"quantity\"",
                "\"entryPrice\"", "\"markPrice\"", "\"leverage\"", "\"marginMode\"", "\"isolatedMargin\"",
                "\"maintenance\"", "\"tiers\"", "\"maxLeverage\": \"50\"", "\"takerFeeRate\"");
        int at = -1;
        for (String key : order) {
            int next = text.indexOf(key, at + 1);
            assertThat(next).as("position of %s after %d", key, at).isGreaterThan(at);
            at = next;
        }
        assertThat(text).startsWith("{\n  \"format\": \"marginlab-workspace\",\n  \"version\": 1,\n");
        assertThat(text).contains("\"walletBalance\": \"10000\"", "\"entryPrice\": \"60000\"", "\"quantity\": \"0.5\"");
        assertThat(text).endsWith("}\n").doesNotContain("\r");
    }

    // ---------------------------------------------------------------------------- numbers

    @Test
    void jsonNumbersAndDecimalStringsAreBothAcceptedWithScaleKept() throws Exception {
        Workspace w = WorkspaceFile.fromJson("{\"venue\": \"binance-usdm\", \"walletBalance\": 10000.50, \"positions\": ["
                + "{\"id\": \"a\", \"symbol\": \"BTCUSDT\", \"side\": \"long\", \"quantity\": 0.5, \"entryPrice\": \"60000.00\","
                + " \"leverage\": 20}]}").workspace();
        assertThat(w.walletBalance().toString()).isEqualTo("10000.50");
        assertThat(w.positions().get(0).quantity().toString()).isEqualTo("0.5");
        assertThat(w.positions().get(0).entryPrice().toString()).isEqualTo("60000.00");
        assertThat(w.positions().get(0).leverage()).isEqualByComparingTo("20");
        assertThat(WorkspaceFile.toJson(w)).contains("\"walletBalance\": \"10000.50\"", "\"entryPrice\": \"60000.00\"");
    }

    @ParameterizedTest(name = "quantity {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "\"1e-3\"     | positions[0].quantity: must be a plain decimal number without an exponent (got 1e-3)",
            "\"NaN\"      | positions[0].quantity: must be a decimal number (got NaN)",
            "\"Infinity\" | positions[0].quantity: must be a decimal number (got Infinity)",
            "\"1,5\"      | positions[0].quantity: must be a decimal number (got 1,5)",
            "\"\"         | positions[0].quantity: must be a decimal number (got )",
            "true         | positions[0].quantity: must be a decimal number (a JSON number or a decimal string) (got true)",
            "1e400        | positions[0].quantity: must have at most 30 digits before and 30 after the decimal point (got 1E+400)",
            "\"0\"        | positions[0].quantity: must be > 0 (got 0)",
    })
    void badNumbersAreNamed(String value, String expected) {
        String json = withPosition("{\"id\": \"a\", \"symbol\": \"BTCUSDT\", \"side\": \"long\", \"quantity\": " + value
                + ", \"entryPrice\": \"60000\", \"leverage\": \"10\"}");
        assertThat(message(json)).isEqualTo(expected);
    }

    @Test
    void nanAsABareJsonTokenIsMalformedJson() {
        String m = message(withPosition("{\"id\": \"a\", \"symbol\": \"BTCUSDT\", \"side\": \"long\", \"quantity\": NaN}"));
        assertThat(m).startsWith("<text>: line 1, column ").contains("malformed JSON");
    }

    // ---------------------------------------------------------------------------- errors

    @Test
    void invalidValueNamesItsPath_contractExample() {
        String p = "{\"id\": \"p%d\", \"symbol\": \"BTCUSDT\", \"side\": \"long\", \"quantity\": \"1\", \"entryPrice\": \"%s\", \"leverage\": \"10\"}";
        String json = withPosition(String.format(p, 0, "60000") + ", " + String.format(p, 1, "61000") + ", "
                + String.format(p, 2, "0"));
        assertThat(message(json)).isEqualTo("positions[2].entryPrice: must be > 0 (got 0)");
    }

    @Test
    void negativeLeverageIsNamed() {
        assertThat(message(withPosition(BTC.replace("\"leverage\": \"10\"", "\"leverage\": \"-5\""))))
                .isEqualTo("positions[0].leverage: must be > 0 (got -5)");
    }

    @ParameterizedTest(name = "missing {0}")
    @CsvSource({"id", "symbol", "side", "quantity", "entryPrice", "leverage"})
    void missingRequiredPositionFieldIsNamed(String field) {
        StringBuilder fields = new StringBuilder();
        String[][] all = {{"id", "btc"}, {"symbol", "BTCUSDT"}, {"side", "long"}, {"quantity", "1"}, {"entryPrice", "60000"},
            {"leverage", "10"}};
        for (String[] kv : all) {
            if (!kv[0].equals(field)) {
                fields.append(fields.length() == 0 ? "" : ", ").append('"').append(kv[0]).append("\": \"").append(kv[1]).append('"');
            }
        }
        String json = withPosition("{" + fields + "}");
        assertThat(message(json)).isEqualTo("positions[0]." + field + ": is required (got nothing)");
    }

    @Test
    void badEnumsAreNamed() {
        assertThat(message(withPosition(BTC.replace("\"long\"", "\"up\""))))
                .isEqualTo("positions[0].side: must be long or short (got up)");
        assertThat(message(withPosition(BTC.replace("}", ", \"marginMode\": \"portfolio\"}"))))
                .isEqualTo("positions[0].marginMode: must be isolated or cross (got portfolio)");
        assertThat(message(withPosition(BTC.replace("}", ", \"contract\": \"option\"}"))))
                .isEqualTo("positions[0].contract: must be linear, inverse or quanto (got option)");
        assertThat(message(withPosition(BTC.replace("\"side\": \"long\"", "\"side\": 1"))))
                .isEqualTo("positions[0].side: must be a string (got 1)");
    }

    @Test
    void nestedErrorsNameTheFullPath() {
        assertThat(message(withPosition(BTC.replace("}", ", \"maintenance\": {\"mmr\": \"1.5\", \"maintenanceAmount\": \"0\"}}"))))
                .isEqualTo("positions[0].maintenance.mmr: must be < 1 (a fraction, 0.005 = 0.5 %) (got 1.5)");
        assertThat(message(withPosition(BTC.replace("}", ", \"maintenance\": {\"mmr\": \"0.01\"}}"))))
                .isEqualTo("positions[0].maintenance.maintenanceAmount: is required (got nothing)");
        assertThat(message(withPosition(BTC.replace("}", ", \"tiers\": [{\"floor\": \"0\", \"cap\": \"100\", \"mmr\": \"0.01\","
                + " \"maintenanceAmount\": \"0\"}, {\"floor\": \"100\", \"mmr\": \"-0.02\", \"maintenanceAmount\": \"1\"}]}"))))
                .isEqualTo("positions[0].tiers[1].mmr: must be ≥ 0 (got -0.02)");
        assertThat(message(withPosition(BTC.replace("}", ", \"tiers\": [{\"floor\": \"0\", \"cap\": \"100\", \"mmr\": \"0.01\","
                + " \"maintenanceAmount\": \"0\"}, {\"floor\": \"150\", \"mmr\": \"0.02\", \"maintenanceAmount\": \"1\"}]}"))))
                .startsWith("positions[0].tiers[1].floor: must equal the previous tier's cap 100");
    }

    @Test
    void duplicateIdsAreRejected() {
        assertThat(message(withPosition(BTC + ", " + BTC)))
                .isEqualTo("positions[1].id: must be unique within the workspace (got btc)");
    }

    @Test
    void versionAndFormatAreChecked() {
        assertThat(message("{\"format\": \"marginlab-workspace\", \"version\": 2, \"venue\": \"binance-usdm\"}"))
                .isEqualTo("version: must be ≤ 1 (got 2); this file was written by a newer MarginLab");
        assertThat(message("{\"version\": 0, \"venue\": \"binance-usdm\"}")).isEqualTo("version: must be 1 (got 0)");
        assertThat(message("{\"version\": \"1\", \"venue\": \"binance-usdm\"}"))
                .isEqualTo("version: must be the integer 1 (got 1)");
        assertThat(message("{\"format\": \"excel\", \"version\": 1, \"venue\": \"binance-usdm\"}"))
                .isEqualTo("format: must be marginlab-workspace (got excel)");
    }

    @Test
    void versionTwoErrorCarriesTheFieldPath() {
        assertThatThrownBy(() -> WorkspaceFile.fromJson("{\"version\": 2, \"venue\": \"binance-usdm\"}"))
                .isInstanceOfSatisfying(WorkspaceException.class, e -> assertThat(e.fieldPath()).isEqualTo("version"));
    }

    @Test
    void formatAndVersionMayBeAbsent() throws Exception {
        Workspace w = WorkspaceFile.fromJson("{\"venue\": \"binance-usdm\", \"positions\": [" + BTC + "]}").workspace();
        assertThat(w.positions()).hasSize(1);
        assertThat(w.name()).isNull();
    }

    @Test
    void venueIsRequiredButAnUnknownVenueIsReportedWhenEvaluated() throws Exception {
        assertThat(message("{\"walletBalance\": \"1\"}")).isEqualTo("venue: is required (got nothing)");
        Workspace future = WorkspaceFile.fromJson("{\"venue\": \"venue-from-2030\", \"positions\": [" + BTC + "]}")
                .workspace();
        assertThat(future.venueId()).isEqualTo("venue-from-2030");
        assertThatThrownBy(future::toAccount).hasMessageStartingWith("venue: must be one of binance-usdm")
                .hasMessageEndingWith(" (got venue-from-2030)");
    }

    @Test
    void walletBalanceDefaultsToZeroUnlessAPositionIsCross() throws Exception {
        Workspace w = WorkspaceFile.fromJson("{\"venue\": \"binance-usdm\", \"positions\": [" + BTC + "]}").workspace();
        assertThat(w.walletBalance()).isEqualByComparingTo("0");
        assertThat(message("{\"venue\": \"binance-usdm\", \"positions\": [" + BTC.replace("}", ", \"marginMode\": \"cross\"}") + "]}"))
                .isEqualTo("walletBalance: is required when a position is cross (got nothing)");
        assertThat(message("{\"venue\": \"binance-usdm\", \"walletBalance\": \"-1\"}"))
                .isEqualTo("walletBalance: must be ≥ 0 (got -1)");
    }

    @Test
    void defaultsFollowTheContract() throws Exception {
        Position p = WorkspaceFile.fromJson(withPosition(BTC)).workspace().positions().get(0);
        assertThat(p.contract()).isEqualTo(ContractType.LINEAR);
        assertThat(p.contractSize()).isEqualByComparingTo("1");
        assertThat(p.markPrice()).isEqualByComparingTo("60000");
        assertThat(p.marginMode()).isEqualTo(MarginMode.ISOLATED);
        assertThat(p.isolatedMargin()).as("left to the engine: initial margin at entry").isNull();
        assertThat(p.maintenance()).isNull();
        assertThat(p.tiers()).isNull();
    }

    @Test
    void wrongShapesAreNamed() {
        assertThat(message("[1, 2]")).isEqualTo("(root): must be a JSON object (got [1,2])");
        assertThat(message("{\"venue\": \"binance-usdm\", \"positions\": {}}")).isEqualTo("positions: must be an array (got {})");
        assertThat(message("{\"venue\": \"binance-usdm\", \"positions\": [42]}")).isEqualTo("positions[0]: must be a JSON object (got 42)");
        assertThat(message("{\"venue\": 7}")).isEqualTo("venue: must be a string (got 7)");
    }

    @Test
    void unknownFieldsAreIgnoredWithWarnings() throws Exception {
        ReadResult r = WorkspaceFile.fromJson("{\"venue\": \"binance-usdm\", \"theme\": \"dark\", \"positions\": ["
                + BTC.replace("}", ", \"colour\": \"red\", \"maintenance\": {\"mmr\": \"0.01\", \"maintenanceAmount\": \"0\", \"note\": 1}}")
                + "]}");
        assertThat(r.warnings()).containsExactly("theme: unknown field, ignored", "positions[0].colour: unknown field, ignored",
                "positions[0].maintenance.note: unknown field, ignored");
        assertThat(r.workspace().positions().get(0).maintenance().mmr()).isEqualByComparingTo("0.01");
    }

    // ------------------------------------------------------------------------- malformed JSON

    @Test
    void malformedJsonGivesOneLineWithLineAndColumn() {
        String json = "{\n  \"venue\": \"binance-usdm\",\n  \"walletBalance\": \"1\"\n  \"positions\": []\n}";
        assertThatThrownBy(() -> WorkspaceFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "bad.marginlab"))
                .isInstanceOfSatisfying(WorkspaceException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("bad.marginlab: line 4, column 3: malformed JSON near walletBalance:"
                            + " Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries")
                            .doesNotContain("\n");
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.column()).isEqualTo(3);
                    assertThat(e.fieldPath()).isNull();
                });
    }

    @Test
    void truncatedTrailingAndDuplicateContentIsRejected() {
        assertThat(message("{\"venue\": \"binance-usdm\"")).isEqualTo("<text>: line 1, column 25: truncated JSON: the text"
                + " ends before the document is complete (Unexpected end-of-input: expected close marker for Object"
                + " (start marker at line 1, column 1))");
        assertThat(message("{\"venue\": \"binance-usdm\"} {}"))
                .isEqualTo("<text>: line 1, column 27: malformed JSON: unexpected content after the end of the document");
        assertThat(message("{\"venue\": \"binance-usdm\", \"venue\": \"okx\"}")).isEqualTo("<text>: line 1, column 34:"
                + " duplicate key \"venue\" in the top-level object: a key may appear only once in an object");
        assertThat(message("")).isEqualTo("<text>: is empty, not a workspace file");
    }

    @Test
    void deeplyNestedJsonIsRejected() {
        String deep = "{\"venue\": \"binance-usdm\", \"x\": " + "[".repeat(100) + "]".repeat(100) + "}";
        assertThat(message(deep)).startsWith("<text>: line 1, column ").endsWith("JSON nested deeper than 64 levels");
    }

    @Test
    void hugeStringsAndNumbersAreRejected() {
        assertThat(message("{\"venue\": \"" + "x".repeat(200_000) + "\"}"))
                .isEqualTo("<text>: line 1, column 11: JSON string longer than 100000 characters in venue");
        assertThat(message("{\"walletBalance\": 1" + "0".repeat(500) + ", \"venue\": \"binance-usdm\"}"))
                .isEqualTo("<text>: line 1, column 2: JSON number longer than 100 characters in walletBalance");
    }

    @Test
    void controlCharactersInValuesStayOnOneLine() {
        assertThat(message(withPosition(BTC.replace("\"long\"", "\"lo\\nng\""))))
                .isEqualTo("positions[0].side: must be long or short (got lo\\nng)");
    }

    // --------------------------------------------------------------------------------- files

    @Test
    void missingFileAndDirectoryAreNamed() {
        Path missing = dir.resolve("nope.marginlab");
        assertThatThrownBy(() -> WorkspaceFile.read(missing)).isInstanceOf(WorkspaceException.class)
                .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> WorkspaceFile.read(dir)).hasMessage(dir + ": is a folder, not a file");
    }

    @Test
    void writeReplacesAtomicallyKeepsTheOldFileAsBackupAndLeavesNoTemporaryFile() throws Exception {
        Workspace w = WorkspaceFile.read(TestFiles.path("every-field.marginlab")).workspace();
        Path file = dir.resolve("w.marginlab");
        Files.writeString(file, "old content");
        WorkspaceFile.write(w.withName("new"), file);
        assertThat(WorkspaceFile.read(file).workspace().name()).isEqualTo("new");
        assertThat(Files.readString(dir.resolve("w.marginlab.bak"))).isEqualTo("old content");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("w.marginlab", "w.marginlab.bak");
        }
    }

    @Test
    void theBackupIsAlwaysThePreviousVersion() throws Exception {
        Path file = dir.resolve("v.marginlab");
        Path bak = dir.resolve("v.marginlab.bak");
        Workspace base = WorkspaceFile.read(TestFiles.path("contract-example.marginlab")).workspace();
        WorkspaceFile.write(base.withName("one"), file);
        assertThat(bak).as("a first save has no previous version").doesNotExist();
        byte[] one = Files.readAllBytes(file);
        WorkspaceFile.write(base.withName("two"), file);
        byte[] two = Files.readAllBytes(file);
        assertThat(Files.readAllBytes(bak)).isEqualTo(one);
        WorkspaceFile.write(base.withName("three"), file);
        assertThat(Files.readAllBytes(bak)).as("not an alias of the new file").isEqualTo(two);
        assertThat(WorkspaceFile.read(file).workspace().name()).isEqualTo("three");
        assertThat(WorkspaceFile.read(bak).workspace().name()).isEqualTo("two");
    }

    @Test
    void whenTheBackupCannotBeMadeNothingIsSaved() throws Exception {
        Path file = dir.resolve("b.marginlab");
        Files.writeString(file, "keep me");
        Path blocked = Files.createDirectory(dir.resolve("b.marginlab.bak"));
        Files.writeString(blocked.resolve("inside"), "x");
        assertThatThrownBy(() -> WorkspaceFile.write(Workspace.empty("x", "okx"), file))
                .isInstanceOf(IOException.class).hasMessageContaining("b.marginlab.bak")
                .hasMessageContaining("cannot keep the previous version").hasMessageContaining("nothing was saved");
        assertThat(Files.readString(file)).isEqualTo("keep me");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("b.marginlab", "b.marginlab.bak");
        }
    }

    @Test
    void aWorkspaceThatCouldNotBeReadBackIsNotSaved() throws Exception {
        Path file = dir.resolve("n.marginlab");
        Files.writeString(file, "keep me");
        Workspace huge = Workspace.empty("x", "okx").withWalletBalance(new BigDecimal("1E+40"));
        assertThatThrownBy(() -> WorkspaceFile.write(huge, file)).isInstanceOf(org.marginlab.engine.ValidationException.class)
                .hasMessage("walletBalance: must have at most 30 digits before and 30 after the decimal point (got "
                        + "1" + "0".repeat(40) + ")");
        Workspace unpaired = Workspace.empty("a\ud800b", "okx");
        assertThatThrownBy(() -> WorkspaceFile.write(unpaired, file)).isInstanceOf(org.marginlab.engine.ValidationException.class)
                .hasMessage("name: must be valid Unicode text (an unpaired surrogate \\ud800 at character 1) (got a\\ud800b)");
        assertThat(Files.readString(file)).isEqualTo("keep me");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("n.marginlab");
        }
    }

    @Test
    void readingAValidFileDoesNotTouchIt() throws Exception {
        Path file = dir.resolve("r.marginlab");
        Files.copy(TestFiles.path("every-field.marginlab"), file);
        java.nio.file.attribute.FileTime past = java.nio.file.attribute.FileTime.fromMillis(1_500_000_000_000L);
        Files.setLastModifiedTime(file, past);
        byte[] before = Files.readAllBytes(file);
        WorkspaceFile.read(file);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(past);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aSymbolicLinkIsFollowedAndTheBackupGoesBesideItsTarget() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real")).resolve("t.marginlab");
        WorkspaceFile.write(Workspace.empty("first", "okx"), real);
        Path link = dir.resolve("link.marginlab");
        try {
            Files.createSymbolicLink(link, real);
        } catch (UnsupportedOperationException | IOException e) {
            return; // no symbolic links here (Windows without the privilege)
        }
        WorkspaceFile.write(Workspace.empty("second", "okx"), link);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(WorkspaceFile.read(real).workspace().name()).isEqualTo("second");
        assertThat(WorkspaceFile.read(real.resolveSibling("t.marginlab.bak")).workspace().name()).isEqualTo("first");
    }

    @Test
    void writeKeepsAnExistingFilesPermissions() throws Exception {
        Path file = dir.resolve("perm.marginlab");
        Files.writeString(file, "{}");
        if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) == null) {
            return; // not a POSIX file system: nothing to keep
        }
        Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(file, perms);
        WorkspaceFile.write(Workspace.empty("p", "binance-usdm"), file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(perms);
    }

    @Test
    void failedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path target = sub.resolve("w.marginlab");
        Files.writeString(target, "keep me");
        // the destination is a non-empty directory: the final rename fails
        Path blocked = Files.createDirectory(sub.resolve("blocked.marginlab"));
        Files.writeString(blocked.resolve("inside"), "x");
        assertThatThrownBy(() -> WorkspaceFile.write(Workspace.empty("x", "binance-usdm"), blocked))
                .isInstanceOf(IOException.class);
        assertThat(Files.readString(target)).isEqualTo("keep me");
        try (Stream<Path> files = Files.list(sub)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("w.marginlab", "blocked.marginlab");
        }
    }
}
