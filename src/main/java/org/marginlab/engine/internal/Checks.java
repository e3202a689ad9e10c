package org.marginlab.engine.internal;

import java.math.BigDecimal;
import java.util.Objects;

import org.marginlab.engine.ValidationException;

/**
 * Argument checks that return their argument, in the manner of Strata's {@code ArgChecker}.
 * Every failure is a {@link ValidationException} naming the field, the rule and the value.
 */
public final class Checks {
    private Checks() {
    }

    /** Fails unless {@code value} is present. */
    public static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, "is required", null);
        }
        return value;
    }

    /** Fails unless {@code value} is present and not blank. */
    public static String notBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "must not be empty", value);
        }
        return value;
    }

    /** Fails unless {@code value > 0}. */
    public static BigDecimal positive(BigDecimal value, String field) {
        notNull(value, field);
        if (value.signum() <= 0) {
            throw new ValidationException(field, "must be > 0", value);
        }
        return value;
    }

    /** Fails unless {@code value ≥ 0}. */
    public static BigDecimal notNegative(BigDecimal value, String field) {
        notNull(value, field);
        if (value.signum() < 0) {
            throw new ValidationException(field, "must be ≥ 0", value);
        }
        return value;
    }

    /** Fails unless {@code 0 ≤ value < 1}. */
    public static BigDecimal fraction(BigDecimal value, String field) {
        notNegative(value, field);
        if (value.compareTo(BigDecimal.ONE) >= 0) {
            throw new ValidationException(field, "must be < 1 (a fraction, 0.005 = 0.5 %)", value);
        }
        return value;
    }

    /** Null-safe variant of {@link #positive}: null passes. */
    public static BigDecimal positiveOrNull(BigDecimal value, String field) {
        return value == null ? null : positive(value, field);
    }

    /** Objects.requireNonNull for programming errors (not user input). */
    public static <T> T required(T value, String what) {
        return Objects.requireNonNull(value, what);
    }
}
