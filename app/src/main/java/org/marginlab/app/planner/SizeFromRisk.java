package org.marginlab.app.planner;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.marginlab.engine.Account;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.sizing.Costs;
import org.marginlab.engine.sizing.StopLossSizer;
import org.marginlab.engine.sizing.TradeMath;

/**
 * "Size from risk": the position size whose loss at the stop is the risk, evaluated on the venue;
 * the one function {@code marginlab size} and the Planner tab call.
 *
 * <p>The quantity is {@link StopLossSizer#quantityForRisk} (linear {@code risk/(CS·|entry − stop|)},
 * inverse {@code risk·entry·stop/(CS·|stop − entry|)}), <b>before fees</b>; the fee to open at the
 * entry and the fee to close at the stop, both at the taker rate ({@link Costs#fee}, spec
 * venues-v2.md §10), and the loss at the stop with them are shown beside it. The sized position
 * is evaluated by the engine at mark = entry: isolated with the venue's default margin
 * ({@code VenueRules.defaultIsolatedMargin}), or cross on a wallet of the balance. The venue's
 * tier at the sized notional bounds the leverage, and a notional above a capped table's last tier
 * is refused ({@link MarginEngine#check}).
 */
public final class SizeFromRisk {
    private SizeFromRisk() {
    }

    /**
     * @param in  the checked inputs, not null
     * @return the sized position and its figures, never null
     * @throws ValidationException ({@code --stop}) if the stop is not on the loss side of the entry;
     *         ({@code --risk}) if the sized notional is above the table's last tier;
     *         ({@code --leverage}) if the leverage exceeds the tier's max at the sized quantity;
     *         an instrument field ({@code --symbol}, {@code --mmr} …) if the venue refuses it
     */
    public static SizePlan plan(SizeInputs in) {
        return plan(in, null);
    }

    /**
     * As {@link #plan(SizeInputs)}, with an isolated margin of the user's instead of the venue's
     * default (what "Solve margin" finds).
     *
     * @param in              the checked inputs, not null
     * @param isolatedMargin  the isolated margin, settlement currency, &gt; 0; or null for the
     *                        venue's default; ignored in cross
     * @return the sized position and its figures, never null
     * @throws ValidationException as {@link #plan(SizeInputs)}
     */
    public static SizePlan plan(SizeInputs in, BigDecimal isolatedMargin) {
        Instrument inst = in.instrument();
        ContractType contract = inst.contract();
        BigDecimal cs = inst.contractSize();
        Side s = in.side();
        BigDecimal quantity;
        try {
            quantity = StopLossSizer.quantityForRisk(contract, s, cs, in.entryPrice(), in.stopPrice(), in.riskAmount());
        } catch (ValidationException e) {
            throw PlanInputs.renamed(e, "stopPrice", "--stop", "entryPrice", "--entry", "riskAmount", "--risk");
        }
        Position position = position(in, quantity, isolatedMargin);
        PositionRisk r = evaluate(in, position);

        BigDecimal feeToOpen = Costs.fee(contract, quantity, cs, in.entryPrice(), in.takerFee());
        BigDecimal feeToClose = Costs.fee(contract, quantity, cs, in.stopPrice(), in.takerFee());
        BigDecimal lossAtStop = TradeMath.pnl(contract, s, quantity, cs, in.entryPrice(), in.stopPrice()).negate();
        BigDecimal lossWithFees = lossAtStop.add(feeToOpen).add(feeToClose);
        BigDecimal lp = r.liquidationPrice();
        boolean beforeStop = lp != null && s.signDecimal().multiply(lp.subtract(in.stopPrice())).signum() >= 0;
        BigDecimal margin = in.mode() == MarginMode.ISOLATED ? r.isolatedMargin() : r.initialMargin();

        List<SizeWarning> warnings = new ArrayList<>();
        if (beforeStop) {
            warnings.add(new SizeWarning.LiquidationBeforeStop(lp, in.stopPrice()));
        }
        if (margin.add(feeToOpen).compareTo(in.balance()) > 0) {
            warnings.add(new SizeWarning.MarginExceedsBalance(in.mode(), margin.add(feeToOpen), in.balance()));
        }
        return new SizePlan(in, position, r, feeToOpen, feeToClose, lossAtStop, lossWithFees, beforeStop, warnings);
    }

    /**
     * The sized position at mark = entry, checked by the venue: isolated with the venue's default
     * margin, or cross.
     */
    static Position position(SizeInputs in, BigDecimal quantity, BigDecimal isolatedMargin) {
        try {
            Position position = in.instrument().template(in.side(), in.leverage(), in.mode()).quantity(quantity)
                    .entryPrice(in.entryPrice()).markPrice(in.entryPrice()).build();
            if (in.mode() == MarginMode.ISOLATED) {
                position = position.withIsolatedMargin(isolatedMargin != null ? isolatedMargin
                        : in.instrument().venue().defaultIsolatedMargin(position));
            }
            MarginEngine.DEFAULT.check(position, in.instrument().venue());
            return position;
        } catch (ValidationException e) {
            throw renamed(e, quantity, in.riskText());
        }
    }

    /** The engine's figures of a planned position: isolated, or cross on a wallet of the balance. */
    static PositionRisk evaluate(SizeInputs in, Position position) {
        try {
            BigDecimal crossWallet = in.mode() == MarginMode.CROSS ? in.balance() : BigDecimal.ZERO;
            return MarginEngine.DEFAULT.evaluate(Account.of(in.instrument().venue(), crossWallet, List.of(position)))
                    .positions().get(0);
        } catch (ValidationException e) {
            throw renamed(e, position.quantity(), in.riskText());
        }
    }

    private static ValidationException renamed(ValidationException e, BigDecimal quantity, String riskText) {
        ValidationException bare = e.path().isEmpty() || e.path().equals("positions[0]")
                ? new ValidationException(e.field(), e.rule(), e.value()) : e;
        if (bare.field().equals("quantity")) {
            // the quantity is the risk's: a notional above the table's last tier
            return new ValidationException("--risk", "sizes a quantity of " + quantity.stripTrailingZeros().toPlainString()
                    + ", which " + bare.rule(), riskText);
        }
        if (bare.field().equals("leverage")) {
            return new ValidationException("--leverage", bare.rule() + " at the sized quantity "
                    + quantity.stripTrailingZeros().toPlainString(), bare.value());
        }
        return Instrument.renamed(bare);
    }
}
