package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;

/**
 * KuCoin cross margin figures (spec venues-v2.md §2.5, KuCoin help "Risk Rate of Cross Margin
 * Mode" and "Liquidation Price in Cross Margin Mode") that take inputs a workspace position does
 * not carry (open orders) or that a test wants on their own. {@link KucoinRules} uses the same
 * formulas for cross positions.
 *
 * <ul>
 *   <li>Risk rate <b>[A] text, derived example</b>:
 *       {@code (Σ MM of positions + Σ MM of open orders if filled + expected closing fees)
 *       / (total cross margin − expected opening fees)}, MM and fees valued at the mark
 *       (orders at their price); closing fees {@code f_t·}(positions' value + orders' value),
 *       opening fees {@code f_t·}orders' value. Orders are cancelled at ≥ 95 %, positions
 *       liquidated at ≥ 100 %.</li>
 *   <li>Allocated margin ratio {@code AMR = total cross margin / Σ|MV_i|} (total cross margin
 *       includes unrealized PnL; {@code MV_i} the signed mark value).</li>
 *   <li>Reference liquidation price, linear {@code MP·(1 − s·AMR)/(1 − s·(MMR + f_t))};
 *       inverse {@code MP·(1 + s·(MMR + f_t))/(1 + s·AMR)}, s = +1 long. Uncertain (spec §14
 *       #2): the printed inverse formula read left to right implies a negative maintenance
 *       margin; followed: the reading above. KuCoin calls the price "only a reference".</li>
 * </ul>
 * Amounts in the settlement currency (USDT, or the coin for coin-M); rates are fractions.
 */
public final class KucoinCross {
    private static final MathContext MC = MathContext.DECIMAL128;

    private KucoinCross() {
    }

    /**
     * A position or an open order in the risk rate.
     *
     * @param value  its value, ≥ 0: {@code lots·multiplier·mark} for a position,
     *               {@code lots·multiplier·price} for an order (linear, quote), or the coin value
     *               (inverse)
     * @param mmr    its maintenance margin rate, a fraction
     */
    public record Item(BigDecimal value, BigDecimal mmr) {
        /** @throws ValidationException if a value is missing, the value negative or the rate not a fraction */
        public Item {
            Checks.notNegative(value, "value");
            Checks.fraction(mmr, "mmr");
        }
    }

    /**
     * @param numerator    Σ MM + expected closing fees
     * @param denominator  total cross margin − expected opening fees
     * @param rate         numerator / denominator, or null when the denominator is ≤ 0
     */
    public record RiskRate(BigDecimal numerator, BigDecimal denominator, BigDecimal rate) {
    }

    /**
     * @param totalCrossMargin  cross wallet + cross unrealized PnL, settlement currency
     * @param positions         the cross positions, not null
     * @param openOrders        the open orders (may be empty), not null
     * @param takerFeeRate      {@code f_t}, a fraction
     * @return the risk rate and its terms
     * @throws ValidationException naming the missing or invalid input
     */
    public static RiskRate riskRate(BigDecimal totalCrossMargin, List<Item> positions, List<Item> openOrders,
            BigDecimal takerFeeRate) {
        Checks.notNull(totalCrossMargin, "totalCrossMargin");
        Checks.notNull(positions, "positions");
        Checks.notNull(openOrders, "openOrders");
        Checks.fraction(takerFeeRate, "takerFeeRate");
        BigDecimal maintenance = BigDecimal.ZERO;
        BigDecimal positionValue = BigDecimal.ZERO;
        for (Item i : positions) {
            maintenance = maintenance.add(i.value().multiply(i.mmr()));
            positionValue = positionValue.add(i.value());
        }
        BigDecimal orderValue = BigDecimal.ZERO;
        for (Item i : openOrders) {
            maintenance = maintenance.add(i.value().multiply(i.mmr()));
            orderValue = orderValue.add(i.value());
        }
        BigDecimal numerator = maintenance.add(positionValue.add(orderValue).multiply(takerFeeRate));
        BigDecimal denominator = totalCrossMargin.subtract(orderValue.multiply(takerFeeRate));
        return new RiskRate(numerator, denominator,
                denominator.signum() > 0 ? numerator.divide(denominator, MC) : null);
    }

    /**
     * @param totalCrossMargin  cross wallet + cross unrealized PnL
     * @param sumAbsMarkValue   {@code Σ|MV_i|} over the cross positions, &gt; 0
     * @return {@code AMR}
     * @throws ValidationException ({@code sumAbsMarkValue}) if it is not positive
     */
    public static BigDecimal allocatedMarginRatio(BigDecimal totalCrossMargin, BigDecimal sumAbsMarkValue) {
        Checks.notNull(totalCrossMargin, "totalCrossMargin");
        Checks.positive(sumAbsMarkValue, "sumAbsMarkValue");
        return totalCrossMargin.divide(sumAbsMarkValue, MC);
    }

    /**
     * KuCoin's reference cross liquidation price of one position.
     *
     * @param inverse       whether the contract is coin-M (reverse)
     * @param side          long or short
     * @param markPrice     the mark price, &gt; 0
     * @param amr           {@link #allocatedMarginRatio}
     * @param mmr           the position's maintenance margin rate
     * @param takerFeeRate  {@code f_t}
     * @return the price, or null when it is not positive (no liquidation at any positive price)
     */
    public static BigDecimal referenceLiquidationPrice(boolean inverse, Side side, BigDecimal markPrice,
            BigDecimal amr, BigDecimal mmr, BigDecimal takerFeeRate) {
        Checks.notNull(side, "side");
        Checks.positive(markPrice, "markPrice");
        Checks.notNull(amr, "amr");
        Checks.fraction(mmr, "mmr");
        Checks.fraction(takerFeeRate, "takerFeeRate");
        BigDecimal s = side.signDecimal();
        BigDecimal rate = mmr.add(takerFeeRate);
        BigDecimal numerator;
        BigDecimal denominator;
        if (inverse) {
            numerator = markPrice.multiply(BigDecimal.ONE.add(s.multiply(rate)));
            denominator = BigDecimal.ONE.add(s.multiply(amr));
        } else {
            numerator = markPrice.multiply(BigDecimal.ONE.subtract(s.multiply(amr)));
            denominator = BigDecimal.ONE.subtract(s.multiply(rate));
        }
        if (numerator.signum() <= 0 || denominator.signum() <= 0) {
            return null;
        }
        return numerator.divide(denominator, MC);
    }
}
