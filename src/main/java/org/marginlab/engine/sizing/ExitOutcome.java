package org.marginlab.engine.sizing;

import java.math.BigDecimal;

/**
 * The futures calculator's result for closing a position at an exit price
 * ({@link TradeMath#exitOutcome}, spec margin-formulas.md §1.4).
 *
 * <p>Units: amounts in the settlement currency (quote for linear, coin for inverse); the ROE a
 * fraction (1 = +100 %). Full precision, no display rounding. Immutable and thread-safe.
 *
 * @param initialMargin  initial margin at entry, {@code notional at entry / leverage}, &gt; 0
 * @param pnl            profit (positive) or loss (negative) at the exit price
 * @param roe            {@code pnl / initialMargin}
 */
public record ExitOutcome(BigDecimal initialMargin, BigDecimal pnl, BigDecimal roe) {
}
