package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.math.MathContext;

import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;

/**
 * Bybit's legacy inverse-contract <em>cross</em>-margin bankruptcy and liquidation prices, which
 * put the taker fee into the equations (spec margin-formulas.md §2.3). The v1 rule set
 * {@code bybit-inverse} cannot express them: it has no fee term and values maintenance margin
 * on the isolated UTA basis.
 *
 * <p>Source: Bybit help (legacy) "How to calculate Liquidation Price (Inverse Contract)", section
 * "Cross Margin Mode", https://help.bybit.com/hc/en-us/articles/360039261334, and "What is
 * Bankruptcy Price? (Inverse Contract)" (cross margin bankruptcy price, long and short). The
 * equations are implemented exactly as the help page writes them:
 * <ul>
 *   <li>bankruptcy price, long: {@code BP = (1 + taker)·Q / (Q/EP + available)};</li>
 *   <li>bankruptcy price, short: {@code BP = (1 − taker)·Q / (Q/EP − available)};</li>
 *   <li>liquidation price, long: solves
 *       {@code Q·(1/EP − 1/LP) = −(balance − order margin − Q/EP·MMR − Q·taker/BP)};</li>
 *   <li>liquidation price, short: solves
 *       {@code Q·(1/LP − 1/EP) = −(balance − order margin − Q/EP·MMR − Q·taker/BP)}.</li>
 * </ul>
 * With {@code R = balance − order margin − Q/EP·MMR − Q·taker/BP} (coin) the closed forms are
 * {@code LP_long = Q/(Q/EP + R)} and {@code LP_short = Q/(Q/EP − R)}. {@code available} is the
 * account balance less the order margin, as in the page's worked example
 * ({@code Q/EP + (0.5 − 0)}).
 *
 * <p>Units: {@code Q} is the number of contracts, each worth 1 USD (Bybit inverse contract
 * size), so it is also the position's face value in USD; prices in USD per coin; balance,
 * order margin and {@code R} in coin (e.g. BTC); rates are fractions (0.00075 = 0.075 %). Sign
 * convention: there is one method per side; a long gains when the price rises. No rounding to a
 * tick: divisions in {@link MathContext#DECIMAL128}. The page's example (balance 0.5 BTC, long
 * 10,000 contracts at 8,000, MMR 0.5 %, taker 0.075 %) gives BP 5,718.57 and states LP 5,739.50;
 * solving its own equation gives 5,739.08 (spec §2.3: the printed value is off by 0.42).
 *
 * <p>Stateless and thread-safe.
 */
public final class BybitLegacyInverseCross {
    private static final MathContext MC = MathContext.DECIMAL128;

    private BybitLegacyInverseCross() {
    }

    /**
     * Cross bankruptcy price of a long: {@code (1 + taker)·Q / (Q/EP + (balance − orderMargin))}.
     *
     * @param contracts     {@code Q}, contracts of 1 USD, &gt; 0, not null
     * @param entryPrice    {@code EP}, average entry price, USD per coin, &gt; 0, not null
     * @param balance       account (cross wallet) balance, coin, ≥ 0, not null
     * @param orderMargin   margin held by open orders, coin, ≥ 0, not null
     * @param takerFeeRate  taker fee rate, a fraction in [0, 1), not null
     * @return the price in USD per coin, or null if the denominator is ≤ 0 (order margin above
     *         the balance by more than {@code Q/EP})
     * @throws ValidationException naming the first argument that breaks its rule
     */
    public static BigDecimal bankruptcyPriceLong(BigDecimal contracts, BigDecimal entryPrice, BigDecimal balance,
            BigDecimal orderMargin, BigDecimal takerFeeRate) {
        check(contracts, entryPrice, balance, orderMargin, takerFeeRate);
        BigDecimal denominator = value(contracts, entryPrice).add(balance.subtract(orderMargin));
        return positiveQuotient(BigDecimal.ONE.add(takerFeeRate).multiply(contracts), denominator);
    }

