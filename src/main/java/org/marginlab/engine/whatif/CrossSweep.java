package org.marginlab.engine.whatif;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.marginlab.engine.Position;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.venue.MarkValuation;
import org.marginlab.engine.venue.VenueRules;

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
 *
 * <p>The cross part of {@link LiquidationCascade}'s walk (its rules 2, 3 and 5): one walk's
 * state, not thread-safe.
 */
final class CrossSweep {
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal THREE = BigDecimal.valueOf(3);
    private static final int SHOCK_SCALE = LiquidationCascade.SHOCK_SCALE;
    private static final int MAX_ITERATIONS = LiquidationCascade.MAX_ITERATIONS;

    /**
     * An open cross position during the walk. In the sweep variable {@code u} ({@code 1 + x}
     * linear, {@code 1/(1 + x)} inverse) its PnL is {@code p + q·u} and, within one maintenance
     * tier, its requirement is {@code r + t·u}.
     */
    static final class Leg {
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
    List<LiquidationCascade.Tagged> closeAt(BigDecimal x, BigDecimal feeShare) {
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
        List<LiquidationCascade.Tagged> out = new ArrayList<>();
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
            out.add(new LiquidationCascade.Tagged(x, leg.index, leg.position, leg.markAt(onePlus), pnl, fee, fee.subtract(pnl), wallet,
                    null));
        }
        return out;
    }
}
