package org.marginlab.engine;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An input that breaks a rule. The message always names the field, the rule and the value,
 * in the form {@code positions[0].leverage: must be > 0 (got -5)}, so that the command line can
 * print it as it is and the app can show it beside the field. A value longer than
 * {@value #MAX_VALUE_SHOWN} characters is cut: {@code (got 1111…1111… (5000000 characters))}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String field;
    private final String rule;
    private final String value;

    /**
     * Creates an exception for one field.
     *
     * @param field  the field's name as in the workspace file, e.g. {@code leverage}; not null
     * @param rule   the rule, e.g. {@code must be > 0}; not null
     * @param value  the offending value, may be null
     */
    public ValidationException(String field, String rule, Object value) {
        this("", field, rule, value);
    }

    private ValidationException(String path, String field, String rule, Object value) {
        super(compose(path, field, rule, value));
        this.path = path;
        this.field = Objects.requireNonNull(field, "field");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.value = value == null ? null : display(value);
    }

    private static String compose(String path, String field, String rule, Object value) {
        String name = path.isEmpty() ? field : path + "." + field;
        return name + ": " + rule + " (got " + (value == null ? "nothing" : display(value)) + ")";
    }

    /** Longest offending value shown in full; a longer one is cut (a pasted 5 MB value makes a one-line message). */
    public static final int MAX_VALUE_SHOWN = 80;

    private static String display(Object value) {
        String text = value instanceof BigDecimal ? ((BigDecimal) value).toPlainString() : String.valueOf(value);
        if (text.length() > MAX_VALUE_SHOWN) {
            int cut = MAX_VALUE_SHOWN - 20;
            if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--;
            }
            return text.substring(0, cut) + "… (" + text.length() + " characters)";
        }
        return text;
    }

    /**
     * Returns the same error located inside a container, e.g. {@code positions[2]}.
     *
     * @param prefix  the container's path, not null
     * @return a new exception whose path is {@code prefix} followed by this one's path
     */
    public ValidationException within(String prefix) {
        String p = path.isEmpty() ? prefix : prefix + "." + path;
        ValidationException e = new ValidationException(p, field, rule, value);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** @return the container path, e.g. {@code positions[2]}, or empty; never null */
    public String path() {
        return path;
    }

    /** @return the field's own name, e.g. {@code leverage}; never null */
    public String field() {
        return field;
    }

    /** @return the rule that was broken, e.g. {@code must be > 0}; never null */
    public String rule() {
        return rule;
    }

    /** @return the offending value as text, or null if it was missing */
    public String value() {
        return value;
    }
}
