package org.marginlab.app.workspace;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.marginlab.engine.ValidationException;

/**
 * The rules for a decimal number typed by a person or stored in a workspace file
 * (spec workspace-and-cli.md §1: "Numbers may be JSON numbers or decimal strings").
 *
 * <ul>
 *   <li>Text must be a plain decimal: an optional minus, digits, an optional point and digits
 *       ({@code 60000}, {@code 0.5}, {@code -12.25}, {@code .5}). No exponent ({@code 1e3}), no
 *       {@code NaN}/{@code Infinity}, no grouping separators, no plus sign. Surrounding blanks are
 *       ignored. The scale is kept: {@code "60000.00"} stays {@code 60000.00}.</li>
 *   <li>Every value, text or JSON number, must have at most {@value #MAX_INTEGER_DIGITS}
 *       digits before and {@value #MAX_FRACTION_DIGITS} after the decimal point, so that a
 *       value such as {@code 1e400} is rejected by name instead of slowing the engine down;
 *       a text longer than {@value #MAX_TEXT_LENGTH} characters is refused before it is
 *       converted.</li>
 * </ul>
 * Failures are {@link ValidationException}s naming the field, the rule and the value.
 */
public final class Decimals {
    /** Most digits allowed before the decimal point. */
    public static final int MAX_INTEGER_DIGITS = 30;
    /** Most digits allowed after the decimal point. */
    public static final int MAX_FRACTION_DIGITS = 30;
    /** Longest decimal text read (more than enough for the digits above and a sign). */
    public static final int MAX_TEXT_LENGTH = 100;

    private static final Pattern PLAIN = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern EXPONENT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)[eE][+-]?\\d+");

    private Decimals() {
    }

    /**
     * Parses a plain decimal text.
     *
     * @param text   the text, may be null
     * @param field  the field's name or path for the error message, not null
     * @return the value with the scale as written; never null
     * @throws ValidationException if the text is missing, not a plain decimal, or out of range
     */
    public static BigDecimal parse(String text, String field) {
        if (text == null) {
            throw new ValidationException(field, "is required", null);
        }
        String t = text.strip();
        if (t.length() > MAX_TEXT_LENGTH) {
            throw new ValidationException(field, "must be a decimal number of at most " + MAX_TEXT_LENGTH + " characters",
                    t.substring(0, 40) + "… (" + t.length() + " characters)");
        }
        if (!PLAIN.matcher(t).matches()) {
            if (EXPONENT.matcher(t).matches()) {
                throw new ValidationException(field, "must be a plain decimal number without an exponent", text);
            }
            throw new ValidationException(field, "must be a decimal number", text);
        }
        return checkRange(new BigDecimal(t), field, text);
    }

    /**
     * Checks that a value has at most {@value #MAX_INTEGER_DIGITS} integer digits and
     * {@value #MAX_FRACTION_DIGITS} fraction digits.
     *
     * @param value    the value, not null
     * @param field    the field's name or path, not null
     * @param display  how to show the value in the error, not null
     * @return {@code value}
     * @throws ValidationException if it is out of range
     */
    public static BigDecimal checkRange(BigDecimal value, String field, String display) {
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS || value.scale() > MAX_FRACTION_DIGITS) {
            throw new ValidationException(field, "must have at most " + MAX_INTEGER_DIGITS + " digits before and "
                    + MAX_FRACTION_DIGITS + " after the decimal point", display);
        }
        return value;
    }
}
