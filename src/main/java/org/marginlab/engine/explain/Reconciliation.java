package org.marginlab.engine.explain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.marginlab.engine.ValidationException;

/**
 * The result of {@link Reconciler#reconcile}: MarginLab's figures for one position, the venue's
 * figures the user typed, the gap between the liquidation prices (in the settlement currency's
 * price unit and in ticks), every cause tried with the figure it gives, and a verdict sentence.
 *
 * <p>Units: prices in quote per base; amounts in the settlement currency ({@link #currency()});
 * ratios as fractions (0.0235 = 2.35 %). Gaps are signed {@code venue − figure}: a positive gap
 * means the venue's number is higher than the figure. Amounts are at full precision; only the
 * sentences round (prices to the tick's decimals, at least 2; amounts to 2 decimals, 8 for coins).
 *
 * <p>Immutable and thread-safe.
 *
 * @param positionId   the position reconciled
 * @param ruleSet      the rule set MarginLab used, {@code id@version}
 * @param currency     the settlement currency of the amounts, e.g. {@code USDT}
 * @param ours         MarginLab's liquidation price, or null when the position has none
 * @param venue        what the user typed from the venue
 * @param gap          {@code venue.liquidationPrice − ours}, or null without {@code ours}
 * @param gapTicks     {@code gap / tick}, or null without {@code ours}
 * @param tick         the tick the comparison uses, &gt; 0
 * @param tickSource   where the tick comes from: {@code instrument} (the position's
 *                     {@code tickSize} or the bundled tick of the symbol) or {@code typed} (the
 *                     last digit of the venue's number as typed: 26350.00 → 0.01, 26350 → 1)
 * @param causes       every cause tried, in the order tried (combinations last); unmodifiable
 * @param figures      the checks of the other figures the user gave (margin ratio, maintenance
 *                     margin, margin balance), in that order; empty when none was given
 * @param explained    whether MarginLab's figure, or at least one cause, explains the venue's
 *                     liquidation price within one tick
 * @param verdict      one sentence: which cause or combination explains the venue's number, or
 *                     "Not explained: …" with the nearest cause and how far it stays
 */
