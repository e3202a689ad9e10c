package org.marginlab.engine.sizing;

import java.math.BigDecimal;

import org.marginlab.engine.internal.Checks;

/**
 * One fill (trade) that opened or added to a position, the input of
 * {@link TradeMath#averageEntryPrice}.
 *
 * <p>Units: {@code quantity} is the absolute size of the fill in base units (linear) or
 * contracts (inverse), as in {@link org.marginlab.engine.Position#quantity()}; {@code price} is
 * the fill price in quote per base.
 *
 * @param quantity  absolute size of the fill, &gt; 0
 * @param price     fill price, quote per base, &gt; 0
 */
public record Fill(BigDecimal quantity, BigDecimal price) {
    /**
     * @throws org.marginlab.engine.ValidationException ({@code quantity} or {@code price}) if a
     *         value is missing or not positive
     */
    public Fill {
        Checks.positive(quantity, "quantity");
        Checks.positive(price, "price");
    }
}
