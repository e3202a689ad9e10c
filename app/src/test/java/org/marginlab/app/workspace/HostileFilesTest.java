package org.marginlab.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marginlab.app.workspace.HostileFiles.Case;
import org.marginlab.app.workspace.HostileFiles.Stage;
import org.marginlab.engine.ValidationException;

/**
 * Opening a corrupt, truncated, empty, binary, huge or hostile file gives one clear line naming
 * what is wrong and where, never modifies or touches the file, and leaves the reader usable.
 */
class HostileFilesTest {

    @TempDir
    Path dir;

    static Stream<Case> cases() {
        return HostileFiles.all().stream();
    }

    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fileIsRefusedWithOneLineAndLeftUntouched(Case c) throws Exception {
        Path file = dir.resolve("hostile.marginlab");
        byte[] bytes = c.content().get();
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, LONG_AGO);

        String message = refusal(c, () -> WorkspaceFile.read(file));
        assertThat(message).isEqualTo(c.expectedFor(file.toString()));
        assertOneLine(message);

        assertThat(Files.getLastModifiedTime(file)).as("mtime").isEqualTo(LONG_AGO);
        assertThat(Files.readAllBytes(file)).as("bytes").isEqualTo(bytes);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no file created beside it").containsExactly(file);
        }
        // still usable: the next read of a good file works
        assertThat(WorkspaceFile.read(TestFiles.path("contract-example.marginlab")).workspace().positions()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void streamIsRefusedWithTheSameLine(Case c) {
        byte[] bytes = c.content().get();
        String message = refusal(c, () -> WorkspaceFile.read(new ByteArrayInputStream(bytes), "<stdin>"));
        assertThat(message).isEqualTo(c.expectedFor("<stdin>"));
    }

    /** Reads, and evaluates when the case is refused only then; returns the refusal's message. */
    private static String refusal(Case c, Reader reader) {
        if (c.stage() == Stage.READ) {
            try {
                ReadResult r = reader.read();
                throw new AssertionError("expected " + c + " to be refused, read " + r.workspace());
            } catch (WorkspaceException e) {
                assertThat(e.fieldPath() != null || e.getMessage().contains(": ")).isTrue();
                return e.getMessage();
            }
        }
        Workspace w;
        try {
            w = reader.read().workspace();
        } catch (WorkspaceException e) {
            throw new AssertionError("expected " + c + " to read", e);
        }
        try {
            w.toAccount();
        } catch (ValidationException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected " + c + " to be refused when evaluated");
    }

    @FunctionalInterface
    private interface Reader {
        ReadResult read() throws WorkspaceException;
    }

    private static void assertOneLine(String message) {
        assertThat(message).doesNotContain("\n", "\r", "Exception", "REDACTED", "`");
        assertThat(message.length()).isLessThan(300);
    }

    // ---------------------------------------------------------------- details of the rules

    @Test
    void theSizeLimitIsCheckedBeforeReading() throws Exception {
        // a sparse 2 GiB file: reading it all would take seconds and 2 GiB of memory
        Path file = dir.resolve("sparse.marginlab");
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.SPARSE)) {
            ch.position((2L << 30) - 1);
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}));
        }
        assertThatThrownBy(() -> WorkspaceFile.read(file))
                .hasMessage(file + ": is too large: a workspace file has at most 10 MiB (10485760 bytes)");
    }

    @Test
    void aFileOfExactlyTheLimitIsRead() throws Exception {
        Path file = dir.resolve("big.marginlab");
        Files.write(file, HostileFiles.huge(WorkspaceFile.MAX_FILE_BYTES));
        assertThat(WorkspaceFile.read(file).workspace().venueId()).isEqualTo("binance-usdm");
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() throws Exception {
        byte[] text = HostileFiles.workspace(HostileFiles.BTC).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        assertThat(WorkspaceFile.read(new ByteArrayInputStream(withBom), "bom").workspace().positions()).hasSize(1);
    }

    @Test
    void exponentFormsOfJsonNumbersReadExactly() throws Exception {
        Workspace w = WorkspaceFile.fromJson(HostileFiles.workspace(HostileFiles.BTC
                .replace("\"quantity\": \"1\"", "\"quantity\": 1.5e-3")
                .replace("\"entryPrice\": \"60000\"", "\"entryPrice\": 6E4"))).workspace();
        assertThat(w.positions().get(0).quantity()).hasToString("0.0015");
        assertThat(w.positions().get(0).entryPrice()).hasToString("60000");
        assertThat(WorkspaceFile.fromJson(WorkspaceFile.toJson(w)).workspace()).isEqualTo(w);
    }

    @Test
    void onlyTheFirstTwentyUnknownFieldsAreWarnedAbout() throws Exception {
        StringBuilder json = new StringBuilder("{\"venue\": \"binance-usdm\"");
        for (int i = 0; i < 500; i++) {
            json.append(", \"u").append(i).append("\": ").append(i);
        }
        List<String> warnings = WorkspaceFile.fromJson(json + "}").warnings();
        assertThat(warnings).hasSize(21).startsWith("u0: unknown field, ignored")
                .endsWith("more unknown fields, ignored without further warnings");
    }

    @Test
    void aVeryLongDecimalStringIsRefusedByName() {
        assertThatThrownBy(() -> WorkspaceFile.fromJson("{\"venue\": \"okx\", \"walletBalance\": \"" + "1".repeat(50_000) + "\"}"))
                .hasMessage("walletBalance: must be a decimal number of at most 100 characters (got "
                        + "1".repeat(40) + "… (50000 characters))");
    }

    @Test
    void tooManyTiersAreRefused() {
        String tier = "{\"floor\": \"0\", \"mmr\": \"0.01\", \"maintenanceAmount\": \"0\"}";
        String json = HostileFiles.workspace(HostileFiles.BTC.replace("}", ", \"tiers\": ["
                + (tier + ", ").repeat(WorkspaceFile.MAX_TIERS) + tier + "]}"));
        assertThatThrownBy(() -> WorkspaceFile.fromJson(json))
                .hasMessage("positions[0].tiers: must hold at most 100 tiers (got 101 tiers)");
    }
}
