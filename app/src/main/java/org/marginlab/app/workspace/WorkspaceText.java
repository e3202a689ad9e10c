package org.marginlab.app.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The first step of reading a workspace: the text of a file, a stream or a string, with hostile
 * input in mind. A file is never written, locked or touched, only read.
 *
 * <p>It refuses, each with one line that names the source: a folder, a named pipe, a device or
 * anything else that is not a regular file ({@link FileKind}, checked before it is opened); a
 * missing or unreadable file; content larger than {@value #MAX_FILE_BYTES} bytes (10 MiB), checked from a file's size
 * before anything is read and again while reading (a stream is read at most one byte past the
 * limit); empty or blank content; binary content (a NUL byte, with its line, column and byte
 * offset); text that is not UTF-8 (UTF-16/32 byte order marks, or an invalid byte sequence with
 * its line, column and byte offset). A UTF-8 byte order mark is skipped.
 *
 * <p>Every method throws {@link WorkspaceException}: built with {@code io} for what concerns
 * the source as a whole (no line), with {@code syntax} for a bad byte (line and column).
 * Stateless and thread-safe.
 */
final class WorkspaceText {
    /** Largest file read, in bytes (10 MiB). */
    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    private WorkspaceText() {
    }

    /**
     * The text of a file.
     *
     * @param file  the file, not null; its name is the source in messages
     * @return the text, without a byte order mark, never blank
     * @throws WorkspaceException if the file is a folder, missing, unreadable, too large, empty,
     *         binary or not UTF-8
     */
    static String read(Path file) throws WorkspaceException {
        String source = file.toString();
        // never open what is not a regular file: a FIFO would block the reading thread, a device never end
        java.util.Optional<String> notAFile = FileKind.whyNotAFile(file);
        if (notAFile.isPresent()) {
            throw WorkspaceException.io(source, notAFile.get(), null);
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
            throw WorkspaceException.io(source, "cannot read: " + WorkspaceException.describe(e), e);
        }
        return decode(bytes, source);
    }

    /**
     * The text of a stream, read to its end or to one byte past {@value #MAX_FILE_BYTES}; the
     * stream is not closed.
     *
     * @param in          the bytes, not null
     * @param sourceName  what to call the source in messages, not null
     * @return the text, without a byte order mark, never blank
     * @throws WorkspaceException if the stream cannot be read, is too large, empty, binary or
     *         not UTF-8
     */
    static String read(InputStream in, String sourceName) throws WorkspaceException {
        byte[] bytes;
        try {
            bytes = readBounded(in, sourceName);
        } catch (IOException e) {
            throw WorkspaceException.io(sourceName, "cannot read: " + WorkspaceException.describe(e), e);
        }
        return decode(bytes, sourceName);
    }

    /**
     * The same checks for text already in memory: its length (in characters) and that it is not
     * blank; a leading byte order mark is dropped.
     *
     * @param json    the text, not null
     * @param source  what to call it in messages, not null
     * @return the text, without a byte order mark, never blank
     * @throws WorkspaceException if the text is longer than {@value #MAX_FILE_BYTES} characters
     *         or blank
     */
    static String of(String json, String source) throws WorkspaceException {
        if (json.length() > MAX_FILE_BYTES) {
            throw tooLarge(source);
        }
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        if (text.isBlank()) {
            throw WorkspaceException.io(source, "is empty, not a workspace file", null);
        }
        return text;
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
}
