package org.marginlab.engine.replay;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The state of every walked account at one point of a path, after every liquidation at or
 * before that point.
 *
 * @param index     the point's index in the path
 * @param time      the point's instant
 * @param marks     every symbol's mark at the point (quote per base), as the path gives it
 * @param isolated  every position isolated
 * @param cross     every position cross
 * @param account   the account as entered (each position's own mode)
 */
public record ReplayFrame(int index, Instant time, Map<String, BigDecimal> marks, SideState isolated, SideState cross,
        SideState account) {

    /**
     * @param side  a side
     * @return that side's state
     */
    public SideState side(ReplaySide side) {
        return switch (side) {
            case ISOLATED -> isolated;
            case CROSS -> cross;
            case ACCOUNT -> account;
        };
    }
}
