package org.marginlab.app.workspace;

import java.io.IOException;
import java.nio.file.FileSystemException;

import org.marginlab.engine.ValidationException;

/**
 * A workspace that cannot be read: the file is missing or unreadable, is not well-formed JSON,
 * or holds an invalid value. The message is always one line, fit to print as it is:
 * <ul>
 *   <li>an invalid value names the field path, the rule and the value, as
 *       {@link ValidationException} does: {@code positions[2].entryPrice: must be > 0 (got 0)};</li>
 *   <li>malformed JSON names the source, line and column:
 *       {@code btc.marginlab: line 3, column 5: malformed JSON: …};</li>
 *   <li>an I/O problem names the source: {@code btc.marginlab: no such file}.</li>
 * </ul>
 */
public final class WorkspaceException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String fieldPath;
    private final int line;
    private final int column;

    private WorkspaceException(String message, String fieldPath, int line, int column, Throwable cause) {
        super(oneLine(message), cause);
        this.fieldPath = fieldPath;
        this.line = line;
        this.column = column;
    }

    static WorkspaceException invalid(ValidationException e) {
        String path = e.path().isEmpty() ? e.field() : e.path() + "." + e.field();
        return new WorkspaceException(e.getMessage(), path, -1, -1, e);
    }

    static WorkspaceException field(String fieldPath, String message) {
        return new WorkspaceException(message, fieldPath, -1, -1, null);
    }

    static WorkspaceException syntax(String source, int line, int column, String detail, Throwable cause) {
        String where = line > 0 ? "line " + line + (column > 0 ? ", column " + column : "") + ": " : "";
        return new WorkspaceException(source + ": " + where + detail, null, line, column, cause);
    }

    static WorkspaceException io(String source, String detail, Throwable cause) {
        return new WorkspaceException(source + ": " + detail, null, -1, -1, cause);
    }

    /**
     * The reason of an I/O error as it goes into a one-line message: a file system error's reason
     * ("Read-only file system"), else the message, else the exception's simple name.
     */
    static String describe(IOException e) {
        if (e instanceof FileSystemException) {
            String reason = ((FileSystemException) e).getReason();
            if (reason != null) {
                return reason;
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * @return the path of the invalid field, e.g. {@code positions[2].entryPrice}, or null when
     *         the problem is not one field's value (I/O, JSON syntax)
     */
    public String fieldPath() {
        return fieldPath;
    }

    /** @return the 1-based line of a JSON syntax error, or -1 */
    public int line() {
        return line;
    }

    /** @return the 1-based column of a JSON syntax error, or -1 */
    public int column() {
        return column;
    }

    /** @return the validation error behind this one, or null */
    public ValidationException validation() {
        return getCause() instanceof ValidationException ? (ValidationException) getCause() : null;
    }

    /**
     * Makes a message printable on one line: control characters (a line break inside a value)
     * become escapes, and a very long message is cut.
     *
     * @param message  any text, may be null
     * @return one line, never null
     */
    public static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(message.length(), 400));
        for (int i = 0; i < message.length(); i++) {
            if (b.length() >= 500) {
                b.append("…");
                break;
            }
            char c = message.charAt(i);
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
