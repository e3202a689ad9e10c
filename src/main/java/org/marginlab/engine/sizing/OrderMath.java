package org.marginlab.engine.sizing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;

/**
 * Order arithmetic of linear (USDⓈ-M-style) contracts: the cost to open an order and the max
 * size a balance allows.
 *
 * <p>Units and conventions (spec margin-formulas.md §0): quantities in base units (for a
 * contract size other than 1, pass quantity × contract size); prices and amounts in quote;
 * leverage a multiple; {@code s} = +1 for a buy (long), −1 for a sell (short). The order price
 * of a limit order is its limit price; for a market order Binance assumes long
 * {@code ask1·(1 + 0.05 %)}, short {@code max(bid1, mark)} (§1.5, [B]); the caller supplies it.
 * Fees are not included.
 *
 * <p>Stateless and thread-safe.
 */
public final class OrderMath {
    /** Rounds a max quantity toward zero so that its cost never exceeds the balance. */
    private static final MathContext DOWN = new MathContext(34, RoundingMode.DOWN);

    private OrderMath() {
    }

    /**
     * Cost to open an order (Binance FAQ "How to Calculate Cost Required to Open a Position in
     * Perpetual Futures Contracts", spec margin-formulas.md §1.5, [A]):
     * {@code cost = IM + openLoss}, {@code IM = Q·orderPrice/lev},
     * {@code openLoss = Q·|min(0, s·(mark − orderPrice))|}. A buy above the mark, or a sell below
     * it, starts with that loss. Example: 1 BTC at 9,253.30, 20x, mark 9,259.84: IM 462.665; a
     * buy has open loss 0 (cost 462.665), a sell 6.54 (cost 469.205).
     *
     * @param side        buy (long) or sell (short), not null
     * @param quantity    order size, base units, &gt; 0, not null
     * @param orderPrice  order price, quote per base, &gt; 0, not null
     * @param markPrice   current mark price, quote per base, &gt; 0, not null
     * @param leverage    leverage, &gt; 0, not null
     * @return initial margin, open loss and cost, quote; one division in
     *         {@link MathContext#DECIMAL128} (the IM), the open loss exact; never null
     * @throws ValidationException ({@code side}, {@code quantity}, {@code orderPrice},
     *         {@code markPrice}, {@code leverage}) if a value is missing or not positive
     */
    public static OrderCost costToOpen(Side side, BigDecimal quantity, BigDecimal orderPrice, BigDecimal markPrice,
            BigDecimal leverage) {
        Checks.notNull(side, "side");
        Checks.positive(quantity, "quantity");
        Checks.positive(orderPrice, "orderPrice");
        Checks.positive(markPrice, "markPrice");
        Checks.positive(leverage, "leverage");
        BigDecimal im = quantity.multiply(orderPrice).divide(leverage, MathContext.DECIMAL128);
        BigDecimal openLoss = quantity.multiply(openLossPerUnit(side, orderPrice, markPrice));
        return new OrderCost(im, openLoss, im.add(openLoss));
    }

    /**
     * The largest quantity a new order can have for an available balance and a leverage (spec
     * margin-formulas.md §1.4 "Max Open"). <strong>This is the community-reported rule [C]</strong>
     * (dev.binance.vision thread 10415), not a formula Binance publishes: the cost to open
     * ({@link #costToOpen}) must not exceed the available balance,
     * {@code Q·(P/lev + max(0, s·(P − M))) ≤ balance}, so
     * <pre>{@code Q = balance / (P/lev + max(0, s·(P − M)))}</pre>
     * with {@code P} the order price and {@code M} the mark (long: open loss per unit
     * {@code max(0, P − M)}; short: {@code max(0, M − P)}). Long and short differ only through
     * the open loss.
     *
     * <p>With a tier table the notional is also capped at the chosen leverage: {@code Q·P} must
     * stay below the cap of the highest tier that allows the leverage (the tiers from the first
     * on whose max leverage is ≥ {@code lev}, or has none). The result is then
     * {@code min(balance bound, cap/P)}; see {@link MaxOpen.Limit#TIER_NOTIONAL_CAP} for the
     * exclusive cap. The cap applies to a new position on the symbol (an existing position's
     * notional is not subtracted).
     *
     * @param side              buy (long) or sell (short), not null
     * @param availableBalance  available balance for the order, quote, ≥ 0, not null
     * @param orderPrice        order price, quote per base, &gt; 0, not null
     * @param markPrice         current mark price, quote per base, &gt; 0, not null
     * @param leverage          leverage, &gt; 0, not null
     * @param tiers             the symbol's tier table for the notional cap, or null for none
     * @return the max quantity (base units, rounded toward zero to 34 significant digits, so its
     *         cost never exceeds the balance), its notional and what limits it; never null
     * @throws ValidationException ({@code side}, {@code availableBalance}, {@code orderPrice},
     *         {@code markPrice}, {@code leverage}) if a value is missing or out of range;
     *         ({@code leverage}) if it exceeds the first tier's max leverage
     */
    public static MaxOpen maxOpen(Side side, BigDecimal availableBalance, BigDecimal orderPrice, BigDecimal markPrice,
            BigDecimal leverage, TierTable tiers) {
        Checks.notNull(side, "side");
        Checks.notNegative(availableBalance, "availableBalance");
        Checks.positive(orderPrice, "orderPrice");
        Checks.positive(markPrice, "markPrice");
        Checks.positive(leverage, "leverage");
        // Q = balance / (P/lev + loss) = balance·lev / (P + lev·loss): one division.
        BigDecimal perUnit = orderPrice.add(leverage.multiply(openLossPerUnit(side, orderPrice, markPrice)));
        BigDecimal quantity = availableBalance.multiply(leverage).divide(perUnit, DOWN);
        MaxOpen.Limit limit = MaxOpen.Limit.BALANCE;
        BigDecimal cap = tiers == null ? null : notionalCap(tiers, leverage);
        if (cap != null) {
            BigDecimal capQuantity = cap.divide(orderPrice, DOWN);
            if (capQuantity.compareTo(quantity) < 0) {
                quantity = capQuantity;
                limit = MaxOpen.Limit.TIER_NOTIONAL_CAP;
            }
        }
        return new MaxOpen(quantity, quantity.multiply(orderPrice), limit);
    }

    /**
     * The notional cap of a tier table at a leverage: the cap of the last tier of the leading run
     * of tiers that allow the leverage.
     *
     * @return the cap, quote, or null if unlimited
     */
    private static BigDecimal notionalCap(TierTable tiers, BigDecimal leverage) {
        MaintenanceTier allowed = null;
        for (MaintenanceTier t : tiers.tiers()) {
            if (t.maxLeverage() != null && t.maxLeverage().compareTo(leverage) < 0) {
                break;
            }
            allowed = t;
        }
        if (allowed == null) {
            BigDecimal first = tiers.tiers().get(0).maxLeverage();
            throw new ValidationException("leverage",
                    "must be ≤ " + first.stripTrailingZeros().toPlainString() + "x, the max leverage of the first tier",
                    leverage);
        }
        return allowed.cap();
    }

    /** {@code |min(0, s·(M − P))| = max(0, s·(P − M))}, quote per base unit, exact. */
    private static BigDecimal openLossPerUnit(Side side, BigDecimal orderPrice, BigDecimal markPrice) {
        return side.signDecimal().multiply(orderPrice.subtract(markPrice)).max(BigDecimal.ZERO);
    }
}
