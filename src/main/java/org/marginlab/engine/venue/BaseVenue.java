package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.derivation.Derivation;
import org.marginlab.engine.derivation.Expr;
import org.marginlab.engine.derivation.Formulas;
import org.marginlab.engine.derivation.Step;
import org.marginlab.engine.derivation.Trace;
import org.marginlab.engine.internal.Division;
import org.marginlab.engine.tier.InstalledTiers;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.tier.TierTables;

/**
 * What the venues share: valuation at the mark, margin balance, margin ratio, effective
 * leverage, distance to liquidation and the liquidated flag. Subclasses choose the price basis
 * of the maintenance margin, the close fee, the liquidation equation and the max removable
 * margin. Amounts in the settlement currency; all divisions in {@link MathContext#DECIMAL128}.
 */
abstract class BaseVenue implements VenueRules {
    static final MathContext MC = MathContext.DECIMAL128;

    private final String id;
    private final String displayName;
    private final String currency;
    private final Set<ContractType> contracts;
    /** The preset tables (bundled, or installed at run time). */
    private final PresetTables presetTables;

    BaseVenue(String id, String displayName, String currency, Set<ContractType> contracts, List<String> presets) {
        this.id = id;
        this.displayName = displayName;
        this.currency = currency;
        this.contracts = Set.copyOf(contracts);
        this.presetTables = new PresetTables(id, presets);
    }

    /**
     * The venue's preset symbols: those with a bundled table, in the order of the venue folder's
     * {@code index.txt} ({@link TierTables#bundledSymbols}).
     */
    static List<String> presetsOf(String venueId) {
        return TierTables.bundledSymbols(venueId);
    }

    @Override
    public final String id() {
        return id;
    }

    /** {@link #ruleSetId()}, built once (a report and every position name it). */
    private volatile String ruleSetId;

    @Override
    public final String ruleSetId() {
        String s = ruleSetId;
        if (s == null) {
            s = id + "@" + version();
            ruleSetId = s;
        }
        return s;
    }

    @Override
    public final String displayName() {
        return displayName;
    }

    @Override
    public final String settlementCurrency() {
        return currency;
    }

    @Override
    public final Set<ContractType> contractTypes() {
        return contracts;
    }

    @Override
    public MarginRatioDefinition marginRatioDefinition() {
        return MarginRatioDefinition.MAINTENANCE_OVER_MARGIN_BALANCE;
    }

    @Override
    public BigDecimal defaultTakerFeeRate() {
        return BigDecimal.ZERO;
    }

    @Override
    public boolean sharesLiquidationPriceAcrossHedge() {
        return false;
    }

    /** The bundled symbols, then the symbols with only an installed table ({@link InstalledTiers}). */
    @Override
    public final List<String> presetSymbols() {
        return presetTables.symbols();
    }

    /** The installed table of the symbol ({@link InstalledTiers}) if there is one, else the bundled one. */
    @Override
    public Optional<TierTable> presetTiers(String symbol) {
        return presetTables.tiers(symbol);
    }

    @Override
    public String toString() {
        return id;
    }

    /**
     * @return whether maintenance margin is valued at the entry price (Bybit) rather than at the
     *         mark and liquidation price
     */
    boolean maintenanceAtEntry() {
        return false;
    }

    /**
     * @param position  the position
     * @return whether this position's maintenance margin is valued at the entry price (templates
     *         L-E, I-E of venues-v2.md §0.2); by default {@link #maintenanceAtEntry()}. Venues
     *         whose rule differs by contract or margin mode (Phemex inverse, KuCoin isolated
     *         before 2025-05-22) override this one
     */
    boolean maintenanceAtEntry(Position position) {
        return maintenanceAtEntry();
    }

    /**
     * @param position  the position
     * @return whether {@link #valueAtMark} is the plain form that {@link MarkSweep} reproduces in
     *         {@code double}: {@code N·mmr_k − amount_k} at the mark (or a fixed value at the
     *         entry) plus {@code N·closeFeeRate}. A venue that adds other terms (a fixed fee to
     *         close, a funding term, whole-position tiers) returns false, and the sweep then
     *         evaluates {@link #valueAtMark} per price
     */
    boolean standardValuation(Position position) {
        return true;
    }

    /**
     * @param position  the position
     * @return the fee rate added to the maintenance rate in liquidation (OKX, Gate), else 0
     */
    BigDecimal closeFeeRate(Position position) {
        return BigDecimal.ZERO;
    }

    /** The taker fee rate of a position: its own, else the venue default. */
    final BigDecimal takerFeeRate(Position position) {
        return position.takerFeeRate() != null ? position.takerFeeRate() : defaultTakerFeeRate();
    }

    private BigDecimal maintenanceNotional(Exposure e) {
        Position p = e.position;
        return e.notional(maintenanceAtEntry(p) ? p.entryPrice() : p.markPrice());
    }

