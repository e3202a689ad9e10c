package org.marginlab.app.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.venue.MarkSweep;
import org.marginlab.engine.venue.MarkValuation;
import org.marginlab.engine.venue.VenueRules;

/**
 * One position's curves as its mark price moves and everything else stays at its mark: its
 * unrealized PnL, and the margin ratio that decides its liquidation (its own when isolated,
 * the cross account's when cross). Plain Java, no JavaFX.
 *
 * <p><b>Cost.</b> Building a sweep is O(1) engine work plus at most one O(N) scan: the fixed
 * terms come from the account evaluation the app already has ({@link AccountRisk}), minus this
 * position's own terms valued once with the {@code BigDecimal} engine. Each sampled price then
 * costs a few {@code double} operations through the engine's fast path {@link MarkSweep}
 * (agreement with the {@code BigDecimal} engine is tested in the engine), so a refresh is
 * O(N + points), never O(N·points).
 *
 * <p><b>Isolated.</b> {@code ratio(P) = f(MM(P) + fee(P), iM + PnL(P))} with {@code iM} the
 * engine's isolated margin (the stated one, or the initial margin at entry) and {@code f} the
 * venue's definition ({@link MarkSweep#marginRatio(MarginRatioDefinition, double, double)}).
 *
 * <p><b>Cross.</b> The account's ratio is {@code f(TMM1 + req(P), WB + UPNL1 + PnL(P))}, where
 * {@code TMM1} (the other cross positions' requirements) and {@code WB + UPNL1} (wallet plus the
 * others' unrealized PnL) do not move in the sweep. They are computed once as
 * {@code TMM1 = account requirement − own requirement} and
 * {@code WB + UPNL1 = account margin balance − own PnL}. A lone cross position with wallet
 * {@code W' = WB − TMM1 + UPNL1} would have the same <em>liquidation price</em> (the engine's
 * cross property), but not the same <em>ratio</em>: the account's ratio keeps {@code TMM1} in
 * the requirement and {@code UPNL1} in the balance, so the two terms are kept apart here. On
 * venues where a hedged long and short on one symbol share a liquidation price (Binance), the
 * position's same-symbol cross legs move with it, exactly as the engine's liquidation price
 * assumes; so the ratio curve crosses the threshold at the engine's liquidation marker.
 *
 * <p>Immutable; not for display of exact figures (those come from the engine).
 */
final class PositionSweep {
    private final Position position;
    private final PositionRisk risk;
    private final MarginRatioDefinition definition;
    private final MarkSweep own;
    private final MarkSweep[] legs;
    private final BigDecimal otherRequirement;
    private final BigDecimal otherBalance;
    private final double otherRequirementD;
    private final double otherBalanceD;

    private PositionSweep(Position position, PositionRisk risk, MarginRatioDefinition definition, MarkSweep own,
            MarkSweep[] legs, BigDecimal otherRequirement, BigDecimal otherBalance) {
        this.position = position;
        this.risk = risk;
        this.definition = definition;
        this.own = own;
        this.legs = legs;
        this.otherRequirement = otherRequirement;
        this.otherBalance = otherBalance;
        this.otherRequirementD = otherRequirement.doubleValue();
        this.otherBalanceD = otherBalance.doubleValue();
    }

    /**
     * The hedge legs that move with a cross position: the other cross positions on its symbol,
     * on venues that share one liquidation price across them; else none. O(N).
     *
     * @param account  the account, not null
     * @param index    the position's index in it
     * @return the legs, never null
     */
    static List<Position> hedgeLegs(Account account, int index) {
        Position p = account.positions().get(index);
        if (p.marginMode() != MarginMode.CROSS || !account.venue().sharesLiquidationPriceAcrossHedge()) {
            return List.of();
        }
        List<Position> legs = new ArrayList<>(1);
        List<Position> all = account.positions();
        for (int j = 0; j < all.size(); j++) {
            Position q = all.get(j);
            if (j != index && q.marginMode() == MarginMode.CROSS && q.symbol().equals(p.symbol())) {
                legs.add(q);
            }
        }
        return legs;
    }

