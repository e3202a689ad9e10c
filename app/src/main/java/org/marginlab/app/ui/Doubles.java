package org.marginlab.app.ui;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The {@code double} nearest a {@link BigDecimal}, quickly, for what is drawn rather than written:
 * gauges, slider positions, chart coordinates. On JDK 17, {@link BigDecimal#doubleValue()} of a
 * value with more than 18 significant digits (the engine's ratios carry 34,
 * {@link MathContext#DECIMAL128}) goes through {@code toString()} and {@code Double.parseDouble},
 * some microseconds each; a position's gauge and sliders on a 1,000-position account made that
 * milliseconds per keystroke. Rounded first to 15 significant digits, half-even (a {@code double}
 * holds 15 decimal digits exactly, and an unscaled value below 2<sup>52</sup> takes the JDK's
 * fast path: one exact {@code long} divided by an exact power of ten), the result is within half
 * a unit of the 15th significant digit of {@code doubleValue()} (5 × 10<sup>−15</sup> of it,
 * relatively), which no drawing can show.
 */
public final class Doubles {
    private static final MathContext FIFTEEN = new MathContext(15, RoundingMode.HALF_EVEN);

    private Doubles() {
    }

    /**
     * @param value  a value, not null
     * @return the {@code double} nearest {@code value} rounded to 15 significant digits
     */
    public static double of(BigDecimal value) {
        Last l = last;
        if (l.value() == value) {
            return l.result();
        }
        double d = value.precision() > 15 ? value.round(FIFTEEN).doubleValue() : value.doubleValue();
        last = new Last(value, d);
        return d;
    }

    /**
     * The last value converted and its result: every cross position's gauge shows the one account
     * margin ratio (one instance per evaluation), which is then converted once per edit, not once
     * per position. Immutable; a race between threads only costs a conversion.
     */
    private record Last(BigDecimal value, double result) {
    }

    private static volatile Last last = new Last(BigDecimal.ZERO, 0);
}
