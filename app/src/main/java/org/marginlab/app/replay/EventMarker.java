package org.marginlab.app.replay;

import org.marginlab.engine.replay.ReplaySide;

/**
 * A liquidation's marker on the replay's timeline.
 *
 * @param side        the isolated or the cross side
 * @param fraction    where on the timeline, 0 at the path's start and 1 at its end
 * @param positionId  the liquidated position (the first, when the side loses several at that instant)
 * @param text        the tooltip, e.g. {@code 00:30 · isolated · btc-long liquidated at 57,228.92}; the
 *                    positions the side loses at the same instant are listed after it
 */
public record EventMarker(ReplaySide side, double fraction, String positionId, String text) {
}
