package org.marginlab.app.position;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.marginlab.app.model.PositionCosts;
import org.marginlab.app.model.PositionResult;
import org.marginlab.app.ui.Formats;

/**
 * The display text of a position's cost figures and its probability of liquidation
 * ({@link PositionCosts}), for {@link PositionFigures}. An empty text hides a figure that does not
 * apply (no reserved fee to close, no liquidation fee). Rounding for display only: amounts and
 * the break-even price half-up, as the other figures.
 */
final class CostFigures {
    private CostFigures() {
    }

    /**
     * @param f         a cost figure or {@link Figure#LIQUIDATION_PROBABILITY}
     * @param r         the position's result, with figures
     * @param ccy       the settlement currency
     * @param quote     the quote currency of prices
     * @param decimals  the amount decimals
     * @return the text, never null; empty when the figure does not apply
     */
    static String format(Figure f, PositionResult r, String ccy, String quote, int decimals, Formats formats) {
        PositionCosts c = r.costs();
        if (c == null) {
            return "—";
        }
        switch (f) {
            case FEE_TO_OPEN:
                return formats.amount(c.feeToOpen(), ccy, decimals) + "\ntaker " + rate(c.takerFeeRate(), formats)
                        + (c.takerFeeRateOfVenue() ? " (venue)" : "") + maker(c.makerFeeToOpen(), ccy, decimals, formats);
            case FEE_TO_CLOSE:
                return formats.amount(c.feeToCloseAtMark(), ccy, decimals) + "\nat the mark"
                        + maker(c.makerFeeToCloseAtMark(), ccy, decimals, formats);
            case RESERVED_FEE_TO_CLOSE:
                return c.reservedFeeToClose() == null ? "" : formats.amount(c.reservedFeeToClose(), ccy, decimals);
            case LIQUIDATION_FEE:
                return c.liquidationFee() == null ? "" : formats.amount(c.liquidationFee(), ccy, decimals);
            case PROJECTED_FUNDING:
                return funding(c, ccy, decimals, formats);
            case BREAK_EVEN_PRICE:
                return c.breakEvenPrice() == null ? "no positive price"
                        : formats.price(c.breakEvenPrice(), RoundingMode.HALF_UP) + " " + quote;
            case LIQUIDATION_PROBABILITY:
                return probability(r, c, formats);
            default:
                throw new IllegalArgumentException(f.name());
        }
    }

    private static String maker(BigDecimal fee, String ccy, int decimals, Formats formats) {
        return fee == null ? "" : "\nmaker: " + formats.amount(fee, ccy, decimals);
    }

    /** "8.85 USDT paid / 3 × 0.01 % (24 h)"; "none" with what is missing. */
    private static String funding(PositionCosts c, String ccy, int decimals, Formats formats) {
        if (c.fundingRate().signum() == 0 || c.holdingHours().signum() == 0) {
            return c.fundingRate().signum() == 0 && c.holdingHours().signum() == 0 ? "none"
                    : c.fundingRate().signum() == 0 ? "none: no rate" : "none: 0 h held";
        }
        BigDecimal paid = c.projectedFunding();
        BigDecimal n = c.holdingHours().divide(c.fundingIntervalHours(), java.math.MathContext.DECIMAL64);
        return formats.amount(paid.abs(), ccy, decimals) + (paid.signum() >= 0 ? " paid" : " received") + "\n"
                + formats.editable(n, 2) + " × " + rate(c.fundingRate(), formats) + " ("
                + formats.editable(c.holdingHours(), 2) + " h)";
    }

    /** "16.00 % in 24 h / σ 41.2 %/yr / table 2026-01-29" (or "typed"); why none otherwise. */
    private static String probability(PositionResult r, PositionCosts c, Formats formats) {
        if (r.liquidated()) {
            return "— (liquidated)";
        }
        if (Double.isNaN(c.volatility())) {
            return "— (no volatility)";
        }
        String horizon = formats.editable(BigDecimal.valueOf(c.horizonHours()), 2) + " h";
        if (r.risk().liquidationPrice() == null) {
            return "0 % in " + horizon + "\nno liq. price";
        }
        return formats.percent(BigDecimal.valueOf(c.probability())) + " in " + horizon + "\nσ "
                + formats.editable(BigDecimal.valueOf(c.volatility()).movePointRight(2), 1) + " %/yr"
                + (c.volatilityAsOf() == null ? " (typed)" : "\ntable " + c.volatilityAsOf());
    }

    /** A fee or funding rate as a percentage, as typed (0.00055 → 0.055 %). */
    static String rate(BigDecimal fraction, Formats formats) {
        return formats.editable(fraction.movePointRight(2), 6) + " %";
    }
}
