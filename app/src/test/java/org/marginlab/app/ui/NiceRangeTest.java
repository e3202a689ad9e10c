package org.marginlab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class NiceRangeTest {

    @Test
    void equityFrom480To7312_onFourTicks_isZeroTo8000By2000() {
        assertThat(NiceRange.of(480, 7312, 4)).isEqualTo(new NiceRange(0, 8000, 2000));
        assertThat(NiceRange.of(480, 7312, 3)).isEqualTo(new NiceRange(0, 7500, 2500));
        assertThat(NiceRange.of(480, 7312, 8)).isEqualTo(new NiceRange(0, 8000, 1000));
    }

    @Test
    void negativeDataAndNoData() {
        assertThat(NiceRange.of(-1877, 3300, 6)).isEqualTo(new NiceRange(-2000, 4000, 1000));
        assertThat(NiceRange.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 5)).isEqualTo(new NiceRange(0, 1, 0.2));
    }

    @Test
    void dataMovingInsideItsTicks_keepsTheRange() {
        assertThat(NiceRange.of(0, 7312, 4)).isEqualTo(NiceRange.of(0, 7420, 4));
        assertThat(NiceRange.of(0, 7312, 4)).isNotEqualTo(NiceRange.of(0, 8100, 4));
    }

    @Property(tries = 2000)
    void containsZeroAndTheData_withinTheTicksItHasRoomFor(@ForAll @DoubleRange(min = -1e9, max = 1e9) double a,
            @ForAll @DoubleRange(min = -1e9, max = 1e9) double b, @ForAll @IntRange(min = 1, max = 20) int maxTicks) {
        double min = Math.min(a, b);
        double max = Math.max(a, b);
        NiceRange r = NiceRange.of(min, max, maxTicks);
        assertThat(r.lower()).isLessThanOrEqualTo(Math.min(0, min));
        assertThat(r.upper()).isGreaterThanOrEqualTo(Math.max(0, max));
        assertThat(r.tick()).isPositive();
        assertThat((r.upper() - r.lower()) / r.tick()).isLessThanOrEqualTo(Math.max(maxTicks, min < 0 && max > 0 ? 2 : 1) + 1e-6);
        double mantissa = r.tick() / Math.pow(10, Math.floor(Math.log10(r.tick())));
        assertThat(List.of(1.0, 2.0, 2.5, 5.0, 10.0)).anySatisfy(m -> assertThat(mantissa).isCloseTo(m, within(1e-9)));
    }
}
