package org.marginlab.engine.sizing;

import java.math.BigDecimal;
import java.math.MathContext;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;

/**
 * Trading fees, funding and the break-even price, the same for every venue (spec venues-v2.md
 * §10.1, §10.3). Which of these a venue puts into margin or the liquidation price is the venue
 * rule set's business (§10.2); these are the amounts themselves.
 *
 * <p>Units and signs: {@code s} = +1 long, −1 short. {@code quantity} is the absolute size in
 * base units or contracts and {@code contractSize} the base units per unit (linear, and quanto
 * with {@code k} = the multiplier) or USD per contract (inverse), so the linear size is
 * {@code |Q|·k} and the inverse face {@code N = |Q|·CS} (USD). Prices in quote per base. Amounts
 * in the settlement currency: quote (linear), the settlement coin (quanto), coin (inverse). Fee
 * and funding rates are fractions in (−1, 1) (a negative fee rate is a maker rebate; a positive
 * funding rate means longs pay). Exact where no division is needed; otherwise one division in
 * {@link MathContext#DECIMAL128}. Stateless and thread-safe.
 */
public final class Costs {
    private static final MathContext MC = MathContext.DECIMAL128;

    private Costs() {
    }

    /**
     * The fee of a fill (§10.1): linear {@code |Q|·k·P·f}, inverse {@code N/P·f}.
     *
     * @param contract      linear, quanto or inverse, not null
     * @param quantity      absolute size of the fill, &gt; 0, not null
     * @param contractSize  &gt; 0, not null
     * @param fillPrice     &gt; 0, not null
     * @param feeRate       the fee rate, in (−1, 1), not null
     * @return the fee, settlement currency; positive is paid, negative a rebate; never null
     * @throws ValidationException naming a missing or out-of-range value
     */
    public static BigDecimal fee(ContractType contract, BigDecimal quantity, BigDecimal contractSize,
            BigDecimal fillPrice, BigDecimal feeRate) {
        Checks.notNull(contract, "contract");
        BigDecimal size = size(quantity, contractSize);
        Checks.positive(fillPrice, "fillPrice");
        rate(feeRate, "feeRate");
        return contract.isInverse() ? size.multiply(feeRate).divide(fillPrice, MC) : size.multiply(fillPrice).multiply(feeRate);
    }

