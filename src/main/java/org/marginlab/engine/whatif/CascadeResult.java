package org.marginlab.engine.whatif;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.marginlab.engine.Account;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;

/**
 * The liquidations a {@link LiquidationCascade} found on the walk from shock 0 to a target, and
 * the account's equity along that walk.
 *
 * <p>A shock {@code x} is <em>on the path</em> when it lies between 0 and the target (inclusive);
 * the events reached at {@code x} are those with {@code |shock| ≤ |x|} (and those at 0, already
 * liquidated at the marks as entered, for any {@code x}).
 *
 * <p><b>Equity</b> at a shock is the account's total equity there, as the engine defines it
 * (cross wallet + every open isolated position's margin + every open position's PnL at the
 * shocked marks), after the events reached, plus what liquidated isolated positions returned
 * ({@code (1 − f)·req}; 0 with the default fee). {@link #equityAt(BigDecimal)} computes it with
 * the engine; {@link #equityAt(double)} is the {@code double} fast path for chart sweeps: each
 * position's PnL is {@code α + β·g(x)} with {@code g = 1 + x} (linear,
 * {@code PnL = s·B·(mark·(1 + x) − EP)}) or {@code g = 1/(1 + x)} (inverse,
 * {@code PnL = s·F·(1/EP − 1/(mark·(1 + x)))}), spec margin-formulas.md §0, summed over the open
 * positions with prefix sums over the events: O(N + E) set-up, then O(E) per point.
 *
 * <p>Immutable and thread-safe.
 */
public final class CascadeResult {
    private final Account account;
    private final ShockScope scope;
    private final BigDecimal target;
    private final BigDecimal feeShare;
    private final List<LiquidationEvent> events;
    private final List<BigDecimal> leftovers;
    private final BigDecimal allClosedAt;
    private final BigDecimal crossGoneAt;
    /** What the walk worked out per position, for the next walk of an edited account; null if none. */
    private final WalkStarts starts;

    // double model: equity after k events at shock x = base[k] + beta[k]·g(x)
    private final boolean inverse;
    private final double[] eventShock;
    private final double[] base;
    private final double[] beta;

    CascadeResult(Account account, ShockScope scope, BigDecimal target, BigDecimal feeShare,
            List<LiquidationEvent> events, List<BigDecimal> leftovers, BigDecimal allClosedAt, BigDecimal crossGoneAt,
            WalkStarts starts) {
        this.starts = starts;
        this.account = account;
        this.scope = scope;
        this.target = target;
        this.feeShare = feeShare;
        this.events = List.copyOf(events);
        this.leftovers = List.copyOf(leftovers);
        this.allClosedAt = allClosedAt;
        this.crossGoneAt = crossGoneAt;

        List<Position> positions = account.positions();
        this.inverse = !positions.isEmpty() && positions.get(0).contract() == ContractType.INVERSE;
        Map<String, Integer> byId = new HashMap<>();
        int n = positions.size();
        double[] alpha = new double[n];
        double[] b = new double[n];
        double[] margin = new double[n];
        double alphaSum = 0;
        double betaSum = 0;
        double marginSum = 0;
        for (int i = 0; i < n; i++) {
            Position p = positions.get(i);
            byId.put(p.id(), i);
            double s = p.side().sign();
            double size = p.quantity().multiply(p.contractSize()).doubleValue();
            double entry = p.entryPrice().doubleValue();
            double mark = p.markPrice().doubleValue();
            boolean moved = scope.moves(p);
            if (inverse) {
                double pnlAtMark = s * size * (1 / entry - 1 / mark);
                alpha[i] = moved ? s * size / entry : pnlAtMark;
                b[i] = moved ? -s * size / mark : 0;
            } else {
                double pnlAtMark = s * size * (mark - entry);
                alpha[i] = moved ? -s * size * entry : pnlAtMark;
                b[i] = moved ? s * size * mark : 0;
            }
            if (p.marginMode() == MarginMode.ISOLATED) {
                margin[i] = (p.isolatedMargin() != null ? p.isolatedMargin() : account.venue().defaultIsolatedMargin(p)).doubleValue();
            }
            alphaSum += alpha[i];
            betaSum += b[i];
            marginSum += margin[i];
        }
        int e = this.events.size();
        this.eventShock = new double[e];
        this.base = new double[e + 1];
        this.beta = new double[e + 1];
        double wallet = account.walletBalance().doubleValue();
        double returned = 0;
        base[0] = wallet + marginSum + alphaSum;
        beta[0] = betaSum;
        for (int k = 0; k < e; k++) {
            LiquidationEvent ev = this.events.get(k);
            int i = byId.get(ev.positionId());
            eventShock[k] = ev.shock().doubleValue();
            alphaSum -= alpha[i];
            betaSum -= b[i];
            marginSum -= margin[i];
            returned += this.leftovers.get(k).doubleValue();
            wallet = ev.crossWalletAfter().doubleValue();
            base[k + 1] = wallet + marginSum + returned + alphaSum;
            beta[k + 1] = betaSum;
        }
    }

