package org.marginlab.engine.replay;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.venue.MarkValuation;
import org.marginlab.engine.venue.VenueRules;

/**
 * One account walked along a path, point by point (the rules are on {@link PathReplay}). Mutable,
 * used by one thread while {@link PathReplay#run} builds the frames.
 */
final class SideWalk {
    private static final MathContext MC = MathContext.DECIMAL128;
    /** The cross crossing's bisection stops when the bracket is this many nanoseconds wide (1 ms). */
    private static final long RESOLUTION_NANOS = 1_000_000L;

    private final ReplaySide side;
    private final VenueRules venue;
    private final PricePath path;
    private final BigDecimal fee;
    private final List<Position> positions;
    private final boolean[] open;
    private final Map<String, BigDecimal> closedAt = new LinkedHashMap<>();
    private final List<LiquidationEvent> events = new ArrayList<>();
    private BigDecimal wallet;
    private BigDecimal returned = BigDecimal.ZERO;
    private AccountRisk risk;

    SideWalk(ReplaySide side, Account account, PricePath path, BigDecimal fee) {
        this.side = side;
        this.venue = account.venue();
        this.path = path;
        this.fee = fee;
        this.positions = account.positions();
        this.open = new boolean[positions.size()];
        java.util.Arrays.fill(open, true);
        this.wallet = account.walletBalance();
    }

    /** The events at the first point's marks, then the state there. */
    SideState start() {
        risk = MarginEngine.DEFAULT.evaluate(accountAt(0, BigDecimal.ZERO));
        Instant t = path.time(0);
        for (int k = 0; k < positions.size(); k++) {
            Position p = positions.get(k);
            PositionRisk r = risk.position(p.id());
            if (p.marginMode() == MarginMode.ISOLATED && r.liquidated()) {
                closeIsolated(k, t, markOf(p, 0, BigDecimal.ZERO), r);
            }
        }
        if (anyOpenCross() && gap(0, BigDecimal.ZERO).signum() <= 0) {
            closeCross(0, BigDecimal.ZERO, t);
        }
        return state(0);
    }

    /** Walks from point {@code i} to point {@code i + 1}; returns the state at {@code i + 1}. */
    SideState step(int i) {
        Instant t0 = path.time(i);
        long span = Duration.between(t0, path.time(i + 1)).toNanos();
        for (int k = 0; k < positions.size(); k++) {
            Position p = positions.get(k);
            if (!open[k] || p.marginMode() != MarginMode.ISOLATED || !path.moves(p.symbol())) {
                continue;
            }
            PositionRisk r = risk.position(p.id());
            BigDecimal lp = r.liquidationPrice();
            if (lp == null) {
                continue;
            }
            BigDecimal m0 = path.mark(p.symbol(), i);
            BigDecimal m1 = path.mark(p.symbol(), i + 1);
            boolean reached = p.side() == Side.LONG ? m1.compareTo(lp) <= 0 : m1.compareTo(lp) >= 0;
            if (reached) {
                // the linear mark m0 + α·(m1 − m0) equals LP at α = (m0 − LP)/(m0 − m1)
                BigDecimal alpha = m0.subtract(lp).divide(m0.subtract(m1), MC).max(BigDecimal.ZERO).min(BigDecimal.ONE);
                long nanos = alpha.multiply(BigDecimal.valueOf(span)).setScale(0, RoundingMode.CEILING).longValueExact();
                closeIsolated(k, t0.plusNanos(nanos), lp, r);
            }
        }
        long from = 0;
        while (anyOpenCross() && gap(i, BigDecimal.ONE).signum() <= 0) {
            long hit = from;
            if (gap(i, alpha(from, span)).signum() > 0) {
                long safe = from;
                hit = span;
                while (hit - safe > RESOLUTION_NANOS) {
                    long mid = safe + (hit - safe) / 2;
                    if (gap(i, alpha(mid, span)).signum() <= 0) {
                        hit = mid;
                    } else {
                        safe = mid;
                    }
                }
            }
            if (!closeCross(i, alpha(hit, span), t0.plusNanos(hit))) {
                break; // cannot happen: the condition holds at hit; guards against a loop
            }
            from = hit;
        }
        return state(i + 1);
    }

    private static BigDecimal alpha(long nanos, long span) {
        return nanos >= span ? BigDecimal.ONE : BigDecimal.valueOf(nanos).divide(BigDecimal.valueOf(span), MC);
    }

    /** The walk's events so far, in the order found (time order within a segment by side kind). */
    List<LiquidationEvent> events() {
        return events;
    }

    private SideState state(int i) {
        risk = MarginEngine.DEFAULT.evaluate(accountAt(i, BigDecimal.ZERO));
        BigDecimal equity = risk.totalEquity().add(returned).add(wallet.min(BigDecimal.ZERO));
        return new SideState(equity, wallet, risk, closedAt);
    }

