package org.marginlab.engine.whatif;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.venue.MarkValuation;
import org.marginlab.engine.venue.VenueRules;

/**
 * The liquidated state and the total equity of an account at a price shock: one model for the
 * app's account bar, its positions table, the isolated-vs-cross comparison and
 * {@code marginlab calc} (spec workspace-and-cli.md §4, "Liquidated state").
 *
 * <p><b>Model.</b> The marks walk from the entered marks to the shocked ones
 * ({@code mark·(1 + shock)} for the marks the {@link ShockScope} moves), and
 * {@link LiquidationCascade#DEFAULT} (fee share 1) closes what is reached on the way:
 * <ul>
 *   <li>an isolated position is liquidated when its mark is at or beyond its liquidation price
 *       (long: mark ≤ LP; short: mark ≥ LP), at the shocked marks or already at the entered
 *       ones; it then contributes what the cascade returns for it, 0 with the default fee share
 *       (its margin is lost);</li>
 *   <li>a cross position is liquidated when the cascade closes it: the cross account meets its
 *       venue's threshold ({@code W + Σ uPnL ≤ Σ maintenance requirement}, margin ratio at
 *       100 %) at the shocked marks or on the way; with fee share 1 every cross position then
 *       goes and the cross account contributes what the cascade leaves of the wallet, never below 0.</li>
 * </ul>
 * So {@code totalEquity} = Σ live isolated ({@code isolatedMargin + uPnL}) + (cross account live ?
 * {@code W + Σ cross uPnL} : what the cascade leaves), in the settlement currency. For a shock
 * ≠ 0 it is exactly {@code LiquidationCascade.DEFAULT.simulate(entered, scope, shock).equityAt(shock)};
 * for shock 0 the same model closes the positions already at or past liquidation at the entered
 * marks (the cascade's events at shock 0).
 *
 * <p><b>Fast path.</b> When nothing can have been reached, no cascade runs and
 * {@code totalEquity} is {@code shockedRisk.totalEquity()}: O(N) comparisons and multiplications
 * on the evaluation the caller already has, no valuation. For a shock ≠ 0 that moves a cross
 * position, the cross condition at the start of the walk (the entered marks) is first bounded from
 * the shocked evaluation (exact PnL changes; the requirement grows with the notional at a rate
 * below 2); only when that bound cannot show the account live there is each cross position valued
 * at its entered mark (O(N) valuations). About 20–30 µs at 200 positions on a busy 2-core
 * machine, against ~0.5 ms for one evaluation. "Reached" is decided conservatively (any doubt
 * runs the cascade, whose events then decide): an isolated
 * position whose shocked or entered mark is within a relative 1e-30 of (or beyond) its liquidation
 * price, or which the engine finds liquidated; the cross condition at either end of the walk.
 * Between the ends the cross account's margin balance less requirement is concave in the walk
 * (PnL is affine, each requirement convex when its maintenance rates do not fall from one tier to
 * the next, as in every bundled table), so it cannot meet the threshold only in between; a moved
 * position with an explicit tier table whose rates fall somewhere always runs the cascade.
 *
 * <p>Immutable and thread-safe.
 */
public final class AccountOutcome {
    private static final int TOLERANCE_DIGITS = 30;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal SLACK = new BigDecimal("1e-6");

    private final Account entered;
    private final AccountRisk risk;
    private final boolean[] liquidated;
    private final boolean crossLiquidated;
    private final BigDecimal totalEquity;

    private AccountOutcome(Account entered, AccountRisk risk, boolean[] liquidated, boolean crossLiquidated,
            BigDecimal totalEquity) {
        this.entered = entered;
        this.risk = risk;
        this.liquidated = liquidated;
        this.crossLiquidated = crossLiquidated;
        this.totalEquity = totalEquity;
    }

    /**
     * The outcome at the entered marks (shock 0), evaluating the account once: what
     * {@code marginlab calc} reports.
     *
     * @param entered  the account as entered, not null
     * @return the outcome, never null
     * @throws ValidationException as {@link MarginEngine#evaluate(Account)}
     */
    public static AccountOutcome of(Account entered) {
        Checks.notNull(entered, "account");
        return of(entered, ShockScope.ALL, BigDecimal.ZERO, MarginEngine.DEFAULT.evaluate(entered));
    }

