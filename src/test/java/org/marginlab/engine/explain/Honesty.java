package org.marginlab.engine.explain;

import org.marginlab.engine.derivation.Derivation;
import org.marginlab.engine.derivation.Expr;
import org.marginlab.engine.derivation.ExprText;
import org.marginlab.engine.derivation.Step;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;

/**
 * The honesty check of a derivation, with an evaluator that is not the engine (EvalEx, at 68
 * significant digits): every step's substituted formula evaluates to the step's stated value,
 * and the last step's value is the engine's figure exactly.
 *
 * <p>Tolerance: the engine divides at 34 significant digits ({@code DECIMAL128}) and rounds a
 * liquidation price's last digit toward the loss side; the evaluator does not. A step agrees when
 * {@code |stated − evaluated| ≤ 1e-24 · max(1, |stated|, largest |value| in the formula)}: ten
 * digits of slack over the engine's precision, far below any displayed digit, and still a
 * failure for any wrong term (the smallest term the rules use, a fee rate of 1e-5 on a notional
 * of 1, is 1e-5).
 *
 * <p>Ill-conditioned steps: where a formula subtracts two nearly equal terms (a short whose
 * isolated margin equals its notional at entry, {@code W − F/EP ≈ 1e-35}), the engine's own
 * rounding of {@code F/EP} to 34 digits decides the result, and an evaluator at 68 digits gets
 * another, equally meaningless, number. Such a step (only such a step) is accepted when the
 * evaluator at the engine's documented precision ({@code DECIMAL128}, HALF_EVEN, each operation)
 * gets the stated value within the same tolerance.
 */
final class Honesty {
    static final ExpressionConfiguration CONFIG = ExpressionConfiguration.builder()
            .mathContext(new MathContext(68, RoundingMode.HALF_EVEN)).build();
    static final ExpressionConfiguration ENGINE_PRECISION = ExpressionConfiguration.builder()
            .mathContext(MathContext.DECIMAL128).build();
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-24");

    private Honesty() {
    }

    /** @return the evaluator's value of the step's substituted formula */
    static BigDecimal evaluate(Step step) {
        return evaluate(step, CONFIG);
    }

    private static BigDecimal evaluate(Step step, ExpressionConfiguration config) {
        String text = ExprText.substituted(step.formula());
        try {
            return new Expression(text, config).evaluate().getNumberValue();
        } catch (Exception e) {
            throw new AssertionError("step '" + step.term() + "' does not evaluate: " + text, e);
        }
    }

    /** Asserts a derivation's honesty, with the figure the engine reported. */
    static void check(Derivation d, BigDecimal engineFigure, String label) {
        for (Step step : d.steps()) {
            checkStep(step, label);
        }
        if (d.shown() != null) {
            checkStep(d.shown(), label);
        }
        if (engineFigure == null) {
            assertThat(d.value()).as(label + ": no figure").isNull();
            return;
        }
        assertThat(d.steps()).as(label + ": steps").isNotEmpty();
        Step last = d.steps().get(d.steps().size() - 1);
        assertThat(last.value()).as(label + ": the last step (" + last.term() + ") is the engine's figure")
                .isNotNull().isEqualByComparingTo(engineFigure);
        assertThat(d.value()).as(label + ": the derivation's value").isEqualByComparingTo(engineFigure);
    }

    static void checkStep(Step step, String label) {
        if (step.formula() == null) {
            assertThat(step.value()).as(label + ": a step without a formula has no value: " + step.term()).isNull();
            assertThat(step.note()).as(label + ": a step without a formula says what it decides: " + step.term())
                    .isNotBlank();
            return;
        }
        assertThat(step.value()).as(label + ": " + step.term() + " has a value").isNotNull();
        BigDecimal evaluated = evaluate(step);
        BigDecimal scale = BigDecimal.ONE.max(step.value().abs()).max(largest(step.formula()));
        BigDecimal gap = evaluated.subtract(step.value()).abs();
        BigDecimal bound = TOLERANCE.multiply(scale);
        if (gap.compareTo(bound) > 0) {
            BigDecimal atEnginePrecision = evaluate(step, ENGINE_PRECISION);
            if (atEnginePrecision.subtract(step.value()).abs().compareTo(bound) <= 0) {
                return;
            }
        }
        assertThat(gap).as(label + ": step '" + step.term() + "' = " + ExprText.substituted(step.formula())
                + " evaluates to " + evaluated.toPlainString() + ", the step says " + step.value().toPlainString())
                .isLessThanOrEqualTo(TOLERANCE.multiply(scale));
    }

    private static BigDecimal largest(Expr e) {
        if (e instanceof Expr.Num n) {
            return n.value().abs();
        }
        if (e instanceof Expr.Sym s) {
            return s.value().abs();
        }
        BigDecimal m = BigDecimal.ZERO;
        for (Expr a : ((Expr.Op) e).args()) {
            m = m.max(largest(a));
        }
        return m;
    }
}