    /**
     * Cross bankruptcy price of a short: {@code (1 − taker)·Q / (Q/EP − (balance − orderMargin))}.
     *
     * @param contracts     {@code Q}, contracts of 1 USD, &gt; 0, not null
     * @param entryPrice    {@code EP}, USD per coin, &gt; 0, not null
     * @param balance       account balance, coin, ≥ 0, not null
     * @param orderMargin   margin held by open orders, coin, ≥ 0, not null
     * @param takerFeeRate  taker fee rate, a fraction in [0, 1), not null
     * @return the price in USD per coin, or null if the available balance covers a rise to any
     *         price ({@code Q/EP − available ≤ 0})
     * @throws ValidationException naming the first argument that breaks its rule
     */
    public static BigDecimal bankruptcyPriceShort(BigDecimal contracts, BigDecimal entryPrice, BigDecimal balance,
            BigDecimal orderMargin, BigDecimal takerFeeRate) {
        check(contracts, entryPrice, balance, orderMargin, takerFeeRate);
        BigDecimal denominator = value(contracts, entryPrice).subtract(balance.subtract(orderMargin));
        return positiveQuotient(BigDecimal.ONE.subtract(takerFeeRate).multiply(contracts), denominator);
    }

    /**
     * Cross liquidation price of a long with a given bankruptcy price (the page plugs in its
     * bankruptcy price as printed, 5,718.57): {@code LP = Q/(Q/EP + R)},
     * {@code R = balance − orderMargin − Q/EP·MMR − Q·taker/BP}.
     *
     * @param contracts        {@code Q}, contracts of 1 USD, &gt; 0, not null
     * @param entryPrice       {@code EP}, USD per coin, &gt; 0, not null
     * @param balance          account balance, coin, ≥ 0, not null
     * @param orderMargin      margin held by open orders, coin, ≥ 0, not null
     * @param mmr              maintenance margin rate, a fraction in [0, 1), not null
     * @param takerFeeRate     taker fee rate, a fraction in [0, 1), not null
     * @param bankruptcyPrice  {@code BP}, USD per coin, &gt; 0, not null
     * @return the price in USD per coin, or null if {@code Q/EP + R ≤ 0}
     * @throws ValidationException naming the first argument that breaks its rule
     */
    public static BigDecimal liquidationPriceLong(BigDecimal contracts, BigDecimal entryPrice, BigDecimal balance,
            BigDecimal orderMargin, BigDecimal mmr, BigDecimal takerFeeRate, BigDecimal bankruptcyPrice) {
        BigDecimal r = remainder(contracts, entryPrice, balance, orderMargin, mmr, takerFeeRate, bankruptcyPrice);
        return positiveQuotient(contracts, value(contracts, entryPrice).add(r));
    }

    /**
     * Cross liquidation price of a long, with the bankruptcy price from
     * {@link #bankruptcyPriceLong} at full precision.
     *
     * @param contracts     {@code Q}, contracts of 1 USD, &gt; 0, not null
     * @param entryPrice    {@code EP}, USD per coin, &gt; 0, not null
     * @param balance       account balance, coin, ≥ 0, not null
     * @param orderMargin   margin held by open orders, coin, ≥ 0, not null
     * @param mmr           maintenance margin rate, a fraction in [0, 1), not null
     * @param takerFeeRate  taker fee rate, a fraction in [0, 1), not null
     * @return the price in USD per coin, or null if there is no positive bankruptcy or
     *         liquidation price
     * @throws ValidationException naming the first argument that breaks its rule
     */
    public static BigDecimal liquidationPriceLong(BigDecimal contracts, BigDecimal entryPrice, BigDecimal balance,
            BigDecimal orderMargin, BigDecimal mmr, BigDecimal takerFeeRate) {
        BigDecimal bp = bankruptcyPriceLong(contracts, entryPrice, balance, orderMargin, takerFeeRate);
        return bp == null ? null
                : liquidationPriceLong(contracts, entryPrice, balance, orderMargin, mmr, takerFeeRate, bp);
    }

