package org.marginlab.engine.whatif;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.marginlab.engine.Account;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;
import org.marginlab.engine.tier.MaintenanceTier;
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
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal THREE = BigDecimal.valueOf(3);

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
        List<Leg> legs = new ArrayList<>();
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
                legs.add(new Leg(i, p, schedule, target.signum() != 0 && scope.moves(p),
                        start instanceof WalkStarts.Cross earlier ? earlier : null, keep));
            }
        }
        isolatedEvents.sort(BY_MAGNITUDE_THEN_INDEX);

        List<Tagged> crossEvents = new ArrayList<>();
        BigDecimal crossGoneAt = null;
        CrossSweep sweep = new CrossSweep(venue, legs, account.walletBalance(), target,
                n > 0 && positions.get(0).contract() == ContractType.INVERSE);
        if (keep) {
            for (Leg leg : legs) {
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
     * An open cross position during the walk. In the sweep variable {@code u} ({@code 1 + x}
     * linear, {@code 1/(1 + x)} inverse) its PnL is {@code p + q·u} and, within one maintenance
     * tier, its requirement is {@code r + t·u}.
     */
    private static final class Leg {
        final int index;
        final Position position;
        final TierTable schedule;
        final boolean moved;
        BigDecimal c;
        int piece;
        BigDecimal p = BigDecimal.ZERO;
        BigDecimal q = BigDecimal.ZERO;
        BigDecimal r = BigDecimal.ZERO;
        BigDecimal t = BigDecimal.ZERO;
        BigDecimal nextBreak;
        boolean open = true;
        BigDecimal exactPnl;
        BigDecimal exactRequirement;
        /** Its first piece: taken over from an earlier walk, or recorded when worked out (if kept). */
        WalkStarts.Cross start;
        /** Whether its first piece is recorded for a later walk. */
        final boolean keep;

        Leg(int index, Position position, TierTable schedule, boolean moved, WalkStarts.Cross start, boolean keep) {
            this.index = index;
            this.position = position;
            this.schedule = schedule;
            this.moved = moved;
            this.start = start;
            this.keep = keep;
        }

        /** Puts this leg on the first piece an earlier walk worked out. */
        void restart() {
            c = start.c();
            piece = start.piece();
            nextBreak = start.nextBreak();
            p = start.p();
            q = start.q();
            r = start.r();
            t = start.t();
        }

        /** Records this leg's first piece, just worked out. */
        void recordStart() {
            start = new WalkStarts.Cross(schedule, c, piece, nextBreak, p, q, r, t);
        }

        BigDecimal markAt(BigDecimal onePlus) {
            return moved ? position.markPrice().multiply(onePlus) : position.markPrice();
        }

        /** Values the leg at shock {@code onePlus − 1} with the venue's rules (exact, as the engine). */
        void valueAt(VenueRules venue, BigDecimal onePlus) {
            if (moved) {
                MarkValuation v = venue.valueAtMark(position.withMarkPrice(markAt(onePlus)), schedule);
                exactPnl = v.unrealizedPnl();
                exactRequirement = v.maintenanceRequirement();
            } else {
                exactPnl = p;
                exactRequirement = r;
            }
        }
    }

    /**
     * The cross account's walk: an exact, event-driven sweep over the pieces on which every open
     * position's PnL and requirement are affine in {@code u}.
     *
     * <p>Why affine: with {@code u = 1 + x} (linear) or {@code u = 1/(1 + x)} (inverse) a moved
     * position's notional at the shocked mark is {@code c·u} ({@code c = B·mark} or
     * {@code F/mark}), its PnL is {@code s·B·(mark·u − EP)} or {@code s·F/EP − (s·F/mark)·u}, and
     * its requirement, {@code notional·(MMR_k + fee) − cum_k} valued at the mark or a constant
     * valued at the entry (Bybit), is affine in {@code u} as long as the tier {@code k} does not
     * change (spec margin-formulas.md §0, §1.2). The pieces are the schedule's tiers mapped to
     * {@code u} ({@code floor_k/c ≤ u < cap_k/c}); on each, the two coefficients are read off two
     * valuations by the venue inside the piece, so the venue's own rules (maintenance basis, close
     * fees) are used, not re-implemented. The account's margin balance less requirement is then
     * {@code G0 + G1·u} between consecutive tier boundaries of any position, and its first zero is
     * {@code u* = −G0/G1} in closed form ({@link MathContext#DECIMAL128}), the shock
     * {@code x*} rounded to {@value #SHOCK_SCALE} decimals away from 0 (onto the liquidated side).
     */
    private static final class CrossSweep {
        private final VenueRules venue;
        private final List<Leg> legs;
        private final BigDecimal target;
        private final boolean inverse;
        private final int du;
        private final BigDecimal uTarget;
        private final PriorityQueue<Leg> breaks;
        private BigDecimal wallet;
        private BigDecimal sumP = BigDecimal.ZERO;
        private BigDecimal sumQ = BigDecimal.ZERO;
        private BigDecimal sumR = BigDecimal.ZERO;
        private BigDecimal sumT = BigDecimal.ZERO;
        private int openCount;
        /** The shock the open legs' exact values were last computed at, or null. */
        private BigDecimal valuedAt;

        CrossSweep(VenueRules venue, List<Leg> legs, BigDecimal wallet, BigDecimal target, boolean inverse) {
            this.venue = venue;
            this.legs = legs;
            this.wallet = wallet;
            this.target = target;
            this.inverse = inverse;
            this.du = inverse ? -target.signum() : target.signum();
            this.uTarget = toU(target);
            Comparator<Leg> byBreak = Comparator.comparing(l -> l.nextBreak);
            this.breaks = new PriorityQueue<>(du > 0 ? byBreak : byBreak.reversed());
            for (Leg leg : legs) {
                if (leg.start != null) {
                    leg.restart();
                } else if (leg.moved) {
                    BigDecimal size = leg.position.quantity().multiply(leg.position.contractSize());
                    leg.c = inverse ? size.divide(leg.position.markPrice(), MC) : size.multiply(leg.position.markPrice());
                    BigDecimal notional = leg.c;
                    int j = leg.schedule.indexOf(notional);
                    if (du < 0 && j > 0 && leg.schedule.tiers().get(j).floor().compareTo(notional) == 0) {
                        j--;
                    }
                    setPiece(leg, j);
                } else {
                    MarkValuation v = venue.valueAtMark(leg.position, leg.schedule);
                    leg.p = v.unrealizedPnl();
                    leg.r = v.maintenanceRequirement();
                }
                if (leg.start == null && leg.keep) {
                    leg.recordStart();
                }
                add(leg, 1);
                openCount++;
                if (leg.nextBreak != null) {
                    breaks.add(leg);
                }
            }
        }

        boolean hasOpenLegs() {
            return openCount > 0;
        }

        /** Whether the open cross positions meet the liquidation condition at shock 0 (exact valuation). */
        boolean liquidatedAtStart() {
            return exactGap(BigDecimal.ZERO).signum() <= 0;
        }

        private BigDecimal toU(BigDecimal x) {
            BigDecimal onePlus = BigDecimal.ONE.add(x);
            return inverse ? BigDecimal.ONE.divide(onePlus, MC) : onePlus;
        }

        private BigDecimal toX(BigDecimal u) {
            return inverse ? BigDecimal.ONE.divide(u, MC).subtract(BigDecimal.ONE) : u.subtract(BigDecimal.ONE);
        }

        private BigDecimal markAt(Leg leg, BigDecimal u) {
            return inverse ? leg.position.markPrice().divide(u, MC) : leg.position.markPrice().multiply(u);
        }

        /**
         * Adds ({@code sign} 1) or takes away ({@code sign} −1) a leg's coefficients. The same sums
         * as adding {@code sign·coefficient}: a product by ±1 keeps value and scale, and
         * {@code subtract(x, mc)} is {@code add(x.negate(), mc)}.
         */
        private void add(Leg leg, int sign) {
            if (sign > 0) {
                sumP = sumP.add(leg.p, MC);
                sumQ = sumQ.add(leg.q, MC);
                sumR = sumR.add(leg.r, MC);
                sumT = sumT.add(leg.t, MC);
            } else {
                sumP = sumP.subtract(leg.p, MC);
                sumQ = sumQ.subtract(leg.q, MC);
                sumR = sumR.subtract(leg.r, MC);
                sumT = sumT.subtract(leg.t, MC);
            }
        }

        /** Puts a moved leg on tier piece {@code j}: coefficients from two valuations inside it. */
        private void setPiece(Leg leg, int j) {
            List<MaintenanceTier> tiers = leg.schedule.tiers();
            MaintenanceTier tier = tiers.get(j);
            BigDecimal lo = tier.floor().divide(leg.c, MC);
            BigDecimal hi = j == tiers.size() - 1 || tier.cap() == null ? null : tier.cap().divide(leg.c, MC);
            leg.piece = j;
            leg.nextBreak = du < 0 ? (j == 0 ? null : lo) : hi;
            BigDecimal ua;
            BigDecimal ub;
            if (hi != null) {
                BigDecimal third = hi.subtract(lo).divide(THREE, MC);
                ua = lo.add(third);
                ub = lo.add(third).add(third);
            } else {
                ua = lo.add(BigDecimal.ONE);
                ub = lo.add(TWO);
            }
            MarkValuation va = venue.valueAtMark(leg.position.withMarkPrice(markAt(leg, ua)), leg.schedule);
            MarkValuation vb = venue.valueAtMark(leg.position.withMarkPrice(markAt(leg, ub)), leg.schedule);
            BigDecimal width = ub.subtract(ua);
            leg.q = vb.unrealizedPnl().subtract(va.unrealizedPnl()).divide(width, MC);
            leg.p = va.unrealizedPnl().subtract(leg.q.multiply(ua), MC);
            leg.t = vb.maintenanceRequirement().subtract(va.maintenanceRequirement()).divide(width, MC);
            leg.r = va.maintenanceRequirement().subtract(leg.t.multiply(ua), MC);
        }

        /** Margin balance less requirement of the open cross positions at {@code u}, current pieces. */
        private BigDecimal gap(BigDecimal u) {
            return wallet.add(sumP).subtract(sumR).add(sumQ.subtract(sumT).multiply(u, MC), MC);
        }

        /** Whether {@code a} lies strictly further along the walk than {@code b} (in u). */
        private boolean beyond(BigDecimal a, BigDecimal b) {
            return du > 0 ? a.compareTo(b) > 0 : a.compareTo(b) < 0;
        }

        /**
         * The first shock from {@code from} (inclusive) toward the target at which the account
         * meets its liquidation condition, or null if none.
         */
        BigDecimal nextCrossing(BigDecimal from) {
            if (exactGap(from).signum() <= 0) {
                return from;
            }
            while (true) {
                Leg head = breaks.peek();
                while (head != null && !head.open) {
                    breaks.poll();
                    head = breaks.peek();
                }
                boolean atBreak = head != null && !beyond(head.nextBreak, uTarget);
                BigDecimal uNext = atBreak ? head.nextBreak : uTarget;
                if (gap(uNext).signum() <= 0) {
                    BigDecimal slope = sumQ.subtract(sumT);
                    BigDecimal uStar = slope.signum() == 0 ? uNext
                            : wallet.add(sumP).subtract(sumR).negate().divide(slope, MC);
                    BigDecimal end = atBreak ? away(toX(uNext)) : target;
                    return onLiquidatedSide(away(toX(uStar)), from, end);
                }
                if (!atBreak) {
                    return null;
                }
                while (head != null && head.nextBreak.compareTo(uNext) == 0) {
                    breaks.poll();
                    if (head.open) {
                        add(head, -1);
                        setPiece(head, head.piece + (du > 0 ? 1 : -1));
                        add(head, 1);
                        if (head.nextBreak != null) {
                            breaks.add(head);
                        }
                    }
                    head = breaks.peek();
                }
            }
        }

        /** A shock rounded to {@value #SHOCK_SCALE} decimals away from 0 (onto the liquidated side), within the target. */
        private BigDecimal away(BigDecimal x) {
            BigDecimal rounded = x.setScale(SHOCK_SCALE, target.signum() < 0 ? RoundingMode.FLOOR : RoundingMode.CEILING);
            return rounded.abs().compareTo(target.abs()) > 0 ? target : rounded;
        }

        /**
         * Confirms the solved shock with the venue's own valuation (exact sums, as the engine
         * evaluates the account): if the rounding of the piecewise model left it a hair short,
         * bisects toward the end of the piece with exact valuations (at most
         * {@value #MAX_ITERATIONS} halvings, to 1e-{@value #SHOCK_SCALE}).
         */
        private BigDecimal onLiquidatedSide(BigDecimal x, BigDecimal from, BigDecimal end) {
            BigDecimal shock = x.abs().compareTo(from.abs()) < 0 ? from : x;
            if (exactGap(shock).signum() <= 0) {
                return shock;
            }
            BigDecimal hit = exactGap(end).signum() <= 0 ? end : exactGap(target).signum() <= 0 ? target : null;
            if (hit == null) {
                return null;
            }
            BigDecimal safe = shock;
            BigDecimal tolerance = BigDecimal.ONE.movePointLeft(SHOCK_SCALE);
            for (int i = 0; i < MAX_ITERATIONS && hit.subtract(safe).abs().compareTo(tolerance) > 0; i++) {
                BigDecimal mid = away(safe.add(hit).divide(TWO, MC));
                if (mid.compareTo(hit) == 0 || mid.compareTo(safe) == 0) {
                    break;
                }
                if (exactGap(mid).signum() <= 0) {
                    hit = mid;
                } else {
                    safe = mid;
                }
            }
            return hit;
        }

        /** Margin balance less requirement of the open cross positions at shock {@code x}, by the venue's valuation. */
        private BigDecimal exactGap(BigDecimal x) {
            BigDecimal onePlus = BigDecimal.ONE.add(x);
            BigDecimal gap = wallet;
            for (Leg leg : legs) {
                if (leg.open) {
                    leg.valueAt(venue, onePlus);
                    gap = gap.add(leg.exactPnl).subtract(leg.exactRequirement);
                }
            }
            valuedAt = x;
            return gap;
        }

        /** Closes cross positions at shock {@code x}, largest loss first, while the condition holds. */
        List<Tagged> closeAt(BigDecimal x, BigDecimal feeShare) {
            BigDecimal onePlus = BigDecimal.ONE.add(x);
            BigDecimal equity = wallet;
            BigDecimal requirement = BigDecimal.ZERO;
            List<Leg> order = new ArrayList<>(openCount);
            boolean valued = x.equals(valuedAt);
            for (Leg leg : legs) {
                if (leg.open) {
                    if (!valued) {
                        leg.valueAt(venue, onePlus);
                    }
                    equity = equity.add(leg.exactPnl);
                    requirement = requirement.add(leg.exactRequirement);
                    order.add(leg);
                }
            }
            order.sort(Comparator.comparing((Leg l) -> l.exactPnl).thenComparingInt(l -> l.index));
            List<Tagged> out = new ArrayList<>();
            for (int k = 0; k < order.size() && equity.compareTo(requirement) <= 0; k++) {
                Leg leg = order.get(k);
                BigDecimal pnl = leg.exactPnl;
                BigDecimal req = leg.exactRequirement;
                BigDecimal fee = feeShare.multiply(req);
                equity = equity.subtract(fee);
                requirement = requirement.subtract(req);
                wallet = wallet.add(pnl).subtract(fee);
                leg.open = false;
                add(leg, -1);
                openCount--;
                if (openCount == 0 && wallet.signum() < 0) {
                    wallet = BigDecimal.ZERO;
                }
                out.add(new Tagged(x, leg.index, leg.position, leg.markAt(onePlus), pnl, fee, fee.subtract(pnl), wallet,
                        null));
            }
            return out;
        }
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
