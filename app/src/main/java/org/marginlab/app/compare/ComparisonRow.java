package org.marginlab.app.compare;

import java.util.Objects;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One position of the comparison table: its figures isolated and cross, side by side, at the
 * current shock, and the sentence that says what changes. Display data only; the view binds it.
 *
 * <p>The position's id and label are fixed for the row's life. The sentence (which depends on
 * the walks, not on the current shock) and the figures are observable and updated in place: an
 * edit or a shock move keeps the list's items, and a table cell or sentence only redraws when its
 * own text changes. A property
 * fires only when its value really changes ({@link Object#equals}).
 */
public final class ComparisonRow {
    private final String positionId;
    private final String label;
    private final javafx.beans.property.ReadOnlyStringWrapper sentence =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "sentence", "");
    private final ReadOnlyObjectWrapper<SidePair> liquidationPrice = new ReadOnlyObjectWrapper<>(this, "liquidationPrice");
    private final ReadOnlyObjectWrapper<SidePair> distance = new ReadOnlyObjectWrapper<>(this, "distance");
    private final ReadOnlyObjectWrapper<SidePair> marginRatio = new ReadOnlyObjectWrapper<>(this, "marginRatio");
    private final ReadOnlyObjectWrapper<SidePair> maxLoss = new ReadOnlyObjectWrapper<>(this, "maxLoss");
    private final ReadOnlyObjectWrapper<SidePair> capital = new ReadOnlyObjectWrapper<>(this, "capital");
    private final ReadOnlyBooleanWrapper isolatedLiquidated = new ReadOnlyBooleanWrapper(this, "isolatedLiquidated");
    private final ReadOnlyBooleanWrapper crossLiquidated = new ReadOnlyBooleanWrapper(this, "crossLiquidated");

    /**
     * A row with its fixed texts; the figures are set by {@link #update}.
     *
     * @param positionId  the position's id (used in node ids), not null
     * @param label       e.g. {@code btc-long (BTCUSDT long)}, not null
     * @param sentence    what changes between isolated and cross, in words, not null
     */
    ComparisonRow(String positionId, String label, String sentence) {
        this.positionId = Objects.requireNonNull(positionId, "positionId");
        this.label = Objects.requireNonNull(label, "label");
        this.sentence.set(Objects.requireNonNull(sentence, "sentence"));
    }

    /**
     * Sets the figures at the current shock; a property whose value is equal to the new one is
     * left alone (no event). The liquidation flags are set first, so a listener of a figure sees
     * them already current.
     */
    void update(SidePair liquidationPrice, SidePair distance, SidePair marginRatio, SidePair maxLoss,
            SidePair capital, boolean isolatedLiquidated, boolean crossLiquidated) {
        update(liquidationPrice, distance, marginRatio, maxLoss, capital, isolatedLiquidated, crossLiquidated, null);
    }

    /**
     * As {@link #update(SidePair, SidePair, SidePair, SidePair, SidePair, boolean, boolean)}, and sets
     * the sentence too when one is given (an edit changes every cross position's sentence; the row
     * and its cells stay, only the text changes).
     */
    void update(SidePair liquidationPrice, SidePair distance, SidePair marginRatio, SidePair maxLoss,
            SidePair capital, boolean isolatedLiquidated, boolean crossLiquidated, String newSentence) {
        if (newSentence != null) {
            this.sentence.set(newSentence);
        }
        this.isolatedLiquidated.set(isolatedLiquidated);
        this.crossLiquidated.set(crossLiquidated);
        set(this.liquidationPrice, liquidationPrice);
        set(this.distance, distance);
        set(this.marginRatio, marginRatio);
        set(this.maxLoss, maxLoss);
        set(this.capital, capital);
    }

    private static void set(ReadOnlyObjectWrapper<SidePair> property, SidePair value) {
        // a pair that shows the same but carries other full-precision values (for the CSV) is set too
        if (!Objects.equals(property.get(), value) || !SidePair.sameValues(property.get(), value)) {
            property.set(value);
        }
    }

    /** @return whether this row shows the same position under the same label (so it can be updated in place) */
    boolean sameTexts(String positionId, String label) {
        return this.positionId.equals(positionId) && this.label.equals(label);
    }

    /** @return the position's id (used in node ids) */
    public String positionId() {
        return positionId;
    }

    /** @return e.g. {@code btc-long (BTCUSDT long)} */
    public String label() {
        return label;
    }

    /** @return what changes between the two, in words */
    public String sentence() {
        return sentence.get();
    }

    /** @return what changes between the two, in words; changes when an edit changes it */
    public javafx.beans.property.ReadOnlyStringProperty sentenceProperty() {
        return sentence.getReadOnlyProperty();
    }

    /**
     * @return liquidation price, quote per base, or {@code liq. −4.6 %}: the shock that liquidated
     *         it ({@code liq. now}: already at the marks as entered)
     */
    public SidePair liquidationPrice() {
        return liquidationPrice.get();
    }

    /** @return distance to liquidation, % of the (shocked) mark */
    public SidePair distance() {
        return distance.get();
    }

    /** @return isolated: the position's margin ratio; cross: the account's */
    public SidePair marginRatio() {
        return marginRatio.get();
    }

    /**
     * @return isolated: its margin; cross: the whole cross equity; once liquidated, what the close
     *         lost, negative
     */
    public SidePair maxLoss() {
        return maxLoss.get();
    }

    /** @return isolated: its margin; cross: its initial margin at the mark */
    public SidePair capital() {
        return capital.get();
    }

    /** @return whether the isolated side has liquidated it at the current shock */
    public boolean isolatedLiquidated() {
        return isolatedLiquidated.get();
    }

    /** @return whether the cross cascade has closed it at the current shock */
    public boolean crossLiquidated() {
        return crossLiquidated.get();
    }

    /** @return the liquidation price pair, observable (see {@link #liquidationPrice()}) */
    public ReadOnlyObjectProperty<SidePair> liquidationPriceProperty() {
        return liquidationPrice.getReadOnlyProperty();
    }

    /** @return the distance pair, observable (see {@link #distance()}) */
    public ReadOnlyObjectProperty<SidePair> distanceProperty() {
        return distance.getReadOnlyProperty();
    }

    /** @return the margin ratio pair, observable (see {@link #marginRatio()}) */
    public ReadOnlyObjectProperty<SidePair> marginRatioProperty() {
        return marginRatio.getReadOnlyProperty();
    }

    /** @return the maximum loss pair, observable (see {@link #maxLoss()}) */
    public ReadOnlyObjectProperty<SidePair> maxLossProperty() {
        return maxLoss.getReadOnlyProperty();
    }

    /** @return the capital pair, observable (see {@link #capital()}) */
    public ReadOnlyObjectProperty<SidePair> capitalProperty() {
        return capital.getReadOnlyProperty();
    }

    /** @return whether the isolated side has liquidated it, observable */
    public ReadOnlyBooleanProperty isolatedLiquidatedProperty() {
        return isolatedLiquidated.getReadOnlyProperty();
    }

    /** @return whether the cross cascade has closed it, observable */
    public ReadOnlyBooleanProperty crossLiquidatedProperty() {
        return crossLiquidated.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return "ComparisonRow[" + positionId + ", " + liquidationPrice() + ", " + distance() + ", " + marginRatio() + ", "
                + maxLoss() + ", " + capital() + ", " + isolatedLiquidated() + ", " + crossLiquidated() + "]";
    }
}
