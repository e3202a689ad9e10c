package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.VenueParameters.MmValuation;
import org.marginlab.engine.derivation.Expr;
import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.derivation.Formulas;
import org.marginlab.engine.derivation.Step;
import org.marginlab.engine.derivation.Trace;
import org.marginlab.engine.internal.Checks;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;

/**
 * Kraken Futures, rule-set id {@code kraken-futures} (spec venues-v2.md §6): inverse
 * single-collateral futures and perpetuals (PI_XBTUSD: contracts of 1 USD, margin in the coin)
 * and linear multi-collateral perpetuals (PF_: USD), one version {@code kraken-futures@0000-01-01}.
 * The 2026-03-26 change (partial liquidations and their fees, §12.1) is not a version: the fee
 * rate is not found.
 *
 * <p>Units and signs: {@code s} = +1 long, −1 short; inverse face {@code N = Q·CS} (USD, = the
 * contracts of PI_ instruments), amounts in the coin; linear size {@code Q·CS} base units,
 * amounts in USD. PnL [A] (§6.2, "Portfolio Management"): inverse {@code s·N·(1/EP − 1/P)},
 * linear {@code s·Q·(P − EP)} ({@link #pnl}).
 *
 * <p>Margin levels [B] (§6.2, "Inverse Futures Margin Schedule"): each level's rate applies to
 * the slice of the position inside it. A tier table is read as Kraken's levels: for inverse
 * positions its floors, caps and maintenance amounts are in <b>contracts (USD face)</b>, for
 * linear in USD position value ({@link #tierTable} builds one from the published levels; the
 * table recurrence gives the slice deduction {@code D_k = Σ_{j<k} cap_j·(MMR_{j+1} − MMR_j)}).
 * Likewise an inverse position's {@code maintenance} override states {@code D} in USD. The level
 * is the one that contains {@code N}, so an inverse position's level does not change with the
 * price.
 * <ul>
 *   <li>Inverse, default — template I-P with {@code φ = 0} (derived): {@code MM(P) =
 *       (m_k·N − D_k)/P}, {@code LP = (N·(1 + s·m_k) − s·D_k) / (N/EP + s·M)}; a non-positive
 *       denominator or numerator: none. The deduction is valued at the same price as the MM,
 *       not at the entry.</li>
 *   <li>Inverse, {@code mmValuation: "entry"} — template I-E: {@code MM_E = (m_k·N − D_k)/EP},
 *       {@code LP = N/(N/EP + s·(M − MM_E))}.</li>
 *   <li>Uncertain (spec §14 #1): the schedule's note ("percentages based on the value of the
 *       collateral currency at entry price") implies I-E, while the Equity Protection Process
 *       page's worked liquidation price fits only MM at the liquidation price; followed: I-P,
 *       with I-E as the option.</li>
 *   <li>Linear — not found; derived: template L-P with {@code φ = 0} (the sliced MM
 *       {@code m_k·V − D_k} at the price, level re-checked at the liquidation price), or L-E with
 *       {@code mmValuation: "entry"}. {@code M}: the isolated collateral, or for cross the
 *       margin equity; haircuts and the conversion fee are not found (out of scope).</li>
 *   <li>Bankruptcy price: the same equation with no maintenance margin.</li>
 *   <li>Liquidation when portfolio value &lt; MM (Equity Protection Process); margin ratio
 *       {@code MM / margin balance}. No fee enters the price (none published, §10.2).</li>
 * </ul>
 * Stateless, immutable and thread-safe.
 */
public final class KrakenFuturesRules extends BaseVenue {
    /** Rule-set id. */
    public static final String ID = "kraken-futures";
    private static final MathContext FLOOR = new MathContext(34, RoundingMode.FLOOR);
    private static final MathContext CEILING = new MathContext(34, RoundingMode.CEILING);

    /** Creates the rule set; use {@link Venues#byId(String)} to share one. */
    public KrakenFuturesRules() {
        super(ID, "Kraken Futures", "USD", Set.of(ContractType.INVERSE, ContractType.LINEAR), presetsOf(ID));
    }

    private static boolean atEntry(Position p) {
        return p.venueParameters().mmValuation() == MmValuation.ENTRY;
    }

    /** venues-v2.md §6.2. */
    @Override
    Sources sources() {
        return Sources.all("venues-v2.md §6.2");
    }

    @Override
    boolean standardValuation(Position p) {
        return !p.contract().isInverse() && !atEntry(p);
    }

