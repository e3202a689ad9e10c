package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.marginlab.engine.derivation.Expr;
import org.marginlab.engine.derivation.Formulas;
import org.marginlab.engine.derivation.Step;
import org.marginlab.engine.derivation.Trace;
import org.marginlab.engine.tier.MaintenanceTier;

/**
 * The steps of {@link LiquidationSolver}: the equation with the legs' numbers, each re-check of
 * the tiers at the solved price, and the last digit's move to the loss side. Used only while a
 * {@link Trace} records one of the legs.
 */
final class SolverSteps {
    private final Trace trace;
    private final List<LiquidationSolver.Leg> legs;
    private final String source;
    final List<Step> steps = new ArrayList<>();
    /** The first leg's tiers as applied, when they differ from its schedule's (Bitget's whole-position rule), else null. */
    List<MaintenanceTier> applied;

    private MaintenanceTier tier(int leg, int index) {
        return leg == 0 && applied != null ? applied.get(index) : legs.get(leg).schedule().tiers().get(index);
    }

    SolverSteps(Trace trace, List<LiquidationSolver.Leg> legs, String source) {
        this.trace = trace;
        this.legs = legs;
        this.source = source;
    }

    /** @return a recorder when a trace records one of the legs, else null */
    static SolverSteps of(List<LiquidationSolver.Leg> legs, String source) {
        if (Trace.active() == null) {
            return null;
        }
        List<org.marginlab.engine.Position> positions = new ArrayList<>(legs.size());
        for (LiquidationSolver.Leg leg : legs) {
            positions.add(leg.exposure().position);
        }
        Trace t = Trace.ofAny(positions);
        return t == null ? null : new SolverSteps(t, legs, source);
    }

    Trace trace() {
        return trace;
    }

    String source() {
        return source;
    }

    private String name(String base, int i) {
        return legs.size() == 1 ? base : base + "_" + (i + 1);
    }

    /** The legs, when there are several (a hedge group): which index is which position. */
    void legs() {
        if (legs.size() > 1) {
            StringBuilder b = new StringBuilder("The positions on this symbol share one liquidation price: ");
            for (int i = 0; i < legs.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(i + 1).append(" = ").append(legs.get(i).exposure().position.id());
            }
            steps.add(Step.note("Hedged legs", b + ".", source));
        }
    }

    /** The tier each leg starts from: its tier at the mark. */
    void start(int[] tiers) {
        for (int i = 0; i < legs.size(); i++) {
            LiquidationSolver.Leg leg = legs.get(i);
            Exposure e = leg.exposure();
            steps.add(Step.note(legs.size() == 1 ? "Tier to start from" : "Tier to start from, leg " + (i + 1),
                    "At the mark: " + Formulas.tierNote(tier(i, tiers[i]), tiers[i],
                            e.position.symbol()) + ".", source));
        }
    }

    /** The equation at the tiers, with its solution. */
    Expr equation(BigDecimal wallet, int[] tiers, boolean bankruptcy) {
        boolean inverse = legs.get(0).exposure().inverse;
        Expr w = Expr.sym("W", wallet);
        List<Expr> num = new ArrayList<>();
        List<Expr> den = new ArrayList<>();
        if (inverse) {
            den.add(w);
        } else {
            num.add(w);
        }
        for (int i = 0; i < legs.size(); i++) {
            LiquidationSolver.Leg leg = legs.get(i);
            Exposure e = leg.exposure();
            Expr s = Expr.sym(name("s", i), e.s);
            Expr size = Expr.sym(name(inverse ? "F" : "B", i), e.size);
            Expr ep = Expr.sym(name("EP", i), e.position.entryPrice());
            MaintenanceTier t = bankruptcy ? null : tier(i, tiers[i]);
            Expr rate = null;
            if (t != null) {
                rate = Expr.sym(name("MMR", i), t.mmr());
                if (leg.feeRate().signum() != 0) {
                    rate = Expr.add(rate, Expr.sym(name("f", i), leg.feeRate()));
                }
            }
            Expr cum = t == null || t.maintenanceAmount().signum() == 0 ? null : Expr.sym(name("cum", i), t.maintenanceAmount());
            if (inverse) {
                num.add(Expr.mul(size, rate == null ? s : Expr.add(s, rate)));
                if (cum != null) {
                    den.add(cum);
                }
                den.add(Expr.div(Expr.mul(s, size), ep));
            } else {
                if (cum != null) {
                    num.add(cum);
                }
                num.add(Expr.neg(Expr.mul(s, size, ep)));
                den.add(Expr.neg(Expr.mul(s, size)));
                if (rate != null) {
                    den.add(Expr.mul(size, rate));
                }
            }
        }
        if (!inverse && den.get(0) instanceof Expr.Op o && o.kind() == Expr.Kind.NEG && den.size() > 1) {
            // B·MMR − s·B reads better than −s·B + B·MMR
            Expr first = den.remove(0);
            den.add(1, first);
        }
        return Expr.div(Expr.sum(num), Expr.sum(den));
    }

