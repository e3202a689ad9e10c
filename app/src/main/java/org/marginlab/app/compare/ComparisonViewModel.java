package org.marginlab.app.compare;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.ui.LatestOnly;
import org.marginlab.engine.Account;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.whatif.LiquidationCascade;
import org.marginlab.engine.whatif.MarginComparison;
import org.marginlab.engine.whatif.MarginComparison.CrossWallet;
import org.marginlab.engine.whatif.MarginComparison.IsolatedSplit;

/**
 * View-model of the "isolated vs cross" comparison: the account's positions evaluated twice,
 * every position isolated and every position cross ({@link MarginComparison}), at the account's
 * current price shock, with the liquidations the shock has reached on each side
 * ({@link LiquidationCascade}), a sentence per position that says what changes, and the
 * equity-versus-shock chart ({@link EquityChartViewModel}). A plain class without
 * {@code javafx.scene} types. It holds the options and the published properties and runs the
 * recomputation; the package's helpers do the parts: {@code ComparisonUpdater} (what is
 * computed where), {@code ComparisonWalks} (the walks and their inputs),
 * {@code ComparisonFigures} (every figure at one shock), {@code ComparisonTable} (the rows'
 * figures), {@code ReachedLiquidations} (the ordered lists), {@code ComparisonSentences} and
 * {@code ComparisonProse} (the words), {@code EquityChartBuilder} (the chart's range and curves).
 *
 * <p><b>What is recomputed when.</b> The comparison listens to the account's
 * {@link AccountViewModel#revisionProperty() revision} (every evaluation: an edit or a shock
 * move) and to its own options. The two walks of each side (down to −90 %, up to +200 %) depend
 * only on the positions as entered, the shock's symbol and the options; they are redone only
 * when one of those changes (compared in O(N)), so dragging the shock reuses them and costs two
 * engine evaluations (O(N)) plus formatting ({@code ComparisonFigures}). The sentences and the
 * chart's curves come from the walks and are rebuilt with them; the chart's range grows only
 * when the shock leaves it.
 *
 * <p><b>Threading.</b> Everything the comparison computes runs on the {@code worker} executor
 * ({@code ComparisonUpdater}, {@link LatestOnly}): the walks and the sentences when their inputs
 * changed ({@code ComparisonWalks.build}, a pure function of immutable inputs, tens of
 * milliseconds on hundreds of positions), then the figures at the shock
 * ({@code ComparisonFigures.at}: two evaluations and the formatting). Only the newest request is
 * computed, and its figures are taken on the {@code fx} executor only if no newer request came
 * in; taking them only sets the properties whose values changed. From the moment a new request
 * is seen until its figures land, {@link #updatingProperty()} is true and the figures published
 * are those of the last request, not of the account as it now is: a view shows them as out of
 * date once that lasts. With direct executors (the one-argument constructor) all of this happens
 * before the edit returns, as in the tests.
 *
 * <p><b>What is published how.</b> A shock move keeps the {@link #rows()} items and updates
 * their figures in place ({@link ComparisonRow} properties fire only for values that changed), so
 * a view re-draws only the figures that moved; a row is replaced only when its position, label or
 * sentence changes (an edit or an option). The reached liquidations change only at their end
 * (added or removed there), and text properties are set to equal values without events.
 *
 * <p><b>Figures</b> (amounts in the settlement currency, at the current shock):
 * <ul>
 *   <li>liquidation price and distance: the engine's, for the positions still open on that side
 *       (cross: after the cascade reached so far, so a realized loss shows in the others'
 *       prices);</li>
 *   <li>margin ratio: isolated, the position's own; cross, the account's;</li>
 *   <li>maximum loss: isolated, its margin; cross, the whole cross equity (margin balance);</li>
 *   <li>capital tied up: isolated, its margin; cross, its initial margin at the mark
 *       ({@code notional / leverage}), its share of the wallet the venue reserves;</li>
 *   <li>a pair differs when the two values are more than {@value #DIFFERENCE_PERCENT} % apart
 *       (relative to the larger) or only one side has a value.</li>
 * </ul>
 *
 * <p>Not thread-safe: use it, and let the {@code fx} executor run, on the JavaFX application
 * thread (or one test thread); only the computation runs on the {@code worker}.
 */
