package org.marginlab.engine.explain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.explain.Reconciliation.Cause;
import org.marginlab.engine.explain.Reconciliation.FigureCheck;
import org.marginlab.engine.explain.Reconciliation.VenueFigures;
import org.marginlab.engine.internal.Checks;
import org.marginlab.engine.tier.TickSizes;

/**
 * Reconciles MarginLab's liquidation price of one position with the number a venue shows: every
 * usual cause of a gap is tried on the engine itself ({@link MarginEngine#evaluate}), sized, and
 * said in one sentence; then a verdict names the cause or combination that explains the venue's
 * number within one tick, or says plainly that none does.
 *
 * <p>Causes tried ({@link ReconcileTrials} builds them; every one is the account changed through
 * the public API and evaluated again):
 * <ul>
 * <li>{@code tier}: every other tier of the position's table (its explicit tiers, else the
 *     venue's preset for the symbol when the position gives a maintenance override) as a
 *     maintenance override {@code (MMR, maintenance amount)}; the nearest is reported.</li>
 * <li>{@code closeFee}: the fee to close reserved from the margin (the venue's
 *     {@code feeToClose} where it reserves one, then tried <em>without</em> it; else
 *     {@code Q·CS·EP·f} linear, {@code Q·CS/EP·f} inverse, {@code f} the position's taker
 *     rate, else the venue's, else 0.05 %).</li>
 * <li>{@code liquidationFee}: the taker rate {@code f} added to the MMR of the tier at
 *     liquidation (a fee on the notional at the liquidation price counted as maintenance).</li>
 * <li>{@code funding}: SOLVED, the funding paid since entry that gives the venue's number
 *     exactly (a margin reduction); explains only when {@code |amount| ≤ 1 %} of the notional at
 *     the mark ({@link #FUNDING_BOUND}).</li>
 * <li>{@code crossWallet} (cross) / {@code isolatedMargin} (isolated): SOLVED, the margin that
 *     gives the venue's number; explains only when it is ≥ 0 and within 10 % of yours
 *     ({@link #WALLET_BOUND}).</li>
 * <li>{@code otherPositions} (cross): the account without the other cross positions.</li>
 * <li>{@code priceBasis}: every position valued at its entry price instead of its mark; and, when
 *     the user gives the venue's last price, the position at its last price.</li>
 * <li>{@code ruleSetDate}: every other dated version of the venue's rules.</li>
 * <li>{@code tickRounding}: MarginLab's figure rounded to the tick toward the venue's number.</li>
 * <li>Pairs of the unsolved causes (e.g. {@code tier+closeFee}), only when no single unsolved cause
 *     explains; only the pairs that explain are listed.</li>
 * </ul>
 * A cause explains when its figure is less than one tick from the venue's number
 * ({@code |venue − figure| < tick}); when it is more than half a tick away its id gains
 * {@code +tickRounding} (the venue's rounding to its tick toward its number). Solved causes are
 * found by bisection on the engine's own liquidation price (at most 80
 * evaluations), which is monotone in the margin.
 *
 * <p>The verdict names the first cause that explains, in this order: {@code tickRounding}; one
 * unsolved cause; a pair (which takes the tier nearest on its own); a solved amount (which fits
 * any gap within its bound, so it comes last); the others that also fit follow in brackets.
 * When none explains: "Not explained: …" with MarginLab's figure, the nearest unsolved cause and
 * how many ticks it stays away.
 *
 * <p>The tick: the instrument's ({@link TickSizes#of}) when known, else the last digit of the
 * venue's number as typed (26350.00 → 0.01; 26350 → 1).
 *
 * <p>Stateless and thread-safe. Cost: about 100 evaluations of the account (each O(N)).
 */
public final class Reconciler {
    /** Funding paid since entry is plausible up to this fraction of the notional at the mark: 1 %. */
    public static final BigDecimal FUNDING_BOUND = new BigDecimal("0.01");
    /** A solved margin is plausible when ≥ 0 and within this fraction of yours: 10 %. */
    public static final BigDecimal WALLET_BOUND = new BigDecimal("0.10");
    /** The funding rate a sentence sizes intervals with: 0.01 % per interval. */
    public static final BigDecimal FUNDING_RATE = new BigDecimal("0.0001");
    static final int MAX_STEPS = 80;

    private Reconciler() {
    }

