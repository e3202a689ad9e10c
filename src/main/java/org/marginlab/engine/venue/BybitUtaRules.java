package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.derivation.Expr;
import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.derivation.Formulas;
import org.marginlab.engine.derivation.Step;
import org.marginlab.engine.derivation.Trace;
import org.marginlab.engine.internal.Checks;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;

/**
 * Bybit Unified Trading Account, rule-set id {@code bybit-uta}: USDT and USDC perpetuals
 * (linear) and inverse, isolated and cross (spec venues-v2.md §9). A rule set beside the classic
 * {@code bybit-linear} / {@code bybit-inverse}, which stay unchanged (§9.3).
 *
 * <p>Fee to close <b>[B]</b> (Bybit "Position Margin", 2024-03-14: "position margin = initial
 * margin + fee to close"; order cost: {@code FTC = Q·BP·f_t}): reserved in the position margin
 * and in the maintenance requirement. {@code FTC} is valued at the bankruptcy price from the
 * entry at the position's leverage (§10.1): linear {@code Q·EP·(1 − s/lev)·f_t}, inverse
 * {@code N·(1 + s/lev)/EP·f_t}; reported as {@code feeToClose}. {@code isolatedMargin} is
 * Bybit's position margin including it; its default is {@code IM + FTC} (§13);
 * {@code ROE = UPNL/(IM + FTC)}; the requirement is {@code MM + FTC} (the margin ratio is the MM
 * rate {@code (MM + FTC)/margin balance}).
 *
 * <p>Linear <b>[B]</b>: template L-E as classic Bybit, {@code PV = Q·EP}, {@code MM_E = PV·MMR −
 * ded} (risk-limit tier at the entry value), and the FTC on both sides cancels:
 * {@code LP = EP − s·(M − MM_E − FTC)/Q} with {@code M} the position margin; bankruptcy keeps the
 * FTC in the requirement (§10.3), {@code BP = EP − s·(M − FTC)/Q}, i.e. {@code EP·(1 − s/lev)} at
 * the default margin. A 1x long keeps a finite LP ({@code m·EP}). USDT or USDC: a linear symbol
 * containing {@code USDC} or ending in {@code PERP} ({@code BTCPERP}, {@code ETHPERP},
 * {@code BTC-USDC}) is USDC-settled ({@link #isUsdc}), any other linear symbol USDT. USDC's
 * initial margin is valued at the mark, {@code Q·MP/lev} ({@link #initialMargin},
 * {@link #positionMargin}); the engine's {@code initialMargin} field, the default position margin
 * and the ROE base stay at the (session) entry. Uncertain (spec §14 #11): the 2026 USDT/USDC LP
 * text was not retrieved; followed: L-E, for USDC on the session entry price (it resets to the
 * mark at every 8-hour settlement: give the session entry as {@code entryPrice}).
 *
 * <p>Inverse, by version (§12):
 * <ul>
 *   <li>{@code bybit-uta@2024-09-10} — template I-E with {@code M = IM + Extra} (position margin
 *       less FTC), {@code LP = N/(N/EP + s·(M − MM_E))}. Uncertain (spec §14 #10): the printed
 *       text subtracts "Extra Margin Added / Contract Quantity" after the fraction, dimensionally
 *       wrong; followed: the extra margin inside the denominator.</li>
 *   <li>{@code bybit-uta@2026-05-27} — template I-P with {@code φ = 0} and
 *       {@code M = IM + Extra/(1 + s·f_t)}, {@code Extra = isolatedMargin − IM − FTC}:
 *       {@code LP_long = Size·(1 + MMR)/(Size/EP + Size/EP/lev + Extra/(1 + f_t) + ded)},
 *       {@code LP_short = Size·(1 − MMR)/(Size/EP − Size/EP/lev − Extra/(1 − f_t) − ded)}.
 *       Equivalently (derived) {@code M = (isolatedMargin − f_t·N/EP)/(1 + s·f_t)}: the position
 *       margin holds {@code M} plus the fee to close at the bankruptcy price that {@code M}
 *       itself sets ({@code N/BP = N/EP + s·M}); that fee, {@code isolatedMargin − M}, is the
 *       close fee of the requirement, so the position is liquidated exactly at LP. It equals
 *       {@code FTC} at the default margin. Uncertain (spec §14 #9): the page defines "Position
 *       Value = Quantity ÷ Mark" while its formula uses EP; followed: the formula (EP). A 1x
 *       short has no liquidation price (null).</li>
 * </ul>
 * Bankruptcy price: the same equations with no maintenance margin.
 *
 * <p>Cross: Bybit liquidates when the account MM rate reaches 100 %. Single settlement currency
 * only (multi-asset collateral, haircuts and spot borrow are out of scope, §9.2). The wallet term
 * is the cross wallet less the other positions' requirements (with their FTC) plus their PnL, in
 * the same equations. Taker fee: the position's {@code takerFeeRate}, else 0.055 %. Display
 * rounding: not documented by Bybit (§11). Max removable margin: the Binance rule. Units:
 * quantity in base units (linear) or USD contracts (inverse); amounts in USDT/USDC or the coin.
 * Signs: {@code s} = +1 long, −1 short.
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class BybitUtaRules extends BaseVenue {
    /** Rule-set id. */
    public static final String ID = "bybit-uta";
    /** The first version (revision 2024-09-10 of the isolated liquidation page). */
    public static final String V2024 = "2024-09-10";
    /** The revision "last updated 2026-05-27": inverse MM at the liquidation price. */
    public static final String V2026 = "2026-05-27";

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal TAKER = new BigDecimal("0.00055");

    private final String version;
    private final boolean inverseAtLiquidation;

    private BybitUtaRules(String version, boolean inverseAtLiquidation) {
        super(ID, "Bybit UTA", "USDT", Set.of(ContractType.LINEAR, ContractType.INVERSE),
                presetsOf(ID));
        this.version = version;
        this.inverseAtLiquidation = inverseAtLiquidation;
    }

    /** @return {@code bybit-uta@2024-09-10}: inverse I-E */
    public static BybitUtaRules v2024() {
        return new BybitUtaRules(V2024, false);
    }

    /** @return {@code bybit-uta@2026-05-27}: inverse I-P */
    public static BybitUtaRules v2026() {
        return new BybitUtaRules(V2026, true);
    }

    /** venues-v2.md §9.2. */
    @Override
    Sources sources() {
        return Sources.all("venues-v2.md §9.2");
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Instant effectiveFrom() {
        return java.time.LocalDate.parse(version).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    /** @return 0.00055 (0.055 %, Bybit's regular derivatives taker rate) */
    @Override
    public BigDecimal defaultTakerFeeRate() {
        return TAKER;
    }

    /**
     * @param p  a position, not null
     * @return whether it is a USDC linear contract: the symbol contains {@code USDC} or ends in
     *         {@code PERP}
     */
    public static boolean isUsdc(Position p) {
        Checks.notNull(p, "position");
        String symbol = p.symbol().toUpperCase(Locale.ROOT);
        return !p.contract().isInverse() && (symbol.contains("USDC") || symbol.endsWith("PERP"));
    }

    @Override
    public String settlementCurrency(Position position) {
        return isUsdc(position) ? "USDC" : super.settlementCurrency(position);
    }

    private boolean atLiquidation(Position p) {
        return inverseAtLiquidation && p.contract().isInverse();
    }

    @Override
    boolean maintenanceAtEntry(Position p) {
        return !atLiquidation(p);
    }

    @Override
    boolean standardValuation(Position p) {
        return false; // the requirement holds the fixed FTC
    }

    /** Linear {@code (N_E − s·IM_E)·f_t}; inverse {@code (N_E + s·IM_E)·f_t} (§10.1). */
    @Override
    BigDecimal feeToClose(Exposure e) {
        Position p = e.position;
        BigDecimal signedIm = e.s.multiply(e.initialMargin(p.entryPrice()));
        BigDecimal valueAtBankruptcy = e.notional(p.entryPrice()).add(e.inverse ? signedIm : signedIm.negate());
        return valueAtBankruptcy.multiply(takerFeeRate(p));
    }

    @Override
    BigDecimal defaultIsolatedMargin(BigDecimal initialMarginAtEntry, BigDecimal feeToClose) {
        return initialMarginAtEntry.add(feeToClose);
    }

    @Override
    BigDecimal roeBase(MarkValuation m, BigDecimal feeToClose) {
        return m.initialMarginAtEntry().add(feeToClose);
    }

    private BigDecimal isolatedMarginOf(Exposure e, BigDecimal ftc) {
        Position p = e.position;
        return p.isolatedMargin() != null ? p.isolatedMargin() : e.initialMargin(p.entryPrice()).add(ftc);
    }

    /** 2026 inverse isolated: {@code M = (position margin − f_t·N/EP)/(1 + s·f_t)}. */
    private BigDecimal coreMargin(Exposure e, BigDecimal positionMargin) {
        BigDecimal ft = takerFeeRate(e.position);
        return positionMargin.subtract(ft.multiply(e.notional(e.position.entryPrice())))
                .divide(BigDecimal.ONE.add(e.s.multiply(ft)), MC);
    }

    /** The wallet term net of the fee the requirement holds. */
    private BigDecimal netWallet(Exposure e, BigDecimal wallet) {
        if (atLiquidation(e.position) && e.position.marginMode() == MarginMode.ISOLATED) {
            return coreMargin(e, wallet);
        }
        return wallet.subtract(feeToClose(e));
    }

    @Override
    public MarkValuation valueAtMark(Position p, TierTable schedule) {
        MarkValuation m = super.valueAtMark(p, schedule);
        Exposure e = new Exposure(p);
        BigDecimal ftc = feeToClose(e);
        BigDecimal fee = ftc;
        if (atLiquidation(p) && p.marginMode() == MarginMode.ISOLATED) {
            BigDecimal margin = isolatedMarginOf(e, ftc);
            fee = margin.subtract(coreMargin(e, margin));
        }
        return new MarkValuation(m.notional(), m.tier(), m.maintenanceMargin(), fee, m.unrealizedPnl(),
                m.initialMarginAtEntry(), m.initialMarginAtMark());
    }

    @Override
    LiquidationSolver.Solution liquidation(List<LiquidationSolver.Leg> legs, BigDecimal wallet) {
        LiquidationSolver.Leg leg = legs.get(0);
        Exposure e = leg.exposure();
        Trace t = Trace.of(e.position);
        if (t != null) {
            recordNetWallet(t, e, wallet);
        }
        if (atLiquidation(e.position)) {
            return super.liquidation(legs, netWallet(e, wallet));
        }
        BigDecimal entryValue = e.notional(e.position.entryPrice());
        MaintenanceTier tier = leg.schedule().lookup(entryValue);
        return FixedRequirement.liquidation(e, netWallet(e, wallet), tier.maintenanceMargin(entryValue), tier,
                cited().liquidation(), null);
    }

    /** The wallet term net of the fee the requirement holds, as the step that redefines {@code W}. */
    private void recordNetWallet(Trace t, Exposure e, BigDecimal wallet) {
        Position p = e.position;
        Expr w = Expr.sym("W", wallet);
        Expr ft = Expr.sym("f_t", takerFeeRate(p));
        Expr f;
        String note;
        if (atLiquidation(p) && p.marginMode() == MarginMode.ISOLATED) {
            f = Expr.div(Expr.sub(w,
                    Expr.mul(ft, Expr.sym("N_EP",
                            e.notional(p.entryPrice())))), Expr.add(
                    Expr.num(1), Expr.mul(
                            Formulas.side(p), ft)));
            note = "2026 inverse isolated: the core margin (position margin − f_t·N/EP)/(1 + s·f_t), the rest being "
                    + "the fee to close at the bankruptcy price (venues-v2.md §10.1). Uncertain reading (venues-v2.md "
                    + "§14 #9): the position value is taken at the entry price, as the formula prints it.";
        } else {
            f = Expr.sub(w, Expr.sym("FTC", feeToClose(e)));
            note = "Net of the fee to close the requirement holds (venues-v2.md §10.1): it cancels in the "
                    + "liquidation price and stays in the bankruptcy price.";
        }
        t.add(Figure.WALLET_TERM, Step.of(
                "Wallet term net of the fee to close", "W", f, netWallet(e, wallet), t.amountUnit(),
                cited().liquidation()).withNote(note));
    }

    @Override
    BigDecimal bankruptcy(List<LiquidationSolver.Leg> legs, BigDecimal wallet) {
        Exposure e = legs.get(0).exposure();
        if (atLiquidation(e.position)) {
            return super.bankruptcy(legs, netWallet(e, wallet));
        }
        return FixedRequirement.price(e, netWallet(e, wallet), BigDecimal.ZERO,
                Figure.BANKRUPTCY_PRICE, cited().liquidation(), null);
    }

    /**
     * Bybit's initial margin: at the mark for USDC ({@code Q·MP/lev}), at the entry otherwise
     * ({@code Q·EP/lev}, inverse {@code N/(EP·lev)}).
     *
     * @param p  the position, not null
     * @return the initial margin, settlement currency
     */
    public BigDecimal initialMargin(Position p) {
        Checks.notNull(p, "position");
        return new Exposure(p).initialMargin(isUsdc(p) ? p.markPrice() : p.entryPrice());
    }

    /**
     * Bybit's position margin at the default: {@link #initialMargin} + {@link #feeToClose}.
     *
     * @param p  the position, not null
     * @return the position margin, settlement currency
     */
    public BigDecimal positionMargin(Position p) {
        return initialMargin(p).add(feeToClose(p));
    }
}