public final class ComparisonViewModel {
    /** Relative difference, in percent, above which a pair is highlighted. */
    public static final double DIFFERENCE_PERCENT = 0.5;
    private static final BigDecimal DIFFERENCE = new BigDecimal("0.005");

    /**
     * A liquidation-fee choice for the options.
     *
     * @param share  {@code f}: the share of a closed position's maintenance margin the venue keeps
     * @param label  what the option list shows
     */
    public record FeeChoice(BigDecimal share, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** The liquidation fees offered, the default (the venue keeps the maintenance margin) first. */
    public static final List<FeeChoice> FEE_CHOICES = List.of(
            new FeeChoice(BigDecimal.ONE, ComparisonProse.FEE_WHOLE_MAINTENANCE_MARGIN),
            new FeeChoice(new BigDecimal("0.5"), ComparisonProse.FEE_HALF_MAINTENANCE_MARGIN),
            new FeeChoice(BigDecimal.ZERO, ComparisonProse.FEE_NONE));

    private final AccountViewModel account;
    /** The formats of what is written on the JavaFX thread (the chart's hover), in the currency of the figures shown. */
    private final CompareText text;
    private final ComparisonProse prose;
    private final EquityChartViewModel chart;
    private final ComparisonTable table = new ComparisonTable();
    private final ReachedLiquidations reached = new ReachedLiquidations();

    private final ObjectProperty<IsolatedSplit> split = new SimpleObjectProperty<>(this, "split", IsolatedSplit.AS_ENTERED);
    private final ObjectProperty<CrossWallet> crossWallet = new SimpleObjectProperty<>(this, "crossWallet",
            CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS);
    private final ObjectProperty<FeeChoice> fee = new SimpleObjectProperty<>(this, "fee", FEE_CHOICES.get(0));

    private final ReadOnlyStringWrapper shockDescription = new ReadOnlyStringWrapper(this, "shockDescription", "");
    private final ReadOnlyStringWrapper isolatedCapital = new ReadOnlyStringWrapper(this, "isolatedCapital", "");
    private final ReadOnlyStringWrapper isolatedEquity = new ReadOnlyStringWrapper(this, "isolatedEquity", "");
    private final ReadOnlyStringWrapper isolatedOutcome = new ReadOnlyStringWrapper(this, "isolatedOutcome", "");
    private final ReadOnlyStringWrapper isolatedAllGoneAt = new ReadOnlyStringWrapper(this, "isolatedAllGoneAt", "");
    private final ReadOnlyStringWrapper crossCapital = new ReadOnlyStringWrapper(this, "crossCapital", "");
    private final ReadOnlyStringWrapper crossEquity = new ReadOnlyStringWrapper(this, "crossEquity", "");
    private final ReadOnlyStringWrapper crossMarginRatio = new ReadOnlyStringWrapper(this, "crossMarginRatio", "");
    private final ReadOnlyStringWrapper crossOutcome = new ReadOnlyStringWrapper(this, "crossOutcome", "");
    private final ReadOnlyStringWrapper crossAccountGoesAt = new ReadOnlyStringWrapper(this, "crossAccountGoesAt", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper currency = new ReadOnlyStringWrapper(this, "currency", "USDT");

    private final ComparisonUpdater updater;

    private final javafx.beans.property.BooleanProperty active =
            new javafx.beans.property.SimpleBooleanProperty(this, "active", true);
    private boolean stale;

    /**
     * @return whether the comparison is on screen; while false, evaluations are only noted and
     *         the comparison catches up when it becomes true (work on a hidden tab is wasted)
     */
    public javafx.beans.property.BooleanProperty activeProperty() {
        return active;
    }

    /**
     * A comparison that walks on the calling thread: every figure is current when an edit returns.
     *
     * @param account  the account whose positions to compare, not null; the comparison follows its
     *                 evaluations and its shock from now on
     */
    public ComparisonViewModel(AccountViewModel account) {
        this(account, Runnable::run, Runnable::run);
    }

    /**
     * @param account  the account whose positions to compare, not null; the comparison follows its
     *                 evaluations and its shock from now on
     * @param worker   runs the walks, not null: a background thread in the app
     *                 ({@link LatestOnly#daemonThread}), {@code Runnable::run} to walk at once
     * @param fx       runs their landing on the thread this view-model lives on, not null:
     *                 {@code Platform::runLater} in the app, {@code Runnable::run} in tests
     */
    public ComparisonViewModel(AccountViewModel account, Executor worker, Executor fx) {
        this.account = Objects.requireNonNull(account, "account");
        this.updater = new ComparisonUpdater(this, worker, fx, this::landed, this::failed);
        this.text = new CompareText(account.locale());
        this.prose = new ComparisonProse(text);
        this.chart = new EquityChartViewModel(text);
        // a new number format: the texts written here follow at once (the walks' inputs name it too,
        // so the next figures are written in it)
        account.localeProperty().addListener((o, a, b) -> text.setLocale(b));
        account.evaluationProperty().addListener((o, a, b) -> refresh());
        active.addListener((o, a, b) -> {
            if (b && stale) {
                refresh();
            }
        });
        split.addListener((o, a, b) -> refresh());
        crossWallet.addListener((o, a, b) -> refresh());
        fee.addListener((o, a, b) -> refresh());
        refresh();
    }

    // ---- recomputation ----------------------------------------------------------------------

    /**
     * Asks for the figures of the account's last evaluation: computed on the worker (walking
     * again only if the walks' inputs changed), shown when they land (see the class doc).
     */
    private void refresh() {
        if (!active.get()) {
            stale = true;
            return;
        }
        stale = false;
        org.marginlab.app.model.Evaluation evaluation = account.evaluationProperty().get();
        Account entered = evaluation.entered();
        if (entered == null || evaluation.risk() == null) {
            return;
        }
        FeeChoice feeChoice = fee.get() == null ? FEE_CHOICES.get(0) : fee.get();
        ComparisonWalks.Inputs next = new ComparisonWalks.Inputs(entered.venue().id(), entered.walletBalance(),
                entered.positions(), evaluation.scope(), split.get() == null ? IsolatedSplit.AS_ENTERED : split.get(),
                crossWallet.get() == null ? CrossWallet.WORKSPACE_WALLET_PLUS_MARGINS : crossWallet.get(), feeChoice.share(),
                account.locale());
        updater.request(entered, next, evaluation.shock(), account.locale());
    }

    /** On the fx thread: the figures of the latest request have landed; only what changed fires. */
    private void landed(ComparisonFigures f) {
        text.currencyOf(f.walks().variants().entered());
        currency.set(text.currency());
        table.show(f.rows());
        reached.update(f.isolatedReached(), f.crossReached());
        shockDescription.set(f.shockDescription());
        isolatedCapital.set(f.isolatedCapital());
        isolatedEquity.set(f.isolatedEquity());
        isolatedOutcome.set(f.isolatedOutcome());
        isolatedAllGoneAt.set(f.isolatedAllGoneAt());
        crossCapital.set(f.crossCapital());
        crossEquity.set(f.crossEquity());
        crossMarginRatio.set(f.crossMarginRatio());
        crossOutcome.set(f.crossOutcome());
        crossAccountGoesAt.set(f.crossAccountGoesAt());
        chart.update(f.walks().isolated(), f.walks().cross(), f.chart());
        chart.shock(f.shock().doubleValue() * 100, f.chartShock());
        problem.set("");
    }

    /** On the fx thread: the latest request could not be computed; the figures held before stay, with the problem. */
    private void failed(RuntimeException e) {
        if (!(e instanceof ValidationException)) {
            throw e;
        }
        problem.set(prose.problem(e.getMessage()));
    }

    // ---- helpers ----------------------------------------------------------------------------

    /**
     * Whether two values differ meaningfully: only one is present, or they are more than
     * {@value #DIFFERENCE_PERCENT} % apart relative to the larger magnitude.
     *
     * @param a  a value, or null
     * @param b  a value, or null
     * @return whether to highlight the pair
     */
    static boolean differ(BigDecimal a, BigDecimal b) {
        if (a == null || b == null) {
            return a != b;
        }
        BigDecimal scale = a.abs().max(b.abs());
        return scale.signum() != 0 && a.subtract(b).abs().compareTo(scale.multiply(DIFFERENCE)) > 0;
    }

    /**
     * @param split  a split, not null
     * @return how the option list names it
     */
    public static String label(IsolatedSplit split) {
        return ComparisonProse.label(split);
    }

    /**
     * @param wallet  a wallet choice, not null
     * @return how the option list names it
     */
    public static String label(CrossWallet wallet) {
        return ComparisonProse.label(wallet);
    }

    // ---- properties -------------------------------------------------------------------------

    /** @return how the isolated side's margin is split; writable */
    public ObjectProperty<IsolatedSplit> splitProperty() {
        return split;
    }

    /** @return which wallet the cross side has; writable */
    public ObjectProperty<CrossWallet> crossWalletProperty() {
        return crossWallet;
    }

    /** @return the liquidation fee of the cascade model (one of {@link #FEE_CHOICES}); writable */
    public ObjectProperty<FeeChoice> feeProperty() {
        return fee;
    }

    /**
     * @return one row per position, in the account's order, at the current shock; a shock move
     *         updates the rows' figures in place (the same items), an edit or an option may put
     *         new rows in
     */
    public ObservableList<ComparisonRow> rows() {
        return table.rows();
    }

    /** @return the isolated liquidations reached at the current shock, in order */
    public ObservableList<CascadeItem> isolatedEvents() {
        return reached.isolated();
    }

    /** @return the cross cascade reached at the current shock, in order */
    public ObservableList<CascadeItem> crossEvents() {
        return reached.cross();
    }

    /** @return the current shock in words */
    public ReadOnlyStringProperty shockDescriptionProperty() {
        return shockDescription.getReadOnlyProperty();
    }

    /** @return the isolated side's total margin at risk */
    public ReadOnlyStringProperty isolatedCapitalProperty() {
        return isolatedCapital.getReadOnlyProperty();
    }

    /** @return the isolated side's total equity at the current shock */
    public ReadOnlyStringProperty isolatedEquityProperty() {
        return isolatedEquity.getReadOnlyProperty();
    }

    /** @return the isolated positions liquidated at the current shock, in order, or the next one */
    public ReadOnlyStringProperty isolatedOutcomeProperty() {
        return isolatedOutcome.getReadOnlyProperty();
    }

    /** @return the shocks at which every isolated position is gone, in words */
    public ReadOnlyStringProperty isolatedAllGoneAtProperty() {
        return isolatedAllGoneAt.getReadOnlyProperty();
    }

    /** @return the cross side's wallet */
    public ReadOnlyStringProperty crossCapitalProperty() {
        return crossCapital.getReadOnlyProperty();
    }

    /** @return the cross side's total equity at the current shock */
    public ReadOnlyStringProperty crossEquityProperty() {
        return crossEquity.getReadOnlyProperty();
    }

    /** @return the cross account's margin ratio at the current shock */
    public ReadOnlyStringProperty crossMarginRatioProperty() {
        return crossMarginRatio.getReadOnlyProperty();
    }

    /** @return the cascade reached at the current shock in words, or the next liquidation */
    public ReadOnlyStringProperty crossOutcomeProperty() {
        return crossOutcome.getReadOnlyProperty();
    }

    /** @return the shocks at which the whole cross account goes, in words */
    public ReadOnlyStringProperty crossAccountGoesAtProperty() {
        return crossAccountGoesAt.getReadOnlyProperty();
    }

    /** @return the settlement currency of the amounts (the table's amounts are shown without it) */
    public ReadOnlyStringProperty currencyProperty() {
        return currency.getReadOnlyProperty();
    }

    /** @return why the comparison cannot be computed, or empty */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** @return the equity chart's view-model; never null */
    public EquityChartViewModel chart() {
        return chart;
    }

    /** @return how many walks were built: for tests that check a shock move reuses them */
    int walkCount() {
        return updater.walkCount();
    }

    /**
     * @return whether walks for newer inputs (an edit, an option) are being computed: the figures
     *         published are then those of the account before, and a view shows them as out of
     *         date; false again once the newest walks are shown (or could not be computed)
     */
    public ReadOnlyBooleanProperty updatingProperty() {
        return updater.updatingProperty();
    }

    /** @return the account compared; never null */
    public AccountViewModel account() {
        return account;
    }
}
