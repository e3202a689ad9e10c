package org.marginlab.engine.whatif;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.marginlab.engine.Account;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.venue.MarkValuation;
import org.marginlab.engine.venue.VenueRules;

/**
 * Which positions a growing price shock liquidates, in which order, and what each costs: a
 * <b>teaching model</b> of liquidation, not any venue's exact liquidation engine. It walks the
 * shock from 0 toward a target ({@code mark·(1 + x)} for the marks a {@link ShockScope} moves;
 * a negative shock hits longs, a positive one shorts) and reports every event on the way.
 * Valuations (PnL, maintenance margin, close fees, tiers) are the venue's own
 * ({@link VenueRules#valueAtMark}); only the sequencing and the fee are the model's.
 *
 * <p><b>Rules</b> ({@code s} = +1 long, −1 short; amounts in the settlement currency):
 * <ol>
 *   <li><b>Isolated position.</b> It is liquidated when its own mark reaches its liquidation
 *       price {@code LP} (the engine's, spec margin-formulas.md §1.1 with {@code WB} = its
 *       margin); the shock is solved in closed form, {@code x = (LP − mark)/mark}, so the event lies
 *       on the path when {@code x} has the target's sign and {@code |x| ≤ |target|}. A position
 *       already at or past liquidation at the marks as entered is closed at {@code x = 0}.
 *       At the close its equity is the requirement {@code req} (margin + PnL = req at
 *       {@code LP}); the fee {@code f·req} is charged and the rest, {@code (1 − f)·req}, is
 *       returned. Its loss is capped at its margin. With the default {@code f = 1} it loses its
 *       whole margin: Binance's liquidation protocol closes at the bankruptcy price and the
 *       remaining margin goes to the insurance fund [B] (spec §1.1, "Liquidation Protocols").
 *       The cross wallet is not touched.</li>
 *   <li><b>Cross account.</b> The account is liquidated when its margin balance meets the
 *       summed requirement, {@code W + Σ uPnL_c(x) ≤ Σ req_c(x)} over the open cross positions
 *       (margin ratio ≥ 100 %, spec §1.3; the same inequality as OKX's ratio ≤ 1). The first such
 *       shock is found in closed form, piece by piece: between two maintenance-tier boundaries
 *       of any open position both sides are affine in {@code u = 1 + x} (linear) or
 *       {@code u = 1/(1 + x)} (inverse), so the crossing is {@code u* = −G0/G1}; nothing is
 *       scanned, and no crossing can be missed. The shock is rounded to {@value #SHOCK_SCALE}
 *       decimals away from 0 (tolerance 1e-15 in the shock, i.e. 1e-13 %) and confirmed with the
 *       venue's own valuation summed exactly, as the engine evaluates the account; if the model's
 *       last-digit rounding left it a hair short, a bisection with exact valuations (at most
 *       {@value #MAX_ITERATIONS} halvings) moves it onto the side where the condition holds.</li>
 *   <li><b>Sequential partial liquidation.</b> At that shock the open cross position with the
 *       largest loss (lowest PnL; the earlier position on ties) is closed: its PnL is realized
 *       into the wallet and the fee {@code f·req_k} is charged. If the account still meets the
 *       condition at the same shock, the next is closed, and so on; otherwise the walk goes on
 *       from there with the smaller account (its wallet now carries the realized loss, which
 *       pulls the others' liquidation prices in).</li>
 *   <li><b>Fee.</b> {@code f} ({@link #feeShare()}, in [0, 1]) is the share of the closed
 *       position's maintenance requirement kept by the venue. With the default 1 the venue keeps
 *       the whole maintenance margin: each close lowers equity and requirement by the same
 *       {@code req_k}, so the condition still holds and, under a uniform shock, the whole cross
 *       account goes at once at the first crossing, ending at equity 0 (the bankruptcy price).
 *       A lower fee leaves {@code (1 − f)·req_k} of buffer per close and shows a partial
 *       cascade.</li>
 *   <li><b>Insurance fund.</b> When the last cross position is closed a negative wallet is set to
 *       0 (the shortfall is the insurance fund's, Binance "Liquidation Protocols" [B]).</li>
 * </ol>
 * Real venues differ: they liquidate in steps by risk tier, cancel orders first, may use
 * auto-deleveraging and charge their own fee schedules; this model keeps the part that teaches
 * why a cross account can go all at once.
 *
 * <p><b>Cost.</b> One check and, for an isolated position, one evaluation per position; per position two venue valuations per tier
 * piece it enters on the walk (one for an isolated position); per distinct cross liquidation
 * shock one exact valuation of the open positions and an O(N log N) ordering of them. So a walk is
 * O(N·T + k·N log N) for T tier pieces per position and k distinct liquidation shocks (k = 1
 * with the default fee under a uniform shock), never an O(N) search per iteration.
 *
 * <p>Immutable and thread-safe.
 */
