package org.marginlab.app.planner;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.marginlab.app.ui.Formats;
import org.marginlab.engine.MarginMode;

/**
 * A {@link SizePlan} as the Planner tab shows it, in the chosen number format: amounts in the
 * settlement currency half-up (2 decimals, 8 for a coin), prices half-up as {@code marginlab size}
 * prints them, the quantity toward zero at most 8 decimals. Plain Java: what the view-model
 * exposes and its test reads.
 *
 * @param quantity          e.g. {@code 0.05}
 * @param notional          e.g. {@code 3,000.00 USDT}
 * @param initialMargin     e.g. {@code 300.00 USDT}
 * @param isolatedMargin    the isolated margin, or {@code – (cross)}
 * @param liquidationPrice  e.g. {@code 54,216.87}, or {@code none}
 * @param bankruptcyPrice   e.g. {@code 54,000.00}, or {@code none}
 * @param feeToOpen         e.g. {@code 1.50 USDT (taker 0.05 %)}
 * @param feeToClose        at the stop, e.g. {@code 1.45 USDT}
 * @param feeToCloseReserved the fee to close the venue holds in the margin, or {@code none}
 * @param lossAtStop        e.g. {@code 100.00 USDT}
 * @param lossWithFees      e.g. {@code 102.95 USDT}
 * @param side              e.g. {@code long (the stop is below the entry)}
 * @param warnings          the warnings' sentences
 */
public record PlanFigures(String quantity, String notional, String initialMargin, String isolatedMargin,
        String liquidationPrice, String bankruptcyPrice, String feeToOpen, String feeToClose, String feeToCloseReserved,
        String lossAtStop, String lossWithFees, String side, List<String> warnings) {

    /** No plan: every figure a dash. */
    public static final PlanFigures NONE = new PlanFigures("–", "–", "–", "–", "–", "–", "–", "–", "–", "–", "–", "–",
            List.of());

    /**
     * @param plan     the plan, not null
     * @param formats  the number format, not null
     * @return its figures as text, never null
     */
    public static PlanFigures of(SizePlan plan, Formats formats) {
        String unit = plan.inputs().instrument().venue().settlementCurrency(plan.position());
        int decimals = plan.inputs().instrument().contract().isInverse() ? 8 : 2;
        java.util.function.Function<BigDecimal, String> amount = a -> a == null ? "none" : formats.amount(a, unit, decimals);
        java.util.function.Function<BigDecimal, String> price = p -> price(p, formats);
        boolean isolated = plan.inputs().mode() == MarginMode.ISOLATED;
        String side = plan.inputs().side().id() + (plan.inputs().side() == org.marginlab.engine.Side.LONG
                ? " (the stop is below the entry)" : " (the stop is above the entry)");
        return new PlanFigures(quantity(plan.quantity(), formats), amount.apply(plan.risk().notional()),
                amount.apply(plan.risk().initialMargin()),
                isolated ? amount.apply(plan.risk().isolatedMargin()) : "– (cross)",
                price.apply(plan.liquidationPrice()), price.apply(plan.risk().bankruptcyPrice()),
                amount.apply(plan.feeToOpen()) + " (taker " + formats.exact(plan.inputs().takerFee().movePointRight(2)
                        .stripTrailingZeros()) + " %)",
                amount.apply(plan.feeToClose()), amount.apply(plan.risk().feeToClose()), amount.apply(plan.lossAtStop()),
                amount.apply(plan.lossWithFees()), side,
                plan.warnings().stream().map(w -> w.message(price, amount)).toList());
    }

    /** A price half-up as the command line prints it, or {@code none}. */
    public static String price(BigDecimal p, Formats formats) {
        return p == null ? "none" : formats.price(p, RoundingMode.HALF_UP);
    }

    /** A quantity: at most 8 decimals toward zero, no trailing zeros, no grouping. */
    public static String quantity(BigDecimal q, Formats formats) {
        BigDecimal shown = q.setScale(Math.min(8, Math.max(0, q.scale())), RoundingMode.DOWN).stripTrailingZeros();
        return formats.exact(shown.scale() < 0 ? shown.setScale(0, RoundingMode.UNNECESSARY) : shown);
    }
}
