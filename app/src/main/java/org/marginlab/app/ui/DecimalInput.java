package org.marginlab.app.ui;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Parses what a user typed into a number field into an exact {@link BigDecimal}, with an
 * explicit {@link Locale} for the decimal and grouping separators. It rejects rather than
 * guesses: no exponent notation, no trailing text, grouping separators only between groups of
 * three digits of the integer part, and no more digits before ({@value #MAX_INTEGER_DIGITS}) or
 * after ({@value #MAX_FRACTION_DIGITS}) the point than a workspace file holds: the limits of the
 * file and of the command line, so that the window accepts and refuses the same numbers as they
 * do (nothing is rounded: the engine computes with the exact value).
 * Range rules (&gt; 0 and so on) are the view-model's and the engine's.
 *
 * <p>Immutable and thread-safe.
 */
public final class DecimalInput {
    /**
     * Most digits before the decimal point: a workspace file's limit, so that a value typed here
     * can always be saved and read back. The same number as the workspace package's
     * {@code Decimals.MAX_INTEGER_DIGITS} (a test checks it), declared here because {@code ui}
     * depends on no other package of the app.
     */
    public static final int MAX_INTEGER_DIGITS = 30;
    /** Most digits after the decimal point: as {@link #MAX_INTEGER_DIGITS}, a workspace file's limit. */
    public static final int MAX_FRACTION_DIGITS = 30;
    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    /** Text ending in a digit then a unit or currency code, as pasted from a venue ("60,000 USDT", "20x", "5 %"). */
    private static final Pattern UNIT_SUFFIX = Pattern.compile(".*\\d\\s*(\\p{L}{1,6}|%)");
    /** A number followed by a unit or currency code, as pasted from a venue ("60000 USDT", "20x", "5%"). */
    private static final Pattern WITH_UNIT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)\\s*(\\p{L}{1,6}|%)");

    private final Locale locale;
    private final char decimalSeparator;
    private final char groupingSeparator;

    /**
     * @param locale  the locale whose separators the user types, not null
     */
    public DecimalInput(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        this.decimalSeparator = symbols.getDecimalSeparator();
        this.groupingSeparator = symbols.getGroupingSeparator();
    }

    /** @return the locale; never null */
    public Locale locale() {
        return locale;
    }

    /**
     * Parses a typed number.
     *
     * @param text  the typed text, may be null
     * @return the exact value, never null
     * @throws InputException with the rule broken: {@code is required}, {@code must be a number},
     *         {@code must not use exponent notation} or {@code must have at most 30 digits before and 30 after the decimal point}
     */
    public BigDecimal parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new InputException("is required");
        }
        if (UNIT_SUFFIX.matcher(s).matches()) {
            throw new InputException("must be a number without a unit");
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean fraction = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == decimalSeparator) {
                b.append('.');
                fraction = true;
            } else if (c == groupingSeparator || c == '\u00a0' || c == '\u202f' || c == ' '
                    || (c == '\'' && groupingSeparator == '\u2019')) {
                // Swiss grouping is typed with the keyboard's apostrophe as well as the typographic one
                // groups of three digits, and only in the integer part: "1.5,000" is not 1.5000
                if (fraction || !groupOfThreeFollows(s, i)) {
                    throw new InputException(c == groupingSeparator && c != ' ' && c != '\u00a0' && c != '\u202f'
                            ? "must be a number (use '" + decimalSeparator + "' for decimals)"
                            : "must be a number");
                }
            } else if (c == '\u2212') {
                b.append('-');
            } else {
                b.append(c);
            }
        }
        String plain = b.toString();
        if (plain.indexOf('e') >= 0 || plain.indexOf('E') >= 0) {
            if (PLAIN.matcher(plain.replaceFirst("[eE][+-]?\\d+$", "")).matches()) {
                throw new InputException("must not use exponent notation");
            }
        }
        if (!PLAIN.matcher(plain).matches()) {
            if (WITH_UNIT.matcher(plain).matches()) {
                throw new InputException("must be a number without a unit");
            }
            throw new InputException("must be a number");
        }
        BigDecimal value = new BigDecimal(plain);
        // the workspace file's limits: a value typed here can always be saved and read back
        if ((long) value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > MAX_FRACTION_DIGITS) {
            throw new InputException("must have at most " + MAX_INTEGER_DIGITS + " digits before and "
                    + MAX_FRACTION_DIGITS + " after the decimal point");
        }
        return value;
    }

    /** Whether a grouping separator at {@code i} is followed by exactly three digits. */
    private boolean groupOfThreeFollows(String s, int i) {
        if (i == 0 || !Character.isDigit(s.charAt(i - 1))) {
            return false;
        }
        int digits = 0;
        int j = i + 1;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
            digits++;
            j++;
        }
        return digits == 3;
    }

    /**
     * A rule broken by typed text; the message is the rule alone (e.g. {@code must be a
     * number}), to be prefixed with the field's name.
     */
    public static final class InputException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InputException(String rule) {
            super(rule);
        }
    }
}
