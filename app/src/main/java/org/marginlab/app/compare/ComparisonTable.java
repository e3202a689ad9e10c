package org.marginlab.app.compare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.whatif.LiquidationEvent;
import org.marginlab.engine.whatif.MarginComparison;

/**
 * The comparison table: one {@link ComparisonRow} per position, in the account's order, with its
 * figures on both sides at the current shock, formatted, and whether each pair differs
 * ({@link ComparisonViewModel#differ}). What the figures are is said on
 * {@link ComparisonViewModel} and {@link ComparisonRow}.
 *
 * <p>A shock move keeps the rows and updates their figures in place (a row's property fires only
 * for a value that changed); a row is replaced only when its position, label or sentence changes,
 * and the list is set only then. Each position's isolated margin is formatted once per walk and
 * its isolated liquidation price only when it moves.
 *
 * <p>A plain class without {@code javafx.scene} types. Not thread-safe.
 */
final class ComparisonTable {
    private static final MathContext MC = MathContext.DECIMAL128;

    private final CompareText text;
    private final ComparisonProse prose;
    private final ObservableList<ComparisonRow> rows = FXCollections.observableArrayList();
    /** Per position id, its sentence: it changes only with the walks. */
    private Map<String, String> sentences = Map.of();
    /** Per position, its isolated margin formatted: it changes only with the walks' inputs. */
    private String[] marginTexts = new String[0];
    /** Per position, the last isolated liquidation price formatted, and its text: it rarely moves with the shock. */
    private BigDecimal[] isolatedPrices = new BigDecimal[0];
    private String[] isolatedPriceTexts = new String[0];

    /**
     * @param text   the formats, not null
     * @param prose  the words (row labels, liquidated cells), not null
     */
    ComparisonTable(CompareText text, ComparisonProse prose) {
        this.text = Objects.requireNonNull(text, "text");
        this.prose = Objects.requireNonNull(prose, "prose");
    }

    /** @return the rows, one per position; the view-model publishes this list */
    ObservableList<ComparisonRow> rows() {
        return rows;
    }

    /**
     * After the walks were rebuilt: takes the new sentences, formats each position's isolated
     * margin (in the currency now set on the formats) and forgets the isolated prices formatted so far.
     *
     * @param isolatedMargins  each position's isolated margin, in the account's order
     * @param sentences        each position's sentence by id (a missing one is empty)
     */
    void walked(List<BigDecimal> isolatedMargins, Map<String, String> sentences) {
        this.sentences = sentences;
        int n = isolatedMargins.size();
        marginTexts = new String[n];
        for (int i = 0; i < n; i++) {
            marginTexts[i] = text.number(isolatedMargins.get(i));
        }
        isolatedPrices = new BigDecimal[n];
        isolatedPriceTexts = new String[n];
    }

