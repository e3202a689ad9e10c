package org.marginlab.app.model;

import java.util.Objects;

/**
 * A what-if of a {@link Draft}: a transfer between the cross wallet and one position that is
 * evaluated beside the account but not applied to it (spec workspace-and-cli.md §4, "after").
 * The app keeps one margin change per position (the what-if field); {@code calc} keeps its
 * {@code --add-margin} and {@code --mode} options in the order given.
 *
 * @param positionId  the position's id, not null
 * @param kind        what moves
 * @param text        {@link Kind#MARGIN}: the typed amount in the settlement currency (+ adds,
 *                    − removes); {@link Kind#MODE}: {@code isolated}, {@code isolated:MARGIN} or
 *                    {@code cross}; not null
 */
public record PendingTransfer(String positionId, Kind kind, String text) {

    /** What a pending transfer moves. */
    public enum Kind {
        /** Add (+) or remove (−) isolated margin. */
        MARGIN,
        /** Switch the margin mode; cross → isolated moves a margin out of the cross wallet. */
        MODE
    }

    /** Checks the parts are present. */
    public PendingTransfer {
        Objects.requireNonNull(positionId, "positionId");
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
    }
}