public record Reconciliation(String positionId, String ruleSet, String currency, BigDecimal ours,
        VenueFigures venue, BigDecimal gap, BigDecimal gapTicks, BigDecimal tick, String tickSource,
        List<Cause> causes, List<FigureCheck> figures, boolean explained, String verdict) {

    /** Copies the lists. */
    public Reconciliation {
        causes = List.copyOf(causes);
        figures = List.copyOf(figures);
    }

    /** @return the causes that explain the venue's liquidation price; unmodifiable */
    public List<Cause> explaining() {
        return causes.stream().filter(Cause::explains).toList();
    }

    /**
     * @param id  a cause id, e.g. {@code tier} or {@code tier+tickRounding}
     * @return the first cause with that id, or null
     */
    public Cause cause(String id) {
        return causes.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    /**
     * The figures a venue shows for the position, as the user typed them. Only the liquidation
     * price is required.
     *
     * <p>For a cross position the margin ratio, maintenance margin and margin balance are the
     * cross account's (as Binance, Bybit and OKX show them in cross mode); for an isolated
     * position, the position's own.
     *
     * @param liquidationPrice   the venue's liquidation price, quote per base, &gt; 0; its scale
     *                           gives the tick when the instrument's is unknown
     * @param marginRatio        the venue's margin ratio as a fraction (2.35 % = 0.0235), or null
     * @param maintenanceMargin  the venue's maintenance margin, settlement currency, ≥ 0, or null
     * @param marginBalance      the venue's margin balance, settlement currency, or null
     * @param lastPrice          the venue's last price, quote per base, &gt; 0, or null (then the
     *                           last price is not tried as the price basis)
     */
    public record VenueFigures(BigDecimal liquidationPrice, BigDecimal marginRatio, BigDecimal maintenanceMargin,
            BigDecimal marginBalance, BigDecimal lastPrice) {
        /**
         * @throws ValidationException ({@code venueLiquidationPrice}) if the price is missing or
         *         ≤ 0; ({@code venueMarginRatio}, {@code venueMaintenanceMargin}) if negative;
         *         ({@code lastPrice}) if ≤ 0
         */
        public VenueFigures {
            if (liquidationPrice == null || liquidationPrice.signum() <= 0) {
                throw new ValidationException("venueLiquidationPrice", "must be > 0", liquidationPrice);
            }
            if (marginRatio != null && marginRatio.signum() < 0) {
                throw new ValidationException("venueMarginRatio", "must be ≥ 0", marginRatio);
            }
            if (maintenanceMargin != null && maintenanceMargin.signum() < 0) {
                throw new ValidationException("venueMaintenanceMargin", "must be ≥ 0", maintenanceMargin);
            }
            if (lastPrice != null && lastPrice.signum() <= 0) {
                throw new ValidationException("lastPrice", "must be > 0", lastPrice);
            }
        }

        /**
         * @param liquidationPrice  the venue's liquidation price, &gt; 0
         * @return figures with only the liquidation price
         */
        public static VenueFigures of(BigDecimal liquidationPrice) {
            return new VenueFigures(liquidationPrice, null, null, null, null);
        }
    }

    /**
     * One cause tried.
     *
     * @param id        {@code tier}, {@code closeFee}, {@code liquidationFee}, {@code funding},
     *                  {@code priceBasis}, {@code crossWallet} (cross) or {@code isolatedMargin}
     *                  (isolated), {@code otherPositions}, {@code tickRounding},
     *                  {@code ruleSetDate}; a combination joins ids with {@code +}, e.g.
     *                  {@code tier+tickRounding} (the cause's figure rounded to the tick toward
     *                  the venue's number)
     * @param figure    the liquidation price the cause gives, quote per base, or null when it
     *                  gives none (not applicable, no liquidation price, no solution)
     * @param gapTicks  {@code (venue − figure) / tick}, or null without a figure
     * @param explains  whether the cause explains the venue's number within one tick (and, for a
     *                  solved cause, within its plausibility bound)
     * @param size      the size of the cause (the fee, the funding amount, the wallet
     *                  difference: settlement currency, positive = less margin than yours; the
     *                  tier's MMR; the rounding amount in quote), or null
     * @param sizeUnit  the unit of {@code size}: the currency code, {@code fraction} or
     *                  {@code quote}; null without a size
     * @param sentence  one sentence in the field's terms with the user's numbers
     * @param others    the other figures under this cause: {@code marginRatio},
     *                  {@code maintenanceMargin}, {@code marginBalance} (only those the cause's
     *                  account gives), in that order; unmodifiable
     */
    public record Cause(String id, BigDecimal figure, BigDecimal gapTicks, boolean explains, BigDecimal size,
            String sizeUnit, String sentence, Map<String, BigDecimal> others) {
        /** Copies the map. */
        public Cause {
            others = others == null ? Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(others));
        }
    }

    /**
     * The check of one other figure the user gave.
     *
     * @param name         {@code marginRatio}, {@code maintenanceMargin} or {@code marginBalance}
     * @param ours         MarginLab's value, or null when it has none
     * @param venue        the venue's value as typed
     * @param tolerance    the last digit of the venue's value as typed (its precision)
     * @param matches      whether {@code |venue − ours| ≤ tolerance}
     * @param explainedBy  the ids of the causes whose value is within the tolerance; unmodifiable
     * @param sentence     one sentence
     */
    public record FigureCheck(String name, BigDecimal ours, BigDecimal venue, BigDecimal tolerance, boolean matches,
            List<String> explainedBy, String sentence) {
        /** Copies the list. */
        public FigureCheck {
            explainedBy = List.copyOf(explainedBy);
        }
    }
}