    /**
     * Prepares the sweep of one position of an evaluated account.
     *
     * @param account  the account as evaluated, not null
     * @param result   its evaluation (same positions, same order), not null
     * @param index    the position's index
     * @param hedge    its moving hedge legs ({@link #hedgeLegs}), not null
     * @return the sweep, never null
     * @throws org.marginlab.engine.ValidationException if the venue rejects the position (it
     *         passed the same checks in the evaluation, so this does not happen in practice)
     */
    static PositionSweep of(Account account, AccountRisk result, int index, List<Position> hedge) {
        return of(account, result, index, hedge, null, null);
    }

    /**
     * As {@link #of(Account, AccountRisk, int, List)}, taking each leg's valuation at its mark from
     * the evaluation that gave {@code result} and each leg's sweep from {@code sweepOf} (the
     * previous picture's, where the leg is the same instance): a cross position hedged by hundreds of same-symbol legs is then not valued
     * again leg by leg at every keystroke.
     *
     * @param valuations  the valuations of the evaluation of {@code account} ({@code result}), or null
     * @param sweepOf     each leg's sweep ({@link MarkSweep#of} on the account's venue), or null for that
     */
    static PositionSweep of(Account account, AccountRisk result, int index, List<Position> hedge,
            org.marginlab.engine.Valuations valuations, java.util.function.Function<Position, MarkSweep> sweepOf) {
        Objects.requireNonNull(result, "result");
        VenueRules venue = account.venue();
        Position p = account.positions().get(index);
        PositionRisk r = result.positions().get(index);
        MarkSweep own = sweepOf == null ? MarkSweep.of(venue, p) : sweepOf.apply(p);
        MarginRatioDefinition definition = venue.marginRatioDefinition();
        if (p.marginMode() != MarginMode.CROSS) {
            return new PositionSweep(p, r, definition, own, new MarkSweep[] {own}, BigDecimal.ZERO, r.isolatedMargin());
        }
        MarkSweep[] legs = new MarkSweep[1 + hedge.size()];
        legs[0] = own;
        BigDecimal ownRequirement = BigDecimal.ZERO;
        BigDecimal ownPnl = BigDecimal.ZERO;
        for (int i = 0; i < legs.length; i++) {
            Position leg = i == 0 ? p : hedge.get(i - 1);
            if (i > 0) {
                legs[i] = sweepOf == null ? MarkSweep.of(venue, leg) : sweepOf.apply(leg);
            }
            MarkValuation m = valuations == null ? null : valuations.valuation(leg);
            if (m == null) {
                m = venue.valueAtMark(leg, venue.schedule(leg));
            }
            ownRequirement = ownRequirement.add(m.maintenanceRequirement());
            ownPnl = ownPnl.add(m.unrealizedPnl());
        }
        return new PositionSweep(p, r, definition, own, legs, result.maintenanceMargin().subtract(ownRequirement),
                result.marginBalance().subtract(ownPnl));
    }

    /** @return the position swept (at its current mark) */
    Position position() {
        return position;
    }

    /** @return the engine's result for the position at its current mark */
    PositionRisk risk() {
        return risk;
    }

    /** @return whether the ratio is the cross account's */
    boolean cross() {
        return position.marginMode() == MarginMode.CROSS;
    }

    /** @return the venue's margin-ratio definition */
    MarginRatioDefinition definition() {
        return definition;
    }

    /** @return the fixed requirement of the rest: 0 isolated, {@code TMM1} cross */
    BigDecimal otherRequirement() {
        return otherRequirement;
    }

    /** @return the fixed balance of the rest: the isolated margin, or {@code WB + UPNL1} cross */
    BigDecimal otherBalance() {
        return otherBalance;
    }

    /** @return the mark prices where this position's maintenance margin changes tier */
    List<MarkSweep.TierBoundary> tierBoundaries() {
        return own.tierBoundaries();
    }

    /**
     * @param price  a mark price, &gt; 0
     * @return this position's unrealized PnL there, settlement currency
     */
    double pnl(double price) {
        return own.unrealizedPnl(price);
    }

    /**
     * @param price  a mark price, &gt; 0 (the hedge legs move with it)
     * @return the margin ratio there as a fraction per the venue's definition, or NaN where
     *         undefined
     */
    double marginRatio(double price) {
        double requirement = otherRequirementD;
        double balance = otherBalanceD;
        for (MarkSweep leg : legs) {
            requirement += leg.maintenanceRequirement(price);
            balance += leg.unrealizedPnl(price);
        }
        return MarkSweep.marginRatio(definition, requirement, balance);
    }
}
