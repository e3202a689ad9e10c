package org.marginlab.app.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole workspace as the user typed it: the text of every field, the venue, the price
 * shock and the pending what-ifs. The app's single source of truth: every edit makes a new
 * draft, and {@link Evaluator#evaluate} turns a draft into the one {@link Evaluation} that every
 * view shows. {@code marginlab calc} builds a draft from a file and calls the same function.
 *
 * <p>The <em>document</em> part (name, venue, wallet, positions) is what a file holds, what
 * undo/redo restores and what decides whether there are unsaved changes
 * ({@link #sameDocument}); the shock and the what-ifs are views of it and never saved.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name         the workspace's title, may be null
 * @param venueId      the venue rule-set id, e.g. {@code binance-usdm}; not null (an unknown id
 *                     is reported by the evaluation)
 * @param walletText   the typed cross wallet balance, settlement currency; not null
 * @param positions    the positions in order, ids unique; unmodifiable
 * @param shockText    the typed price shock in percent (−90 … 200), empty for none; not null
 * @param shockSymbol  the symbol the shock moves, or null for every symbol
 * @param pending      the what-ifs in the order they apply; unmodifiable
 * @param asOf         the workspace's evaluation instant for dated rule sets (spec
 *                     venues-v2.md §12.2), or null for the latest versions; part of the document
 * @param replay       the price-path replay shown, or null: a view like the shock, never saved
 *                     ({@link ReplayOverlay})
 * @param lesson       the workspace's lesson block, or null; part of the document (saved, undone)
 */
public record Draft(String name, String venueId, String walletText, List<PositionDraft> positions,
        String shockText, String shockSymbol, List<PendingTransfer> pending, java.time.Instant asOf,
        ReplayOverlay replay, org.marginlab.app.lesson.Lesson lesson) {

    /** Copies the lists; checks ids are unique. */
    public Draft {
        Objects.requireNonNull(venueId, "venueId");
        walletText = walletText == null ? "" : walletText;
        shockText = shockText == null ? "" : shockText;
        positions = List.copyOf(positions);
        pending = List.copyOf(pending);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (PositionDraft p : positions) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("duplicate position id " + p.id());
            }
        }
    }

    /**
     * A draft that is not a lesson.
     *
     * @param name         the title, may be null
     * @param venueId      the venue id, not null
     * @param walletText   the typed wallet
     * @param positions    the positions
     * @param shockText    the typed shock
     * @param shockSymbol  the shocked symbol or null
     * @param pending      the what-ifs
     * @param asOf         the evaluation instant for dated rule sets, or null
     * @param replay       the replay shown, or null
     */
    public Draft(String name, String venueId, String walletText, List<PositionDraft> positions, String shockText,
            String shockSymbol, List<PendingTransfer> pending, java.time.Instant asOf, ReplayOverlay replay) {
        this(name, venueId, walletText, positions, shockText, shockSymbol, pending, asOf, replay, null);
    }

    /**
     * A draft without a replay.
     *
     * @param name         the title, may be null
     * @param venueId      the venue id, not null
     * @param walletText   the typed wallet
     * @param positions    the positions
     * @param shockText    the typed shock
     * @param shockSymbol  the shocked symbol or null
     * @param pending      the what-ifs
     * @param asOf         the evaluation instant for dated rule sets, or null
     */
    public Draft(String name, String venueId, String walletText, List<PositionDraft> positions, String shockText,
            String shockSymbol, List<PendingTransfer> pending, java.time.Instant asOf) {
        this(name, venueId, walletText, positions, shockText, shockSymbol, pending, asOf, null);
    }

    /**
     * A draft without an {@code asOf}.
     *
     * @param name         the title, may be null
     * @param venueId      the venue id, not null
     * @param walletText   the typed wallet
     * @param positions    the positions
     * @param shockText    the typed shock
     * @param shockSymbol  the shocked symbol or null
     * @param pending      the what-ifs
     */
    public Draft(String name, String venueId, String walletText, List<PositionDraft> positions, String shockText,
            String shockSymbol, List<PendingTransfer> pending) {
        this(name, venueId, walletText, positions, shockText, shockSymbol, pending, null);
    }

    /**
     * @param other  another draft, not null
     * @return whether both describe the same document (name, venue, wallet, positions), whatever
     *         their shock and what-ifs
     */
    public boolean sameDocument(Draft other) {
        return Objects.equals(name, other.name) && venueId.equals(other.venueId) && walletText.equals(other.walletText)
                && positions.equals(other.positions) && Objects.equals(asOf, other.asOf)
                && Objects.equals(lesson, other.lesson);
    }

    /**
     * @param other  the draft whose document to take, not null
     * @return {@code other}'s document with this draft's shock, replay and what-ifs (what-ifs of
     *         positions that no longer exist are dropped)
     */
    public Draft withDocumentOf(Draft other) {
        List<PendingTransfer> kept = new ArrayList<>();
        for (PendingTransfer t : pending) {
            if (other.indexOf(t.positionId()) >= 0) {
                kept.add(t);
            }
        }
        return new Draft(other.name, other.venueId, other.walletText, other.positions, shockText, shockSymbol, kept,
                other.asOf, replay, other.lesson);
    }

    /**
     * @param id  a position id
     * @return its index, or −1
     */
    public int indexOf(String id) {
        for (int i = 0; i < positions.size(); i++) {
            if (positions.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param id  a position id
     * @return that position's draft
     * @throws IllegalArgumentException if there is none
     */
    public PositionDraft position(String id) {
        int i = indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("no position " + id);
        }
        return positions.get(i);
    }

    /** @return a copy with another name */
    public Draft withName(String newName) {
        return new Draft(newName, venueId, walletText, positions, shockText, shockSymbol, pending, asOf, replay, lesson);
    }

    /**
     * @param newLesson  the lesson block, or null for none
     * @return a copy with that lesson
     */
    public Draft withLesson(org.marginlab.app.lesson.Lesson newLesson) {
        return new Draft(name, venueId, walletText, positions, shockText, shockSymbol, pending, asOf, replay, newLesson);
    }

    /** @return a copy on another venue */
    public Draft withVenueId(String newVenueId) {
        return new Draft(name, newVenueId, walletText, positions, shockText, shockSymbol, pending, asOf, replay, lesson);
    }

    /**
     * @param newAsOf  the evaluation instant for dated rule sets, or null for the latest rules
     * @return a copy with that instant
     */
    public Draft withAsOf(java.time.Instant newAsOf) {
        return new Draft(name, venueId, walletText, positions, shockText, shockSymbol, pending, newAsOf, replay, lesson);
    }

    /** @return a copy with another typed wallet */
    public Draft withWalletText(String text) {
        return new Draft(name, venueId, text, positions, shockText, shockSymbol, pending, asOf, replay, lesson);
    }

    /** @return a copy with other positions */
    public Draft withPositions(List<PositionDraft> newPositions) {
        List<PendingTransfer> kept = new ArrayList<>();
        for (PendingTransfer t : pending) {
            if (newPositions.stream().anyMatch(p -> p.id().equals(t.positionId()))) {
                kept.add(t);
            }
        }
        return new Draft(name, venueId, walletText, newPositions, shockText, shockSymbol, kept, asOf, replay, lesson);
    }

    /**
     * @param p  a position whose id is in this draft, not null
     * @return a copy in which {@code p} replaces the position with its id
     */
    public Draft withPosition(PositionDraft p) {
        List<PositionDraft> copy = new ArrayList<>(positions);
        int i = indexOf(p.id());
        if (i < 0) {
            throw new IllegalArgumentException("no position " + p.id());
        }
        copy.set(i, p);
        return new Draft(name, venueId, walletText, copy, shockText, shockSymbol, pending, asOf, replay, lesson);
    }

    /** @return a copy with another shock text and symbol */
    public Draft withShock(String text, String symbol) {
        return new Draft(name, venueId, walletText, positions, text, symbol, pending, asOf, replay, lesson);
    }

    /**
     * @param overlay  the replay to show, or null to show the document's own marks again
     * @return a copy with that replay
     */
    public Draft withReplay(ReplayOverlay overlay) {
        return new Draft(name, venueId, walletText, positions, shockText, shockSymbol, pending, asOf, overlay, lesson);
    }

    /** @return a copy with other what-ifs */
    public Draft withPending(List<PendingTransfer> newPending) {
        return new Draft(name, venueId, walletText, positions, shockText, shockSymbol, newPending, asOf, replay, lesson);
    }

    /**
     * @param id    a position id, not null
     * @return the typed margin change of that position's what-if, empty when there is none
     */
    public String marginDeltaText(String id) {
        for (PendingTransfer t : pending) {
            if (t.kind() == PendingTransfer.Kind.MARGIN && t.positionId().equals(id)) {
                return t.text();
            }
        }
        return "";
    }

    /**
     * @param id    a position id, not null
     * @param text  the typed margin change; empty or "0" removes the what-if
     * @return a copy in which that position's margin what-if is {@code text}
     */
    public Draft withMarginDeltaText(String id, String text) {
        List<PendingTransfer> copy = new ArrayList<>(pending.size() + 1);
        boolean replaced = false;
        boolean none = text == null || text.isBlank();
        for (PendingTransfer t : pending) {
            if (t.kind() == PendingTransfer.Kind.MARGIN && t.positionId().equals(id)) {
                if (!none) {
                    copy.add(new PendingTransfer(id, PendingTransfer.Kind.MARGIN, text));
                }
                replaced = true;
            } else {
                copy.add(t);
            }
        }
        if (!replaced && !none) {
            copy.add(new PendingTransfer(id, PendingTransfer.Kind.MARGIN, text));
        }
        return withPending(copy);
    }
}
