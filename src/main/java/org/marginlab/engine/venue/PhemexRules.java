package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.derivation.Expr;
import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.derivation.Step;
import org.marginlab.engine.derivation.Trace;
import org.marginlab.engine.internal.Checks;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;

/**
 * Phemex contracts, rule-set id {@code phemex}: USDT-M (linear) and inverse (coin-margined),
 * isolated and cross (spec venues-v2.md §5).
 *
 * <p>USDT-M isolated <b>[B]</b> (Phemex help "Liq. Price for USDT-M"): template L-P with
 * {@code φ = f_t} (the taker fee on the value at the liquidation price), {@code ded = mmAmount}
 * (the tier's maintenance amount), and {@code M = assignedPosBalance} — the isolated margin
 * <em>including</em> the fee to close reserved at the bankruptcy value:
 * <pre>
 * APB = OpenValue/lev + closeFee,  closeFee = bankruptcyValue·f_t,  bankruptcyValue = OpenValue·(1 − s/lev)
 * LP_long  = (OpenValue − APB − mmAmount)/(1 − f_t − MMR)/size
 * LP_short = (OpenValue + APB + mmAmount)/(1 + f_t + MMR)/size
 * </pre>
 * {@code isolatedMargin} is the APB; its default is the initial margin at entry plus the fee to
 * close (§13), which {@code feeToClose} reports ({@code |Q|·EP·(1 − s/lev)·f_t}, §10.1). The tier
 * is re-checked at the liquidation price. Bankruptcy price (§10.3): the close fee at the
 * bankruptcy price stays in the equation, L-P with {@code m = ded = 0}, {@code φ = f_t}, so the
 * reserve pays it and a position with the default margin has {@code BP = EP·(1 − s/lev)} exactly.
 *
 * <p>Inverse isolated <b>[B]</b> (Phemex help "How are Liquidation Prices calculated?",
 * 2020-04-10): template I-E, maintenance margin at the entry and no fee,
 * {@code LP = contracts·CS/(OV ∓ MM ± IM)} = {@code N/(N/EP + s·(M − MM_E))}; bankruptcy
 * {@code N/(N/EP + s·M)}. A current inverse text with a fee term was not found; no fee to close
 * is reserved or reported for inverse positions, and the default margin is the initial margin.
 * A 1x inverse short keeps a finite LP ({@code EP/m}, §0.2).
 *
 * <p>Cross: Phemex liquidates when the margin level {@code equity/MM} reaches 100 % (liquidation
 * protocol; cross equity = position margins + available balance + UPNL); a cross
 * liquidation-price formula was not found. Followed (derived): the same equations with the
 * shared-wallet term {@code W = cross wallet − other positions' requirements + their PnL}.
 *
 * <p>Margin ratio: the margin level {@code equity/(MM + fee)}
 * ({@link MarginRatioDefinition#EQUITY_OVER_MAINTENANCE_PLUS_FEES}), falling to 100 % at
 * liquidation. Order cost ({@link #valueToCost}, {@link #posCost}) <b>[A]</b>: reproduces the API
 * samples. Taker fee: the position's {@code takerFeeRate}, else 0.06 %. Display rounding: the
 * symbol's price scale, direction not documented (§11). Max removable margin: not published; the
 * Binance rule. Units: quantity in contracts of {@code contractSize} (base units for USDT-M, USD
 * for inverse); amounts in USDT or the coin. Signs: {@code s} = +1 long, −1 short.
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class PhemexRules extends BaseVenue {
    /** Rule-set id. */
    public static final String ID = "phemex";

    private static final BigDecimal TAKER = new BigDecimal("0.0006");
    private static final TierTable NO_MAINTENANCE = TierTable.flat(BigDecimal.ZERO, BigDecimal.ZERO, null);

    /** Creates the rule set; use {@link Venues#byId(String)} to share one. */
    public PhemexRules() {
        super(ID, "Phemex", "USDT", Set.of(ContractType.LINEAR, ContractType.INVERSE),
                presetsOf(ID));
    }

    /** venues-v2.md §5.2. */
    @Override
    Sources sources() {
        return Sources.all("venues-v2.md §5.2");
    }

    @Override
    public MarginRatioDefinition marginRatioDefinition() {
        return MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES;
    }

    /** @return 0.0006 (0.06 %, Phemex's regular contract taker rate) */
    @Override
    public BigDecimal defaultTakerFeeRate() {
        return TAKER;
    }

    @Override
    boolean maintenanceAtEntry(Position p) {
        return p.contract().isInverse();
    }

    @Override
    BigDecimal closeFeeRate(Position p) {
        return p.contract().isInverse() ? BigDecimal.ZERO : takerFeeRate(p);
    }

    /** USDT-M: {@code |Q|·EP·(1 − s/lev)·f_t}; inverse: none. */
    @Override
    BigDecimal feeToClose(Exposure e) {
        if (e.inverse) {
            return null;
        }
        Position p = e.position;
        return e.notional(p.entryPrice()).subtract(e.s.multiply(e.initialMargin(p.entryPrice())))
                .multiply(takerFeeRate(p));
    }

    @Override
    BigDecimal defaultIsolatedMargin(BigDecimal initialMarginAtEntry, BigDecimal feeToClose) {
        return feeToClose == null ? initialMarginAtEntry : initialMarginAtEntry.add(feeToClose);
    }

    @Override
    LiquidationSolver.Solution liquidation(List<LiquidationSolver.Leg> legs, BigDecimal wallet) {
        LiquidationSolver.Leg leg = legs.get(0);
        Exposure e = leg.exposure();
        if (legs.size() != 1 || !e.inverse) {
            return super.liquidation(legs, wallet);
        }
        BigDecimal entryValue = e.notional(e.position.entryPrice());
        MaintenanceTier tier = leg.schedule().lookup(entryValue);
        return FixedRequirement.liquidation(e, wallet, tier.maintenanceMargin(entryValue), tier, cited().liquidation(), null);
    }

    @Override
    BigDecimal bankruptcy(List<LiquidationSolver.Leg> legs, BigDecimal wallet) {
        LiquidationSolver.Leg leg = legs.get(0);
        if (legs.size() != 1 || leg.exposure().inverse) {
            return super.bankruptcy(legs, wallet);
        }
        LiquidationSolver.Solution s = LiquidationSolver.liquidation(
                List.of(new LiquidationSolver.Leg(leg.exposure(), NO_MAINTENANCE, leg.feeRate())), wallet, new int[] {0},
                cited().liquidation(), Figure.BANKRUPTCY_PRICE);
        Trace t = Trace.of(leg.exposure().position);
        if (t != null && s != null) {
            t.add(Figure.BANKRUPTCY_PRICE, Step.of(
                    "Bankruptcy price", "P_bk", Expr.sym("P", s.price()), s.price(),
                    t.priceUnit(), "venues-v2.md §10.3").withNote("The liquidation equation with no maintenance "
                            + "margin, the fee to close kept in the requirement (venues-v2.md §10.3)."));
        }
        return s == null ? null : s.price();
    }

    /**
     * The bankruptcy value per unit of order value, {@code b}: linear buy {@code 1 − IMR}, sell
     * {@code 1 + IMR}; inverse buy {@code 1 + IMR}, sell {@code 1 − IMR} (§5.2).
     */
    private static BigDecimal bankruptcyPerUnit(ContractType contract, Side side, BigDecimal imr) {
        BigDecimal signed = side.signDecimal().multiply(imr);
        return contract.isInverse() ? BigDecimal.ONE.add(signed) : BigDecimal.ONE.subtract(signed);
    }

    /**
     * Phemex's {@code buyValueToCost} / {@code sellValueToCost}: the cost of an order per unit
     * of its value, {@code IMR + f_t + f_t·b} (initial margin, open fee, fee to close at the
     * bankruptcy value), §5.2 <b>[A]</b>.
     *
     * @param contract      linear or inverse, not null
     * @param side          buy (long) or sell (short), not null
     * @param imr           initial margin rate, {@code 1/lev}, in (0, 1]
     * @param takerFeeRate  {@code f_t}, a fraction
     * @return the cost per unit of order value
     * @throws org.marginlab.engine.ValidationException naming a missing or invalid input
     */
    public static BigDecimal valueToCost(ContractType contract, Side side, BigDecimal imr, BigDecimal takerFeeRate) {
        check(contract, side, imr, takerFeeRate);
        return imr.add(takerFeeRate).add(takerFeeRate.multiply(bankruptcyPerUnit(contract, side, imr)));
    }

    /**
     * Phemex's {@code posCost}: {@code value·IMR + value·b·f_t}; the open fee is paid, not
     * reserved (§5.2 <b>[A]</b>).
     *
     * @param contract      linear or inverse, not null
     * @param side          long or short, not null
     * @param value         the position value at entry, ≥ 0 (quote for linear, coin for inverse)
     * @param imr           initial margin rate, {@code 1/lev}, in (0, 1]
     * @param takerFeeRate  {@code f_t}, a fraction
     * @return the position cost, settlement currency
     */
    public static BigDecimal posCost(ContractType contract, Side side, BigDecimal value, BigDecimal imr,
            BigDecimal takerFeeRate) {
        check(contract, side, imr, takerFeeRate);
        Checks.notNegative(value, "value");
        return value.multiply(imr).add(value.multiply(bankruptcyPerUnit(contract, side, imr)).multiply(takerFeeRate));
    }

    /**
     * The fee paid to open (§10.1): {@code value·f_t} (Phemex {@code cumTransactFee} of a fill).
     *
     * @param value         the fill value, ≥ 0
     * @param takerFeeRate  the fee rate, a fraction
     * @return the fee, settlement currency
     */
    public static BigDecimal openFee(BigDecimal value, BigDecimal takerFeeRate) {
        Checks.notNegative(value, "value");
        Checks.fraction(takerFeeRate, "takerFeeRate");
        return value.multiply(takerFeeRate);
    }

    private static void check(ContractType contract, Side side, BigDecimal imr, BigDecimal takerFeeRate) {
        Checks.notNull(contract, "contract");
        Checks.notNull(side, "side");
        Checks.positive(imr, "imr");
        if (imr.compareTo(BigDecimal.ONE) > 0) {
            throw new org.marginlab.engine.ValidationException("imr", "must be ≤ 1 (1/leverage; 1 = 1x)", imr);
        }
        Checks.fraction(takerFeeRate, "takerFeeRate");
    }
}