    /** The value that selects a position's level: {@code N} (inverse), the value at the mark or entry (linear). */
    private static BigDecimal levelKey(Exposure e) {
        if (e.inverse) {
            return e.size;
        }
        return e.notional(atEntry(e.position) ? e.position.entryPrice() : e.position.markPrice());
    }

    @Override
    public BigDecimal maxLeverage(Position p, TierTable schedule) {
        BigDecimal tierMax = schedule.lookup(levelKey(new Exposure(p))).maxLeverage();
        BigDecimal stated = p.maxLeverage();
        if (tierMax == null) {
            return stated;
        }
        return stated == null ? tierMax : tierMax.min(stated);
    }

    @Override
    public MarkValuation valueAtMark(Position p, TierTable schedule) {
        MarkValuation m = super.valueAtMark(p, schedule);
        if (standardValuation(p)) {
            return m;
        }
        Exposure e = new Exposure(p);
        MaintenanceTier level = schedule.lookup(levelKey(e));
        MaintenanceTier applied;
        BigDecimal mm;
        if (e.inverse) {
            BigDecimal price = atEntry(p) ? p.entryPrice() : p.markPrice();
            mm = inverseMaintenance(e, level, price);
            // reported in the coin: MM = notional·m − D/P at the valuation price
            applied = MaintenanceTier.of(level.floor(), level.cap(), level.maxLeverage(), level.mmr(),
                    level.maintenanceAmount().divide(price, MC));
        } else {
            mm = level.maintenanceMargin(e.notional(p.entryPrice()));
            applied = level;
        }
        Trace t = Trace.of(p);
        if (t != null) {
            recordMaintenance(t, e, level, mm);
        }
        return new MarkValuation(m.notional(), applied, mm, m.closeFee(), m.unrealizedPnl(), m.initialMarginAtEntry(),
                m.initialMarginAtMark());
    }

    private void recordMaintenance(Trace t, Exposure e, MaintenanceTier level, BigDecimal mm) {
        Position p = e.position;
        String src = cited().maintenance();
        Step note = Step.note("Margin level",
                "Level of " + p.symbol() + " (" + (e.inverse ? "by size, contracts" : "by value") + " "
                        + Formulas.plain(levelKey(e)) + "): MMR "
                        + Formulas.plain(level.mmr().movePointRight(2)) + " %, amount "
                        + Formulas.plain(level.maintenanceAmount()) + ". Uncertain reading "
                        + "(venues-v2.md §14 #1): the schedule's note values maintenance at the entry, the worked "
                        + "liquidation price at the price; followed: at the price (I-P), the entry as the option "
                        + "mmValuation: entry.", src);
        if (e.inverse) {
            boolean entry = atEntry(p);
            Expr price = entry ? Formulas.entry(p)
                    : Formulas.mark(p);
            ValuationSteps.replaceMaintenance(t, true, note, Step.of("Maintenance margin",
                    "MM", Expr.div(Formulas.maintenance(level,
                            Formulas.size(p)), price), mm, t.amountUnit(), src)
                    .withNote("(F·MMR − amount)/P in the coin, at the " + (entry ? "entry price (IE option)." : "mark.")));
        } else {
            BigDecimal nEp = e.notional(p.entryPrice());
            ValuationSteps.replaceMaintenance(t, true, Step.of("Notional at the entry price",
                    "N_EP", Formulas.notional(p, Formulas.entry(p)),
                    nEp, t.amountUnit(), src), note, Step.of("Maintenance margin", "MM",
                    Formulas.maintenance(level, Expr.sym("N_EP",
                            nEp)), mm, t.amountUnit(), src).withNote("Valued at the entry price."));
        }
    }

    /** {@code (m_k·N − D_k)/P}, coin. */
    private static BigDecimal inverseMaintenance(Exposure e, MaintenanceTier level, BigDecimal price) {
        return level.maintenanceMargin(e.size).divide(price, MC);
    }

