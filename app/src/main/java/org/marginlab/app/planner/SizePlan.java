package org.marginlab.app.planner;

import java.math.BigDecimal;
import java.util.List;

import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;

/**
 * A position sized from a risk ({@link SizeFromRisk#plan}): immutable, at full precision (views
 * round for display). Amounts in the settlement currency (quote linear, coin inverse), prices in
 * quote per base.
 *
 * @param inputs                what was planned
 * @param position              the sized position, at mark = entry (isolated with the venue's
 *                              default margin, or cross)
 * @param risk                  the engine's figures for it (isolated, or cross on a wallet of the balance)
 * @param feeToOpen             taker fee at the entry
 * @param feeToClose            taker fee at the stop
 * @param lossAtStop            the loss at the stop before fees (≈ the risk), &gt; 0
 * @param lossWithFees          the loss at the stop with both fees
 * @param liquidatedBeforeStop  whether the liquidation price comes at or before the stop
 * @param warnings              the warnings, in order; unmodifiable
 */
public record SizePlan(SizeInputs inputs, Position position, PositionRisk risk, BigDecimal feeToOpen,
        BigDecimal feeToClose, BigDecimal lossAtStop, BigDecimal lossWithFees, boolean liquidatedBeforeStop,
        List<SizeWarning> warnings) {

    /** Copies the warnings. */
    public SizePlan {
        warnings = List.copyOf(warnings);
    }

    /** @return the quantity, base units (linear) or contracts (inverse), before fees */
    public BigDecimal quantity() {
        return position.quantity();
    }

    /** @return the margin the position holds: the isolated margin, or in cross the initial margin */
    public BigDecimal margin() {
        return inputs.mode() == MarginMode.ISOLATED ? risk.isolatedMargin() : risk.initialMargin();
    }

    /** @return the liquidation price, or null when there is none (a cross wallet that covers every price) */
    public BigDecimal liquidationPrice() {
        return risk.liquidationPrice();
    }
}
