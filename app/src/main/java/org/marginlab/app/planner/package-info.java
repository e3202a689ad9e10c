/**
 * The trade planner: "size from risk" ({@link org.marginlab.app.planner.SizeFromRisk}), the
 * solver that puts the liquidation price beyond the stop
 * ({@link org.marginlab.app.planner.LiquidationSolver}), targets
 * ({@link org.marginlab.app.planner.Targets}) and max open
 * ({@link org.marginlab.app.planner.MaxOpenPlan}) as plain-Java functions that
 * {@code marginlab size}, {@code target} and {@code max-open} and the Planner tab both call, so
 * that both accept and refuse the same input with the same rule; and the Planner tab itself
 * ({@link org.marginlab.app.planner.PlannerView} and its view-models).
 */
package org.marginlab.app.planner;
