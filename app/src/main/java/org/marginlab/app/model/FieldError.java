package org.marginlab.app.model;

import java.util.Objects;

/**
 * A typed input that breaks a rule, e.g. the quantity "abc" ({@code must be a number}).
 *
 * @param field  the input, or null for a rule about the position as a whole (an unknown symbol)
 * @param label  what the user calls the input, e.g. {@code Quantity}; not null
 * @param rule   the rule, e.g. {@code must be > 0}; not null
 * @param got    the offending text as typed (stripped), or null when nothing was typed
 */
public record FieldError(InputField field, String label, String rule, String got) {

    /** Checks the parts are present. */
    public FieldError {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(rule, "rule");
    }

    /** @return e.g. {@code Quantity must be a number (got abc)}: for the field's own message */
    public String message() {
        return label + " " + rule + (got == null || got.isEmpty() ? "" : " (got " + got + ")");
    }

    /**
     * @param positionId  the position's id
     * @return e.g. {@code btc-long.quantity: must be a number (got abc)}: names the position by id,
     *         the field as in the workspace file and the rule, for messages about the whole workspace
     */
    public String pathMessage(String positionId) {
        String name = field == null ? label.toLowerCase(java.util.Locale.ROOT) : field.fileField();
        return positionId + "." + name + ": " + rule + (got == null || got.isEmpty() ? "" : " (got " + got + ")");
    }
}
