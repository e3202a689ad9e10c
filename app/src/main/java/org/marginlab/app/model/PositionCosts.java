package org.marginlab.app.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Optional;

import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.VenueParameters;
import org.marginlab.engine.sizing.Costs;
import org.marginlab.engine.sizing.LiquidationProbability;
import org.marginlab.engine.sizing.Volatilities;
import org.marginlab.engine.venue.VenueRules;

/**
 * A position's own costs and its probability of liquidation, at the mark its figures are at:
 * part of its {@link PositionResult}, so the app and {@code marginlab calc} show the same
 * numbers. Amounts in the settlement currency (quote for linear, coin for inverse), prices in
 * quote per base. None of these enters a margin figure: where a venue puts a cost into its
 * margin or liquidation price, its rule set already does (the reserved fee to close, KuCoin's
 * liquidation-fee rate; spec venues-v2.md §10.2); everything else appears only here.
 *
 * <ul>
 *   <li>Fees (§10.1, {@link Costs#fee}): to open at the entry and to close at the mark, at the
 *       taker rate (the position's, else the venue's {@link VenueRules#defaultTakerFeeRate()});
 *       the same at the maker rate when one is given (MarginLab has no sourced maker rates, so
 *       none by default).</li>
 *   <li>The fee to close the venue reserves in the margin, valued at the bankruptcy price from
 *       the entry ({@link PositionRisk#feeToClose()}, Bybit UTA, Phemex), or null.</li>
 *   <li>The liquidation fee: the value at the liquidation price × the position's
 *       {@code liquidationFeeRate} (§10.1), where both exist, else null.</li>
 *   <li>Projected funding (§10.1): {@code n = holdingHours / fundingIntervalHours} payments of
 *       {@link Costs#fundingPayment} at the mark: positive paid, negative received. {@code n} is
 *       not rounded (a projection).</li>
 *   <li>Break-even (§10.3, {@link Costs#breakEvenPrice}): taker to open and to close, the
 *       projected funding as funding paid; null with a reason when no positive price breaks
 *       even.</li>
 *   <li>Probability that the mark touches the liquidation price within the horizon
 *       ({@link LiquidationProbability}), at the volatility typed or the symbol's default
 *       ({@link Volatilities}); NaN when the position is liquidated or no volatility is
 *       known.</li>
 * </ul>
 *
 * @param takerFeeRate           the taker rate used, a fraction, not null
 * @param takerFeeRateOfVenue    whether it is the venue's default (none typed)
 * @param makerFeeRate           the maker rate typed, or null
 * @param feeToOpen              taker fee to open at the entry, not null
 * @param feeToCloseAtMark       taker fee to close at the mark, not null
 * @param makerFeeToOpen         maker fee to open at the entry, or null without a maker rate
 * @param makerFeeToCloseAtMark  maker fee to close at the mark, or null without a maker rate
 * @param reservedFeeToClose     the fee to close the venue reserves in the margin, or null
 * @param liquidationFee         the liquidation fee at the liquidation price, or null
 * @param fundingRate            the funding rate per interval, 0 when none, not null
 * @param fundingIntervalHours   hours per funding interval (typed or the venue's), not null
 * @param holdingHours           hours held (0 when none typed), not null
 * @param projectedFunding       funding over the holding time, positive paid, not null
 * @param breakEvenPrice         the break-even price at full precision, or null
 * @param breakEvenProblem       why there is none, or null
 * @param probability            the probability of liquidation in [0, 1], or NaN
 * @param volatility             the annualised volatility used, a fraction, or NaN when none
 * @param volatilityAsOf         the date of the default table when the volatility is its
 *                               default, null when typed or none
 * @param horizonHours           the horizon, hours
 */
