package org.marginlab.app.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.chart.PositionChartData.Axis;
import org.marginlab.app.chart.PositionChartData.Marker;
import org.marginlab.app.chart.PositionChartData.MarkerKind;
import org.marginlab.app.chart.PositionChartData.TierLine;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.ui.Formats;
import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.DisplayPrices;
import org.marginlab.engine.tier.TickSizes;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.MarkSweep;
import org.marginlab.engine.venue.VenueRules;

/**
 * View-model of the per-position charts: the selected position's unrealized PnL and margin ratio
 * against its mark price, with markers at the entry, mark, liquidation and bankruptcy prices and
 * faint lines where its maintenance tier changes. A plain class without {@code javafx.scene}
 * types.
 *
 * <p><b>What is drawn.</b> The account as last evaluated (at the shocked marks, as the table
 * shows it); the selected position's mark moves over a range that shows every marker with room:
 * from 0.8 × the lowest to 1.2 × the highest of entry, mark, liquidation and bankruptcy price
 * (widened to whole ticks, always &gt; 0), in {@value #SAMPLES} even steps plus the marker prices
 * and the tier boundaries exactly, so the kinks show. The other positions stay at their marks;
 * for a cross position the ratio is the account's (see {@link PositionSweep} for why this is
 * O(N + points)).
 *
 * <p><b>When.</b> It follows the selected position and the account's revision (every evaluation:
 * each keystroke, slider step or shock), and recomputes only when the inputs of the picture
 * changed: the position as evaluated, its engine result, the cross account's totals, its moving
 * hedge legs, its staleness. Editing another isolated position, or the what-if, leaves the
 * snapshot as it is. While {@link #activeProperty()} is false (the tab is hidden) it only notes
 * that it is out of date and catches up when shown.
 *
 * <p>Numbers in labels are rounded half-up with {@link Formats} in the account's locale.
 *
 * <p>Not thread-safe: use it on the JavaFX application thread (or one test thread).
 */
public final class PositionChartViewModel {
    /** Even steps across the price range (the marker prices and tier boundaries are added). */
    static final int SAMPLES = 200;
    private static final double WIDEN = 0.2;
    private static final double MIN_RATIO_AXIS = 1.5;
    private static final double MAX_RATIO_AXIS = 20;