    @Override
    public BigDecimal maxLeverage(Position p, TierTable schedule) {
        BigDecimal tierMax = schedule.lookup(maintenanceNotional(new Exposure(p))).maxLeverage();
        BigDecimal stated = p.maxLeverage();
        if (tierMax == null) {
            return stated;
        }
        return stated == null ? tierMax : tierMax.min(stated);
    }

    @Override
    public MarkValuation valueAtMark(Position p, TierTable schedule) {
        if (!contractTypes().contains(p.contract())) {
            throw new ValidationException("contract", "must be "
                    + String.join(" or ", contractTypes().stream().map(ContractType::id).sorted().toList())
                    + " on " + id, p.contract().id());
        }
        Exposure e = new Exposure(p);
        BigDecimal notional = e.notional(p.markPrice());
        BigDecimal mmNotional = maintenanceAtEntry(p) ? e.notional(p.entryPrice()) : notional;
        MaintenanceTier tier = schedule.lookup(mmNotional);
        BigDecimal mm = tier.maintenanceMargin(mmNotional);
        BigDecimal fee = notional.multiply(closeFeeRate(p));
        MarkValuation m = new MarkValuation(notional, tier, mm, fee, e.pnl(p.markPrice()),
                e.initialMargin(p.entryPrice()), e.initialMargin(p.markPrice()));
        Trace t = Trace.of(p);
        if (t != null) {
            ValuationSteps.record(t, this, p, schedule, m, maintenanceAtEntry(p), closeFeeRate(p), cited());
        }
        return m;
    }

    /**
     * The spec sections this rule set's steps cite ({@link Derivation}).
     * Default: the Binance-form rules of margin-formulas.md; each venue names its own.
     *
     * @return the sources, not null
     */
    Sources sources() {
        return Sources.BINANCE;
    }

    /** @return {@link Sources#crossWallet()} of this rule set's {@link #sources()} */
    @Override
    public final String crossMarginSource() {
        return cited().crossWallet();
    }

    /** {@link #sources()}, built once (an evaluation reads it for every position). */
    private Sources cited;

    /** @return {@link #sources()}, computed once per rule set */
    final Sources cited() {
        Sources s = cited;
        if (s == null) {
            s = sources();
            cited = s;
        }
        return s;
    }

    @Override
    public final PositionRisk evaluate(Position p, TierTable schedule, MarkValuation m, CrossContext cross) {
        return evaluate(p, schedule, m, cross, null);
    }

