package org.marginlab.engine.explain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Number formatting of the reconciliation's sentences, as the app and the command line show
 * numbers: {@code ,} grouping, {@code .} decimals, half-up rounding for display only. Prices get
 * the tick's decimals (at least 2); amounts 2 decimals (8 for coin-settled amounts).
 */
final class ReconcileText {
    private final int priceDecimals;
    private final int amountDecimals;
    private final String currency;

    /**
     * @param tick      the tick the prices are compared at, &gt; 0
     * @param inverse   whether amounts are in coin (8 decimals)
     * @param currency  the settlement currency code
     */
    ReconcileText(BigDecimal tick, boolean inverse, String currency) {
        this.priceDecimals = Math.max(2, Math.max(0, tick.stripTrailingZeros().scale()));
        this.amountDecimals = inverse ? 8 : 2;
        this.currency = currency;
    }

    /** @return e.g. {@code 26,350.00} */
    String price(BigDecimal p) {
        return grouped(p, priceDecimals);
    }

    /** @return e.g. {@code 1,204.55 USDT} */
    String amount(BigDecimal a) {
        return grouped(a, amountDecimals) + " " + currency;
    }

    /** @return the settlement currency code, e.g. {@code USDT} */
    String currencyCode() {
        return currency;
    }

    /** @return e.g. {@code 0.50 %} for 0.005 */
    static String percent(BigDecimal fraction) {
        return grouped(fraction.movePointRight(2), 2) + " %";
    }

    /** @return a tick count with one decimal, e.g. {@code 3,311.4} */
    static String ticks(BigDecimal t) {
        return grouped(t.abs(), 1);
    }

    /** @return the value as typed, without trailing zeros: {@code 0.01} */
    static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    static String grouped(BigDecimal v, int decimals) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        f.setRoundingMode(RoundingMode.UNNECESSARY);
        return f.format(v.setScale(decimals, RoundingMode.HALF_UP));
    }
}
