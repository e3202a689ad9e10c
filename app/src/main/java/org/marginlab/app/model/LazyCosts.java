package org.marginlab.app.model;

import java.math.BigDecimal;

import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.VenueRules;

/**
 * A position's {@link PositionCosts}, worked out the first time they are asked for and then kept:
 * the window shows the costs of the selected position only, so an edit of a 200-position account
 * does not compute 199 sets nobody reads. Immutable from outside, safe to read from any thread (the value is a pure function
 * of the final fields; a race at most computes it twice).
 */
public final class LazyCosts {
    private final Position position;
    private final PositionRisk risk;
    private final BigDecimal mark;
    private final boolean liquidated;
    private final VenueRules venue;
    private volatile PositionCosts value;
    private volatile boolean done;

    LazyCosts(Position position, PositionRisk risk, BigDecimal mark, boolean liquidated, VenueRules venue) {
        this.position = position;
        this.risk = risk;
        this.mark = mark;
        this.liquidated = liquidated;
        this.venue = venue;
    }

    /**
     * @return the costs, or null if the engine refuses one of their inputs (it has checked them
     *         all, so only for inputs its checks let through)
     */
    public PositionCosts get() {
        if (!done) {
            PositionCosts c;
            try {
                c = PositionCosts.of(position, risk, mark, liquidated, venue);
            } catch (ValidationException e) {
                c = null;
            }
            value = c;
            done = true;
        }
        return value;
    }
}