    /**
     * @param account     the account as MarginLab evaluates it, not null
     * @param positionId  the position to reconcile, not null
     * @param venue       the venue's figures, not null
     * @return the reconciliation, never null
     * @throws ValidationException ({@code positionId}) if no position has that id; as
     *         {@link MarginEngine#evaluate} if the account cannot be evaluated
     */
    public static Reconciliation reconcile(Account account, String positionId, VenueFigures venue) {
        Checks.notNull(account, "account");
        Checks.notNull(venue, "venue");
        Position p = account.position(Checks.notNull(positionId, "positionId"));
        AccountRisk base = MarginEngine.DEFAULT.evaluate(account);
        PositionRisk r = base.position(positionId);
        BigDecimal venueLp = venue.liquidationPrice();

        BigDecimal instrumentTick = TickSizes.of(account.venue().id(), p).orElse(null);
        BigDecimal tick = instrumentTick != null ? instrumentTick
                : BigDecimal.ONE.movePointLeft(Math.max(0, venueLp.scale()));
        String tickSource = instrumentTick != null ? "instrument" : "typed";
        String currency = account.venue().settlementCurrency(p);
        ReconcileText text = new ReconcileText(tick, p.contract().isInverse(), currency);

        ReconcileTrials trials = new ReconcileTrials(account, p, r, base, venue, tick, text);
        List<Cause> causes = trials.all();

        BigDecimal ours = r.liquidationPrice();
        BigDecimal gap = ours == null ? null : venueLp.subtract(ours);
        BigDecimal gapTicks = gap == null ? null : gap.divide(tick, MathContext.DECIMAL64);
        boolean same = gapTicks != null && gapTicks.abs().compareTo(new BigDecimal("0.5")) <= 0;
        // the simplest first: the venue's rounding, then one rule or input the venue reads otherwise, then two,
        // then a solved amount (which fits any small gap, so it comes last)
        List<Cause> explaining = causes.stream().filter(Cause::explains)
                .sorted(Comparator.comparingInt(c -> c.id().equals("tickRounding") ? 0
                        : ReconcileTrials.isSolved(c.id()) ? 3
                        : c.id().replace("+tickRounding", "").contains("+") ? 2 : 1))
                .toList();
        String verdict = verdict(text, ours, venueLp, tick, same, gapTicks, explaining, causes);
        List<FigureCheck> figures = checks(p, r, base, venue, causes, text);
        return new Reconciliation(positionId, r.ruleSet(), currency, ours, venue, gap, gapTicks, tick, tickSource,
                causes, figures, same || !explaining.isEmpty(), verdict);
    }

