package org.marginlab.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

import org.marginlab.engine.ValidationException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The workspace file's decimal parser ({@link Decimals#parse}) on arbitrary strings: refused
 * with a {@link ValidationException} naming the field and a rule, or parsed exactly to
 * {@code new BigDecimal(text.strip())}, scale included. Plain decimals within the limits are
 * always accepted; the same values as JSON numbers read the same through the whole file.
 */
class DecimalsProperties {

    private static final Pattern PLAIN = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> unicode = Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(40);
        Arbitrary<String> numberish = Arbitraries.strings().withChars("0123456789.-+eE ,\u00a0\u2212xXN").ofMaxLength(40);
        Arbitrary<String> longDigits = Arbitraries.strings().numeric().withChars('.').ofMinLength(50).ofMaxLength(200);
        return Arbitraries.oneOf(unicode, numberish, numberish, longDigits);
    }

    @Property(tries = 3000)
    void anyTextIsRefusedByNameOrParsedExactly(@ForAll("texts") String text) {
        BigDecimal value;
        try {
            value = Decimals.parse(text, "positions[0].quantity");
        } catch (ValidationException e) {
            assertThat(e.field()).isEqualTo("positions[0].quantity");
            assertThat(e.getMessage()).startsWith("positions[0].quantity: must ");
            assertThat(e.rule()).isIn("must be a decimal number", "must be a plain decimal number without an exponent",
                    "must have at most 30 digits before and 30 after the decimal point",
                    "must be a decimal number of at most 100 characters");
            return;
        }
        String t = text.strip();
        assertThat(t).as("accepted %s", text).matches(PLAIN);
        assertThat(value).isEqualTo(new BigDecimal(t));
        assertThat(value.scale()).isBetween(0, 30);
        assertThat((long) value.precision() - value.scale()).isLessThanOrEqualTo(30);
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Combinators.combine(Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(40)),
                        Arbitraries.integers().between(0, 40), Arbitraries.of(1, -1))
                .as((u, scale, sign) -> new BigDecimal(u, scale).multiply(BigDecimal.valueOf(sign)));
    }

    @Property(tries = 2000)
    void plainDecimalsAreReadExactlyAsTextAndAsJsonNumbers(@ForAll("decimals") BigDecimal v) throws Exception {
        boolean inRange = (long) v.precision() - v.scale() <= 30 && v.scale() <= 30;
        String text = v.toPlainString();
        String json = "{\"venue\": \"okx\", \"walletBalance\": %s}";
        try {
            assertThat(Decimals.parse(text, "walletBalance")).isEqualTo(v);
            assertThat(inRange).as("accepted %s", text).isTrue();
        } catch (ValidationException e) {
            assertThat(inRange).as("refused %s: %s", text, e.getMessage()).isFalse();
        }
        for (String form : new String[] {"\"" + text + "\"", text, v.toString()}) {
            try {
                Workspace w = WorkspaceFile.fromJson(String.format(json, form)).workspace();
                assertThat(inRange && v.signum() >= 0).as("accepted %s", form).isTrue();
                BigDecimal expected = v.scale() < 0 ? v.setScale(0) : v;
                assertThat(w.walletBalance()).isEqualTo(expected);
            } catch (WorkspaceException e) {
                assertThat(e.fieldPath()).isEqualTo("walletBalance");
                assertThat(inRange && v.signum() >= 0).as("refused %s: %s", form, e.getMessage()).isFalse();
            }
        }
    }
}
