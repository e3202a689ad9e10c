package org.marginlab.engine.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link LiquidationCascade#compareMagnitude}: the cascade orders its events by the magnitude of
 * their shock with it; it must agree with {@code x.abs().compareTo(y.abs())} in sign for any two
 * values: both signs, zeros, equal magnitudes of opposite sign, different scales.
 */
class CompareMagnitudeProperties {
    @Provide
    Arbitrary<BigDecimal> shocks() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("-0.9"), new BigDecimal("2")).ofScale(15),
                Arbitraries.of(BigDecimal.ZERO, new BigDecimal("0.000"), new BigDecimal("-0.25"), new BigDecimal("0.25"),
                        new BigDecimal("-0.250"), new BigDecimal("0.1")));
    }

    @Property(tries = 2000)
    void agreesWithComparingAbsoluteValues(@ForAll("shocks") BigDecimal x, @ForAll("shocks") BigDecimal y) {
        assertThat(Integer.signum(LiquidationCascade.compareMagnitude(x, y)))
                .as("%s vs %s", x, y).isEqualTo(Integer.signum(x.abs().compareTo(y.abs())));
    }
}