    private BigDecimal markOf(Position p, int i, BigDecimal alpha) {
        return path.moves(p.symbol()) ? path.markAt(p.symbol(), i, alpha) : p.markPrice();
    }

    private Account accountAt(int i, BigDecimal alpha) {
        List<Position> list = new ArrayList<>(positions.size());
        for (int k = 0; k < positions.size(); k++) {
            if (open[k]) {
                Position p = positions.get(k);
                list.add(p.withMarkPrice(markOf(p, i, alpha)));
            }
        }
        return Account.of(venue, wallet.max(BigDecimal.ZERO), list);
    }

    private boolean anyOpenCross() {
        for (int k = 0; k < positions.size(); k++) {
            if (open[k] && positions.get(k).marginMode() == MarginMode.CROSS) {
                return true;
            }
        }
        return false;
    }

    /** {@code W + Σ uPnL − Σ requirement} of the open cross positions at the interpolated marks. */
    private BigDecimal gap(int i, BigDecimal alpha) {
        BigDecimal g = wallet;
        for (int k = 0; k < positions.size(); k++) {
            Position p = positions.get(k);
            if (open[k] && p.marginMode() == MarginMode.CROSS) {
                MarkValuation v = venue.valueAtMark(p.withMarkPrice(markOf(p, i, alpha)), venue.schedule(p));
                g = g.add(v.unrealizedPnl()).subtract(v.maintenanceRequirement());
            }
        }
        return g;
    }

    /** Rule 1 of the comparison's cascade: closed at its liquidation price on its own margin. */
    private void closeIsolated(int k, Instant time, BigDecimal mark, PositionRisk r) {
        Position p = positions.get(k);
        BigDecimal margin = r.isolatedMargin();
        MarkValuation v = venue.valueAtMark(p.withMarkPrice(mark), venue.schedule(p));
        BigDecimal pnl = v.unrealizedPnl().max(margin.negate());
        BigDecimal equity = margin.add(pnl);
        BigDecimal charged = fee.multiply(v.maintenanceRequirement()).min(equity);
        BigDecimal leftover = equity.subtract(charged);
        returned = returned.add(leftover);
        open[k] = false;
        closedAt.put(p.id(), mark);
        events.add(new LiquidationEvent(time, side, p.id(), p.symbol(), mark, r.liquidationPrice(),
                margin.subtract(leftover)));
    }

    /**
     * Rules 3 and 5 of the comparison's cascade at the interpolated marks: the open cross position
     * with the largest loss first (the earlier on ties), each realizing its PnL and paying
     * {@code f·req}, while the account still meets its condition.
     *
     * @return whether a position was closed
     */
    private boolean closeCross(int i, BigDecimal alpha, Instant time) {
        AccountRisk before = MarginEngine.DEFAULT.evaluate(accountAt(i, alpha));
        List<Integer> order = new ArrayList<>();
        BigDecimal equity = wallet;
        BigDecimal requirement = BigDecimal.ZERO;
        Map<Integer, MarkValuation> values = new LinkedHashMap<>();
        for (int k = 0; k < positions.size(); k++) {
            Position p = positions.get(k);
            if (open[k] && p.marginMode() == MarginMode.CROSS) {
                MarkValuation v = venue.valueAtMark(p.withMarkPrice(markOf(p, i, alpha)), venue.schedule(p));
                values.put(k, v);
                equity = equity.add(v.unrealizedPnl());
                requirement = requirement.add(v.maintenanceRequirement());
                order.add(k);
            }
        }
        order.sort(Comparator.comparing((Integer k) -> values.get(k).unrealizedPnl()).thenComparingInt(k -> k));
        boolean any = false;
        for (int j = 0; j < order.size() && equity.compareTo(requirement) <= 0; j++) {
            int k = order.get(j);
            Position p = positions.get(k);
            MarkValuation v = values.get(k);
            BigDecimal pnl = v.unrealizedPnl();
            BigDecimal req = v.maintenanceRequirement();
            BigDecimal charged = fee.multiply(req);
            equity = equity.subtract(charged);
            requirement = requirement.subtract(req);
            wallet = wallet.add(pnl).subtract(charged);
            open[k] = false;
            any = true;
            if (!anyOpenCross() && wallet.signum() < 0) {
                wallet = BigDecimal.ZERO;
            }
            BigDecimal mark = markOf(p, i, alpha);
            closedAt.put(p.id(), mark);
            events.add(new LiquidationEvent(time, side, p.id(), p.symbol(), mark,
                    before.position(p.id()).liquidationPrice(), charged.subtract(pnl)));
        }
        return any;
    }
}
