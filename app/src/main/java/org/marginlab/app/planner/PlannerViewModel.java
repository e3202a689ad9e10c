package org.marginlab.app.planner;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.InputField;
import org.marginlab.app.model.PositionDraft;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.ui.DecimalInput;
import org.marginlab.app.ui.Formats;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

/**
 * The Planner tab's "Size from risk": its own inputs (prefilled from the account and the selected
 * position, never written back to the workspace), the plan {@link SizeFromRisk#plan} makes of
 * them after every change, its figures and warnings as text, each input's error at the field, and
 * the solver ({@link LiquidationSolver}) behind "Solve leverage" and "Solve margin". The Targets
 * and Max open sections read the plan ({@link #planProperty()}).
 *
 * <p>The inputs are read by the same functions as {@code marginlab size} ({@link SizeInputs#parse}),
 * with numbers in the chosen number format ({@link Numbers#typed}); an error names the field by its
 * label ({@link PlanField}).
 */
public final class PlannerViewModel {
    /** The default distance of the liquidation price beyond the stop, % of the stop. */
    public static final String DEFAULT_DISTANCE = "0.5";

    private final AccountViewModel account;
    private final Map<PlanField, StringProperty> texts = new EnumMap<>(PlanField.class);
    private final Map<PlanField, ReadOnlyStringWrapper> errors = new EnumMap<>(PlanField.class);
    private final StringProperty isolatedMargin = new SimpleStringProperty(this, "isolatedMargin", "");
    private final ReadOnlyStringWrapper isolatedMarginError = new ReadOnlyStringWrapper(this, "isolatedMarginError");
    private final ObjectProperty<VenueRules> venue = new SimpleObjectProperty<>(this, "venue");
    private final ObjectProperty<MarginMode> mode = new SimpleObjectProperty<>(this, "mode", MarginMode.ISOLATED);
    private final ObjectProperty<ContractType> contract = new SimpleObjectProperty<>(this, "contract", ContractType.LINEAR);
    private final ObservableList<VenueRules> venues = FXCollections.observableArrayList(Venues.all());
    private final ReadOnlyObjectWrapper<SizePlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyObjectWrapper<PlanFigures> figures = new ReadOnlyObjectWrapper<>(this, "figures", PlanFigures.NONE);
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper solveResult = new ReadOnlyStringWrapper(this, "solveResult", "");
    private boolean prefilling;
    /** Whether the selected position was not in the evaluation yet at the last prefill. */
    private boolean pendingPrefill;

    /** The typed inputs of the section, in the order of the form. */
    static final List<PlanField> INPUTS = List.of(PlanField.BALANCE, PlanField.RISK, PlanField.ENTRY, PlanField.STOP,
            PlanField.LEVERAGE, PlanField.SYMBOL, PlanField.CONTRACT_SIZE, PlanField.MMR, PlanField.MAINTENANCE_AMOUNT,
            PlanField.MAX_LEVERAGE, PlanField.TAKER_FEE, PlanField.DISTANCE);

    /**
     * @param account  the account whose selected position and wallet prefill the inputs, not null
     */
    public PlannerViewModel(AccountViewModel account) {
        this.account = account;
        for (PlanField f : INPUTS) {
            StringProperty p = new SimpleStringProperty(this, f.nodeId(), "");
            p.addListener((o, a, b) -> recompute());
            texts.put(f, p);
        }
        for (PlanField f : PlanField.values()) {
            errors.put(f, new ReadOnlyStringWrapper(this, f.nodeId() + "Error"));
        }
        isolatedMargin.addListener((o, a, b) -> recompute());
        venue.addListener((o, a, b) -> recompute());
        mode.addListener((o, a, b) -> recompute());
        contract.addListener((o, a, b) -> recompute());
        texts.get(PlanField.RISK).set("1%");
        texts.get(PlanField.DISTANCE).set(DEFAULT_DISTANCE);
        account.selectedProperty().addListener((o, a, b) -> prefill());
        // a selection made while a workspace loads can come before the evaluation that holds it
        account.evaluationProperty().addListener((o, a, b) -> {
            if (pendingPrefill) {
                prefill();
            }
        });
        prefill();
    }

    // ---- inputs ------------------------------------------------------------------------------

