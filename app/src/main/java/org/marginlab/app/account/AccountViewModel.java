package org.marginlab.app.account;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.marginlab.app.position.InputField;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.ui.DecimalInput;
import org.marginlab.app.ui.Formats;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginChange;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.WhatIf;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

/**
 * View-model of a workspace's account: the venue, the cross wallet, the positions (one
 * {@link PositionViewModel} each), a price shock, and the live evaluation of the whole account.
 * A plain class without {@code javafx.scene} types.
 *
 * <p>Every input change re-evaluates the account synchronously: only the edited position is
 * parsed again, the engine evaluates the account in O(N), and each position's results are
 * pushed to its view-model. A position whose inputs are invalid takes part with its last valid
 * inputs (so the others' cross figures do not jump while the user types) and shows its results
 * as stale.
 *
 * <p>The shock moves every mark (or one symbol's) by a percentage for the evaluation only; the
 * typed marks do not change.
 *
 * <p>Not thread-safe: use it on the JavaFX application thread (or one test thread).
 */
public final class AccountViewModel {
    /** Lowest shock, a fraction (−90 %). */
    public static final BigDecimal MIN_SHOCK = new BigDecimal("-0.9");
    /** Highest shock, a fraction (+200 %). */
    public static final BigDecimal MAX_SHOCK = new BigDecimal("2");

    private final MarginEngine engine;
    private final Locale locale;
    private final Formats formats;
    private final DecimalInput decimals;

    private final ObjectProperty<VenueRules> venue = new SimpleObjectProperty<>(this, "venue", Venues.byId("binance-usdm"));
    private final StringProperty name = new SimpleStringProperty(this, "name", "Untitled");
    private final StringProperty walletText = new SimpleStringProperty(this, "walletBalance", "0");
    private final ReadOnlyStringWrapper walletError = new ReadOnlyStringWrapper(this, "walletBalanceError");
    private final ObservableList<PositionViewModel> positions = FXCollections.observableArrayList();
    private final ObjectProperty<PositionViewModel> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<BigDecimal> shock = new SimpleObjectProperty<>(this, "shock", BigDecimal.ZERO);
    private final ObjectProperty<String> shockSymbol = new SimpleObjectProperty<>(this, "shockSymbol");
    private final StringProperty shockText = new SimpleStringProperty(this, "shock", "0");
    private final javafx.beans.property.DoubleProperty shockSlider =
            new javafx.beans.property.SimpleDoubleProperty(this, "shockSlider", 0);
    private final ReadOnlyStringWrapper shockError = new ReadOnlyStringWrapper(this, "shockError");
    private final ObservableList<String> symbols = FXCollections.observableArrayList();
    private boolean syncingShock;

