package org.marginlab.app.compare;

/**
 * One figure of one position on both sides of the comparison, formatted for display.
 *
 * @param isolated   the figure with every position isolated, formatted; never null
 * @param cross      the figure with every position cross, formatted; never null
 * @param different  whether the two differ meaningfully (see {@link ComparisonViewModel#differ}),
 *                   so the view highlights the pair
 */
public record SidePair(String isolated, String cross, boolean different) {
}
