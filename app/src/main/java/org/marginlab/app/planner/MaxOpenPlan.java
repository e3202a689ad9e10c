package org.marginlab.app.planner;

import java.math.BigDecimal;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.sizing.MaxOpen;
import org.marginlab.engine.sizing.OrderCost;
import org.marginlab.engine.sizing.OrderMath;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.venue.VenueRules;

/**
 * The largest linear order an available balance allows at a leverage ({@link OrderMath#maxOpen},
 * spec margin-formulas.md §1.4, the community-reported Binance rule [C]:
 * {@code Q = balance / (P/lev + max(0, s·(P − M)))}), capped by the venue's tier table at the
 * leverage when a symbol is given, and its cost to open ({@link OrderMath#costToOpen}); fees not
 * included. What {@code marginlab max-open} and the Planner tab's "Max open" compute.
 *
 * @param max    the max quantity, its notional and what limits it
 * @param cost   its cost to open, or null when the quantity is 0
 * @param venue  the rule set
 * @param symbol the symbol whose tier table capped it, or null
 */
public record MaxOpenPlan(MaxOpen max, OrderCost cost, VenueRules venue, String symbol) {

    /**
     * @param side              buy (long) or sell (short), not null
     * @param availableBalance  quote, ≥ 0
     * @param orderPrice        quote per base, &gt; 0
     * @param markPrice         quote per base, &gt; 0
     * @param leverage          &gt; 0
     * @param venue             the rule set, not null
     * @param symbol            the symbol for the tier cap, or null for none
     * @return the plan, never null
     * @throws ValidationException ({@code --venue}) without linear contracts; ({@code --symbol})
     *         without a tier table; ({@code --leverage}) above the first tier's max leverage
     */
    public static MaxOpenPlan compute(Side side, BigDecimal availableBalance, BigDecimal orderPrice,
            BigDecimal markPrice, BigDecimal leverage, VenueRules venue, String symbol) {
        TierTable tiers = tiers(venue, symbol);
        MaxOpen max;
        try {
            max = OrderMath.maxOpen(side, availableBalance, orderPrice, markPrice, leverage, tiers);
        } catch (ValidationException e) {
            throw PlanInputs.renamed(e, "leverage", "--leverage");
        }
        OrderCost cost = max.quantity().signum() > 0
                ? OrderMath.costToOpen(side, max.quantity(), orderPrice, markPrice, leverage) : null;
        return new MaxOpenPlan(max, cost, venue, symbol == null ? null : symbol.strip());
    }

    /**
     * The venue must have linear contracts (max open is linear); a symbol must have a tier table.
     *
     * @return the symbol's table, or null without a symbol
     */
    public static TierTable tiers(VenueRules venue, String symbol) {
        if (!venue.contractTypes().contains(ContractType.LINEAR)) {
            throw new ValidationException("--venue", "must have linear contracts (max-open is linear)", venue.id());
        }
        if (symbol == null) {
            return null;
        }
        return venue.presetTiers(symbol.strip()).orElseThrow(() -> new ValidationException("--symbol",
                "has no tier table on " + venue.id() + (venue.presetSymbols().isEmpty() ? ""
                        : " (bundled: " + String.join(", ", venue.presetSymbols()) + ")"), symbol));
    }

    /** @return whether the tier table's cap, not the balance, limits it */
    public boolean cappedByTier() {
        return max.limit() == MaxOpen.Limit.TIER_NOTIONAL_CAP;
    }
}
