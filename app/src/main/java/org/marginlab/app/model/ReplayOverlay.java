package org.marginlab.app.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A price-path replay's view of the draft at one instant: the path's mark per symbol and the
 * positions the path has liquidated so far, each frozen at the mark it was closed at. Like the
 * shock it is a view, never saved and never an undo step ({@link Draft#sameDocument} ignores
 * it). {@link Evaluator} applies it: every position takes its symbol's mark from {@link #marks()}
 * (positions of other symbols keep theirs), a liquidated one its frozen mark, and the shock is
 * not applied while a replay is shown. Frozen at their liquidation marks, the closed positions
 * are at or beyond their liquidation condition, so the evaluation shows them liquidated (spec
 * workspace-and-cli.md §4) even when the price has come back.
 *
 * @param label   what the replay shows, e.g. {@code wick-down-12 · 00:33}; not null
 * @param marks   mark price per symbol (quote per base), each &gt; 0; unmodifiable
 * @param frozen  position id → the mark it was liquidated at, in the order of the liquidations; unmodifiable
 */
public record ReplayOverlay(String label, Map<String, BigDecimal> marks, Map<String, BigDecimal> frozen) {
    /** Copies the maps, keeping their order. */
    public ReplayOverlay {
        Objects.requireNonNull(label, "label");
        marks = Collections.unmodifiableMap(new LinkedHashMap<>(marks));
        frozen = Collections.unmodifiableMap(new LinkedHashMap<>(frozen));
    }

    /**
     * @param id      a position's id
     * @param symbol  its symbol
     * @param typed   its mark as typed
     * @return the mark the replay gives it: frozen if liquidated, else its symbol's, else {@code typed}
     */
    public BigDecimal markOf(String id, String symbol, BigDecimal typed) {
        BigDecimal m = frozen.get(id);
        if (m == null) {
            m = marks.get(symbol);
        }
        return m == null ? typed : m;
    }
}
