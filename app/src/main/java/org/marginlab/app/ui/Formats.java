package org.marginlab.app.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Display rounding and formatting of engine results. The engine never rounds; this is the only
 * place numbers are rounded, always with an explicit {@link RoundingMode}.
 *
 * <p>Not thread-safe (holds {@link DecimalFormat}s); one instance per view-model.
 */
public final class Formats {
    private final Locale locale;
    private final DecimalFormat fixed2;

    /**
     * @param locale  the display locale, not null
     */
    public Formats(Locale locale) {
        this.locale = locale;
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        this.fixed2 = new DecimalFormat("#,##0.00", symbols);
        this.fixed2.setParseBigDecimal(true);
    }

    /**
     * A price rounded to 2 decimals with the given mode, with grouping: {@code 57,228.92}.
     *
     * @param price     quote per base, not null
     * @param rounding  the rounding mode (half-up for liquidation prices, as the venues
     *                  display them)
     * @return the text, never null
     */
    public String price(BigDecimal price, RoundingMode rounding) {
        int decimals = priceDecimals(price);
        if (decimals == 2) {
            return fixed2.format(price.setScale(2, rounding));
        }
        return fixed(decimals).format(price.setScale(decimals, rounding));
    }

    /**
     * Decimals that show a price to at least 5 significant digits: 2 from 1,000 up, more below
     * (142.05, 0.86916), at most 8.
     *
     * @param price  quote per base, not null
     * @return 2 to 8
     */
    public static int priceDecimals(BigDecimal price) {
        BigDecimal p = price.abs();
        if (p.signum() == 0 || p.compareTo(BigDecimal.valueOf(1000)) >= 0) {
            return 2;
        }
        BigDecimal stripped = p.stripTrailingZeros();
        int magnitude = stripped.precision() - stripped.scale() - 1;
        return Math.max(2, Math.min(8, 4 - magnitude));
    }

    /**
     * An amount rounded half-up to the given decimals with its unit: {@code 0.00160000 BTC}.
     *
     * @param amount    settlement currency, not null
     * @param unit      currency code, not null
     * @param decimals  decimals to show, ≥ 0
     * @return the text, never null
     */
    public String amount(BigDecimal amount, String unit, int decimals) {
        if (decimals == 2) {
            return amount(amount, unit);
        }
        return signed(fixed(decimals).format(amount.setScale(decimals, RoundingMode.HALF_UP))) + " " + unit;
    }

    private DecimalFormat fixed(int decimals) {
        DecimalFormat f = new DecimalFormat("#,##0." + "0".repeat(decimals), DecimalFormatSymbols.getInstance(locale));
        f.setParseBigDecimal(true);
        return f;
    }

    /**
     * An amount rounded half-up to 2 decimals with its unit: {@code 1,500.00 USDT}.
     *
     * @param amount  settlement currency, not null
     * @param unit    currency code, not null
     * @return the text, never null
     */
    public String amount(BigDecimal amount, String unit) {
        return signed(fixed2.format(amount.setScale(2, RoundingMode.HALF_UP))) + " " + unit;
    }

    /**
     * A fraction as a percentage with 2 decimals, half-up: {@code 0.118 → 11.80 %}.
     *
     * @param fraction  a ratio as a fraction, not null
     * @return the text, never null
     */
    public String percent(BigDecimal fraction) {
        return signed(fixed2.format(fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP))) + " %";
    }

    /**
     * A leverage multiple with 2 decimals, half-up: {@code 29.50x}.
     *
     * @param leverage  a multiple, not null
     * @return the text, never null
     */
    public String leverage(BigDecimal leverage) {
        return fixed2.format(leverage.setScale(2, RoundingMode.HALF_UP)) + "x";
    }

    /**
     * A value as the user would type it back, without grouping and without trailing zeros
     * (used when a command writes a number into an input field).
     *
     * @param value  not null
     * @param scale  the number of decimals to keep at most, rounded half-up
     * @return the text, never null
     */
    public String editable(BigDecimal value, int scale) {
        BigDecimal v = value.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return exact(v.scale() < 0 ? v.setScale(0, RoundingMode.UNNECESSARY) : v);
    }

    /**
     * A value exactly as stored, as the user would type it: every digit and trailing zero kept
     * ({@code 60000.00} stays {@code 60000.00}), no grouping, the locale's decimal separator. Used
     * when a workspace is loaded into the editor, so that saving it again changes nothing.
     *
     * @param value  not null
     * @return the text, never null
     */
    public String exact(BigDecimal value) {
        String text = value.toPlainString();
        char separator = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        return separator == '.' ? text : text.replace('.', separator);
    }

    /** @return the display locale; never null */
    public Locale locale() {
        return locale;
    }

    private static String signed(String text) {
        return text.startsWith("-") ? "\u2212" + text.substring(1) : text;
    }

    /** @return a number format for the locale (used for slider tick labels and the like) */
    public NumberFormat integerFormat() {
        return NumberFormat.getIntegerInstance(locale);
    }
}