    @Override
    LiquidationSolver.Solution liquidation(List<LiquidationSolver.Leg> legs, BigDecimal wallet) {
        LiquidationSolver.Leg leg = legs.get(0);
        Exposure e = leg.exposure();
        Position p = e.position;
        if (standardValuation(p)) {
            return super.liquidation(legs, wallet);
        }
        MaintenanceTier level = leg.schedule().lookup(levelKey(e));
        BigDecimal price;
        if (atEntry(p)) {
            BigDecimal mm = e.inverse ? inverseMaintenance(e, level, p.entryPrice())
                    : level.maintenanceMargin(e.notional(p.entryPrice()));
            Expr r = null;
            if (Trace.of(p) != null) {
                r = e.inverse ? Expr.div(Formulas.maintenance(
                        level, Formulas.size(p)), Formulas.entry(p))
                        : Formulas.maintenance(level, Expr.sym(
                                "N_EP", e.notional(p.entryPrice())));
            }
            price = FixedRequirement.price(e, wallet, mm, Figure.LIQUIDATION_PRICE,
                    cited().liquidation(), r);
        } else {
            // inverse I-P: LP = (N·(1 + s·m) − s·D) / (N/EP + s·M)
            BigDecimal numerator = e.size.multiply(BigDecimal.ONE.add(e.s.multiply(level.mmr())))
                    .subtract(e.s.multiply(level.maintenanceAmount()));
            BigDecimal denominator = e.notional(p.entryPrice()).add(e.s.multiply(wallet));
            Trace t = Trace.of(p);
            java.util.List<Step> steps = t == null ? null : new java.util.ArrayList<>();
            String src = cited().liquidation();
            if (steps != null) {
                Expr s = Formulas.side(p);
                Expr f = Formulas.size(p);
                steps.add(Step.of("Numerator", "U", Expr.sub(
                        Expr.mul(f, Expr.add(
                                Expr.num(1), Expr.mul(s,
                                        Expr.sym("MMR", level.mmr())))),
                        Expr.mul(s, Expr.sym("amount",
                                level.maintenanceAmount()))), numerator, "USD", src).withNote("Solves W + s·F·(1/EP − 1/P) "
                                        + "= (F·MMR − amount)/P for P (inverse, maintenance at the price): "
                                        + "P = (F·(1 + s·MMR) − s·amount) / (F/EP + s·W)."));
                steps.add(Step.of("Denominator", "D", Expr.add(
                        Expr.div(f, Formulas.entry(p)),
                        Expr.mul(s, Expr.sym("W", wallet))),
                        denominator, t.amountUnit(), src));
            }
            if (numerator.signum() <= 0 || denominator.signum() <= 0) {
                if (steps != null) {
                    steps.add(Step.note("Liquidation price", "None: the numerator or the "
                            + "denominator is not above 0, so no positive price reaches the requirement.", src));
                    t.put(Figure.LIQUIDATION_PRICE, steps);
                }
                return null;
            }
            boolean isLong = e.s.signum() > 0;
            price = numerator.divide(denominator, isLong ? FLOOR : CEILING);
            BigDecimal solved = price;
            price = LiquidationSolver.toLossSide(price, isLong,
                    q -> wallet.add(e.pnl(q)).compareTo(inverseMaintenance(e, level, q)) <= 0);
            if (steps != null) {
                steps.add(Step.of("Liquidation price, solved", "P_1",
                        Expr.div(Expr.sym("U", numerator),
                                Expr.sym("D", denominator)), solved, t.priceUnit(), src)
                        .withNote("The level is chosen by the size, which does not move with the price: no re-check."));
                Expr lf = Expr.sym("P_1", solved);
                if (price.compareTo(solved) != 0) {
                    lf = Expr.add(lf, Expr.num(price.subtract(solved)));
                }
                steps.add(Step.of("Liquidation price", "P", lf, price, t.priceUnit(), src)
                        .withNote(price.compareTo(solved) == 0 ? "" : "Moved by its last digits toward the loss side "
                                + "(rounding of 1/P)."));
                t.put(Figure.LIQUIDATION_PRICE, steps);
            }
        }
        return price == null ? null : new LiquidationSolver.Solution(price, level);
    }


    /**
     * One level of Kraken's margin schedule, as published.
     *
     * @param floor              lowest size of the level, contracts (inverse) or USD value (linear), ≥ 0
     * @param cap                where the next level starts, &gt; floor, or null for the last
     * @param initialMarginRate  IM rate of the slice, in (0, 1]
     * @param maintenanceRate    MM rate of the slice, in [0, 1)
     */
    public record MarginLevel(BigDecimal floor, BigDecimal cap, BigDecimal initialMarginRate, BigDecimal maintenanceRate) {
        /** @throws ValidationException naming the first missing or out-of-range value */
        public MarginLevel {
            Checks.notNegative(floor, "floor");
            if (cap != null && cap.compareTo(floor) <= 0) {
                throw new ValidationException("cap", "must be > floor " + floor.toPlainString(), cap);
            }
            Checks.positive(initialMarginRate, "initialMarginRate");
            if (initialMarginRate.compareTo(BigDecimal.ONE) > 0) {
                throw new ValidationException("initialMarginRate", "must be ≤ 1", initialMarginRate);
            }
            Checks.fraction(maintenanceRate, "maintenanceRate");
        }
    }

