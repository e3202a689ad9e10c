package org.marginlab.app.planner;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One planned fill of the ladder as the Planner tab shows it: what the user typed (price, and a
 * quantity or an amount in quote) and, after {@link LadderViewModel} planned the ladder, the
 * position after the fill, formatted: cumulative quantity, average entry, margin, liquidation
 * price, distance from the fill to it, a warning and the error of an invalid cell.
 *
 * <p>Plain JavaFX properties, no {@code javafx.scene} types. Use on the JavaFX thread.
 */
public final class LadderRow {
    private final StringProperty price = new SimpleStringProperty(this, "price", "");
    private final StringProperty quantity = new SimpleStringProperty(this, "quantity", "");
    private final StringProperty amount = new SimpleStringProperty(this, "amount", "");

    private final ReadOnlyStringWrapper number = new ReadOnlyStringWrapper(this, "number", "");
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper(this, "total", "");
    private final ReadOnlyStringWrapper average = new ReadOnlyStringWrapper(this, "average", "");
    private final ReadOnlyStringWrapper margin = new ReadOnlyStringWrapper(this, "margin", "");
    private final ReadOnlyStringWrapper liquidation = new ReadOnlyStringWrapper(this, "liquidation", "");
    private final ReadOnlyStringWrapper distance = new ReadOnlyStringWrapper(this, "distance", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<LadderInput.Part> errorPart = new ReadOnlyObjectWrapper<>(this, "errorPart");

    LadderRow(String price, String quantity, String amount) {
        this.price.set(price);
        this.quantity.set(quantity);
        this.amount.set(amount);
    }

    /** @return the typed fill price, quote per base; writable */
    public StringProperty priceProperty() {
        return price;
    }

    /** @return the typed quantity (base units, or contracts for inverse), empty when an amount is given; writable */
    public StringProperty quantityProperty() {
        return quantity;
    }

    /** @return the typed amount in quote (USDT; USD for inverse), empty when a quantity is given; writable */
    public StringProperty amountProperty() {
        return amount;
    }

    /** @return the fill's number, from 1 */
    public ReadOnlyStringProperty numberProperty() {
        return number.getReadOnlyProperty();
    }

    /** @return the cumulative quantity after the fill, formatted, or empty */
    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** @return the average entry price after the fill, formatted, or empty */
    public ReadOnlyStringProperty averageProperty() {
        return average.getReadOnlyProperty();
    }

    /** @return the isolated margin (isolated) or the initial margin (cross) after the fill, formatted, or empty */
    public ReadOnlyStringProperty marginProperty() {
        return margin.getReadOnlyProperty();
    }

    /** @return the liquidation price after the fill, as every view shows it, or {@code none}, or empty */
    public ReadOnlyStringProperty liquidationProperty() {
        return liquidation.getReadOnlyProperty();
    }

    /** @return the distance from the fill price to the liquidation price, a percentage, or empty */
    public ReadOnlyStringProperty distanceProperty() {
        return distance.getReadOnlyProperty();
    }

    /** @return a short warning for the row ({@code beyond liq.}, {@code liquidated}, {@code short of margin}), or empty */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** @return why a cell of this row is invalid ({@code fill 2: price must be > 0 (got -1)}), or empty */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** @return the invalid cell's part, or null */
    public ReadOnlyObjectProperty<LadderInput.Part> errorPartProperty() {
        return errorPart.getReadOnlyProperty();
    }

    void number(int n) {
        number.set(String.valueOf(n));
    }

    void show(String total, String average, String margin, String liquidation, String distance) {
        this.total.set(total);
        this.average.set(average);
        this.margin.set(margin);
        this.liquidation.set(liquidation);
        this.distance.set(distance);
    }

    void warn(String text) {
        warning.set(text);
    }

    void fail(LadderInput.Part part, String message) {
        errorPart.set(part);
        error.set(message == null ? "" : message);
    }
}
