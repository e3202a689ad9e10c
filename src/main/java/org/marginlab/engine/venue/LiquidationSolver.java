package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.derivation.Step;
import org.marginlab.engine.derivation.Trace;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;

/**
 * Solves "equity = maintenance margin" for a price when the maintenance margin is valued at
 * that price (Binance USDⓈ-M and COIN-M, OKX/Gate, Hyperliquid, generic), for one position or a
 * hedged group of positions on one symbol that share the price (spec margin-formulas.md §1.1
 * full form, §1.7).
 *
 * <p>Each leg {@code i} has side {@code s_i}, size {@code B_i} (linear) or face {@code F_i}
 * (inverse), entry {@code EP_i}, rate {@code m_i = MMR_i + fee_i} and amount {@code cum_i};
 * {@code W} is the wallet term (isolated margin, or cross wallet − other positions' maintenance
 * + their unrealized PnL). Then:
 * <ul>
 *   <li>linear: {@code W + Σ s_i·B_i·(P − EP_i) = Σ (B_i·P·m_i − cum_i)} ⇒
 *       {@code P = (W + Σcum_i − Σ s_i·B_i·EP_i) / (Σ B_i·m_i − Σ s_i·B_i)};</li>
 *   <li>inverse: {@code W + Σ s_i·F_i·(1/EP_i − 1/P) = Σ (F_i·m_i/P − cum_i)} ⇒
 *       {@code P = Σ F_i·(m_i + s_i) / (W + Σcum_i + Σ s_i·F_i/EP_i)}.</li>
 * </ul>
 * Each leg's tier is then re-checked at its notional at {@code P} and the price re-solved until
 * the tiers are stable (Binance FAQ rule). A price ≤ 0, or a zero or sign-flipped denominator,
 * means the group cannot be liquidated at any positive price.
 *
 * <p>The last division is rounded to 34 digits toward the loss side (down when equity minus
 * maintenance grows with the price, as for a long; up otherwise), so that at the returned price
 * the position is on the liquidated side of the equality, never a last-digit short of it.
 */
final class LiquidationSolver {
    private static final MathContext FLOOR = new MathContext(34, RoundingMode.FLOOR);
    private static final MathContext CEILING = new MathContext(34, RoundingMode.CEILING);
    private static final int MAX_NUDGES = 40;

    /** One position of the group with its schedule and close-fee rate. */
    record Leg(Exposure exposure, TierTable schedule, BigDecimal feeRate) {
    }

    /**
     * An unmodifiable list of legs that keeps the sums of their terms that do not depend on the
     * tiers ({@code Σ s_i·B_i·EP_i} and {@code Σ s_i·B_i} linear; {@code Σ s_i·F_i} and
     * {@code Σ s_i·F_i/EP_i} inverse), worked out at its first solve and reused by the next ones
     * (the liquidation price's re-solves at other tiers, the bankruptcy price): a hedge group of
     * a hundred legs is summed once per evaluation, not once per solve. The sums are exact (the
     * inverse terms are each rounded as the solve rounds them), so a solve over this list gives
     * the identical price, value and scale, as over any other list of the same legs.
     */
    static final class Legs extends java.util.AbstractList<Leg> implements java.util.RandomAccess {
        private final Leg[] legs;
        private BigDecimal[] base;

        private Legs(Leg[] legs) {
            this.legs = legs;
        }

        /**
         * @param legs  the legs, not empty; the list takes the array over (not copied)
         * @return a list of them that keeps its sums
         */
        static Legs of(Leg... legs) {
            return new Legs(legs);
        }

        @Override
        public Leg get(int index) {
            return legs[index];
        }

        @Override
        public int size() {
            return legs.length;
        }
    }

    /**
     * A solved price, the tier of the first leg there and every leg's tier index.
     *
     * @param price  the liquidation price
     * @param tier   the first leg's tier at that price
     * @param tiers  each leg's tier index at that price
     */
    record Solution(BigDecimal price, MaintenanceTier tier, int[] tiers) {
        Solution(BigDecimal price, MaintenanceTier tier) {
            this(price, tier, new int[0]);
        }
    }

