package org.marginlab.app.compare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.marginlab.app.ui.Formats;
import org.marginlab.engine.Account;
import org.marginlab.engine.ContractType;

/**
 * The comparison's display formats, in the account's locale: amounts, prices and ratios as the
 * rest of the app shows them ({@link Formats}, half-up), and shocks as percentages with one
 * decimal, half-up ({@code −0.0975 → −9.8 %}). Not thread-safe.
 */
final class CompareText {
    private Formats formats;
    private DecimalFormat oneDecimal;
    private String currency = "USDT";
    private int decimals = 2;

    CompareText(Locale locale) {
        setLocale(locale);
    }

    /** @param locale  the number format to write in from now on (View → Number format), not null */
    void setLocale(Locale locale) {
        this.formats = new Formats(locale);
        this.oneDecimal = new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(locale));
    }

    Formats formats() {
        return formats;
    }

    void currency(String code, int amountDecimals) {
        this.currency = code;
        this.decimals = amountDecimals;
    }

    /**
     * Takes an account's settlement currency for the amounts: a coin-margined (inverse) account's
     * coin, with 8 decimals; else the venue's settlement currency, with 2.
     *
     * @param account  the account as entered, not null
     */
    void currencyOf(Account account) {
        boolean inverse = !account.positions().isEmpty() && account.positions().get(0).contract() == ContractType.INVERSE;
        currency(inverse ? account.venue().settlementCurrency(account.positions().get(0))
                : account.venue().settlementCurrency(), inverse ? 8 : 2);
    }

    String currency() {
        return currency;
    }

    int decimals() {
        return decimals;
    }

    /** {@code |fraction|} in percent with one decimal, half-up, no sign: {@code −0.0975 → 9.8}. */
    String magnitude(BigDecimal fraction) {
        return oneDecimal.format(fraction.abs().movePointRight(2).setScale(1, RoundingMode.HALF_UP));
    }

    /** A signed shock in percent with one decimal: {@code −9.8 %}, {@code +12.0 %}, {@code 0.0 %}. */
    String shock(BigDecimal fraction) {
        BigDecimal rounded = fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
        String sign = rounded.signum() < 0 ? "\u2212" : rounded.signum() > 0 ? "+" : "";
        return sign + oneDecimal.format(rounded.abs()) + " %";
    }

    /** An amount with the account's currency and decimals, half-up. */
    String amount(BigDecimal value) {
        return formats.amount(value, currency, decimals);
    }

    /** An amount without its unit (the table names the currency in its header), half-up. */
    String number(BigDecimal value) {
        String a = amount(value);
        return a.substring(0, a.length() - currency.length() - 1);
    }

    /** A price, half-up as the venues display liquidation prices. */
    String price(BigDecimal value) {
        return formats.price(value, RoundingMode.HALF_UP);
    }

    /** A ratio as a percentage with two decimals. */
    String percent(BigDecimal fraction) {
        return formats.percent(fraction);
    }

    /**
     * A margin ratio as a percentage with two decimals, or {@code n/a} when the engine has none:
     * {@code n/a (balance ≤ 0)} when the margin balance it would divide by is not positive.
     *
     * @param ratio    the margin ratio, a fraction, or null
     * @param balance  the margin balance it is taken over, or null
     */
    String marginRatio(BigDecimal ratio, BigDecimal balance) {
        if (ratio != null) {
            return percent(ratio);
        }
        return balance != null && balance.signum() <= 0 ? "n/a (balance ≤ 0)" : "n/a";
    }
}