public record PositionCosts(BigDecimal takerFeeRate, boolean takerFeeRateOfVenue, BigDecimal makerFeeRate,
        BigDecimal feeToOpen, BigDecimal feeToCloseAtMark, BigDecimal makerFeeToOpen, BigDecimal makerFeeToCloseAtMark,
        BigDecimal reservedFeeToClose, BigDecimal liquidationFee, BigDecimal fundingRate,
        BigDecimal fundingIntervalHours, BigDecimal holdingHours, BigDecimal projectedFunding,
        BigDecimal breakEvenPrice, String breakEvenProblem, double probability, double volatility,
        LocalDate volatilityAsOf, double horizonHours) {

    /** Funding interval where the venue's is not hourly (§10.2: "8 h typical"; Deribit's 8-hour rate basis). */
    public static final BigDecimal DEFAULT_FUNDING_INTERVAL_HOURS = new BigDecimal("8");
    /** Horizon of the probability when none is typed, hours. */
    public static final BigDecimal DEFAULT_HORIZON_HOURS = new BigDecimal("24");

    private static final MathContext MC = MathContext.DECIMAL128;

    /** @return whether a probability of liquidation is shown */
    public boolean hasProbability() {
        return !Double.isNaN(probability);
    }

    /**
     * The venue's funding interval (spec venues-v2.md §10.2 table): hourly on Kraken Futures,
     * dYdX v4 and Hyperliquid; 8 hours elsewhere (Binance, Bybit "8 h typical", BitMEX 8 h,
     * Deribit's 8-hour rate basis; per contract where the table gives no figure).
     *
     * @param venue  the rule set, not null
     * @return hours between funding payments, &gt; 0
     */
    public static BigDecimal defaultFundingIntervalHours(VenueRules venue) {
        switch (venue.id()) {
            case "kraken-futures":
            case "dydx-v4":
            case "hyperliquid":
                return BigDecimal.ONE;
            default:
                return DEFAULT_FUNDING_INTERVAL_HOURS;
        }
    }

    /**
     * Works out a position's costs at the mark its figures are at.
     *
     * @param p           the position as evaluated, not null
     * @param risk        its figures, not null
     * @param mark        the mark the figures are at, &gt; 0, not null
     * @param liquidated  whether the position is liquidated at that mark
     * @param venue       the rule set, not null
     * @return the costs, never null
     * @throws ValidationException only for inputs the position's own checks let through
     *         (never for a position that passed {@link org.marginlab.engine.MarginEngine#check})
     */
    public static PositionCosts of(Position p, PositionRisk risk, BigDecimal mark, boolean liquidated,
            VenueRules venue) {
        VenueParameters v = p.venueParameters();
        BigDecimal q = p.quantity();
        BigDecimal cs = p.contractSize();
        boolean ofVenue = p.takerFeeRate() == null;
        BigDecimal taker = ofVenue ? venue.defaultTakerFeeRate() : p.takerFeeRate();
        BigDecimal maker = v.makerFeeRate();
        BigDecimal open = Costs.fee(p.contract(), q, cs, p.entryPrice(), taker);
        BigDecimal close = Costs.fee(p.contract(), q, cs, mark, taker);
        BigDecimal makerOpen = maker == null ? null : Costs.fee(p.contract(), q, cs, p.entryPrice(), maker);
        BigDecimal makerClose = maker == null ? null : Costs.fee(p.contract(), q, cs, mark, maker);
        BigDecimal lp = risk.liquidationPrice();
        BigDecimal lfr = v.liquidationFeeRate();
        BigDecimal liquidationFee = lp == null || lfr == null || lp.signum() <= 0 ? null
                : Costs.fee(p.contract(), q, cs, lp, lfr);
        BigDecimal rate = v.fundingRateOrZero();
        BigDecimal interval = v.fundingIntervalHours() != null ? v.fundingIntervalHours()
                : defaultFundingIntervalHours(venue);
        BigDecimal held = v.holdingHours() == null ? BigDecimal.ZERO : v.holdingHours();
        BigDecimal funding = held.signum() == 0 || rate.signum() == 0 ? BigDecimal.ZERO
                : Costs.fundingPayment(p.contract(), p.side(), q, cs, mark, rate).multiply(held.divide(interval, MC));
        BigDecimal breakEven = null;
        String problem = null;
        try {
            breakEven = Costs.breakEvenPrice(p.contract(), p.side(), q, cs, p.entryPrice(), taker, taker, funding);
        } catch (ValidationException e) {
            problem = "none: the projected funding " + e.rule();
        }
        BigDecimal horizon = v.probabilityHorizonHours() != null ? v.probabilityHorizonHours() : DEFAULT_HORIZON_HOURS;
        double sigma = Double.NaN;
        LocalDate asOf = null;
        if (v.volatility() != null) {
            sigma = v.volatility().doubleValue();
        } else {
            Optional<Volatilities.DefaultVolatility> d = Volatilities.defaultFor(p.symbol());
            if (d.isPresent()) {
                sigma = d.get().annualised();
                asOf = d.get().asOf();
            }
        }
        double probability = liquidated || Double.isNaN(sigma) ? Double.NaN
                : LiquidationProbability.probabilityWithinHours(p.side(), mark, lp, sigma, horizon.doubleValue());
        return new PositionCosts(taker, ofVenue, maker, open, close, makerOpen, makerClose, risk.feeToClose(),
                liquidationFee, rate, interval, held, funding, breakEven, problem, probability, sigma, asOf,
                horizon.doubleValue());
    }
}