    private final AccountViewModel account;
    private Formats formats;
    private DecimalFormatSymbols symbols;
    private final ReadOnlyObjectWrapper<PositionChartData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyObjectWrapper<Hover> hover = new ReadOnlyObjectWrapper<>(this, "hover");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);

    private Object lastKey;
    private boolean outOfDate;
    private PositionSweep sweep;
    private String currency = "";
    private String quote = "";
    private int amountDecimals = 2;
    private double hoverPrice = Double.NaN;
    private DecimalFormat priceTicks;
    private DecimalFormat pnlTicks;
    private DecimalFormat ratioTicks;
    private long refreshes;

    /**
     * @param account  the account whose selected position is charted, not null
     */
    public PositionChartViewModel(AccountViewModel account) {
        this.account = Objects.requireNonNull(account, "account");
        this.formats = new Formats(account.locale());
        this.symbols = DecimalFormatSymbols.getInstance(account.locale());
        this.priceTicks = tickFormat(1);
        this.pnlTicks = tickFormat(1);
        this.ratioTicks = tickFormat(100);
        account.localeProperty().addListener((o, a, b) -> {
            // a new number format: every text and tick label is written again in it
            formats = new Formats(b);
            symbols = DecimalFormatSymbols.getInstance(b);
            priceTicks = tickFormat(1);
            pnlTicks = tickFormat(1);
            ratioTicks = tickFormat(100);
            lastKey = null;
            refresh();
        });
        account.evaluationProperty().addListener((o, a, b) -> refresh());
        account.selectedProperty().addListener((o, a, b) -> refresh());
        active.addListener((o, a, b) -> {
            if (b && outOfDate) {
                refresh();
            }
        });
        refresh();
    }

    // ---- refresh ------------------------------------------------------------------------------

    /** Everything the picture depends on; equal keys mean an equal picture. */
    private record Key(VenueRules venue, Position position, PositionRisk risk, BigDecimal accountBalance,
            BigDecimal accountRequirement, List<Position> hedge, boolean stale, boolean shocked) {
    }

    /** Brings the snapshot up to date with the selection and the last evaluation (see the class doc). */
    void refresh() {
        if (!active.get()) {
            outOfDate = true;
            return;
        }
        outOfDate = false;
        PositionViewModel row = account.selectedProperty().get();
        org.marginlab.app.model.Evaluation evaluation = account.evaluationProperty().get();
        Account acc = evaluation.shocked();
        AccountRisk result = evaluation.risk();
        if (row == null) {
            showEmpty("", "No position selected. Select one in the Positions tab.");
            return;
        }
        int i = acc == null || result == null ? -1 : indexOf(acc, row.id());
        if (i < 0 || result.positions().size() != acc.positions().size()) {
            showEmpty(row.summaryProperty().get(),
                    "This position has no valid inputs yet: fix the fields marked in the Positions tab.");
            return;
        }
        Position p = acc.positions().get(i);
        PositionRisk r = result.positions().get(i);
        boolean cross = p.marginMode() == MarginMode.CROSS;
        List<Position> hedge = PositionSweep.hedgeLegs(acc, i);
        Account entered = evaluation.entered();
        boolean shocked = entered != null && i < entered.positions().size()
                && entered.positions().get(i).markPrice().compareTo(p.markPrice()) != 0;
        Key key = new Key(acc.venue(), p, r, cross ? result.marginBalance() : null,
                cross ? result.maintenanceMargin() : null, hedge, row.staleProperty().get(), shocked);
        if (key.equals(lastKey)) {
            return;
        }
        PositionSweep s;
        try {
            // the last picture's sweeps serve the legs that are the same instance on the same venue
            java.util.Map<Position, org.marginlab.engine.venue.MarkSweep> before =
                    acc.venue() == sweepsVenue ? sweeps : java.util.Map.of();
            java.util.Map<Position, org.marginlab.engine.venue.MarkSweep> made = new java.util.IdentityHashMap<>();
            s = PositionSweep.of(acc, result, i, hedge, evaluation.valuations(), q -> {
                org.marginlab.engine.venue.MarkSweep m = before.get(q);
                made.put(q, m != null ? m : org.marginlab.engine.venue.MarkSweep.of(acc.venue(), q));
                return made.get(q);
            });
            sweeps = made;
            sweepsVenue = acc.venue();
        } catch (ValidationException e) {
            showEmpty(row.summaryProperty().get(), e.getMessage());
            return;
        }
        lastKey = key;
        sweep = s;
        refreshes++;
        data.set(build(s, acc.venue(), key.stale(), shocked));
        if (!Double.isNaN(hoverPrice)) {
            hover.set(compute(hoverPrice));
        }
    }

    /** The sweeps the last picture made, by position instance (MarkSweep is immutable), and their venue. */
    private java.util.Map<Position, org.marginlab.engine.venue.MarkSweep> sweeps = new java.util.IdentityHashMap<>();
    private VenueRules sweepsVenue;

    private void showEmpty(String title, String message) {
        String key = title + "\n" + message;
        if (key.equals(lastKey)) {
            return;
        }
        lastKey = key;
        sweep = null;
        refreshes++;
        data.set(PositionChartData.empty(title == null ? "" : title, message));
        hover.set(null);
    }

    private static int indexOf(Account acc, String id) {
        List<Position> ps = acc.positions();
        for (int i = 0; i < ps.size(); i++) {
            if (ps.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private PositionChartData build(PositionSweep s, VenueRules venue, boolean stale, boolean shocked) {
        Position p = s.position();
        PositionRisk r = s.risk();
        boolean inverse = p.contract() == ContractType.INVERSE;
        currency = venue.settlementCurrency(p);
        quote = inverse ? "USD" : currency;
        amountDecimals = inverse ? 8 : 2;

        // Markers and the price range that shows them all.
        List<Marker> markers = new ArrayList<>(4);
        addMarker(markers, MarkerKind.ENTRY, p.entryPrice(), null);
        addMarker(markers, MarkerKind.MARK, p.markPrice(), shocked ? "Mark (shocked)" : null);
        // labelled as every other view shows them: on the instrument's tick toward the entry (§11)
        BigDecimal tick = TickSizes.of(venue.id(), p).orElse(null);
        addMarker(markers, MarkerKind.LIQUIDATION, r.liquidationPrice(), null, tick, p.side());
        addMarker(markers, MarkerKind.BANKRUPTCY, r.bankruptcyPrice(), null, tick, p.side());
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        for (Marker m : markers) {
            lowest = Math.min(lowest, m.x());
            highest = Math.max(highest, m.x());
        }
        double lo = lowest * (1 - WIDEN);
        double hi = highest * (1 + WIDEN);
        double xTick = niceStep(hi - lo, 8);
        double axisLo = Math.max(0, Math.floor(lo / xTick) * xTick);
        double axisHi = Math.ceil(hi / xTick) * xTick;
        double from = axisLo > 0 ? axisLo : lo;

        // Tier boundaries within the range.
        List<TierLine> tierLines = new ArrayList<>();
        for (MarkSweep.TierBoundary b : s.tierBoundaries()) {
            double x = b.price().doubleValue();
            if (x >= from && x <= axisHi) {
                String floor = formats.amount(b.floor(), currency, amountDecimals);
                tierLines.add(new TierLine(b.tier() + 1, b.price(), x, "tier " + (b.tier() + 1),
                        "Tier " + (b.tier() + 1) + " from a notional of " + floor + " at "
                                + formats.price(b.price(), RoundingMode.HALF_UP) + " " + quote));
            }
        }

        // The grid: even steps, plus every marker and boundary exactly.
        double[] xs = new double[SAMPLES + 1 + markers.size() + tierLines.size()];
        int n = 0;
        for (int k = 0; k <= SAMPLES; k++) {
            xs[n++] = k == SAMPLES ? axisHi : from + (axisHi - from) * k / SAMPLES;
        }
        for (Marker m : markers) {
            xs[n++] = m.x();
        }
        for (TierLine t : tierLines) {
            xs[n++] = t.x();
        }
        Arrays.sort(xs, 0, n);
        int size = 0;
        for (int k = 0; k < n; k++) {
            if (size == 0 || xs[k] != xs[size - 1]) {
                xs[size++] = xs[k];
            }
        }
        double[] prices = Arrays.copyOf(xs, size);
        double[] pnl = new double[size];
        double[] ratio = new double[size];
        double pnlMin = 0;
        double pnlMax = 0;
        for (int k = 0; k < size; k++) {
            pnl[k] = s.pnl(prices[k]);
            ratio[k] = s.marginRatio(prices[k]);
            pnlMin = Math.min(pnlMin, pnl[k]);
            pnlMax = Math.max(pnlMax, pnl[k]);
        }

        // Ratio axis: 0 to at least 150 %, enough to show the ratio at the entry and the mark.
        double shown = MIN_RATIO_AXIS;
        for (double at : new double[] {p.markPrice().doubleValue(), p.entryPrice().doubleValue()}) {
            double v = s.marginRatio(at);
            if (Double.isFinite(v)) {
                shown = Math.max(shown, Math.min(MAX_RATIO_AXIS, v * (1 + WIDEN)));
            }
        }
        double ratioTick = niceStep(shown, 5);
        double ratioTop = Math.ceil(shown / ratioTick) * ratioTick;
        for (int k = 0; k < size; k++) {
            double v = ratio[k];
            ratio[k] = Double.isNaN(v) ? PositionChartData.RATIO_CLAMP * ratioTop
                    : Math.max(-ratioTop, Math.min(PositionChartData.RATIO_CLAMP * ratioTop, v));
        }

        double pad = Math.max(pnlMax - pnlMin, Math.ulp(1.0)) * 0.05;
        double pnlTick = niceStep(pnlMax - pnlMin + 2 * pad, 5);
        double pnlLo = Math.floor((pnlMin - pad) / pnlTick) * pnlTick;
        double pnlHi = Math.ceil((pnlMax + pad) / pnlTick) * pnlTick;

        priceTicks = tickFormat(xTick);
        pnlTicks = tickFormat(pnlTick);
        ratioTicks = tickFormat(ratioTick * 100);

        // The liquidated side of the liquidation price: where the ratio is past the threshold.
        PositionChartData.Zone zone = null;
        Marker liquidation = markers.stream().filter(m -> m.kind() == MarkerKind.LIQUIDATION).findFirst().orElse(null);
        if (liquidation != null) {
            boolean fallingRatio = s.definition() == MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES;
            double below = s.marginRatio(liquidation.x() * (1 - 1e-6));
            boolean liquidatedBelow = Double.isNaN(below) || (fallingRatio ? below < 1 : below > 1);
            zone = liquidatedBelow ? new PositionChartData.Zone(axisLo, liquidation.x())
                    : new PositionChartData.Zone(liquidation.x(), axisHi);
        }

        boolean cross = s.cross();
        boolean falling = s.definition() == MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES;
        String caption = (cross ? "Account margin ratio (cross): " : "Margin ratio: ")
                + (falling ? "equity ÷ (maintenance margin + fees); it falls as the risk grows and liquidation is at ≤ 100 %."
                        : "maintenance margin ÷ margin balance; it rises as the risk grows and liquidation is at ≥ 100 %.")
                + (cross ? " The other positions stay at their marks." : "")
                + (zone == null ? "" : " Shaded: liquidated.")
                + (tierLines.isEmpty() ? "" : " Dotted lines: maintenance tier changes.");
        String message = stale ? "Some inputs are invalid: the charts show the last valid position."
                : shocked ? "A price shock is set: the charts show the shocked marks." : "";
        String title = p.side().id() + " " + formats.editable(p.quantity(), 12) + " " + p.symbol() + " @ "
                + formats.editable(p.entryPrice(), 12) + " · " + p.marginMode().id() + " · " + venue.displayName();

        return new PositionChartData(title, message, caption, prices, pnl, ratio, markers, tierLines,
                new Axis(axisLo, axisHi, xTick, "Mark price (" + quote + ")"),
                new Axis(pnlLo, pnlHi, pnlTick, "Unrealized PnL (" + currency + ")"),
                new Axis(0, ratioTop, ratioTick, cross ? "Account margin ratio" : "Margin ratio"),
                falling ? "liquidation at ≤ 100 %" : "liquidation at ≥ 100 %", zone);
    }

    private void addMarker(List<Marker> markers, MarkerKind kind, BigDecimal price, String title) {
        addMarker(markers, kind, price, title, null, null);
    }

    private void addMarker(List<Marker> markers, MarkerKind kind, BigDecimal price, String title, BigDecimal tick,
            org.marginlab.engine.Side side) {
        if (price != null && price.signum() > 0) {
            BigDecimal label = side == null ? price : DisplayPrices.shown(price, tick, side);
            markers.add(new Marker(kind, price, price.doubleValue(),
                    (title == null ? kind.title() : title) + " " + formats.price(label, RoundingMode.HALF_UP)));
        }
    }

    /**
     * A "nice" tick spacing: 1, 2, 2.5 or 5 × a power of ten, about {@code span/targetTicks}.
     *
     * @param span         the axis span, &gt; 0
     * @param targetTicks  roughly how many ticks
     * @return the spacing, &gt; 0
     */
    static double niceStep(double span, int targetTicks) {
        double raw = span / targetTicks;
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / magnitude;
        double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private DecimalFormat tickFormat(double tick) {
        int decimals = 0;
        double t = Math.abs(tick);
        while (decimals < 10 && Math.abs(t - Math.rint(t)) > 1e-9 * Math.max(1, t)) {
            t *= 10;
            decimals++;
        }
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }

    // ---- hover --------------------------------------------------------------------------------

    /**
     * The values at the cursor, exact at that price (not read off the drawn lines): the price,
     * the position's PnL with its currency and the margin ratio in percent, rounded half-up. Also
     * published as {@link #hoverProperty()} and kept up to date while the inputs change.
     *
     * @param price  the mark price under the cursor, quote per base
     * @return the values, or null when there is nothing to chart or the price is not &gt; 0
     */
    public Hover hover(double price) {
        hoverPrice = price;
        Hover h = compute(price);
        hover.set(h);
        return h;
    }

    /** Clears the hover (the cursor left the charts). */
    public void clearHover() {
        hoverPrice = Double.NaN;
        hover.set(null);
    }

    private Hover compute(double price) {
        PositionSweep s = sweep;
        if (s == null || !(price > 0) || !Double.isFinite(price)) {
            return null;
        }
        double pnl = s.pnl(price);
        double ratio = s.marginRatio(price);
        String priceText = formats.price(BigDecimal.valueOf(price), RoundingMode.HALF_UP) + " " + quote;
        String pnlText = formats.amount(BigDecimal.valueOf(pnl), currency, amountDecimals);
        String ratioText;
        if (Double.isNaN(ratio)) {
            ratioText = s.definition() == MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES
                    ? "n/a (no maintenance requirement)" : "n/a (margin balance ≤ 0)";
        } else {
            ratioText = formats.percent(BigDecimal.valueOf(ratio)) + (s.cross() ? " (account)" : "");
        }
        return new Hover(price, pnl, ratio, priceText, pnlText, ratioText,
                "Mark " + priceText + "   ·   PnL " + pnlText + "   ·   Margin ratio " + ratioText);
    }

    /**
     * The values at the cursor.
     *
     * @param price        the price, quote per base
     * @param pnl          the PnL there, settlement currency
     * @param marginRatio  the margin ratio there as a fraction, NaN where undefined
     * @param priceText    e.g. {@code 58,000.00 USDT}
     * @param pnlText      e.g. {@code −1,000.00 USDT}
     * @param ratioText    e.g. {@code 23.20 %}, or {@code n/a (…)}
     * @param text         one line with all three
     */
    public record Hover(double price, double pnl, double marginRatio, String priceText, String pnlText,
            String ratioText, String text) {
    }

    // ---- axis tick labels ---------------------------------------------------------------------

    /**
     * @param price  a tick value of the price axis
     * @return its label in the account's locale, e.g. {@code 60,000}
     */
    public String priceTick(double price) {
        return signed(priceTicks.format(price));
    }

    /**
     * @param pnl  a tick value of the PnL axis
     * @return its label, e.g. {@code −1,000}
     */
    public String pnlTick(double pnl) {
        return signed(pnlTicks.format(pnl));
    }

    /**
     * @param ratio  a tick value of the ratio axis, a fraction
     * @return its label in percent, e.g. {@code 100 %}
     */
    public String ratioTick(double ratio) {
        return signed(ratioTicks.format(ratio * 100)) + " %";
    }

    private static String signed(String text) {
        return text.startsWith("-") ? "\u2212" + text.substring(1) : text;
    }

    // ---- properties ---------------------------------------------------------------------------

    /** @return the current snapshot; a new instance only when the picture changed; never null */
    public ReadOnlyObjectProperty<PositionChartData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    /** @return the values at the cursor, or null when not hovering */
    public ReadOnlyObjectProperty<Hover> hoverProperty() {
        return hover.getReadOnlyProperty();
    }

    /**
     * @return whether the charts are showing; while false, refreshes are deferred until it turns
     *         true again; writable (the view binds it)
     */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** Forgets the last picture, so that the next {@link #refresh()} rebuilds it (measurements). */
    void invalidate() {
        lastKey = null;
    }

    /** @return how many snapshots were built so far (for tests and measurements) */
    long refreshes() {
        return refreshes;
    }
}
