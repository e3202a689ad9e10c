package org.marginlab.app.position;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
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

import org.marginlab.app.model.DraftEditor;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.FieldError;
import org.marginlab.app.model.InputField;
import org.marginlab.app.model.PositionDraft;
import org.marginlab.app.model.PositionResult;
import org.marginlab.app.ui.Formats;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;

/**
 * View-model of one position: a read-only slice of the account's current {@link Evaluation}
 * (its {@link PositionResult}) plus the edit buffers its fields bind to. A user's change of a
 * buffer is sent to the {@link DraftEditor} as an edit of the draft; after every evaluation
 * {@link #update} sets every buffer back from the draft, so the buffers never disagree with it
 * (a refused mode switch snaps back). It keeps no copy of the position, the venue or the
 * currency: everything shown is read from the last published slice.
 *
 * <p>A plain class with JavaFX properties and no {@code javafx.scene} types. Not thread-safe:
 * use it on the JavaFX application thread (or one test thread).
 */
public final class PositionViewModel {
    private final DraftEditor editor;
    private final String id;
    private final Formats formats;
    private final org.marginlab.app.ui.DecimalInput decimals;
    private final PositionFigures figures;
    private final PositionStatus state;
    private final ReadOnlyStringWrapper idProperty;

    private final ObjectProperty<String> symbol = new SimpleObjectProperty<>(this, "symbol", "");
    private final ObjectProperty<Side> side = new SimpleObjectProperty<>(this, "side", Side.LONG);
    private final ObjectProperty<MarginMode> marginMode = new SimpleObjectProperty<>(this, "marginMode", MarginMode.ISOLATED);
    private final ObjectProperty<ContractType> contract = new SimpleObjectProperty<>(this, "contract", ContractType.LINEAR);
    private final Map<InputField, StringProperty> texts = new EnumMap<>(InputField.class);
    private final Map<InputField, ReadOnlyStringWrapper> errors = new EnumMap<>(InputField.class);
    private final DoubleProperty leverageSlider = new SimpleDoubleProperty(this, "leverageSlider", 1);
    private final ReadOnlyDoubleWrapper leverageMax = new ReadOnlyDoubleWrapper(this, "leverageMax", 125);
    private final DoubleProperty marginDeltaSlider = new SimpleDoubleProperty(this, "marginDeltaSlider", 0);
    private final ReadOnlyObjectWrapper<PositionResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper currency = new ReadOnlyStringWrapper(this, "currency", "USDT");
    private final ReadOnlyStringWrapper quoteCurrency = new ReadOnlyStringWrapper(this, "quoteCurrency", "USDT");
    private final ReadOnlyStringWrapper venueName = new ReadOnlyStringWrapper(this, "venueName", "");
    private final ReadOnlyStringWrapper tierFix = new ReadOnlyStringWrapper(this, "tierFix", "");
    private List<String> tierFixSymbols = List.of();
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale", false);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", false);
    private final ReadOnlyBooleanWrapper liquidated = new ReadOnlyBooleanWrapper(this, "liquidated", false);
    private final ReadOnlyBooleanWrapper marginLinked = new ReadOnlyBooleanWrapper(this, "marginLinked", true);
    private List<String> symbols = List.of();
    private boolean syncing;
    /** The leverage text the slider was last set from. */
    private String sliderLeverageText;
    private static final InputField[] FIELDS = InputField.values();

    /**
     * @param locale  the locale numbers are typed and shown in, not null
     * @param editor  where edits go (the account), not null
     * @param id      the position's id, not null
     */
    public PositionViewModel(Locale locale, DraftEditor editor, String id) {
        this(locale, editor, id, new org.marginlab.app.ui.HiddenFigures());
    }

    /**
     * @param locale  the locale numbers are typed and shown in, not null
     * @param editor  where edits go (the account), not null
     * @param id      the position's id, not null
     * @param hidden  the figures a lesson hides (shown as "?"), not null
     */
    public PositionViewModel(Locale locale, DraftEditor editor, String id, org.marginlab.app.ui.HiddenFigures hidden) {
        this.editor = Objects.requireNonNull(editor, "editor");
        this.id = Objects.requireNonNull(id, "id");
        this.formats = new Formats(Objects.requireNonNull(locale, "locale"));
        this.decimals = new org.marginlab.app.ui.DecimalInput(locale);
        this.figures = new PositionFigures(formats, Objects.requireNonNull(hidden, "hidden"), id);
        this.state = new PositionStatus(formats);
        this.idProperty = new ReadOnlyStringWrapper(this, "id", id);
        for (InputField f : InputField.values()) {
            StringProperty p = new SimpleStringProperty(this, f.nodeId(), "");
            p.addListener((obs, o, n) -> typed(f, n));
            texts.put(f, p);
            errors.put(f, new ReadOnlyStringWrapper(this, f.nodeId() + "Error"));
        }
        symbol.addListener((obs, o, n) -> {
            if (!syncing && n != null) {
                inputsShown = null;
                editor.edit(id + ":symbol", d -> d.withPosition(d.position(id).withSymbol(n.strip())));
            }
        });
        side.addListener((obs, o, n) -> {
            if (!syncing && n != null) {
                inputsShown = null;
                editor.edit(null, d -> d.withPosition(d.position(id).withSide(n)));
            }
        });
        marginMode.addListener((obs, o, n) -> {
            if (!syncing && n != null && n != o) {
                inputsShown = null;
                editor.command(null, e -> e.draft().position(id).mode() == n
                        ? new org.marginlab.app.model.DraftEdits.Edit(e.draft(), "", false)
                        : editor.edits().toggleMode(e, id));
            }
        });
        contract.addListener((obs, o, n) -> {
            if (!syncing && n != null) {
                inputsShown = null;
                editor.command(null, e -> editor.edits().change(e, e.draft().position(id).withContract(n)));
            }
        });
        leverageSlider.addListener((obs, o, n) -> {
            if (!syncing) {
                texts.get(InputField.LEVERAGE).set(formats.editable(BigDecimal.valueOf(n.doubleValue()), 0));
            }
        });
        marginDeltaSlider.addListener((obs, o, n) -> {
            if (!syncing) {
                texts.get(InputField.MARGIN_DELTA).set(formats.editable(BigDecimal.valueOf(n.doubleValue()), 2));
            }
        });
    }

    private void typed(InputField f, String text) {
        if (syncing) {
            return;
        }
        inputsShown = null; // the buffer may now differ from the draft: set them all again after this edit
        if (f == InputField.MARGIN_DELTA) {
            editor.edit("whatIf", d -> d.withMarginDeltaText(id, text));
        } else {
            editor.command(id + ":" + f.nodeId(), e -> editor.edits().text(e, id, f, text));
        }
    }

    /**
     * Shows this position's slice of a new evaluation: sets every edit buffer from the draft
     * (without sending it back as an edit) and every figure from the result.
     *
     * @param r  this position's result, not null
     * @param e  the whole evaluation (account figures, venue, currency), not null
     */
    public void update(PositionResult r, Evaluation e) {
        syncing = true;
        try {
            PositionDraft d = r.draft();
            String marginDelta = e.draft().marginDeltaText(id);
            if (!InputsShown.same(inputsShown, d, e.venue(), marginDelta, r.parsed(), r.errors(), r.problem(),
                    r.used() == null)) {
                inputsShown = new InputsShown(d, e.venue(), marginDelta, r.parsed(), r.errors(), r.problem(), r.used() == null);
                showInputs(r, e, d);
            }
            stale.set(r.stale() && r.risk() != null);
            valid.set(r.parsed().valid() && !r.stale());
            liquidated.set(r.liquidated());
            result.set(r.risk() == null ? null : r);
            figures.show(r, e, currency.get());
            state.show(r, e);
            PositionResult.WhatIfResult w = r.whatIf();
            if (w != null && w.delta() != null) {
                marginDeltaSlider.set(w.delta().doubleValue());
            } else if (w == null) {
                marginDeltaSlider.set(0);
            }
        } finally {
            syncing = false;
        }
    }

    /**
     * What the edit buffers, errors, currency, symbols and leverage bounds were last set from:
     * the same draft of the position (an unchanged position keeps its {@link PositionDraft}
     * instance), venue, parse and errors give the same inputs, so that an edit of one position of
     * a thousand does not go through every other position's fields again.
     */
    private record InputsShown(PositionDraft draft, Object venue, String marginDelta, Object parsed,
            java.util.Map<InputField, FieldError> errors, FieldError problem, boolean unparsed) {
        /** Whether {@code o} shows these inputs (compared without building a record for each edit). */
        static boolean same(InputsShown o, PositionDraft draft, Object venue, String marginDelta, Object parsed,
                java.util.Map<InputField, FieldError> errors, FieldError problem, boolean unparsed) {
            return o != null && draft == o.draft && venue == o.venue && parsed == o.parsed && unparsed == o.unparsed
                    && java.util.Objects.equals(marginDelta, o.marginDelta) && java.util.Objects.equals(problem, o.problem)
                    && errors.equals(o.errors);
        }
    }

    private InputsShown inputsShown;

    /** Sets every edit buffer, error, the currency and the venue's choices from the draft and the parse. */
    private void showInputs(PositionResult r, Evaluation e, PositionDraft d) {
        symbol.set(d.symbol());
        side.set(d.side());
        marginMode.set(d.mode());
        contract.set(d.contract());
        for (InputField f : FIELDS) {
            String t = f == InputField.MARGIN_DELTA ? e.draft().marginDeltaText(id) : d.text(f);
            if (!texts.get(f).get().equals(t)) {
                texts.get(f).set(t);
            }
            FieldError fe = r.error(f);
            errors.get(f).set(fe == null ? null : fe.message());
        }
        String ccy = e.venue() == null ? e.currency() : e.venue().settlementCurrency(r.used() != null ? r.used()
                : org.marginlab.engine.Position.builder().id(id).symbol(d.symbol()).contract(d.contract())
                        .side(Side.LONG).quantity(BigDecimal.ONE).entryPrice(BigDecimal.ONE).leverage(BigDecimal.ONE)
                        .build());
        currency.set(ccy);
        quoteCurrency.set(d.contract() == ContractType.INVERSE ? "USD" : ccy);
        venueName.set(e.venue() == null ? e.draft().venueId() : e.venue().displayName());
        List<String> presets = e.venue() == null ? List.of() : e.venue().presetSymbols();
        if (!presets.contains(d.symbol())) {
            List<String> all = new ArrayList<>(presets);
            all.add(d.symbol());
            presets = all;
        }
        symbols = List.copyOf(presets);
        // the venue cannot price this symbol: no bundled tiers and no maintenance override typed
        boolean noTiers = e.venue() != null && r.parsed().position() == null && r.problem() != null
                && e.venue().presetTiers(d.symbol()).isEmpty() && d.text(InputField.MMR).isBlank()
                && r.errors().values().stream().allMatch(java.util.Objects::isNull);
        tierFix.set(noTiers ? d.symbol() + " has no maintenance tiers bundled for " + e.venue().displayName()
                + ", so its figures cannot be computed. Type its maintenance margin rate (from the venue's site), or "
                + "pick a symbol the venue has tiers for." : "");
        tierFixSymbols = noTiers ? List.copyOf(e.venue().presetSymbols()) : List.of();
        marginLinked.set(d.marginLinked());
        BigDecimal max = r.parsed().leverageMax();
        leverageMax.set(max == null ? 125 : Math.max(1, max.doubleValue()));
        String leverageText = d.text(InputField.LEVERAGE);
        if (!leverageText.equals(sliderLeverageText)) {
            // parsed only when it changed: every row is updated on every edit
            sliderLeverageText = leverageText;
            BigDecimal lev = editorNumber(leverageText);
            if (lev != null) {
                leverageSlider.set(lev.doubleValue());
            }
        }
    }

    private BigDecimal editorNumber(String text) {
        try {
            return decimals.parse(text);
        } catch (RuntimeException ex) {
            return null;
        }
    }

    // ---- commands ---------------------------------------------------------------------------

    /** Commits the what-if as a transfer between the cross wallet and this position. */
    public void applyWhatIf() {
        if (state.canApply().get()) {
            editor.command(null, e -> editor.edits().applyWhatIf(e, id));
        }
    }

    /** Sets the margin change back to none. */
    public void resetWhatIf() {
        texts.get(InputField.MARGIN_DELTA).set("");
    }

    /** Switches long ↔ short. */
    public void toggleSide() {
        side.set(side.get().opposite());
    }

    /** Switches isolated ↔ cross: a transfer of the margin between the cross wallet and the position. */
    public void toggleMarginMode() {
        editor.command(null, e -> editor.edits().toggleMode(e, id));
    }

    /** "Margin from leverage": the isolated margin becomes the initial margin again and follows the leverage. */
    public void linkMarginToLeverage() {
        editor.command(null, e -> editor.edits().linkMargin(e, id));
    }

    // ---- properties -------------------------------------------------------------------------

    /** @return the position's id */
    public ReadOnlyStringProperty idProperty() {
        return idProperty.getReadOnlyProperty();
    }

    /** @return the position's id */
    public String id() {
        return id;
    }

    /** @return the instrument symbol; writable */
    public ObjectProperty<String> symbolProperty() {
        return symbol;
    }

    /** @return long or short; writable */
    public ObjectProperty<Side> sideProperty() {
        return side;
    }

    /** @return isolated or cross; writable (a change is a transfer, and snaps back when refused) */
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
        return figures.figure(figure);
    }

    /** @return the symbols the venue has tier tables for, plus this position's own */
    public List<String> symbols() {
        return symbols;
    }

    /** @return the currency the position's amounts are in (quote for linear, coin for inverse) */
    public ReadOnlyStringProperty currencyProperty() {
        return currency.getReadOnlyProperty();
    }

    /** @return the currency the position's amounts are in */
    public String currency() {
        return currency.get();
    }

    /** @return the currency prices are quoted in (USD for inverse contracts) */
    public ReadOnlyStringProperty quoteCurrencyProperty() {
        return quoteCurrency.getReadOnlyProperty();
    }

    /**
     * @return what is wrong and how to fix it when the venue has no maintenance tiers for this
     *         position's symbol and no maintenance rate is typed; empty otherwise
     */
    public ReadOnlyStringProperty tierFixProperty() {
        return tierFix.getReadOnlyProperty();
    }

    /** @return the symbols the venue has tiers for, offered as a fix while {@link #tierFixProperty()} is set */
    public List<String> tierFixSymbols() {
        return tierFixSymbols;
    }

    /** @return the venue's display name */
    public String venueName() {
        return venueName.get();
    }

    /** @return e.g. {@code long 0.5 BTCUSDT @ 60000}, for lists and messages */
    public StringExpression summaryProperty() {
        return figures.summary();
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
        return state.marginDeltaMin();
    }

    /** @return the what-if slider's upper bound: the max addable margin (the available balance) */
    public ReadOnlyDoubleProperty marginDeltaMaxProperty() {
        return state.marginDeltaMax();
    }

    /** @return this position's slice of the current evaluation, or null while it has no figures */
    public ReadOnlyObjectProperty<PositionResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** @return whether the shown results belong to earlier, valid inputs */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** @return whether the current inputs are valid */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** @return whether the position is liquidated at the (shocked) mark */
    public ReadOnlyBooleanProperty liquidatedProperty() {
        return liquidated.getReadOnlyProperty();
    }

    /** @return whether the isolated margin follows the leverage (else it is the user's own) */
    public ReadOnlyBooleanProperty marginLinkedProperty() {
        return marginLinked.getReadOnlyProperty();
    }

    /** @return e.g. "Margin is your own: effective leverage 14.75x at the mark", or empty */
    public ReadOnlyStringProperty leverageNoteProperty() {
        return state.leverageNote();
    }

    /** @return safe, warning or liquidated */
    public ReadOnlyObjectProperty<RiskLevel> riskLevelProperty() {
        return state.riskLevel();
    }

    /**
     * @return the risk level in words, with its reason: {@code Warning: 1.33 % from liquidation
     *         (< 3 %)}, {@code Warning: margin ratio ≥ 80 %}, {@code Liquidated at this mark}
     */
    public ReadOnlyStringProperty riskTextProperty() {
        return state.riskText();
    }

    /** @return the margin ratio clamped to [0, 1], for a gauge */
    public ReadOnlyDoubleProperty marginRatioGaugeProperty() {
        return state.marginRatioGauge();
    }

    /** @return a one-line summary of what is wrong, or empty */
    public ReadOnlyStringProperty statusProperty() {
        return state.status();
    }

    /** @return why the liquidation price is what it is (tooltip) */
    public StringExpression liquidationNoteProperty() {
        return figures.liquidationNote();
    }

    /** @return liquidation price before → after the pending what-ifs */
    public StringExpression whatIfLiquidationProperty() {
        return figures.whatIfLiquidation();
    }

    /**
     * @return the liquidation price, or "liquidated", followed by "→ after" when a pending what-if
     *         of any position moves it (the table shows every position's before → after)
     */
    public StringExpression liquidationAfterProperty() {
        return figures.liquidationAfter();
    }

    /** @return the mark price the figures are at (the typed mark moved by the shock), without unit */
    public StringExpression shockedMarkProperty() {
        return figures.shockedMark();
    }

    /** @return margin ratio before → after the pending what-ifs */
    public StringExpression whatIfMarginRatioProperty() {
        return figures.whatIfMarginRatio();
    }

    /** @return effective leverage before → after the pending what-ifs */
    public StringExpression whatIfLeverageProperty() {
        return figures.whatIfLeverage();
    }

    /** @return isolated margin before → after the pending what-ifs */
    public StringExpression whatIfMarginProperty() {
        return figures.whatIfMargin();
    }

    /** @return why the what-if does not apply (a cross position), or empty */
    public ReadOnlyStringProperty whatIfNoteProperty() {
        return state.whatIfNote();
    }

    /** @return whether {@link #applyWhatIf()} would change the position */
    public ReadOnlyBooleanProperty canApplyProperty() {
        return state.canApply();
    }
}
