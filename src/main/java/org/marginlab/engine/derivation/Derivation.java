package org.marginlab.engine.derivation;

import java.math.BigDecimal;
import java.util.List;

/**
 * How the engine obtained one figure: its steps, in order, from the position's inputs to the
 * figure, recorded by the code that computed it ({@link org.marginlab.engine.explain.Explainer}).
 *
 * @param positionId  the position's id, or null for an account figure
 * @param figure      the figure, not null
 * @param steps       the steps; the last one's value is {@code value} exactly; not null, copied
 * @param value       the figure at full precision as the engine reports it, or null when the
 *                    figure does not exist (a cross position's margin ratio; a position that
 *                    cannot be liquidated); then the steps say why
 * @param shown       the display rounding of a price to the venue's tick (venues-v2.md §11), or
 *                    null when the figure is not a price, does not exist or no tick is known
 * @param ruleSet     the rule set that computed it, {@code id@version}
 */
public record Derivation(String positionId, Figure figure, List<Step> steps, BigDecimal value, Step shown,
        String ruleSet) {

    /** Copies the steps. */
    public Derivation {
        steps = List.copyOf(steps);
    }
}
