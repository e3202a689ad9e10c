package org.marginlab.app.position;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.marginlab.app.ui.DecimalInput;
import org.marginlab.app.ui.Formats;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.WhatIf;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

/**
 * View-model of one position of a workspace: the editor's inputs, its live results and its
 * what-if margin change. A plain class with JavaFX properties and no {@code javafx.scene} types,
 * so it is tested without a toolkit.
 *
 * <p>Typed text is parsed here with the view-model's locale and checked against the venue's
 * rules ({@link #validate}); a field that breaks a rule gets a message naming the field and the
 * rule ({@link #errorProperty}). The results come from the evaluation of the whole account
 * (cross positions depend on each other), which the owning
 * {@link org.marginlab.app.account.AccountViewModel} pushes in with {@link #publish}; while an
 * input is invalid the last good results stay on display with {@link #staleProperty()} set.
 * Nothing here throws on bad input.
 *
 * <p>Not thread-safe: use it on the JavaFX application thread (or one test thread).
 */
public final class PositionViewModel {
    private static final BigDecimal MIN_LEVERAGE = BigDecimal.ONE;
    /**
     * Display rounding of liquidation and bankruptcy prices: half-up, as the venues publish them
     * (Binance shows the FAQ's 26,316.8933 as 26,316.89, vector {@code binance-faq-cross-btcusdt};
     * rounding toward the mark would show 26,316.90).
     */
    private static final RoundingMode PRICE_ROUNDING = RoundingMode.HALF_UP;
    /** The inputs that describe the position (everything but the what-if). */
    private static final List<InputField> POSITION_FIELDS = List.of(InputField.QUANTITY, InputField.ENTRY_PRICE,
            InputField.MARK_PRICE, InputField.LEVERAGE, InputField.ISOLATED_MARGIN, InputField.CONTRACT_SIZE,
            InputField.MMR, InputField.MAINTENANCE_AMOUNT);

    private final DecimalInput decimals;
    private final Formats formats;

    private final ObjectProperty<VenueRules> venue = new SimpleObjectProperty<>(this, "venue", Venues.byId("binance-usdm"));
    private final ReadOnlyStringWrapper id = new ReadOnlyStringWrapper(this, "id", "position-1");
    private Position template;

    private final ObjectProperty<String> symbol = new SimpleObjectProperty<>(this, "symbol", "BTCUSDT");
    private final ObjectProperty<Side> side = new SimpleObjectProperty<>(this, "side", Side.LONG);
    private final ObjectProperty<MarginMode> marginMode = new SimpleObjectProperty<>(this, "marginMode", MarginMode.ISOLATED);
    private final ObjectProperty<ContractType> contract = new SimpleObjectProperty<>(this, "contract", ContractType.LINEAR);
    private final Map<InputField, StringProperty> texts = new EnumMap<>(InputField.class);
    private final Map<InputField, ReadOnlyStringWrapper> errors = new EnumMap<>(InputField.class);
    private final Map<Figure, StringBinding> figures = new EnumMap<>(Figure.class);
    /** What the figures are formatted from; the strings are built lazily, only when read. */
    private final ObjectProperty<Shown> shown = new SimpleObjectProperty<>(this, "shown");
    private final ReadOnlyStringWrapper currency = new ReadOnlyStringWrapper(this, "currency", "USDT");

    private final DoubleProperty leverageSlider = new SimpleDoubleProperty(this, "leverageSlider", 1);
    private final ReadOnlyDoubleWrapper leverageMax = new ReadOnlyDoubleWrapper(this, "leverageMax", 125);
    private final DoubleProperty marginDeltaSlider = new SimpleDoubleProperty(this, "marginDeltaSlider", 0);
    private final ReadOnlyDoubleWrapper marginDeltaMin = new ReadOnlyDoubleWrapper(this, "marginDeltaMin", 0);
    private final ReadOnlyDoubleWrapper marginDeltaMax = new ReadOnlyDoubleWrapper(this, "marginDeltaMax", 1);

