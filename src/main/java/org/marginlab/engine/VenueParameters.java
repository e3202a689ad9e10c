package org.marginlab.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import org.marginlab.engine.internal.Checks;

/**
 * The optional per-position inputs that only some venues' rules read (spec venues-v2.md §13),
 * all absent by default. A rule set ignores the ones it does not use; the workspace file keeps
 * them all. The last five ({@code makerFeeRate} … {@code probabilityHorizonHours}) are cost and
 * risk inputs no margin rule reads (MarginLab additions: the position's fees, projected funding,
 * break-even and probability of liquidation); they live here so the workspace keeps them with
 * the position.
 *
 * <p>Units: rates are fractions (0.001 = 0.1 %); {@code riskLimit}, {@code openInterestNotional},
 * {@code oiLowerCap} and {@code oiUpperCap} in the settlement currency; slopes per base unit of
 * size. Immutable and thread-safe; build with {@link #builder()}.
 *
 * @param openedAt               when the position was opened, for rule versions that apply by
 *                               opening time (Bitget 2025-11-10, §12.2); null = the evaluation's
 *                               {@code asOf}
 * @param liquidationFeeRate     {@code LFR}, the liquidation-fee rate on the value at the
 *                               liquidation price (KuCoin from 2025-05-22, §2.4); null = venue
 *                               default
 * @param initialMarginRate      base initial margin rate {@code a_IM} of a size-dependent rate
 *                               (Deribit, §7.2), or null
 * @param imrSlope               {@code b}: initial margin rate added per base unit of size
 *                               (Deribit), or null
 * @param mmrSlope               {@code b}: maintenance margin rate added per base unit of size
 *                               (Deribit; workspace {@code maintenance.mmrSlope}), or null
 * @param riskLimit              the chosen risk-limit value, settlement currency (BitMEX, MEXC,
 *                               §1.4), or null for the smallest step that covers the position
 * @param imf                    dYdX base initial margin fraction (§8.2), or null
 * @param mmf                    dYdX maintenance margin fraction, or null
 * @param openInterestNotional   dYdX open interest × oracle price, quote, or null
 * @param oiLowerCap             dYdX open-interest lower cap, quote, or null
 * @param oiUpperCap             dYdX open-interest upper cap, quote, or null
 * @param mmValuation            where maintenance margin is valued, overriding the venue's
 *                               default (Kraken option, §6.2), or null
 * @param fundingRate            {@code r} of the current funding interval, positive when longs
 *                               pay; only rule sets that put it into maintenance margin read it
 *                               (KuCoin before 2025-05-22; BitMEX with
 *                               {@code includeFundingReserve}); null = 0
 * @param includeFundingReserve  BitMEX [C] option: add {@code fundingRate} to the maintenance
 *                               rate (§1.3); default false
 * @param tickSize               the instrument's price tick, quote, &gt; 0, for displayed
 *                               liquidation and bankruptcy prices (§11); null = the bundled tick
 *                               of the venue's symbol, if any. A MarginLab addition to §13.
 * @param makerFeeRate           the maker fee rate {@code f_m}, a fraction in (−1, 1), negative for
 *                               a rebate (§10.1); null = none known (MarginLab has no sourced maker
 *                               rates). No margin rule reads it: a cost input, MarginLab addition
 * @param fundingIntervalHours   hours between funding payments, &gt; 0 (§10.2 table); null = the
 *                               venue's interval. No margin rule reads it: a cost input
 * @param holdingHours           hours the position is expected to be held, ≥ 0, for the projected
 *                               funding; null = 0 (no projection). A cost input
 * @param volatility             annualised volatility as a fraction (0.6 = 60 %), 0 to 10, for the
 *                               probability of liquidation; null = the default of the symbol
 *                               ({@code sizing.Volatilities}). Not a margin input
 * @param probabilityHorizonHours  the horizon of that probability, hours, ≥ 0; null = 24. Not a
 *                               margin input
 */
