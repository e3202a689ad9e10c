package org.marginlab.engine.venue;

/**
 * The spec sections a rule set's derivation steps cite (each the section the rule set's own
 * Javadoc names for that rule).
 *
 * @param maintenance     maintenance margin and its tier
 * @param liquidation     the liquidation and bankruptcy price equations
 * @param marginRatio     the margin ratio
 * @param maxRemovable    the max removable isolated margin
 * @param crossWallet     the wallet term of a cross position
 */
record Sources(String maintenance, String liquidation, String marginRatio, String maxRemovable,
        String crossWallet) {

    /** Binance USDⓈ-M, and the rules that share its form (margin-formulas.md §1). */
    static final Sources BINANCE = new Sources("margin-formulas.md §1.2", "margin-formulas.md §1.1",
            "margin-formulas.md §1.3", "margin-formulas.md §1.6", "margin-formulas.md §1.1");

    /** @return these sources with every section replaced by one */
    static Sources all(String section) {
        return new Sources(section, section, section, section, section);
    }

    /** @return these sources with the liquidation section replaced */
    Sources withLiquidation(String section) {
        return new Sources(maintenance, section, marginRatio, maxRemovable, crossWallet);
    }
}