public final class LiquidationCascade {
    /** Decimals of a solved cross liquidation shock (a fraction), rounded away from 0. */
    public static final int SHOCK_SCALE = 15;
    /** Iteration cap of the exact confirmation's bisection (rarely entered, see the class doc). */
    public static final int MAX_ITERATIONS = 100;
    /** The default fee share: the venue keeps the closed position's whole maintenance margin. */
    public static final BigDecimal DEFAULT_FEE_SHARE = BigDecimal.ONE;
    /** The model with the default fee. */
    public static final LiquidationCascade DEFAULT = new LiquidationCascade(DEFAULT_FEE_SHARE);

    private static final MathContext MC = MathContext.DECIMAL128;

    private final BigDecimal feeShare;

    /**
     * @param feeShare  {@code f}: the share of a closed position's maintenance requirement the
     *                  venue keeps as liquidation fee, a fraction in [0, 1], not null
     * @throws ValidationException ({@code liquidationFeeShare}) if it is missing or outside [0, 1]
     */
    public LiquidationCascade(BigDecimal feeShare) {
        Checks.notNegative(feeShare, "liquidationFeeShare");
        if (feeShare.compareTo(BigDecimal.ONE) > 0) {
            throw new ValidationException("liquidationFeeShare",
                    "must be between 0 and 1 (a share of the maintenance margin)", feeShare);
        }
        this.feeShare = feeShare;
    }

    /** @return {@code f}, the liquidation fee as a share of the maintenance requirement, in [0, 1] */
    public BigDecimal feeShare() {
        return feeShare;
    }

    /**
     * Walks the shock from 0 to {@code target} and collects the liquidations in order.
     *
     * @param account  the account (isolated and cross positions, any venue), not null
     * @param scope    which marks move, not null
     * @param target   the shock to walk to, a fraction &gt; −1 and ≠ 0 (−0.9 = 90 % down), not null
     * @return the events and the equity model along the path, never null
     * @throws ValidationException ({@code shock}) if the target is ≤ −1 or 0; as
     *         {@link MarginEngine#evaluate(Account)} if a position breaks a venue rule
     */
    public CascadeResult simulate(Account account, ShockScope scope, BigDecimal target) {
        checkWalk(account, scope, target);
        return walk(account, scope, target, null, false);
    }

    /**
     * As {@link #simulate(Account, ShockScope, BigDecimal)}, taking over from an earlier walk what
     * belongs to one position alone, for every position the account still holds as the same
     * instance: an isolated position's liquidation on the path and a cross position's first tier
     * piece with its coefficients, and their checks. Taken over only when {@code previous} walked
     * the same venue instance to the same target with the same scope and fee, and the venue gives
     * the position the same schedule instance; the crossings and closes of the cross account are
     * worked out anew. The result is the same, value and scale, as without {@code previous}
     * ({@code CascadeReuseProperties}); an edit of one position of 1,000 values one position
     * instead of 1,000.
     *
     * @param account   the account, not null
     * @param scope     which marks move, not null
     * @param target    the shock to walk to, a fraction &gt; −1 and ≠ 0, not null
     * @param previous  a walk of an earlier state of the account (any account), or null
     * @return the events and the equity model along the path, never null
     * @throws ValidationException as {@link #simulate(Account, ShockScope, BigDecimal)}
     */
    public CascadeResult simulate(Account account, ShockScope scope, BigDecimal target, CascadeResult previous) {
        checkWalk(account, scope, target);
        return walk(account, scope, target, WalkStarts.usable(previous, account.venue(), scope, target, feeShare), true);
    }

    private static void checkWalk(Account account, ShockScope scope, BigDecimal target) {
        Checks.notNull(account, "account");
        Checks.notNull(scope, "scope");
        ShockScope.checkShock(target);
        if (target.signum() == 0) {
            throw new ValidationException("shock", "must not be 0: the walk needs a direction", target);
        }
    }

    /**
     * The events at the marks as entered (shock 0), without a walk: the isolated positions
     * already at or past liquidation (rule 1) and, if the cross account already meets its
     * condition, the cross positions closed at shock 0 (rules 2, 3, 5). These are exactly the
     * events at shock 0 of {@link #simulate} for any target; nothing is valued at another mark.
     * The result's {@link CascadeResult#target()} is 0, so only shock 0 is on its path. Used by
     * {@link AccountOutcome} for an unshocked account.
     *
     * @param account  the account, not null
     * @param scope    the scope recorded in the result (nothing moves at shock 0), not null
     * @return the events at shock 0, never null
     * @throws ValidationException as {@link MarginEngine#evaluate(Account)} if a position breaks a venue rule
     */
    CascadeResult atMarks(Account account, ShockScope scope) {
        Checks.notNull(account, "account");
        Checks.notNull(scope, "scope");
        return walk(account, scope, BigDecimal.ZERO, null, false);
    }