    /**
     * The fee to close a venue reserves in margin (§10.1): linear {@code |Q|·k·BP·f_t}, inverse
     * {@code N/BP·f_t}, with {@code BP} the bankruptcy price from the entry at the order's
     * leverage ({@code EP·(1 − s/lev)} linear, {@code EP/(1 + s/lev)} inverse), as Bybit's
     * order-cost text and Phemex's {@code valueToCost} do. Where that price is not positive (a
     * linear long or inverse short at leverage ≤ 1) the value closed there is 0, and so is the
     * fee.
     *
     * @param contract      linear, quanto or inverse, not null
     * @param side          long or short, not null
     * @param quantity      &gt; 0, not null
     * @param contractSize  &gt; 0, not null
     * @param entryPrice    &gt; 0, not null
     * @param leverage      &gt; 0, not null
     * @param takerFeeRate  {@code f_t}, in (−1, 1), not null
     * @return the fee to close, settlement currency; never null
     * @throws ValidationException naming a missing or out-of-range value
     */
    public static BigDecimal feeToClose(ContractType contract, Side side, BigDecimal quantity, BigDecimal contractSize,
            BigDecimal entryPrice, BigDecimal leverage, BigDecimal takerFeeRate) {
        Checks.notNull(contract, "contract");
        Checks.notNull(side, "side");
        BigDecimal size = size(quantity, contractSize);
        Checks.positive(entryPrice, "entryPrice");
        Checks.positive(leverage, "leverage");
        rate(takerFeeRate, "takerFeeRate");
        // 1 − s/lev (linear) or 1 + s/lev (inverse), as (lev ∓ s)/lev
        BigDecimal s = side.signDecimal();
        BigDecimal factor = contract.isInverse() ? leverage.add(s) : leverage.subtract(s);
        if (factor.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        if (contract.isInverse()) {
            // N/BP = N·(1 + s/lev)/EP
            return size.multiply(factor).multiply(takerFeeRate).divide(entryPrice.multiply(leverage), MC);
        }
        return size.multiply(entryPrice).multiply(factor).multiply(takerFeeRate).divide(leverage, MC);
    }

    /**
     * One funding payment (§10.1): linear {@code s·|Q|·k·P_f·r}, inverse {@code s·N/P_f·r},
     * {@code P_f} the venue's funding price (mark, fair or oracle price).
     *
     * @param contract      linear, quanto or inverse, not null
     * @param side          long or short, not null
     * @param quantity      &gt; 0, not null
     * @param contractSize  &gt; 0, not null
     * @param fundingPrice  &gt; 0, not null
     * @param fundingRate   {@code r} of the interval, in (−1, 1), positive when longs pay, not null
     * @return the payment, settlement currency: positive paid by the position, negative received;
     *         never null
     * @throws ValidationException naming a missing or out-of-range value
     */
    public static BigDecimal fundingPayment(ContractType contract, Side side, BigDecimal quantity,
            BigDecimal contractSize, BigDecimal fundingPrice, BigDecimal fundingRate) {
        Checks.notNull(contract, "contract");
        Checks.notNull(side, "side");
        BigDecimal size = size(quantity, contractSize);
        Checks.positive(fundingPrice, "fundingPrice");
        rate(fundingRate, "fundingRate");
        BigDecimal signed = side.signDecimal().multiply(size).multiply(fundingRate);
        return contract.isInverse() ? signed.divide(fundingPrice, MC) : signed.multiply(fundingPrice);
    }

    /**
     * The break-even exit price (§10.3, derived): where PnL − open fee − close fee − funding paid
     * = 0.
     * <pre>
     * linear   BE = (|Q|·k·EP·(1 + s·f_open) + s·F) / (|Q|·k·(1 − s·f_close))
     * inverse  BE = N·(1 + s·f_close) / (N/EP·(1 − s·f_open) − s·F)
     * </pre>
     * A long without funding: {@code EP·(1 + f_open)/(1 − f_close)}. Fees are included and
     * funding is a separate input, as spec §10.3 decides (uncertain, spec §14 #18: Binance's FAQ
     * versions disagree on including fees).
     *
     * @param contract      linear, quanto or inverse, not null
     * @param side          long or short, not null
     * @param quantity      &gt; 0, not null
     * @param contractSize  &gt; 0, not null
     * @param entryPrice    &gt; 0, not null
     * @param openFeeRate   {@code f_open}, in (−1, 1), not null
     * @param closeFeeRate  {@code f_close}, in (−1, 1), not null
     * @param fundingPaid   {@code F}, funding paid so far, settlement currency (negative:
     *                      received), not null (0 for none)
     * @return the break-even price, quote per base, &gt; 0; never null
     * @throws ValidationException naming a missing or out-of-range value; ({@code fundingPaid})
     *         if no positive price breaks even (funding received covers any loss, or funding paid
     *         exceeds any inverse gain)
     */
    public static BigDecimal breakEvenPrice(ContractType contract, Side side, BigDecimal quantity,
            BigDecimal contractSize, BigDecimal entryPrice, BigDecimal openFeeRate, BigDecimal closeFeeRate,
            BigDecimal fundingPaid) {
        Checks.notNull(contract, "contract");
        Checks.notNull(side, "side");
        BigDecimal size = size(quantity, contractSize);
        Checks.positive(entryPrice, "entryPrice");
        rate(openFeeRate, "openFeeRate");
        rate(closeFeeRate, "closeFeeRate");
        Checks.notNull(fundingPaid, "fundingPaid");
        BigDecimal s = side.signDecimal();
        BigDecimal numerator;
        BigDecimal denominator;
        if (contract.isInverse()) {
            // N·(1 + s·f_c) / (N·(1 − s·f_o)/EP − s·F), as N·(1 + s·f_c)·EP / (N·(1 − s·f_o) − s·F·EP)
            numerator = size.multiply(BigDecimal.ONE.add(s.multiply(closeFeeRate))).multiply(entryPrice);
            denominator = size.multiply(BigDecimal.ONE.subtract(s.multiply(openFeeRate)))
                    .subtract(s.multiply(fundingPaid).multiply(entryPrice));
        } else {
            numerator = size.multiply(entryPrice).multiply(BigDecimal.ONE.add(s.multiply(openFeeRate)))
                    .add(s.multiply(fundingPaid));
            denominator = size.multiply(BigDecimal.ONE.subtract(s.multiply(closeFeeRate)));
        }
        if (numerator.signum() <= 0 || denominator.signum() <= 0) {
            throw new ValidationException("fundingPaid", "leaves no positive break-even price for this "
                    + side.id() + " (" + contract.id() + ")", fundingPaid);
        }
        return numerator.divide(denominator, MC);
    }

    private static BigDecimal size(BigDecimal quantity, BigDecimal contractSize) {
        return Checks.positive(quantity, "quantity").multiply(Checks.positive(contractSize, "contractSize"));
    }

    private static void rate(BigDecimal rate, String field) {
        Checks.notNull(rate, field);
        if (rate.abs().compareTo(BigDecimal.ONE) >= 0) {
            throw new ValidationException(field, "must be between -1 and 1 (a fraction, 0.0005 = 0.05 %)", rate);
        }
    }
}
