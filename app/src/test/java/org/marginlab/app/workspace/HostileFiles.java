package org.marginlab.app.workspace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Hostile workspace files, each with the one line MarginLab must answer with. Shared by the
 * reader's tests ({@link HostileFilesTest}), the command line's and the app's open path, so
 * that all three are held to the same messages.
 */
public final class HostileFiles {
    private HostileFiles() {
    }

    /** Where the problem is found. */
    public enum Stage {
        /** {@link WorkspaceFile#read} refuses the file. */
        READ,
        /** The file reads, and evaluating it ({@link Workspace#toAccount()}) refuses it. */
        EVALUATE
    }

    /**
     * One hostile file.
     *
     * @param name      a short description
     * @param content   the file's bytes (made on demand: one case is over 10 MiB)
     * @param expected  the exact one-line message, {@code %s} standing for the source name (file
     *                  path or {@code <stdin>}); a field error has no source
     * @param stage     where it is refused
     */
    public record Case(String name, Supplier<byte[]> content, String expected, Stage stage) {
        /** @return the message for a source */
        public String expectedFor(String source) {
            return expected.replace("%s", source);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** One valid position, on one line. */
    public static final String BTC = "{\"id\": \"btc\", \"symbol\": \"BTCUSDT\", \"side\": \"long\", \"quantity\": \"1\","
            + " \"entryPrice\": \"60000\", \"leverage\": \"10\"}";

    /** A valid workspace around positions, laid out on lines 1-7 (positions on line 6). */
    public static String workspace(String positions) {
        return "{\n  \"format\": \"marginlab-workspace\",\n  \"version\": 1,\n  \"venue\": \"binance-usdm\",\n"
                + "  \"walletBalance\": \"1000\",\n  \"positions\": [" + positions + "]\n}\n";
    }

    private static String withQuantity(String value) {
        return workspace(BTC.replace("\"quantity\": \"1\"", "\"quantity\": " + value));
    }

    private static Supplier<byte[]> utf8(String text) {
        return () -> text.getBytes(StandardCharsets.UTF_8);
    }

    private static Case read(String name, String text, String expected) {
        return new Case(name, utf8(text), expected, Stage.READ);
    }

    /** A syntactically valid file of {@code size} bytes: a workspace with a long run of spaces. */
    public static byte[] huge(int size) {
        byte[] head = "{\"venue\": \"binance-usdm\"".getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) ' ');
        System.arraycopy(head, 0, b, 0, head.length);
        b[size - 2] = '}';
        b[size - 1] = '\n';
        return b;
    }

