package org.marginlab.app.lesson;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * How close a prediction must be to score: relative ({@code "0.5%"}: |prediction − answer| ≤
 * 0.5 % of |answer|) or absolute ({@code "25"}: |prediction − answer| ≤ 25 in the figure's unit).
 * Both bounds are inclusive.
 *
 * @param amount    the bound: a percentage when {@code relative}, else an amount; ≥ 0
 * @param relative  whether {@code amount} is a percentage of the answer
 * @param text      the tolerance as written in the file ({@code "0.5%"}), kept to write it back
 */
public record Tolerance(BigDecimal amount, boolean relative, String text) {
    /** The tolerance of a question that states none: 1 %. */
    public static final Tolerance DEFAULT = new Tolerance(BigDecimal.ONE, true, "1%");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** @throws IllegalArgumentException if the amount is null or negative */
    public Tolerance {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("must be ≥ 0 (got " + text + ")");
        }
    }

    /**
     * @param text  {@code "0.5%"} or {@code "25"}, not null
     * @return the tolerance, never null
     * @throws IllegalArgumentException with a one-line rule when the text is neither a
     *         non-negative decimal nor one followed by {@code %}
     */
    public static Tolerance parse(String text) {
        String t = text.strip();
        boolean relative = t.endsWith("%");
        String number = relative ? t.substring(0, t.length() - 1).strip() : t;
        BigDecimal amount;
        try {
            amount = new BigDecimal(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a percentage such as \"0.5%\" or an amount such as \"25\" (got \""
                    + text + "\")");
        }
        if (amount.signum() < 0 || amount.abs().compareTo(new BigDecimal("1e15")) > 0) {
            throw new IllegalArgumentException("must be ≥ 0 and at most 10^15 (got \"" + text + "\")");
        }
        return new Tolerance(amount, relative, text);
    }

    /**
     * The prediction's error, in the tolerance's terms.
     *
     * @param prediction  the prediction, not null
     * @param answer      the engine's answer, not null
     * @return |prediction − answer| / |answer| × 100 (in percent) when relative (0 when both are
     *         0, null when the answer is 0 and the prediction is not), else |prediction − answer|
     */
    public BigDecimal error(BigDecimal prediction, BigDecimal answer) {
        BigDecimal diff = prediction.subtract(answer).abs();
        if (!relative) {
            return diff;
        }
        if (answer.signum() == 0) {
            return diff.signum() == 0 ? BigDecimal.ZERO : null;
        }
        return diff.multiply(HUNDRED).divide(answer.abs(), MathContext.DECIMAL64);
    }

    /**
     * @param prediction  the prediction, not null
     * @param answer      the engine's answer, not null
     * @return whether the prediction is within this tolerance of the answer (inclusive)
     */
    public boolean accepts(BigDecimal prediction, BigDecimal answer) {
        BigDecimal error = error(prediction, answer);
        return error != null && error.compareTo(amount) <= 0;
    }

    /** @return the text as written ({@code "0.5%"}) */
    @Override
    public String toString() {
        return text;
    }
}
