package org.marginlab.engine;

import java.util.Locale;

/**
 * Contract type.
 * <ul>
 *   <li>{@link #LINEAR}: margined and settled in the quote currency (USDT, USDC); quantity in
 *       base units; notional {@code Q·CS·P} in quote.</li>
 *   <li>{@link #INVERSE}: coin-margined; quantity in contracts of {@code CS} quote each;
 *       notional {@code Q·CS/P} in coin (spec margin-formulas.md §0).</li>
 *   <li>{@link #QUANTO}: BitMEX quanto (spec venues-v2.md §1.5): settled in a coin other than
 *       the quote (XBT for ETHUSD); {@code CS} is the multiplier (coin per 1 quote of price per
 *       contract); value {@code Q·CS·P} in the settlement coin, linear in the price, so every
 *       linear formula applies with {@code k = CS}.</li>
 * </ul>
 */
public enum ContractType {
    LINEAR, INVERSE, QUANTO;

    /** @return whether the notional is {@code Q·CS/P} (inverse) rather than {@code Q·CS·P} */
    public boolean isInverse() {
        return this == INVERSE;
    }

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
                case "quanto": return QUANTO;
                default: break;
            }
        }
        throw new ValidationException("contract", "must be linear, inverse or quanto", text);
    }

    /** @return {@code linear}, {@code inverse} or {@code quanto}, the workspace-file spelling */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
