package org.marginlab.engine;

import java.util.Locale;

/**
 * Contract type.
 * <ul>
 *   <li>{@link #LINEAR}: margined and settled in the quote currency (USDT, USDC); quantity in
 *       base units; notional {@code Q·CS·P} in quote.</li>
 *   <li>{@link #INVERSE}: coin-margined; quantity in contracts of {@code CS} quote each;
 *       notional {@code Q·CS/P} in coin (spec margin-formulas.md §0).</li>
 * </ul>
 */
public enum ContractType {
    LINEAR, INVERSE;

    /**
     * Parses {@code linear} or {@code inverse}, case-insensitively.
     *
     * @param text  the text, not null
     * @return the contract type, never null
     * @throws ValidationException if the text is neither
     */
    public static ContractType parse(String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "linear": return LINEAR;
                case "inverse": return INVERSE;
                default: break;
            }
        }
        throw new ValidationException("contract", "must be linear or inverse", text);
    }

    /** @return {@code linear} or {@code inverse}, the workspace-file spelling */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
