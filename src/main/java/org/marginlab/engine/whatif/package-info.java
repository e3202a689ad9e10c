/**
 * What-if inverse solvers: instead of "given the inputs, where is the liquidation price?", they
 * answer "which input puts it (or the margin ratio) where I want?" — the isolated margin or the
 * leverage that puts the liquidation price at a target, and the mark price at which the margin
 * ratio reaches a level ({@link org.marginlab.engine.whatif.TargetSolver}). Every answer is
 * expressed through the venue's own rules ({@link org.marginlab.engine.venue.VenueRules}), so
 * evaluating the engine with it reproduces the target.
 */
package org.marginlab.engine.whatif;
