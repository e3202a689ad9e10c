package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.derivation.Expr;
import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.derivation.Formulas;
import org.marginlab.engine.derivation.Step;
import org.marginlab.engine.derivation.Trace;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;

/**
 * KuCoin Futures, rule-set id {@code kucoin}: USDT-M (linear, {@code XBTUSDTM},
 * {@code ETHUSDTM}) and coin-M (inverse, {@code XBTUSDM}), isolated and cross (spec
 * venues-v2.md §2). Two dated versions (§12):
 * <ul>
 *   <li>{@code kucoin@2021-01-01} — isolated MM at the entry price. USDT-M: template L-E,
 *       {@code MM_E = m·Q·EP − ded}, {@code LP = EP − s·(M − MM_E)/Q}; coin-M: template I-E,
 *       {@code LP = N/(N/EP + s·(M − MM_E))}, {@code MM_E = m·N/EP − ded} (§2.3, KuCoin help
 *       "How to Calculate the Liquidation Price for KuCoin Contracts") <b>[A]</b>. The margin-rate
 *       definition of that period puts the funding rate into the maintenance rate,
 *       {@code MM = EP·Q·(MMR + (1 + 1/lev)·f_t + r)}; the frozen bankruptcy fee sits on both sides
 *       and cancels, so the requirement here is {@code MM_E + r·N_E} ({@code N_E} the entry value,
 *       {@code r = fundingRate}, default 0): a non-zero {@code r} moves LP by {@code s·EP·r}
 *       (derived). The reported maintenance margin includes the {@code r} term. A 1x long keeps a
 *       finite LP ({@code m·EP} with {@code ded = 0}), a 1x inverse short {@code EP/m} (§0.2).</li>
 *   <li>{@code kucoin@2025-05-22}, from 2025-05-22T04:00:00Z — isolated MM and the liquidation
 *       fee valued at the mark (KuCoin announcement 2025-05-20 and the supplemental notice
 *       2025-05-29: {@code MM = mark·size·multiplier·(MMR + LFR + r)}): template L-P (USDT-M) or
 *       I-P (coin-M) with {@code φ = LFR + r}, the tier re-checked at the liquidation price
 *       (§2.4) <b>[A] text, derived LP</b>. {@code LFR = liquidationFeeRate} is required: KuCoin
 *       publishes no rate per contract (spec §14 #4). The reported maintenance margin is
 *       {@code N·MMR − ded}; {@code N·φ} is the close fee of the requirement. A 1x long has no
 *       liquidation price (null).</li>
 * </ul>
 * Uncertain (spec §14 #3): the 2025 announcement does not name contract types; followed: coin-M
 * uses the same rule (I-P with {@code φ = LFR}). Uncertain (spec §14 #4): the date the funding
 * term leaves MM is not found; followed: {@code fundingRate} is an input, default 0, in both
 * versions.
 *
 * <p>Bankruptcy price: the template with {@code m = ded = φ = 0}: USDT-M {@code EP·(1 − s/lev)},
 * coin-M {@code EP/(1 + s/lev)} at the default margin (KuCoin help "How to Calculate Contract
 * Bankruptcy Price").
 *
 * <p>Cross (both versions, §2.5) <b>[A] text</b>: liquidation is decided by the risk rate
 * {@code (Σ MM + closing fees)/(total cross margin)} at the mark, closing fees {@code f_t ×} the
 * value at the mark; the account's margin ratio is that rate (liquidated at ≥ 100 %). Open
 * orders, which KuCoin also counts, are not positions of a workspace: {@link KucoinCross#riskRate}
 * takes them. The cross liquidation price is KuCoin's reference price: each position gets the
 * share {@code AMR·|MV_i|} of the total cross margin (wallet + cross unrealized PnL),
 * {@code AMR = total cross margin / Σ|MV_i|}, and is liquidated where that share plus its PnL
 * <em>from the mark</em> equals {@code (MMR_i + f_t)·value at LP}: linear
 * {@code LP = MP·(1 − s·AMR)/(1 − s·(MMR + f_t))}. Here the wallet term is
 * {@code W_i = AMR·|MV_i| − UPNL_i} in the L-P / I-P equation with {@code φ = f_t}, which is that
 * equation with the PnL counted from the entry. Uncertain (spec §14 #2): the printed inverse
 * formula, read left to right, implies a negative maintenance margin; followed:
 * {@code LP = MP·(1 + s·(MMR + f_t))/(1 + s·AMR)} (s = +1 long), the reading that matches the
 * linear formula. The cross MMR is KuCoin's "continuous value" from the API (function not
 * found): positions give {@code maintenance} or {@code tiers}. Partial liquidation above
 * 600,000 USDT is not modelled.
 *
 * <p>Units: quantity in lots, {@code contractSize} = the lot multiplier (USDT-M, base units per
 * lot) or the USD face value per contract (coin-M); amounts in USDT or in the coin. Margin ratio
 * {@code (MM + fee)/margin balance} (isolated "margin rate", cross "risk rate"), liquidated at
 * ≥ 100 %. Signs: {@code s} = +1 long, −1 short (KuCoin's own cross formulas flip it for reverse
 * contracts; the forms here use one convention). Taker fee: the position's {@code takerFeeRate},
 * else 0.06 %. Display rounding of
 * prices: not found (§11). Max removable margin: not published; the Binance rule is used.
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class KucoinRules extends BaseVenue {
    /** Rule-set id. */
    public static final String ID = "kucoin";
    /** The first version: isolated MM at the entry price. */
    public static final String V2021 = "2021-01-01";
    /** The 2025-05-22 version: isolated MM and liquidation fee at the mark. */
    public static final String V2025 = "2025-05-22";

    private static final BigDecimal TAKER = new BigDecimal("0.0006");

    private final String version;
    private final Instant effectiveFrom;
    private final boolean markValued;

    private KucoinRules(String version, Instant effectiveFrom, boolean markValued) {
        super(ID, "KuCoin", "USDT", Set.of(ContractType.LINEAR, ContractType.INVERSE),
                presetsOf(ID));
        this.version = version;
        this.effectiveFrom = effectiveFrom;
        this.markValued = markValued;
    }

    /** @return {@code kucoin@2021-01-01}: isolated MM at the entry price (§2.3) */
    public static KucoinRules v2021() {
        return new KucoinRules(V2021, Instant.parse("2021-01-01T00:00:00Z"), false);
    }

    /** @return {@code kucoin@2025-05-22}, from 2025-05-22T04:00:00Z: MM and LFR at the mark (§2.4) */
    public static KucoinRules v2025() {
        return new KucoinRules(V2025, Instant.parse("2025-05-22T04:00:00Z"), true);
    }

    /** Isolated venues-v2.md §2.3 (2021) or §2.4 (2025), cross §2.5. */
    @Override
    Sources sources() {
        return markValued ? new Sources("venues-v2.md §2.4", "venues-v2.md §2.4", "venues-v2.md §2.5", "venues-v2.md §2.5",
                "venues-v2.md §2.5") : new Sources("venues-v2.md §2.3", "venues-v2.md §2.3", "venues-v2.md §2.5",
                "venues-v2.md §2.5", "venues-v2.md §2.5");
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Instant effectiveFrom() {
        return effectiveFrom;
    }

    /** @return 0.0006 (0.06 %, KuCoin's regular futures taker rate) */
    @Override
    public BigDecimal defaultTakerFeeRate() {
        return TAKER;
    }

    private boolean isolatedAtEntry(Position p) {
        return !markValued && p.marginMode() == MarginMode.ISOLATED;
    }

    @Override
    boolean maintenanceAtEntry(Position p) {
        return isolatedAtEntry(p);
    }

    /**
     * {@code φ}: cross → the taker rate (closing fee in the risk rate); isolated 2021 → 0;
     * isolated 2025 → {@code LFR + r}.
     */
    @Override
    BigDecimal closeFeeRate(Position p) {
        if (p.marginMode() == MarginMode.CROSS) {
            return takerFeeRate(p);
        }
        if (!markValued) {
            return BigDecimal.ZERO;
        }
        BigDecimal lfr = p.venueParameters().liquidationFeeRate();
        if (lfr == null) {
            throw new ValidationException("liquidationFeeRate", "is required on " + ruleSetId()
                    + " for an isolated position (KuCoin publishes no rate per contract; give the rate)", null);
        }
        return lfr.add(p.venueParameters().fundingRateOrZero());
    }

    @Override
    boolean standardValuation(Position p) {
        return !isolatedAtEntry(p) || p.venueParameters().fundingRateOrZero().signum() == 0;
    }

    @Override
    public MarkValuation valueAtMark(Position p, TierTable schedule) {
        MarkValuation m = super.valueAtMark(p, schedule);
        BigDecimal r = p.venueParameters().fundingRateOrZero();
        if (!isolatedAtEntry(p) || r.signum() == 0) {
            return m;
        }
        BigDecimal entryValue = new Exposure(p).notional(p.entryPrice());
        Trace t = Trace.of(p);
        if (t != null) {
            java.util.List<Step> mm = t.steps(Figure.MAINTENANCE_MARGIN);
            Step last = mm.get(mm.size() - 1);
            ValuationSteps.replaceMaintenance(t, false, new Step(
                    "Maintenance margin before the funding term", "MM_0", last.formula(), last.value(), last.unit(),
                    last.source(), ""), Step.of("Maintenance margin", "MM",
                    Expr.add(Expr.sym("MM_0", m.maintenanceMargin()),
                            Expr.mul(Expr.sym("N_EP", entryValue),
                                    Expr.sym("r_funding", r))),
                    m.maintenanceMargin().add(entryValue.multiply(r)), t.amountUnit(), cited().maintenance())
                    .withNote("The 2021 isolated rule adds the funding rate on the entry value. Uncertain reading "
                            + "(venues-v2.md §14 #4): the date the funding term applies from."));
        }
        return new MarkValuation(m.notional(), m.tier(), m.maintenanceMargin().add(entryValue.multiply(r)),
                m.closeFee(), m.unrealizedPnl(), m.initialMarginAtEntry(), m.initialMarginAtMark());
    }

    @Override
    LiquidationSolver.Solution liquidation(List<LiquidationSolver.Leg> legs, BigDecimal wallet) {
        LiquidationSolver.Leg leg = legs.get(0);
        Exposure e = leg.exposure();
        if (legs.size() != 1 || !isolatedAtEntry(e.position)) {
            return super.liquidation(legs, wallet);
        }
        BigDecimal entryValue = e.notional(e.position.entryPrice());
        MaintenanceTier tier = leg.schedule().lookup(entryValue);
        BigDecimal requirement = tier.maintenanceMargin(entryValue)
                .add(entryValue.multiply(e.position.venueParameters().fundingRateOrZero()));
        Expr r = null;
        if (Trace.of(e.position) != null) {
            r = Formulas.maintenance(tier,
                    Expr.sym("N_EP", entryValue));
            BigDecimal rate = e.position.venueParameters().fundingRateOrZero();
            if (rate.signum() != 0) {
                r = Expr.add(r, Expr.mul(
                        Expr.sym("N_EP", entryValue),
                        Expr.sym("r_funding", rate)));
            }
        }
        return FixedRequirement.liquidation(e, wallet, requirement, tier, cited().liquidation(), r);
    }

    /**
     * {@code W_i = AMR·|MV_i| − UPNL_i}, {@code AMR = (wallet + cross PnL) / Σ|MV|} (§2.5).
     */
    @Override
    BigDecimal crossWallet(CrossContext cross, Position p, MarkValuation m) {
        BigDecimal amr = KucoinCross.allocatedMarginRatio(cross.accountMarginBalance(), cross.crossNotional());
        BigDecimal w = amr.multiply(m.notional()).subtract(m.unrealizedPnl());
        Trace t = Trace.of(p);
        if (t != null) {
            String src = cited().crossWallet();
            // replaces the Binance form's TMM_1/UPNL_1 lines: KuCoin's wallet term does not use them
            t.put(Figure.WALLET_TERM, List.of(
                    Step.of("Allocated margin ratio", "AMR", Expr.div(
                            Expr.sym("MB_cross", cross.accountMarginBalance()),
                            Expr.sym("sum_N", cross.crossNotional())), amr, "", src)
                            .withNote("The cross margin balance over the sum of the cross positions' mark values."),
                    Step.of("Wallet term", "W", Expr.sub(
                            Expr.mul(Expr.sym("AMR", amr),
                                    Expr.sym("N", m.notional())),
                            Expr.sym("UPNL", m.unrealizedPnl())), w, t.amountUnit(), src)
                            .withNote("KuCoin allocates the cross margin to each position by its mark value; the PnL "
                                    + "is taken out because the equation counts it from the entry.")));
        }
        return w;
    }
}