    void solved(int k, BigDecimal wallet, int[] tiers, BigDecimal price) {
        String eq = legs.get(0).exposure().inverse
                ? "Solves W + Σ s·F·(1/EP − 1/P) = Σ (F·(MMR + f)/P − cum) for P."
                : "Solves W + Σ s·B·(P − EP) = Σ (B·P·(MMR + f) − cum) for P.";
        if (price == null) {
            steps.add(Step.note("Liquidation price, solve " + k, "At these tiers the equation has no positive "
                    + "price; the tiers start again from the first.", source));
        } else {
            steps.add(Step.of("Liquidation price, solve " + k, "P_" + k, equation(wallet, tiers, false), price,
                    trace.priceUnit(), source).withNote(k == 1 ? eq : ""));
        }
    }

    /** The re-check of a leg's tier at a solved price. */
    void recheck(int k, int leg, BigDecimal price, int before, int after) {
        LiquidationSolver.Leg l = legs.get(leg);
        Exposure e = l.exposure();
        BigDecimal notional = e.notional(price);
        String note = before == after
                ? "In tier " + (after + 1) + ", the tier the price was solved with: the price is final."
                : "In tier " + (after + 1) + ", not tier " + (before + 1) + ": solve again with "
                        + Formulas.tierNote(tier(leg, after), after, e.position.symbol()) + ".";
        steps.add(Step.of(legs.size() == 1 ? "Re-check at P_" + k : "Re-check at P_" + k + ", leg " + (leg + 1),
                name("N", leg) + "_P", Formulas.notional(e.position, Expr.sym("P_" + k, price)), notional, trace.amountUnit(),
                source).withNote(note));
    }

    /** The final price, with the last digit's move toward the loss side if any. */
    void last(int k, BigDecimal solved, BigDecimal price) {
        last("P_" + k, solved, price);
    }

    /** As {@link #last(int, BigDecimal, BigDecimal)}, from the solved price's symbol. */
    void last(String symbol, BigDecimal solved, BigDecimal price) {
        Expr f = Expr.sym(symbol, solved);
        String note = "";
        if (price.compareTo(solved) != 0) {
            f = Expr.add(f, Expr.num(price.subtract(solved)));
            note = "Moved by its last digits toward the loss side, so that at this price the position is liquidated "
                    + "as the engine evaluates it (rounding of 1/P).";
        }
        steps.add(Step.of("Liquidation price", "P", f, price, trace.priceUnit(), source).withNote(note));
    }

    void scan(int t, BigDecimal wallet, BigDecimal price, boolean fits) {
        steps.add(Step.of("Liquidation price at tier " + (t + 1), "P_t" + (t + 1), equation(wallet, new int[] {t}, false),
                price, trace.priceUnit(), source).withNote(fits ? "Its notional is in tier " + (t + 1) + ": the price is final."
                        : "Its notional is not in tier " + (t + 1) + "."));
    }
}
