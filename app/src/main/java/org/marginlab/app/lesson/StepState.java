package org.marginlab.app.lesson;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.marginlab.engine.Position;

/**
 * A whole account a lesson step sets ({@code steps[].state}): the same fields and rules as the
 * workspace's top level (spec workspace-and-cli.md §1).
 *
 * @param venueId        the venue rule-set id, not blank
 * @param walletBalance  the cross wallet balance, ≥ 0
 * @param positions      the positions, ids unique; unmodifiable
 */
public record StepState(String venueId, BigDecimal walletBalance, List<Position> positions) {
    /** Copies the positions. */
    public StepState {
        Objects.requireNonNull(venueId, "venueId");
        Objects.requireNonNull(walletBalance, "walletBalance");
        positions = List.copyOf(positions);
    }
}