    private final ReadOnlyObjectWrapper<AccountRisk> risk = new ReadOnlyObjectWrapper<>(this, "risk");
    private final ReadOnlyObjectWrapper<Account> account = new ReadOnlyObjectWrapper<>(this, "account");
    private final ReadOnlyObjectWrapper<Account> shockedAccount = new ReadOnlyObjectWrapper<>(this, "shockedAccount");
    private final ReadOnlyStringWrapper currency = new ReadOnlyStringWrapper(this, "currency", "USDT");
    private final ReadOnlyStringWrapper walletShown = new ReadOnlyStringWrapper(this, "walletShown", "");
    private final ReadOnlyStringWrapper marginBalance = new ReadOnlyStringWrapper(this, "marginBalance", "");
    private final ReadOnlyStringWrapper marginRatio = new ReadOnlyStringWrapper(this, "marginRatio", "");
    private final ReadOnlyStringWrapper marginRatioName = new ReadOnlyStringWrapper(this, "marginRatioName", "");
    private final ReadOnlyStringWrapper availableBalance = new ReadOnlyStringWrapper(this, "availableBalance", "");
    private final ReadOnlyStringWrapper totalEquity = new ReadOnlyStringWrapper(this, "totalEquity", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision", 0);
    private final ReadOnlyLongWrapper editCount = new ReadOnlyLongWrapper(this, "editCount", 0);

    private BigDecimal lastWallet = BigDecimal.ZERO;
    private boolean loading;

    /** The maximum number of undo steps kept. */
    public static final int UNDO_LIMIT = 200;
    private final java.util.ArrayDeque<State> undoStack = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<State> redoStack = new java.util.ArrayDeque<>();
    private final javafx.beans.property.ReadOnlyBooleanWrapper canUndo =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "canUndo", false);
    private final javafx.beans.property.ReadOnlyBooleanWrapper canRedo =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "canRedo", false);
    private State current;
    private String currentKey;
    private long discrete;

    /**
     * Everything the user typed or chose in the workspace, for undo.
     *
     * @param name      the workspace name
     * @param venueId   the venue
     * @param wallet    the typed wallet
     * @param rows      each position's inputs
     * @param selected  the id of the selected position, or null
     */
    private record State(String name, String venueId, String wallet, List<PositionViewModel.State> rows, String selected) {
    }

    /**
     * @param engine  the margin engine, not null
     * @param locale  the locale numbers are typed and shown in, not null
     */
    public AccountViewModel(MarginEngine engine, Locale locale) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.formats = new Formats(locale);
        this.decimals = new DecimalInput(locale);
        venue.addListener((o, a, b) -> {
            for (PositionViewModel p : positions) {
                p.venueProperty().set(b);
            }
            edited(null);
        });
        walletText.addListener((o, a, b) -> edited("wallet"));
        name.addListener((o, a, b) -> {
            if (!loading) {
                editCount.set(editCount.get() + 1);
                record("name");
            }
        });
        shock.addListener((o, a, b) -> recompute());
        shockSymbol.addListener((o, a, b) -> recompute());
        shockText.addListener((o, a, b) -> shockTyped(b));
        shockSlider.addListener((o, a, b) -> {
            if (!syncingShock) {
                shockText.set(formats.editable(BigDecimal.valueOf(b.doubleValue()), 1));
            }
        });
    }

    private void shockTyped(String typed) {
        BigDecimal percent;
        try {
            percent = typed == null || typed.isBlank() ? BigDecimal.ZERO : decimals.parse(typed);
        } catch (DecimalInput.InputException e) {
            shockError.set("Shock " + e.getMessage() + " (got " + typed.strip() + ")");
            return;
        }
        BigDecimal fraction = percent.movePointLeft(2);
        if (fraction.compareTo(MIN_SHOCK) < 0 || fraction.compareTo(MAX_SHOCK) > 0) {
            shockError.set("Shock must be between −90 % and +200 % (got " + typed.strip() + ")");
            return;
        }
        shockError.set(null);
        syncingShock = true;
        try {
            shockSlider.set(percent.doubleValue());
        } finally {
            syncingShock = false;
        }
        shock.set(fraction);
    }

    // ---- loading and saving -------------------------------------------------------------------

    /**
     * Replaces the whole account with a workspace's.
     *
     * @param workspace  the workspace, not null
     * @throws ValidationException ({@code venue}) if the workspace's venue is unknown
     */
    public void load(Workspace workspace) {
        VenueRules rules = Venues.byId(workspace.venueId());
        loading = true;
        try {
            name.set(workspace.name());
            venue.set(rules);
            walletText.set(formats.exact(workspace.walletBalance()));
            positions.clear();
            for (Position p : workspace.positions()) {
                positions.add(newRow(p));
            }
            shockText.set("0");
            shock.set(BigDecimal.ZERO);
            shockSymbol.set(null);
            selected.set(positions.isEmpty() ? null : positions.get(0));
        } finally {
            loading = false;
        }
        undoStack.clear();
        redoStack.clear();
        current = state();
        currentKey = null;
        updateUndo();
        recompute();
    }

    // ---- undo and redo ------------------------------------------------------------------------

    private State state() {
        List<PositionViewModel.State> rows = new ArrayList<>(positions.size());
        for (PositionViewModel p : positions) {
            rows.add(p.state());
        }
        PositionViewModel sel = selected.get();
        return new State(name.get(), venue.get().id(), walletText.get(), rows, sel == null ? null : sel.id());
    }

    /**
     * Records an edit for undo. Successive edits with the same key (typing into one field)
     * are one step; a null key always starts a step.
     */
    private void record(String key) {
        State now = state();
        if (key == null || !key.equals(currentKey) || undoStack.isEmpty()) {
            if (current != null) {
                undoStack.push(current);
                while (undoStack.size() > UNDO_LIMIT) {
                    undoStack.removeLast();
                }
            }
            currentKey = key;
        }
        current = now;
        redoStack.clear();
        updateUndo();
    }

    /** Undoes the last edit (a typed value counts once); does nothing when there is none. */
    public void undo() {
        if (undoStack.isEmpty()) {
            return;
        }
        redoStack.push(current);
        current = undoStack.pop();
        currentKey = null;
        apply(current);
    }

    /** Redoes the last undone edit; does nothing when there is none. */
    public void redo() {
        if (redoStack.isEmpty()) {
            return;
        }
        undoStack.push(current);
        current = redoStack.pop();
        currentKey = null;
        apply(current);
    }

    private void apply(State s) {
        loading = true;
        try {
            name.set(s.name());
            venue.set(Venues.byId(s.venueId()));
            walletText.set(s.wallet());
            java.util.Map<String, PositionViewModel> byId = new java.util.HashMap<>();
            for (PositionViewModel p : positions) {
                byId.put(p.id(), p);
            }
            List<PositionViewModel> rows = new ArrayList<>(s.rows().size());
            for (PositionViewModel.State r : s.rows()) {
                PositionViewModel row = byId.remove(r.id());
                if (row == null) {
                    row = new PositionViewModel(locale);
                    row.venueProperty().set(venue.get());
                    row.setListeners(this::edited, this::recompute);
                }
                row.venueProperty().set(venue.get());
                row.restore(r);
                rows.add(row);
            }
            positions.setAll(rows);
            PositionViewModel sel = rows.stream().filter(r -> r.id().equals(s.selected())).findFirst()
                    .orElse(rows.isEmpty() ? null : rows.get(0));
            selected.set(sel);
        } finally {
            loading = false;
        }
        editCount.set(editCount.get() + 1);
        updateUndo();
        recompute();
    }

    private void updateUndo() {
        canUndo.set(!undoStack.isEmpty());
        canRedo.set(!redoStack.isEmpty());
    }

    /** @return whether {@link #undo()} would change something */
    public javafx.beans.property.ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** @return whether {@link #redo()} would change something */
    public javafx.beans.property.ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /**
     * The workspace the inputs describe now, for saving.
     *
     * @return the workspace, never null
     * @throws ValidationException naming the first invalid input ({@code walletBalance} or
     *         {@code positions[i].field}) if any input is invalid: a workspace file holds only
     *         valid values
     */
    public Workspace toWorkspace() {
        BigDecimal wallet = parseWallet();
        if (wallet == null) {
            throw new ValidationException("walletBalance", walletError.get(), walletText.get());
        }
        List<Position> ps = new ArrayList<>(positions.size());
        for (int i = 0; i < positions.size(); i++) {
            PositionViewModel row = positions.get(i);
            Position p = row.validate(engine);
            if (p == null) {
                String message = firstErrorOf(row);
                throw new ValidationException(row.id(), message.isEmpty() ? "has an invalid input" : message, null)
                        .within("positions[" + i + "]");
            }
            ps.add(p);
        }
        return new Workspace(name.get(), venue.get().id(), wallet, ps);
    }

    /**
     * The workspace as far as it is valid: positions whose inputs are invalid right now take
     * their last valid inputs, an invalid wallet its last valid value; positions that never
     * were valid are left out. For autosave, which must not wait for the user to finish typing.
     *
     * @return the workspace, never null
     */
    public Workspace toWorkspaceLenient() {
        BigDecimal wallet = parseWallet();
        List<Position> ps = new ArrayList<>(positions.size());
        for (PositionViewModel row : positions) {
            Position p = row.validate(engine);
            if (p == null) {
                p = row.lastValidPosition();
            }
            if (p != null) {
                ps.add(p);
            }
        }
        return new Workspace(name.get(), venue.get().id(), wallet != null ? wallet : lastWallet, ps);
    }

    private static String firstErrorOf(PositionViewModel row) {
        for (InputField f : InputField.values()) {
            String e = row.errorProperty(f).get();
            if (e != null) {
                return e;
            }
        }
        return row.statusProperty().get();
    }

    // ---- editing commands ---------------------------------------------------------------------

    /**
     * Adds a position: a copy of the selected one's instrument with a new id, or a default
     * position on the venue's first preset symbol.
     *
     * @return the new row, selected
     */
    public PositionViewModel addPosition() {
        PositionViewModel base = selected.get();
        Position template = base != null && base.lastValidPosition() != null ? base.lastValidPosition()
                : defaultPosition();
        PositionViewModel row = newRow(template.toBuilder().id(uniqueId("position")).build());
        positions.add(row);
        selected.set(row);
        edited(null);
        return row;
    }

    /**
     * Duplicates a position under a new id, right below it.
     *
     * @param row  a row of this account, not null
     * @return the copy, selected
     */
    public PositionViewModel duplicate(PositionViewModel row) {
        Position p = row.validate(engine) != null ? row.validate(engine) : row.lastValidPosition();
        if (p == null) {
            p = defaultPosition();
        }
        PositionViewModel copy = newRow(p.toBuilder().id(uniqueId(row.id() + "-copy")).build());
        positions.add(positions.indexOf(row) + 1, copy);
        selected.set(copy);
        edited(null);
        return copy;
    }

    /**
     * Removes a position; the next one (or the previous) becomes selected.
     *
     * @param row  a row of this account, not null
     */
    public void remove(PositionViewModel row) {
        int i = positions.indexOf(row);
        if (i < 0) {
            return;
        }
        positions.remove(i);
        selected.set(positions.isEmpty() ? null : positions.get(Math.min(i, positions.size() - 1)));
        edited(null);
    }

    /**
     * Moves a position up (−1) or down (+1) in the list.
     *
     * @param row        a row of this account, not null
     * @param direction  −1 or +1
     */
    public void move(PositionViewModel row, int direction) {
        int i = positions.indexOf(row);
        int j = i + direction;
        if (i < 0 || j < 0 || j >= positions.size()) {
            return;
        }
        positions.remove(i);
        positions.add(j, row);
        selected.set(row);
        edited(null);
    }

    private Position defaultPosition() {
        VenueRules rules = venue.get();
        ContractType type = rules.contractTypes().contains(ContractType.LINEAR) ? ContractType.LINEAR
                : ContractType.INVERSE;
        String sym = rules.presetSymbols().isEmpty() ? (type == ContractType.LINEAR ? "BTCUSDT" : "BTCUSD")
                : rules.presetSymbols().get(0);
        Position.Builder b = Position.builder().id("position").symbol(sym).contract(type).side(Side.LONG)
                .quantity(type == ContractType.LINEAR ? new BigDecimal("0.1") : new BigDecimal("100"))
                .entryPrice(new BigDecimal("60000")).leverage(BigDecimal.TEN);
        if (rules.presetSymbols().isEmpty()) {
            b.maintenance(new org.marginlab.engine.Maintenance(new BigDecimal("0.005"), BigDecimal.ZERO));
        }
        return b.build();
    }

    private String uniqueId(String base) {
        Set<String> ids = new HashSet<>();
        for (PositionViewModel p : positions) {
            ids.add(p.id());
        }
        if (!ids.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            if (!ids.contains(base + "-" + n)) {
                return base + "-" + n;
            }
        }
    }

    private PositionViewModel newRow(Position p) {
        PositionViewModel row = new PositionViewModel(locale);
        row.venueProperty().set(venue.get());
        row.load(p);
        row.setListeners(this::edited, this::recompute);
        return row;
    }

    // ---- evaluation ---------------------------------------------------------------------------

    private void edited(String key) {
        if (loading) {
            return;
        }
        editCount.set(editCount.get() + 1);
        record(key == null ? "#" + (++discrete) : key);
        recompute();
    }

    private BigDecimal parseWallet() {
        String typed = walletText.get();
        try {
            BigDecimal w = decimals.parse(typed);
            if (w.signum() < 0) {
                walletError.set("Wallet balance must be ≥ 0 (got " + typed.strip() + ")");
                return null;
            }
            walletError.set(null);
            return w;
        } catch (DecimalInput.InputException e) {
            walletError.set("Wallet balance " + e.getMessage()
                    + (typed == null || typed.isBlank() ? "" : " (got " + typed.strip() + ")"));
            return null;
        }
    }

    /** Re-evaluates the account and pushes the results to every position. */
    public void recompute() {
        if (loading) {
            return;
        }
        BigDecimal wallet = parseWallet();
        if (wallet != null) {
            lastWallet = wallet;
        }
        List<Position> entered = new ArrayList<>(positions.size());
        List<Position> shocked = new ArrayList<>(positions.size());
        List<PositionViewModel> included = new ArrayList<>(positions.size());
        ContractType type = null;
        String mismatch = null;
        for (PositionViewModel row : positions) {
            Position p = row.validate(engine);
            if (p == null) {
                p = row.lastValidPosition();
            }
            if (p == null) {
                row.markStale();
                continue;
            }
            if (type == null) {
                type = p.contract();
            } else if (p.contract() != type) {
                mismatch = row.id() + " is " + p.contract().id() + " but the workspace's other positions are "
                        + type.id() + ": all positions of a workspace share one contract type (and settlement currency).";
                row.markStale();
                continue;
            }
            entered.add(p);
            shocked.add(shocked(p));
            included.add(row);
        }
        String message = walletError.get() == null ? "" : walletError.get();
        try {
            Account acc = Account.of(venue.get(), lastWallet, entered);
            Account shockAcc = Account.of(venue.get(), lastWallet, shocked);
            AccountRisk r = engine.evaluate(shockAcc);
            account.set(acc);
            shockedAccount.set(shockAcc);
            for (int i = 0; i < included.size(); i++) {
                included.get(i).publish(r.positions().get(i), r);
            }
            risk.set(r);
            publishSummary(r, type);
            for (PositionViewModel row : included) {
                whatIf(row, shockAcc);
            }
        } catch (ValidationException e) {
            message = message.isEmpty() ? e.getMessage() : message + " " + e.getMessage();
            for (PositionViewModel row : included) {
                row.markStale();
            }
        }
        if (mismatch != null) {
            message = message.isEmpty() ? mismatch : message + " " + mismatch;
        }
        if (included.size() < positions.size() && message.isEmpty()) {
            message = "Some positions have invalid inputs; the figures use their last valid values.";
        }
        problem.set(message);
        List<String> seen = new ArrayList<>();
        for (Position p : entered) {
            if (!seen.contains(p.symbol())) {
                seen.add(p.symbol());
            }
        }
        if (!seen.equals(symbols)) {
            symbols.setAll(seen);
        }
        revision.set(revision.get() + 1);
    }

    private Position shocked(Position p) {
        BigDecimal s = shock.get();
        if (s == null || s.signum() == 0 || (shockSymbol.get() != null && !shockSymbol.get().equals(p.symbol()))) {
            return p;
        }
        BigDecimal mark = p.markPrice().multiply(BigDecimal.ONE.add(s));
        return mark.signum() > 0 ? p.withMarkPrice(mark) : p;
    }

    private void whatIf(PositionViewModel row, Account acc) {
        BigDecimal delta = row.marginDelta();
        if (delta == null) {
            row.publishWhatIf(null, row.errorProperty(InputField.MARGIN_DELTA).get());
            return;
        }
        if (row.staleProperty().get()) {
            row.publishWhatIf(null, null);
            return;
        }
        String rule = row.checkMarginDelta(delta);
        if (rule != null) {
            row.publishWhatIf(null, rule);
            return;
        }
        if (row.marginModeProperty().get() != MarginMode.ISOLATED) {
            row.publishWhatIf(null, null);
            return;
        }
        if (delta.signum() == 0) {
            // No change: "after" is "before"; no second evaluation (keeps a recompute O(N)).
            AccountRisk r = risk.get();
            org.marginlab.engine.PositionRisk own = row.riskProperty().get();
            row.publishWhatIf(new WhatIf(new MarginChange(row.id(), delta), own, own, r), null);
            return;
        }
        try {
            WhatIf w = engine.whatIf(acc, new MarginChange(row.id(), delta));
            row.publishWhatIf(w, null);
        } catch (ValidationException e) {
            row.publishWhatIf(null, "Margin change " + e.rule() + " (got " + delta.toPlainString() + ")");
        }
    }

    private void publishSummary(AccountRisk r, ContractType type) {
        String ccy = type == ContractType.INVERSE && !positions.isEmpty()
                ? positions.get(0).currency() : venue.get().settlementCurrency();
        int d = type == ContractType.INVERSE ? 8 : 2;
        currency.set(ccy);
        walletShown.set(formats.amount(r.walletBalance(), ccy, d));
        marginBalance.set(formats.amount(r.marginBalance(), ccy, d));
        marginRatio.set(r.marginRatio() == null ? "n/a (no cross position)" : formats.percent(r.marginRatio()));
        marginRatioName.set(r.marginRatioDefinition() == MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES
                ? "equity ÷ (maintenance + fees), liquidation at ≤ 100 %"
                : "maintenance ÷ margin balance, liquidation at ≥ 100 %");
        availableBalance.set(formats.amount(r.availableBalance(), ccy, d));
        totalEquity.set(formats.amount(r.totalEquity(), ccy, d));
    }

    // ---- properties ---------------------------------------------------------------------------

    /** @return the venue's rules; writable (changing it re-validates every position) */
    public ObjectProperty<VenueRules> venueProperty() {
        return venue;
    }

    /** @return the workspace's name; writable */
    public StringProperty nameProperty() {
        return name;
    }

    /** @return the typed cross wallet balance; writable */
    public StringProperty walletTextProperty() {
        return walletText;
    }

    /** @return the wallet's error message naming the rule, or null */
    public ReadOnlyStringProperty walletErrorProperty() {
        return walletError.getReadOnlyProperty();
    }

    /** @return the positions in order; add and remove through the commands */
    public ObservableList<PositionViewModel> positions() {
        return positions;
    }

    /** @return the position shown in the editor; writable */
    public ObjectProperty<PositionViewModel> selectedProperty() {
        return selected;
    }

    /** @return the shock applied to the marks, a fraction in [−0.9, 2]; writable */
    public ObjectProperty<BigDecimal> shockProperty() {
        return shock;
    }

    /** @return the symbol the shock moves, or null for every symbol; writable */
    public ObjectProperty<String> shockSymbolProperty() {
        return shockSymbol;
    }

    /** @return the typed shock in percent (−90 … 200); writable */
    public StringProperty shockTextProperty() {
        return shockText;
    }

    /** @return the shock slider's value in percent, kept in step with the shock field */
    public javafx.beans.property.DoubleProperty shockSliderProperty() {
        return shockSlider;
    }

    /** @return the shock field's error naming the rule, or null */
    public ReadOnlyStringProperty shockErrorProperty() {
        return shockError.getReadOnlyProperty();
    }

    /** @return the distinct symbols of the positions, in order (for the shock's symbol picker) */
    public ObservableList<String> symbols() {
        return symbols;
    }

    /** @return the last evaluation (at the shocked marks), or null before any */
    public ReadOnlyObjectProperty<AccountRisk> riskProperty() {
        return risk.getReadOnlyProperty();
    }

    /** @return the account as entered (no shock), from the last evaluation */
    public ReadOnlyObjectProperty<Account> accountProperty() {
        return account.getReadOnlyProperty();
    }

    /** @return the account at the shocked marks, from the last evaluation */
    public ReadOnlyObjectProperty<Account> shockedAccountProperty() {
        return shockedAccount.getReadOnlyProperty();
    }

    /** @return the settlement currency of the account's amounts */
    public ReadOnlyStringProperty currencyProperty() {
        return currency.getReadOnlyProperty();
    }

    /** @return the cross wallet, formatted with unit */
    public ReadOnlyStringProperty walletShownProperty() {
        return walletShown.getReadOnlyProperty();
    }

    /** @return the cross account's margin balance, formatted */
    public ReadOnlyStringProperty marginBalanceProperty() {
        return marginBalance.getReadOnlyProperty();
    }

    /** @return the cross account's margin ratio, formatted */
    public ReadOnlyStringProperty marginRatioProperty() {
        return marginRatio.getReadOnlyProperty();
    }

    /** @return the venue's margin-ratio definition in words */
    public ReadOnlyStringProperty marginRatioNameProperty() {
        return marginRatioName.getReadOnlyProperty();
    }

    /** @return the available balance, formatted */
    public ReadOnlyStringProperty availableBalanceProperty() {
        return availableBalance.getReadOnlyProperty();
    }

    /** @return the total equity, formatted */
    public ReadOnlyStringProperty totalEquityProperty() {
        return totalEquity.getReadOnlyProperty();
    }

    /** @return an account-level message (invalid wallet, mixed contracts), or empty */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** @return a counter that increases after every evaluation (for dependent views) */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** @return a counter that increases with every user edit (for the dirty marker) */
    public ReadOnlyLongProperty editCountProperty() {
        return editCount.getReadOnlyProperty();
    }

    /** @return the engine */
    public MarginEngine engine() {
        return engine;
    }

    /** @return the display locale */
    public Locale locale() {
        return locale;
    }
}
