package org.marginlab.app.planner;

import java.math.BigDecimal;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.marginlab.app.model.Evaluation;
import org.marginlab.app.ui.Formats;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.VenueRules;

/**
 * The Planner tab's "Max open": the largest linear order the available balance allows at the
 * planner's entry price (as the order price and the mark) and leverage, on the side its stop
 * implies (long without a stop), capped by the symbol's tier table ({@link MaxOpenPlan}, as
 * {@code marginlab max-open}). The available balance is prefilled with the account's and is the
 * planner's own input.
 */
public final class MaxOpenViewModel {
    private final PlannerViewModel planner;
    private final StringProperty available = new SimpleStringProperty(this, "available", "");
    private final ReadOnlyStringWrapper availableError = new ReadOnlyStringWrapper(this, "availableError");
    private final ReadOnlyStringWrapper quantity = new ReadOnlyStringWrapper(this, "quantity", "–");
    private final ReadOnlyStringWrapper notional = new ReadOnlyStringWrapper(this, "notional", "–");
    private final ReadOnlyStringWrapper initialMargin = new ReadOnlyStringWrapper(this, "initialMargin", "–");
    private final ReadOnlyStringWrapper limit = new ReadOnlyStringWrapper(this, "limit", "");

    /**
     * @param planner  the planner whose entry, stop, leverage, venue and symbol it uses, not null
     */
    public MaxOpenViewModel(PlannerViewModel planner) {
        this.planner = planner;
        available.addListener((o, a, b) -> recompute());
        for (PlanField f : new PlanField[] {PlanField.ENTRY, PlanField.STOP, PlanField.LEVERAGE, PlanField.SYMBOL,
            PlanField.MMR}) {
            planner.textProperty(f).addListener((o, a, b) -> recompute());
        }
        planner.venueProperty().addListener((o, a, b) -> recompute());
        planner.contractProperty().addListener((o, a, b) -> recompute());
        planner.account().selectedProperty().addListener((o, a, b) -> prefill());
        prefill();
    }

    /** Sets the available balance to the account's (at the shocked marks), or its wallet without figures. */
    public void prefill() {
        Evaluation e = planner.account().evaluation();
        BigDecimal balance = e.risk() != null ? e.risk().availableBalance() : e.wallet();
        available.set(balance == null ? "" : planner.formats().editable(balance, e.amountDecimals()));
        recompute();
    }

    private void recompute() {
        availableError.set(null);
        quantity.set("–");
        notional.set("–");
        initialMargin.set("–");
        limit.set("");
        Numbers numbers = planner.numbers();
        Formats f = planner.formats();
        BigDecimal balance;
        try {
            balance = PlanInputs.notNegative(numbers, available.get(), "--available");
        } catch (ValidationException e) {
            availableError.set(PlannerViewModel.message(PlanField.AVAILABLE, e));
            return;
        }
        try {
            VenueRules venue = planner.venueProperty().get();
            if (venue == null) {
                return;
            }
            if (planner.contractProperty().get() == ContractType.INVERSE) {
                limit.set("Max open is for linear contracts.");
                return;
            }
            BigDecimal entry = PlanInputs.positive(numbers, planner.textProperty(PlanField.ENTRY).get(), "--entry");
            BigDecimal lev = PlanInputs.positive(numbers, planner.textProperty(PlanField.LEVERAGE).get(), "--leverage");
            Side side = side(numbers, entry);
            String mmr = planner.textProperty(PlanField.MMR).get();
            String symbol = planner.textProperty(PlanField.SYMBOL).get();
            // with a maintenance override the symbol's table does not apply: no tier cap
            String capSymbol = mmr != null && !mmr.isBlank() || symbol == null || symbol.isBlank() ? null : symbol;
            MaxOpenPlan plan = MaxOpenPlan.compute(side, balance, entry, entry, lev, venue, capSymbol);
            String unit = venue.settlementCurrency();
            quantity.set(PlanFigures.quantity(plan.max().quantity(), f) + " (" + side.id() + ")");
            notional.set(f.amount(plan.max().notional(), unit));
            initialMargin.set(plan.cost() == null ? f.amount(BigDecimal.ZERO, unit) : f.amount(plan.cost().initialMargin(), unit));
            limit.set(plan.cappedByTier() ? "Limited by " + capSymbol.strip() + "'s tier cap at " + f.leverage(lev)
                    : "Limited by the available balance");
        } catch (ValidationException e) {
            PlanField field = PlanField.byOption(e.field());
            limit.set(PlannerViewModel.message(field, e));
        }
    }

    /** The stop's side, long while the stop is not a valid price. */
    private Side side(Numbers numbers, BigDecimal entry) {
        try {
            BigDecimal stop = PlanInputs.positive(numbers, planner.textProperty(PlanField.STOP).get(), "--stop");
            return stop.compareTo(entry) > 0 ? Side.SHORT : Side.LONG;
        } catch (ValidationException e) {
            return Side.LONG;
        }
    }

    /** @return the available balance typed; writable */
    public StringProperty availableProperty() {
        return available;
    }

    /** @return the error at the available balance, or null */
    public ReadOnlyStringProperty availableErrorProperty() {
        return availableError.getReadOnlyProperty();
    }

    /** @return the max quantity and its side */
    public ReadOnlyStringProperty quantityProperty() {
        return quantity.getReadOnlyProperty();
    }

    /** @return its notional at the entry price */
    public ReadOnlyStringProperty notionalProperty() {
        return notional.getReadOnlyProperty();
    }

    /** @return its initial margin */
    public ReadOnlyStringProperty initialMarginProperty() {
        return initialMargin.getReadOnlyProperty();
    }

    /** @return what limits it, or why there is none */
    public ReadOnlyStringProperty limitProperty() {
        return limit.getReadOnlyProperty();
    }
}
