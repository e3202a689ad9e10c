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
