package org.marginlab.engine.replay;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.marginlab.engine.AccountRisk;

/**
 * One walked account at one point of a path. Amounts in the settlement currency, full precision.
 *
 * @param equity       the side's total equity: the engine's {@code totalEquity} of its open
 *                     positions at the point's marks (cross wallet after the realized losses plus
 *                     the open isolated margins plus every open PnL), plus what the liquidated
 *                     isolated positions returned ({@code (1 − f)·req} each, 0 with the default
 *                     fee), plus the cross wallet when it is negative mid-cascade (as
 *                     {@code CascadeResult#equityAt})
 * @param crossWallet  the cross wallet after the realized cross liquidations (≥ 0 once every
 *                     cross position is closed)
 * @param risk         the engine's evaluation of the open positions at the point's marks
 * @param liquidated   the positions liquidated so far, in order, each with the mark it was closed
 *                     at; unmodifiable
 */
public record SideState(BigDecimal equity, BigDecimal crossWallet, AccountRisk risk, Map<String, BigDecimal> liquidated) {
    /** Copies the map, keeping its order. */
    public SideState {
        liquidated = Collections.unmodifiableMap(new LinkedHashMap<>(liquidated));
    }

    /**
     * @param positionId  a position id
     * @return whether the path has liquidated that position by this point
     */
    public boolean isLiquidated(String positionId) {
        return liquidated.containsKey(positionId);
    }
}
