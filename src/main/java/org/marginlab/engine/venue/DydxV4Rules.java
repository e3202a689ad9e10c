package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
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
import org.marginlab.engine.tier.TierTable;

/**
 * dYdX Chain (v4), rule-set id {@code dydx-v4} (spec venues-v2.md §8, [A]): USDC-margined linear
 * perpetuals, one version {@code dydx-v4@0000-01-01}.
 *
 * <p>Units and signs: size {@code S} signed in base units ({@code S = s·Q·CS}, {@code s} = +1
 * long, −1 short); prices are the <em>oracle</em> price (the position's mark); amounts in USDC.
 * The chain counts in quote quantums (1 USDC = 10⁶) and ppm; the engine keeps USDC at full
 * precision and the quantum and ppm roundings are in the helpers below.
 *
 * <ul>
 *   <li>{@code MMR_i = |S_i·P_i·MMF_i|}; {@code MMF} = the position's {@code tiers} or
 *       {@code maintenance} when it gives them, else its {@code mmf}, else the bundled table of
 *       the market. {@code IMR_i = |S_i·P_i·IMF_eff,i|} when the position
 *       gives {@code imf} (with the open-interest scaling of {@link #effectiveImf}), else
 *       {@code notional/lev}.</li>
 *   <li>Equity {@code e = Q + Σ S_i·P_i}; liquidatable when {@code e < Σ MMR_i}.</li>
 *   <li>Liquidation price (docs "liquidations"): isolated {@code p' = (e − S·p)/(|S|·MMF − S)},
 *       cross {@code p' = (e − S·p − MMR_o)/(|S|·MMF − S)}, {@code e} the equity at the price
 *       {@code p} (here the entry, so {@code e} = the isolated margin, or the cross wallet plus
 *       the other positions' PnL), {@code MMR_o} the other positions' MM at their current price.
 *       This is template L-P with {@code φ = 0}, solved by the shared solver. An isolated
 *       position is a child subaccount (the protocol margins every subaccount as cross).</li>
 *   <li>Bankruptcy price: the same with {@code MMF = 0}. Liquidation penalty (≤ 1.5 %) is not in
 *       the price. Margin ratio {@code MM / equity}.</li>
 *   <li>Not implemented (spec §14 #16): the per-market user leverage newer chain code passes to
 *       the IM function; its rules are not in the docs.</li>
 * </ul>
 * Helpers: {@link #effectiveImf}, {@link #initialMarginQuantums},
 * {@link #maintenanceMarginPpm}, {@link #maintenanceMarginQuantums}. Stateless, immutable and
 * thread-safe.
 */
