package org.marginlab.engine.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * {@link BigDecimal#divide(BigDecimal, MathContext)} with the same result, faster when the
 * quotient is exact and small.
 *
 * <p>Why: the engine divides by leverage at every evaluation (initial margin =
 * notional / leverage, margin-formulas.md §0), and leverage is usually a whole number that
 * divides the notional exactly. The JDK then computes a 34-digit quotient
 * ({@link MathContext#DECIMAL128}) and strips its trailing zeros one division by ten at a time,
 * allocating at each: on a 200-position account that was 45 % of all the memory an edit
 * allocated, and the garbage collections it caused were the slowest keystrokes.
 *
 * <p>The fast path: when the divisor's unscaled value fits in a {@code long} and divides the
 * dividend's (a {@code long} remainder when that fits too, else one single-word
 * {@link BigInteger} division), and the quotient has at most {@code mc}'s precision in digits,
 * the quotient is exact, and the JDK returns it at the preferred scale
 * ({@code dividend.scale() − divisor.scale()}, the scale closest to the preferred one that
 * represents it exactly), so this returns that same value with that same scale (equal by
 * {@link BigDecimal#equals}, not only by {@code compareTo}). Every other case, including a zero
 * divisor (which throws {@link ArithmeticException}), is the JDK's.
 */
public final class Division {
    private Division() {
    }

    /**
     * @param dividend  the dividend, not null
     * @param divisor   the divisor, not null
     * @param mc        the precision and rounding of an inexact quotient, not null
     * @return {@code dividend.divide(divisor, mc)}, the identical value and scale
     * @throws ArithmeticException if {@code divisor} is zero, or the quotient is inexact and
     *         {@code mc} says {@code UNNECESSARY}
     */
    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor, MathContext mc) {
        int precision = mc.getPrecision();
        if (divisor.signum() != 0 && (precision == 0 || precision >= 19) && divisor.precision() <= 18) {
            long b = divisor.unscaledValue().longValue();
            long scale = (long) dividend.scale() - divisor.scale();
            if (scale == (int) scale) {
                if (dividend.precision() <= 18) {
                    long a = dividend.unscaledValue().longValue();
                    if (a % b == 0 && !(a == Long.MIN_VALUE && b == -1)) {
                        return BigDecimal.valueOf(a / b, (int) scale);
                    }
                } else {
                    // a long dividend (a notional or PnL at a shocked mark) by a short divisor: one
                    // single-word division tells whether the quotient is exact
                    BigInteger[] qr = dividend.unscaledValue().divideAndRemainder(BigInteger.valueOf(b));
                    if (qr[1].signum() == 0 && (precision == 0 || qr[0].bitLength() < 63
                            || new BigDecimal(qr[0]).precision() <= precision)) {
                        return new BigDecimal(qr[0], (int) scale);
                    }
                }
            }
        }
        return dividend.divide(divisor, mc);
    }
}
