package org.marginlab.app.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.marginlab.engine.ContractType;

/**
 * Display rounding for the command line's human-readable output: explicit rounding modes,
 * {@code ,} grouping and {@code .} decimals in every locale (so scripts and tests see the same
 * text everywhere). The JSON output never rounds.
 */
final class Display {
    private Display() {
    }

    /**
     * A price: 2 decimals, or more (at most 8) when needed to show 5 significant digits.
     *
     * @param price     quote per base, not null
     * @param rounding  the direction, not null
     * @return e.g. {@code 57,228.92}
     */
    static String price(BigDecimal price, RoundingMode rounding) {
        int magnitude = price.signum() == 0 ? 1 : price.precision() - price.scale();
        int decimals = Math.max(2, Math.min(8, 5 - magnitude));
        return grouped(price.setScale(decimals, rounding), decimals);
    }

    /**
     * An amount in the settlement currency, half-up: 2 decimals for linear (quote), 8 for
     * inverse (coin).
     */
    static String amount(BigDecimal amount, ContractType settlement) {
        int decimals = settlement == ContractType.INVERSE ? 8 : 2;
        return grouped(amount.setScale(decimals, RoundingMode.HALF_UP), decimals);
    }

    /** A fraction as a percentage with 2 decimals, half-up: {@code 0.118 → 11.80%}. */
    static String percent(BigDecimal fraction) {
        return grouped(fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP), 2) + "%";
    }

    /** A leverage multiple with 2 decimals, half-up: {@code 29.50x}. */
    static String leverage(BigDecimal leverage) {
        return grouped(leverage.setScale(2, RoundingMode.HALF_UP), 2) + "x";
    }

    /** A value as stated (a quantity), without trailing zeros or grouping. */
    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String grouped(BigDecimal rounded, int decimals) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        f.setRoundingMode(RoundingMode.UNNECESSARY);
        return f.format(rounded);
    }
}