    /**
     * Fills the inputs from the account (venue, cross wallet as the account size) and the selected
     * position (symbol, contract, contract size, maintenance override, entry price, leverage,
     * margin mode); the stop, the risk and the distance stay as typed.
     */
    public void prefill() {
        prefilling = true;
        try {
            Evaluation e = account.evaluation();
            if (e.venue() != null) {
                if (!venues.contains(e.venue())) {
                    venues.add(e.venue());
                }
                venue.set(e.venue());
            } else if (venue.get() == null) {
                venue.set(Venues.byId("binance-usdm"));
            }
            texts.get(PlanField.BALANCE).set(e.draft().walletText());
            PositionViewModel selected = account.selectedProperty().get();
            int index = selected == null ? -1 : e.draft().indexOf(selected.id());
            pendingPrefill = selected != null && index < 0;
            PositionDraft p = index < 0 ? null : e.draft().positions().get(index);
            if (p != null) {
                texts.get(PlanField.SYMBOL).set(p.symbol());
                contract.set(p.contract());
                mode.set(p.mode());
                texts.get(PlanField.CONTRACT_SIZE).set(p.text(InputField.CONTRACT_SIZE));
                texts.get(PlanField.MMR).set(p.text(InputField.MMR));
                texts.get(PlanField.MAINTENANCE_AMOUNT).set(p.text(InputField.MAINTENANCE_AMOUNT));
                texts.get(PlanField.ENTRY).set(p.text(InputField.ENTRY_PRICE));
                texts.get(PlanField.LEVERAGE).set(p.text(InputField.LEVERAGE));
                Formats f = formats();
                texts.get(PlanField.MAX_LEVERAGE).set(p.template() == null || p.template().maxLeverage() == null ? ""
                        : f.exact(p.template().maxLeverage()));
                texts.get(PlanField.TAKER_FEE).set(p.template() == null || p.template().takerFeeRate() == null ? ""
                        : f.exact(p.template().takerFeeRate()));
            } else if (texts.get(PlanField.CONTRACT_SIZE).get().isEmpty()) {
                texts.get(PlanField.CONTRACT_SIZE).set("1");
            }
            isolatedMargin.set("");
            solveResult.set("");
        } finally {
            prefilling = false;
        }
        recompute();
    }

    /** @return the typed text of an input; writable */
    public StringProperty textProperty(PlanField field) {
        StringProperty p = texts.get(field);
        if (p == null) {
            throw new IllegalArgumentException("not an input of size from risk: " + field);
        }
        return p;
    }

    /** @return the error shown at a field ({@code Entry price must be > 0 (got 0)}), or null */
    public ReadOnlyStringProperty errorProperty(PlanField field) {
        return errors.get(field).getReadOnlyProperty();
    }

    /** @return the isolated margin typed (empty: the venue's default at the leverage); writable */
    public StringProperty isolatedMarginProperty() {
        return isolatedMargin;
    }

    /** @return the error shown at the isolated margin, or null */
    public ReadOnlyStringProperty isolatedMarginErrorProperty() {
        return isolatedMarginError.getReadOnlyProperty();
    }

    /** @return the rule set; writable */
    public ObjectProperty<VenueRules> venueProperty() {
        return venue;
    }

    /** @return the rule sets to choose from (the latest of each, and the account's) */
    public ObservableList<VenueRules> venues() {
        return venues;
    }

    /** @return isolated or cross; writable */
    public ObjectProperty<MarginMode> modeProperty() {
        return mode;
    }

    /** @return linear or inverse; writable */
    public ObjectProperty<ContractType> contractProperty() {
        return contract;
    }

    // ---- outputs -----------------------------------------------------------------------------

    /** @return the current plan, or null while an input breaks a rule */
    public ReadOnlyObjectProperty<SizePlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** @return the plan's figures as text ({@link PlanFigures#NONE} without a plan) */
    public ReadOnlyObjectProperty<PlanFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /** @return the warnings, one a line, or empty */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** @return a rule about no single field, or empty */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** @return what the last solve found or why it could not, or empty */
    public ReadOnlyStringProperty solveResultProperty() {
        return solveResult.getReadOnlyProperty();
    }

    /** @return the number format of the account */
    public Formats formats() {
        return new Formats(account.locale());
    }

    /** @return how numbers are typed in the account's number format */
    public Numbers numbers() {
        return Numbers.typed(new DecimalInput(account.locale()));
    }

    /** @return the account this planner reads */
    public AccountViewModel account() {
        return account;
    }

    // ---- solver ------------------------------------------------------------------------------

    /** Sets the leverage to the highest whole one whose liquidation price is the distance beyond the stop. */
    public void solveLeverage() {
        solve(true);
    }

    /** Sets the isolated margin to the least one whose liquidation price is the distance beyond the stop. */
    public void solveMargin() {
        solve(false);
    }

