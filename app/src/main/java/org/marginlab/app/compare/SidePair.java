package org.marginlab.app.compare;

import java.math.BigDecimal;

/**
 * One figure of one position on both sides of the comparison, formatted for display. Two pairs
 * are equal when they show the same (texts and highlight); the full-precision values ride along
 * for the CSV export ({@link #sameValues}).
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

    /** Equal when both show the same texts with the same highlight; the values are not compared. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SidePair p && isolated.equals(p.isolated) && cross.equals(p.cross) && different == p.different;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(isolated, cross, different);
    }

    /**
     * @param a  a pair, or null
     * @param b  a pair, or null
     * @return whether both carry the same values (numerically), or both are null
     */
    public static boolean sameValues(SidePair a, SidePair b) {
        if (a == null || b == null) {
            return a == b;
        }
        return same(a.isolatedValue, b.isolatedValue) && same(a.crossValue, b.crossValue);
    }

    private static boolean same(BigDecimal x, BigDecimal y) {
        return x == null ? y == null : y != null && x.compareTo(y) == 0;
    }
}
