package org.marginlab.engine.sizing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;
import org.marginlab.engine.venue.VenueRules;

/**
 * Position size from an entry price, a stop price and the amount the trader is willing to lose
 * at the stop, with a check, through the engine, that the position is not liquidated before the
 * stop triggers.
 *
 * <p>Sizing: the loss at the stop equals the risk amount (spec margin-formulas.md §0 PnL):
 * <ul>
 *   <li>Linear: {@code Q·CS·|entry − stop| = risk} ⇒ {@code Q = risk / (CS·|entry − stop|)}
 *       (risk in quote).</li>
 *   <li>Inverse: {@code Q·CS·|1/entry − 1/stop| = risk} ⇒
 *       {@code Q = risk·entry·stop / (CS·|stop − entry|)} (risk in coin, {@code Q} contracts).</li>
 * </ul>
 * Fees, funding and slippage at the stop are not included: the real loss is somewhat larger.
 *
 * <p>A long's stop is below its entry, a short's above. Depends on a {@link VenueRules} given to
 * the constructor (no global state). Immutable and thread-safe.
 */
public final class StopLossSizer {
    /** Rounds a quantity toward zero so that the loss at the stop never exceeds the risk. */
    private static final MathContext DOWN = new MathContext(34, RoundingMode.DOWN);

    private final VenueRules venue;

    /**
     * @param venue  the venue whose rules evaluate the sized position, not null
     * @throws ValidationException ({@code venue}) if it is missing
     */
    public StopLossSizer(VenueRules venue) {
        this.venue = Checks.notNull(venue, "venue");
    }

    /** @return the venue's rules; never null */
    public VenueRules venue() {
        return venue;
    }

    /**
     * The quantity whose loss at the stop equals the risk amount (formulas in the class doc).
     *
     * @param contract      linear or inverse, not null
     * @param side          long or short, not null
     * @param contractSize  base units per unit (linear, usually 1) or quote per contract
     *                      (inverse), &gt; 0, not null
     * @param entryPrice    entry price, quote per base, &gt; 0, not null
     * @param stopPrice     stop price, quote per base, &gt; 0, below the entry for a long and above
     *                      it for a short, not null
     * @param riskAmount    the loss accepted at the stop, settlement currency (quote linear, coin
     *                      inverse), &gt; 0, not null
     * @return the quantity, base units (linear) or contracts (inverse), rounded toward zero to 34
     *         significant digits (so the loss at the stop is ≤ the risk); never null
     * @throws ValidationException ({@code contract}, {@code side}, {@code contractSize},
     *         {@code entryPrice}, {@code stopPrice}, {@code riskAmount}) if a value is missing or
     *         not positive; ({@code stopPrice}) if it is not on the loss side of the entry
     */
    public static BigDecimal quantityForRisk(ContractType contract, Side side, BigDecimal contractSize,
            BigDecimal entryPrice, BigDecimal stopPrice, BigDecimal riskAmount) {
        Checks.notNull(contract, "contract");
        Checks.notNull(side, "side");
        Checks.positive(contractSize, "contractSize");
        Checks.positive(entryPrice, "entryPrice");
        Checks.positive(stopPrice, "stopPrice");
        Checks.positive(riskAmount, "riskAmount");
        BigDecimal adverse = side.signDecimal().multiply(entryPrice.subtract(stopPrice));
        if (adverse.signum() <= 0) {
            throw new ValidationException("stopPrice", (side == Side.LONG ? "must be below" : "must be above")
                    + " the entry price " + entryPrice.stripTrailingZeros().toPlainString() + " for a " + side.id(),
                    stopPrice);
        }
        if (!contract.isInverse()) {
            return riskAmount.divide(contractSize.multiply(adverse), DOWN);
        }
        return riskAmount.multiply(entryPrice).multiply(stopPrice).divide(contractSize.multiply(adverse), DOWN);
    }

    /**
     * Sizes a position from its entry, a stop and a risk amount, and evaluates it on the venue.
     *
     * <p>The template gives the symbol, contract type and size, side, entry price, leverage and
     * the maintenance inputs ({@code maintenance}, {@code tiers}, {@code maxLeverage},
     * {@code takerFeeRate}). Its quantity, mark price, margin mode and isolated margin are
     * replaced: the quantity by {@link #quantityForRisk}, the mark by the entry price (the
     * position as just opened), the mode by isolated with the initial margin at entry
     * ({@code Q·CS·entry/lev} linear, {@code Q·CS/(entry·lev)} inverse).
     *
     * <p>The result flags {@code liquidatedBeforeStop} when the engine's liquidation price lies
     * between the entry and the stop (long: {@code LP ≥ stop}; short: {@code LP ≤ stop}): the
     * stop would never trigger. Lower leverage (more margin) moves the liquidation price away.
     *
     * @param template    the position to size, not null (its quantity is ignored)
     * @param stopPrice   stop price, quote per base, &gt; 0, on the loss side of the entry, not null
     * @param riskAmount  the loss accepted at the stop, settlement currency, &gt; 0, not null
     * @return the sized position, its loss at the stop, its evaluation and the flag; never null
     * @throws ValidationException as {@link #quantityForRisk}; ({@code template}) if it is
     *         missing; as {@link MarginEngine#evaluate(Position, VenueRules)} for venue rules
     *         (e.g. {@code leverage} above the max leverage of the sized notional's tier)
     */
    public StopLossSize size(Position template, BigDecimal stopPrice, BigDecimal riskAmount) {
        Checks.notNull(template, "template");
        BigDecimal quantity = quantityForRisk(template.contract(), template.side(), template.contractSize(),
                template.entryPrice(), stopPrice, riskAmount);
        Position position = template.toBuilder()
                .quantity(quantity)
                .markPrice(template.entryPrice())
                .marginMode(MarginMode.ISOLATED)
                .isolatedMargin(null)
                .build();
        PositionRisk risk = MarginEngine.DEFAULT.evaluate(position, venue);
        BigDecimal loss = TradeMath.pnl(position.contract(), position.side(), quantity, position.contractSize(),
                position.entryPrice(), stopPrice).negate();
        BigDecimal lp = risk.liquidationPrice();
        boolean beforeStop = lp != null
                && position.side().signDecimal().multiply(lp.subtract(stopPrice)).signum() >= 0;
        return new StopLossSize(position, loss, risk, beforeStop);
    }
}
