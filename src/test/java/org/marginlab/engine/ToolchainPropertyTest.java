package org.marginlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Scale;

/**
 * Proves the test toolchain of the engine module: jqwik properties run under surefire on the
 * module path (tests patched into {@code org.marginlab.engine}), with AssertJ assertions, and the
 * {@link BigDecimal} facts the engine relies on hold.
 */
class ToolchainPropertyTest {

    @Property
    void addingThenSubtractingIsExact(@ForAll BigDecimal a, @ForAll BigDecimal b) {
        assertThat(a.add(b).subtract(b)).isEqualByComparingTo(a);
    }

    @Property
    void additionIsCommutative(@ForAll BigDecimal a, @ForAll BigDecimal b) {
        assertThat(a.add(b)).isEqualTo(b.add(a));
    }

    @Property
    void compareToIgnoresScaleButEqualsDoesNot(@ForAll @Scale(4) BigDecimal a) {
        BigDecimal widened = a.setScale(a.scale() + 2);
        assertThat(widened.compareTo(a)).isZero();
        assertThat(widened).isNotEqualTo(a);
    }

    @Property
    void decimal128DivisionRoundTripsWithinOneUlp(
            @ForAll @Scale(8) BigDecimal a, @ForAll @Scale(8) BigDecimal b) {
        if (b.signum() == 0) {
            return;
        }
        BigDecimal q = a.divide(b, MathContext.DECIMAL128);
        BigDecimal back = q.multiply(b, MathContext.DECIMAL128);
        BigDecimal tolerance = a.abs().max(BigDecimal.ONE).movePointLeft(30);
        assertThat(back.subtract(a).abs()).isLessThanOrEqualTo(tolerance);
    }
}