    private LiquidationSolver() {
    }

    /**
     * @param legs        the legs (first = the position being evaluated), same contract type, not empty
     * @param wallet      the wallet term {@code W}, settlement currency
     * @param startTiers  the tier index of each leg to start from (its tier at the mark)
     * @return the liquidation price and the first leg's tier there, or null if none
     */
    static Solution liquidation(List<Leg> legs, BigDecimal wallet, int[] startTiers) {
        return liquidation(legs, wallet, startTiers, Sources.BINANCE.liquidation());
    }

    /**
     * As {@link #liquidation(List, BigDecimal, int[])}, citing {@code source} in the steps it
     * records while a {@link Trace} records one of the legs.
     */
    static Solution liquidation(List<Leg> legs, BigDecimal wallet, int[] startTiers, String source) {
        return liquidation(legs, wallet, startTiers, source, Figure.LIQUIDATION_PRICE);
    }

    /**
     * As {@link #liquidation(List, BigDecimal, int[], String)}, recording the steps as
     * {@code figure}'s (a venue that solves its bankruptcy price with this equation, Phemex).
     */
    static Solution liquidation(List<Leg> legs, BigDecimal wallet, int[] startTiers, String source,
            Figure figure) {
        SolverSteps rec = SolverSteps.of(legs, source);
        Solution s = liquidation(legs, wallet, startTiers, rec);
        if (rec != null) {
            if (s == null) {
                rec.steps.add(Step.note("Liquidation price", "None: equity stays above "
                        + "the maintenance requirement at every positive price.", source));
            }
            rec.trace().put(figure, rec.steps);
        }
        return s;
    }

    private static Solution liquidation(List<Leg> legs, BigDecimal wallet, int[] startTiers, SolverSteps rec) {
        int n = legs.size();
        int[] tiers = startTiers.clone();
        int maxSteps = 2;
        for (Leg leg : legs) {
            maxSteps += leg.schedule().size();
        }
        if (rec != null) {
            rec.legs();
            rec.start(tiers);
        }
        BigDecimal price = null;
        for (int step = 0; step < maxSteps; step++) {
            price = solve(legs, wallet, tiers, false);
            if (rec != null) {
                rec.solved(step + 1, wallet, tiers, price);
            }
            if (price == null) {
                if (allZero(tiers)) {
                    return null;
                }
                java.util.Arrays.fill(tiers, 0);
                continue;
            }
            boolean stable = true;
            for (int i = 0; i < n; i++) {
                Leg leg = legs.get(i);
                int t = leg.schedule().indexOf(leg.exposure().notional(price));
                if (rec != null) {
                    rec.recheck(step + 1, i, price, tiers[i], t);
                }
                if (t != tiers[i]) {
                    tiers[i] = t;
                    stable = false;
                }
            }
            if (stable) {
                BigDecimal last = onLossSide(legs, wallet, tiers, price);
                if (rec != null) {
                    rec.last(step + 1, price, last);
                }
                return new Solution(last, legs.get(0).schedule().tiers().get(tiers[0]), tiers);
            }
        }
        if (n == 1) {
            // Maintenance margin is continuous in the notional, so exactly one tier is
            // self-consistent; iteration can only cycle at a boundary. Find it by a scan.
            Leg leg = legs.get(0);
            for (int t = 0; t < leg.schedule().size(); t++) {
                BigDecimal p = solve(legs, wallet, new int[] {t}, false);
                boolean fits = p != null && leg.schedule().indexOf(leg.exposure().notional(p)) == t;
                if (rec != null && p != null) {
                    rec.scan(t, wallet, p, fits);
                }
                if (fits) {
                    BigDecimal last = onLossSide(legs, wallet, new int[] {t}, p);
                    if (rec != null) {
                        rec.last(0, p, last);
                    }
                    return new Solution(last, leg.schedule().tiers().get(t), new int[] {t});
                }
            }
            return null;
        }
        if (rec != null && price != null) {
            rec.last(maxSteps, price, price);
        }
        return price == null ? null : new Solution(price, legs.get(0).schedule().tiers().get(tiers[0]), tiers);
    }

