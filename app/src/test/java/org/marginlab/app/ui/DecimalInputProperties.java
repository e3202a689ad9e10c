package org.marginlab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link DecimalInput#parse} on arbitrary text: every input is either refused with one of the
 * documented rules, or parsed exactly, i.e. to {@code new BigDecimal} of the text with the
 * locale's separators normalised, scale included. Plain and locale-formatted decimals within the
 * limits are always accepted.
 */
class DecimalInputProperties {

    private static final List<Locale> LOCALES = List.of(Locale.US, Locale.GERMANY, Locale.FRANCE, Locale.ROOT,
            Locale.forLanguageTag("de-CH"), Locale.ITALY);
    private static final Set<String> RULES = Set.of("is required", "must be a number", "must not use exponent notation",
            "must have at most 30 digits before and 30 after the decimal point",
            "must be a number without a unit");
    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    @Provide
    Arbitrary<Locale> locales() {
        return Arbitraries.of(LOCALES);
    }

    /** Any text: full Unicode, or built from the characters numbers are made of. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> unicode = Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(40);
        Arbitrary<String> numberish = Arbitraries.strings().withChars("0123456789.,,,...--+ eE\u2212\u00a0\u202f'\u2019_")
                .ofMaxLength(30);
        Arbitrary<String> digitsOnly = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(45);
        return Arbitraries.oneOf(unicode, numberish, numberish, digitsOnly);
    }

    @Property(tries = 3000)
    void anyTextIsRefusedByARuleOrParsedExactly(@ForAll("texts") String text, @ForAll("locales") Locale locale) {
        DecimalInput input = new DecimalInput(locale);
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        BigDecimal value;
        try {
            value = input.parse(text);
        } catch (DecimalInput.InputException e) {
            assertThat(e.getMessage()).satisfiesAnyOf(
                    m -> assertThat(RULES).contains(m),
                    m -> assertThat(m).isEqualTo("must be a number (use '" + symbols.getDecimalSeparator() + "' for decimals)"));
            return;
        }
        String stripped = text.strip();
        String normalized = normalize(stripped, symbols);
        assertThat(normalized).as("accepted %s (%s)", text, locale).matches(PLAIN);
        assertThat(value).isEqualTo(new BigDecimal(normalized)); // equals: the scale too
        assertThat(value.scale()).isBetween(0, 30);
        assertThat((long) value.precision() - value.scale()).isLessThanOrEqualTo(30);
        int point = stripped.indexOf(symbols.getDecimalSeparator());
        if (point >= 0) {
            assertThat(stripped.substring(point + 1)).as("no grouping after the decimal point: %s", text)
                    .doesNotContain(String.valueOf(symbols.getGroupingSeparator()), " ", "\u00a0", "\u202f");
        }
    }

    /** The text with the locale's decimal separator as '.', grouping removed, U+2212 as '-'. */
    private static String normalize(String s, DecimalFormatSymbols symbols) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == symbols.getDecimalSeparator()) {
                b.append('.');
            } else if (c == symbols.getGroupingSeparator() || c == ' ' || c == '\u00a0' || c == '\u202f') {
                continue;
            } else {
                b.append(c == '\u2212' ? '-' : c);
            }
        }
        return b.toString();
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Combinators.combine(Arbitraries.bigIntegers().between(java.math.BigInteger.ZERO,
                        java.math.BigInteger.TEN.pow(24)), Arbitraries.integers().between(0, 34), Arbitraries.of(1, -1))
                .as((u, scale, sign) -> new BigDecimal(u, scale).multiply(BigDecimal.valueOf(sign)));
    }

    @Property(tries = 2000)
    void plainDecimalsAreParsedExactlyOrRefusedForTheirDigits(@ForAll("decimals") BigDecimal v,
            @ForAll("locales") Locale locale) {
        char point = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        String typed = v.toPlainString().replace('.', point);
        boolean outOfRange = (long) v.precision() - v.scale() > 30 || v.scale() > 30;
        try {
            BigDecimal parsed = new DecimalInput(locale).parse(typed);
            assertThat(outOfRange).as("accepted %s", typed).isFalse();
            assertThat(parsed).isEqualTo(v);
        } catch (DecimalInput.InputException e) {
            assertThat(outOfRange).as("refused %s: %s", typed, e.getMessage()).isTrue();
        }
    }

    @Property(tries = 1000)
    void numbersFormattedWithTheLocalesGroupingAreReadBackExactly(@ForAll("decimals") BigDecimal any,
            @ForAll("locales") Locale locale) {
        BigDecimal v = any.abs().round(new java.math.MathContext(18));
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        if (v.scale() > 30 || (long) v.precision() - v.scale() > 30) {
            return;
        }
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(true);
        format.setMinimumFractionDigits(v.scale());
        format.setMaximumFractionDigits(v.scale());
        String typed = format.format(v);
        assertThat(new DecimalInput(locale).parse(typed)).as(typed).isEqualTo(v);
    }
}
