package org.marginlab.engine.sizing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.marginlab.engine.Account;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;
import org.marginlab.engine.venue.VenueRules;

/**
 * A scale-in (DCA) ladder: planned fills on one side, and after each fill the whole position
 * evaluated by the engine on a venue, with a warning where a later fill lies beyond the
 * liquidation price of the position before it.
 *
 * <p>After fill {@code k} the position has the cumulative quantity {@code Q_k = Σ_{i≤k} q_i}, the
 * average entry {@link TradeMath#averageEntryPrice} of the fills so far (linear
 * {@code Σq·p/Σq}; inverse harmonic {@code Σq/Σ(q/p)}) and the mark {@code p_k} (the price of the
 * fill just made). Isolated: its margin is the venue's default at the new entry,
 * {@link VenueRules#defaultIsolatedMargin} ({@code Q_k·CS·EP_k/lev} linear,
 * {@code Q_k·CS/(EP_k·lev)} inverse, plus the reserved fee to close on Bybit UTA and Phemex), which
 * is the sum of each fill's own initial margin at its price: every fill brings its margin. Cross:
 * the position alone in an account whose cross wallet is the given balance, unchanged by the fills.
 * Fees and funding are left out (they would come out of the margin or the wallet).
 *
 * <p>Warning: fill {@code k+1} lies at or beyond the liquidation price {@code LP_k} after fill
 * {@code k} (long: {@code p_{k+1} ≤ LP_k}; short: {@code p_{k+1} ≥ LP_k}): the price would
 * liquidate the position before that fill is reached.
 *
 * <p>Each step is checked as the engine checks a position: the leverage must be within the max
 * leverage of the tier at the step's notional, and a notional above a capped table's last tier is
 * refused. Depends on a {@link VenueRules} given to the constructor (no global state). Immutable
 * and thread-safe.
 */
public final class Ladder {
    private final VenueRules venue;

    /**
     * @param venue  the venue whose rules evaluate each step, not null
     * @throws ValidationException ({@code venue}) if it is missing
     */
    public Ladder(VenueRules venue) {
        this.venue = Checks.notNull(venue, "venue");
    }

    /** @return the venue's rules; never null */
    public VenueRules venue() {
        return venue;
    }

    /**
     * Plans the ladder.
     *
     * <p>The template gives the symbol, contract type and size, side, leverage, margin mode and the
     * maintenance inputs ({@code maintenance} override or {@code tiers}, else the venue's table for
     * the symbol; {@code maxLeverage}, {@code takerFeeRate}, venue parameters). Its quantity, entry
     * and mark prices and isolated margin are replaced at each step.
     *
     * @param template     the position to build, not null (its quantity and prices are ignored)
     * @param crossWallet  the cross wallet balance for a cross template, settlement currency, ≥ 0,
     *                     not null when the template is cross; ignored (may be null) when isolated
     * @param fills        the planned fills in the order they fill, at least one, none null
     * @return one step per fill, in order; never null
     * @throws ValidationException ({@code template}) if missing; ({@code fills}) if empty;
     *         ({@code walletBalance}) if the template is cross and the wallet is missing or
     *         negative; located in {@code fills[i]} ({@code fills[i].leverage} over the tier's max,
     *         {@code fills[i].quantity} above the last tier, …) when step {@code i} breaks a venue
     *         rule
     */
    public List<LadderStep> plan(Position template, BigDecimal crossWallet, List<PlannedFill> fills) {
        Checks.notNull(template, "template");
        Checks.notNull(fills, "fills");
        if (fills.isEmpty()) {
            throw new ValidationException("fills", "must contain at least one fill", "none");
        }
        boolean cross = template.marginMode() == MarginMode.CROSS;
        BigDecimal wallet = cross ? Checks.notNegative(crossWallet, "walletBalance") : BigDecimal.ZERO;

        List<Fill> sofar = new ArrayList<>(fills.size());
        List<Position> positions = new ArrayList<>(fills.size());
        List<PositionRisk> risks = new ArrayList<>(fills.size());
        for (int i = 0; i < fills.size(); i++) {
            PlannedFill f = fills.get(i);
            if (f == null) {
                throw new ValidationException("fills[" + i + "]", "is required", null);
            }
            try {
                sofar.add(f.toFill(template.contract(), template.contractSize()));
                Position p = template.toBuilder()
                        .quantity(TradeMath.totalQuantity(sofar))
                        .entryPrice(TradeMath.averageEntryPrice(template.contract(), sofar))
                        .markPrice(f.price())
                        .isolatedMargin(null)
                        .build();
                if (!cross) {
                    p = p.withIsolatedMargin(venue.defaultIsolatedMargin(p));
                }
                MarginEngine.DEFAULT.check(p, venue);
                PositionRisk r = evaluate(p, wallet);
                positions.add(p);
                risks.add(r);
            } catch (ValidationException e) {
                throw e.within("fills[" + i + "]");
            }
        }

        List<LadderStep> steps = new ArrayList<>(fills.size());
        for (int i = 0; i < fills.size(); i++) {
            PositionRisk r = risks.get(i);
            Position p = positions.get(i);
            boolean beyond = false;
            if (i + 1 < fills.size() && r.liquidationPrice() != null) {
                BigDecimal next = fills.get(i + 1).price();
                // long: next ≤ LP; short: next ≥ LP, i.e. s·(LP − next) ≥ 0
                beyond = p.side().signDecimal().multiply(r.liquidationPrice().subtract(next)).signum() >= 0;
            }
            steps.add(new LadderStep(i + 1, fills.get(i).price(), sofar.get(i).quantity(), p, r, beyond));
        }
        return List.copyOf(steps);
    }

    /** The position alone in an account: isolated with its own margin, or cross on the wallet. */
    private PositionRisk evaluate(Position p, BigDecimal wallet) {
        try {
            return MarginEngine.DEFAULT.evaluate(Account.of(venue, wallet, List.of(p))).positions().get(0);
        } catch (ValidationException e) {
            // the engine locates the error in positions[0]; the caller locates it in fills[i]
            String path = e.path();
            if (path.startsWith("positions[0]")) {
                String rest = path.substring("positions[0]".length());
                ValidationException bare = new ValidationException(e.field(), e.rule(), e.value());
                throw rest.startsWith(".") ? bare.within(rest.substring(1)) : bare;
            }
            throw e;
        }
    }
}