public record VenueParameters(
        Instant openedAt,
        BigDecimal liquidationFeeRate,
        BigDecimal initialMarginRate,
        BigDecimal imrSlope,
        BigDecimal mmrSlope,
        BigDecimal riskLimit,
        BigDecimal imf,
        BigDecimal mmf,
        BigDecimal openInterestNotional,
        BigDecimal oiLowerCap,
        BigDecimal oiUpperCap,
        MmValuation mmValuation,
        BigDecimal fundingRate,
        boolean includeFundingReserve,
        BigDecimal tickSize,
        BigDecimal makerFeeRate,
        BigDecimal fundingIntervalHours,
        BigDecimal holdingHours,
        BigDecimal volatility,
        BigDecimal probabilityHorizonHours) {

    /** Largest accepted volatility, a fraction (10 = 1000 % a year), as {@code sizing.LiquidationProbability}. */
    private static final BigDecimal MAX_VOLATILITY = BigDecimal.TEN;

    /** No venue parameters: every field absent. */
    public static final VenueParameters NONE = builder().build();

    /**
     * Validates each present value.
     *
     * @throws ValidationException naming the field: rates must be fractions in [0, 1), slopes,
     *         caps, open interest and the risk limit ≥ 0 (risk limit &gt; 0), the lower cap ≤ the
     *         upper cap, the funding rate and the maker fee rate in (−1, 1), the funding interval
     *         &gt; 0, the holding time and the probability horizon ≥ 0, the volatility in [0, 10]
     */
    public VenueParameters {
        fractionOrNull(liquidationFeeRate, "liquidationFeeRate");
        fractionOrNull(initialMarginRate, "initialMarginRate");
        notNegativeOrNull(imrSlope, "imrSlope");
        notNegativeOrNull(mmrSlope, "maintenance.mmrSlope");
        Checks.positiveOrNull(riskLimit, "riskLimit");
        Checks.positiveOrNull(tickSize, "tickSize");
        if (imf != null && (imf.signum() <= 0 || imf.compareTo(BigDecimal.ONE) > 0)) {
            throw new ValidationException("imf", "must be > 0 and ≤ 1", imf);
        }
        fractionOrNull(mmf, "mmf");
        notNegativeOrNull(openInterestNotional, "openInterestNotional");
        notNegativeOrNull(oiLowerCap, "oiLowerCap");
        notNegativeOrNull(oiUpperCap, "oiUpperCap");
        if (oiLowerCap != null && oiUpperCap != null && oiUpperCap.compareTo(oiLowerCap) < 0) {
            throw new ValidationException("oiUpperCap", "must be ≥ oiLowerCap (" + oiLowerCap.toPlainString() + ")",
                    oiUpperCap);
        }
        if (fundingRate != null && fundingRate.abs().compareTo(BigDecimal.ONE) >= 0) {
            throw new ValidationException("fundingRate", "must be between -1 and 1 (a fraction, 0.0001 = 0.01 %)",
                    fundingRate);
        }
        if (makerFeeRate != null && makerFeeRate.abs().compareTo(BigDecimal.ONE) >= 0) {
            throw new ValidationException("makerFeeRate", "must be between -1 and 1 (a fraction, 0.0002 = 0.02 %; "
                    + "negative for a rebate)", makerFeeRate);
        }
        Checks.positiveOrNull(fundingIntervalHours, "fundingIntervalHours");
        notNegativeOrNull(holdingHours, "holdingHours");
        if (volatility != null && (volatility.signum() < 0 || volatility.compareTo(MAX_VOLATILITY) > 0)) {
            throw new ValidationException("volatility", "must be ≥ 0 and ≤ 10 (annualised, a fraction: 0.6 = 60 %)",
                    volatility);
        }
        notNegativeOrNull(probabilityHorizonHours, "probabilityHorizonHours");
    }

    private static void fractionOrNull(BigDecimal v, String field) {
        if (v != null) {
            Checks.fraction(v, field);
        }
    }

    private static void notNegativeOrNull(BigDecimal v, String field) {
        if (v != null) {
            Checks.notNegative(v, field);
        }
    }

    /** @return the funding rate, 0 when absent */
    public BigDecimal fundingRateOrZero() {
        return fundingRate == null ? BigDecimal.ZERO : fundingRate;
    }

    /** @return whether every field is absent */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** @return a new builder with every field absent */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.openedAt = openedAt;
        b.liquidationFeeRate = liquidationFeeRate;
        b.initialMarginRate = initialMarginRate;
        b.imrSlope = imrSlope;
        b.mmrSlope = mmrSlope;
        b.riskLimit = riskLimit;
        b.imf = imf;
        b.mmf = mmf;
        b.openInterestNotional = openInterestNotional;
        b.oiLowerCap = oiLowerCap;
        b.oiUpperCap = oiUpperCap;
        b.mmValuation = mmValuation;
        b.fundingRate = fundingRate;
        b.includeFundingReserve = includeFundingReserve;
        b.tickSize = tickSize;
        b.makerFeeRate = makerFeeRate;
        b.fundingIntervalHours = fundingIntervalHours;
        b.holdingHours = holdingHours;
        b.volatility = volatility;
        b.probabilityHorizonHours = probabilityHorizonHours;
        return b;
    }

    /**
     * Equality compares decimals by value ({@code 0.10} equals {@code 0.1}).
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VenueParameters v)) {
            return false;
        }
        return Objects.equals(openedAt, v.openedAt) && same(liquidationFeeRate, v.liquidationFeeRate)
                && same(initialMarginRate, v.initialMarginRate) && same(imrSlope, v.imrSlope)
                && same(mmrSlope, v.mmrSlope) && same(riskLimit, v.riskLimit) && same(imf, v.imf)
                && same(mmf, v.mmf) && same(openInterestNotional, v.openInterestNotional)
                && same(oiLowerCap, v.oiLowerCap) && same(oiUpperCap, v.oiUpperCap) && mmValuation == v.mmValuation
                && same(fundingRate, v.fundingRate) && includeFundingReserve == v.includeFundingReserve
                && same(tickSize, v.tickSize) && same(makerFeeRate, v.makerFeeRate)
                && same(fundingIntervalHours, v.fundingIntervalHours) && same(holdingHours, v.holdingHours)
                && same(volatility, v.volatility) && same(probabilityHorizonHours, v.probabilityHorizonHours);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(openedAt, mmValuation, includeFundingReserve);
    }

    /** Where a venue values maintenance margin (workspace {@code mmValuation}). */
    public enum MmValuation {
        /** At the entry price (templates L-E, I-E). */
        ENTRY,
        /** At the liquidation price (templates L-P, I-P). */
        LIQUIDATION;

        /**
         * @param text  {@code entry} or {@code liquidation}, case-insensitive
         * @return the valuation, never null
         * @throws ValidationException ({@code mmValuation}) for any other text
         */
        public static MmValuation parse(String text) {
            if (text != null) {
                switch (text.trim().toLowerCase(Locale.ROOT)) {
                    case "entry": return ENTRY;
                    case "liquidation": return LIQUIDATION;
                    default: break;
                }
            }
            throw new ValidationException("mmValuation", "must be entry or liquidation", text);
        }

        /** @return the workspace spelling */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private Instant openedAt;
        private BigDecimal liquidationFeeRate;
        private BigDecimal initialMarginRate;
        private BigDecimal imrSlope;
        private BigDecimal mmrSlope;
        private BigDecimal riskLimit;
        private BigDecimal imf;
        private BigDecimal mmf;
        private BigDecimal openInterestNotional;
        private BigDecimal oiLowerCap;
        private BigDecimal oiUpperCap;
        private MmValuation mmValuation;
        private BigDecimal fundingRate;
        private boolean includeFundingReserve;
        private BigDecimal tickSize;
        private BigDecimal makerFeeRate;
        private BigDecimal fundingIntervalHours;
        private BigDecimal holdingHours;
        private BigDecimal volatility;
        private BigDecimal probabilityHorizonHours;

        private Builder() {
        }

        /** @param v opening time or null @return this */
        public Builder openedAt(Instant v) { openedAt = v; return this; }
        /** @param v liquidation-fee rate or null @return this */
        public Builder liquidationFeeRate(BigDecimal v) { liquidationFeeRate = v; return this; }
        /** @param v base initial margin rate or null @return this */
        public Builder initialMarginRate(BigDecimal v) { initialMarginRate = v; return this; }
        /** @param v initial margin rate slope or null @return this */
        public Builder imrSlope(BigDecimal v) { imrSlope = v; return this; }
        /** @param v maintenance margin rate slope or null @return this */
        public Builder mmrSlope(BigDecimal v) { mmrSlope = v; return this; }
        /** @param v risk limit or null @return this */
        public Builder riskLimit(BigDecimal v) { riskLimit = v; return this; }
        /** @param v dYdX IMF or null @return this */
        public Builder imf(BigDecimal v) { imf = v; return this; }
        /** @param v dYdX MMF or null @return this */
        public Builder mmf(BigDecimal v) { mmf = v; return this; }
        /** @param v dYdX open-interest notional or null @return this */
        public Builder openInterestNotional(BigDecimal v) { openInterestNotional = v; return this; }
        /** @param v dYdX lower cap or null @return this */
        public Builder oiLowerCap(BigDecimal v) { oiLowerCap = v; return this; }
        /** @param v dYdX upper cap or null @return this */
        public Builder oiUpperCap(BigDecimal v) { oiUpperCap = v; return this; }
        /** @param v maintenance valuation override or null @return this */
        public Builder mmValuation(MmValuation v) { mmValuation = v; return this; }
        /** @param v funding rate of the interval or null @return this */
        public Builder fundingRate(BigDecimal v) { fundingRate = v; return this; }
        /** @param v BitMEX funding reserve option @return this */
        public Builder includeFundingReserve(boolean v) { includeFundingReserve = v; return this; }
        /** @param v price tick or null @return this */
        public Builder tickSize(BigDecimal v) { tickSize = v; return this; }
        /** @param v maker fee rate or null @return this */
        public Builder makerFeeRate(BigDecimal v) { makerFeeRate = v; return this; }
        /** @param v funding interval in hours or null @return this */
        public Builder fundingIntervalHours(BigDecimal v) { fundingIntervalHours = v; return this; }
        /** @param v holding time in hours or null @return this */
        public Builder holdingHours(BigDecimal v) { holdingHours = v; return this; }
        /** @param v annualised volatility or null @return this */
        public Builder volatility(BigDecimal v) { volatility = v; return this; }
        /** @param v probability horizon in hours or null @return this */
        public Builder probabilityHorizonHours(BigDecimal v) { probabilityHorizonHours = v; return this; }

        /**
         * @return the validated parameters
         * @throws ValidationException naming the first invalid field
         */
        public VenueParameters build() {
            return new VenueParameters(openedAt, liquidationFeeRate, initialMarginRate, imrSlope, mmrSlope, riskLimit,
                    imf, mmf, openInterestNotional, oiLowerCap, oiUpperCap, mmValuation, fundingRate,
                    includeFundingReserve, tickSize, makerFeeRate, fundingIntervalHours, holdingHours, volatility,
                    probabilityHorizonHours);
        }
    }
}
