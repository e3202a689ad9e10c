/**
 * Price-path replay: an account walked along a mark-price path
 * ({@link org.marginlab.engine.replay.PricePath}, linear between its points), with the
 * isolated-vs-cross comparison's two sides and the account itself, and every liquidation on the
 * way at its interpolated time ({@link org.marginlab.engine.replay.PathReplay}). Path-dependent:
 * what a wick liquidates stays liquidated. The liquidation model is the comparison's
 * ({@link org.marginlab.engine.whatif.LiquidationCascade}).
 */
package org.marginlab.engine.replay;