    /**
     * The solved price, moved toward the loss side ({@link #toLossSide}) until the legs are
     * liquidated there as the evaluation computes it (equity ≤ maintenance margin + close fee at
     * that price, with the tiers solved for). Linear terms are exact, so a linear price is
     * returned as it is; inverse PnL and notional divide by the price, and their own rounding can
     * leave the equity a last-digit above the requirement at the rounded root.
     */
    private static BigDecimal onLossSide(List<Leg> legs, BigDecimal wallet, int[] tiers, BigDecimal price) {
        return toLossSide(price, lossBelow(legs, tiers), p -> {
            BigDecimal equity = wallet;
            BigDecimal requirement = BigDecimal.ZERO;
            for (int i = 0; i < legs.size(); i++) {
                Leg leg = legs.get(i);
                Exposure e = leg.exposure();
                BigDecimal notional = e.notional(p);
                equity = equity.add(e.pnl(p));
                requirement = requirement.add(leg.schedule().tiers().get(tiers[i]).maintenanceMargin(notional))
                        .add(notional.multiply(leg.feeRate()));
            }
            return equity.compareTo(requirement) <= 0;
        });
    }

    /**
     * Moves {@code price} toward the loss side (down when {@code lossBelow}) until
     * {@code liquidatedAt} holds: first by one unit of its 34th significant digit, the step
     * doubling each time (the equity's own rounding can hide a one-unit move), at most
     * {@value #MAX_NUDGES} steps, i.e. a relative move below 1e-22.
     *
     * @return the first price at which the condition holds, or the last one tried
     */
    static BigDecimal toLossSide(BigDecimal price, boolean lossBelow,
            java.util.function.Predicate<BigDecimal> liquidatedAt) {
        BigDecimal p = price;
        BigDecimal step = BigDecimal.ONE.scaleByPowerOfTen(price.precision() - price.scale() - 34);
        for (int i = 0; i < MAX_NUDGES && !liquidatedAt.test(p); i++) {
            BigDecimal next = lossBelow ? p.subtract(step) : p.add(step);
            if (next.signum() <= 0) {
                break;
            }
            p = next;
            step = step.add(step);
        }
        return p;
    }

    /** Whether equity − requirement rises with the price at the given tiers (loss side below). */
    private static boolean lossBelow(List<Leg> legs, int[] tiers) {
        BigDecimal slope = BigDecimal.ZERO;
        for (int i = 0; i < legs.size(); i++) {
            Leg leg = legs.get(i);
            Exposure e = leg.exposure();
            BigDecimal rate = leg.schedule().tiers().get(tiers[i]).mmr().add(leg.feeRate());
            // linear: d/dP = Σ B·(s − rate); inverse: d/dP = Σ F·(s + rate)/P², sign of Σ F·(s + rate)
            slope = slope.add(e.size.multiply(e.inverse ? e.s.add(rate) : e.s.subtract(rate)));
        }
        return slope.signum() > 0;
    }

    /**
     * The bankruptcy price: the same equation with no maintenance margin and no fee.
     *
     * @return the price, or null if equity stays positive at every positive price
     */
    static BigDecimal bankruptcy(List<Leg> legs, BigDecimal wallet) {
        return bankruptcy(legs, wallet, Sources.BINANCE.liquidation());
    }

