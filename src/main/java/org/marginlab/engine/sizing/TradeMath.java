package org.marginlab.engine.sizing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;

/**
 * Trade arithmetic that does not depend on a venue's margin rules: the average entry price of
 * several fills and the exit price that reaches a target return on equity (the "futures
 * calculator" of spec margin-formulas.md §1.4).
 *
 * <p>Units and conventions (spec margin-formulas.md §0): quantities are absolute sizes in base
 * units (linear) or contracts (inverse); prices in quote per base; leverage a multiple;
 * {@code roe} a fraction of the initial margin (1 = +100 %, −0.5 = −50 %); the side's sign
 * {@code s} is +1 long, −1 short. All arithmetic is {@code BigDecimal}; the single division of
 * each result uses {@link MathContext#DECIMAL128}, intermediate sums are kept to
 * {@value #WORKING_DIGITS} significant digits, so results are exact whenever the exact result
 * fits in 34 digits (e.g. 12000, not 11999.99…).
 *
 * <p>Stateless and thread-safe.
 */
public final class TradeMath {
    /** Significant digits kept in the intermediate sums of the harmonic mean. */
    static final int WORKING_DIGITS = 100;
    private static final MathContext WORKING = new MathContext(WORKING_DIGITS);

    private TradeMath() {
    }

    /**
     * Average entry price of a position built from several fills on the same side.
     * <ul>
     *   <li>Linear: the quantity-weighted arithmetic mean {@code Σ(q_i·p_i) / Σq_i}.</li>
     *   <li>Inverse: the harmonic mean {@code Σq_i / Σ(q_i/p_i)}, because an inverse contract's
     *       value in coin is {@code q·CS/p} (the contract size cancels).</li>
     * </ul>
     * Source: Bybit "How to Calculate Average Entry Price" (spec margin-formulas.md §2.7; Binance
     * publishes no formula and the spec adopts Bybit's for both, §1.4).
     *
     * @param contract  linear or inverse, not null
     * @param fills     the fills, at least one, none null
     * @return the average entry price, quote per base, &gt; 0; never null
     * @throws ValidationException ({@code contract}) if the contract type is missing,
     *         ({@code fills}) if there is no fill, ({@code fills[i]}) if a fill is missing
     */
    public static BigDecimal averageEntryPrice(ContractType contract, List<Fill> fills) {
        Checks.notNull(contract, "contract");
        BigDecimal quantity = totalQuantity(fills);
        if (contract == ContractType.LINEAR) {
            BigDecimal value = BigDecimal.ZERO;
            for (Fill f : fills) {
                value = value.add(f.quantity().multiply(f.price()));
            }
            return value.divide(quantity, MathContext.DECIMAL128);
        }
        // Σ(q_i/p_i) kept as one fraction num/den, so that the result has a single rounding.
        BigDecimal num = BigDecimal.ZERO;
        BigDecimal den = BigDecimal.ONE;
        for (Fill f : fills) {
            num = num.multiply(f.price(), WORKING).add(f.quantity().multiply(den, WORKING), WORKING);
            den = den.multiply(f.price(), WORKING);
        }
        // Σq / (num/den) = Σq·den / num
        return quantity.multiply(den, WORKING).divide(num, MathContext.DECIMAL128);
    }

    /**
     * Total quantity of the fills, {@code Σq_i}, the size of the resulting position.
     *
     * @param fills  the fills, at least one, none null
     * @return the sum, base units or contracts, &gt; 0; never null
     * @throws ValidationException ({@code fills}) if there is no fill, ({@code fills[i]}) if a
     *         fill is missing
     */
    public static BigDecimal totalQuantity(List<Fill> fills) {
        Checks.notNull(fills, "fills");
        if (fills.isEmpty()) {
            throw new ValidationException("fills", "must contain at least one fill", "none");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < fills.size(); i++) {
            Fill f = fills.get(i);
            if (f == null) {
                throw new ValidationException("fills[" + i + "]", "is required", null);
            }
            sum = sum.add(f.quantity());
        }
        return sum;
    }

    /**
     * The exit price at which the return on equity {@code PnL / IM} equals {@code roe}
     * (Binance futures calculator, spec margin-formulas.md §1.4).
     * <ul>
     *   <li>Linear: long {@code EP·(1 + ROE/lev)}, short {@code EP·(1 − ROE/lev)}, computed as
     *       {@code EP·(lev + s·ROE)/lev}.</li>
     *   <li>Inverse: {@code s·EP/(s − ROE/lev)}, computed as {@code EP·lev/(lev − s·ROE)}.</li>
     * </ul>
     * The result does not depend on the quantity or the contract size.
     *
     * @param contract    linear or inverse, not null
     * @param side        long or short, not null
     * @param entryPrice  entry price, quote per base, &gt; 0, not null
     * @param leverage    leverage, &gt; 0, not null
     * @param roe         target return on equity as a fraction (1 = +100 %), not null
     * @return the target exit price, quote per base, &gt; 0; never null
     * @throws ValidationException ({@code contract}, {@code side}, {@code entryPrice},
     *         {@code leverage}) if a value is missing or not positive; ({@code roe}) if no
     *         positive price reaches it: linear long {@code roe ≤ −lev}, linear short
     *         {@code roe ≥ lev}, inverse long {@code roe ≥ lev}, inverse short {@code roe ≤ −lev}
     */
    public static BigDecimal targetPrice(ContractType contract, Side side, BigDecimal entryPrice, BigDecimal leverage,
            BigDecimal roe) {
        Checks.notNull(contract, "contract");
        Checks.notNull(side, "side");
        Checks.positive(entryPrice, "entryPrice");
        Checks.positive(leverage, "leverage");
        Checks.notNull(roe, "roe");
        BigDecimal signedRoe = roe.multiply(side.signDecimal());
        String lev = leverage.stripTrailingZeros().toPlainString();
        if (contract == ContractType.LINEAR) {
            BigDecimal factor = leverage.add(signedRoe);
            if (factor.signum() <= 0) {
                throw new ValidationException("roe", side == Side.LONG
                        ? "must be > -" + lev + " (minus the leverage) for a linear long: the price would be ≤ 0"
                        : "must be < " + lev + " (the leverage) for a linear short: the price would be ≤ 0", roe);
            }
            return entryPrice.multiply(factor).divide(leverage, MathContext.DECIMAL128);
        }
        BigDecimal denominator = leverage.subtract(signedRoe);
        if (denominator.signum() <= 0) {
            throw new ValidationException("roe", side == Side.LONG
                    ? "must be < " + lev + " (the leverage) for an inverse long: no finite price reaches it"
                    : "must be > -" + lev + " (minus the leverage) for an inverse short: no finite price reaches it",
                    roe);
        }
        return entryPrice.multiply(leverage).divide(denominator, MathContext.DECIMAL128);
    }
}
