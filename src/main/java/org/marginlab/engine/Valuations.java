package org.marginlab.engine;

import java.util.IdentityHashMap;

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
    private final VenueRules rules;
    // in account order; the engine asks for position i of the next account, usually the same
    // instance at the same index, so no map is built unless positions moved
    private final Position[] positions;
    private final TierTable[] schedules;
    private final MarkValuation[] marks;
    private final PositionRisk[] risks;
    private int size;
    private int reused;
    // built at the first lookup that misses the index (positions added, removed or moved), then
    // published whole: safe for readers on other threads
    private volatile IdentityHashMap<Position, Integer> index;

    Valuations(VenueRules rules, int positions) {
        this.rules = rules;
        this.positions = new Position[positions];
        this.schedules = new TierTable[positions];
        this.marks = new MarkValuation[positions];
        this.risks = new PositionRisk[positions];
    }

    /**
     * @param rules     the rule set of the evaluation asking
     * @param at        the position's index in the account asking (a hint: looked up there first)
     * @param position  a position of it
     * @param schedule  its maintenance schedule now
     * @return the index under which this evaluation worked out that instance ({@link #mark},
     *         {@link #risk}), or −1 when it did not value it, or on other rules, or with another
     *         schedule (tier tables were refreshed)
     */
    int reusable(VenueRules rules, int at, Position position, TierTable schedule) {
        if (rules != this.rules) {
            return -1;
        }
        int i = indexOf(at, position);
        return i >= 0 && schedules[i] == schedule ? i : -1;
    }

    /** @return the valuation at the mark kept under index {@code i} */
    MarkValuation mark(int i) {
        return marks[i];
    }

    /** @return the result kept under index {@code i} */
    PositionRisk risk(int i) {
        return risks[i];
    }

    /** Keeps what the evaluation worked out for its next position, in account order. */
    void put(Position position, TierTable schedule, MarkValuation mark, PositionRisk risk, boolean taken) {
        positions[size] = position;
        schedules[size] = schedule;
        marks[size] = mark;
        risks[size] = risk;
        size++;
        reused += taken ? 1 : 0;
    }

    /**
     * @param position  a position of the evaluated account (the instance evaluated)
     * @return its valuation at its mark in that evaluation, or null if this evaluation did not
     *         value that instance
     */
    public MarkValuation valuation(Position position) {
        int i = indexOf(-1, position);
        return i < 0 ? null : marks[i];
    }

    /** @return how many of the positions' valuations were taken over from the previous evaluation */
    public int reused() {
        return reused;
    }

    /** @return how many positions were valued */
    public int size() {
        return size;
    }

    private int indexOf(int at, Position position) {
        if (at >= 0 && at < size) {
            if (positions[at] == position) {
                return at;
            }
            if (positions[at].id().equals(position.id())) {
                return -1; // an edited position: its id is at its index (ids are unique), its instance is new
            }
        }
        IdentityHashMap<Position, Integer> m = index;
        if (m == null) {
            m = new IdentityHashMap<>(size);
            for (int i = 0; i < size; i++) {
                m.put(positions[i], i);
            }
            index = m;
        }
        Integer i = m.get(position);
        return i == null ? -1 : i;
    }
}
