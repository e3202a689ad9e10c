package org.marginlab.app.model;

/**
 * The typed inputs of the position editor and the what-if panel, with the workspace-file field
 * name each maps to (so engine {@link org.marginlab.engine.ValidationException}s land on the
 * right field) and the node id the view gives its text field.
 */
public enum InputField {
    QUANTITY("Quantity", "quantity", "quantity"),
    ENTRY_PRICE("Entry price", "entryPrice", "entryPrice"),
    MARK_PRICE("Mark price", "markPrice", "markPrice"),
    LEVERAGE("Leverage", "leverage", "leverage"),
    ISOLATED_MARGIN("Isolated margin", "isolatedMargin", "isolatedMargin"),
    CONTRACT_SIZE("Contract size", "contractSize", "contractSize"),
    MMR("Maintenance margin rate", "maintenance.mmr", "mmr"),
    MAINTENANCE_AMOUNT("Maintenance amount", "maintenance.maintenanceAmount", "maintenanceAmount"),
    /** KuCoin's liquidation-fee rate (spec venues-v2.md §2.4, §13); other venues ignore it. */
    LIQUIDATION_FEE_RATE("Liquidation fee rate", "liquidationFeeRate", "liquidationFeeRate"),
    /** The taker fee rate, a fraction; empty = the venue's default (spec venues-v2.md §10.1). */
    TAKER_FEE_RATE("Taker fee rate", "takerFeeRate", "takerFeeRate"),
    /** The maker fee rate, a fraction, negative for a rebate; empty = none known (no default). */
    MAKER_FEE_RATE("Maker fee rate", "makerFeeRate", "makerFeeRate"),
    /** The funding rate per interval, a fraction, positive when longs pay (§10.1, §13). */
    FUNDING_RATE("Funding rate", "fundingRate", "fundingRate"),
    /** Hours between funding payments; empty = the venue's interval (§10.2). */
    FUNDING_INTERVAL_HOURS("Funding interval", "fundingIntervalHours", "fundingIntervalHours"),
    /** Hours the position is held, for the projected funding; empty = 0. */
    HOLDING_HOURS("Holding time", "holdingHours", "holdingHours"),
    /** Annualised volatility, a fraction; empty = the symbol's default (engine sizing.Volatilities). */
    VOLATILITY("Volatility", "volatility", "volatility"),
    /** Horizon of the probability of liquidation, hours; empty = 24. */
    PROBABILITY_HORIZON_HOURS("Probability horizon", "probabilityHorizonHours", "probabilityHorizonHours"),
    MARGIN_DELTA("Margin change", "marginDelta", "marginDelta");

    private final String label;
    private final String fileField;
    private final String nodeId;

    InputField(String label, String fileField, String nodeId) {
        this.label = label;
        this.fileField = fileField;
        this.nodeId = nodeId;
    }

    /** @return the label a user sees; never null */
    public String label() {
        return label;
    }

    /** @return the workspace-file field name (dotted for nested fields); never null */
    public String fileField() {
        return fileField;
    }

    /** @return the id of the input's node in the view, e.g. {@code quantity}; never null */
    public String nodeId() {
        return nodeId;
    }

    /**
     * @param fileField  a workspace-file field name
     * @return the input with that name, or null
     */
    public static InputField byFileField(String fileField) {
        for (InputField f : values()) {
            if (f.fileField.equals(fileField)) {
                return f;
            }
        }
        return null;
    }
}
