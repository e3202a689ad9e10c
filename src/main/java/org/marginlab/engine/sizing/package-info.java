/**
 * Sizing and trade arithmetic (spec margin-formulas.md §1.4, §1.5, §2.7): average entry price of
 * several fills (linear and inverse), initial margin, PnL and ROE at an exit price, the target
 * exit price for a return on equity ({@link org.marginlab.engine.sizing.TradeMath}); the cost to
 * open an order and the max open size for a balance and leverage
 * ({@link org.marginlab.engine.sizing.OrderMath}); the position size from an entry, a stop and a
 * risk amount, evaluated on a venue to flag a liquidation before the stop
 * ({@link org.marginlab.engine.sizing.StopLossSizer}); a scale-in ladder with the average entry,
 * margin and liquidation price after each fill ({@link org.marginlab.engine.sizing.Ladder}); fees,
 * funding and the break-even price ({@link org.marginlab.engine.sizing.Costs}); the probability
 * that the mark touches the liquidation price within a horizon under a driftless geometric
 * Brownian motion ({@link org.marginlab.engine.sizing.LiquidationProbability}), with dated default
 * volatilities per base asset ({@link org.marginlab.engine.sizing.Volatilities}). Used by the
 * {@code avg-entry}, {@code target}, {@code size}, {@code ladder}, {@code cost} and
 * {@code max-open} commands (spec workspace-and-cli.md §2.2).
 */
package org.marginlab.engine.sizing;