    private final ReadOnlyObjectWrapper<PositionRisk> risk = new ReadOnlyObjectWrapper<>(this, "risk");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale", false);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", false);
    private final ReadOnlyObjectWrapper<RiskLevel> riskLevel = new ReadOnlyObjectWrapper<>(this, "riskLevel", RiskLevel.SAFE);
    private final ReadOnlyDoubleWrapper marginRatioGauge = new ReadOnlyDoubleWrapper(this, "marginRatioGauge", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper liquidationNote = new ReadOnlyStringWrapper(this, "liquidationNote", "");
    private final StringBinding summary;

    private final ReadOnlyObjectWrapper<WhatIf> whatIf = new ReadOnlyObjectWrapper<>(this, "whatIf");
    private final StringBinding whatIfLiquidation;
    private final StringBinding whatIfMarginRatio;
    private final StringBinding whatIfLeverage;
    private final StringBinding whatIfMargin;
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(this, "canApply", false);
    private final ReadOnlyStringWrapper whatIfNote = new ReadOnlyStringWrapper(this, "whatIfNote", "");

    private java.util.function.Consumer<String> onEdit = key -> { };
    private long discreteEdits;
    private Runnable onWhatIfEdit = () -> { };
    private boolean loading;
    private boolean syncingSliders;
    private boolean validated;
    private Position validPosition;
    private Position lastValid;
    private final Map<InputField, String> localErrors = new EnumMap<>(InputField.class);
    private String engineProblem;

    /**
     * @param locale  the locale numbers are typed and shown in, not null
     */
    public PositionViewModel(Locale locale) {
        this.decimals = new DecimalInput(Objects.requireNonNull(locale, "locale"));
        this.formats = new Formats(locale);
        for (InputField f : InputField.values()) {
            StringProperty p = new SimpleStringProperty(this, f.nodeId(), "");
            if (f == InputField.MARGIN_DELTA) {
                p.addListener((obs, o, n) -> whatIfEdited());
            } else {
                p.addListener((obs, o, n) -> edited(f.nodeId()));
            }
            texts.put(f, p);
            errors.put(f, new ReadOnlyStringWrapper(this, f.nodeId() + "Error"));
        }
        for (Figure f : Figure.values()) {
            figures.put(f, Bindings.createStringBinding(() -> format(f, shown.get()), shown));
        }
        summary = Bindings.createStringBinding(() -> {
            Shown v = shown.get();
            Position p = v == null ? null : v.position();
            return p == null ? "" : p.side().id() + " " + formats.editable(p.quantity(), 12) + " " + p.symbol() + " @ "
                    + formats.editable(p.entryPrice(), 12);
        }, shown);
        whatIfLiquidation = whatIfText(w -> arrow(priceOrNone(w.before().liquidationPrice()),
                priceOrNone(w.after().liquidationPrice())));
        whatIfMarginRatio = whatIfText(w -> arrow(ratioOrNa(w.before().marginRatio()), ratioOrNa(w.after().marginRatio())));
        whatIfLeverage = whatIfText(w -> arrow(leverageOrNa(w.before().effectiveLeverage()),
                leverageOrNa(w.after().effectiveLeverage())));
        whatIfMargin = whatIfText(w -> {
            int d = contract.get() == ContractType.INVERSE ? 8 : 2;
            return arrow(amountPlain(w.before().isolatedMargin(), d), amountPlain(w.after().isolatedMargin(), d));
        });
        symbol.addListener((obs, o, n) -> edited("symbol"));
        side.addListener((obs, o, n) -> edited(null));
        marginMode.addListener((obs, o, n) -> edited(null));
        contract.addListener((obs, o, n) -> edited(null));
        venue.addListener((obs, o, n) -> {
            if (n != null && !n.contractTypes().contains(contract.get())) {
                contract.set(n.contractTypes().iterator().next());
            }
            validated = false;
        });
        leverageSlider.addListener((obs, o, n) -> {
            if (!syncingSliders) {
                text(InputField.LEVERAGE).set(formats.editable(BigDecimal.valueOf(n.doubleValue()), 0));
            }
        });
        marginDeltaSlider.addListener((obs, o, n) -> {
            if (!syncingSliders) {
                text(InputField.MARGIN_DELTA).set(formats.editable(BigDecimal.valueOf(n.doubleValue()), 2));
            }
        });
    }

    /**
     * Sets what to run after an input of the position changes (the owning account recomputes).
     *
     * @param onEdit      run after a position input changes, with a key naming what changed
     *                    (successive edits with the same key are one undo step), not null
     * @param onWhatIfEdit run after the what-if margin change is edited, not null
     */
    public void setListeners(java.util.function.Consumer<String> onEdit, Runnable onWhatIfEdit) {
        this.onEdit = Objects.requireNonNull(onEdit);
        this.onWhatIfEdit = Objects.requireNonNull(onWhatIfEdit);
    }

    /**
     * Loads a position into the editor, replacing every input. Its explicit tiers, max leverage
     * and taker fee (which have no field) are kept.
     *
     * @param position  the position, not null
     */
    public void load(Position position) {
        loading = true;
        try {
            template = position;
            id.set(position.id());
            contract.set(position.contract());
            symbol.set(position.symbol());
            side.set(position.side());
            marginMode.set(position.marginMode());
            text(InputField.QUANTITY).set(formats.exact(position.quantity()));
            text(InputField.ENTRY_PRICE).set(formats.exact(position.entryPrice()));
            text(InputField.MARK_PRICE).set(formats.exact(position.markPrice()));
            text(InputField.LEVERAGE).set(formats.exact(position.leverage()));
            text(InputField.ISOLATED_MARGIN).set(position.isolatedMargin() == null ? ""
                    : formats.exact(position.isolatedMargin()));
            text(InputField.CONTRACT_SIZE).set(formats.exact(position.contractSize()));
            text(InputField.MMR).set(position.maintenance() == null ? ""
                    : formats.exact(position.maintenance().mmr()));
            text(InputField.MAINTENANCE_AMOUNT).set(position.maintenance() == null ? ""
                    : formats.exact(position.maintenance().maintenanceAmount()));
            text(InputField.MARGIN_DELTA).set("0");
            currency.set(venue.get().settlementCurrency(position));
        } finally {
            loading = false;
        }
        validated = false;
        lastValid = null;
        risk.set(null);
    }

    /**
     * Everything the user typed or chose for this position (not the what-if), for undo.
     *
     * @param id        the position's id
     * @param template  the loaded position (keeps tiers, max leverage, taker fee)
     * @param symbol    the symbol
     * @param side      the side
     * @param mode      the margin mode
     * @param contract  the contract type
     * @param texts     the typed texts
     */
    public record State(String id, Position template, String symbol, Side side, MarginMode mode, ContractType contract,
            Map<InputField, String> texts) {
    }

    /** @return the current inputs, for undo */
    public State state() {
        Map<InputField, String> t = new EnumMap<>(InputField.class);
        for (InputField f : POSITION_FIELDS) {
            t.put(f, texts.get(f).get());
        }
        return new State(id.get(), template, symbol.get(), side.get(), marginMode.get(), contract.get(), t);
    }

    /**
     * Puts back inputs saved by {@link #state()}, without notifying the owner (the caller
     * re-evaluates once).
     *
     * @param s  the state, not null
     */
    public void restore(State s) {
        loading = true;
        try {
            template = s.template();
            id.set(s.id());
            contract.set(s.contract());
            symbol.set(s.symbol());
            side.set(s.side());
            marginMode.set(s.mode());
            for (Map.Entry<InputField, String> e : s.texts().entrySet()) {
                texts.get(e.getKey()).set(e.getValue());
            }
            if (s.template() != null) {
                currency.set(venue.get().settlementCurrency(
                        s.template().toBuilder().contract(s.contract()).symbol(s.symbol()).build()));
            }
        } finally {
            loading = false;
        }
        validated = false;
    }

    /** @param newId  the position's id, unique in its workspace, not blank */
    public void setId(String newId) {
        id.set(newId);
        validated = false;
    }

    // ---- validation -------------------------------------------------------------------------

    /**
     * Parses the inputs and checks them against the venue's rules. The result is cached until
     * an input changes.
     *
     * @param engine  the engine whose venue checks apply, not null
     * @return the position, or null while an input is invalid (the errors say why)
     */
    public Position validate(MarginEngine engine) {
        if (validated) {
            return validPosition;
        }
        localErrors.clear();
        engineProblem = null;
        Position p = null;
        try {
            p = buildPosition(localErrors);
            if (p != null) {
                engine.check(p, venue.get());
            }
        } catch (ValidationException e) {
            InputField f = InputField.byFileField(e.field());
            String message = (f == null ? label(e.field()) : f.label()) + " " + e.rule()
                    + (e.value() == null ? "" : " (got " + e.value() + ")");
            if (f != null) {
                localErrors.put(f, message);
            } else {
                engineProblem = message;
            }
            p = null;
        }
        updateLeverageBounds(p);
        validPosition = p;
        if (p != null) {
            lastValid = p;
        }
        validated = true;
        valid.set(p != null);
        for (InputField f : POSITION_FIELDS) {
            errors.get(f).set(localErrors.get(f));
        }
        return p;
    }

    private static String label(String field) {
        switch (field) {
            case "symbol": return "Symbol";
            case "contract": return "Contract";
            case "side": return "Side";
            default: return field;
        }
    }

    /** @return the last position that passed {@link #validate}, or null if none yet */
    public Position lastValidPosition() {
        return lastValid;
    }

    /**
     * @return the typed margin change (0 when empty), or null while it is not a number; sets or
     *         clears the what-if error
     */
    public BigDecimal marginDelta() {
        String typed = text(InputField.MARGIN_DELTA).get();
        if (typed == null || typed.isBlank() || "0".equals(typed)) {
            return BigDecimal.ZERO;
        }
        try {
            return decimals.parse(typed);
        } catch (DecimalInput.InputException e) {
            errors.get(InputField.MARGIN_DELTA).set("Margin change " + e.getMessage() + " (got " + typed.strip() + ")");
            return null;
        }
    }

    private Position buildPosition(Map<InputField, String> errs) {
        BigDecimal quantity = parse(InputField.QUANTITY, errs);
        BigDecimal entry = parse(InputField.ENTRY_PRICE, errs);
        BigDecimal mark = parse(InputField.MARK_PRICE, errs);
        BigDecimal leverage = parse(InputField.LEVERAGE, errs);
        BigDecimal margin = optional(InputField.ISOLATED_MARGIN, errs);
        BigDecimal contractSize = optional(InputField.CONTRACT_SIZE, errs);
        BigDecimal mmr = optional(InputField.MMR, errs);
        BigDecimal amount = optional(InputField.MAINTENANCE_AMOUNT, errs);
        if (mmr == null && amount != null && !errs.containsKey(InputField.MAINTENANCE_AMOUNT)) {
            errs.put(InputField.MMR, "Maintenance margin rate is required when a maintenance amount is given");
        }
        if (!errs.isEmpty()) {
            return null;
        }
        Position.Builder b = template != null ? template.toBuilder() : Position.builder();
        b.id(id.get()).symbol(symbol.get()).side(side.get()).contract(contract.get()).contractSize(contractSize)
                .quantity(quantity).entryPrice(entry).markPrice(mark).leverage(leverage).marginMode(marginMode.get())
                .isolatedMargin(marginMode.get() == MarginMode.ISOLATED ? margin : null)
                .maintenance(mmr == null ? null : new Maintenance(mmr, amount == null ? BigDecimal.ZERO : amount));
        if (mmr != null) {
            b.tiers(null);
        }
        return b.build();
    }

    private BigDecimal optional(InputField field, Map<InputField, String> errs) {
        String typed = text(field).get();
        return typed == null || typed.isBlank() ? null : parse(field, errs);
    }

    private BigDecimal parse(InputField field, Map<InputField, String> errs) {
        String typed = text(field).get();
        try {
            return decimals.parse(typed);
        } catch (DecimalInput.InputException e) {
            errs.put(field, field.label() + " " + e.getMessage()
                    + (typed == null || typed.isBlank() ? "" : " (got " + typed.strip() + ")"));
            return null;
        }
    }

    private void updateLeverageBounds(Position position) {
        BigDecimal max = null;
        Position probe = position != null ? position : probePosition();
        if (probe != null) {
            try {
                max = venue.get().maxLeverage(probe, venue.get().schedule(probe));
            } catch (ValidationException e) {
                max = null;
            }
        }
        leverageMax.set(max == null ? 125 : Math.max(MIN_LEVERAGE.doubleValue(), max.doubleValue()));
        BigDecimal lev = tryParse(InputField.LEVERAGE);
        if (lev != null) {
            syncSlider(leverageSlider, lev.doubleValue());
        }
    }

    /** A position with leverage 1, to look up the tier's max leverage while leverage is invalid. */
    private Position probePosition() {
        BigDecimal q = tryParse(InputField.QUANTITY);
        BigDecimal en = tryParse(InputField.ENTRY_PRICE);
        BigDecimal m = tryParse(InputField.MARK_PRICE);
        if (q == null || en == null || m == null) {
            return null;
        }
        try {
            Position.Builder b = template != null ? template.toBuilder() : Position.builder();
            return b.id(id.get()).symbol(symbol.get()).side(side.get()).contract(contract.get()).quantity(q)
                    .entryPrice(en).markPrice(m).leverage(MIN_LEVERAGE).isolatedMargin(null).build();
        } catch (ValidationException e) {
            return null;
        }
    }

    private BigDecimal tryParse(InputField field) {
        try {
            return decimals.parse(text(field).get());
        } catch (DecimalInput.InputException e) {
            return null;
        }
    }

    private void syncSlider(DoubleProperty slider, double value) {
        syncingSliders = true;
        try {
            slider.set(value);
        } finally {
            syncingSliders = false;
        }
    }

    private void edited(String key) {
        if (loading) {
            return;
        }
        validated = false;
        onEdit.accept(key == null ? id.get() + "#" + (++discreteEdits) : id.get() + ":" + key);
    }

    private void whatIfEdited() {
        if (loading) {
            return;
        }
        onWhatIfEdit.run();
    }

    // ---- results ----------------------------------------------------------------------------

    /**
     * Shows a result of the account's evaluation. When the position's own inputs are currently
     * invalid the result (computed from its last valid inputs) is shown as stale.
     *
     * @param r  the position's result, not null
     */
    public void publish(PositionRisk r) {
        publish(r, null);
    }

    /**
     * Shows a result of the account's evaluation; a cross position shows the account's margin
     * ratio and margin balance (it has none of its own).
     *
     * @param r        the position's result, not null
     * @param account  the account's result, or null
     */
    public void publish(PositionRisk r, org.marginlab.engine.AccountRisk account) {
        risk.set(r);
        Position shownPosition = validPosition != null ? validPosition : lastValid;
        boolean isStale = validPosition == null;
        stale.set(isStale);
        String ccy = shownPosition == null ? venue.get().settlementCurrency() : venue.get().settlementCurrency(shownPosition);
        currency.set(ccy);
        int amountDecimals = shownPosition != null && shownPosition.contract() == ContractType.INVERSE ? 8 : 2;
        boolean cross = r.marginMode() == MarginMode.CROSS;
        BigDecimal ratio = cross && account != null ? account.marginRatio() : r.marginRatio();
        this.shown.set(new Shown(r, account, shownPosition, ccy, amountDecimals, ratio));
        boolean falling = account != null && account.marginRatioDefinition()
                == org.marginlab.engine.MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES;
        // A ratio that falls to 1 at liquidation (OKX) is shown on the gauge as its inverse.
        BigDecimal gaugeRatio = ratio == null || !falling || ratio.signum() == 0 ? ratio
                : BigDecimal.ONE.divide(ratio, java.math.MathContext.DECIMAL64);
        riskLevel.set(RiskLevel.of(gaugeRatio, r.liquidated()));
        double gauge = gaugeRatio == null ? 1 : Math.min(1, Math.max(0, gaugeRatio.doubleValue()));
        marginRatioGauge.set(r.liquidated() ? 1 : gauge);
        if (r.liquidationPrice() == null) {
            liquidationNote.set(shownPosition != null && shownPosition.side() == Side.SHORT
                    ? "No liquidation price: the margin covers the position however far the price rises."
                    : "No liquidation price: the margin covers the position even if the price falls to zero.");
        } else {
            liquidationNote.set(Figure.LIQUIDATION_PRICE.explanation()
                    + " Shown rounded to the nearest cent, as the venue displays it.");
        }
        String first = firstError();
        status.set(isStale ? (first.isEmpty() ? "Showing the last valid result." : "Showing the last valid result. " + first)
                : "");
        if (isStale) {
            whatIf.set(null);
            canApply.set(false);
        }
        whatIfNote.set(cross ? "This position is cross: it draws on the shared wallet and has no margin of its own. "
                + "Switch it to isolated to add or remove margin." : "");
        double removable = r.maxRemovableMargin().doubleValue();
        double base = r.isolatedMargin() == null ? r.initialMargin().doubleValue()
                : Math.max(r.initialMargin().doubleValue(), r.isolatedMargin().doubleValue());
        marginDeltaMin.set(-removable);
        marginDeltaMax.set(Math.max(1, Math.ceil(base * 2)));
    }

    /** Marks the shown results stale when no result could be computed at all. */
    public void markStale() {
        stale.set(risk.get() != null);
        String first = firstError();
        status.set(risk.get() != null ? "Showing the last valid result. " + first : first);
        whatIf.set(null);
        canApply.set(false);
    }

    private String firstError() {
        if (engineProblem != null) {
            return engineProblem;
        }
        for (InputField f : InputField.values()) {
            String e = errors.get(f).get();
            if (e != null) {
                return e;
            }
        }
        return "";
    }

    /**
     * Shows the what-if result, or clears it.
     *
     * @param w        the engine's what-if for this position's margin change, or null
     * @param problem  why there is none (a message naming the field and rule), or null
     */
    public void publishWhatIf(WhatIf w, String problem) {
        if (problem != null || w == null) {
            errors.get(InputField.MARGIN_DELTA).set(problem);
        } else {
            errors.get(InputField.MARGIN_DELTA).set(null);
        }
        whatIf.set(w);
        if (w == null) {
            canApply.set(false);
            return;
        }
        syncSlider(marginDeltaSlider, w.change().delta().doubleValue());
        canApply.set(w.change().delta().signum() != 0);
    }

    /**
     * Checks a margin change against the position's current result: removal is bounded by the
     * max removable margin; a cross position has no isolated margin to change.
     *
     * @param delta  the typed change, not null
     * @return a message naming the field and the rule, or null when the change is allowed
     */
    public String checkMarginDelta(BigDecimal delta) {
        PositionRisk r = risk.get();
        String typed = text(InputField.MARGIN_DELTA).get().strip();
        if (r == null) {
            return null;
        }
        if (r.marginMode() == MarginMode.CROSS) {
            return delta.signum() == 0 ? null
                    : "Margin change applies to isolated positions only: a cross position uses the wallet";
        }
        BigDecimal maxRemovable = r.maxRemovableMargin();
        if (delta.signum() < 0 && delta.negate().compareTo(maxRemovable) > 0) {
            return maxRemovable.signum() == 0
                    ? "Margin change must be ≥ 0: no margin is removable now (got " + typed + ")"
                    : "Margin change must be ≥ −" + formats.editable(maxRemovable, 8)
                            + ", the max removable margin (got " + typed + ")";
        }
        return null;
    }

    private String amountPlain(BigDecimal amount, int decimals) {
        return decimals == 2 ? formats.price(amount, RoundingMode.HALF_UP)
                : formats.amount(amount, "", decimals).strip();
    }

    private String arrow(String before, String after) {
        return before + " → " + after;
    }

    private String priceOrNone(BigDecimal price) {
        return price == null ? "none" : formats.price(price, PRICE_ROUNDING);
    }

    private String ratioOrNa(BigDecimal ratio) {
        return ratio == null ? "n/a" : formats.percent(ratio);
    }

    private String leverageOrNa(BigDecimal leverage) {
        return leverage == null ? "n/a" : formats.leverage(leverage);
    }

    /** The inputs of the figure texts: one evaluation's results as shown for this position. */
    private record Shown(PositionRisk risk, org.marginlab.engine.AccountRisk account, Position position, String currency,
            int amountDecimals, BigDecimal ratio) {
    }

    private StringBinding whatIfText(java.util.function.Function<WhatIf, String> text) {
        return Bindings.createStringBinding(() -> {
            WhatIf w = whatIf.get();
            return w == null ? (marginMode.get() == MarginMode.CROSS ? "—" : "") : text.apply(w);
        }, whatIf, marginMode);
    }

    /** Formats one figure from the last evaluation; called only when a view reads it. */
    private String format(Figure f, Shown v) {
        if (v == null) {
            return "—";
        }
        PositionRisk r = v.risk();
        String ccy = v.currency();
        int d = v.amountDecimals();
        boolean cross = r.marginMode() == MarginMode.CROSS;
        String quote = v.position() != null && v.position().contract() == ContractType.INVERSE ? "USD" : ccy;
        switch (f) {
            case LIQUIDATION_PRICE:
                return r.liquidationPrice() == null ? "none" : formats.price(r.liquidationPrice(), PRICE_ROUNDING) + " " + quote;
            case BANKRUPTCY_PRICE:
                return r.bankruptcyPrice() == null ? "none" : formats.price(r.bankruptcyPrice(), PRICE_ROUNDING) + " " + quote;
            case MARGIN_RATIO:
                return v.ratio() == null ? "n/a (margin balance ≤ 0)" : formats.percent(v.ratio()) + (cross ? " (account)" : "");
            case DISTANCE_TO_LIQUIDATION:
                return r.distanceToLiquidation() == null ? "none" : formats.percent(r.distanceToLiquidation());
            case NOTIONAL:
                return formats.amount(r.notional(), ccy, d);
            case INITIAL_MARGIN:
                return formats.amount(r.initialMargin(), ccy, d);
            case MAINTENANCE_MARGIN:
                return formats.amount(r.maintenanceMargin(), ccy, d);
            case MMR:
                return formats.percent(r.mmr()) + " − " + formats.amount(r.maintenanceAmount(), ccy, d);
            case MARGIN_BALANCE:
                return r.marginBalance() != null ? formats.amount(r.marginBalance(), ccy, d)
                        : v.account() != null ? formats.amount(v.account().marginBalance(), ccy, d) + " (account)" : "—";
            case UNREALIZED_PNL:
                return formats.amount(r.unrealizedPnl(), ccy, d);
            case ROE:
                return formats.percent(r.roe());
            case EFFECTIVE_LEVERAGE:
                return r.effectiveLeverage() == null ? "n/a (margin balance ≤ 0)" : formats.leverage(r.effectiveLeverage());
            case MAX_REMOVABLE_MARGIN:
                return formats.amount(r.maxRemovableMargin(), ccy, d);
            default:
                throw new IllegalArgumentException(f.name());
        }
    }

    private StringProperty text(InputField f) {
        return texts.get(f);
    }

    // ---- commands ---------------------------------------------------------------------------

    /**
     * Commits the what-if: the isolated margin becomes the what-if's margin and the margin
     * change returns to 0. Does nothing unless {@link #canApplyProperty()} is true.
     */
    public void applyWhatIf() {
        WhatIf w = whatIf.get();
        if (!canApply.get() || w == null) {
            return;
        }
        loading = true;
        try {
            text(InputField.MARGIN_DELTA).set("0");
            text(InputField.ISOLATED_MARGIN).set(formats.editable(w.after().isolatedMargin(), 12));
        } finally {
            loading = false;
        }
        edited(null);
    }

    /** Sets the margin change back to 0. */
    public void resetWhatIf() {
        text(InputField.MARGIN_DELTA).set("0");
    }

    /** Switches long ↔ short. */
    public void toggleSide() {
        side.set(side.get().opposite());
    }

    /** Switches isolated ↔ cross. */
    public void toggleMarginMode() {
        marginMode.set(marginMode.get() == MarginMode.ISOLATED ? MarginMode.CROSS : MarginMode.ISOLATED);
    }

    // ---- properties -------------------------------------------------------------------------

    /** @return the venue whose rules apply (set by the owning account) */
    public ObjectProperty<VenueRules> venueProperty() {
        return venue;
    }

    /** @return the position's id */
    public ReadOnlyStringProperty idProperty() {
        return id.getReadOnlyProperty();
    }

    /** @return the position's id */
    public String id() {
        return id.get();
    }

    /** @return the instrument symbol; writable */
    public ObjectProperty<String> symbolProperty() {
        return symbol;
    }

    /** @return long or short; writable */
    public ObjectProperty<Side> sideProperty() {
        return side;
    }

    /** @return isolated or cross; writable */
    public ObjectProperty<MarginMode> marginModeProperty() {
        return marginMode;
    }

    /** @return linear or inverse; writable (constrained to the venue's contract types) */
    public ObjectProperty<ContractType> contractProperty() {
        return contract;
    }

    /**
     * @param field  an input
     * @return the text typed into it; writable, never null
     */
    public StringProperty textProperty(InputField field) {
        return texts.get(field);
    }

    /**
     * @param field  an input
     * @return the message naming the field and the rule it breaks, or null when valid
     */
    public ReadOnlyStringProperty errorProperty(InputField field) {
        return errors.get(field).getReadOnlyProperty();
    }

    /**
     * @param figure  a result figure
     * @return its display text, rounded for display; "none" or "n/a" when it does not exist
     */
    public StringExpression figureProperty(Figure figure) {
        return figures.get(figure);
    }

    /** @return the symbols the venue has tier tables for, plus this position's own */
    public List<String> symbols() {
        List<String> presets = venue.get().presetSymbols();
        if (symbol.get() != null && !presets.contains(symbol.get())) {
            java.util.ArrayList<String> all = new java.util.ArrayList<>(presets);
            all.add(symbol.get());
            return all;
        }
        return presets;
    }

    /** @return the currency the position's amounts are in (quote for linear, coin for inverse) */
    public ReadOnlyStringProperty currencyProperty() {
        return currency.getReadOnlyProperty();
    }

    /** @return the currency the position's amounts are in */
    public String currency() {
        return currency.get();
    }

    /** @return the venue's display name */
    public String venueName() {
        return venue.get().displayName();
    }

    /** @return e.g. {@code long 0.5 BTCUSDT @ 60000}, for lists and messages */
    public StringExpression summaryProperty() {
        return summary;
    }

    /** @return the leverage slider's value, kept in step with the leverage field */
    public DoubleProperty leverageSliderProperty() {
        return leverageSlider;
    }

    /** @return the max leverage of the position's tier (slider bound) */
    public ReadOnlyDoubleProperty leverageMaxProperty() {
        return leverageMax.getReadOnlyProperty();
    }

    /** @return the what-if slider's value, kept in step with the margin-change field */
    public DoubleProperty marginDeltaSliderProperty() {
        return marginDeltaSlider;
    }

    /** @return the what-if slider's lower bound: minus the max removable margin */
    public ReadOnlyDoubleProperty marginDeltaMinProperty() {
        return marginDeltaMin.getReadOnlyProperty();
    }

    /** @return the what-if slider's upper bound */
    public ReadOnlyDoubleProperty marginDeltaMaxProperty() {
        return marginDeltaMax.getReadOnlyProperty();
    }

    /** @return the last result (kept while inputs are invalid), or null before any */
    public ReadOnlyObjectProperty<PositionRisk> riskProperty() {
        return risk.getReadOnlyProperty();
    }

    /** @return whether the shown results belong to earlier, valid inputs */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** @return whether the current inputs are valid */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** @return safe, warning or liquidated */
    public ReadOnlyObjectProperty<RiskLevel> riskLevelProperty() {
        return riskLevel.getReadOnlyProperty();
    }

    /** @return the margin ratio clamped to [0, 1], for a gauge */
    public ReadOnlyDoubleProperty marginRatioGaugeProperty() {
        return marginRatioGauge.getReadOnlyProperty();
    }

    /** @return a one-line summary of what is wrong, or empty */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** @return why the liquidation price is what it is (tooltip) */
    public ReadOnlyStringProperty liquidationNoteProperty() {
        return liquidationNote.getReadOnlyProperty();
    }

    /** @return liquidation price before → after the margin change */
    public StringExpression whatIfLiquidationProperty() {
        return whatIfLiquidation;
    }

    /** @return margin ratio before → after the margin change */
    public StringExpression whatIfMarginRatioProperty() {
        return whatIfMarginRatio;
    }

    /** @return effective leverage before → after the margin change */
    public StringExpression whatIfLeverageProperty() {
        return whatIfLeverage;
    }

    /** @return isolated margin before → after the margin change */
    public StringExpression whatIfMarginProperty() {
        return whatIfMargin;
    }

    /** @return the what-if's engine result, or null while the change is invalid */
    public ReadOnlyObjectProperty<WhatIf> whatIfProperty() {
        return whatIf.getReadOnlyProperty();
    }

    /** @return why the what-if does not apply (a cross position), or empty */
    public ReadOnlyStringProperty whatIfNoteProperty() {
        return whatIfNote.getReadOnlyProperty();
    }

    /** @return whether {@link #applyWhatIf()} would change the position */
    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }
}
