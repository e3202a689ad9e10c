package org.marginlab.engine;

import java.util.IdentityHashMap;
import java.util.Map;

import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.venue.MarkValuation;
import org.marginlab.engine.venue.VenueRules;

/**
 * What one account evaluation worked out for each position on its own, before any cross total:
 * its maintenance schedule, that its leverage passed the schedule's bound, its valuation at the
 * mark ({@link MarkValuation}: notional, tier, maintenance margin, close fee, unrealized PnL,
 * initial margin), and its ROE, fee to close and max leverage (kept in its {@link PositionRisk}).
 * None of these depends on the other positions, so the next evaluation of an
 * edited account ({@link MarginEngine#evaluateReusing}) takes them over for every position that
 * is <em>the same instance</em> on the same rule set with the same schedule: an edit of one
 * position of a thousand values one position, not a thousand. Positions are immutable, so an
 * instance always has the same inputs; equal but distinct instances are valued again (their
 * values may differ in scale).
 *
 * <p>Immutable once returned by the engine, and safe to read from any thread.
 */
public final class Valuations {
    /** A position's schedule, valuation and result. */
    record Entry(TierTable schedule, MarkValuation mark, PositionRisk risk) {
    }

    private final VenueRules rules;
    private final Map<Position, Entry> byPosition;
    private int reused;

    Valuations(VenueRules rules, int positions) {
        this.rules = rules;
        this.byPosition = new IdentityHashMap<>(positions * 2);
    }

    /**
     * @param rules     the rule set of the evaluation asking
     * @param position  a position of it
     * @param schedule  its maintenance schedule now
     * @return what this evaluation worked out for that instance, or null when it did not value
     *         it, or on other rules, or with another schedule (tier tables were refreshed)
     */
    Entry reusable(VenueRules rules, Position position, TierTable schedule) {
        if (rules != this.rules) {
            return null;
        }
        Entry e = byPosition.get(position);
        return e != null && e.schedule() == schedule ? e : null;
    }

    void put(Position position, TierTable schedule, MarkValuation mark, PositionRisk risk, boolean taken) {
        byPosition.put(position, new Entry(schedule, mark, risk));
        reused += taken ? 1 : 0;
    }

    /**
     * @param position  a position of the evaluated account (the instance evaluated)
     * @return its valuation at its mark in that evaluation, or null if this evaluation did not
     *         value that instance
     */
    public MarkValuation valuation(Position position) {
        Entry e = byPosition.get(position);
        return e == null ? null : e.mark();
    }

    /** @return how many of the positions' valuations were taken over from the previous evaluation */
    public int reused() {
        return reused;
    }

    /** @return how many positions were valued */
    public int size() {
        return byPosition.size();
    }
}
