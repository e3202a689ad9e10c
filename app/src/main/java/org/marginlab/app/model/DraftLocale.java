package org.marginlab.app.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.marginlab.app.ui.DecimalInput;
import org.marginlab.app.ui.Formats;

/**
 * Rewrites what the user typed from one number format into another, when the number format
 * changes while a workspace is open: every number that reads in the old format is written
 * exactly, in the new one ({@link Formats#exact}: all digits, no grouping, the new decimal
 * separator); text that does not read as a number (half-typed, wrong) is kept as typed, so its
 * message stays. No value changes: {@code 58.500} typed in German (58,500) becomes {@code 58500}
 * in English, not 58.5.
 *
 * <p>Immutable and thread-safe.
 */
public final class DraftLocale {
    private final DecimalInput from;
    private final Formats to;

    /**
     * @param from  the format the texts are in, not null
     * @param to    the format to write them in, not null
     */
    public DraftLocale(DecimalInput from, Formats to) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
    }

    /**
     * @param d  a draft typed in the old format, not null
     * @return the same draft with every number written in the new format
     */
    public Draft convert(Draft d) {
        List<PositionDraft> positions = new ArrayList<>(d.positions().size());
        for (PositionDraft p : d.positions()) {
            PositionDraft q = p;
            for (var e : p.texts().entrySet()) {
                String converted = number(e.getValue());
                if (!converted.equals(e.getValue())) {
                    q = q.withText(e.getKey(), converted);
                }
            }
            positions.add(q);
        }
        List<PendingTransfer> pending = new ArrayList<>(d.pending().size());
        for (PendingTransfer t : d.pending()) {
            pending.add(t.kind() == PendingTransfer.Kind.MARGIN
                    ? new PendingTransfer(t.positionId(), t.kind(), number(t.text())) : mode(t));
        }
        return new Draft(d.name(), d.venueId(), number(d.walletText()), positions, number(d.shockText()),
                d.shockSymbol(), pending, d.asOf(), d.replay(), d.lesson());
    }

    /** {@code isolated:MARGIN}: the margin is a number too. */
    private PendingTransfer mode(PendingTransfer t) {
        int colon = t.text().indexOf(':');
        return colon < 0 ? t : new PendingTransfer(t.positionId(), t.kind(),
                t.text().substring(0, colon + 1) + number(t.text().substring(colon + 1)));
    }

    /**
     * @param text  a typed text
     * @return the number in the new format, or the text unchanged when it is blank or no number
     */
    public String number(String text) {
        if (text == null || text.isBlank()) {
            return text == null ? "" : text;
        }
        try {
            return to.exact(from.parse(text));
        } catch (DecimalInput.InputException e) {
            return text;
        }
    }
}
