package org.marginlab.engine.whatif;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.marginlab.engine.Account;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;

/**
 * One account walked both ways with a {@link LiquidationCascade}: down to a lowest shock and up
 * to a highest one. Any shock between the two is then answered without walking again: which
 * events it reaches, the account left, the equity, and the equity-versus-shock curve with its
 * liquidation steps, for both sides of a chart.
 *
 * <p>Built in two walks (see {@link LiquidationCascade} for the cost); queries are O(N) or
 * less. Immutable and thread-safe.
 */
public final class ShockSweep {
    private final CascadeResult down;
    private final CascadeResult up;

    private ShockSweep(CascadeResult down, CascadeResult up) {
        this.down = down;
        this.up = up;
    }

    /**
     * Walks an account both ways.
     *
     * @param account  the account, not null
     * @param scope    which marks move, not null
     * @param cascade  the liquidation model, not null
     * @param lowest   the lowest shock, a fraction in (−1, 0), e.g. −0.9; not null
     * @param highest  the highest shock, a fraction &gt; 0, e.g. 2; not null
     * @return the sweep, never null
     * @throws ValidationException ({@code shock}) if {@code lowest} is not in (−1, 0) or
     *         {@code highest} not &gt; 0; as {@link MarginEngine#evaluate(Account)} otherwise
     */
    public static ShockSweep of(Account account, ShockScope scope, LiquidationCascade cascade, BigDecimal lowest,
            BigDecimal highest) {
        return of(account, scope, cascade, lowest, highest, null);
    }

    /**
     * As {@link #of(Account, ShockScope, LiquidationCascade, BigDecimal, BigDecimal)}, each walk
     * taking over from the same walk of {@code previous} what belongs to one position alone
     * ({@link LiquidationCascade#simulate(Account, ShockScope, BigDecimal, CascadeResult)}): the
     * same result, value and scale.
     *
     * @param previous  the sweep of an earlier state of the account, or null
     * @return the sweep, never null
     * @throws ValidationException as {@link #of(Account, ShockScope, LiquidationCascade, BigDecimal, BigDecimal)}
     */
    public static ShockSweep of(Account account, ShockScope scope, LiquidationCascade cascade, BigDecimal lowest,
            BigDecimal highest, ShockSweep previous) {
        Checks.notNull(cascade, "cascade");
        Checks.notNull(lowest, "shock");
        Checks.notNull(highest, "shock");
        if (lowest.signum() >= 0) {
            throw new ValidationException("shock", "lowest must be < 0", lowest);
        }
        if (highest.signum() <= 0) {
            throw new ValidationException("shock", "highest must be > 0", highest);
        }
        return new ShockSweep(cascade.simulate(account, scope, lowest, previous == null ? null : previous.down),
                cascade.simulate(account, scope, highest, previous == null ? null : previous.up));
    }

    /** @return the walk down to the lowest shock; never null */
    public CascadeResult down() {
        return down;
    }

    /** @return the walk up to the highest shock; never null */
    public CascadeResult up() {
        return up;
    }

    /** @return the account as entered; never null */
    public Account account() {
        return down.account();
    }

    /** @return the lowest shock, a fraction &lt; 0 */
    public BigDecimal lowest() {
        return down.target();
    }

    /** @return the highest shock, a fraction &gt; 0 */
    public BigDecimal highest() {
        return up.target();
    }

    /**
     * @param shock  a shock, a fraction, not null
     * @return the walk that covers it: down for a negative shock, up otherwise; never null
     */
    public CascadeResult path(BigDecimal shock) {
        return Checks.notNull(shock, "shock").signum() < 0 ? down : up;
    }

    /**
     * @param shock  a shock between the lowest and the highest, a fraction, not null
     * @return the events reached at that shock, in order; never null
     */
    public List<LiquidationEvent> eventsAt(BigDecimal shock) {
        return path(shock).eventsAt(shock);
    }

    /**
     * @param shock  a shock between the lowest and the highest, a fraction, not null
     * @return the account left at that shock (marks as entered), see {@link CascadeResult#accountAt}
     */
    public Account accountAt(BigDecimal shock) {
        return path(shock).accountAt(shock);
    }

    /**
     * @param shock  a shock between the lowest and the highest, a fraction
     * @return the total equity there ({@code double} fast path), settlement currency
     */
    public double equityAt(double shock) {
        return (shock < 0 ? down : up).equityAt(shock);
    }

    /**
     * The equity-versus-shock curve over {@code [from, to]}: {@code points} equally spaced shocks
     * plus, at each liquidation inside the range, the equity just before and just after it (so a
     * line through the points drops vertically there). Sorted by shock; at one shock the points
     * follow the walk away from 0 (down: after, then before; up: before, then after).
     *
     * @param from    the first shock, a fraction ≥ the lowest
     * @param to      the last shock, a fraction ≤ the highest and &gt; {@code from}
     * @param points  the number of equally spaced points, ≥ 2
     * @return the points, never null
     * @throws IllegalArgumentException if the range or the count is invalid
     */
    public List<EquityPoint> curve(double from, double to, int points) {
        if (!(from < to) || from < lowest().doubleValue() - 1e-12 || to > highest().doubleValue() + 1e-12 || points < 2) {
            throw new IllegalArgumentException("curve range [" + from + ", " + to + "] must lie in ["
                    + lowest().toPlainString() + ", " + highest().toPlainString() + "] with ≥ 2 points, got " + points);
        }
        List<EquityPoint> out = new ArrayList<>(points + 2 * (down.events().size() + up.events().size()));
        List<EquityPoint> steps = new ArrayList<>();
        for (int k = down.events().size() - 1; k >= 0; k--) {
            double x = down.events().get(k).shock().doubleValue();
            if (x >= from && x <= to && x < 0) {
                steps.add(new EquityPoint(x, down.equityAfter(k)));
                steps.add(new EquityPoint(x, down.equityBefore(k)));
            }
        }
        for (int k = 0; k < up.events().size(); k++) {
            double x = up.events().get(k).shock().doubleValue();
            if (x >= from && x <= to && x > 0) {
                steps.add(new EquityPoint(x, up.equityBefore(k)));
                steps.add(new EquityPoint(x, up.equityAfter(k)));
            }
        }
        int s = 0;
        for (int i = 0; i < points; i++) {
            double x = i == points - 1 ? to : from + (to - from) * i / (points - 1);
            boolean stepHere = false;
            while (s < steps.size() && steps.get(s).shock() <= x) {
                stepHere = steps.get(s).shock() == x;
                out.add(steps.get(s++));
            }
            if (!stepHere) {
                out.add(new EquityPoint(x, equityAt(x)));
            }
        }
        while (s < steps.size()) {
            out.add(steps.get(s++));
        }
        return out;
    }

    /**
     * One marker per liquidation inside {@code [from, to]}: its shock and the equity just after it
     * (a position already liquidated at shock 0 is marked once).
     *
     * @param from  the first shock, a fraction
     * @param to    the last shock, a fraction
     * @return the markers in walk order (down first, then up), never null
     */
    public List<EquityPoint> markers(double from, double to) {
        List<EquityPoint> out = new ArrayList<>();
        addMarkers(down, from, to, true, out);
        addMarkers(up, from, to, false, out);
        return out;
    }

    private static void addMarkers(CascadeResult path, double from, double to, boolean withZero, List<EquityPoint> out) {
        for (int k = 0; k < path.events().size(); k++) {
            double x = path.events().get(k).shock().doubleValue();
            if (x >= from && x <= to && (withZero || x != 0)) {
                out.add(new EquityPoint(x, path.equityAfter(k)));
            }
        }
    }
}
