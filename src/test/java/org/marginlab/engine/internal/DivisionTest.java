package org.marginlab.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Division#divide} against the JDK's own {@code divide}: the same value and the same scale, or the same exception. */
class DivisionTest {
    private static final MathContext[] CONTEXTS = {MathContext.DECIMAL128, MathContext.DECIMAL64, MathContext.UNLIMITED,
            new MathContext(20, RoundingMode.DOWN), new MathContext(34, RoundingMode.UNNECESSARY)};

    @Provide
    Arbitrary<BigDecimal> decimals() {
        Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(
                Arbitraries.longs().between(-1_000_000, 1_000_000).map(BigInteger::valueOf),
                Arbitraries.longs().map(BigInteger::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(17).negate(), BigInteger.TEN.pow(25)),
                // a notional or PnL at a shocked mark: more digits than a long holds, often a multiple of
                // a small divisor (a leverage), up to 40 digits (more than DECIMAL128 keeps)
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(38).negate(), BigInteger.TEN.pow(40))
                        .map(x -> x.multiply(BigInteger.valueOf(720720))));
        return net.jqwik.api.Combinators.combine(unscaled, Arbitraries.integers().between(-4, 12))
                .as(BigDecimal::new);
    }

    @Provide
    Arbitrary<BigDecimal> divisors() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-200, 200).map(BigDecimal::valueOf),
                Arbitraries.of("12.5", "0.5", "2.50", "1E+1", "3", "7", "125", "0.001", "0").map(BigDecimal::new),
                decimals());
    }

    @Property(tries = 5000)
    void sameValueAndScaleAsTheJdk(@ForAll("decimals") BigDecimal dividend, @ForAll("divisors") BigDecimal divisor,
            @ForAll("contexts") MathContext mc) {
        BigDecimal expected;
        try {
            expected = dividend.divide(divisor, mc);
        } catch (ArithmeticException e) {
            assertThatThrownBy(() -> Division.divide(dividend, divisor, mc)).isInstanceOf(ArithmeticException.class);
            return;
        }
        BigDecimal actual = Division.divide(dividend, divisor, mc);
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.scale()).isEqualTo(expected.scale());
    }

    @Provide
    Arbitrary<MathContext> contexts() {
        return Arbitraries.of(CONTEXTS);
    }

    @Test
    void theLeverageCases() {
        // exact: the preferred scale, as the JDK gives it
        assertThat(Division.divide(new BigDecimal("3000.00"), new BigDecimal("5"), MathContext.DECIMAL128))
                .hasToString("600.00");
        assertThat(Division.divide(new BigDecimal("3000"), new BigDecimal("0.05"), MathContext.DECIMAL128))
                .hasToString("6.00E+4");
        assertThat(Division.divide(BigDecimal.ZERO.setScale(3), new BigDecimal("20"), MathContext.DECIMAL128))
                .hasToString("0.000");
        // inexact: the JDK's 34 digits
        assertThat(Division.divide(new BigDecimal("1000"), new BigDecimal("3"), MathContext.DECIMAL128))
                .hasToString("333.3333333333333333333333333333333");
        // a dividend longer than a long: exact by a whole leverage, and one whose quotient has more digits than DECIMAL128 keeps
        assertThat(Division.divide(new BigDecimal("2375.520000000000000000"), new BigDecimal("8"), MathContext.DECIMAL128))
                .hasToString("296.940000000000000000");
        assertThat(Division.divide(new BigDecimal("123456789012345678901234567890123456"), new BigDecimal("2"),
                MathContext.DECIMAL128)).hasToString("6.172839450617283945061728394506173E+34");
        assertThatThrownBy(() -> Division.divide(BigDecimal.ONE, BigDecimal.ZERO, MathContext.DECIMAL128))
                .isInstanceOf(ArithmeticException.class);
    }
}