    /**
     * The walk to {@code target}; at target 0 no mark moves and only the events at shock 0 are
     * found. {@code before}: an earlier walk's shares to take over, or null; {@code keep}: whether
     * the result keeps this walk's shares for a later walk (only a walk asked for with a previous
     * one, possibly null, keeps them: a one-off walk, such as a shocked account's outcome, does not
     * pay for them).
     */
    private CascadeResult walk(Account account, ShockScope scope, BigDecimal target, WalkStarts before, boolean keep) {
        VenueRules venue = account.venue();
        List<Position> positions = account.positions();
        int n = positions.size();
        WalkStarts.Start[] taken = new WalkStarts.Start[n];
        checkPositions(venue, positions, before, taken);

        WalkStarts.Start[] starts = keep ? new WalkStarts.Start[n] : null;
        List<Tagged> isolatedEvents = new ArrayList<>();
        List<CrossSweep.Leg> legs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Position p = positions.get(i);
            WalkStarts.Start start = taken[i];
            TierTable schedule = start != null ? start.schedule() : venue.schedule(p);
            if (p.marginMode() == MarginMode.ISOLATED) {
                Tagged e;
                if (start instanceof WalkStarts.Isolated earlier) {
                    e = earlier.event() == null ? null : earlier.event().at(i);
                    if (keep) {
                        starts[i] = e == earlier.event() ? earlier : new WalkStarts.Isolated(schedule, e);
                    }
                } else {
                    PositionRisk r = MarginEngine.DEFAULT.evaluate(p, venue);
                    e = isolatedEvent(venue, p, schedule, r, scope, target, i);
                    if (keep) {
                        starts[i] = new WalkStarts.Isolated(schedule, e);
                    }
                }
                if (e != null) {
                    isolatedEvents.add(e);
                }
            } else {
                legs.add(new CrossSweep.Leg(i, p, schedule, target.signum() != 0 && scope.moves(p),
                        start instanceof WalkStarts.Cross earlier ? earlier : null, keep));
            }
        }
        isolatedEvents.sort(BY_MAGNITUDE_THEN_INDEX);

        List<Tagged> crossEvents = new ArrayList<>();
        BigDecimal crossGoneAt = null;
        CrossSweep sweep = new CrossSweep(venue, legs, account.walletBalance(), target,
                n > 0 && positions.get(0).contract() == ContractType.INVERSE);
        if (keep) {
            for (CrossSweep.Leg leg : legs) {
                starts[leg.index] = leg.start;
            }
        }
        BigDecimal from = BigDecimal.ZERO;
        if (target.signum() == 0) {
            // at the marks as entered: close the cross account if it already meets its condition
            if (sweep.hasOpenLegs() && sweep.liquidatedAtStart()) {
                crossEvents.addAll(sweep.closeAt(BigDecimal.ZERO, feeShare));
                if (!sweep.hasOpenLegs()) {
                    crossGoneAt = BigDecimal.ZERO;
                }
            }
        }
        while (target.signum() != 0 && sweep.hasOpenLegs()) {
            BigDecimal at = sweep.nextCrossing(from);
            if (at == null) {
                break;
            }
            List<Tagged> closed = sweep.closeAt(at, feeShare);
            if (closed.isEmpty()) {
                break; // cannot happen: the crossing is confirmed with the same valuation; guards against a loop
            }
            crossEvents.addAll(closed);
            if (!sweep.hasOpenLegs()) {
                crossGoneAt = at;
            }
            from = at;
        }