    /** As {@link #bankruptcy(List, BigDecimal)}, citing {@code source} in the steps it records. */
    static BigDecimal bankruptcy(List<Leg> legs, BigDecimal wallet, String source) {
        BigDecimal price = solve(legs, wallet, null, true);
        SolverSteps rec = SolverSteps.of(legs, source);
        if (rec != null) {
            rec.legs();
            rec.steps.add(price == null
                    ? Step.note("Bankruptcy price", "None: equity stays positive at every "
                            + "positive price.", source)
                    : Step.of("Bankruptcy price", "P_bk", rec.equation(wallet, null, true),
                            price, rec.trace().priceUnit(), source).withNote("The liquidation equation with no "
                            + "maintenance margin and no fee: the price at which equity is 0."));
            rec.trace().put(Figure.BANKRUPTCY_PRICE, rec.steps);
        }
        return price;
    }

    /**
     * The legs' terms that do not depend on the tiers, each sum started from its first term:
     * linear {@code [Σ s·B·EP, Σ s·B]}, inverse {@code [Σ F·s, Σ (s·F)/EP]} (each quotient to
     * {@link Exposure#MC}); kept by a {@link Legs} list.
     */
    private static BigDecimal[] base(List<Leg> legs, boolean inverse) {
        Legs kept = legs instanceof Legs l ? l : null;
        if (kept != null && kept.base != null) {
            return kept.base;
        }
        BigDecimal first = null;
        BigDecimal second = null;
        for (int i = 0; i < legs.size(); i++) {
            Exposure e = legs.get(i).exposure();
            BigDecimal a;
            BigDecimal b;
            if (inverse) {
                a = e.size.multiply(e.s);
                b = e.s.multiply(e.size).divide(e.position.entryPrice(), Exposure.MC);
            } else {
                b = e.s.multiply(e.size);
                a = b.multiply(e.position.entryPrice());
            }
            first = first == null ? a : first.add(a);
            second = second == null ? b : second.add(b);
        }
        BigDecimal[] base = {first, second};
        if (kept != null) {
            kept.base = base;
        }
        return base;
    }

    private static boolean allZero(int[] tiers) {
        for (int t : tiers) {
            if (t != 0) {
                return false;
            }
        }
        return true;
    }

    static BigDecimal solve(List<Leg> legs, BigDecimal wallet, int[] tiers, boolean bankruptcy) {
        boolean inverse = legs.get(0).exposure().inverse;
        BigDecimal[] base = base(legs, inverse);
        // the tier-dependent sums Σ B_i·m_i (F_i·m_i inverse) and Σ cum_i, each from its first term
        BigDecimal rates = null;
        BigDecimal amounts = null;
        if (!bankruptcy) {
            for (int i = 0; i < legs.size(); i++) {
                Leg leg = legs.get(i);
                MaintenanceTier t = leg.schedule().tiers().get(tiers[i]);
                BigDecimal rate = leg.exposure().size.multiply(t.mmr().add(leg.feeRate()));
                rates = rates == null ? rate : rates.add(rate);
                amounts = amounts == null ? t.maintenanceAmount() : amounts.add(t.maintenanceAmount());
            }
        }
        BigDecimal numerator;
        BigDecimal denominator;
        // the sums in another order than the equation's, term for term the same: exact additions
        // give the same value and scale in any order (the ZERO and wallet starts are kept)
        if (inverse) {
            numerator = BigDecimal.ZERO.add(base[0]);
            denominator = wallet;
            if (!bankruptcy) {
                numerator = numerator.add(rates);
                denominator = denominator.add(amounts);
            }
            denominator = denominator.add(base[1]);
        } else {
            numerator = wallet.subtract(base[0]);
            denominator = BigDecimal.ZERO.subtract(base[1]);
            if (!bankruptcy) {
                numerator = numerator.add(amounts);
                denominator = denominator.add(rates);
            }
        }
        if (denominator.signum() == 0) {
            return null;
        }
        // Equity − maintenance rises with the price (loss side below) when the linear denominator is
        // negative or the inverse numerator positive; round toward the loss side.
        boolean lossBelow = inverse ? numerator.signum() > 0 : denominator.signum() < 0;
        BigDecimal price = numerator.divide(denominator, lossBelow ? FLOOR : CEILING);
        return price.signum() > 0 ? price : null;
    }
}
