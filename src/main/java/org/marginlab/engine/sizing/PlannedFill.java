package org.marginlab.engine.sizing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;

/**
 * One planned fill of a scale-in ladder ({@link Ladder}): a price and either a quantity or an
 * amount in quote.
 *
 * <p>Units: {@code price} in quote per base; {@code quantity} the absolute size of the fill in base
 * units (linear) or contracts (inverse), as {@link org.marginlab.engine.Position#quantity()};
 * {@code amount} the value of the fill in quote (e.g. USDT, or USD for an inverse contract), which
 * {@link #quantity(ContractType, BigDecimal)} converts: linear {@code amount/(price·CS)}, inverse
 * {@code amount/CS} (an inverse contract is worth {@code CS} quote whatever the price). Exactly one
 * of {@code quantity} and {@code amount} is set. Immutable and thread-safe.
 *
 * @param price     fill price, quote per base, &gt; 0
 * @param quantity  size of the fill, base units or contracts, &gt; 0; or null when {@code amount} is given
 * @param amount    value of the fill, quote, &gt; 0; or null when {@code quantity} is given
 */
public record PlannedFill(BigDecimal price, BigDecimal quantity, BigDecimal amount) {
    /** Rounds a quantity from an amount toward zero, so that the fill never costs more than the amount. */
    private static final MathContext DOWN = new MathContext(34, RoundingMode.DOWN);

    /**
     * @throws ValidationException ({@code price}) if it is missing or not positive;
     *         ({@code quantity}) if neither is given; ({@code amount}) if both are; the one given
     *         ({@code quantity} or {@code amount}) if it is not positive
     */
    public PlannedFill {
        Checks.positive(price, "price");
        if (quantity == null && amount == null) {
            throw new ValidationException("quantity", "is required (or an amount)", null);
        }
        if (quantity != null && amount != null) {
            throw new ValidationException("amount", "must not be given with a quantity", amount);
        }
        if (quantity != null) {
            Checks.positive(quantity, "quantity");
        } else {
            Checks.positive(amount, "amount");
        }
    }

    /**
     * @param price     quote per base, &gt; 0, not null
     * @param quantity  base units or contracts, &gt; 0, not null
     * @return a fill of that quantity at that price
     */
    public static PlannedFill ofQuantity(BigDecimal price, BigDecimal quantity) {
        return new PlannedFill(price, Checks.notNull(quantity, "quantity"), null);
    }

    /**
     * @param price   quote per base, &gt; 0, not null
     * @param amount  quote, &gt; 0, not null
     * @return a fill of that value in quote at that price
     */
    public static PlannedFill ofAmount(BigDecimal price, BigDecimal amount) {
        return new PlannedFill(price, null, Checks.notNull(amount, "amount"));
    }

    /**
     * The fill's quantity: as given, or from the amount (linear {@code amount/(price·CS)}, inverse
     * {@code amount/CS}), rounded toward zero to 34 significant digits.
     *
     * @param contract      linear or inverse, not null
     * @param contractSize  base units per unit (linear) or quote per contract (inverse), &gt; 0, not null
     * @return the quantity, base units or contracts, &gt; 0; never null
     * @throws ValidationException ({@code contract}, {@code contractSize}) if missing or not positive
     */
    public BigDecimal quantity(ContractType contract, BigDecimal contractSize) {
        Checks.notNull(contract, "contract");
        Checks.positive(contractSize, "contractSize");
        if (quantity != null) {
            return quantity;
        }
        BigDecimal per = contract.isInverse() ? contractSize : price.multiply(contractSize);
        return amount.divide(per, DOWN);
    }

    /** @return the fill as an average-entry input, with {@link #quantity(ContractType, BigDecimal)} */
    Fill toFill(ContractType contract, BigDecimal contractSize) {
        return new Fill(quantity(contract, contractSize), price);
    }
}
