package org.marginlab.app.compare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.marginlab.app.compare.ComparisonFigures.RowFigures;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.DisplayPrices;
import org.marginlab.engine.Position;
import org.marginlab.engine.tier.TickSizes;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.whatif.LiquidationEvent;
import org.marginlab.engine.whatif.MarginComparison;

/**
 * The comparison table: one {@link ComparisonRow} per position, in the account's order, with its
 * figures on both sides at the current shock, formatted, and whether each pair differs
 * ({@link ComparisonViewModel#differ}). What the figures are is said on
 * {@link ComparisonViewModel} and {@link ComparisonRow}.
 *
 * <p>The figures are computed off the JavaFX thread ({@link #figures}, pure); {@link #show} puts
 * them into the rows on it. A new set of figures keeps the rows and updates them in place (a
 * row's property fires only for a value that changed); a row is replaced only when its position
 * or label changes, and the list is set only then.
 *
 * <p>{@link #show} and {@link #rows()}: a plain class without {@code javafx.scene} types, not
 * thread-safe.
 */
final class ComparisonTable {
    private static final MathContext MC = MathContext.DECIMAL128;

    private final ObservableList<ComparisonRow> rows = FXCollections.observableArrayList();

    /** @return the rows, one per position; the view-model publishes this list */
    ObservableList<ComparisonRow> rows() {
        return rows;
    }

    /**
     * Puts a new set of row figures into the rows, in place where a row's position and label are the same.
     *
     * @param figures  one per position, in the account's order, not null
     */
    void show(List<RowFigures> figures) {
        List<ComparisonRow> out = new ArrayList<>(figures.size());
        boolean sameRows = rows.size() == figures.size();
        for (int i = 0; i < figures.size(); i++) {
            RowFigures f = figures.get(i);
            ComparisonRow old = i < rows.size() ? rows.get(i) : null;
            ComparisonRow row = old != null && old.sameTexts(f.positionId(), f.label()) ? old
                    : new ComparisonRow(f.positionId(), f.label(), f.sentence());
            sameRows &= row == old;
            row.update(f.liquidationPrice(), f.distance(), f.marginRatio(), f.maxLoss(), f.capital(),
                    f.isolatedLiquidated(), f.crossLiquidated(), f.sentence());
            out.add(row);
        }
        if (!sameRows) {
            rows.setAll(out);
        }
    }

