package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.tier.TierTables;

/**
 * Binance USDⓈ-M (linear, USDT-margined) futures, rule-set id {@code binance-usdm}.
 *
 * <p>Formulas (spec margin-formulas.md §1; {@code s} = +1 long, −1 short; {@code Q} = quantity ×
 * contract size in base units; all divisions in {@link MathContext#DECIMAL128}):
 * <ul>
 *   <li>Notional {@code N = Q·mark}; initial margin {@code IM = Q·entry/leverage} (at entry,
 *       spec §1.4); maintenance margin {@code MM = N·MMR − cum} with the bracket of {@code N}
 *       (§1.2, "Leverage &amp; Margin").</li>
 *   <li>Liquidation price, one-way mode (§1.1, FAQ "How to Calculate Liquidation Price of
 *       USDⓈ-M Futures Contracts"):
 *       {@code LP = (WB − TMM1 + UPNL1 + cum − s·Q·entry) / (Q·MMR − s·Q)}, where for an
 *       isolated position {@code WB} is its isolated margin and {@code TMM1 = UPNL1 = 0}, and
 *       for a cross position {@code WB} is the cross wallet and {@code TMM1}/{@code UPNL1} are
 *       the other cross positions' maintenance margin and unrealized PnL at their marks. The
 *       bracket is re-checked at the notional at the liquidation price ({@code Q·LP}) and the
 *       price re-solved until the bracket is stable (FAQ rule). {@code LP ≤ 0} means no
 *       liquidation (the FAQ shows "--"). The division is rounded to 34 digits toward the
 *       loss side (down for a long, up for a short), so that at the reported price the
 *       position is liquidated by this engine's own test (equity ≤ MM), not one ulp short.</li>
 *   <li>Bankruptcy price (not published by Binance; the liquidation formula with
 *       {@code MMR = cum = 0}): {@code BP = entry − s·(WB − TMM1 + UPNL1)/Q}.</li>
 *   <li>Margin ratio {@code MM / margin balance}, margin balance = wallet + unrealized PnL;
 *       liquidation at ≥ 100 % (§1.3, FAQ "Liquidation Protocols").</li>
 *   <li>Max removable isolated margin, current FAQ text (§1.6, "How to Adjust Margin Balance"):
 *       {@code max(0, min(iWB − MM, iWB + uPnL − Q·mark/leverage))}.</li>
 * </ul>
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class BinanceUsdm implements VenueRules {
    /** Rule-set id. */
    public static final String ID = "binance-usdm";
    private static final MathContext MC = MathContext.DECIMAL128;
    /** DECIMAL128 precision, rounded down: a long's liquidation price on its loss side. */
    private static final MathContext LONG_LIQUIDATION = new MathContext(34, RoundingMode.FLOOR);
    /** DECIMAL128 precision, rounded up: a short's liquidation price on its loss side. */
    private static final MathContext SHORT_LIQUIDATION = new MathContext(34, RoundingMode.CEILING);
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Binance USD-M Futures";
    }

    @Override
    public String settlementCurrency() {
        return "USDT";
    }

    @Override
    public MarginRatioDefinition marginRatioDefinition() {
        return MarginRatioDefinition.MAINTENANCE_OVER_MARGIN_BALANCE;
    }

    @Override
    public List<String> presetSymbols() {
        return SYMBOLS;
    }

    @Override
    public Optional<TierTable> presetTiers(String symbol) {
        return TierTables.bundled(ID, symbol);
    }

    @Override
    public BigDecimal maxLeverage(Position p, TierTable schedule) {
        BigDecimal tierMax = schedule.lookup(baseQuantity(p).multiply(p.markPrice())).maxLeverage();
        BigDecimal stated = p.maxLeverage();
        if (tierMax == null) {
            return stated;
        }
        return stated == null ? tierMax : tierMax.min(stated);
    }

    @Override
    public MarkValuation valueAtMark(Position p, TierTable schedule) {
        if (p.contract() != ContractType.LINEAR) {
            throw new ValidationException("contract", "must be linear on " + ID + " (inverse needs binance-coinm)",
                    p.contract().id());
        }
        BigDecimal q = baseQuantity(p);
        BigDecimal notional = q.multiply(p.markPrice());
        MaintenanceTier tier = schedule.lookup(notional);
        BigDecimal mm = tier.maintenanceMargin(notional);
        BigDecimal upnl = p.side().signDecimal().multiply(q).multiply(p.markPrice().subtract(p.entryPrice()));
        BigDecimal imEntry = q.multiply(p.entryPrice()).divide(p.leverage(), MC);
        BigDecimal imMark = notional.divide(p.leverage(), MC);
        return new MarkValuation(notional, tier, mm, upnl, imEntry, imMark);
    }

    @Override
    public PositionRisk evaluate(Position p, TierTable schedule, MarkValuation m, CrossContext cross) {
        BigDecimal q = baseQuantity(p);
        BigDecimal s = p.side().signDecimal();
        BigDecimal roe = m.unrealizedPnl().divide(m.initialMarginAtEntry(), MC);
        BigDecimal maxLev = maxLeverage(p, schedule);

        BigDecimal walletTerm;
        BigDecimal isolatedMargin = null;
        BigDecimal marginBalance = null;
        BigDecimal marginRatio = null;
        BigDecimal effectiveLeverage;
        BigDecimal maxRemovable = BigDecimal.ZERO;
        boolean liquidated;
        if (cross == null) {
            isolatedMargin = p.isolatedMargin() != null ? p.isolatedMargin() : m.initialMarginAtEntry();
            walletTerm = isolatedMargin;
            marginBalance = isolatedMargin.add(m.unrealizedPnl());
            if (marginBalance.signum() > 0) {
                marginRatio = m.maintenanceMargin().divide(marginBalance, MC);
                effectiveLeverage = m.notional().divide(marginBalance, MC);
            } else {
                effectiveLeverage = null;
            }
            liquidated = marginBalance.compareTo(m.maintenanceMargin()) <= 0;
            BigDecimal byMaintenance = isolatedMargin.subtract(m.maintenanceMargin());
            BigDecimal byInitial = marginBalance.subtract(m.initialMarginAtMark());
            maxRemovable = byMaintenance.min(byInitial).max(BigDecimal.ZERO);
        } else {
            walletTerm = cross.walletBalance().subtract(cross.otherMaintenanceMargin()).add(cross.otherUnrealizedPnl());
            effectiveLeverage = cross.accountMarginBalance().signum() > 0
                    ? m.notional().divide(cross.accountMarginBalance(), MC) : null;
            liquidated = cross.accountLiquidated();
        }

        Liquidation liq = liquidationPrice(q, s, p.entryPrice(), walletTerm, schedule, m.notional());
        BigDecimal bankruptcy = p.entryPrice().subtract(s.multiply(walletTerm).divide(q, MC));
        if (bankruptcy.signum() <= 0) {
            bankruptcy = null;
        }
        BigDecimal distance = liq == null ? null
                : p.markPrice().subtract(liq.price).abs().divide(p.markPrice(), MC);
        return new PositionRisk(p.id(), cross == null ? MarginMode.ISOLATED : MarginMode.CROSS, m.notional(),
                m.initialMarginAtEntry(), m.tier().mmr(), m.tier().maintenanceAmount(), m.maintenanceMargin(),
                m.unrealizedPnl(), roe, isolatedMargin, marginBalance, marginRatio,
                liq == null ? null : liq.price, bankruptcy, effectiveLeverage, maxRemovable, distance, maxLev,
                liq == null ? null : liq.tier, liquidated);
    }

    /** A liquidation price and the tier it was solved with. */
    private record Liquidation(BigDecimal price, MaintenanceTier tier) {
    }

    /**
     * Solves {@code LP = (W + cum − s·Q·EP)/(Q·MMR − s·Q)} with the bracket re-checked at
     * {@code Q·LP} until stable; {@code W = WB − TMM1 + UPNL1}.
     *
     * @return the price and its tier, or null if the price is ≤ 0 (no liquidation)
     */
    private static Liquidation liquidationPrice(BigDecimal q, BigDecimal s, BigDecimal entry, BigDecimal w,
            TierTable schedule, BigDecimal markNotional) {
        BigDecimal base = w.subtract(s.multiply(q).multiply(entry));
        int k = schedule.indexOf(markNotional);
        for (int step = 0; step <= schedule.size() + 1; step++) {
            BigDecimal price = solve(q, s, base, schedule.tiers().get(k));
            if (price.signum() <= 0) {
                if (k == 0) {
                    return null;
                }
                k = 0;
                continue;
            }
            int j = schedule.indexOf(q.multiply(price));
            if (j == k) {
                return new Liquidation(price, schedule.tiers().get(k));
            }
            k = j;
        }
        // The maintenance margin is continuous in the notional, so exactly one bracket is
        // self-consistent; iteration can only cycle at a boundary. Pick it by a scan.
        for (int t = 0; t < schedule.size(); t++) {
            BigDecimal price = solve(q, s, base, schedule.tiers().get(t));
            if (price.signum() > 0 && schedule.indexOf(q.multiply(price)) == t) {
                return new Liquidation(price, schedule.tiers().get(t));
            }
        }
        return null;
    }

    private static BigDecimal solve(BigDecimal q, BigDecimal s, BigDecimal base, MaintenanceTier tier) {
        BigDecimal numerator = base.add(tier.maintenanceAmount());
        BigDecimal denominator = q.multiply(tier.mmr().subtract(s));
        return numerator.divide(denominator, s.signum() > 0 ? LONG_LIQUIDATION : SHORT_LIQUIDATION);
    }

    private static BigDecimal baseQuantity(Position p) {
        return p.quantity().multiply(p.contractSize());
    }
}
