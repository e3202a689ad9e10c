package org.marginlab.engine;

import java.math.BigDecimal;

/**
 * Direction of a position. The sign convention used throughout the engine is {@code s = +1} for
 * long and {@code s = -1} for short, so that unrealized PnL is {@code s·Q·(mark − entry)}
 * (linear) and a liquidation price lies below the mark for a long and above it for a short.
 */
public enum Side {
    /** Gains when the price rises; {@code s = +1}. */
    LONG(1),
    /** Gains when the price falls; {@code s = -1}. */
    SHORT(-1);

    private final int sign;
    private final BigDecimal signDecimal;

    Side(int sign) {
        this.sign = sign;
        this.signDecimal = BigDecimal.valueOf(sign);
    }

    /** @return {@code +1} for long, {@code -1} for short */
    public int sign() {
        return sign;
    }

    /** @return {@code 1} for long, {@code -1} for short, as a decimal; never null */
    public BigDecimal signDecimal() {
        return signDecimal;
    }

    /** @return the opposite side; never null */
    public Side opposite() {
        return this == LONG ? SHORT : LONG;
    }

    /**
     * Parses {@code long} or {@code short}, case-insensitively.
     *
     * @param text  the text, not null
     * @return the side, never null
     * @throws ValidationException if the text is neither
     */
    public static Side parse(String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "long": return LONG;
                case "short": return SHORT;
                default: break;
            }
        }
        throw new ValidationException("side", "must be long or short", text);
    }

    /** @return {@code long} or {@code short}, the workspace-file spelling */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
