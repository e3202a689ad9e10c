package org.marginlab.app.position;

/**
 * The typed inputs of the position editor and the what-if panel, with the workspace-file field
 * name each maps to (so engine {@link org.marginlab.engine.ValidationException}s land on the
 * right field).
 */
public enum InputField {
    QUANTITY("Quantity", "quantity"),
    ENTRY_PRICE("Entry price", "entryPrice"),
    MARK_PRICE("Mark price", "markPrice"),
    LEVERAGE("Leverage", "leverage"),
    ISOLATED_MARGIN("Isolated margin", "isolatedMargin"),
    MARGIN_DELTA("Margin change", "marginDelta");

    private final String label;
    private final String fileField;

    InputField(String label, String fileField) {
        this.label = label;
        this.fileField = fileField;
    }

    /** @return the label a user sees; never null */
    public String label() {
        return label;
    }

    /** @return the workspace-file field name; never null */
    public String fileField() {
        return fileField;
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
