package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.tier.TierTable;

/**
 * One venue's margin rules: how maintenance margin is valued, the liquidation and bankruptcy
 * price, the margin ratio and the max removable margin. Each implementation cites the venue
 * documentation section its formulas come from.
 *
 * <p>Implementations are stateless, immutable and thread-safe.
 */
public interface VenueRules {

    /** @return the rule-set id used in workspace files, e.g. {@code binance-usdm}; never null */
    String id();

    /** @return a name for people, e.g. {@code Binance USDⓈ-M}; never null */
    String displayName();

    /** @return the settlement currency of linear positions, e.g. {@code USDT}; never null */
    String settlementCurrency();

    /** @return the venue's definition of the margin ratio; never null */
    MarginRatioDefinition marginRatioDefinition();

    /** @return the symbols with a bundled tier table, in display order; never null */
    List<String> presetSymbols();

    /**
     * @param symbol  instrument, e.g. {@code BTCUSDT}, not null
     * @return the bundled, dated tier table of the symbol, or empty
     */
    Optional<TierTable> presetTiers(String symbol);

    /**
     * The maintenance schedule of a position: its explicit {@code tiers}, else its
     * {@code maintenance} override, else the venue's preset for its symbol.
     *
     * @param position  the position, not null
     * @return the tier table, never null
     * @throws ValidationException ({@code symbol}) if none applies
     */
    default TierTable schedule(Position position) {
        if (position.tiers() != null) {
            return position.tiers();
        }
        if (position.maintenance() != null) {
            return TierTable.flat(position.maintenance().mmr(), position.maintenance().maintenanceAmount(),
                    position.maxLeverage());
        }
        return presetTiers(position.symbol()).orElseThrow(() -> new ValidationException("symbol",
                "has no bundled tier table on " + id() + " (known: " + String.join(", ", presetSymbols())
                        + "); give tiers or maintenance", position.symbol()));
    }

    /**
     * The highest leverage allowed for the position at its current notional: the tier's max
     * leverage, capped by the position's stated {@code maxLeverage}.
     *
     * @param position  the position, not null
     * @param schedule  its maintenance schedule, not null
     * @return the max leverage, or null if unlimited
     */
    BigDecimal maxLeverage(Position position, TierTable schedule);

    /**
     * Values a position at its mark: the terms summed over cross positions.
     *
     * @param position  the position, not null
     * @param schedule  its maintenance schedule, not null
     * @return the valuation, never null
     * @throws ValidationException if the venue does not support the position (e.g. its contract
     *         type)
     */
    MarkValuation valueAtMark(Position position, TierTable schedule);

    /**
     * Evaluates one position.
     *
     * @param position  the position, not null
     * @param schedule  its maintenance schedule, not null
     * @param mark      its valuation at the mark ({@link #valueAtMark}), not null
     * @param cross     the rest of the account for a cross position; null for isolated
     * @return the result, never null
     */
    PositionRisk evaluate(Position position, TierTable schedule, MarkValuation mark, CrossContext cross);
}