public final class DydxV4Rules extends BaseVenue {
    /** Rule-set id. */
    public static final String ID = "dydx-v4";
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** Creates the rule set; use {@link Venues#byId(String)} to share one. */
    public DydxV4Rules() {
        super(ID, "dYdX v4", "USDC", Set.of(ContractType.LINEAR), presetsOf(ID));
    }

    /** venues-v2.md §8.2. */
    @Override
    Sources sources() {
        return Sources.all("venues-v2.md §8.2");
    }

    /**
     * The maintenance schedule: the position's {@code tiers} or {@code maintenance}, else its
     * {@code mmf} as one rate, else the bundled table.
     *
     * @throws ValidationException ({@code mmf}) if none applies
     */
    @Override
    public TierTable schedule(Position p) {
        BigDecimal mmf = p.venueParameters().mmf();
        if (p.tiers() == null && p.maintenance() == null && mmf != null) {
            return TierTable.flat(mmf, BigDecimal.ZERO, p.maxLeverage());
        }
        if (p.tiers() == null && p.maintenance() == null && presetTiers(p.symbol()).isEmpty()) {
            throw new ValidationException("mmf", "is required on " + ID + " (no bundled liquidity tier for "
                    + p.symbol() + "): give the market's maintenance margin fraction, MMF = base IMF × maintenance "
                    + "fraction (§8.2)", null);
        }
        return super.schedule(p);
    }

    @Override
    public MarkValuation valueAtMark(Position p, TierTable schedule) {
        MarkValuation m = super.valueAtMark(p, schedule);
        VenueParameters v = p.venueParameters();
        if (v.imf() == null) {
            return m;
        }
        BigDecimal imf = effectiveImf(v.imf(), v.openInterestNotional(), v.oiLowerCap(), v.oiUpperCap());
        Exposure e = new Exposure(p);
        MarkValuation r = new MarkValuation(m.notional(), m.tier(), m.maintenanceMargin(), m.closeFee(), m.unrealizedPnl(),
                e.notional(p.entryPrice()).multiply(imf), m.notional().multiply(imf));
        Trace t = Trace.of(p);
        if (t != null) {
            t.put(Figure.INITIAL_MARGIN, java.util.List.of(imfStep(v, imf),
                    Step.of("Initial margin at entry", "IM",
                            Expr.mul(Formulas.notional(p,
                                    Formulas.entry(p)),
                                    Expr.sym("IMF_eff", imf)),
                            r.initialMarginAtEntry(), settlementCurrency(p), cited().maintenance())));
        }
        return r;
    }

    /** The effective IMF as a step ({@link #effectiveImf}). */
    private Step imfStep(VenueParameters v, BigDecimal imf) {
        BigDecimal base = v.imf();
        BigDecimal lower = v.oiLowerCap() == null ? BigDecimal.ZERO : v.oiLowerCap();
        BigDecimal upper = v.oiUpperCap() == null ? BigDecimal.ZERO : v.oiUpperCap();
        BigDecimal oi = v.openInterestNotional();
        Expr f;
        String note;
        if (imf.compareTo(base) == 0) {
            f = Expr.sym("IMF", base);
            note = "The base IMF: no open-interest scaling applies (none given, an upper cap of 0, or open interest "
                    + "at or below the lower cap).";
        } else if (imf.compareTo(BigDecimal.ONE) == 0 && oi.compareTo(upper) >= 0) {
            f = Expr.num(1);
            note = "Open interest " + Formulas.plain(oi) + " is at or above the upper cap: 1.";
        } else {
            f = Expr.min(Expr.add(
                    Expr.sym("IMF", base), Expr.div(
                            Expr.mul(Expr.sub(
                                    Expr.sym("OI", oi),
                                    Expr.sym("L", lower)),
                                    Expr.sub(Expr.num(1),
                                            Expr.sym("IMF", base))),
                            Expr.sub(Expr.sym("U", upper),
                                    Expr.sym("L", lower)))),
                    Expr.num(1));
            note = "Scaled by open interest between the lower and upper caps.";
        }
        return Step.of("Effective initial margin fraction", "IMF_eff", f, imf, "",
                cited().maintenance()).withNote(note);
    }

    @Override
    Step initialMarginAtMarkStep(Position p, MarkValuation m) {
        if (p.venueParameters().imf() == null) {
            return super.initialMarginAtMarkStep(p, m);
        }
        BigDecimal imf = effectiveImf(p.venueParameters().imf(), p.venueParameters().openInterestNotional(),
                p.venueParameters().oiLowerCap(), p.venueParameters().oiUpperCap());
        return Step.of("Initial margin at the mark", "IM_mark",
                Expr.mul(Expr.sym("N", m.notional()),
                        Expr.sym("IMF_eff", imf)), m.initialMarginAtMark(),
                settlementCurrency(p), cited().maintenance());
    }

    /**
     * The open-interest-scaled initial margin fraction (§8.2; {@code liquidity_tier.go}
     * {@code GetInitialMarginQuoteQuantums}):
     * <pre>
     * scaling = (open_notional − lower_cap)/(upper_cap − lower_cap)
     * IMF_eff = min(IMF_base + max(scaling·(1 − IMF_base), 0), 1)
     * </pre>
     * The base IMF applies when the scaling is off (no open interest given, or an upper cap of
     * 0) or the open notional is ≤ the lower cap; 1 when it is ≥ a non-zero upper cap.
     *
     * @param baseImf               the base IMF, in (0, 1], not null
     * @param openInterestNotional  open interest × oracle price, quote, ≥ 0, or null (no scaling)
     * @param lowerCap              quote, ≥ 0, or null (0)
     * @param upperCap              quote, ≥ lower cap, or null (0: scaling off)
     * @return the effective IMF, DECIMAL128; never null
     * @throws ValidationException naming a missing or out-of-range value
     */
    public static BigDecimal effectiveImf(BigDecimal baseImf, BigDecimal openInterestNotional, BigDecimal lowerCap,
            BigDecimal upperCap) {
        Checks.positive(baseImf, "imf");
        if (baseImf.compareTo(BigDecimal.ONE) > 0) {
            throw new ValidationException("imf", "must be ≤ 1", baseImf);
        }
        BigDecimal lower = lowerCap == null ? BigDecimal.ZERO : Checks.notNegative(lowerCap, "oiLowerCap");
        BigDecimal upper = upperCap == null ? BigDecimal.ZERO : Checks.notNegative(upperCap, "oiUpperCap");
        if (openInterestNotional == null || upper.signum() == 0) {
            return baseImf;
        }
        Checks.notNegative(openInterestNotional, "openInterestNotional");
        if (upper.compareTo(lower) < 0) {
            throw new ValidationException("oiUpperCap", "must be ≥ oiLowerCap (" + lower.toPlainString() + ")", upper);
        }
        if (openInterestNotional.compareTo(upper) >= 0) {
            return BigDecimal.ONE;
        }
        if (openInterestNotional.compareTo(lower) <= 0) {
            return baseImf;
        }
        BigDecimal scaled = openInterestNotional.subtract(lower).multiply(BigDecimal.ONE.subtract(baseImf))
                .divide(upper.subtract(lower), MathContext.DECIMAL128);
        return baseImf.add(scaled).min(BigDecimal.ONE);
    }

    /**
     * The chain's initial margin in quote quantums ({@code GetInitialMarginQuoteQuantums}):
     * {@code IMF_eff × notional} computed as one exact fraction and rounded <b>up</b> to a
     * whole quantum, at most the notional. Vector {@code dydx-v4-oimf-scaled-imr-test}: 135,697.
     *
     * @param notionalQuantums      |position notional|, quote quantums, ≥ 0, not null
     * @param baseImf               the base IMF, in (0, 1], not null
     * @param openInterestNotional  quote quantums (the caps' unit), or null
     * @param lowerCap              quote quantums, or null
     * @param upperCap              quote quantums, or null
     * @return the initial margin, whole quote quantums; never null
     * @throws ValidationException naming a missing or out-of-range value
     */
    public static BigInteger initialMarginQuantums(BigInteger notionalQuantums, BigDecimal baseImf,
            BigDecimal openInterestNotional, BigDecimal lowerCap, BigDecimal upperCap) {
        Checks.notNull(notionalQuantums, "notionalQuantums");
        if (notionalQuantums.signum() < 0) {
            throw new ValidationException("notionalQuantums", "must be ≥ 0", notionalQuantums);
        }
        BigDecimal imf = effectiveImf(baseImf, openInterestNotional, lowerCap, upperCap);
        BigDecimal notional = new BigDecimal(notionalQuantums);
        BigDecimal im;
        if (imf.compareTo(baseImf) == 0 || imf.compareTo(BigDecimal.ONE) == 0) {
            im = notional.multiply(imf);
        } else {
            // exact: notional·(base·(U − L) + (OI − L)·(1 − base)) / (U − L)
            BigDecimal lower = lowerCap == null ? BigDecimal.ZERO : lowerCap;
            BigDecimal range = upperCap.subtract(lower);
            BigDecimal numerator = baseImf.multiply(range)
                    .add(openInterestNotional.subtract(lower).multiply(BigDecimal.ONE.subtract(baseImf)));
            im = notional.multiply(numerator).divide(range, 0, RoundingMode.CEILING);
        }
        BigInteger rounded = im.setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        return rounded.min(notionalQuantums);
    }

    /**
     * The maintenance margin ppm of a liquidity tier ({@code GetMaintenanceMarginPpm}):
     * {@code initialMarginPpm × maintenanceFractionPpm / 10⁶}, rounded <b>down</b>
     * ({@code BigIntMulPpm}). MMF = base IMF × maintenance fraction; the open-interest scaling
     * does not change it. 150,000 × 80 % = 120,000; 637,239 × 28.9284 % = 184,343.
     *
     * @param initialMarginPpm        base IMF, ppm, in [0, 10⁶]
     * @param maintenanceFractionPpm  maintenance fraction, ppm, in [0, 10⁶]
     * @return the MMF, ppm
     * @throws ValidationException naming a value out of range
     */
    public static long maintenanceMarginPpm(long initialMarginPpm, long maintenanceFractionPpm) {
        ppm(initialMarginPpm, "initialMarginPpm");
        ppm(maintenanceFractionPpm, "maintenanceFractionPpm");
        return Math.floorDiv(initialMarginPpm * maintenanceFractionPpm, 1_000_000L);
    }

    /**
     * The chain's maintenance margin in quote quantums ({@code lib.go}
     * {@code GetMarginRequirementsInQuoteQuantums}): the base IM rounded up to a quantum, times
     * the maintenance fraction, rounded up: {@code ceil(ceil(N·IMF_base)·fraction)}.
     *
     * @param notionalQuantums        |position notional|, quote quantums, ≥ 0, not null
     * @param initialMarginPpm        base IMF, ppm, in [0, 10⁶]
     * @param maintenanceFractionPpm  maintenance fraction, ppm, in [0, 10⁶]
     * @return the maintenance margin, whole quote quantums; never null
     * @throws ValidationException naming a value out of range
     */
    public static BigInteger maintenanceMarginQuantums(BigInteger notionalQuantums, long initialMarginPpm,
            long maintenanceFractionPpm) {
        Checks.notNull(notionalQuantums, "notionalQuantums");
        if (notionalQuantums.signum() < 0) {
            throw new ValidationException("notionalQuantums", "must be ≥ 0", notionalQuantums);
        }
        ppm(initialMarginPpm, "initialMarginPpm");
        ppm(maintenanceFractionPpm, "maintenanceFractionPpm");
        BigDecimal baseIm = new BigDecimal(notionalQuantums).multiply(BigDecimal.valueOf(initialMarginPpm))
                .divide(MILLION, 0, RoundingMode.CEILING);
        return baseIm.multiply(BigDecimal.valueOf(maintenanceFractionPpm)).divide(MILLION, 0, RoundingMode.CEILING)
                .toBigIntegerExact();
    }

    private static void ppm(long value, String field) {
        if (value < 0 || value > 1_000_000L) {
            throw new ValidationException(field, "must be between 0 and 1,000,000 (ppm)", value);
        }
    }
}
