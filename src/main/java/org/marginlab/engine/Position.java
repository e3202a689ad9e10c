package org.marginlab.engine;

import java.math.BigDecimal;
import java.util.Objects;

import org.marginlab.engine.internal.Checks;
import org.marginlab.engine.tier.TierTable;

/**
 * A derivatives position as the user states it: the engine's main input.
 *
 * <p>Units: {@code quantity} in base units (linear) or contracts (inverse), always positive,
 * the direction given by {@link #side()}; {@code contractSize} in base units per unit of
 * quantity (linear) or quote per contract (inverse); prices in quote per base;
 * {@code leverage} a multiple; {@code isolatedMargin} in the settlement currency (quote for
 * linear, coin for inverse). Field names and defaults follow the workspace file
 * (spec workspace-and-cli.md §1).
 *
 * <p>Validation happens at construction, with messages naming the field, the rule and the
 * value: quantity, prices, contract size and leverage &gt; 0; isolated margin ≥ 0; fee and
 * maintenance rates in [0, 1). Rules that need the venue (leverage ≤ the tier's max leverage)
 * are checked by {@link MarginEngine}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Position {
    private final String id;
    private final String symbol;
    private final ContractType contract;
    private final BigDecimal contractSize;
    private final Side side;
    private final BigDecimal quantity;
    private final BigDecimal entryPrice;
    private final BigDecimal markPrice;
    private final BigDecimal leverage;
    private final MarginMode marginMode;
    private final BigDecimal isolatedMargin;
    private final Maintenance maintenance;
    private final TierTable tiers;
    private final BigDecimal maxLeverage;
    private final BigDecimal takerFeeRate;
    private final VenueParameters venueParameters;

    private Position(Builder b) {
        this.id = Checks.notBlank(b.id, "id");
        this.symbol = Checks.notBlank(b.symbol, "symbol");
        this.contract = b.contract == null ? ContractType.LINEAR : b.contract;
        this.contractSize = b.contractSize == null ? BigDecimal.ONE : Checks.positive(b.contractSize, "contractSize");
        this.side = Checks.notNull(b.side, "side");
        this.quantity = Checks.positive(b.quantity, "quantity");
        this.entryPrice = Checks.positive(b.entryPrice, "entryPrice");
        this.markPrice = b.markPrice == null ? entryPrice : Checks.positive(b.markPrice, "markPrice");
        this.leverage = Checks.positive(b.leverage, "leverage");
        this.marginMode = b.marginMode == null ? MarginMode.ISOLATED : b.marginMode;
        this.isolatedMargin = b.isolatedMargin == null ? null : Checks.notNegative(b.isolatedMargin, "isolatedMargin");
        this.maintenance = b.maintenance;
        this.tiers = b.tiers;
        this.maxLeverage = Checks.positiveOrNull(b.maxLeverage, "maxLeverage");
        this.takerFeeRate = b.takerFeeRate == null ? null : Checks.fraction(b.takerFeeRate, "takerFeeRate");
        this.venueParameters = b.venueParameters == null ? VenueParameters.NONE : b.venueParameters;
    }

    /** @return a new builder; every required field must be set before {@link Builder#build()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this position's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.symbol = symbol;
        b.contract = contract;
        b.contractSize = contractSize;
        b.side = side;
        b.quantity = quantity;
        b.entryPrice = entryPrice;
        b.markPrice = markPrice;
        b.leverage = leverage;
        b.marginMode = marginMode;
        b.isolatedMargin = isolatedMargin;
        b.maintenance = maintenance;
        b.tiers = tiers;
        b.maxLeverage = maxLeverage;
        b.takerFeeRate = takerFeeRate;
        b.venueParameters = venueParameters;
        return b;
    }

    /**
     * @param margin  the new isolated margin, settlement currency, ≥ 0, not null
     * @return a copy with that isolated margin
     * @throws ValidationException if the margin is negative
     */
    public Position withIsolatedMargin(BigDecimal margin) {
        return toBuilder().isolatedMargin(Checks.notNull(margin, "isolatedMargin")).build();
    }

    /**
     * @param price  the new mark price, quote per base, &gt; 0, not null
     * @return a copy with that mark price
     * @throws ValidationException if the price is not positive
     */
    public Position withMarkPrice(BigDecimal price) {
        return toBuilder().markPrice(Checks.notNull(price, "markPrice")).build();
    }

    /** @return the id, unique within an account; never null */
    public String id() {
        return id;
    }

    /** @return the instrument symbol, e.g. {@code BTCUSDT}; never null */
    public String symbol() {
        return symbol;
    }

    /** @return linear or inverse; never null (default linear) */
    public ContractType contract() {
        return contract;
    }

    /** @return the contract size; never null (default 1) */
    public BigDecimal contractSize() {
        return contractSize;
    }

    /** @return long or short; never null */
    public Side side() {
        return side;
    }

    /** @return the absolute size, base units or contracts, &gt; 0; never null */
    public BigDecimal quantity() {
        return quantity;
    }

    /** @return the average entry price, quote per base, &gt; 0; never null */
    public BigDecimal entryPrice() {
        return entryPrice;
    }

    /** @return the mark price, quote per base, &gt; 0; never null (default the entry price) */
    public BigDecimal markPrice() {
        return markPrice;
    }

    /** @return the chosen leverage, &gt; 0; never null */
    public BigDecimal leverage() {
        return leverage;
    }

    /** @return isolated or cross; never null (default isolated) */
    public MarginMode marginMode() {
        return marginMode;
    }

    /**
     * @return the isolated wallet balance as stated, settlement currency, or null when not
     *         stated (the engine then uses the initial margin at entry)
     */
    public BigDecimal isolatedMargin() {
        return isolatedMargin;
    }

    /** @return the explicit maintenance override, or null to use the tiers */
    public Maintenance maintenance() {
        return maintenance;
    }

    /** @return the explicit tier table, or null to use the venue's preset for the symbol */
    public TierTable tiers() {
        return tiers;
    }

    /** @return the venue's max leverage for the asset as stated, or null for the preset */
    public BigDecimal maxLeverage() {
        return maxLeverage;
    }

    /** @return the taker fee rate as stated, a fraction, or null for the venue default */
    public BigDecimal takerFeeRate() {
        return takerFeeRate;
    }

    /**
     * @return the inputs only some venues read (spec venues-v2.md §13); never null, every field
     *         absent by default
     */
    public VenueParameters venueParameters() {
        return venueParameters;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Position)) {
            return false;
        }
        Position p = (Position) o;
        return id.equals(p.id) && symbol.equals(p.symbol) && contract == p.contract && side == p.side
                && marginMode == p.marginMode && same(contractSize, p.contractSize) && same(quantity, p.quantity)
                && same(entryPrice, p.entryPrice) && same(markPrice, p.markPrice) && same(leverage, p.leverage)
                && same(isolatedMargin, p.isolatedMargin) && Objects.equals(maintenance, p.maintenance)
                && Objects.equals(tiers, p.tiers) && same(maxLeverage, p.maxLeverage)
                && same(takerFeeRate, p.takerFeeRate) && venueParameters.equals(p.venueParameters);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, symbol, side, quantity.stripTrailingZeros(), entryPrice.stripTrailingZeros());
    }

    @Override
    public String toString() {
        return id + ": " + side.id() + " " + quantity.toPlainString() + " " + symbol + " @ " + entryPrice.toPlainString()
                + " mark " + markPrice.toPlainString() + " " + leverage.toPlainString() + "x " + marginMode.id();
    }

    /** Mutable builder for {@link Position}; not thread-safe. */
    public static final class Builder {
        private String id = "position-1";
        private String symbol;
        private ContractType contract;
        private BigDecimal contractSize;
        private Side side;
        private BigDecimal quantity;
        private BigDecimal entryPrice;
        private BigDecimal markPrice;
        private BigDecimal leverage;
        private MarginMode marginMode;
        private BigDecimal isolatedMargin;
        private Maintenance maintenance;
        private TierTable tiers;
        private BigDecimal maxLeverage;
        private BigDecimal takerFeeRate;
        private VenueParameters venueParameters;

        private Builder() {
        }

        /** @param v unique id; default {@code position-1} @return this */
        public Builder id(String v) { id = v; return this; }
        /** @param v instrument symbol @return this */
        public Builder symbol(String v) { symbol = v; return this; }
        /** @param v linear or inverse; null for linear @return this */
        public Builder contract(ContractType v) { contract = v; return this; }
        /** @param v contract size &gt; 0; null for 1 @return this */
        public Builder contractSize(BigDecimal v) { contractSize = v; return this; }
        /** @param v long or short @return this */
        public Builder side(Side v) { side = v; return this; }
        /** @param v absolute size &gt; 0 @return this */
        public Builder quantity(BigDecimal v) { quantity = v; return this; }
        /** @param v entry price &gt; 0 @return this */
        public Builder entryPrice(BigDecimal v) { entryPrice = v; return this; }
        /** @param v mark price &gt; 0; null for the entry price @return this */
        public Builder markPrice(BigDecimal v) { markPrice = v; return this; }
        /** @param v leverage &gt; 0 @return this */
        public Builder leverage(BigDecimal v) { leverage = v; return this; }
        /** @param v isolated or cross; null for isolated @return this */
        public Builder marginMode(MarginMode v) { marginMode = v; return this; }
        /** @param v isolated margin ≥ 0; null for the initial margin at entry @return this */
        public Builder isolatedMargin(BigDecimal v) { isolatedMargin = v; return this; }
        /** @param v maintenance override; null for the tiers @return this */
        public Builder maintenance(Maintenance v) { maintenance = v; return this; }
        /** @param v explicit tier table; null for the venue preset @return this */
        public Builder tiers(TierTable v) { tiers = v; return this; }
        /** @param v the asset's max leverage; null for the preset @return this */
        public Builder maxLeverage(BigDecimal v) { maxLeverage = v; return this; }
        /** @param v taker fee rate; null for the venue default @return this */
        public Builder takerFeeRate(BigDecimal v) { takerFeeRate = v; return this; }
        /** @param v the venue-specific inputs; null for none @return this */
        public Builder venueParameters(VenueParameters v) { venueParameters = v; return this; }

        /**
         * @return the validated position, never null
         * @throws ValidationException naming the first field that breaks its rule
         */
        public Position build() {
            return new Position(this);
        }
    }
}
