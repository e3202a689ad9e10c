package org.marginlab.app.tiers;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading a venue's answer field by field, strictly: a field of the wrong type, a number that is
 * missing, not a plain decimal, negative, NaN or absurdly large is refused with its path
 * ({@code result.list[2].maintenanceMargin}) and the reason. Venues send numbers as JSON numbers or
 * as decimal strings; both are read exactly.
 */
final class Fields {
    /** Largest magnitude accepted for any number of a tier table (notional caps included). */
    static final BigDecimal MAX = new BigDecimal("1e15");
    /** Most tiers a table may have (Binance has a dozen, Bybit a few dozen). */
    static final int MAX_TIERS = 200;
    /** Longest number text accepted. */
    private static final int MAX_NUMBER_TEXT = 40;

    private Fields() {
    }

    /** The node at {@code path} as an object. */
    static JsonNode object(JsonNode node, String path) throws FetchFailure {
        if (node == null || !node.isObject()) {
            throw FetchFailure.refused(path + ": must be a JSON object" + got(node));
        }
        return node;
    }

    /** The field {@code name} of an object, as an array of at most {@link #MAX_TIERS} elements. */
    static JsonNode array(JsonNode parent, String name, String path) throws FetchFailure {
        JsonNode a = parent.get(name);
        return array(a, path.isEmpty() ? name : path + "." + name);
    }

    /** The node as an array of at most {@link #MAX_TIERS} elements. */
    static JsonNode array(JsonNode a, String where) throws FetchFailure {
        if (a == null || !a.isArray()) {
            throw FetchFailure.refused(where + ": must be a JSON array" + got(a));
        }
        if (a.size() > MAX_TIERS) {
            throw FetchFailure.refused(where + ": has " + a.size() + " entries, more than the " + MAX_TIERS
                    + " a tier table may have");
        }
        return a;
    }

    /** A required text field. */
    static String text(JsonNode parent, String name, String path) throws FetchFailure {
        JsonNode n = parent.get(name);
        if (n == null || !(n.isTextual() || n.isNumber())) {
            throw FetchFailure.refused(path + "." + name + ": must be text" + got(n));
        }
        return n.asText();
    }

    /** An optional text field: null when absent or JSON null. */
    static String optionalText(JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        return n == null || n.isNull() || !(n.isTextual() || n.isNumber()) ? null : n.asText();
    }

    /** A required number ≥ 0 (a JSON number or a decimal string). */
    static BigDecimal decimal(JsonNode parent, String name, String path) throws FetchFailure {
        BigDecimal d = optionalDecimal(parent, name, path);
        if (d == null) {
            throw FetchFailure.refused(path + "." + name + ": is missing");
        }
        return d;
    }

    /** A number ≥ 0 that may be absent, JSON null or an empty string (then null). */
    static BigDecimal optionalDecimal(JsonNode parent, String name, String path) throws FetchFailure {
        JsonNode n = parent.get(name);
        String where = path + "." + name;
        if (n == null || n.isNull() || n.isTextual() && n.textValue().isBlank()) {
            return null;
        }
        String text;
        if (n.isNumber()) {
            text = n.numberValue().toString();
        } else if (n.isTextual()) {
            text = n.textValue().strip();
        } else {
            throw FetchFailure.refused(where + ": must be a number" + got(n));
        }
        if (text.length() > MAX_NUMBER_TEXT) {
            throw FetchFailure.refused(where + ": must be a number of at most " + MAX_NUMBER_TEXT + " characters (got "
                    + text.length() + ")");
        }
        BigDecimal d;
        try {
            d = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw FetchFailure.refused(where + ": must be a decimal number (got \"" + text + "\")");
        }
        if (d.signum() < 0) {
            throw FetchFailure.refused(where + ": must not be negative (got " + text + ")");
        }
        if (d.compareTo(MAX) > 0) {
            throw FetchFailure.refused(where + ": must be at most 1e15 (got " + text + ")");
        }
        if (d.scale() > 30) {
            throw FetchFailure.refused(where + ": has more than 30 decimals (got " + text + ")");
        }
        return d;
    }

    /** A required whole number ≥ 0, for tier numbers and table ids. */
    static int integer(JsonNode parent, String name, String path) throws FetchFailure {
        BigDecimal d = decimal(parent, name, path);
        try {
            int v = d.intValueExact();
            if (v > 1_000_000) {
                throw new ArithmeticException();
            }
            return v;
        } catch (ArithmeticException e) {
            throw FetchFailure.refused(path + "." + name + ": must be a whole number up to 1,000,000 (got "
                    + d.toPlainString() + ")");
        }
    }

    private static String got(JsonNode n) {
        if (n == null) {
            return ", but it is missing";
        }
        String type = n.isObject() ? "an object" : n.isArray() ? "an array" : n.isTextual() ? "text" : n.isNumber()
                ? "a number" : n.isBoolean() ? "a boolean" : n.isNull() ? "null" : n.getNodeType().toString();
        return " (got " + type + ")";
    }
}
