package org.marginlab.engine;

/**
 * Which "margin ratio" a venue reports; venues disagree on its direction
 * (spec margin-formulas.md §11).
 */
public enum MarginRatioDefinition {
    /**
     * {@code maintenance margin / margin balance}; rises toward 1 (100 %) as risk grows and the
     * position is liquidated at ≥ 1 (Binance "Liquidation Protocols", Bybit UTA, spec §1.3).
     */
    MAINTENANCE_OVER_MARGIN_BALANCE("maintenance/marginBalance"),
    /**
     * {@code equity / (maintenance margin + fees)}; falls toward 1 as risk grows and liquidation
     * starts at ≤ 1 (OKX, spec §3).
     */
    EQUITY_OVER_MAINTENANCE_PLUS_FEES("equity/(maintenance+fees)");

    private final String id;

    MarginRatioDefinition(String id) {
        this.id = id;
    }

    /** @return the report spelling, e.g. {@code maintenance/marginBalance} (spec workspace-and-cli.md §2.1) */
    public String id() {
        return id;
    }
}