        // Merge by |shock|, isolated first on ties (they do not depend on the cross wallet).
        List<Tagged> merged = new ArrayList<>(isolatedEvents.size() + crossEvents.size());
        int a = 0;
        int b = 0;
        while (a < isolatedEvents.size() || b < crossEvents.size()) {
            if (b >= crossEvents.size() || (a < isolatedEvents.size()
                    && compareMagnitude(isolatedEvents.get(a).shock, crossEvents.get(b).shock) <= 0)) {
                merged.add(isolatedEvents.get(a++));
            } else {
                merged.add(crossEvents.get(b++));
            }
        }
        List<LiquidationEvent> events = new ArrayList<>(merged.size());
        BigDecimal crossWallet = account.walletBalance();
        for (int i = 0; i < merged.size(); i++) {
            Tagged t = merged.get(i);
            if (t.position.marginMode() == MarginMode.CROSS) {
                crossWallet = t.walletAfter;
            }
            boolean last = i == merged.size() - 1 && merged.size() == n;
            events.add(new LiquidationEvent(t.shock, t.position.id(), t.position.symbol(), t.position.side(),
                    t.position.marginMode(), t.mark, t.pnl, t.fee, t.loss, crossWallet, last));
        }
        BigDecimal allClosedAt = n > 0 && merged.size() == n ? merged.get(n - 1).shock : null;
        List<BigDecimal> leftovers = new ArrayList<>(merged.size());
        for (Tagged t : merged) {
            leftovers.add(t.leftover == null ? BigDecimal.ZERO : t.leftover);
        }
        return new CascadeResult(account, scope, target, feeShare, events, leftovers, allClosedAt, crossGoneAt,
                keep ? new WalkStarts(venue, scope, target, feeShare, positions, starts) : null);
    }

    /**
     * The checks of {@link MarginEngine#evaluate(Account)}, without evaluating: O(N). A position
     * whose share of an earlier walk is taken over ({@code before}, may be null) passed them then,
     * with the same venue and schedule, and is not checked again; its share goes into {@code taken}.
     */
    private static void checkPositions(VenueRules venue, List<Position> positions, WalkStarts before,
            WalkStarts.Start[] taken) {
        ContractType contract = positions.isEmpty() ? null : positions.get(0).contract();
        for (int i = 0; i < positions.size(); i++) {
            Position p = positions.get(i);
            try {
                if (p.contract() != contract) {
                    throw new ValidationException("contract",
                            "must match the workspace's other positions (" + contract.id() + ")", p.contract().id());
                }
                WalkStarts.Start earlier = before == null ? null : before.of(i, p);
                if (earlier != null && earlier.schedule() == venue.schedule(p)) {
                    taken[i] = earlier;
                    continue;
                }
                MarginEngine.DEFAULT.check(p, venue);
            } catch (ValidationException e) {
                throw e.within("positions[" + i + "]");
            }
        }
    }

    /** The isolated position's liquidation on the path, or null. */
    private Tagged isolatedEvent(VenueRules venue, Position p, TierTable schedule, PositionRisk r, ShockScope scope,
            BigDecimal target, int index) {
        BigDecimal margin = r.isolatedMargin();
        BigDecimal shock;
        Position closed;
        if (r.liquidated()) {
            shock = BigDecimal.ZERO;
            closed = p;
        } else {
            BigDecimal lp = r.liquidationPrice();
            if (lp == null || target.signum() == 0 || !scope.moves(p)) {
                return null;
            }
            // (LP − mark)/mark: the exact difference first, so that a mark a last digit away from
            // its LP keeps the sign of its shock (LP/mark − 1 would round it to 0 and lose the event)
            shock = lp.subtract(p.markPrice()).divide(p.markPrice(), MC);
            if (shock.signum() != target.signum() || shock.abs().compareTo(target.abs()) > 0) {
                return null;
            }
            closed = p.withMarkPrice(lp);
        }
        MarkValuation v = venue.valueAtMark(closed, schedule);
        BigDecimal pnl = v.unrealizedPnl().max(margin.negate());
        BigDecimal equity = margin.add(pnl);
        BigDecimal fee = feeShare.multiply(v.maintenanceRequirement()).min(equity);
        BigDecimal leftover = equity.subtract(fee);
        return new Tagged(shock, index, p, closed.markPrice(), pnl, fee, margin.subtract(leftover), null, leftover);
    }


    /**
     * Isolated events by the magnitude of their shock, then by index: the order of
     * {@code Comparator.comparing(t -> t.shock.abs()).thenComparingInt(t -> t.index)}, without an
     * {@code abs()} per comparison (a walk's events all have its target's sign, or are at 0).
     */
    private static final Comparator<Tagged> BY_MAGNITUDE_THEN_INDEX = (a, b) -> {
        int c = compareMagnitude(a.shock, b.shock);
        return c != 0 ? c : Integer.compare(a.index, b.index);
    };

    /** @return {@code x.abs().compareTo(y.abs())}, allocating nothing when both have the same sign or one is 0 */
    static int compareMagnitude(BigDecimal x, BigDecimal y) {
        int sx = x.signum();
        int sy = y.signum();
        if (sx == 0 || sy == 0) {
            return Integer.compare(sx == 0 ? 0 : 1, sy == 0 ? 0 : 1);
        }
        if (sx == sy) {
            return sx > 0 ? x.compareTo(y) : y.compareTo(x);
        }
        return x.abs().compareTo(y.abs());
    }

    /** An event before the merge; {@code index}: its position's index in the account walked. */
    record Tagged(BigDecimal shock, int index, Position position, BigDecimal mark, BigDecimal pnl,
            BigDecimal fee, BigDecimal loss, BigDecimal walletAfter, BigDecimal leftover) {

        /** @return this event for its position at index {@code i} of the account walked now */
        Tagged at(int i) {
            return i == index ? this : new Tagged(shock, i, position, mark, pnl, fee, loss, walletAfter, leftover);
        }
    }
}