    private void solve(boolean leverage) {
        Formats f = formats();
        try {
            SizeInputs in = inputs();
            BigDecimal d = LiquidationSolver.distance(numbers(), texts.get(PlanField.DISTANCE).get());
            LiquidationSolver.Solution s = leverage ? LiquidationSolver.solveLeverage(in, d)
                    : LiquidationSolver.solveMargin(in, d);
            String unit = in.instrument().venue().settlementCurrency(s.plan().position());
            int decimals = in.instrument().contract().isInverse() ? 8 : 2;
            String where = "liquidation at " + PlanFigures.price(s.plan().liquidationPrice(), f) + ", at or "
                    + (in.side() == org.marginlab.engine.Side.LONG ? "below " : "above ") + PlanFigures.price(s.targetPrice(), f)
                    + " (" + f.exact(d) + " % beyond the stop)";
            String found;
            if (leverage) {
                isolatedMargin.set("");
                texts.get(PlanField.LEVERAGE).set(f.exact(s.leverage()));
                found = (s.unchanged() ? "Already: " : "Leverage ") + f.exact(s.leverage()) + "x, the highest whole leverage: ";
            } else {
                isolatedMargin.set(s.unchanged() ? "" : f.exact(s.isolatedMargin()));
                found = (s.unchanged() ? "Already: the default margin " : "Isolated margin ")
                        + f.amount(s.isolatedMargin(), unit, decimals) + (s.unchanged() ? " does it: " : ", the least: ");
            }
            solveResult.set(found + where);
        } catch (ValidationException e) {
            PlanField field = PlanField.byOption(e.field());
            solveResult.set("Cannot solve: " + message(field, e));
        }
    }

    // ---- computing -----------------------------------------------------------------------------

    private SizeInputs inputs() {
        return SizeInputs.parse(numbers(), new SizeInputs.Texts(text(PlanField.BALANCE), text(PlanField.RISK),
                text(PlanField.ENTRY), text(PlanField.STOP), text(PlanField.LEVERAGE), null, mode.get().id()),
                () -> venue.get() == null ? PlanInputs.venue(null, "--venue") : venue.get(),
                new SizeInputs.InstrumentTexts(optional(PlanField.SYMBOL), contract.get().id(),
                        text(PlanField.CONTRACT_SIZE), optional(PlanField.MMR), optional(PlanField.MAINTENANCE_AMOUNT),
                        optional(PlanField.MAX_LEVERAGE), optional(PlanField.TAKER_FEE)));
    }

    private void recompute() {
        if (prefilling) {
            return;
        }
        for (ReadOnlyStringWrapper e : errors.values()) {
            e.set(null);
        }
        isolatedMarginError.set(null);
        problem.set("");
        SizePlan next = null;
        try {
            SizeInputs in = inputs();
            BigDecimal margin = null;
            if (!isolatedMargin.get().isBlank() && in.mode() == MarginMode.ISOLATED) {
                try {
                    margin = PlanInputs.positive(numbers(), isolatedMargin.get(), "--isolated-margin");
                } catch (ValidationException e) {
                    isolatedMarginError.set("Isolated margin " + e.rule() + got(e));
                    throw e;
                }
            }
            next = SizeFromRisk.plan(in, margin);
        } catch (ValidationException e) {
            PlanField field = PlanField.byOption(e.field());
            if (field == PlanField.STOP && text(PlanField.STOP).isBlank()) {
                // nothing typed yet: the field's prompt asks for it, no error before the user has typed
            } else if (field != null) {
                errors.get(field).set(message(field, e));
            } else if (!e.field().equals("--isolated-margin")) {
                problem.set(message(null, e));
            }
        }
        if (!texts.get(PlanField.DISTANCE).get().isBlank()) {
            try {
                LiquidationSolver.distance(numbers(), texts.get(PlanField.DISTANCE).get());
            } catch (ValidationException e) {
                errors.get(PlanField.DISTANCE).set(message(PlanField.DISTANCE, e));
            }
        }
        plan.set(next);
        PlanFigures shown = next == null ? PlanFigures.NONE : PlanFigures.of(next, formats());
        figures.set(shown);
        // the command line's sentences, as sentences: "Liquidation at …"
        warning.set(String.join("\n", shown.warnings().stream()
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).toList()));
    }

    /** {@code Entry price must be > 0 (got 0)}: the field's label, the rule in the tab's words, the value. */
    static String message(PlanField field, ValidationException e) {
        String rule = PlanField.inWords(e.rule());
        return (field == null ? e.field() + ": " : field.label() + " ") + rule + got(e);
    }

    private static String got(ValidationException e) {
        return e.value() == null || e.value().isEmpty() ? "" : " (got " + e.value() + ")";
    }

    private String text(PlanField f) {
        return texts.get(f).get();
    }

    /** An optional input: null when empty, as an option not given. */
    private String optional(PlanField f) {
        String t = texts.get(f).get();
        return t == null || t.isBlank() ? null : t;
    }
}
