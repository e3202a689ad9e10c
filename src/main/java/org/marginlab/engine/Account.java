package org.marginlab.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.marginlab.engine.internal.Checks;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

/**
 * An account on one venue: the cross wallet balance and the positions, each isolated or cross.
 *
 * <p>Units: {@code walletBalance} is the cross wallet balance in the settlement currency,
 * excluding every isolated margin (spec workspace-and-cli.md §1). Position ids are unique.
 *
 * <p>Immutable and thread-safe.
 */
public final class Account {
    private final VenueRules venue;
    private final BigDecimal walletBalance;
    private final List<Position> positions;

    private Account(VenueRules venue, BigDecimal walletBalance, List<Position> positions) {
        this(venue, walletBalance, positions, null);
    }

    /**
     * @param sameIds  an account whose positions have, in order, the ids of {@code positions}
     *                 (already checked unique), or null to check them here
     */
    private Account(VenueRules venue, BigDecimal walletBalance, List<Position> positions, Account sameIds) {
        this.venue = Checks.notNull(venue, "venue");
        this.walletBalance = Checks.notNegative(walletBalance, "walletBalance");
        Checks.notNull(positions, "positions");
        if (sameIds == null) {
            Set<String> ids = new HashSet<>(Math.max(16, positions.size() * 2));
            for (int i = 0; i < positions.size(); i++) {
                Position p = Checks.notNull(positions.get(i), "positions[" + i + "]");
                if (!ids.add(p.id())) {
                    throw new ValidationException("id", "must be unique within the workspace", p.id())
                            .within("positions[" + i + "]");
                }
            }
        }
        this.positions = Collections.unmodifiableList(new ArrayList<>(positions));
    }

    /** Whether {@code positions} are not null and have this account's ids, in this account's order. */
    private boolean sameIds(List<Position> positions) {
        if (positions.size() != this.positions.size()) {
            return false;
        }
        for (int i = 0; i < positions.size(); i++) {
            Position p = positions.get(i);
            if (p == null || !p.id().equals(this.positions.get(i).id())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Creates an account.
     *
     * @param venue          the venue's rule set, not null
     * @param walletBalance  cross wallet balance, settlement currency, ≥ 0, not null
     * @param positions      the positions with unique ids, not null (may be empty)
     * @return the account, never null
     * @throws ValidationException if the wallet is negative or ids repeat
     */
    public static Account of(VenueRules venue, BigDecimal walletBalance, List<Position> positions) {
        return new Account(venue, walletBalance, positions);
    }

    /**
     * Creates an account on a venue given by id.
     *
     * @param venueId        e.g. {@code binance-usdm}, not null
     * @param walletBalance  cross wallet balance, settlement currency, ≥ 0, not null
     * @param positions      the positions, not null
     * @return the account, never null
     * @throws ValidationException if the venue is unknown or another rule is broken
     */
    public static Account of(String venueId, BigDecimal walletBalance, List<Position> positions) {
        return new Account(Venues.byId(venueId), walletBalance, positions);
    }

    /**
     * The same as {@link #of(VenueRules, BigDecimal, List)}, for an account derived from this one
     * (the same account at other marks, margins or wallet, as an app builds once per edit): when
     * {@code positions} have this account's ids in this account's order, their uniqueness is known
     * and not checked again (no set of ids is built); otherwise they are checked as by {@code of}.
     *
     * @param venue          the venue's rule set, not null
     * @param walletBalance  cross wallet balance, settlement currency, ≥ 0, not null
     * @param positions      the positions with unique ids, not null (may be empty)
     * @return the account, never null
     * @throws ValidationException as {@link #of(VenueRules, BigDecimal, List)}
     */
    public Account derive(VenueRules venue, BigDecimal walletBalance, List<Position> positions) {
        Checks.notNull(positions, "positions");
        return new Account(venue, walletBalance, positions, sameIds(positions) ? this : null);
    }

    /** @return the venue's rule set; never null */
    public VenueRules venue() {
        return venue;
    }

    /** @return the cross wallet balance, settlement currency; never null */
    public BigDecimal walletBalance() {
        return walletBalance;
    }

    /** @return the positions in order; unmodifiable, never null */
    public List<Position> positions() {
        return positions;
    }

    /**
     * @param position  a position whose id is in this account, not null
     * @return a copy with that position replacing the one with the same id
     * @throws ValidationException if no position has that id
     */
    public Account with(Position position) {
        List<Position> copy = new ArrayList<>(positions);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).id().equals(position.id())) {
                copy.set(i, position);
                return new Account(venue, walletBalance, copy, this);
            }
        }
        throw new ValidationException("positionId", "must name a position of the workspace", position.id());
    }

    /**
     * @param id  a position id, not null
     * @return the position with that id
     * @throws ValidationException if there is none
     */
    public Position position(String id) {
        for (Position p : positions) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new ValidationException("positionId", "must name a position of the workspace", id);
    }

    /**
     * The account as rules that apply by opening time see it (spec venues-v2.md §12.2): a position
     * that states no {@code openedAt} was opened at the evaluation instant {@code asOf} (Bitget's
     * 2025-11-10 maintenance margin applies to positions opened from then). Without an
     * {@code asOf} the account is returned as it is: the latest rules, every position opened after
     * every change.
     *
     * @param asOf  the evaluation instant, or null
     * @return this account, or a copy whose positions all state an {@code openedAt}
     */
    public Account withOpenedAtDefault(java.time.Instant asOf) {
        if (asOf == null || positions.stream().allMatch(p -> p.venueParameters().openedAt() != null)) {
            return this;
        }
        List<Position> out = new java.util.ArrayList<>(positions.size());
        for (Position p : positions) {
            out.add(p.venueParameters().openedAt() != null ? p
                    : p.toBuilder().venueParameters(p.venueParameters().toBuilder().openedAt(asOf).build()).build());
        }
        return new Account(venue, walletBalance, out, this);
    }
}
