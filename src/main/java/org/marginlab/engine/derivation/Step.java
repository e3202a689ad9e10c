package org.marginlab.engine.derivation;

import java.math.BigDecimal;

/**
 * One step of a {@link Derivation}.
 *
 * @param term     what the step computes, in the field's standard terms ("Maintenance margin",
 *                 "Liquidation price, solve 2"), not null
 * @param symbol   the symbol of its result in the plain notation of {@link Expr.Sym}
 *                 ({@code MM}, {@code P_2}), or null for a step without a value
 * @param formula  the formula of the value in symbols and numbers, or null for a step that
 *                 states a choice (the tier in force, a re-check that keeps the tier)
 * @param value    the value the engine computed, or null for a step without a value; when both
 *                 it and {@code formula} are present, evaluating the formula's substituted form
 *                 gives it (to the engine's 34 significant digits)
 * @param unit     the value's unit ({@code USDT}, {@code BTC}, {@code USDT per BTC}), empty for
 *                 a ratio or a count, not null
 * @param source   the rule's source, the spec document and section the rule set cites
 *                 ({@code margin-formulas.md §1.1}), not null
 * @param note     a sentence that says what the step means or decides (the tier's bounds; why a
 *                 re-check moved the tier), empty if none, not null
 */
public record Step(String term, String symbol, Expr formula, BigDecimal value, String unit, String source,
        String note) {

    /** @throws NullPointerException if {@code term}, {@code unit}, {@code source} or {@code note} is null */
    public Step {
        java.util.Objects.requireNonNull(term, "term");
        java.util.Objects.requireNonNull(unit, "unit");
        java.util.Objects.requireNonNull(source, "source");
        java.util.Objects.requireNonNull(note, "note");
    }

    /**
     * A step with a value and its formula.
     *
     * @return the step, with an empty note
     */
    public static Step of(String term, String symbol, Expr formula, BigDecimal value, String unit, String source) {
        return new Step(term, symbol, formula, value, unit, source, "");
    }

    /**
     * A step that states a choice, without a formula.
     *
     * @return the step
     */
    public static Step note(String term, String note, String source) {
        return new Step(term, null, null, null, "", source, note);
    }

    /** @return this step with the note given */
    public Step withNote(String text) {
        return new Step(term, symbol, formula, value, unit, source, text);
    }
}