    /** @return what the walk worked out per position (the next walk may take it over), or null */
    WalkStarts starts() {
        return starts;
    }

    /** @return the account the walk started from (the marks as entered); never null */
    public Account account() {
        return account;
    }

    /** @return which marks moved; never null */
    public ShockScope scope() {
        return scope;
    }

    /**
     * @return the shock the walk went to, a fraction ≠ 0 for {@link LiquidationCascade#simulate};
     *         0 only for the events at the marks as entered that {@link AccountOutcome} uses; never null
     */
    public BigDecimal target() {
        return target;
    }

    /** @return the liquidation fee share {@code f} used, in [0, 1]; never null */
    public BigDecimal feeShare() {
        return feeShare;
    }

    /** @return every event on the path, in order; unmodifiable, never null */
    public List<LiquidationEvent> events() {
        return events;
    }

    /**
     * @return the shock at which the last open position of the account is closed, or null if
     *         some position is still open at the target
     */
    public BigDecimal allClosedAt() {
        return allClosedAt;
    }

    /**
     * @return the shock at which the cross account goes: its last cross position is closed (its
     *         equity reached its requirement and the cascade closed every cross position); null if
     *         the account has no cross position or some survive to the target
     */
    public BigDecimal crossGoneAt() {
        return crossGoneAt;
    }

    /**
     * @param shock  a shock, a fraction, not null
     * @return how many events are reached at that shock (a prefix of {@link #events()})
     */
    public int countAt(BigDecimal shock) {
        ShockScope.checkShock(shock);
        int k = 0;
        while (k < events.size() && reached(events.get(k).shock(), shock)) {
            k++;
        }
        return k;
    }

    private boolean reached(BigDecimal eventShock, BigDecimal shock) {
        if (eventShock.signum() == 0) {
            return true;
        }
        return eventShock.signum() == shock.signum() && eventShock.abs().compareTo(shock.abs()) <= 0;
    }

    /**
     * @param shock  a shock, a fraction, not null
     * @return the events reached at that shock, in order; unmodifiable, never null
     */
    public List<LiquidationEvent> eventsAt(BigDecimal shock) {
        return events.subList(0, countAt(shock));
    }

    /**
     * The account left after the events reached at a shock: the closed positions removed, the
     * cross wallet as the last reached cross event left it. Marks are as entered; shock them with
     * {@link ShockScope#apply(Account, BigDecimal)} to evaluate the survivors at that shock (their
     * cross liquidation prices then include the realized losses). An account's wallet cannot be
     * negative: if realized losses have taken the cross wallet below 0 while open cross positions
     * hold the profits that keep the account alive (a hedge, with a fee share below 1), the
     * returned account has wallet 0 and {@link #crossWalletAt} gives the true, negative value.
     *
     * @param shock  a shock, a fraction, not null
     * @return the remaining account, never null
     */
    public Account accountAt(BigDecimal shock) {
        int k = countAt(shock);
        if (k == 0) {
            return account;
        }
        Set<String> closed = new HashSet<>();
        for (int i = 0; i < k; i++) {
            closed.add(events.get(i).positionId());
        }
        List<Position> open = new ArrayList<>(account.positions().size() - k);
        for (Position p : account.positions()) {
            if (!closed.contains(p.id())) {
                open.add(p);
            }
        }
        return Account.of(account.venue(), events.get(k - 1).crossWalletAfter().max(BigDecimal.ZERO), open);
    }

