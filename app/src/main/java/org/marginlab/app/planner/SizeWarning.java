package org.marginlab.app.planner;

import java.math.BigDecimal;
import java.util.function.Function;

import org.marginlab.engine.MarginMode;

/** A warning about a sized position: a value, worded by whoever shows it in its number format. */
public sealed interface SizeWarning {

    /**
     * @param price   a price for people (e.g. {@code 59,036.14}), not null
     * @param amount  an amount in the settlement currency for people, not null
     * @return the warning's sentence
     */
    String message(Function<BigDecimal, String> price, Function<BigDecimal, String> amount);

    /**
     * The liquidation price comes at or before the stop (long: {@code LP ≥ stop}; short:
     * {@code LP ≤ stop}): the stop would never fill.
     *
     * @param liquidationPrice  quote per base
     * @param stopPrice         quote per base
     */
    record LiquidationBeforeStop(BigDecimal liquidationPrice, BigDecimal stopPrice) implements SizeWarning {
        @Override
        public String message(Function<BigDecimal, String> price, Function<BigDecimal, String> amount) {
            return "liquidation at " + price.apply(liquidationPrice) + " comes before the stop at "
                    + price.apply(stopPrice) + ": lower the leverage or move the stop";
        }
    }

    /**
     * The margin and the fee to open exceed the balance.
     *
     * @param mode      isolated (the isolated margin) or cross (the initial margin)
     * @param required  margin + fee to open, settlement currency
     * @param balance   the account size, settlement currency
     */
    record MarginExceedsBalance(MarginMode mode, BigDecimal required, BigDecimal balance) implements SizeWarning {
        @Override
        public String message(Function<BigDecimal, String> price, Function<BigDecimal, String> amount) {
            return (mode == MarginMode.ISOLATED ? "the isolated margin" : "the initial margin")
                    + " and the fee to open, " + amount.apply(required) + ", exceed the balance " + amount.apply(balance)
                    + ": raise the leverage or widen the stop";
        }
    }
}
