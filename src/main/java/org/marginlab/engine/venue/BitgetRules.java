package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.derivation.Expr;
import org.marginlab.engine.derivation.Formulas;
import org.marginlab.engine.derivation.Step;
import org.marginlab.engine.derivation.Trace;
import org.marginlab.engine.internal.Checks;
import org.marginlab.engine.internal.Division;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;

/**
 * Bitget futures (classic account), rule-set id {@code bitget}: USDT-M / USDC-M (linear) and
 * coin-M (inverse), isolated and cross (spec venues-v2.md §4).
 *
 * <p>Liquidation <b>[B]</b> (Bitget "Estimated liquidation price", article 12560603808759):
 * {@code LP = [position margin (+ pre-calculated offset) − size·EP·dir] / [size·(MMR + taker −
 * dir)]} = template L-P with {@code φ = f_t} (the taker fee valued at the liquidation price),
 * {@code ded = offset} (the tier's maintenance amount), {@code M} = the isolated margin. Coin-M:
 * the article's coin-M form was not visible (not found); template I-P with {@code φ = f_t} by
 * analogy (derived). Bankruptcy price: no maintenance, no fee.
 *
 * <p>Maintenance margin, Bitget's figure {@code value·(MMR + fee)}; here the maintenance margin
 * is {@code value·MMR − ded} and {@code value·f_t} the close fee of the requirement, both at the
 * mark (and at the liquidation price in the equation):
 * <ul>
 *   <li>whole position (before 2025-11-10 08:00 UTC, and after it for positions opened before):
 *       the whole value at the rate of the tier that contains it, {@code ded = 0}; the tier's
 *       rate jumps at a floor, so the equation is solved per tier ({@link WholePositionSolver});</li>
 *   <li>sliced (positions opened from 2025-11-10 08:00 UTC): each slice at its tier rate,
 *       {@code = value·MMR_k − offset_k}, offset by the Binance {@code cum} recurrence (the fee
 *       rate is common to all tiers and drops out); tier re-checked at the liquidation price.</li>
 * </ul>
 * An explicit {@code maintenance} override is used as stated by both rules (its
 * {@code maintenanceAmount} is the offset); the whole-position rule drops the amounts of a tier
 * table (bundled tables carry the sliced offsets).
 *
 * <p>Versions (§12): {@code bitget@0000-01-01} — initial margin and ROE at the entry;
 * {@code bitget@2025-09-29} — initial margin {@code size·mark/lev} and
 * {@code ROE = UPNL / that margin} ({@link #initialMargin}; the engine's {@code initialMargin}
 * field stays the margin at entry) <b>[A] text</b>; {@code bitget@2025-11-10} from 08:00:00Z,
 * applies by position opening time ({@code openedAt}; null = opened after it): sliced MM for
 * positions opened at or after the instant, whole-position MM for positions opened before, whose
 * {@code ruleSet} is then reported as {@code bitget@2025-09-29}. Uncertain (spec §14 #7): whether
 * the isolated "position margin" of the LP formula follows the mark after 2025-09-29; followed:
 * the posted isolated margin ({@code isolatedMargin}, default the initial margin at entry).
 *
 * <p>Cross: uncertain (spec §14 #8), Bitget's one-way cross formula was not found; followed: the
 * derived X-form {@code LP = (X − size·EP·dir)/(size·(MMR + taker − dir))},
 * {@code X = total asset balance + UPNL of other cross pairs − Σ MM (with fee) of other pairs}.
 * Bitget's cross tiers on long + short combined (hedge mode) are not modelled.
 *
 * <p>Margin ratio: Bitget's margin rate is {@code (position margin + UPNL)/value} at the mark,
 * liquidated when it is ≤ the MMR (it falls as risk grows; {@link #marginRate}). The engine
 * reports {@link MarginRatioDefinition#EQUITY_OVER_MAINTENANCE_PLUS_FEES},
 * {@code equity/(MM + fee)}, which also falls and reaches 1 at the liquidation price (with
 * {@code ded = 0} it is Bitget's margin rate divided by {@code MMR + taker}). Taker fee: the
 * position's {@code takerFeeRate}, else 0.06 %. The 2024-07-24 "worst price" check and the
 * 2026-03-27 opening loss in order IM are not modelled. Display rounding: not found (§11).
 * Units: quantity in base units (linear) or contracts of {@code contractSize} USD (coin-M);
 * amounts in USDT/USDC or the coin. Signs: {@code dir} = {@code s} = +1 long, −1 short.
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class BitgetRules extends BaseVenue {
    /** Rule-set id. */
    public static final String ID = "bitget";
    /** Margin and ROE at the mark from this version. */
    public static final String V2025_09 = "2025-09-29";
    /** Sliced maintenance margin for positions opened from this version. */
    public static final String V2025_11 = "2025-11-10";

    private static final BigDecimal TAKER = new BigDecimal("0.0006");

    private final String version;
    private final Instant effectiveFrom;
    private final boolean marginAtMark;
    private final boolean slicedForNewPositions;

    private BitgetRules(String version, Instant effectiveFrom, boolean marginAtMark, boolean slicedForNewPositions) {
        super(ID, "Bitget", "USDT", Set.of(ContractType.LINEAR, ContractType.INVERSE),
                presetsOf(ID));
        this.version = version;
        this.effectiveFrom = effectiveFrom;
        this.marginAtMark = marginAtMark;
        this.slicedForNewPositions = slicedForNewPositions;
    }

    /** @return {@code bitget@0000-01-01}: margin at entry, whole-position MM */
    public static BitgetRules first() {
        return new BitgetRules(FIRST_VERSION, java.time.LocalDate.parse(FIRST_VERSION).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), false, false);
    }

    /** @return {@code bitget@2025-09-29}: margin and ROE at the mark, whole-position MM */
    public static BitgetRules v202509() {
        return new BitgetRules(V2025_09, Instant.parse("2025-09-29T00:00:00Z"), true, false);
    }

    /** @return {@code bitget@2025-11-10} (08:00 UTC): sliced MM for positions opened from then */
    public static BitgetRules v202511() {
        return new BitgetRules(V2025_11, Instant.parse("2025-11-10T08:00:00Z"), true, true);
    }

    /** venues-v2.md §4.2. */
    @Override
    Sources sources() {
        return Sources.all("venues-v2.md §4.2");
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Instant effectiveFrom() {
        return effectiveFrom;
    }

    @Override
    public AppliesBy appliesBy() {
        return slicedForNewPositions ? AppliesBy.POSITION_OPEN_TIME : AppliesBy.EVALUATION_TIME;
    }

    @Override
    public MarginRatioDefinition marginRatioDefinition() {
        return MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES;
    }

    /** @return 0.0006 (0.06 %, Bitget's regular futures taker rate) */
    @Override
    public BigDecimal defaultTakerFeeRate() {
        return TAKER;
    }

    /** USDC for USDC-M symbols (containing {@code USDC}, or {@code …PERP}), else as the default. */
    @Override
    public String settlementCurrency(Position position) {
        String symbol = position.symbol().toUpperCase(Locale.ROOT);
        if (!position.contract().isInverse() && (symbol.contains("USDC") || symbol.endsWith("PERP"))) {
            return "USDC";
        }
        return super.settlementCurrency(position);
    }

    @Override
    BigDecimal closeFeeRate(Position p) {
        return takerFeeRate(p);
    }

    /** @return whether the sliced MM applies: this version has it and the position opened at or after it */
    boolean sliced(Position p) {
        Instant opened = p.venueParameters().openedAt();
        return slicedForNewPositions && (opened == null || !opened.isBefore(effectiveFrom));
    }

    /** Whole-position MM with the tier amounts dropped (not for an explicit override). */
    private boolean amountsDropped(Position p) {
        return !sliced(p) && !(p.tiers() == null && p.maintenance() != null);
    }

    @Override
    boolean standardValuation(Position p) {
        return !amountsDropped(p);
    }

    @Override
    String ruleSet(Position p) {
        return slicedForNewPositions && !sliced(p) ? ID + "@" + V2025_09 : ruleSetId();
    }

    @Override
    public MarkValuation valueAtMark(Position p, TierTable schedule) {
        MarkValuation m = super.valueAtMark(p, schedule);
        if (!amountsDropped(p) || m.tier().maintenanceAmount().signum() == 0) {
            return m;
        }
        MaintenanceTier whole = whole(m.tier());
        MarkValuation v = new MarkValuation(m.notional(), whole, whole.maintenanceMargin(m.notional()), m.closeFee(),
                m.unrealizedPnl(), m.initialMarginAtEntry(), m.initialMarginAtMark());
        Trace t = Trace.of(p);
        if (t != null) {
            ValuationSteps.replaceMaintenance(t, false, Step.of("Maintenance margin", "MM",
                    Formulas.maintenance(whole,
                            Expr.sym("N", m.notional())), v.maintenanceMargin(),
                    t.amountUnit(), cited().maintenance()).withNote("Whole-position rule (before 2025-11-10, or a "
                            + "position opened before it): the tier's rate on the whole value, its maintenance amount "
                            + "dropped."));
        }
        return v;
    }

    @Override
    LiquidationSolver.Solution liquidation(List<LiquidationSolver.Leg> legs, BigDecimal wallet) {
        LiquidationSolver.Leg leg = legs.get(0);
        if (legs.size() != 1 || !amountsDropped(leg.exposure().position)) {
            return super.liquidation(legs, wallet);
        }
        List<MaintenanceTier> applied = new ArrayList<>(leg.schedule().size());
        for (MaintenanceTier t : leg.schedule().tiers()) {
            applied.add(whole(t));
        }
        return WholePositionSolver.solve(leg.exposure(), leg.schedule(), applied, wallet, leg.feeRate(),
                cited().liquidation());
    }

    private static MaintenanceTier whole(MaintenanceTier t) {
        return t.maintenanceAmount().signum() == 0 ? t
                : MaintenanceTier.of(t.floor(), t.cap(), t.maxLeverage(), t.mmr(), BigDecimal.ZERO);
    }

    @Override
    BigDecimal roeBase(MarkValuation m, BigDecimal feeToClose) {
        return marginAtMark ? m.initialMarginAtMark() : m.initialMarginAtEntry();
    }

    /**
     * Bitget's initial margin of a position: {@code size·EP/lev} before 2025-09-29,
     * {@code size·mark/lev} from then (§4.2, inverse: {@code N/(price·lev)}).
     *
     * @param p  the position, not null
     * @return the initial margin, settlement currency
     */
    public BigDecimal initialMargin(Position p) {
        Checks.notNull(p, "position");
        return new Exposure(p).initialMargin(marginAtMark ? p.markPrice() : p.entryPrice());
    }

    /**
     * Bitget's maintenance margin figure, {@code value·(MMR + fee) − offset} at the mark, by the
     * rule this version applies to the position (whole or sliced).
     *
     * @param p  the position, not null
     * @return maintenance margin plus the fee term, settlement currency
     * @throws org.marginlab.engine.ValidationException as {@link #schedule} and {@link #valueAtMark}
     */
    public BigDecimal maintenanceMargin(Position p) {
        Checks.notNull(p, "position");
        return valueAtMark(p, schedule(p)).maintenanceRequirement();
    }

    /**
     * Bitget's margin rate of an isolated position: {@code (position margin + UPNL)/value} at the
     * mark; Bitget liquidates when it is ≤ the MMR.
     *
     * @param r  the engine's result for the position, not null
     * @return the margin rate, or null for a cross position (no own margin balance)
     */
    public static BigDecimal marginRate(PositionRisk r) {
        Checks.notNull(r, "risk");
        return r.marginBalance() == null ? null : Division.divide(r.marginBalance(), r.notional(), MathContext.DECIMAL128);
    }
}
