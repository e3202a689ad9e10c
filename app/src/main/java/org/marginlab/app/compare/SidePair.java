package org.marginlab.app.compare;

import java.math.BigDecimal;

/**
 * One figure of one position on both sides of the comparison, formatted for display.
 *
 * @param isolated       the figure with every position isolated, formatted; never null
 * @param cross          the figure with every position cross, formatted; never null
 * @param different      whether the two differ meaningfully (see {@link ComparisonViewModel#differ}),
 *                       so the view highlights the pair
 * @param isolatedValue  the isolated figure at full precision (a price, a fraction, an amount),
 *                       or null where the text is not a number ("none", "—", a liquidation)
 * @param crossValue     the cross figure at full precision, or null likewise
 */
public record SidePair(String isolated, String cross, boolean different, BigDecimal isolatedValue,
        BigDecimal crossValue) {

    /** A pair of texts without their values. */
    public SidePair(String isolated, String cross, boolean different) {
        this(isolated, cross, different, null, null);
    }
}
