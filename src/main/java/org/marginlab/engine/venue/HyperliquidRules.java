package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Position;
import org.marginlab.engine.derivation.Expr;
import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.derivation.Step;
import org.marginlab.engine.derivation.Trace;
import org.marginlab.engine.tier.TierTable;

/**
 * Hyperliquid USDC perpetuals (linear), rule-set id {@code hyperliquid} (spec
 * margin-formulas.md §6; docs "Liquidations", "Margin tiers", "Margining"; freqtrade
 * {@code hyperliquid.py}, validated on 29 live positions).
 *
 * <ul>
 *   <li>Maintenance margin is half the initial margin at the asset's <em>max</em> leverage:
 *       {@code MMR = 1/(2·maxLeverage)}, with tiers {@code MM = notional·MMR_k − deduction_k}.</li>
 *   <li>Liquidation price:
 *       {@code LP = entry − s·(margin − MM_entry)/Q/(1 − s·MMR)} with
 *       {@code MM_entry = Q·entry·MMR}; algebraically this is "equity = MM at the liquidation
 *       price", which is how it is solved here (with the tier's deduction and the tier
 *       re-checked at {@code Q·LP}). {@code margin} is the isolated margin, or for cross the
 *       account value less the other positions' maintenance margin.</li>
 *   <li>Margin ratio {@code MM / account value}; liquidation when equity &lt; MM.</li>
 *   <li>Removing isolated margin is allowed only while the remaining margin is at least
 *       {@code max(initial margin at the mark, 10 % of the position value)}.</li>
 * </ul>
 * The maintenance schedule: explicit {@code tiers}, else {@code maintenance}, else a single tier
 * from the position's {@code maxLeverage}, else the bundled table of the symbol (BTC, ETH, SOL).
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class HyperliquidRules extends BaseVenue {
    /** Rule-set id. */
    public static final String ID = "hyperliquid";
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal TEN_PERCENT = new BigDecimal("0.1");

    /** Creates the rule set; use {@link Venues#byId(String)} to share one. */
    public HyperliquidRules() {
        super(ID, "Hyperliquid", "USDC", Set.of(ContractType.LINEAR), presetsOf(ID));
    }

    /** margin-formulas.md §6. */
    @Override
    Sources sources() {
        return Sources.all("margin-formulas.md §6");
    }

    /** @return 0.00045 (0.045 %, the base-tier taker rate); not used in liquidation */
    @Override
    public BigDecimal defaultTakerFeeRate() {
        return new BigDecimal("0.00045");
    }

    /**
     * The maintenance margin rate of an asset's max leverage, {@code 1/(2·maxLeverage)}.
     *
     * @param maxLeverage  the asset's max leverage, &gt; 0, not null
     * @return the rate, a fraction, DECIMAL128
     */
    public static BigDecimal maintenanceRate(BigDecimal maxLeverage) {
        return BigDecimal.ONE.divide(TWO.multiply(maxLeverage), MC);
    }

    @Override
    /**
     * {@inheritDoc}
     *
     * @throws org.marginlab.engine.ValidationException ({@code maxLeverage}) if the position's
     *         {@code maxLeverage} is below 1, where the rate {@code 1/(2·maxLeverage)} is not a
     *         maintenance margin rate (it reaches 100 % at 0.5)
     */
    public TierTable schedule(Position position) {
        if (position.tiers() == null && position.maintenance() == null && position.maxLeverage() != null) {
            if (position.maxLeverage().compareTo(BigDecimal.ONE) < 0) {
                // MMR = 1/(2·maxLeverage) would reach 100 % at 0.5: say what the user typed, not the MMR
                throw new org.marginlab.engine.ValidationException("maxLeverage",
                        "must be ≥ 1 (Hyperliquid's maintenance margin rate is 1/(2·maxLeverage))", position.maxLeverage());
            }
            return TierTable.flat(maintenanceRate(position.maxLeverage()), BigDecimal.ZERO, position.maxLeverage());
        }
        return super.schedule(position);
    }

    @Override
    BigDecimal maxRemovable(Exposure e, BigDecimal isolatedMargin, BigDecimal marginBalance, MarkValuation m) {
        BigDecimal floor = m.initialMarginAtMark().max(m.notional().multiply(TEN_PERCENT));
        BigDecimal r = isolatedMargin.min(marginBalance.subtract(floor));
        Trace t = Trace.of(e.position);
        if (t != null) {
            String src = cited().maxRemovable();
            t.put(Figure.MAX_REMOVABLE_MARGIN, List.of(
                    initialMarginAtMarkStep(e.position, m),
                    Step.of("Margin to keep", "K", Expr.max(
                            Expr.sym("IM_mark", m.initialMarginAtMark()),
                            Expr.mul(Expr.sym("N", m.notional()),
                                    Expr.num(TEN_PERCENT))), floor, t.amountUnit(), src)
                            .withNote("The initial margin at the mark, and at least 10 % of the notional."),
                    Step.of("Removable before the floor", "R",
                            Expr.min(Expr.sym("M_iso", isolatedMargin),
                                    Expr.sub(Expr.sym("MB",
                                            marginBalance), Expr.sym("K", floor))), r,
                            t.amountUnit(), src)));
        }
        return r;
    }
}
