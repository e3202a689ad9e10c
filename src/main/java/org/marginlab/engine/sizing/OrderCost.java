package org.marginlab.engine.sizing;

import java.math.BigDecimal;

/**
 * What opening an order costs on a Binance USDⓈ-M-style venue ({@link OrderMath#costToOpen},
 * spec margin-formulas.md §1.5): {@code cost = initialMargin + openLoss}.
 *
 * <p>Units: quote (settlement currency of a linear contract); full precision, no display
 * rounding (the Binance FAQ shows 462.665 as 462.66). Immutable and thread-safe.
 *
 * @param initialMargin  {@code Q·orderPrice/lev}, &gt; 0
 * @param openLoss       {@code Q·|min(0, s·(mark − orderPrice))|}, ≥ 0: the loss the order
 *                       would show at once against the mark
 * @param cost           {@code initialMargin + openLoss}, &gt; 0
 */
public record OrderCost(BigDecimal initialMargin, BigDecimal openLoss, BigDecimal cost) {
}
