package org.marginlab.app.compare;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.Position;
import org.marginlab.engine.whatif.LiquidationEvent;
import org.marginlab.engine.whatif.MarginComparison;
import org.marginlab.engine.whatif.ShockScope;
import org.marginlab.engine.whatif.ShockSweep;

/**
 * Every figure and word the comparison shows, at one shock, from one set of walks: an immutable
 * value computed off the JavaFX thread ({@link #at}) and only put into the view-model's
 * properties on it ({@code ComparisonViewModel}). What each figure is, is said on
 * {@link ComparisonViewModel}.
 *
 * <p>Amounts are formatted in the settlement currency of the account as entered (inverse
 * contracts: the coin, 8 decimals; linear: 2 decimals), half-up; shocks are fractions of the
 * mark written in percent.
 *
 * @param walks              the walks these figures come from, not null
 * @param shock              the shock they are at, a fraction of the mark, not null
 * @param rows               one row's figures per position, in the account's order
 * @param isolatedReached    the isolated liquidations reached at the shock, in order
 * @param crossReached       the cross cascade reached at the shock, in order
 * @param shockDescription   the shock in words
 * @param isolatedCapital    the isolated side's total margin at risk, in words
 * @param isolatedEquity     the isolated side's total equity at the shock
 * @param isolatedOutcome    the isolated liquidations at the shock, or the next one
 * @param isolatedAllGoneAt  where every isolated position is gone
 * @param crossCapital       the cross side's wallet, in words
 * @param crossEquity        the cross side's total equity at the shock
 * @param crossMarginRatio   the cross account's margin ratio at the shock
 * @param crossOutcome       the cascade reached at the shock, or the next liquidation
 * @param crossAccountGoesAt where the whole cross account goes
 * @param chart              the chart's curves, markers and range (the same instance as the
 *                           previous figures' while the walks are the same and the shock stays in
 *                           its range)
 * @param chartShock         the shock in the chart's title
 */
record ComparisonFigures(
        ComparisonWalks walks,
        BigDecimal shock,
        List<RowFigures> rows,
        List<CascadeItem> isolatedReached,
        List<CascadeItem> crossReached,
        String shockDescription,
        String isolatedCapital,
        String isolatedEquity,
        String isolatedOutcome,
        String isolatedAllGoneAt,
        String crossCapital,
        String crossEquity,
        String crossMarginRatio,
        String crossOutcome,
        String crossAccountGoesAt,
        EquityChartData chart,
        String chartShock) {

    ComparisonFigures {
        Objects.requireNonNull(walks, "walks");
        Objects.requireNonNull(shock, "shock");
        rows = List.copyOf(rows);
        isolatedReached = List.copyOf(isolatedReached);
        crossReached = List.copyOf(crossReached);
        Objects.requireNonNull(chart, "chart");
    }

    /**
     * One table row's figures: both sides of a position at the shock, formatted.
     *
     * @param positionId          the position's id
     * @param label               its label ({@code btc-long (BTCUSDT long)})
     * @param sentence            what changes between isolated and cross, in words
     * @param liquidationPrice    the liquidation prices, or {@code liq. −4.6 %} where reached
     * @param distance            the distances to liquidation
     * @param marginRatio         the margin ratios
     * @param maxLoss             the maximum losses (a loss realized where reached)
     * @param capital             the capital tied up
     * @param isolatedLiquidated  whether the isolated side's position is liquidated at the shock
     * @param crossLiquidated     whether the cross side's position is liquidated at the shock
     */
    record RowFigures(String positionId, String label, String sentence, SidePair liquidationPrice, SidePair distance,
            SidePair marginRatio, SidePair maxLoss, SidePair capital, boolean isolatedLiquidated,
            boolean crossLiquidated) {
    }

    /**
     * Computes the figures of {@code walks} at {@code shock}: evaluates both sides there (two
     * engine evaluations, O(N)), formats every figure and writes every line. Pure but for its
     * own formats: safe on any thread.
     *
     * @param walks     the walks, not null
     * @param shock     the shock, a fraction of the mark, not null
     * @param previous  the figures shown now, or null: their chart is kept when it is of the same
     *                  walks and the shock is inside its range
     * @param locale    the locale of the numbers, not null
     * @return the figures, never null
     * @throws org.marginlab.engine.ValidationException if the engine refuses a side at the shock
     */
    static ComparisonFigures at(ComparisonWalks walks, BigDecimal shock, ComparisonFigures previous, Locale locale) {
        CompareText text = new CompareText(locale);
        MarginComparison.Variants variants = walks.variants();
        text.currencyOf(variants.entered());
        ComparisonProse prose = new ComparisonProse(text);
        CascadeItems items = new CascadeItems(text);
        ShockScope scope = walks.inputs().scope();
        AccountRisk isoRisk = walks.isolatedAt(shock, scope);
        AccountRisk crossRisk = walks.crossAt(shock, scope);
        ShockSweep isolatedSweep = walks.isolated();
        ShockSweep crossSweep = walks.cross();
        List<LiquidationEvent> isoReached = isolatedSweep.eventsAt(shock);
        List<LiquidationEvent> crossReached = crossSweep.eventsAt(shock);
        BigDecimal crossBalance = crossRisk.positions().isEmpty() ? BigDecimal.ZERO
                : crossRisk.marginBalance().max(BigDecimal.ZERO);
        BigDecimal crossRatio = crossRisk.positions().isEmpty() ? null : crossRisk.marginRatio();
        List<RowFigures> rows = ComparisonTable.figures(text, prose, variants, walks.sentences(), isoRisk, isoReached,
                crossRisk, crossReached, crossBalance, crossRatio);
        List<Position> entered = variants.entered().positions();
        BigDecimal isolatedEquity = isoRisk.totalEquity().add(isolatedSweep.path(shock).returnedAt(shock));
        BigDecimal crossEquity = crossRisk.totalEquity()
                .add(crossSweep.path(shock).crossWalletAt(shock).min(BigDecimal.ZERO));
        EquityChartData chart = EquityChartBuilder.chart(isolatedSweep, crossSweep, shock, scope,
                previous != null && previous.walks == walks ? previous.chart : null, prose);
        return new ComparisonFigures(walks, shock, rows,
                items.isolated(isoReached), items.cross(crossReached),
                prose.shockDescription(shock, scope),
                prose.isolatedCapital(variants.isolatedTotalMargin(), entered.size(),
                        variants.isolated().walletBalance()),
                prose.equity(shock, isolatedEquity),
                prose.isolatedOutcome(shock, isoReached, isolatedSweep),
                prose.isolatedAllGoneAt(isolatedSweep, scope, entered),
                prose.crossCapital(variants.crossWallet(), entered.size()),
                prose.equity(shock, crossEquity),
                prose.crossMarginRatio(crossRisk, crossBalance),
                prose.crossOutcome(shock, crossReached, crossSweep),
                prose.crossAccountGoesAt(crossSweep, scope, entered),
                chart, prose.chartShock(shock, scope));
    }
}
