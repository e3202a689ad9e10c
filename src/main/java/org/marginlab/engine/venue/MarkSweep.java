package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.Position;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;

/**
 * A position's unrealized PnL and maintenance requirement as functions of its mark price, in
 * {@code double}: the fast path for chart sweeps (hundreds of prices on every keystroke).
 *
 * <p>This is the engine's one documented exception to "no {@code double} crosses the API"
 * (architecture.md: "a {@code double} fast path for chart sweeps is fine inside the engine,
 * tested to agree"). It evaluates the same formulas as {@link VenueRules#valueAtMark} (spec
 * margin-formulas.md §0; {@code s} = +1 long, −1 short; {@code B = quantity·contractSize}):
 * <ul>
 *   <li>notional {@code B·P} (linear, quote) or {@code B/P} (inverse, coin);</li>
 *   <li>unrealized PnL {@code s·B·(P − entry)} or {@code s·B·(1/entry − 1/P)};</li>
 *   <li>maintenance margin {@code N·mmr_k − amount_k} with {@code k} the tier of the notional
 *       the venue values maintenance at: the notional at {@code P}, or at the entry on Bybit
 *       (then it does not move with {@code P});</li>
 *   <li>close fee {@code N·takerRate} on venues that add it (OKX, Gate), else 0.</li>
 * </ul>
 * Agreement with the {@code BigDecimal} engine is tested on random positions of every venue
 * (MarkSweepTest): amounts within {@code 1e-9} relative to the notional, margin ratios within
 * {@code 1e-9} relative. Use it to draw curves; figures the user reads as results come from
 * {@link org.marginlab.engine.MarginEngine}.
 *
 * <p>For a rule set that is not one of the bundled venues (an outside implementation of
 * {@link VenueRules}), or a position whose valuation adds terms this form lacks (a fixed fee to
 * close, a funding term, whole-position tiers: {@code BaseVenue.standardValuation}), the sweep
 * falls back to {@link VenueRules#valueAtMark} per price, which is exact but slower, and reports
 * no tier boundaries.
 *
 * <p>Immutable and thread-safe.
 */
public final class MarkSweep {
    private static final MathContext MC = MathContext.DECIMAL128;

    private final VenueRules venue;
    private final Position position;
    private final TierTable schedule;
    private final MarginRatioDefinition definition;
    private final boolean inverse;
    private final double s;
    private final double size;
    private final double entry;
    private final double inverseEntry;
    private final double feeRate;
    private final boolean maintenanceAtEntry;
    private final double entryMaintenance;
    private final double[] floors;
    private final double[] mmrs;
    private final double[] amounts;
    /**
     * Whether the venue is not a {@link BaseVenue}, or its valuation of the position is not the
     * plain form: then evaluate per price in BigDecimal.
     */
    private final boolean fallback;

    private MarkSweep(VenueRules venue, Position position, TierTable schedule) {
        this.venue = venue;
        this.position = position;
        this.schedule = schedule;
        this.definition = venue.marginRatioDefinition();
        this.inverse = position.contract() == ContractType.INVERSE;
        this.s = position.side().sign();
        BigDecimal b = position.quantity().multiply(position.contractSize());
        this.size = b.doubleValue();
        this.entry = position.entryPrice().doubleValue();
        this.inverseEntry = BigDecimal.ONE.divide(position.entryPrice(), MC).doubleValue();
        List<MaintenanceTier> tiers = schedule.tiers();
        this.floors = new double[tiers.size()];
        this.mmrs = new double[tiers.size()];
        this.amounts = new double[tiers.size()];
        for (int k = 0; k < tiers.size(); k++) {
            floors[k] = tiers.get(k).floor().doubleValue();
            mmrs[k] = tiers.get(k).mmr().doubleValue();
            amounts[k] = tiers.get(k).maintenanceAmount().doubleValue();
        }
        if (venue instanceof BaseVenue && ((BaseVenue) venue).standardValuation(position)) {
            BaseVenue base = (BaseVenue) venue;
            this.fallback = false;
            this.feeRate = base.closeFeeRate(position).doubleValue();
            this.maintenanceAtEntry = base.maintenanceAtEntry(position);
            // Bybit: the maintenance margin is valued at the entry, exactly as the engine does.
            BigDecimal entryValue = inverse ? b.divide(position.entryPrice(), MC) : b.multiply(position.entryPrice());
            this.entryMaintenance = schedule.lookup(entryValue).maintenanceMargin(entryValue).doubleValue();
        } else {
            this.fallback = true;
            this.feeRate = 0;
            this.maintenanceAtEntry = false;
            this.entryMaintenance = 0;
        }
    }

    /**
     * Prepares the sweep of a position on a venue.
     *
     * @param venue     the venue's rules, not null
     * @param position  the position (its mark is ignored: the sweep sets it), not null
     * @return the sweep, never null
     * @throws ValidationException ({@code contract}) if the venue does not cover the contract
     *         type, ({@code symbol}) if no maintenance schedule applies
     */
    public static MarkSweep of(VenueRules venue, Position position) {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(position, "position");
        TierTable schedule = venue.schedule(position);
        venue.valueAtMark(position, schedule); // the venue's own checks (contract type)
        return new MarkSweep(venue, position, schedule);
    }

    /** @return the position swept; never null */
    public Position position() {
        return position;
    }

    /** @return the venue's margin-ratio definition; never null */
    public MarginRatioDefinition marginRatioDefinition() {
        return definition;
    }