    /**
     * Cross liquidation price of a short with a given bankruptcy price: {@code LP = Q/(Q/EP − R)},
     * {@code R = balance − orderMargin − Q/EP·MMR − Q·taker/BP}.
     *
     * @param contracts        {@code Q}, contracts of 1 USD, &gt; 0, not null
     * @param entryPrice       {@code EP}, USD per coin, &gt; 0, not null
     * @param balance          account balance, coin, ≥ 0, not null
     * @param orderMargin      margin held by open orders, coin, ≥ 0, not null
     * @param mmr              maintenance margin rate, a fraction in [0, 1), not null
     * @param takerFeeRate     taker fee rate, a fraction in [0, 1), not null
     * @param bankruptcyPrice  {@code BP}, USD per coin, &gt; 0, not null
     * @return the price in USD per coin, or null if {@code Q/EP − R ≤ 0} (the short cannot be
     *         liquidated at any price)
     * @throws ValidationException naming the first argument that breaks its rule
     */
    public static BigDecimal liquidationPriceShort(BigDecimal contracts, BigDecimal entryPrice, BigDecimal balance,
            BigDecimal orderMargin, BigDecimal mmr, BigDecimal takerFeeRate, BigDecimal bankruptcyPrice) {
        BigDecimal r = remainder(contracts, entryPrice, balance, orderMargin, mmr, takerFeeRate, bankruptcyPrice);
        return positiveQuotient(contracts, value(contracts, entryPrice).subtract(r));
    }

    /**
     * Cross liquidation price of a short, with the bankruptcy price from
     * {@link #bankruptcyPriceShort} at full precision.
     *
     * @param contracts     {@code Q}, contracts of 1 USD, &gt; 0, not null
     * @param entryPrice    {@code EP}, USD per coin, &gt; 0, not null
     * @param balance       account balance, coin, ≥ 0, not null
     * @param orderMargin   margin held by open orders, coin, ≥ 0, not null
     * @param mmr           maintenance margin rate, a fraction in [0, 1), not null
     * @param takerFeeRate  taker fee rate, a fraction in [0, 1), not null
     * @return the price in USD per coin, or null if there is no positive bankruptcy or
     *         liquidation price
     * @throws ValidationException naming the first argument that breaks its rule
     */
    public static BigDecimal liquidationPriceShort(BigDecimal contracts, BigDecimal entryPrice, BigDecimal balance,
            BigDecimal orderMargin, BigDecimal mmr, BigDecimal takerFeeRate) {
        BigDecimal bp = bankruptcyPriceShort(contracts, entryPrice, balance, orderMargin, takerFeeRate);
        return bp == null ? null
                : liquidationPriceShort(contracts, entryPrice, balance, orderMargin, mmr, takerFeeRate, bp);
    }

    /** {@code R = balance − orderMargin − Q/EP·MMR − Q·taker/BP}, coin. */
    private static BigDecimal remainder(BigDecimal contracts, BigDecimal entryPrice, BigDecimal balance,
            BigDecimal orderMargin, BigDecimal mmr, BigDecimal takerFeeRate, BigDecimal bankruptcyPrice) {
        check(contracts, entryPrice, balance, orderMargin, takerFeeRate);
        Checks.fraction(mmr, "mmr");
        Checks.positive(bankruptcyPrice, "bankruptcyPrice");
        BigDecimal maintenance = value(contracts, entryPrice).multiply(mmr);
        BigDecimal closeFee = contracts.multiply(takerFeeRate).divide(bankruptcyPrice, MC);
        return balance.subtract(orderMargin).subtract(maintenance).subtract(closeFee);
    }

    private static void check(BigDecimal contracts, BigDecimal entryPrice, BigDecimal balance,
            BigDecimal orderMargin, BigDecimal takerFeeRate) {
        Checks.positive(contracts, "contracts");
        Checks.positive(entryPrice, "entryPrice");
        Checks.notNegative(balance, "balance");
        Checks.notNegative(orderMargin, "orderMargin");
        Checks.fraction(takerFeeRate, "takerFeeRate");
    }

    /** Position value at entry, {@code Q/EP}, coin. */
    private static BigDecimal value(BigDecimal contracts, BigDecimal entryPrice) {
        return contracts.divide(entryPrice, MC);
    }

    private static BigDecimal positiveQuotient(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() <= 0) {
            return null;
        }
        BigDecimal price = numerator.divide(denominator, MC);
        return price.signum() > 0 ? price : null;
    }
}
