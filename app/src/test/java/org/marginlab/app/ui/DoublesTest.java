package org.marginlab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

class DoublesTest {

    @Property(tries = 2000)
    void withinHalfAUnitOfTheFifteenthDigitOfDoubleValue(@ForAll @BigRange(min = "-1e12", max = "1e12") @Scale(30) BigDecimal value) {
        double exact = value.doubleValue();
        assertThat(Doubles.of(value)).isCloseTo(exact, within(Math.abs(exact) * 5e-15));
    }

    @Test
    void aRatioOf34DigitsIsRoundedNotTruncated() {
        BigDecimal ratio = new BigDecimal("0.6666666666666666666666666666666667");
        assertThat(Doubles.of(ratio)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(Doubles.of(new BigDecimal("0.12345678901234549999"))).isEqualTo(0.123456789012345);
        assertThat(Doubles.of(new BigDecimal("1.5"))).isEqualTo(1.5);
        assertThat(Doubles.of(new BigDecimal("-250000"))).isEqualTo(-250000.0);
    }
}