    /**
     * Puts the figures at the current shock into the rows.
     *
     * @param variants      the two sides, as walked, not null
     * @param isoRisk       the isolated side's evaluation at the shock (its open positions)
     * @param isoReached    the isolated liquidations reached at the shock
     * @param crossRisk     the cross side's evaluation at the shock, after the cascade reached
     * @param crossReached  the cross liquidations reached at the shock
     * @param crossBalance  the cross account's margin balance, floored at 0 (0 once every position is closed)
     * @param crossRatio    the cross account's margin ratio, or null (none, or every position closed)
     */
    void update(MarginComparison.Variants variants, AccountRisk isoRisk,
            List<LiquidationEvent> isoReached, AccountRisk crossRisk, List<LiquidationEvent> crossReached,
            BigDecimal crossBalance, BigDecimal crossRatio) {
        Map<String, LiquidationEvent> isoClosed = byId(isoReached);
        Map<String, LiquidationEvent> crossClosed = byId(crossReached);
        Map<String, PositionRisk> isoOpen = byId(isoRisk);
        Map<String, PositionRisk> crossOpen = byId(crossRisk);
        // the same for every open cross position: formatted once
        String crossBalanceText = text.number(crossBalance);
        String crossRatioText = text.marginRatio(crossRatio, crossBalance);

        List<Position> entered = variants.entered().positions();
        List<ComparisonRow> out = new ArrayList<>(entered.size());
        boolean sameRows = rows.size() == entered.size();
        for (int i = 0; i < entered.size(); i++) {
            Position p = entered.get(i);
            String id = p.id();
            LiquidationEvent isoEvent = isoClosed.get(id);
            LiquidationEvent crossEvent = crossClosed.get(id);
            PositionRisk iso = isoOpen.get(id);
            PositionRisk cross = crossOpen.get(id);
            BigDecimal margin = variants.isolatedMargins().get(i);

            SidePair liquidation = pair(
                    isoEvent != null ? prose.liquidated(isoEvent) : isolatedPrice(i, iso.liquidationPrice()),
                    crossEvent != null ? prose.liquidated(crossEvent) : price(cross.liquidationPrice()),
                    isoEvent != null ? null : iso.liquidationPrice(), crossEvent != null ? null : cross.liquidationPrice(),
                    isoEvent != null || crossEvent != null);
            SidePair distance = pair(isoEvent != null ? "—" : ratio(iso.distanceToLiquidation()),
                    crossEvent != null ? "—" : ratio(cross.distanceToLiquidation()),
                    isoEvent != null ? null : iso.distanceToLiquidation(), crossEvent != null ? null : cross.distanceToLiquidation(),
                    false);
            BigDecimal crossMr = crossEvent != null ? null : crossRatio;
            SidePair marginRatio = pair(isoEvent != null ? "—" : text.marginRatio(iso.marginRatio(), iso.marginBalance()),
                    crossEvent != null ? "—" : crossRatioText,
                    isoEvent != null ? null : iso.marginRatio(), crossMr, false);
            SidePair maxLoss = pair(isoEvent != null ? text.number(isoEvent.loss().negate()) : marginTexts[i],
                    crossEvent != null ? text.number(crossEvent.loss().negate()) : crossBalanceText,
                    isoEvent != null ? isoEvent.loss() : margin, crossEvent != null ? crossEvent.loss() : crossBalance,
                    false);
            BigDecimal crossIm = cross == null ? null : cross.notional().divide(p.leverage(), MC);
            SidePair capital = pair(isoEvent != null ? "—" : marginTexts[i],
                    crossEvent != null ? "—" : text.number(crossIm),
                    isoEvent != null ? null : margin, crossIm, false);
            String label = prose.position(p);
            String sentence = sentences.getOrDefault(id, "");
            // the same position with the same texts: update its figures in place (the list keeps its items)
            ComparisonRow old = i < rows.size() ? rows.get(i) : null;
            ComparisonRow row = old != null && old.sameTexts(id, label) ? old : new ComparisonRow(id, label, sentence);
            sameRows &= row == old;
            row.update(liquidation, distance, marginRatio, maxLoss, capital, isoEvent != null, crossEvent != null, sentence);
            out.add(row);
        }
        if (!sameRows) {
            rows.setAll(out);
        }
    }

    private static SidePair pair(String iso, String cross, BigDecimal a, BigDecimal b, boolean forceDifferent) {
        boolean different = forceDifferent ? !iso.equals(cross) : ComparisonViewModel.differ(a, b);
        return new SidePair(iso, cross, different);
    }

    /** The isolated liquidation price of position {@code i}, formatted again only when it moved. */
    private String isolatedPrice(int i, BigDecimal p) {
        if (p == null) {
            return price(null);
        }
        if (!p.equals(isolatedPrices[i])) {
            isolatedPrices[i] = p;
            isolatedPriceTexts[i] = price(p);
        }
        return isolatedPriceTexts[i];
    }

    private String price(BigDecimal p) {
        return p == null ? "none" : text.price(p);
    }

    private String ratio(BigDecimal r) {
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