    /**
     * The figures of every row at the current shock. Pure but for the formats given: safe on any
     * thread that owns them.
     *
     * @param text          the formats (in the account's currency), not null
     * @param prose         the words (row labels, liquidated cells), not null
     * @param variants      the two sides, as walked, not null
     * @param sentences     each position's sentence by id (a missing one is empty), not null
     * @param isoRisk       the isolated side's evaluation at the shock (its open positions)
     * @param isoReached    the isolated liquidations reached at the shock
     * @param crossRisk     the cross side's evaluation at the shock, after the cascade reached
     * @param crossReached  the cross liquidations reached at the shock
     * @param crossBalance  the cross account's margin balance, floored at 0 (0 once every position is closed)
     * @param crossRatio    the cross account's margin ratio, or null (none, or every position closed)
     * @return one row's figures per position, in the account's order
     */
    static List<RowFigures> figures(CompareText text, ComparisonProse prose, MarginComparison.Variants variants,
            Map<String, String> sentences, AccountRisk isoRisk, List<LiquidationEvent> isoReached,
            AccountRisk crossRisk, List<LiquidationEvent> crossReached, BigDecimal crossBalance, BigDecimal crossRatio) {
        Map<String, LiquidationEvent> isoClosed = byId(isoReached);
        Map<String, LiquidationEvent> crossClosed = byId(crossReached);
        Map<String, PositionRisk> isoOpen = byId(isoRisk);
        Map<String, PositionRisk> crossOpen = byId(crossRisk);
        // the same for every open cross position: formatted once
        String crossBalanceText = text.number(crossBalance);
        String crossRatioText = text.marginRatio(crossRatio, crossBalance);

        List<Position> entered = variants.entered().positions();
        List<RowFigures> out = new ArrayList<>(entered.size());
        for (int i = 0; i < entered.size(); i++) {
            Position p = entered.get(i);
            String id = p.id();
            LiquidationEvent isoEvent = isoClosed.get(id);
            LiquidationEvent crossEvent = crossClosed.get(id);
            PositionRisk iso = isoOpen.get(id);
            PositionRisk cross = crossOpen.get(id);
            BigDecimal margin = variants.isolatedMargins().get(i);
            String marginText = text.number(margin);

            SidePair liquidation = pair(
                    isoEvent != null ? prose.liquidated(isoEvent) : price(text, shown(variants, p, iso.liquidationPrice())),
                    crossEvent != null ? prose.liquidated(crossEvent) : price(text, shown(variants, p, cross.liquidationPrice())),
                    isoEvent != null ? null : iso.liquidationPrice(), crossEvent != null ? null : cross.liquidationPrice(),
                    isoEvent != null || crossEvent != null);
            SidePair distance = pair(isoEvent != null ? "—" : ratio(text, iso.distanceToLiquidation()),
                    crossEvent != null ? "—" : ratio(text, cross.distanceToLiquidation()),
                    isoEvent != null ? null : iso.distanceToLiquidation(), crossEvent != null ? null : cross.distanceToLiquidation(),
                    false);
            BigDecimal crossMr = crossEvent != null ? null : crossRatio;
            SidePair marginRatio = pair(isoEvent != null ? "—" : text.marginRatio(iso.marginRatio(), iso.marginBalance()),
                    crossEvent != null ? "—" : crossRatioText,
                    isoEvent != null ? null : iso.marginRatio(), crossMr, false);
            // one sign: every figure is an amount lost, positive; one the shock has realized is in red
            // (the cell's :liquidated style), as wide as the others
            SidePair maxLoss = pair(isoEvent != null ? text.number(isoEvent.loss()) : marginText,
                    crossEvent != null ? text.number(crossEvent.loss()) : crossBalanceText,
                    isoEvent != null ? isoEvent.loss() : margin, crossEvent != null ? crossEvent.loss() : crossBalance,
                    false);
            BigDecimal crossIm = cross == null ? null : cross.notional().divide(p.leverage(), MC);
            SidePair capital = pair(isoEvent != null ? "—" : marginText,
                    crossEvent != null ? "—" : text.number(crossIm),
                    isoEvent != null ? null : margin, crossIm, false);
            out.add(new RowFigures(id, prose.position(p), sentences.getOrDefault(id, ""), liquidation, distance,
                    marginRatio, maxLoss, capital, isoEvent != null, crossEvent != null));
        }
        return out;
    }

    private static SidePair pair(String iso, String cross, BigDecimal a, BigDecimal b, boolean forceDifferent) {
        boolean different = forceDifferent ? !iso.equals(cross) : ComparisonViewModel.differ(a, b);
        return new SidePair(iso, cross, different, a, b);
    }

    /**
     * A liquidation price as the position's other views show it: on the instrument's tick toward
     * the entry where a tick is known (spec venues-v2.md §11; {@code PositionResult.shownPrice}).
     */
    private static BigDecimal shown(MarginComparison.Variants variants, Position p, BigDecimal price) {
        return DisplayPrices.shown(price, TickSizes.of(variants.entered().venue().id(), p).orElse(null), p.side());
    }

    private static String price(CompareText text, BigDecimal p) {
        return p == null ? "none" : text.price(p);
    }

    private static String ratio(CompareText text, BigDecimal r) {
        return r == null ? "none" : text.percent(r);
    }

    private static Map<String, LiquidationEvent> byId(List<LiquidationEvent> events) {
        Map<String, LiquidationEvent> m = new HashMap<>();
        for (LiquidationEvent e : events) {
            m.put(e.positionId(), e);
        }
        return m;
    }

    private static Map<String, PositionRisk> byId(AccountRisk risk) {
        Map<String, PositionRisk> m = new HashMap<>();
        for (PositionRisk r : risk.positions()) {
            m.put(r.positionId(), r);
        }
        return m;
    }
}
