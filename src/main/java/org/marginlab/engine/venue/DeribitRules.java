package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.VenueParameters;
import org.marginlab.engine.derivation.Expr;
import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.derivation.Formulas;
import org.marginlab.engine.derivation.Step;
import org.marginlab.engine.derivation.Trace;
import org.marginlab.engine.internal.Checks;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;

/**
 * Deribit standard margin, rule-set id {@code deribit} (spec venues-v2.md §7): linear USDC/USDT
 * perpetuals and inverse (BTC, ETH) futures and perpetuals, one version {@code deribit@0000-01-01}.
 *
 * <p>Units and signs: {@code s} = +1 long, −1 short. {@code S} is the size in base units: linear
 * {@code Q·CS}, constant; inverse {@code S = N/P} with {@code N = Q·CS} USD, which grows as the
 * price falls. Amounts in USDC (linear) or the coin (inverse). Prices are Deribit's index (mark)
 * price.
 *
 * <ul>
 *   <li>Rates grow linearly with size [A] ("Linear Perpetual"): {@code MMR(S) = a_MM + b·S},
 *       {@code IMR(S) = a_IM + b_IM·S}. From the position: {@code a_MM} = its maintenance rate
 *       ({@code maintenance.mmr}, or the tier of its table at the notional), {@code b} =
 *       {@code maintenance.mmrSlope} (default 0), {@code a_IM} = {@code initialMarginRate},
 *       {@code b_IM} = {@code imrSlope} (default 0); without {@code initialMarginRate} the
 *       initial margin is {@code notional/lev}. {@code MM = S·MMR(S)} base units, × price for the
 *       USDC amount; a maintenance amount, if stated, is subtracted.</li>
 *   <li>Account level: Deribit's standard margin is per currency; every position is margined by
 *       the account, so cross positions share the wallet (the other positions' MM and PnL at
 *       their marks). A position marked isolated is evaluated as the only position of its own
 *       subaccount, whose equity is its {@code isolatedMargin} — the same equations.</li>
 *   <li>Linear liquidation (derived, [A] rates): {@code S} fixed, so {@code MMR} is constant:
 *       {@code LP = (S·EP − s·E)/(S·(1 − s·MMR(S)))}, {@code E} the equity at entry (template
 *       L-P, φ = 0; a table's tier re-checked at the price).</li>
 *   <li>Inverse liquidation (derived): {@code MM(P) = (a + b·N/P)·N/P}; equity
 *       {@code E + s·N·(1/EP − 1/P)} = MM is, with {@code x = 1/P},
 *       {@code b·N²·x² + (a + s)·N·x − (E + ded + s·N/EP) = 0}; the root on the loss side
 *       (a long's positive root; a short's smaller positive root), else none. {@code LP = 1/x}.</li>
 *   <li>Bankruptcy price: the same with no maintenance margin. Liquidation when MM &gt; margin
 *       balance; it is incremental, so the LP is where it starts. Margin ratio
 *       {@code MM / margin balance}. No fee is in the price (none published, §7.2).</li>
 * </ul>
 *
 * <p>Versions (§12.1, §14 #15): Deribit changed its rates several times (IM/MM 10 %/5 % →
 * 10 %/3 % → 2 %+/1.5 %+ → 2 %+/1 %+) on dates not found. These are parameters, not formulas,
 * and here they are the position's inputs, so one version serves: legacy parameters (e.g. the
 * 2019 futures text, MM 1.5 % + 0.5 % per 100 BTC) are typed with the vector's {@code as_of}; no
 * version is dated without a source. Uncertain (spec §14 #15): Deribit's current inverse
 * parameters and any liquidation fee are not found; nothing is assumed for them.
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class DeribitRules extends BaseVenue {
    /** Rule-set id. */
    public static final String ID = "deribit";
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    /** Creates the rule set; use {@link Venues#byId(String)} to share one. */
    public DeribitRules() {
        super(ID, "Deribit", "USDC", Set.of(ContractType.LINEAR, ContractType.INVERSE), presetsOf(ID));
    }

    /**
     * A size-dependent rate: {@code base + slope·size} (§7.2, [A]).
     *
     * @param base   the rate at size 0, a fraction, not null
     * @param slope  the rate added per base unit, ≥ 0, not null
     * @param size   the absolute size in base units, ≥ 0, not null
     * @return the rate, exact; never null
     * @throws ValidationException naming a missing or negative value
     */
    public static BigDecimal rate(BigDecimal base, BigDecimal slope, BigDecimal size) {
        return Checks.notNegative(base, "base").add(Checks.notNegative(slope, "slope")
                .multiply(Checks.notNegative(size, "size")));
    }

    /**
     * A size-dependent margin in base units: {@code size·(base + slope·size)} (§7.2); multiply by
     * the index price for the USDC amount.
     *
     * @param base   the rate at size 0, not null
     * @param slope  the rate added per base unit, ≥ 0, not null
     * @param size   the absolute size in base units, ≥ 0, not null
     * @return the margin, base units, exact; never null
     * @throws ValidationException naming a missing or negative value
     */
    public static BigDecimal margin(BigDecimal base, BigDecimal slope, BigDecimal size) {
        return size.multiply(rate(base, slope, size));
    }

    private static BigDecimal mmrSlope(Position p) {
        BigDecimal b = p.venueParameters().mmrSlope();
        return b == null ? BigDecimal.ZERO : b;
    }

    /** venues-v2.md §7.2. */
    @Override
    Sources sources() {
        return Sources.all("venues-v2.md §7.2");
    }

    @Override
    boolean standardValuation(Position p) {
        return !p.contract().isInverse();
    }

    /**
     * The position's maintenance schedule; for a linear position with a slope, every rate
     * raised by {@code b·S} (constant, since {@code S} does not change with the price).
     *
     * @throws ValidationException ({@code maintenance}) if the position gives no rate and no
     *         table is bundled; ({@code maintenance.mmrSlope}) if a raised rate reaches 1
     */
    @Override
    public TierTable schedule(Position p) {
        if (p.tiers() == null && p.maintenance() == null && presetTiers(p.symbol()).isEmpty()) {
            throw new ValidationException("maintenance", "is required on " + ID + " (no bundled rates for "
                    + p.symbol() + "): give maintenance.mmr, the maintenance margin rate at size 0, and "
                    + "maintenance.mmrSlope, the rate added per base unit of size (§7.2)", null);
        }
        TierTable base = super.schedule(p);
        BigDecimal b = mmrSlope(p);
        if (p.contract().isInverse() || b.signum() == 0) {
            return base;
        }
        BigDecimal raise = b.multiply(new Exposure(p).size);
        List<MaintenanceTier> raised = new ArrayList<>(base.size());
        for (MaintenanceTier t : base.tiers()) {
            raised.add(MaintenanceTier.of(t.floor(), t.cap(), t.maxLeverage(), checkedRate(t.mmr().add(raise)),
                    t.maintenanceAmount()));
        }
        return base.size() == 1 ? TierTable.flat(raised.get(0).mmr(), raised.get(0).maintenanceAmount(),
                raised.get(0).maxLeverage()) : TierTable.of(raised, base.source(), base.asOf());
    }

    private static BigDecimal checkedRate(BigDecimal rate) {
        if (rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new ValidationException("maintenance.mmrSlope", "must keep the maintenance margin rate below 1 at "
                    + "the position's size (got a rate of " + rate.stripTrailingZeros().toPlainString() + ")", rate);
        }
        return rate;
    }

    /** {@code S(P)}: base units at a price. */
    private static BigDecimal sizeAt(Exposure e, BigDecimal price) {
        return e.inverse ? e.notional(price) : e.size;
    }

    /** Inverse MM at a price: {@code S·(a_k + b·S) − ded_k}, {@code k} the tier of {@code S}. */
    private static MaintenanceTier inverseTier(Exposure e, TierTable schedule, BigDecimal price) {
        BigDecimal s = e.notional(price);
        MaintenanceTier t = schedule.lookup(s);
        return MaintenanceTier.of(t.floor(), t.cap(), t.maxLeverage(),
                checkedRate(t.mmr().add(mmrSlope(e.position).multiply(s))), t.maintenanceAmount());
    }

    /** Initial margin at a price: {@code notional·IMR(S)} with the position's rates, else {@code notional/lev}. */
    private static BigDecimal initialMargin(Exposure e, BigDecimal price) {
        VenueParameters v = e.position.venueParameters();
        if (v.initialMarginRate() == null) {
            return e.initialMargin(price);
        }
        BigDecimal slope = v.imrSlope() == null ? BigDecimal.ZERO : v.imrSlope();
        return e.notional(price).multiply(rate(v.initialMarginRate(), slope, sizeAt(e, price)));
    }

    @Override
    public MarkValuation valueAtMark(Position p, TierTable schedule) {
        if (p.venueParameters().imrSlope() != null && p.venueParameters().initialMarginRate() == null) {
            throw new ValidationException("initialMarginRate", "is required on " + ID + " when imrSlope is given "
                    + "(IMR = initialMarginRate + imrSlope·size, §7.2)", null);
        }
        MarkValuation m = super.valueAtMark(p, schedule);
        Exposure e = new Exposure(p);
        MaintenanceTier tier = m.tier();
        BigDecimal mm = m.maintenanceMargin();
        if (e.inverse) {
            tier = inverseTier(e, schedule, p.markPrice());
            mm = tier.maintenanceMargin(m.notional());
        }
        MarkValuation v = new MarkValuation(m.notional(), tier, mm, m.closeFee(), m.unrealizedPnl(),
                initialMargin(e, p.entryPrice()), initialMargin(e, p.markPrice()));
        Trace t = Trace.of(p);
        if (t != null) {
            String src = cited().maintenance();
            if (e.inverse) {
                MaintenanceTier base = schedule.lookup(m.notional());
                Expr n = Expr.sym("N", m.notional());
                Expr f = Expr.mul(n,
                        Expr.add(Expr.sym("a", base.mmr()),
                                Expr.mul(Expr.sym("b",
                                        mmrSlope(p)), n)));
                if (tier.maintenanceAmount().signum() != 0) {
                    f = Expr.sub(f, Expr.sym("ded",
                            tier.maintenanceAmount()));
                }
                ValuationSteps.replaceMaintenance(t, false, Step.of("Maintenance margin",
                        "MM", f, mm, t.amountUnit(), src).withNote("Inverse: the rate a + b·S grows with the size "
                                + "S = N in the coin at the mark."));
            }
            if (p.venueParameters().initialMarginRate() != null) {
                t.put(Figure.INITIAL_MARGIN, List.of(imStep(e, p.entryPrice(), false,
                        v.initialMarginAtEntry())));
            }
        }
        return v;
    }

    /** The initial margin at a price as a step: {@code N·(IMR + b_IM·S)} with the position's rates. */
    private Step imStep(Exposure e, BigDecimal price, boolean atMark, BigDecimal value) {
        Position p = e.position;
        VenueParameters v = p.venueParameters();
        BigDecimal slope = v.imrSlope() == null ? BigDecimal.ZERO : v.imrSlope();
        Expr at = atMark ? Formulas.mark(p)
                : Formulas.entry(p);
        Expr rate = Expr.sym("IMR", v.initialMarginRate());
        if (slope.signum() != 0) {
            rate = Expr.add(rate, Expr.mul(
                    Expr.sym("b_IM", slope), Expr.sym("S",
                            sizeAt(e, price))));
        }
        return Step.of(atMark ? "Initial margin at the mark" : "Initial margin at entry",
                atMark ? "IM_mark" : "IM", Expr.mul(
                        Formulas.notional(p, at), rate), value, settlementCurrency(p),
                cited().maintenance()).withNote("The position's initial margin rate"
                        + (slope.signum() == 0 ? "." : ", raised by the slope per base unit of size S."));
    }

    @Override
    Step initialMarginAtMarkStep(Position p, MarkValuation m) {
        if (p.venueParameters().initialMarginRate() == null) {
            return super.initialMarginAtMarkStep(p, m);
        }
        return imStep(new Exposure(p), p.markPrice(), true, m.initialMarginAtMark());
    }

    /** The tier's max leverage and the stated one, and {@code 1/IMR(S)} when the position gives its rates. */
    @Override
    public BigDecimal maxLeverage(Position p, TierTable schedule) {
        BigDecimal max = super.maxLeverage(p, schedule);
        VenueParameters v = p.venueParameters();
        if (v.initialMarginRate() == null) {
            return max;
        }
        Exposure e = new Exposure(p);
        BigDecimal slope = v.imrSlope() == null ? BigDecimal.ZERO : v.imrSlope();
        BigDecimal imr = rate(v.initialMarginRate(), slope, sizeAt(e, p.markPrice()));
        if (imr.signum() == 0) {
            return max;
        }
        BigDecimal byRate = BigDecimal.ONE.divide(imr, MC);
        return max == null ? byRate : max.min(byRate);
    }

    @Override
    LiquidationSolver.Solution liquidation(List<LiquidationSolver.Leg> legs, BigDecimal wallet) {
        LiquidationSolver.Leg leg = legs.get(0);
        Exposure e = leg.exposure();
        if (!e.inverse) {
            return super.liquidation(legs, wallet);
        }
        TierTable schedule = leg.schedule();
        int k = schedule.indexOf(e.notional(e.position.markPrice()));
        SolverSteps rec = SolverSteps.of(legs, cited().liquidation());
        if (rec != null) {
            rec.start(new int[] {k});
        }
        BigDecimal price = null;
        String symbol = null;
        boolean stable = false;
        for (int step = 0; step < schedule.size() + 2 && !stable; step++) {
            price = inversePrice(e, schedule.tiers().get(k), wallet);
            if (price == null) {
                break;
            }
            int at = schedule.indexOf(e.notional(price));
            if (rec != null) {
                symbol = "P_" + (step + 1);
                rec.steps.add(quadraticStep(rec, e, schedule.tiers().get(k), wallet, price, symbol,
                        "Liquidation price, solve " + (step + 1)));
                rec.recheck(step + 1, 0, price, k, at);
            }
            stable = at == k;
            k = at;
        }
        if (!stable) {
            // the rate is continuous in the size within a tier; find a self-consistent tier by a scan
            price = null;
            for (int t = 0; t < schedule.size() && price == null; t++) {
                BigDecimal p = inversePrice(e, schedule.tiers().get(t), wallet);
                if (p != null && schedule.indexOf(e.notional(p)) == t) {
                    price = p;
                    if (rec != null) {
                        symbol = "P_t" + (t + 1);
                        rec.steps.add(quadraticStep(rec, e, schedule.tiers().get(t), wallet, p, symbol,
                                "Liquidation price at tier " + (t + 1)).withNote("The re-checks did not settle; "
                                        + "the first tier whose root lies in it."));
                    }
                }
            }
            if (price == null) {
                if (rec != null) {
                    rec.steps.add(Step.note("Liquidation price", "None: no tier's root "
                            + "is a positive price in that tier.", rec.source()));
                    rec.trace().put(Figure.LIQUIDATION_PRICE, rec.steps);
                }
                return null;
            }
        }
        boolean isLong = e.s.signum() > 0;
        BigDecimal solved = price;
        price = LiquidationSolver.toLossSide(price, isLong, q -> wallet.add(e.pnl(q))
                .compareTo(inverseTier(e, schedule, q).maintenanceMargin(e.notional(q))) <= 0);
        if (rec != null) {
            rec.last(symbol, solved, price);
            rec.trace().put(Figure.LIQUIDATION_PRICE, rec.steps);
        }
        return new LiquidationSolver.Solution(price, inverseTier(e, schedule, price));
    }

    /**
     * The step of {@link #inversePrice}: {@code P = 1/x}, {@code x = 2C/(B + s·√(B² + 4AC))}
     * with {@code A = b·F²}, {@code B = (a + s)·F}, {@code C = W + ded + s·F/EP}.
     */
    private Step quadraticStep(SolverSteps rec, Exposure e, MaintenanceTier tier,
            BigDecimal wallet, BigDecimal price, String symbol, String term) {
        Position p = e.position;
        Expr f = Formulas.size(p);
        Expr s = Formulas.side(p);
        Expr a = Expr.sym("a", tier.mmr());
        Expr b = Expr.sym("b", mmrSlope(p));
        Expr qa = Expr.mul(b, f, f);
        Expr qb = Expr.mul(
                Expr.add(a, s), f);
        Expr qc = Expr.add(
                Expr.sym("W", wallet), Expr.sym("ded",
                        tier.maintenanceAmount()), Expr.mul(s,
                        Expr.div(f, Formulas.entry(p))));
        Expr root = Expr.sqrt(
                Expr.add(Expr.mul(qb, qb),
                        Expr.mul(Expr.num(4), qa, qc)));
        Expr x = Expr.div(
                Expr.mul(Expr.num(2), qc),
                Expr.add(qb, Expr.mul(s, root)));
        return Step.of(term, symbol, Expr.div(
                Expr.num(1), x), price, rec.trace().priceUnit(), rec.source())
                .withNote("Solves W + s·F·(1/EP − 1/P) = (F/P)·(a + b·F/P) − ded for x = 1/P: A·x² + B·x − C = 0 with "
                        + "A = b·F², B = (a + s)·F, C = W + ded + s·F/EP; x = 2C/(B + s·√(B² + 4AC)). Uncertain reading "
                        + "(venues-v2.md §14 #15): Deribit's current inverse parameters are not published; these are "
                        + "the position's.");
    }

    /**
     * The root {@code x = 1/P} of {@code A·x² + B·x − C = 0}, {@code A = b·N²},
     * {@code B = (a + s)·N}, {@code C = W + ded + s·N/EP}, on the loss side, in the form without
     * cancellation: {@code x = 2C/(B + s·√(B² + 4AC))}. A long has one positive root when
     * {@code C > 0}; a short needs {@code C < 0} (else any rise is covered) and a non-negative
     * discriminant.
     *
     * @return {@code P = 1/x}, or null if there is no such root
     */
    private static BigDecimal inversePrice(Exposure e, MaintenanceTier tier, BigDecimal wallet) {
        BigDecimal n = e.size;
        BigDecimal a = tier.mmr();
        BigDecimal quadratic = mmrSlope(e.position).multiply(n).multiply(n);
        BigDecimal linear = a.add(e.s).multiply(n);
        BigDecimal constant = wallet.add(tier.maintenanceAmount()).add(e.s.multiply(e.notional(e.position.entryPrice())));
        boolean isLong = e.s.signum() > 0;
        if (isLong ? constant.signum() <= 0 : constant.signum() >= 0) {
            return null;
        }
        BigDecimal discriminant = linear.multiply(linear).add(FOUR.multiply(quadratic).multiply(constant));
        if (discriminant.signum() < 0) {
            return null;
        }
        BigDecimal root = discriminant.sqrt(MC);
        BigDecimal denominator = isLong ? linear.add(root) : linear.subtract(root);
        if (denominator.signum() == 0) {
            return null;
        }
        BigDecimal x = TWO.multiply(constant).divide(denominator, MC);
        if (x.signum() <= 0) {
            return null;
        }
        return BigDecimal.ONE.divide(x, MathContext.DECIMAL128);
    }
}
