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
                return formats.amount(c.feeToOpen(), ccy, decimals) + " (taker " + rate(c.takerFeeRate(), formats)
                        + (c.takerFeeRateOfVenue() ? ", venue default)" : ")")
                        + maker(c.makerFeeToOpen(), c, ccy, decimals, formats);
            case FEE_TO_CLOSE:
                return formats.amount(c.feeToCloseAtMark(), ccy, decimals) + " (taker, at the mark)"
                        + maker(c.makerFeeToCloseAtMark(), c, ccy, decimals, formats);
            case RESERVED_FEE_TO_CLOSE:
                return c.reservedFeeToClose() == null ? ""
                        : formats.amount(c.reservedFeeToClose(), ccy, decimals) + " (in the margin)";
            case LIQUIDATION_FEE:
                return c.liquidationFee() == null ? ""
                        : formats.amount(c.liquidationFee(), ccy, decimals) + " (at the liquidation price)";
            case PROJECTED_FUNDING:
                return funding(c, ccy, decimals, formats);
            case BREAK_EVEN_PRICE:
                return c.breakEvenPrice() == null ? c.breakEvenProblem()
                        : formats.price(c.breakEvenPrice(), RoundingMode.HALF_UP) + " " + quote;
            case LIQUIDATION_PROBABILITY:
                return probability(r, c, formats);
            default:
                throw new IllegalArgumentException(f.name());
        }
    }

    private static String maker(BigDecimal fee, PositionCosts c, String ccy, int decimals, Formats formats) {
        return fee == null ? "" : "\nmaker " + rate(c.makerFeeRate(), formats) + ": " + formats.amount(fee, ccy, decimals);
    }

    private static String funding(PositionCosts c, String ccy, int decimals, Formats formats) {
        if (c.fundingRate().signum() == 0 || c.holdingHours().signum() == 0) {
            return "none" + (c.fundingRate().signum() == 0 && c.holdingHours().signum() == 0
                    ? " (type a funding rate and a holding time)"
                    : c.fundingRate().signum() == 0 ? " (type a funding rate)" : " (type a holding time)");
        }
        BigDecimal paid = c.projectedFunding();
        return formats.amount(paid.abs(), ccy, decimals) + (paid.signum() >= 0 ? " paid" : " received") + "\n"
                + formats.editable(c.holdingHours(), 2) + " h at " + rate(c.fundingRate(), formats) + " every "
                + formats.editable(c.fundingIntervalHours(), 2) + " h";
    }

    private static String probability(PositionResult r, PositionCosts c, Formats formats) {
        if (r.liquidated()) {
            return "— (liquidated)";
        }
        String horizon = formats.editable(BigDecimal.valueOf(c.horizonHours()), 2) + " h";
        if (Double.isNaN(c.volatility())) {
            return "— (no default volatility for " + r.used().symbol() + ": type one under Costs)";
        }
        if (r.risk().liquidationPrice() == null) {
            return "0 % in " + horizon + " (no liquidation price)";
        }
        String volatility = "volatility " + formats.editable(BigDecimal.valueOf(c.volatility()).movePointRight(2), 1)
                + " %/yr" + (c.volatilityAsOf() == null ? ", typed" : ", table of " + c.volatilityAsOf());
        return formats.percent(BigDecimal.valueOf(c.probability())) + " in " + horizon + "\n(" + volatility + ")";
    }

    /** A fee or funding rate as a percentage, as typed (0.00055 → 0.055 %). */
    static String rate(BigDecimal fraction, Formats formats) {
        return formats.editable(fraction.movePointRight(2), 6) + " %";
    }
}
