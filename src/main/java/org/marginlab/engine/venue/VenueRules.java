package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.tier.TierTable;

/**
 * One venue's margin rules: how maintenance margin is valued, the liquidation and bankruptcy
 * price, the margin ratio, the max removable margin and the fees that enter liquidation. Each
 * implementation cites the venue documentation section its formulas come from; where venues
 * disagree (spec margin-formulas.md §11) each follows its own venue.
 *
 * <p>Implementations are stateless, immutable and thread-safe.
 */
public interface VenueRules {

    /**
     * The version of a venue's first known rule set, when no source dates it (spec
     * venues-v2.md §12.2): every v1 rule set is {@code <id>@0000-01-01}.
     */
    String FIRST_VERSION = "0000-01-01";

    /** How a dated rule-set version is chosen for a position (spec venues-v2.md §12.2). */
    enum AppliesBy {
        /** The version in force at the evaluation instant ({@code asOf}) applies. */
        EVALUATION_TIME,
        /**
         * The version in force when the position was opened ({@code openedAt}, default
         * {@code asOf}) applies: Bitget's 2025-11-10 maintenance change.
         */
        POSITION_OPEN_TIME
    }

    /** @return the rule-set id used in workspace files, e.g. {@code binance-usdm}; never null */
    String id();

    /**
     * @return the version: the ISO date (UTC) from which this rule set applies, e.g.
     *         {@code 2025-05-22}; {@link #FIRST_VERSION} for a venue's first undated rules
     */
    default String version() {
        return FIRST_VERSION;
    }

    /**
     * @return the instant from which this version applies; by default the start (UTC) of the
     *         {@link #version()} date; never null
     */
    default java.time.Instant effectiveFrom() {
        return java.time.LocalDate.parse(version()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    /** @return how this version is chosen; by default by the evaluation instant */
    default AppliesBy appliesBy() {
        return AppliesBy.EVALUATION_TIME;
    }

    /** @return {@code id@version}, e.g. {@code kucoin@2025-05-22}: what a report names */
    default String ruleSetId() {
        return id() + "@" + version();
    }

    /** @return a name for people, e.g. {@code Binance USD-M Futures}; never null */
    String displayName();

    /** @return the contract types the venue's rules cover; never null or empty */
    Set<ContractType> contractTypes();

    /** @return the settlement currency of linear positions, e.g. {@code USDT}; never null */
    String settlementCurrency();

    /**
     * The currency a position's amounts are in: the venue's quote currency for linear
     * contracts, the base coin for inverse ones (the symbol up to {@code USD}: {@code BTCUSD} →
     * {@code BTC}).
     *
     * @param position  the position, not null
     * @return the currency code, never null
     */
    default String settlementCurrency(Position position) {
        if (!position.contract().isInverse()) {
            return settlementCurrency();
        }
        String symbol = position.symbol().toUpperCase(Locale.ROOT);
        int usd = symbol.indexOf("USD");
        return usd > 0 ? symbol.substring(0, usd) : "coin";
    }

    /** @return the venue's definition of the margin ratio; never null */
    MarginRatioDefinition marginRatioDefinition();

    /**
     * @return the taker fee rate used when a position states none (fraction); only venues whose
     *         liquidation includes a close fee use it
     */
    BigDecimal defaultTakerFeeRate();

    /**
     * @return whether cross positions on the same symbol (a long and a short in hedge mode)
     *         share one liquidation price (Binance, spec §1.1)
     */
    boolean sharesLiquidationPriceAcrossHedge();

    /**
     * @return the spec section this rule set cites for its cross-margin terms (the other cross
     *         positions' maintenance and PnL, the cross margin balance and ratio), as derivation
     *         steps name their source; by default Binance's, margin-formulas.md §1.1
     */
    default String crossMarginSource() {
        return "margin-formulas.md §1.1";
    }

    /**
     * @return the symbols with a bundled tier table, in display order, then those with only an
     *         installed one ({@link org.marginlab.engine.tier.InstalledTiers}); never null
     */
    List<String> presetSymbols();

    /**
     * The symbol's preset table: an installed (refreshed) table wins over the bundled one
     * ({@link org.marginlab.engine.tier.InstalledTiers}); its {@code asOf} and {@code source} say
     * where it came from.
     *
     * @param symbol  instrument, e.g. {@code BTCUSDT}, not null
     * @return the installed or bundled, dated tier table of the symbol, or empty
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
                "has no bundled tier table on " + id()
                        + (presetSymbols().isEmpty() ? "" : " (bundled: " + String.join(", ", presetSymbols()) + ")")
                        + "; give tiers or maintenance", position.symbol()));
    }

    /**
     * The isolated margin of an isolated position that states none (spec workspace-and-cli.md §1,
     * venues-v2.md §13): the initial margin at entry, plus the fee to close where the venue's
     * position margin holds that reserve (Phemex {@code assignedPosBalance}, Bybit UTA "position
     * margin"). Every figure that needs a position's isolated margin uses this, so that money is
     * counted once and the same way.
     *
     * @param position  the position, not null
     * @return the default isolated margin, settlement currency, &gt; 0
     */
    default BigDecimal defaultIsolatedMargin(Position position) {
        return valueAtMark(position, schedule(position)).initialMarginAtEntry();
    }

    /**
     * The fee to close the venue reserves in the position's margin (spec venues-v2.md §10.1:
     * {@code |Q|·k·BP·f_t} linear, {@code N/BP·f_t} inverse, BP from the entry at the position's
     * leverage, the taker rate the position's or the venue's), as {@link PositionRisk#feeToClose}
     * reports it.
     *
     * @param position  the position, not null
     * @return the fee, settlement currency, or null where the venue reserves none
     */
    default BigDecimal feeToClose(Position position) {
        return null;
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
     * @throws ValidationException ({@code contract}) if the venue does not cover the contract type
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

    /**
     * Evaluates one position as {@link #evaluate(Position, TierTable, MarkValuation, CrossContext)}
     * does, given its result in an earlier evaluation of the same position instance with the same
     * schedule and valuation: the terms that depend on the position alone (its ROE, fee to close
     * and max leverage) may be taken from it instead of being worked out again. The result is
     * equal (value and scale) to the four-argument method's.
     *
     * @param before  that earlier result, or null
     * @return the result, never null
     */
    default PositionRisk evaluate(Position position, TierTable schedule, MarkValuation mark, CrossContext cross,
            PositionRisk before) {
        return evaluate(position, schedule, mark, cross);
    }
}