    /** @return every case */
    public static List<Case> all() {
        List<Case> c = new ArrayList<>();
        String full = workspace(BTC);
        // ---- not JSON text at all
        c.add(new Case("empty file", () -> new byte[0], "%s: is empty (0 bytes), not a workspace file", Stage.READ));
        c.add(read("blank file", " \n\t\n", "%s: is empty, not a workspace file"));
        c.add(new Case("huge file (> 10 MiB)", () -> huge(WorkspaceFile.MAX_FILE_BYTES + 1),
                "%s: is too large: a workspace file has at most 10 MiB (10485760 bytes)", Stage.READ));
        c.add(new Case("binary file (PNG header)",
                () -> new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'},
                "%s: line 3, column 1: binary data, not a workspace file (a NUL byte at byte offset 8)", Stage.READ));
        c.add(new Case("binary file (JPEG header)", () -> new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 1, 2},
                "%s: line 1, column 1: not UTF-8 text (invalid byte 0xFF at byte offset 0); a workspace file is UTF-8 JSON",
                Stage.READ));
        c.add(new Case("Latin-1 text", () -> full.replace("\"version\": 1,", "\"version\": 1, \"name\": \"caf\u00e9\",")
                .getBytes(StandardCharsets.ISO_8859_1),
                "%s: line 3, column 29: not UTF-8 text (invalid byte 0xE9 at byte offset 65); a workspace file is UTF-8 JSON",
                Stage.READ));
        c.add(new Case("UTF-16 text", () -> ("\uFEFF" + full).getBytes(StandardCharsets.UTF_16LE),
                "%s: is UTF-16 text; a workspace file must be UTF-8", Stage.READ));
        // ---- broken JSON
        c.add(read("truncated file", full.substring(0, full.indexOf("60000")),
                "%s: line 6, column 100: truncated JSON: the text ends before the document is complete "
                        + "(Unexpected end-of-input: was expecting closing quote for a string value)"));
        c.add(read("truncated after a key", full.substring(0, full.indexOf("\"positions\"")),
                "%s: line 6, column 3: truncated JSON: the text ends before the document is complete "
                        + "(Unexpected end-of-input within/between Object entries)"));
        c.add(read("trailing content", full + "{}",
                "%s: line 8, column 1: malformed JSON: unexpected content after the end of the document"));
        c.add(read("not JSON (HTML)", "<html><body>oops</body></html>",
                "%s: line 1, column 1: malformed JSON: Unexpected character ('<' (code 60)): expected a valid value "
                        + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')"));
        c.add(read("duplicate JSON key", workspace(BTC.replace("\"quantity\": \"1\"", "\"quantity\": \"1\", \"quantity\": \"2\"")),
                "%s: line 6, column 95: duplicate key \"quantity\" in positions[0]: a key may appear only once in an object"));
        c.add(read("deeply nested JSON", "{\"venue\": \"binance-usdm\", \"x\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}",
                "%s: line 1, column 95: JSON nested deeper than 64 levels"));
        c.add(read("huge number", "{\"venue\": \"binance-usdm\", \"walletBalance\": 1" + "0".repeat(500) + "}",
                "%s: line 1, column 27: JSON number longer than 100 characters in walletBalance"));
        c.add(read("huge string", "{\"venue\": \"binance-usdm\", \"name\": \"" + "x".repeat(200_000) + "\"}",
                "%s: line 1, column 35: JSON string longer than 100000 characters in name"));
        // ---- numbers
        c.add(read("NaN token", withQuantity("NaN"),
                "%s: line 6, column 83: malformed JSON near positions[0].quantity: NaN is not a JSON number "
                        + "(write a finite decimal such as \"0.5\")"));
        c.add(read("Infinity token", withQuantity("-Infinity"),
                "%s: line 6, column 89: malformed JSON near positions[0].quantity: -Infinity is not a JSON number "
                        + "(write a finite decimal such as \"0.5\")"));
        c.add(read("NaN string", withQuantity("\"NaN\""), "positions[0].quantity: must be a decimal number (got NaN)"));
        c.add(read("Infinity string", withQuantity("\"Infinity\""),
                "positions[0].quantity: must be a decimal number (got Infinity)"));
        c.add(read("1e400 number", withQuantity("1e400"),
                "positions[0].quantity: must have at most 30 digits before and 30 after the decimal point (got 1E+400)"));
        c.add(read("1e400 string", withQuantity("\"1e400\""),
                "positions[0].quantity: must be a plain decimal number without an exponent (got 1e400)"));
        c.add(read("exponent beyond BigDecimal", withQuantity("1e999999999999"),
                "%s: line 6, column 94: JSON number out of range in positions[0].quantity (got 1e999999999999)"));
        c.add(read("negative zero", withQuantity("-0"), "positions[0].quantity: must be > 0 (got 0)"));
        c.add(read("negative size", withQuantity("\"-0.5\""), "positions[0].quantity: must be > 0 (got -0.5)"));
        c.add(read("negative wallet", full.replace("\"walletBalance\": \"1000\"", "\"walletBalance\": -1"),
                "walletBalance: must be ≥ 0 (got -1)"));
        // ---- wrong types and shapes
        c.add(read("boolean quantity", withQuantity("true"),
                "positions[0].quantity: must be a decimal number (a JSON number or a decimal string) (got true)"));
        c.add(read("positions is an object", "{\"venue\": \"binance-usdm\", \"positions\": {}}",
                "positions: must be an array (got {})"));
        c.add(read("number venue", "{\"venue\": 7}", "venue: must be a string (got 7)"));
        c.add(read("array at the top", "[1, 2, 3]", "(root): must be a JSON object (got [1,2,3])"));
        c.add(read("unpaired surrogate", workspace(BTC.replace("\"btc\"", "\"b\\ud800c\"")),
                "positions[0].id: must be valid Unicode text (an unpaired surrogate \\ud800 at character 1) (got b\\ud800c)"));
        // ---- workspace rules
        c.add(read("duplicate ids", workspace(BTC + ", " + BTC + ", " + BTC.replace("\"btc\"", "\"eth\"") + ", " + BTC),
                "positions[1].id: must be unique within the workspace (got btc)"));
        c.add(read("future version", full.replace("\"version\": 1", "\"version\": 2"),
                "version: must be ≤ 1 (got 2); this file was written by a newer MarginLab"));
        c.add(read("other format", full.replace("marginlab-workspace", "excel"), "format: must be marginlab-workspace (got excel)"));
        c.add(read("too many positions", "{\"venue\": \"binance-usdm\", \"positions\": [" + "{}, ".repeat(1000) + "{}]}",
                "positions: must hold at most 1000 positions (got 1001 positions)"));
        c.add(new Case("unknown venue", utf8(full.replace("binance-usdm", "venue-from-2030")),
                "venue: must be one of binance-usdm, binance-coinm, bybit-linear, bybit-inverse, bybit-uta, okx, gate, "
                        + "bitget, kucoin, mexc, bitmex, phemex, kraken-futures, deribit, dydx-v4, hyperliquid, generic "
                        + "(got venue-from-2030)", Stage.EVALUATE));
        return c;
    }
}
