package org.marginlab.app.position;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
import org.marginlab.engine.Account;
import org.marginlab.engine.MarginChange;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.WhatIf;
import org.marginlab.engine.venue.VenueRules;

/**
 * View-model of one isolated position: the editor's inputs, the live results and the what-if
 * margin change. A plain class with JavaFX properties and no {@code javafx.scene} types, so it
 * is tested without a toolkit.
 *
 * <p>Every input change recomputes synchronously through the engine (microseconds). Typed text
 * is parsed here with the view-model's locale; a field that breaks a rule gets a message naming
 * the field and the rule ({@link #errorProperty}), and the last good result stays on display
 * with {@link #staleProperty()} set. Nothing here throws on bad input.
 *
 * <p>Not thread-safe: use it on the JavaFX application thread (or one test thread).
 */
public final class PositionViewModel {
    private static final BigDecimal MIN_LEVERAGE = BigDecimal.ONE;
    /**
     * Display rounding of liquidation and bankruptcy prices: half-up to the cent, as the venues
     * publish them (Binance shows the FAQ's 26,316.8933 as 26,316.89, vector
     * {@code binance-faq-cross-btcusdt}; rounding toward the mark would show 26,316.90).
     */
    private static final RoundingMode PRICE_ROUNDING = RoundingMode.HALF_UP;

    private final MarginEngine engine;
    private final VenueRules venue;
    private final DecimalInput decimals;
    private final Formats formats;
    private final String currency;

    private String positionId = "position-1";
    private Position template;

    private final ObjectProperty<String> symbol = new SimpleObjectProperty<>(this, "symbol", "BTCUSDT");
    private final ObjectProperty<Side> side = new SimpleObjectProperty<>(this, "side", Side.LONG);
    private final Map<InputField, StringProperty> texts = new EnumMap<>(InputField.class);
    private final Map<InputField, ReadOnlyStringWrapper> errors = new EnumMap<>(InputField.class);
    private final Map<Figure, ReadOnlyStringWrapper> figures = new EnumMap<>(Figure.class);

    private final DoubleProperty leverageSlider = new SimpleDoubleProperty(this, "leverageSlider", 1);
    private final ReadOnlyDoubleWrapper leverageMax = new ReadOnlyDoubleWrapper(this, "leverageMax", 125);
    private final DoubleProperty marginDeltaSlider = new SimpleDoubleProperty(this, "marginDeltaSlider", 0);
    private final ReadOnlyDoubleWrapper marginDeltaMin = new ReadOnlyDoubleWrapper(this, "marginDeltaMin", 0);
    private final ReadOnlyDoubleWrapper marginDeltaMax = new ReadOnlyDoubleWrapper(this, "marginDeltaMax", 1);