    /**
     * @param price  a mark price, quote per base, &gt; 0
     * @return the notional at that price, settlement currency
     */
    public double notional(double price) {
        if (fallback) {
            return at(price).notional().doubleValue();
        }
        return inverse ? size / price : size * price;
    }

    /**
     * @param price  a mark price, quote per base, &gt; 0
     * @return the unrealized PnL at that price, settlement currency; positive is a gain
     */
    public double unrealizedPnl(double price) {
        if (fallback) {
            return at(price).unrealizedPnl().doubleValue();
        }
        return inverse ? s * size * (inverseEntry - 1 / price) : s * size * (price - entry);
    }

    /**
     * @param price  a mark price, quote per base, &gt; 0
     * @return the maintenance margin at that price ({@code N·mmr_k − amount_k}), settlement
     *         currency
     */
    public double maintenanceMargin(double price) {
        if (fallback) {
            return at(price).maintenanceMargin().doubleValue();
        }
        if (maintenanceAtEntry) {
            return entryMaintenance;
        }
        double n = inverse ? size / price : size * price;
        int k = tierIndex(n);
        return n * mmrs[k] - amounts[k];
    }

    /**
     * @param price  a mark price, quote per base, &gt; 0
     * @return the close fee the venue adds to the requirement ({@code N·takerRate}), else 0
     */
    public double closeFee(double price) {
        if (fallback) {
            return at(price).closeFee().doubleValue();
        }
        return feeRate == 0 ? 0 : (inverse ? size / price : size * price) * feeRate;
    }

    /**
     * @param price  a mark price, quote per base, &gt; 0
     * @return maintenance margin plus close fee: what equity must stay above, settlement
     *         currency
     */
    public double maintenanceRequirement(double price) {
        if (fallback) {
            return at(price).maintenanceRequirement().doubleValue();
        }
        return maintenanceMargin(price) + closeFee(price);
    }

    /**
     * The margin ratio when only this position's mark moves: its requirement and PnL added to
     * fixed terms of the rest. For an isolated position the rest is its isolated margin
     * ({@code otherRequirement = 0}, {@code otherBalance = isolated margin}); for a cross
     * position it is the rest of the cross account ({@code otherRequirement = TMM1},
     * {@code otherBalance = wallet + UPNL1}).
     *
     * @param price             a mark price, quote per base, &gt; 0
     * @param otherRequirement  the fixed requirement of the rest, settlement currency
     * @param otherBalance      the fixed margin balance of the rest, settlement currency
     * @return the ratio as a fraction per the venue's definition, or NaN where it is undefined
     */
    public double marginRatio(double price, double otherRequirement, double otherBalance) {
        return marginRatio(definition, otherRequirement + maintenanceRequirement(price),
                otherBalance + unrealizedPnl(price));
    }

    /**
     * A margin ratio from its two terms, as the engine defines it: {@code requirement/balance}
     * (undefined when the balance is ≤ 0), or {@code balance/requirement} for
     * {@link MarginRatioDefinition#EQUITY_OVER_MAINTENANCE_PLUS_FEES} (undefined when the
     * requirement is ≤ 0).
     *
     * @param definition     the venue's definition, not null
     * @param requirement    maintenance margin plus fees, settlement currency
     * @param marginBalance  wallet (or isolated margin) plus unrealized PnL, settlement currency
     * @return the ratio as a fraction, or NaN where it is undefined
     */
    public static double marginRatio(MarginRatioDefinition definition, double requirement, double marginBalance) {
        if (definition == MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES) {
            return requirement > 0 ? marginBalance / requirement : Double.NaN;
        }
        return marginBalance > 0 ? requirement / marginBalance : Double.NaN;
    }

    /**
     * The mark prices where the maintenance margin changes tier: the notional equals a tier's
     * floor ({@code P = floor/B} linear, {@code P = B/floor} inverse). The maintenance margin is
     * continuous there (the maintenance-amount recurrence), so the margin-ratio curve has a kink,
     * not a jump. Empty when the maintenance margin does not move with the mark (Bybit values it
     * at the entry) or the schedule has one tier.
     *
     * @return the boundaries in ascending order of price; never null
     */
    public List<TierBoundary> tierBoundaries() {
        if (fallback || maintenanceAtEntry) {
            return List.of();
        }
        BigDecimal b = position.quantity().multiply(position.contractSize());
        List<TierBoundary> out = new ArrayList<>(schedule.size());
        List<MaintenanceTier> tiers = schedule.tiers();
        for (int k = 1; k < tiers.size(); k++) {
            BigDecimal floor = tiers.get(k).floor();
            BigDecimal price = inverse ? b.divide(floor, MC) : floor.divide(b, MC);
            out.add(new TierBoundary(k, floor, price));
        }
        out.sort(Comparator.comparing(TierBoundary::price));
        return List.copyOf(out);
    }

    private int tierIndex(double notional) {
        int lo = 0;
        int hi = floors.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (floors[mid] <= notional) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private MarkValuation at(double price) {
        return venue.valueAtMark(position.withMarkPrice(BigDecimal.valueOf(price)), schedule);
    }

    /**
     * A mark price at which the maintenance margin enters another tier.
     *
     * @param tier   the index of the tier entered going up in notional (≥ 1)
     * @param floor  that tier's floor, settlement currency
     * @param price  the mark price where the notional equals the floor, quote per base,
     *               DECIMAL128
     */
    public record TierBoundary(int tier, BigDecimal floor, BigDecimal price) {
    }
}