    /**
     * Sliced initial and maintenance margin.
     *
     * @param initialMargin      settlement currency
     * @param maintenanceMargin  settlement currency
     */
    public record SlicedMargin(BigDecimal initialMargin, BigDecimal maintenanceMargin) {
    }

    /**
     * Margin by slices (§6.2, [B]): each level's rates apply to the part of the position inside
     * it. Inverse: slices of {@code N = quantity·contractSize} contracts (USD), summed and divided
     * by {@code price} ({@code IM = Σ slice_k·IMR_k / EP} at the entry price), in the coin.
     * Linear: slices of the USD value {@code quantity·contractSize·price}, in USD. A size beyond
     * the last cap is charged at the last level's rates.
     *
     * @param contract      linear or inverse, not null
     * @param levels        the schedule, contiguous from 0, not empty, not null
     * @param quantity      &gt; 0, not null
     * @param contractSize  &gt; 0, not null
     * @param price         the valuation price (the entry for Kraken's percentages), &gt; 0, not null
     * @return the margins; never null
     * @throws ValidationException naming a missing value or a non-contiguous schedule
     */
    public static SlicedMargin slicedMargin(ContractType contract, List<MarginLevel> levels, BigDecimal quantity,
            BigDecimal contractSize, BigDecimal price) {
        Checks.notNull(contract, "contract");
        checkLevels(levels);
        BigDecimal face = Checks.positive(quantity, "quantity").multiply(Checks.positive(contractSize, "contractSize"));
        Checks.positive(price, "price");
        BigDecimal size = contract.isInverse() ? face : face.multiply(price);
        BigDecimal im = BigDecimal.ZERO;
        BigDecimal mm = BigDecimal.ZERO;
        for (int k = 0; k < levels.size(); k++) {
            MarginLevel level = levels.get(k);
            boolean last = k == levels.size() - 1;
            BigDecimal top = last || level.cap() == null ? size : size.min(level.cap());
            BigDecimal slice = top.subtract(level.floor());
            if (slice.signum() <= 0) {
                break;
            }
            im = im.add(slice.multiply(level.initialMarginRate()));
            mm = mm.add(slice.multiply(level.maintenanceRate()));
        }
        if (contract.isInverse()) {
            return new SlicedMargin(im.divide(price, MC), mm.divide(price, MC));
        }
        return new SlicedMargin(im, mm);
    }

    /**
     * Kraken's levels as a tier table for positions ({@code tiers}): floors and caps as published
     * (contracts for inverse, USD for linear), maintenance rates, max leverage {@code 1/IMR},
     * and the slice deductions {@code D_k} from the table recurrence.
     *
     * @param levels  the schedule, contiguous from 0, not empty, not null
     * @param source  provenance, may be null
     * @param asOf    capture date, ISO {@code yyyy-MM-dd}, may be null
     * @return the table; never null
     * @throws ValidationException naming a missing value or a non-contiguous schedule
     */
    public static TierTable tierTable(List<MarginLevel> levels, String source, String asOf) {
        checkLevels(levels);
        List<BigDecimal> floors = new ArrayList<>();
        List<BigDecimal> caps = new ArrayList<>();
        List<BigDecimal> mmrs = new ArrayList<>();
        List<BigDecimal> maxLeverages = new ArrayList<>();
        for (MarginLevel l : levels) {
            floors.add(l.floor());
            caps.add(l.cap());
            mmrs.add(l.maintenanceRate());
            maxLeverages.add(BigDecimal.ONE.divide(l.initialMarginRate(), MC));
        }
        return TierTable.ofMarginalRates(floors, caps, mmrs, maxLeverages, source, asOf);
    }

    private static void checkLevels(List<MarginLevel> levels) {
        Checks.notNull(levels, "levels");
        if (levels.isEmpty()) {
            throw new ValidationException("levels", "must contain at least one level", "[]");
        }
        for (int k = 0; k < levels.size(); k++) {
            MarginLevel l = Checks.notNull(levels.get(k), "levels[" + k + "]");
            BigDecimal expected = k == 0 ? BigDecimal.ZERO : levels.get(k - 1).cap();
            if (expected == null || l.floor().compareTo(expected) != 0) {
                throw new ValidationException("floor", k == 0 ? "must be 0 in the first level"
                        : "must equal the previous level's cap (contiguous)", l.floor()).within("levels[" + k + "]");
            }
        }
    }
}