    /**
     * The outcome at a shock, reusing the caller's evaluation of the shocked account.
     *
     * @param entered      the account as entered (marks not shocked), not null
     * @param scope        which marks the shock moves, not null
     * @param shock        the shock, a fraction &gt; −1 (−0.17 = 17 % down; 0 = the entered marks), not null
     * @param shockedRisk  {@code MarginEngine.DEFAULT.evaluate(scope.apply(entered, shock))}, not null
     * @return the outcome, never null
     * @throws ValidationException ({@code shock}) if the shock is ≤ −1; as
     *         {@link MarginEngine#evaluate(Account)} if the cascade has to run on an invalid account
     * @throws IllegalArgumentException if {@code shockedRisk} visibly belongs to another account
     *         (another number or order of positions)
     */
    public static AccountOutcome of(Account entered, ShockScope scope, BigDecimal shock, AccountRisk shockedRisk) {
        Checks.notNull(entered, "account");
        Checks.notNull(scope, "scope");
        Checks.notNull(shockedRisk, "risk");
        ShockScope.checkShock(shock);
        List<Position> positions = entered.positions();
        List<PositionRisk> results = shockedRisk.positions();
        int n = positions.size();
        if (results.size() != n) {
            throw new IllegalArgumentException("the risk given has " + results.size() + " positions, the account " + n);
        }
        boolean moving = shock.signum() != 0;
        BigDecimal onePlus = BigDecimal.ONE.add(shock);
        boolean anyCross = false;
        boolean crossMoves = false;
        boolean suspect = false;
        // a lower bound of the cross margin balance less requirement at the entered marks, from the
        // shocked one: exact PnL changes, the requirement's change bounded by slope ≤ 2 (MMR and fee
        // rate < 1; non-decreasing in the notional) plus a slack for the tier recurrence tolerance
        BigDecimal enteredGapBound = shockedRisk.marginBalance().subtract(shockedRisk.maintenanceMargin());
        for (int i = 0; i < n; i++) {
            Position p = positions.get(i);
            PositionRisk r = results.get(i);
            if (!r.positionId().equals(p.id())) {
                throw new IllegalArgumentException("the risk given is not of this account: " + r.positionId()
                        + " at position " + i + ", expected " + p.id());
            }
            boolean moved = moving && scope.moves(p);
            if (moved && fallingRates(p)) {
                suspect = true;
            }
            if (p.marginMode() == MarginMode.CROSS) {
                anyCross = true;
                if (moved) {
                    crossMoves = true;
                    enteredGapBound = enteredGapBound.add(enteredGapChange(p, r, shock));
                }
            } else if (!suspect) {
                // the end of the walk nearer the loss side decides: the lower mark of a long, the
                // higher of a short (the liquidation price does not depend on the mark)
                boolean towardLoss = moved && (shock.signum() < 0) == (p.side() == Side.LONG);
                BigDecimal worst = towardLoss ? p.markPrice().multiply(onePlus) : p.markPrice();
                suspect = r.liquidated() || reached(p, r.liquidationPrice(), worst, moved ? onePlus : BigDecimal.ONE);
            }
        }
        boolean crossAtShock = anyCross && shockedRisk.marginBalance().compareTo(shockedRisk.maintenanceMargin()) <= 0;
        suspect = suspect || crossAtShock
                || crossMoves && enteredGapBound.signum() <= 0 && crossLiquidatedAtEntry(entered);
        if (!suspect) {
            return new AccountOutcome(entered, shockedRisk, null, false, shockedRisk.totalEquity());
        }

        CascadeResult cascade = moving ? LiquidationCascade.DEFAULT.simulate(entered, scope, shock)
                : LiquidationCascade.DEFAULT.atMarks(entered, scope);
        List<LiquidationEvent> events = cascade.eventsAt(shock);
        boolean[] flags = new boolean[n];
        boolean crossClosed = false;
        if (!events.isEmpty()) {
            Map<String, Integer> index = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                index.put(positions.get(i).id(), i);
            }
            for (LiquidationEvent e : events) {
                flags[index.get(e.positionId())] = true;
                crossClosed |= e.marginMode() == MarginMode.CROSS;
            }
        }
        return new AccountOutcome(entered, shockedRisk, flags, crossClosed || crossAtShock, cascade.equityAt(shock));
    }

    /**
     * Whether a mark is at or beyond a liquidation price, or on the live side within a relative
     * 1e-30 of the walk's largest price (so that neither the cascade's rounded shock
     * {@code (LP − mark)/mark}, 34 digits, nor the solver's last-digit rounding of the price can
     * reach a position this test misses).
     */
    private static boolean reached(Position p, BigDecimal lp, BigDecimal mark, BigDecimal onePlus) {
        if (lp == null) {
            return false;
        }
        BigDecimal live = p.side() == Side.LONG ? mark.subtract(lp) : lp.subtract(mark);
        if (live.signum() <= 0) {
            return true;
        }
        // relative to the largest price of the walk: the LP, the entry, the entered and shocked
        // marks, all below 10^m; first by decimal magnitude alone (no arithmetic), as nearly always
        // the distance is many digits above the tolerance
        BigDecimal up = onePlus.max(BigDecimal.ONE);
        int m = Math.max(magnitude(lp), Math.max(magnitude(p.entryPrice()), magnitude(p.markPrice()) + magnitude(up)));
        if (magnitude(live) - 1 >= m - TOLERANCE_DIGITS) {
            return false; // live ≥ 10^(m − 30) > largest·1e-30
        }
        BigDecimal largest = lp.max(p.entryPrice()).max(p.markPrice().multiply(up));
        return live.compareTo(largest.movePointLeft(TOLERANCE_DIGITS)) <= 0;
    }

    /** The decimal magnitude {@code k} of a positive value: {@code 10^(k−1) ≤ v < 10^k}. */
    private static int magnitude(BigDecimal v) {
        return v.precision() - v.scale();
    }

    /**
     * A lower bound of how a moved cross position changes the account's margin balance less
     * requirement from the shocked marks back to the entered ones ({@code mark_s = mark_e·(1 + x)}).
     * PnL (spec margin-formulas.md §0): linear {@code ΔuPnL = −s·B·x} with {@code B = Q·CS·mark_e},
     * notional change {@code N_e − N_s = −B·x}; inverse {@code ΔuPnL = −s·N_s·x},
     * {@code N_e − N_s = N_s·x}. The requirement (maintenance margin plus close fee) grows with the
     * notional at a rate below 2 and does not fall when the notional falls; the slack 1e-6 covers the
     * tier tables' recurrence tolerance and the last digit of an inverse notional.
     */
    private static BigDecimal enteredGapChange(Position p, PositionRisk r, BigDecimal x) {
        BigDecimal s = BigDecimal.valueOf(p.side().sign());
        BigDecimal pnlChange;
        BigDecimal notionalChange;
        if (p.contract() == ContractType.INVERSE) {
            BigDecimal nx = r.notional().multiply(x);
            pnlChange = s.multiply(nx).negate();
            notionalChange = nx;
        } else {
            BigDecimal bx = p.quantity().multiply(p.contractSize()).multiply(p.markPrice()).multiply(x);
            pnlChange = s.multiply(bx).negate();
            notionalChange = bx.negate();
        }
        return pnlChange.subtract(TWO.multiply(notionalChange.max(BigDecimal.ZERO))).subtract(SLACK);
    }

    /** Whether a position's explicit tier table has a maintenance rate lower than the tier below it. */
    private static boolean fallingRates(Position p) {
        TierTable tiers = p.tiers();
        if (tiers == null) {
            return false;
        }
        List<MaintenanceTier> list = tiers.tiers();
        for (int k = 1; k < list.size(); k++) {
            if (list.get(k).mmr().compareTo(list.get(k - 1).mmr()) < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The cross condition at the entered marks, summed exactly as the engine (and the cascade at
     * shock 0) sums it: {@code W + Σ uPnL ≤ Σ requirement} over the cross positions.
     */
    private static boolean crossLiquidatedAtEntry(Account entered) {
        VenueRules venue = entered.venue();
        BigDecimal gap = entered.walletBalance();
        for (Position p : entered.positions()) {
            if (p.marginMode() == MarginMode.CROSS) {
                MarkValuation v = venue.valueAtMark(p, venue.schedule(p));
                gap = gap.add(v.unrealizedPnl()).subtract(v.maintenanceRequirement());
            }
        }
        return gap.signum() <= 0;
    }

    /** @return the evaluation at the shocked marks, as given; never null */
    public AccountRisk risk() {
        return risk;
    }

    /**
     * @param index  a position's index in the account, 0-based
     * @return whether that position is liquidated at the shock (see the class doc)
     * @throws IndexOutOfBoundsException if there is no such position
     */
    public boolean liquidated(int index) {
        java.util.Objects.checkIndex(index, entered.positions().size());
        return liquidated != null && liquidated[index];
    }

    /**
     * @param positionId  a position id, not null
     * @return whether that position is liquidated at the shock (O(N) lookup)
     * @throws ValidationException ({@code positionId}) if no position has that id
     */
    public boolean liquidated(String positionId) {
        List<Position> positions = entered.positions();
        for (int i = 0; i < positions.size(); i++) {
            if (positions.get(i).id().equals(positionId)) {
                return liquidated(i);
            }
        }
        throw new ValidationException("positionId", "must name a position of the workspace", positionId);
    }

    /**
     * @return whether the cross account is liquidated at the shock: its cross positions' margin
     *         ratio has reached the venue's threshold at the shocked marks, or the cascade closed
     *         the cross account on the way there; false without cross positions
     */
    public boolean crossLiquidated() {
        return crossLiquidated;
    }

    /**
     * @return the account's total equity at the shock under the liquidated state (see the class
     *         doc), settlement currency, full precision; never null
     */
    public BigDecimal totalEquity() {
        return totalEquity;
    }

    /** @return whether any position is liquidated at the shock */
    public boolean anyLiquidated() {
        if (liquidated == null) {
            return false;
        }
        for (boolean b : liquidated) {
            if (b) {
                return true;
            }
        }
        return false;
    }
}