    @Override
    public final PositionRisk evaluate(Position p, TierTable schedule, MarkValuation m, CrossContext cross,
            PositionRisk before) {
        Exposure e = new Exposure(p);
        // the position's own terms: taken from its earlier result when it is the same instance and valuation
        BigDecimal feeToClose = before != null ? before.feeToClose() : feeToClose(e);
        BigDecimal roe = before != null ? before.roe() : Division.divide(m.unrealizedPnl(), roeBase(m, feeToClose), MC);
        BigDecimal requirement = m.maintenanceRequirement();

        BigDecimal wallet;
        BigDecimal isolatedMargin = null;
        BigDecimal marginBalance = null;
        BigDecimal marginRatio = null;
        BigDecimal effectiveLeverage;
        BigDecimal maxRemovable = BigDecimal.ZERO;
        boolean liquidated;
        List<LiquidationSolver.Leg> legs = LiquidationSolver.Legs.of(new LiquidationSolver.Leg(e, schedule, closeFeeRate(p)));
        CrossContext.HedgeGroup group = cross == null ? null : cross.hedgeGroup();
        if (cross == null) {
            isolatedMargin = p.isolatedMargin() != null ? p.isolatedMargin()
                    : defaultIsolatedMargin(m.initialMarginAtEntry(), feeToClose);
            wallet = isolatedMargin;
            marginBalance = isolatedMargin.add(m.unrealizedPnl());
            marginRatio = ratio(m.maintenanceMargin(), m.closeFee(), marginBalance);
            effectiveLeverage = marginBalance.signum() > 0 ? Division.divide(m.notional(), marginBalance, MC) : null;
            liquidated = marginBalance.compareTo(requirement) <= 0;
            maxRemovable = maxRemovable(e, isolatedMargin, marginBalance, m).max(BigDecimal.ZERO);
        } else {
            // a hedge group's wallet term serves only its one solve (and a recorded derivation)
            wallet = group != null && group.solved() != null && Trace.of(p) == null ? null : crossWallet(cross, p, m);
            // a margin balance rarely divides a notional: the JDK's division, not Division's exact-quotient check
            effectiveLeverage = cross.accountMarginBalance().signum() > 0
                    ? m.notional().divide(cross.accountMarginBalance(), MC) : null;
            liquidated = cross.accountLiquidated();
        }

        LiquidationSolver.Solution liq;
        BigDecimal bankruptcy;
        if (group != null) {
            // One price for the whole group, solved once per evaluation (every member has the
            // same wallet term); this member's tier is its own leg's tier at that price.
            GroupSolution solved = (GroupSolution) group.solved();
            if (solved == null) {
                LiquidationSolver.Leg[] each = new LiquidationSolver.Leg[group.legs().size()];
                for (int i = 0; i < each.length; i++) {
                    CrossContext.HedgeLeg leg = group.legs().get(i);
                    each[i] = new LiquidationSolver.Leg(new Exposure(leg.position()), leg.schedule(), closeFeeRate(leg.position()));
                }
                List<LiquidationSolver.Leg> groupLegs = LiquidationSolver.Legs.of(each);
                solved = new GroupSolution(liquidation(groupLegs, wallet), bankruptcy(groupLegs, wallet));
                group.solved(solved);
            }
            int me = group.indexOf(p);
            liq = solved.liquidation() == null ? null : new LiquidationSolver.Solution(solved.liquidation().price(),
                    schedule.tiers().get(solved.liquidation().tiers()[me]));
            bankruptcy = solved.bankruptcy();
        } else {
            liq = liquidation(legs, wallet);
            bankruptcy = bankruptcy(legs, wallet);
        }
        BigDecimal distance = liq == null ? null
                : Division.divide(p.markPrice().subtract(liq.price()).abs(), p.markPrice(), MC);
        Trace t = Trace.of(p);
        if (t != null) {
            EvaluationSteps.record(t, this, p, m, feeToClose, roeBase(m, feeToClose), cross, wallet, isolatedMargin,
                    marginBalance, marginRatio, roe, effectiveLeverage, maxRemovable, liq == null ? null : liq.price(),
                    distance, cited());
        }
        return new PositionRisk(p.id(), cross == null ? MarginMode.ISOLATED : MarginMode.CROSS, m.notional(),
                m.initialMarginAtEntry(), m.tier().mmr(), m.tier().maintenanceAmount(), m.maintenanceMargin(),
                m.unrealizedPnl(), roe, isolatedMargin, marginBalance, marginRatio,
                liq == null ? null : liq.price(), bankruptcy, effectiveLeverage, maxRemovable, distance,
                before != null ? before.maxLeverage() : maxLeverage(p, schedule), liq == null ? null : liq.tier(), liquidated,
                feeToClose, ruleSet(p));
    }

    /**
     * The fee to close the venue reserves in the position's margin (spec venues-v2.md §10.1:
     * {@code |Q|·k·BP·f_t} linear, {@code N/BP·f_t} inverse, BP from the entry at the position's
     * leverage), or null where the venue reserves none (the default).
     *
     * @param e  the position's exposure
     * @return the fee to close, settlement currency, or null
     */
    BigDecimal feeToClose(Exposure e) {
        return null;
    }

    /**
     * The isolated margin of a position that states none. Default: the initial margin at
     * entry (spec workspace-and-cli.md §1); venues whose position margin holds a fee-to-close
     * reserve add it (venues-v2.md §13).
     *
     * @param initialMarginAtEntry  the position's initial margin at entry
     * @param feeToClose            {@link #feeToClose}, or null
     * @return the default isolated margin, settlement currency
     */
    BigDecimal defaultIsolatedMargin(BigDecimal initialMarginAtEntry, BigDecimal feeToClose) {
        return initialMarginAtEntry;
    }

    /**
     * {@inheritDoc} The venue's own initial margin at entry ({@link #valueAtMark}: dYdX and
     * Deribit size it by their fractions, not by the leverage), plus the fee to close where the
     * venue reserves it: the same value {@link #evaluate} gives a position without a margin.
     *
     * @throws ValidationException as {@link #schedule} and {@link #valueAtMark}
     */
    @Override
    public final BigDecimal feeToClose(Position p) {
        org.marginlab.engine.internal.Checks.notNull(p, "position");
        return feeToClose(new Exposure(p));
    }

    @Override
    public final BigDecimal defaultIsolatedMargin(Position p) {
        MarkValuation m = valueAtMark(p, schedule(p));
        return defaultIsolatedMargin(m.initialMarginAtEntry(), feeToClose(new Exposure(p)));
    }

    /**
     * The denominator of the ROE. Default: the initial margin at entry; Bybit UTA divides by
     * {@code IM + FTC} (venues-v2.md §9.2).
     *
     * @param m           the position at its mark
     * @param feeToClose  {@link #feeToClose}, or null
     * @return the ROE base, &gt; 0
     */
    BigDecimal roeBase(MarkValuation m, BigDecimal feeToClose) {
        return m.initialMarginAtEntry();
    }

