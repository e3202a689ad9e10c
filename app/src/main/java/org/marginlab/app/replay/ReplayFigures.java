package org.marginlab.app.replay;

import java.math.BigDecimal;
import java.util.Locale;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.marginlab.app.ui.Formats;
import org.marginlab.engine.replay.ReplayFrame;
import org.marginlab.engine.replay.SideState;

/**
 * The figures of the point the replay shows, as the Replay tab writes them: the time (UTC), the
 * marks, each side's equity, the positions each side has lost so far (by name, and counted) and the
 * chart's cursor. Only
 * properties whose text changes fire. A plain class without {@code javafx.scene} types; not
 * thread-safe (the JavaFX thread).
 */
final class ReplayFigures {
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper(this, "time", "");
    private final ReadOnlyStringWrapper marks = new ReadOnlyStringWrapper(this, "marks", "");
    private final ReadOnlyStringWrapper isolatedEquity = new ReadOnlyStringWrapper(this, "isolatedEquity", "");
    private final ReadOnlyStringWrapper crossEquity = new ReadOnlyStringWrapper(this, "crossEquity", "");
    private final ReadOnlyStringWrapper liquidatedSoFar = new ReadOnlyStringWrapper(this, "liquidatedSoFar", "");
    private final ReadOnlyStringWrapper liquidatedCounts = new ReadOnlyStringWrapper(this, "liquidatedCounts", "");
    private final ReadOnlyObjectWrapper<Double> cursor = new ReadOnlyObjectWrapper<>(this, "cursor", 0.0);

    /**
     * @param s       the replay shown, not null
     * @param k       the point's index
     * @param locale  the number format
     */
    void show(ReplayShown s, int k, Locale locale) {
        ReplayFrame f = s.replay().frame(k);
        Formats formats = new Formats(locale);
        time.set(ReplayShown.clock(s.replay(), locale).format(f.time()) + " UTC");
        marks.set(ReplayShown.marks(formats, f.marks()));
        isolatedEquity.set(amount(formats, f.isolated().equity(), s));
        crossEquity.set(amount(formats, f.cross().equity(), s));
        liquidatedSoFar.set("Liquidated so far — isolated: " + names(f.isolated()) + "; cross: " + names(f.cross()));
        liquidatedCounts.set("isolated: " + count(f.isolated()) + " · cross: " + count(f.cross()));
        cursor.set(s.chart().x(k));
    }

    void clear() {
        time.set("");
        marks.set("");
        isolatedEquity.set("");
        crossEquity.set("");
        liquidatedSoFar.set("");
        liquidatedCounts.set("");
        cursor.set(0.0);
    }

    private static String amount(Formats formats, BigDecimal v, ReplayShown s) {
        return formats.amount(v, s.currency(), s.decimals());
    }

    private static String names(SideState side) {
        return side.liquidated().isEmpty() ? "none" : String.join(", ", side.liquidated().keySet());
    }

    private static String count(SideState side) {
        int n = side.liquidated().size();
        return n == 0 ? "none" : n + " liquidated";
    }

    ReadOnlyStringProperty liquidatedCounts() {
        return liquidatedCounts.getReadOnlyProperty();
    }

    ReadOnlyStringProperty time() {
        return time.getReadOnlyProperty();
    }

    ReadOnlyStringProperty marks() {
        return marks.getReadOnlyProperty();
    }

    ReadOnlyStringProperty isolatedEquity() {
        return isolatedEquity.getReadOnlyProperty();
    }

    ReadOnlyStringProperty crossEquity() {
        return crossEquity.getReadOnlyProperty();
    }

    ReadOnlyStringProperty liquidatedSoFar() {
        return liquidatedSoFar.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Double> cursor() {
        return cursor.getReadOnlyProperty();
    }
}
