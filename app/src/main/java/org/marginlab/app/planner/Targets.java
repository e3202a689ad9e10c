package org.marginlab.app.planner;

import java.math.BigDecimal;
import java.math.MathContext;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.sizing.ExitOutcome;
import org.marginlab.engine.sizing.TradeMath;

/**
 * Targets of a planned trade, from the engine's trade arithmetic ({@link TradeMath}, spec
 * margin-formulas.md §1.4): the exit price for a target ROE ({@link TradeMath#targetPrice}) or a
 * target PnL (the ROE {@code PnL/IM} with the initial margin at entry, {@link TradeMath#initialMargin},
 * then the same function), the PnL and ROE at an exit ({@link TradeMath#exitOutcome}) and the
 * reward-to-risk ratio: the PnL at the target over the loss at the stop ({@link TradeMath#pnl}).
 * Fees and funding are not included.
 */
public final class Targets {
    private Targets() {
    }

    /**
     * The exit price at which PnL / initial margin reaches {@code roe}, as {@code marginlab target}.
     *
     * @param roe  a fraction (1 = +100 %)
     * @return quote per base, &gt; 0
     * @throws ValidationException ({@code --entry}, {@code --leverage}, {@code --roe}) if no
     *         positive price reaches it or a value is not positive
     */
    public static BigDecimal exitForRoe(ContractType contract, Side side, BigDecimal entryPrice, BigDecimal leverage,
            BigDecimal roe) {
        try {
            return TradeMath.targetPrice(contract, side, entryPrice, leverage, roe);
        } catch (ValidationException e) {
            // name the field the user typed: entryPrice → --entry, leverage → --leverage, roe → --roe
            String field = e.field().equals("entryPrice") ? "--entry" : "--" + e.field();
            throw new ValidationException(field, e.rule(), e.value());
        }
    }

    /**
     * The exit price at which the PnL (before fees) reaches {@code pnl}: the ROE {@code pnl/IM}
     * ({@code IM} the initial margin at entry) through {@link #exitForRoe}.
     *
     * @param pnl  settlement currency; a loss is negative
     * @return quote per base, &gt; 0
     * @throws ValidationException ({@code --pnl}) if no positive price reaches it
     */
    public static BigDecimal exitForPnl(ContractType contract, Side side, BigDecimal quantity, BigDecimal contractSize,
            BigDecimal entryPrice, BigDecimal leverage, BigDecimal pnl) {
        BigDecimal im = TradeMath.initialMargin(contract, quantity, contractSize, entryPrice, leverage);
        BigDecimal roe = pnl.divide(im, MathContext.DECIMAL128);
        try {
            return TradeMath.targetPrice(contract, side, entryPrice, leverage, roe);
        } catch (ValidationException e) {
            if (e.field().equals("roe")) {
                throw new ValidationException("--pnl", "is not reached at any positive price (a loss larger than the "
                        + (contract.isInverse() ? "position can make" : "notional") + ")", pnl);
            }
            throw e;
        }
    }

    /**
     * PnL and ROE at an exit price, with the initial margin at entry.
     *
     * @return the figures, never null
     */
    public static ExitOutcome atExit(ContractType contract, Side side, BigDecimal quantity, BigDecimal contractSize,
            BigDecimal entryPrice, BigDecimal exitPrice, BigDecimal leverage) {
        return TradeMath.exitOutcome(contract, side, quantity, contractSize, entryPrice, exitPrice, leverage);
    }

    /**
     * Reward to risk: the PnL at the target over the loss at the stop, both before fees.
     *
     * @return the ratio (2 = the target makes twice what the stop loses), or null when the target
     *         is on the losing side of the entry (no reward)
     */
    public static BigDecimal rewardToRisk(ContractType contract, Side side, BigDecimal quantity, BigDecimal contractSize,
            BigDecimal entryPrice, BigDecimal stopPrice, BigDecimal targetPrice) {
        BigDecimal reward = TradeMath.pnl(contract, side, quantity, contractSize, entryPrice, targetPrice);
        BigDecimal risk = TradeMath.pnl(contract, side, quantity, contractSize, entryPrice, stopPrice).negate();
        if (reward.signum() <= 0 || risk.signum() <= 0) {
            return null;
        }
        return reward.divide(risk, MathContext.DECIMAL128);
    }
}