    private static String verdict(ReconcileText t, BigDecimal ours, BigDecimal venueLp, BigDecimal tick, boolean same,
            BigDecimal gapTicks, List<Cause> explaining, List<Cause> causes) {
        if (same) {
            return "MarginLab's liquidation price " + t.price(ours) + " is the venue's " + t.price(venueLp)
                    + " at its tick " + ReconcileText.plain(tick) + ": nothing to explain.";
        }
        if (!explaining.isEmpty()) {
            Cause first = explaining.get(0);
            String also = explaining.size() == 1 ? ""
                    : " (also fits: " + String.join(", ", explaining.subList(1, explaining.size()).stream()
                            .map(Cause::id).toList()) + ")";
            return "Explained by " + first.id() + also + ": " + lowerFirst(first.sentence());
        }
        Cause nearest = causes.stream().filter(c -> c.gapTicks() != null && !ReconcileTrials.isSolved(c.id()))
                .min(Comparator.comparing(c -> c.gapTicks().abs())).orElse(null);
        String mine = ours == null ? "MarginLab gives no liquidation price"
                : "MarginLab gives " + t.price(ours) + ", " + ReconcileText.ticks(gapTicks) + " ticks from the venue's "
                        + t.price(venueLp);
        String near = nearest == null ? "no cause tried gives a figure near it"
                : "the nearest cause, " + nearest.id() + ", gives " + t.price(nearest.figure()) + ", still "
                        + ReconcileText.ticks(nearest.gapTicks()) + " ticks away";
        return "Not explained: " + mine + "; " + near
                + ", and no funding or wallet within its bound reaches it: check the position's inputs.";
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** The other figures of the position (isolated) or the cross account, by name. */
    static Map<String, BigDecimal> others(Position p, PositionRisk r, AccountRisk risk) {
        Map<String, BigDecimal> m = new java.util.LinkedHashMap<>();
        if (p.marginMode() == MarginMode.CROSS) {
            put(m, "marginRatio", risk.marginRatio());
            put(m, "maintenanceMargin", risk.maintenanceMargin());
            put(m, "marginBalance", risk.marginBalance());
        } else {
            put(m, "marginRatio", r.marginRatio());
            put(m, "maintenanceMargin", r.maintenanceMargin());
            put(m, "marginBalance", r.marginBalance());
        }
        return m;
    }

    private static void put(Map<String, BigDecimal> m, String k, BigDecimal v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    private static List<FigureCheck> checks(Position p, PositionRisk r, AccountRisk base, VenueFigures venue,
            List<Cause> causes, ReconcileText t) {
        Map<String, BigDecimal> ours = others(p, r, base);
        List<FigureCheck> out = new ArrayList<>(3);
        check(out, "marginRatio", "margin ratio", ours.get("marginRatio"), venue.marginRatio(), causes, t);
        check(out, "maintenanceMargin", "maintenance margin", ours.get("maintenanceMargin"), venue.maintenanceMargin(),
                causes, t);
        check(out, "marginBalance", "margin balance", ours.get("marginBalance"), venue.marginBalance(), causes, t);
        return out;
    }

    private static void check(List<FigureCheck> out, String name, String words, BigDecimal ours, BigDecimal venue,
            List<Cause> causes, ReconcileText t) {
        if (venue == null) {
            return;
        }
        BigDecimal tol = BigDecimal.ONE.movePointLeft(Math.max(0, venue.scale()));
        boolean ratio = name.equals("marginRatio");
        boolean matches = ours != null && venue.subtract(ours).abs().compareTo(tol) <= 0;
        List<String> by = new ArrayList<>();
        if (!matches) {
            for (Cause c : causes) {
                BigDecimal v = c.others().get(name);
                if (v != null && venue.subtract(v).abs().compareTo(tol) <= 0 && !by.contains(c.id())) {
                    by.add(c.id());
                }
            }
        }
        String o = ours == null ? "none" : ratio ? ReconcileText.percent(ours) : t.amount(ours);
        String v = ratio ? ReconcileText.percent(venue) : t.amount(venue);
        String s = "The venue's " + words + " " + v + (matches ? " matches MarginLab's " + o + "."
                : " differs from MarginLab's " + o + (by.isEmpty() ? "; no cause tried explains it."
                        : "; " + String.join(" or ", by) + " explains it."));
        out.add(new FigureCheck(name, ours, venue, tol, matches, by, s));
    }

    /**
     * The margin (the cross wallet, or the isolated margin) at which the position's liquidation
     * price is {@code target}, by bisection in [0, hi]: null when the price at 0 and at hi stay
     * on the same side of the target.
     */
    static BigDecimal solve(java.util.function.Function<BigDecimal, BigDecimal> lpOfMargin, BigDecimal hi,
            BigDecimal target, BigDecimal tick, boolean long_) {
        BigDecimal lo = BigDecimal.ZERO;
        int sLo = side(lpOfMargin.apply(lo), target, long_);
        int sHi = side(lpOfMargin.apply(hi), target, long_);
        if (sLo == 0) {
            return lo;
        }
        if (sHi == 0) {
            return hi;
        }
        if (sLo == sHi) {
            return null;
        }
        BigDecimal eps = tick.movePointLeft(4);
        BigDecimal two = BigDecimal.valueOf(2);
        for (int i = 0; i < MAX_STEPS; i++) {
            BigDecimal mid = lo.add(hi).divide(two, 12, RoundingMode.HALF_EVEN);
            BigDecimal lp = lpOfMargin.apply(mid);
            int s = side(lp, target, long_);
            if (s == 0 || (lp != null && lp.subtract(target).abs().compareTo(eps) < 0)) {
                return mid;
            }
            if (s == sLo) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo.add(hi).divide(two, 12, RoundingMode.HALF_EVEN);
    }

    /** The sign of {@code lp − target}; no liquidation price counts as below every target for a long, above for a short. */
    private static int side(BigDecimal lp, BigDecimal target, boolean long_) {
        if (lp == null) {
            return long_ ? -1 : 1;
        }
        return lp.compareTo(target);
    }
}
