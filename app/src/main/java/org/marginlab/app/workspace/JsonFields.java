package org.marginlab.app.workspace;

import java.math.BigDecimal;

import org.marginlab.engine.ValidationException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed reads of one field of a JSON object node, for {@link WorkspaceMapping}: text and
 * decimals, required or optional (absent and JSON {@code null} are the same), each error a
 * {@link ValidationException} that names the field (relative to its object; the caller adds the
 * path with {@link ValidationException#within}), the rule and the value.
 *
 * <p>Text must be a JSON string of valid Unicode (no unpaired surrogate such as U+D800, which
 * JSON can carry as an escape but no UTF-8 file can hold). A decimal may be a JSON number or a
 * decimal string ({@link Decimals}); a number in exponent form within range is kept exactly
 * ({@code 1.5e3} reads as {@code 1500}); {@code NaN}, infinities and numbers outside
 * {@link Decimals}' range are refused.
 *
 * <p>Stateless and thread-safe.
 */
final class JsonFields {
    private JsonFields() {
    }

    /** @return the field's node, or null when it is absent or JSON null */
    static JsonNode present(JsonNode object, String field) {
        JsonNode n = object.get(field);
        return n == null || n.isNull() ? null : n;
    }

    /** @return the field's text; refuses an absent field, a non-string and invalid Unicode */
    static String requiredText(JsonNode object, String field) {
        String s = optionalText(object, field);
        if (s == null) {
            throw new ValidationException(field, "is required", null);
        }
        return s;
    }

    /** @return the field's text, or null when absent; refuses a non-string and invalid Unicode */
    static String optionalText(JsonNode object, String field) {
        JsonNode n = present(object, field);
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            throw new ValidationException(field, "must be a string", show(n));
        }
        return checkText(n.textValue(), field);
    }

    /**
     * Refuses text that is not valid Unicode: JSON can carry an unpaired surrogate such as U+D800
     * as an escape, but no UTF-8 file can hold it, so it could not be saved back exactly.
     */
    static String checkText(String s, String field) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ValidationException(field, String.format(
                        "must be valid Unicode text (an unpaired surrogate \\u%04x at character %d)", (int) c, i),
                        escapeSurrogates(s));
            }
        }
        return s;
    }

    private static String escapeSurrogates(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 80));
        for (int i = 0; i < s.length() && b.length() < 60; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.length() < 60 ? b.toString() : b + "…";
    }

    /** @return the field's decimal; refuses an absent field and anything but a finite decimal in range */
    static BigDecimal requiredDecimal(JsonNode object, String field) {
        BigDecimal d = optionalDecimal(object, field);
        if (d == null) {
            throw new ValidationException(field, "is required", null);
        }
        return d;
    }

    /** @return the field's decimal, or null when absent; refuses anything but a finite decimal in range */
    static BigDecimal optionalDecimal(JsonNode object, String field) {
        JsonNode n = present(object, field);
        if (n == null) {
            return null;
        }
        if (n.isTextual()) {
            return Decimals.parse(checkText(n.textValue(), field), field);
        }
        if (n.isNumber()) {
            if (n.isFloat() || n.isDouble()) {
                // not produced with USE_BIG_DECIMAL_FOR_FLOATS; guard against NaN/Infinity anyway
                double v = n.doubleValue();
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    throw new ValidationException(field, "must be a finite decimal number", show(n));
                }
            }
            BigDecimal v = Decimals.checkRange(n.decimalValue(), field, n.asText());
            // an exponent form (1.5e3 = 15E+2) is kept exactly, as the plain decimal it writes back as
            return v.scale() < 0 ? v.setScale(0) : v;
        }
        throw new ValidationException(field, "must be a decimal number (a JSON number or a decimal string)", show(n));
    }

    /** A short, one-line rendering of a JSON value for error messages. */
    static String show(JsonNode n) {
        String s = n.isTextual() ? escapeSurrogates(n.textValue()) : n.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