    private final ReadOnlyObjectWrapper<PositionRisk> risk = new ReadOnlyObjectWrapper<>(this, "risk");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale", false);
    private final ReadOnlyObjectWrapper<RiskLevel> riskLevel = new ReadOnlyObjectWrapper<>(this, "riskLevel", RiskLevel.SAFE);
    private final ReadOnlyDoubleWrapper marginRatioGauge = new ReadOnlyDoubleWrapper(this, "marginRatioGauge", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper liquidationNote = new ReadOnlyStringWrapper(this, "liquidationNote", "");

    private final ReadOnlyStringWrapper whatIfLiquidation = new ReadOnlyStringWrapper(this, "whatIfLiquidation", "");
    private final ReadOnlyStringWrapper whatIfMarginRatio = new ReadOnlyStringWrapper(this, "whatIfMarginRatio", "");
    private final ReadOnlyStringWrapper whatIfLeverage = new ReadOnlyStringWrapper(this, "whatIfLeverage", "");
    private final ReadOnlyStringWrapper whatIfMargin = new ReadOnlyStringWrapper(this, "whatIfMargin", "");
    private final ReadOnlyObjectWrapper<WhatIf> whatIf = new ReadOnlyObjectWrapper<>(this, "whatIf");
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(this, "canApply", false);

    private boolean loading;
    private boolean syncingSliders;

    /**
     * @param engine  the margin engine, not null
     * @param venue   the venue's rules (tiers, formulas), not null
     * @param locale  the locale numbers are typed and shown in, not null
     */
    public PositionViewModel(MarginEngine engine, VenueRules venue, java.util.Locale locale) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.venue = Objects.requireNonNull(venue, "venue");
        this.decimals = new DecimalInput(locale);
        this.formats = new Formats(locale);
        this.currency = venue.settlementCurrency();
        for (InputField f : InputField.values()) {
            StringProperty p = new SimpleStringProperty(this, f.fileField(), "");
            p.addListener((obs, o, n) -> recompute());
            texts.put(f, p);
            errors.put(f, new ReadOnlyStringWrapper(this, f.fileField() + "Error"));
        }
        for (Figure f : Figure.values()) {
            figures.put(f, new ReadOnlyStringWrapper(this, f.name(), "—"));
        }
        symbol.addListener((obs, o, n) -> recompute());
        side.addListener((obs, o, n) -> recompute());
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
     * Loads a position into the editor, replacing every input, and computes its results.
     *
     * @param position  the position, isolated, not null
     */
    public void load(Position position) {
        loading = true;
        try {
            template = position;
            positionId = position.id();
            symbol.set(position.symbol());
            side.set(position.side());
            text(InputField.QUANTITY).set(formats.editable(position.quantity(), 12));
            text(InputField.ENTRY_PRICE).set(formats.editable(position.entryPrice(), 12));
            text(InputField.MARK_PRICE).set(formats.editable(position.markPrice(), 12));
            text(InputField.LEVERAGE).set(formats.editable(position.leverage(), 12));
            text(InputField.ISOLATED_MARGIN).set(position.isolatedMargin() == null ? ""
                    : formats.editable(position.isolatedMargin(), 12));
            text(InputField.MARGIN_DELTA).set("0");
        } finally {
            loading = false;
        }
        recompute();
    }

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
            text(InputField.ISOLATED_MARGIN).set(formats.editable(w.after().isolatedMargin(), 8));
            text(InputField.MARGIN_DELTA).set("0");
        } finally {
            loading = false;
        }
        recompute();
    }

    /** Sets the margin change back to 0. */
    public void resetWhatIf() {
        text(InputField.MARGIN_DELTA).set("0");
    }

    /** Switches long ↔ short. */
    public void toggleSide() {
        side.set(side.get().opposite());
    }

    /**
     * @return the position the inputs describe now, or null while an input is invalid
     */
    public Position currentPosition() {
        try {
            return buildPosition(new EnumMap<>(InputField.class));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void recompute() {
        if (loading) {
            return;
        }
        Map<InputField, String> errs = new EnumMap<>(InputField.class);
        Position position = null;
        PositionRisk result = null;
        String problem = null;
        try {
            position = buildPosition(errs);
            if (position != null) {
                result = engine.evaluate(position, venue);
            }
        } catch (ValidationException e) {
            InputField f = InputField.byFileField(e.field());
            String message = (f == null ? e.field() : f.label()) + " " + e.rule()
                    + (e.value() == null ? "" : " (got " + e.value() + ")");
            if (f != null) {
                errs.put(f, message);
            } else {
                problem = message;
            }
            position = null;
        }
        updateLeverageBounds(position);

        WhatIf what = null;
        if (result != null) {
            what = evaluateWhatIf(position, result, errs);
        }
        for (InputField f : InputField.values()) {
            errors.get(f).set(errs.get(f));
        }
        if (result != null) {
            publish(result);
            stale.set(false);
            status.set("");
        } else {
            stale.set(risk.get() != null);
            String first = problem != null ? problem : errs.values().stream().findFirst().orElse("");
            status.set(risk.get() != null ? "Showing the last valid result. " + first : first);
        }
        publishWhatIf(what, result);
    }

    private Position buildPosition(Map<InputField, String> errs) {
        BigDecimal quantity = parse(InputField.QUANTITY, errs);
        BigDecimal entry = parse(InputField.ENTRY_PRICE, errs);
        BigDecimal mark = parse(InputField.MARK_PRICE, errs);
        BigDecimal leverage = parse(InputField.LEVERAGE, errs);
        BigDecimal margin = text(InputField.ISOLATED_MARGIN).get().isBlank() ? null
                : parse(InputField.ISOLATED_MARGIN, errs);
        if (!errs.isEmpty()) {
            return null;
        }
        Position.Builder b = template != null ? template.toBuilder() : Position.builder();
        return b.id(positionId).symbol(symbol.get()).side(side.get()).quantity(quantity).entryPrice(entry)
                .markPrice(mark).leverage(leverage).marginMode(MarginMode.ISOLATED).isolatedMargin(margin)
                .build();
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

    private WhatIf evaluateWhatIf(Position position, PositionRisk result, Map<InputField, String> errs) {
        String typed = text(InputField.MARGIN_DELTA).get();
        BigDecimal delta;
        if (typed == null || typed.isBlank()) {
            delta = BigDecimal.ZERO;
        } else {
            delta = parse(InputField.MARGIN_DELTA, errs);
            if (delta == null) {
                return null;
            }
        }
        BigDecimal maxRemovable = result.maxRemovableMargin();
        if (delta.signum() < 0 && delta.negate().compareTo(maxRemovable) > 0) {
            errs.put(InputField.MARGIN_DELTA, maxRemovable.signum() == 0
                    ? "Margin change must be ≥ 0: no margin is removable now (got " + typed.strip() + ")"
                    : "Margin change must be ≥ −" + formats.editable(maxRemovable, 2)
                            + ", the max removable margin (got " + typed.strip() + ")");
            return null;
        }
        try {
            Account account = Account.of(venue, BigDecimal.ZERO, List.of(position));
            return engine.whatIf(account, new MarginChange(position.id(), delta));
        } catch (ValidationException e) {
            errs.put(InputField.MARGIN_DELTA, "Margin change " + e.rule() + " (got " + typed.strip() + ")");
            return null;
        }
    }

    private void updateLeverageBounds(Position position) {
        BigDecimal max = null;
        Position probe = position != null ? position : probePosition();
        if (probe != null) {
            try {
                max = venue.maxLeverage(probe, venue.schedule(probe));
            } catch (ValidationException e) {
                max = null;
            }
        }
        if (max != null) {
            leverageMax.set(Math.max(MIN_LEVERAGE.doubleValue(), max.doubleValue()));
        }
        BigDecimal lev = tryParse(InputField.LEVERAGE);
        if (lev != null) {
            syncSlider(leverageSlider, lev.doubleValue());
        }
    }

    /** A position with leverage 1, to look up the tier's max leverage while leverage is invalid. */
    private Position probePosition() {
        BigDecimal q = tryParse(InputField.QUANTITY);
        BigDecimal e = tryParse(InputField.ENTRY_PRICE);
        BigDecimal m = tryParse(InputField.MARK_PRICE);
        if (q == null || e == null || m == null || q.signum() <= 0 || e.signum() <= 0 || m.signum() <= 0) {
            return null;
        }
        return Position.builder().id(positionId).symbol(symbol.get()).side(side.get()).quantity(q).entryPrice(e)
                .markPrice(m).leverage(MIN_LEVERAGE).build();
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

    private void publish(PositionRisk r) {
        risk.set(r);
        RoundingMode towardMark = PRICE_ROUNDING;
        set(Figure.LIQUIDATION_PRICE, r.liquidationPrice() == null ? "none"
                : formats.price(r.liquidationPrice(), towardMark) + " " + currency);
        set(Figure.BANKRUPTCY_PRICE, r.bankruptcyPrice() == null ? "none"
                : formats.price(r.bankruptcyPrice(), towardMark) + " " + currency);
        set(Figure.MARGIN_RATIO, r.marginRatio() == null ? "n/a (margin balance ≤ 0)" : formats.percent(r.marginRatio()));
        set(Figure.DISTANCE_TO_LIQUIDATION, r.distanceToLiquidation() == null ? "none"
                : formats.percent(r.distanceToLiquidation()));
        set(Figure.NOTIONAL, formats.amount(r.notional(), currency));
        set(Figure.INITIAL_MARGIN, formats.amount(r.initialMargin(), currency));
        set(Figure.MAINTENANCE_MARGIN, formats.amount(r.maintenanceMargin(), currency));
        set(Figure.MMR, formats.percent(r.mmr()) + " − " + formats.amount(r.maintenanceAmount(), currency));
        set(Figure.MARGIN_BALANCE, formats.amount(r.marginBalance(), currency));
        set(Figure.UNREALIZED_PNL, formats.amount(r.unrealizedPnl(), currency));
        set(Figure.ROE, formats.percent(r.roe()));
        set(Figure.EFFECTIVE_LEVERAGE, r.effectiveLeverage() == null ? "n/a (margin balance ≤ 0)"
                : formats.leverage(r.effectiveLeverage()));
        set(Figure.MAX_REMOVABLE_MARGIN, formats.amount(r.maxRemovableMargin(), currency));

        riskLevel.set(RiskLevel.of(r.marginRatio(), r.liquidated()));
        double gauge = r.marginRatio() == null ? 1 : Math.min(1, Math.max(0, r.marginRatio().doubleValue()));
        marginRatioGauge.set(r.liquidated() ? 1 : gauge);
        if (r.liquidationPrice() == null) {
            liquidationNote.set("No liquidation price: the margin covers the position even if the price falls to zero.");
        } else {
            liquidationNote.set(Figure.LIQUIDATION_PRICE.explanation()
                    + " Shown rounded to the nearest cent, as the venue displays it.");
        }
    }

    private void publishWhatIf(WhatIf w, PositionRisk current) {
        whatIf.set(w);
        if (current == null) {
            canApply.set(false);
            return;
        }
        double removable = current.maxRemovableMargin().doubleValue();
        double base = Math.max(current.initialMargin().doubleValue(), current.isolatedMargin().doubleValue());
        marginDeltaMin.set(-removable);
        marginDeltaMax.set(Math.max(1, Math.ceil(base * 2)));
        if (w == null) {
            canApply.set(false);
            return;
        }
        syncSlider(marginDeltaSlider, w.change().delta().doubleValue());
        RoundingMode towardMark = PRICE_ROUNDING;
        whatIfLiquidation.set(arrow(priceOrNone(w.before().liquidationPrice(), towardMark),
                priceOrNone(w.after().liquidationPrice(), towardMark)));
        whatIfMarginRatio.set(arrow(ratioOrNa(w.before().marginRatio()), ratioOrNa(w.after().marginRatio())));
        whatIfLeverage.set(arrow(leverageOrNa(w.before().effectiveLeverage()), leverageOrNa(w.after().effectiveLeverage())));
        whatIfMargin.set(arrow(formats.price(w.before().isolatedMargin(), RoundingMode.HALF_UP),
                formats.price(w.after().isolatedMargin(), RoundingMode.HALF_UP)));
        canApply.set(w.change().delta().signum() != 0);
    }

    private String arrow(String before, String after) {
        return before + " → " + after;
    }

    private String priceOrNone(BigDecimal price, RoundingMode rounding) {
        return price == null ? "none" : formats.price(price, rounding);
    }

    private String ratioOrNa(BigDecimal ratio) {
        return ratio == null ? "n/a" : formats.percent(ratio);
    }

    private String leverageOrNa(BigDecimal leverage) {
        return leverage == null ? "n/a" : formats.leverage(leverage);
    }

    private void set(Figure f, String value) {
        figures.get(f).set(value);
    }

    private StringProperty text(InputField f) {
        return texts.get(f);
    }

    // ---- properties -------------------------------------------------------------------

    /** @return the instrument symbol (a preset of the venue); writable */
    public ObjectProperty<String> symbolProperty() {
        return symbol;
    }

    /** @return long or short; writable */
    public ObjectProperty<Side> sideProperty() {
        return side;
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
     * @return its display text with unit, rounded for display; "none" or "n/a" when it does
     *         not exist
     */
    public ReadOnlyStringProperty figureProperty(Figure figure) {
        return figures.get(figure).getReadOnlyProperty();
    }

    /** @return the symbols the venue has tier tables for */
    public List<String> symbols() {
        return venue.presetSymbols();
    }

    /** @return the settlement currency, e.g. USDT */
    public String currency() {
        return currency;
    }

    /** @return the venue's display name */
    public String venueName() {
        return venue.displayName();
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

    /** @return the last valid result (kept while inputs are invalid), or null before any */
    public ReadOnlyObjectProperty<PositionRisk> riskProperty() {
        return risk.getReadOnlyProperty();
    }

    /** @return whether the shown results belong to earlier, valid inputs */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
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
    public ReadOnlyStringProperty whatIfLiquidationProperty() {
        return whatIfLiquidation.getReadOnlyProperty();
    }

    /** @return margin ratio before → after the margin change */
    public ReadOnlyStringProperty whatIfMarginRatioProperty() {
        return whatIfMarginRatio.getReadOnlyProperty();
    }

    /** @return effective leverage before → after the margin change */
    public ReadOnlyStringProperty whatIfLeverageProperty() {
        return whatIfLeverage.getReadOnlyProperty();
    }

    /** @return isolated margin before → after the margin change */
    public ReadOnlyStringProperty whatIfMarginProperty() {
        return whatIfMargin.getReadOnlyProperty();
    }

    /** @return the what-if's engine result, or null while the change is invalid */
    public ReadOnlyObjectProperty<WhatIf> whatIfProperty() {
        return whatIf.getReadOnlyProperty();
    }

    /** @return whether {@link #applyWhatIf()} would change the position */
    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }
}