    /**
     * The wallet term {@code W} of a cross position's liquidation equation. Default (spec
     * margin-formulas.md §1.1): the cross wallet less the other positions' requirements plus
     * their unrealized PnL.
     *
     * @param cross  the rest of the account
     * @return {@code W}, settlement currency
     */
    BigDecimal crossWallet(CrossContext cross) {
        return cross.walletBalance().subtract(cross.otherMaintenanceMargin()).add(cross.otherUnrealizedPnl());
    }

    /**
     * The wallet term {@code W} of one cross position; by default {@link #crossWallet(CrossContext)}.
     * KuCoin allocates the cross margin to each position in proportion to its mark value
     * (venues-v2.md §2.5) and needs the position.
     *
     * @param cross     the rest of the account
     * @param position  the position
     * @param mark      the position at its mark
     * @return {@code W}, settlement currency
     */
    BigDecimal crossWallet(CrossContext cross, Position position, MarkValuation mark) {
        BigDecimal w = crossWallet(cross);
        Trace t = Trace.of(position);
        if (t != null) {
            EvaluationSteps.crossWallet(t, cross, w, settlementCurrency(position), cited().crossWallet());
        }
        return w;
    }

    /**
     * The bankruptcy price of the legs: the liquidation equation with no maintenance margin and
     * no fee. Venues whose margin holds a close-fee reserve keep the fee (venues-v2.md §10.3).
     *
     * @param legs    the position and its hedge legs
     * @param wallet  {@code W}
     * @return the price, or null if none
     */
    BigDecimal bankruptcy(List<LiquidationSolver.Leg> legs, BigDecimal wallet) {
        return LiquidationSolver.bankruptcy(legs, wallet, cited().liquidation());
    }

    /**
     * @param p  a position
     * @return the rule-set version that evaluates it, {@code id@version}; by default this
     *         rule set's ({@link #ruleSetId()})
     */
    String ruleSet(Position p) {
        return ruleSetId();
    }

    /** A hedge group's shared liquidation and bankruptcy price. */
    private record GroupSolution(LiquidationSolver.Solution liquidation, BigDecimal bankruptcy) {
    }

    /**
     * The margin ratio by the venue's definition, or null where it is undefined (a margin
     * balance ≤ 0 for requirement/balance; a zero requirement for balance/requirement). The
     * requirement is the maintenance margin plus the close fee of venues that charge one.
     */
    final BigDecimal ratio(BigDecimal maintenance, BigDecimal fees, BigDecimal marginBalance) {
        if (marginRatioDefinition() == MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES) {
            BigDecimal requirement = maintenance.add(fees);
            return requirement.signum() > 0 ? Division.divide(marginBalance, requirement, MC) : null;
        }
        return marginBalance.signum() > 0 ? Division.divide(maintenance.add(fees), marginBalance, MC) : null;
    }

    /**
     * The liquidation price of the legs (the first is the evaluated position).
     *
     * @param legs    the position and its hedge legs
     * @param wallet  {@code W}: isolated margin, or cross wallet − other requirements + other PnL
     * @return the price and tier, or null if none
     */
    LiquidationSolver.Solution liquidation(List<LiquidationSolver.Leg> legs, BigDecimal wallet) {
        int[] start = new int[legs.size()];
        for (int i = 0; i < start.length; i++) {
            LiquidationSolver.Leg leg = legs.get(i);
            start[i] = leg.schedule().indexOf(leg.exposure().notional(leg.exposure().position.markPrice()));
        }
        return LiquidationSolver.liquidation(legs, wallet, start, cited().liquidation());
    }

    /**
     * The step of the initial margin at the mark ({@link MarkValuation#initialMarginAtMark()}).
     * Default {@code N/lev}; venues that size it by their own fractions (Deribit, dYdX) override.
     */
    Step initialMarginAtMarkStep(Position p, MarkValuation m) {
        return Step.of("Initial margin at the mark", "IM_mark", Expr.div(Formulas.notional(p, Formulas.mark(p)),
                Expr.sym("lev", p.leverage())), m.initialMarginAtMark(), settlementCurrency(p), Formulas.CONTRACTS);
    }

    /**
     * Max removable isolated margin, before flooring at 0. Default: Binance's current FAQ text
     * (spec §1.6), {@code min(iWB − MM, iWB + uPnL − IM at mark)}.
     */
    BigDecimal maxRemovable(Exposure e, BigDecimal isolatedMargin, BigDecimal marginBalance, MarkValuation m) {
        BigDecimal r = isolatedMargin.subtract(m.maintenanceRequirement()).min(marginBalance.subtract(m.initialMarginAtMark()));
        Trace t = Trace.of(e.position);
        if (t != null) {
            EvaluationSteps.maxRemovable(t, initialMarginAtMarkStep(e.position, m), m, isolatedMargin, marginBalance, r,
                    settlementCurrency(e.position), cited().maxRemovable());
        }
        return r;
    }
}
