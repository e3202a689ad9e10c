package org.marginlab.engine;

import java.util.Locale;

/**
 * How a position is collateralised.
 * <ul>
 *   <li>{@link #ISOLATED}: the position has its own margin (the isolated wallet balance); a
 *       liquidation loses at most that margin.</li>
 *   <li>{@link #CROSS}: the position shares the account's cross wallet balance with every other
 *       cross position; their maintenance margin and unrealized PnL move its liquidation
 *       price.</li>
 * </ul>
 */
public enum MarginMode {
    ISOLATED, CROSS;

    /**
     * Parses {@code isolated} or {@code cross}, case-insensitively.
     *
     * @param text  the text, not null
     * @return the mode, never null
     * @throws ValidationException if the text is neither
     */
    public static MarginMode parse(String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "isolated": return ISOLATED;
                case "cross": return CROSS;
                default: break;
            }
        }
        throw new ValidationException("marginMode", "must be isolated or cross", text);
    }

    /** @return {@code isolated} or {@code cross}, the workspace-file spelling */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
