package org.marginlab.app.planner;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.marginlab.engine.MarginMode;
import org.marginlab.engine.sizing.LadderStep;

/**
 * The warnings of a planned scale-in ladder, worded once for {@code marginlab ladder} and the
 * Planner tab (each gives its own way of showing a price and an amount):
 * <ul>
 *   <li>a fill that lies at or beyond the liquidation price of the position before it (long:
 *       {@code p_{k+1} ≤ LP_k}; short: {@code p_{k+1} ≥ LP_k}, {@link LadderStep#nextFillBeyondLiquidation()});</li>
 *   <li>cross: an initial margin above the cross margin balance at the fill (wallet + unrealized
 *       PnL at the fill price);</li>
 *   <li>a step liquidated at its own fill price.</li>
 * </ul>
 */
public final class LadderWarnings {

    /**
     * One warning.
     *
     * @param fill  the number (from 1) of the fill the warning belongs to: the fill that lies beyond
     *              the liquidation price, or the step that is short of margin or liquidated
     * @param text  the warning in words, without a {@code warning:} prefix
     */
    public record Warning(int fill, String text) {
    }

    private LadderWarnings() {
    }

    /**
     * @param steps   the ladder's steps, in order, not null
     * @param mode    the ladder's margin mode, not null
     * @param wallet  the cross wallet (settlement currency) when cross, else ignored
     * @param price   how a price is shown, not null
     * @param amount  how an amount in the settlement currency is shown, not null
     * @return the warnings in the order of the steps; never null
     */
    public static List<Warning> of(List<LadderStep> steps, MarginMode mode, BigDecimal wallet,
            Function<BigDecimal, String> price, Function<BigDecimal, String> amount) {
        List<Warning> warnings = new ArrayList<>();
        for (LadderStep step : steps) {
            if (step.nextFillBeyondLiquidation()) {
                LadderStep next = steps.get(step.fill());
                warnings.add(new Warning(next.fill(), "fill " + next.fill() + " at " + price.apply(next.fillPrice())
                        + " lies at or beyond the liquidation price " + price.apply(step.liquidationPrice())
                        + " after fill " + step.fill() + ": the position would be liquidated before it fills"));
            }
            if (mode == MarginMode.CROSS) {
                BigDecimal balance = wallet.add(step.risk().unrealizedPnl());
                if (step.initialMargin().compareTo(balance) > 0) {
                    warnings.add(new Warning(step.fill(), "after fill " + step.fill() + " the initial margin "
                            + amount.apply(step.initialMargin()) + " exceeds the cross margin balance "
                            + amount.apply(balance) + " (wallet + unrealized PnL at the fill): not enough margin for this fill"));
                }
            }
            if (step.liquidated()) {
                warnings.add(new Warning(step.fill(), "after fill " + step.fill() + " the position is liquidated at its own price "
                        + price.apply(step.fillPrice()) + " (liquidation price " + price.apply(step.liquidationPrice()) + ")"));
            }
        }
        return warnings;
    }
}
