package org.marginlab.app.workspace;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.marginlab.app.lesson.Lesson;
import org.marginlab.engine.Account;
import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

/**
 * A workspace: the document the app opens and saves and the command line evaluates
 * (spec workspace-and-cli.md §1). An account's inputs, held as the file states them.
 *
 * <p>The venue is kept as its id, not resolved, so that a file naming a venue this version does
 * not know still opens and the problem is reported when the workspace is evaluated
 * ({@link #toAccount()}) rather than when it is read.
 *
 * <p>Immutable and thread-safe. {@code equals} compares positions as {@link Position#equals}
 * does (numerically); the decimal scales of the values are kept as given, so a workspace read
 * from a file writes back the same text.
 *
 * @param name           the workspace's title, or null when the file gives none
 * @param venueId        the venue rule-set id, e.g. {@code binance-usdm}; not blank
 * @param walletBalance  cross wallet balance, settlement currency, ≥ 0 (0 when the file gives
 *                       none)
 * @param positions      the positions in file order, ids unique; unmodifiable
 * @param asOf           the evaluation instant that picks dated rule-set versions (spec
 *                       venues-v2.md §12.2, workspace {@code asOf}), or null for the latest
 * @param lesson         the workspace's {@code lesson} block (README "Course kit → Lessons"), or
 *                       null when it is not a lesson
 */
public record Workspace(String name, String venueId, BigDecimal walletBalance, List<Position> positions,
        Instant asOf, Lesson lesson) {

    /**
     * @throws ValidationException ({@code venue}, {@code walletBalance},
     *         {@code positions[i].id}) if the venue id is blank, the wallet is missing or
     *         negative, or two positions share an id
     */
    public Workspace {
        if (venueId == null || venueId.isBlank()) {
            throw new ValidationException("venue", "is required", null);
        }
        if (walletBalance == null) {
            throw new ValidationException("walletBalance", "is required", null);
        }
        if (walletBalance.signum() < 0) {
            throw new ValidationException("walletBalance", "must be ≥ 0", walletBalance);
        }
        Objects.requireNonNull(positions, "positions");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < positions.size(); i++) {
            Position p = positions.get(i);
            if (p == null) {
                throw new ValidationException("positions[" + i + "]", "is required", null);
            }
            if (!ids.add(p.id())) {
                throw new ValidationException("id", "must be unique within the workspace", p.id())
                        .within("positions[" + i + "]");
            }
        }
        positions = List.copyOf(positions);
    }

    /**
     * A workspace that is not a lesson.
     *
     * @param name           the title, may be null
     * @param venueId        the venue id, not blank
     * @param walletBalance  the cross wallet, ≥ 0
     * @param positions      the positions, ids unique
     * @param asOf           the evaluation instant, or null for the latest rule sets
     */
    public Workspace(String name, String venueId, BigDecimal walletBalance, List<Position> positions, Instant asOf) {
        this(name, venueId, walletBalance, positions, asOf, null);
    }

    /**
     * A workspace without an {@code asOf}: the latest rule-set versions apply.
     *
     * @param name           the title, may be null
     * @param venueId        the venue id, not blank
     * @param walletBalance  the cross wallet, ≥ 0
     * @param positions      the positions, ids unique
     */
    public Workspace(String name, String venueId, BigDecimal walletBalance, List<Position> positions) {
        this(name, venueId, walletBalance, positions, null);
    }

    /**
     * An empty workspace on a venue.
     *
     * @param name     the title, may be null
     * @param venueId  the venue id, not blank
     * @return a workspace with a zero wallet and no position
     */
    public static Workspace empty(String name, String venueId) {
        return new Workspace(name, venueId, BigDecimal.ZERO, List.of());
    }

    /**
     * The engine's input for this workspace.
     *
     * @return the account, never null
     * @throws ValidationException ({@code venue}) if this version does not know the venue, or
     *         another rule of {@link Account#of(String, BigDecimal, List)}
     */
    public Account toAccount() {
        return Account.of(rules(), walletBalance, positions).withOpenedAtDefault(asOf);
    }

    /**
     * The rule set this workspace names, at its {@code asOf} (spec venues-v2.md §12.2).
     *
     * @return the rule set, never null
     * @throws ValidationException ({@code venue}) if the id or version is unknown;
     *         ({@code asOf}) if it is before the venue's first version
     */
    public VenueRules rules() {
        return Venues.resolve(venueId, asOf);
    }

    /**
     * @param asOf  the evaluation instant, or null for the latest rule sets
     * @return a copy with that instant
     */
    public Workspace withAsOf(Instant asOf) {
        return new Workspace(name, venueId, walletBalance, positions, asOf, lesson);
    }

    /**
     * @param lesson  the lesson block, or null for none
     * @return a copy with that lesson
     */
    public Workspace withLesson(Lesson lesson) {
        return new Workspace(name, venueId, walletBalance, positions, asOf, lesson);
    }

    /**
     * @param id  a position id, not null
     * @return the position with that id
     * @throws ValidationException ({@code positionId}) if there is none
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
     * @param position  a position, not null
     * @return a copy in which {@code position} replaces the position with the same id, or is
     *         appended when no position has that id
     */
    public Workspace withPosition(Position position) {
        Objects.requireNonNull(position, "position");
        List<Position> copy = new ArrayList<>(positions);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).id().equals(position.id())) {
                copy.set(i, position);
                return new Workspace(name, venueId, walletBalance, copy, asOf, lesson);
            }
        }
        copy.add(position);
        return new Workspace(name, venueId, walletBalance, copy, asOf, lesson);
    }

    /**
     * @param id  a position id, not null
     * @return a copy without the position of that id (the same workspace if there is none)
     */
    public Workspace withoutPosition(String id) {
        List<Position> copy = new ArrayList<>(positions);
        copy.removeIf(p -> p.id().equals(id));
        return new Workspace(name, venueId, walletBalance, copy, asOf, lesson);
    }

    /**
     * @param positions  the new positions, ids unique, not null
     * @return a copy with those positions
     */
    public Workspace withPositions(List<Position> positions) {
        return new Workspace(name, venueId, walletBalance, positions, asOf, lesson);
    }

    /**
     * @param name  the new title, may be null
     * @return a copy with that title
     */
    public Workspace withName(String name) {
        return new Workspace(name, venueId, walletBalance, positions, asOf, lesson);
    }

    /**
     * @param venueId  the new venue id, not blank
     * @return a copy on that venue
     */
    public Workspace withVenueId(String venueId) {
        return new Workspace(name, venueId, walletBalance, positions, asOf, lesson);
    }

    /**
     * @param walletBalance  the new cross wallet balance, ≥ 0, not null
     * @return a copy with that wallet balance
     */
    public Workspace withWalletBalance(BigDecimal walletBalance) {
        return new Workspace(name, venueId, walletBalance, positions, asOf, lesson);
    }
}
