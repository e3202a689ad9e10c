package org.marginlab.app.planner;

import java.math.BigDecimal;
import java.util.function.Supplier;

import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.VenueRules;

/**
 * The inputs of "size from risk", read and checked: what {@code marginlab size} and the Planner
 * tab plan with ({@link SizeFromRisk#plan}).
 *
 * @param balance     account size (wallet balance), settlement currency, &gt; 0
 * @param riskAmount  the loss accepted at the stop, settlement currency, &gt; 0 and ≤ the balance
 * @param entryPrice  entry price, quote per base, &gt; 0
 * @param stopPrice   stop price, quote per base, &gt; 0, on the loss side of the entry
 * @param leverage    leverage, &gt; 0
 * @param side        long or short (the stop's unless given)
 * @param mode        isolated or cross
 * @param instrument  the venue and instrument
 * @param takerFee    the taker fee rate (the given one or the venue's), a fraction
 * @param riskText    the risk as typed ({@code 1%} or {@code 100}), for messages about it
 */
public record SizeInputs(BigDecimal balance, BigDecimal riskAmount, BigDecimal entryPrice, BigDecimal stopPrice,
        BigDecimal leverage, Side side, MarginMode mode, Instrument instrument, BigDecimal takerFee, String riskText) {

    /**
     * The typed inputs of "size from risk".
     *
     * @param balance   account size
     * @param risk      {@code 1%} of the balance or an amount ({@code 100})
     * @param entry     entry price
     * @param stop      stop price
     * @param leverage  leverage
     * @param side      {@code long}, {@code short}, or null for the side the stop implies
     * @param mode      {@code isolated} or {@code cross}
     */
    public record Texts(String balance, String risk, String entry, String stop, String leverage, String side,
            String mode) {
    }

    /** The instrument's typed fields (null where not given); see {@link Instrument#parse}. */
    public record InstrumentTexts(String symbol, String contract, String contractSize, String mmr,
            String maintenanceAmount, String maxLeverage, String takerFee) {
    }

    /**
     * Reads and checks the inputs in the command line's order (balance, entry, stop, leverage,
     * mode, side, risk, the instrument, the taker fee), naming each field by its option.
     *
     * @param numbers  how numbers are typed, not null
     * @param texts    the typed inputs, not null
     * @param venue    the rule set, read at the instrument's turn (the command line reads its
     *                 {@code --venue} there), not null
     * @param inst     the instrument's typed fields, not null
     * @return the inputs, never null
     * @throws ValidationException naming the first field that breaks a rule
     */
    public static SizeInputs parse(Numbers numbers, Texts texts, Supplier<VenueRules> venue, InstrumentTexts inst) {
        BigDecimal wallet = PlanInputs.positive(numbers, texts.balance(), "--balance");
        BigDecimal entryPrice = PlanInputs.positive(numbers, texts.entry(), "--entry");
        BigDecimal stopPrice = PlanInputs.positive(numbers, texts.stop(), "--stop");
        BigDecimal lev = PlanInputs.positive(numbers, texts.leverage(), "--leverage");
        MarginMode marginMode = PlanInputs.marginMode(texts.mode(), "--mode");
        Side s = texts.side() == null ? PlanInputs.sideOfStop(entryPrice, stopPrice, "--stop")
                : PlanInputs.side(texts.side(), "--side");
        BigDecimal riskAmount = PlanInputs.riskAmount(numbers, texts.risk(), wallet, "--risk");
        VenueRules rules = venue.get();
        Instrument instrument = Instrument.parse(numbers, rules, inst.symbol(), inst.contract(), inst.contractSize(),
                inst.mmr(), inst.maintenanceAmount(), inst.maxLeverage(), inst.takerFee());
        BigDecimal taker = PlanInputs.takerFee(instrument.takerFeeGiven(), rules, "--taker-fee");
        return new SizeInputs(wallet, riskAmount, entryPrice, stopPrice, lev, s, marginMode, instrument, taker, texts.risk());
    }

    /** @return these inputs at another leverage */
    public SizeInputs withLeverage(BigDecimal newLeverage) {
        return new SizeInputs(balance, riskAmount, entryPrice, stopPrice, newLeverage, side, mode, instrument, takerFee,
                riskText);
    }
}