    /**
     * @param shock  a shock, a fraction, not null
     * @return the cross wallet after the events reached at that shock, settlement currency (may
     *         be negative mid-cascade, see {@link #accountAt}); never null
     */
    public BigDecimal crossWalletAt(BigDecimal shock) {
        int k = countAt(shock);
        return k == 0 ? account.walletBalance() : events.get(k - 1).crossWalletAfter();
    }

    /**
     * @param shock  a shock, a fraction, not null
     * @return what the liquidated isolated positions returned by that shock ({@code (1 − f)·req}
     *         each), settlement currency, ≥ 0
     */
    public BigDecimal returnedAt(BigDecimal shock) {
        BigDecimal sum = BigDecimal.ZERO;
        int k = countAt(shock);
        for (int i = 0; i < k; i++) {
            sum = sum.add(leftovers.get(i));
        }
        return sum;
    }

    /**
     * The account's total equity at a shock on the path, computed with the engine (exact).
     *
     * @param shock  a shock on the path, a fraction, not null
     * @return {@code totalEquity} of the remaining account at the shocked marks plus
     *         {@link #returnedAt} (and a negative cross wallet, see {@link #accountAt}),
     *         settlement currency; never null
     * @throws ValidationException ({@code shock}) if the shock is not on the path
     */
    public BigDecimal equityAt(BigDecimal shock) {
        checkOnPath(shock);
        Account rest = scope.apply(accountAt(shock), shock);
        return MarginEngine.DEFAULT.evaluate(rest).totalEquity().add(returnedAt(shock))
                .add(crossWalletAt(shock).min(BigDecimal.ZERO));
    }

    private void checkOnPath(BigDecimal shock) {
        ShockScope.checkShock(shock);
        if (shock.signum() != 0 && (shock.signum() != target.signum() || shock.abs().compareTo(target.abs()) > 0)) {
            throw new ValidationException("shock", "must lie between 0 and the walk's target "
                    + target.stripTrailingZeros().toPlainString(), shock);
        }
    }

    /**
     * The {@code double} fast path of {@link #equityAt(BigDecimal)} (see the class doc); agrees
     * with it to about 1e-12 relative.
     *
     * @param shock  a shock on the path, a fraction
     * @return the equity, settlement currency
     */
    public double equityAt(double shock) {
        return equity(countAt(shock), shock);
    }

    private int countAt(double shock) {
        int k = 0;
        while (k < eventShock.length && (eventShock[k] == 0
                || (Math.signum(eventShock[k]) == Math.signum(shock) && Math.abs(eventShock[k]) <= Math.abs(shock)))) {
            k++;
        }
        return k;
    }

    private double equity(int eventsApplied, double shock) {
        double g = inverse ? 1 / (1 + shock) : 1 + shock;
        return base[eventsApplied] + beta[eventsApplied] * g;
    }

    /**
     * @param eventIndex  an index into {@link #events()}
     * @return the equity at the event's shock just before it ({@code double})
     */
    public double equityBefore(int eventIndex) {
        return equity(eventIndex, eventShock[eventIndex]);
    }

    /**
     * @param eventIndex  an index into {@link #events()}
     * @return the equity at the event's shock just after it ({@code double})
     */
    public double equityAfter(int eventIndex) {
        return equity(eventIndex + 1, eventShock[eventIndex]);
    }
}
