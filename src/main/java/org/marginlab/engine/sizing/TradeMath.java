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
 * several fills, the initial margin, PnL and return on equity at an exit price, and the exit
 * price that reaches a target return on equity (the "futures calculator" of spec
 * margin-formulas.md §1.4). Order cost and max open size are in {@link OrderMath}; position size
 * from a stop and a risk amount in {@link StopLossSizer}.
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
        if (!contract.isInverse()) {
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
     * Initial margin of a position at a price (Binance futures calculator, spec
     * margin-formulas.md §1.4; {@code IMR = 1/lev}):
     * <ul>
     *   <li>Linear: {@code IM = Q·CS·P/lev}, quote.</li>
     *   <li>Inverse: {@code IM = Q·CS/(P·lev)}, coin.</li>
     * </ul>
     * With {@code P} the entry price this is the calculator's initial margin, the denominator of
     * {@link #roe}.
     *
     * @param contract      linear or inverse, not null
     * @param quantity      absolute size, base units (linear) or contracts (inverse), &gt; 0, not null
     * @param contractSize  base units per unit of quantity (linear, usually 1) or quote per
     *                      contract (inverse, e.g. 100 USD), &gt; 0, not null
     * @param price         the price the margin is taken at, quote per base, &gt; 0, not null
     * @param leverage      leverage, &gt; 0, not null
     * @return the initial margin, settlement currency (quote linear, coin inverse), &gt; 0;
     *         one division in {@link MathContext#DECIMAL128}; never null
     * @throws ValidationException ({@code contract}, {@code quantity}, {@code contractSize},
     *         {@code price}, {@code leverage}) if a value is missing or not positive
     */
    public static BigDecimal initialMargin(ContractType contract, BigDecimal quantity, BigDecimal contractSize,
            BigDecimal price, BigDecimal leverage) {
        Checks.notNull(contract, "contract");
        BigDecimal size = Checks.positive(quantity, "quantity").multiply(Checks.positive(contractSize, "contractSize"));
        Checks.positive(price, "price");
        Checks.positive(leverage, "leverage");
        if (!contract.isInverse()) {
            return size.multiply(price).divide(leverage, MathContext.DECIMAL128);
        }
        return size.divide(price.multiply(leverage), MathContext.DECIMAL128);
    }

    /**
     * Profit or loss of a position closed at an exit price (spec margin-formulas.md §0, §1.4):
     * <ul>
     *   <li>Linear: {@code PnL = s·Q·CS·(exit − EP)}, quote, exact (no division).</li>
     *   <li>Inverse: {@code PnL = s·Q·CS·(1/EP − 1/exit)}, coin, computed as the single division
     *       {@code s·Q·CS·(exit − EP)/(EP·exit)}.</li>
     * </ul>
     * Fees and funding are not included.
     *
     * @param contract      linear or inverse, not null
     * @param side          long ({@code s = +1}) or short ({@code s = −1}), not null
     * @param quantity      absolute size, base units or contracts, &gt; 0, not null
     * @param contractSize  base units per unit (linear) or quote per contract (inverse), &gt; 0, not null
     * @param entryPrice    average entry price, quote per base, &gt; 0, not null
     * @param exitPrice     exit price, quote per base, &gt; 0, not null
     * @return the PnL, settlement currency; positive is a gain, negative a loss; exact for
     *         linear, {@link MathContext#DECIMAL128} for inverse; never null
     * @throws ValidationException ({@code contract}, {@code side}, {@code quantity},
     *         {@code contractSize}, {@code entryPrice}, {@code exitPrice}) if a value is missing
     *         or not positive
     */
    public static BigDecimal pnl(ContractType contract, Side side, BigDecimal quantity, BigDecimal contractSize,
            BigDecimal entryPrice, BigDecimal exitPrice) {
        Checks.notNull(contract, "contract");
        Checks.notNull(side, "side");
        BigDecimal size = Checks.positive(quantity, "quantity").multiply(Checks.positive(contractSize, "contractSize"));
        Checks.positive(entryPrice, "entryPrice");
        Checks.positive(exitPrice, "exitPrice");
        BigDecimal move = side.signDecimal().multiply(size).multiply(exitPrice.subtract(entryPrice));
        if (!contract.isInverse()) {
            return move;
        }
        return move.divide(entryPrice.multiply(exitPrice), MathContext.DECIMAL128);
    }

    /**
     * Return on equity of a position closed at an exit price, {@code ROE = PnL / IM} with the
     * initial margin at entry (spec margin-formulas.md §1.4). The quantity and contract size
     * cancel:
     * <ul>
     *   <li>Linear: {@code ROE = s·(exit − EP)·lev/EP}.</li>
     *   <li>Inverse: {@code ROE = s·(1 − EP/exit)·lev = s·(exit − EP)·lev/exit}.</li>
     * </ul>
     * The FAQ's linear shorthand "ROI = side·(1 − exit/entry)/IMR" is wrong (§1.4) and is not
     * used.
     *
     * @param contract    linear or inverse, not null
     * @param side        long or short, not null
     * @param entryPrice  average entry price, quote per base, &gt; 0, not null
     * @param exitPrice   exit price, quote per base, &gt; 0, not null
     * @param leverage    leverage, &gt; 0, not null
     * @return the ROE as a fraction of the initial margin (1 = +100 %, −0.5 = −50 %); one
     *         division in {@link MathContext#DECIMAL128}; never null
     * @throws ValidationException ({@code contract}, {@code side}, {@code entryPrice},
     *         {@code exitPrice}, {@code leverage}) if a value is missing or not positive
     */
    public static BigDecimal roe(ContractType contract, Side side, BigDecimal entryPrice, BigDecimal exitPrice,
            BigDecimal leverage) {
        Checks.notNull(contract, "contract");
        Checks.notNull(side, "side");
        Checks.positive(entryPrice, "entryPrice");
        Checks.positive(exitPrice, "exitPrice");
        Checks.positive(leverage, "leverage");
        BigDecimal numerator = side.signDecimal().multiply(exitPrice.subtract(entryPrice)).multiply(leverage);
        return numerator.divide(!contract.isInverse() ? entryPrice : exitPrice, MathContext.DECIMAL128);
    }

    /**
     * The futures calculator's "PnL" tab in one call (spec margin-formulas.md §1.4): initial
     * margin at entry, PnL and ROE at an exit price; see {@link #initialMargin}, {@link #pnl}
     * and {@link #roe} for the formulas.
     *
     * @param contract      linear or inverse, not null
     * @param side          long or short, not null
     * @param quantity      absolute size, base units or contracts, &gt; 0, not null
     * @param contractSize  base units per unit (linear) or quote per contract (inverse), &gt; 0, not null
     * @param entryPrice    average entry price, quote per base, &gt; 0, not null
     * @param exitPrice     exit price, quote per base, &gt; 0, not null
     * @param leverage      leverage, &gt; 0, not null
     * @return the three figures, never null
     * @throws ValidationException naming the first missing or non-positive value
     */
    public static ExitOutcome exitOutcome(ContractType contract, Side side, BigDecimal quantity, BigDecimal contractSize,
            BigDecimal entryPrice, BigDecimal exitPrice, BigDecimal leverage) {
        BigDecimal pnl = pnl(contract, side, quantity, contractSize, entryPrice, exitPrice);
        Checks.positive(leverage, "leverage");
        return new ExitOutcome(initialMargin(contract, quantity, contractSize, entryPrice, leverage), pnl,
                roe(contract, side, entryPrice, exitPrice, leverage));
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
        if (!contract.isInverse()) {
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
