package org.marginlab.app.compare;

import java.math.BigDecimal;
import java.util.Objects;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.marginlab.engine.whatif.ShockSweep;

/**
 * View-model of the account chart: equity versus shock for the all-isolated and the all-cross
 * account on the same axes, each liquidation marked, the current shock as a vertical line, and
 * the values under the cursor. A plain class without {@code javafx.scene} types: the curves are
 * {@link EquityChartData} (lists of numbers) that {@link ComparisonViewModel} fills; hovering is
 * a command ({@link #hoverAt}) that answers from the engine's walks
 * ({@link ShockSweep#equityAt(double)}, O(events) per call).
 *
 * <p>Not thread-safe: use it on the JavaFX application thread.
 */
public final class EquityChartViewModel {
    private final CompareText text;
    private final ReadOnlyObjectWrapper<EquityChartData> data = new ReadOnlyObjectWrapper<>(this, "data",
            EquityChartData.EMPTY);
    private final ReadOnlyDoubleWrapper shockPercent = new ReadOnlyDoubleWrapper(this, "shockPercent", 0);
    private final ReadOnlyStringWrapper hover = new ReadOnlyStringWrapper(this, "hover", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Equity vs price shock");
    private String shockDescription = "";
    private final ReadOnlyStringWrapper shockTitle = new ReadOnlyStringWrapper(this, "shockTitle", "");
    private ShockSweep isolated;
    private ShockSweep cross;

    EquityChartViewModel(CompareText text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    void update(ShockSweep isolated, ShockSweep cross, EquityChartData chart) {
        this.isolated = isolated;
        this.cross = cross;
        data.set(chart);
        showTitle();
    }

    void shock(double percent, String description) {
        shockPercent.set(percent);
        shockDescription = description;
        showTitle();
    }

    /**
     * The title names the equity's currency (the chart's y axis has no title of its own: a chart
     * axis does not re-lay its title when only its text changes) and the current shock.
     */
    private void showTitle() {
        String what = data.get().yLabel() == null || data.get().yLabel().isEmpty() ? "Equity" : data.get().yLabel();
        title.set(what + " vs price shock");
        shockTitle.set(shockDescription);
    }

    /**
     * Shows the values at a shock under the cursor.
     *
     * @param percent  the shock under the cursor, percent (−10 = 10 % down); clamped to the walks'
     *                 range
     */
    public void hoverAt(double percent) {
        hover.set(valuesAt(percent));
    }

    /** Hides the hover values (the cursor left the chart). */
    public void hoverExit() {
        hover.set("");
    }

    /**
     * The values at a shock, in words: the shock and both sides' equity.
     *
     * @param percent  a shock in percent
     * @return three lines, e.g. {@code Shock −7.5 %}, {@code isolated equity 2,284.34 USDT},
     *         {@code cross equity 1,725.00 USDT}, or
     *         empty before the first evaluation
     */
    public String valuesAt(double percent) {
        if (isolated == null || cross == null || Double.isNaN(percent)) {
            return "";
        }
        double x = Math.max(isolated.lowest().doubleValue(), Math.min(isolated.highest().doubleValue(), percent / 100));
        return "Shock " + text.shock(BigDecimal.valueOf(x)) + "\nisolated equity "
                + text.amount(BigDecimal.valueOf(isolated.equityAt(x))) + "\ncross equity "
                + text.amount(BigDecimal.valueOf(cross.equityAt(x)));
    }

    /** @return the curves and markers; never null */
    public ReadOnlyObjectProperty<EquityChartData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    /** @return the current shock, percent (the vertical line) */
    public ReadOnlyDoubleProperty shockPercentProperty() {
        return shockPercent.getReadOnlyProperty();
    }

    /** @return the chart's title, naming the equity's currency */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /**
     * @return the current shock, e.g. {@code now −17.0 % on every mark}: a line of its own under
     *         the title, since it changes at every step of the shock and the title does not
     */
    public ReadOnlyStringProperty shockTitleProperty() {
        return shockTitle.getReadOnlyProperty();
    }

    /** @return the values under the cursor, or empty when the cursor is not on the chart */
    public ReadOnlyStringProperty hoverProperty() {
        return hover.getReadOnlyProperty();
    }
}
