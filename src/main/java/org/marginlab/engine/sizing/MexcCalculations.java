package org.marginlab.engine.sizing;

import java.math.BigDecimal;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;

/**
 * MEXC's documented trade figures (spec venues-v2.md §3.3, [A]): initial margin, trading fee,
 * funding fee, closing PnL and total realized PnL, as MEXC states them and as the generic
 * {@link TradeMath} and {@link Costs} compute them; the venue's rule set is
 * {@code org.marginlab.engine.venue.MexcRules}. Stateless.
 */
public final class MexcCalculations {
    private MexcCalculations() {
    }

    /**
     * Initial margin (§3.3, [A], MEXC Learn "Margins &amp; PNL Calculations" 2025-07-16): USDT-M
     * {@code EP·contracts·size/lev}, coin-M {@code contracts·size/(lev·EP)}.
     *
     * @param contract      linear or inverse, not null
     * @param contracts     number of contracts, &gt; 0, not null
     * @param contractSize  base units (USDT-M) or USD (coin-M) per contract, &gt; 0, not null
     * @param entryPrice    &gt; 0, not null
     * @param leverage      &gt; 0, not null
     * @return the initial margin, USDT (USDT-M) or coin (coin-M); never null
     * @throws ValidationException naming a missing or non-positive value
     */
    public static BigDecimal initialMargin(ContractType contract, BigDecimal contracts, BigDecimal contractSize,
            BigDecimal entryPrice, BigDecimal leverage) {
        return TradeMath.initialMargin(contract, contracts, contractSize, entryPrice, leverage);
    }

    /**
     * Trading fee of a fill (§3.3, [A]): {@code fill price × contracts × size × rate} (USDT-M);
     * coin-M {@code contracts × size / fill price × rate} (§10.1).
     *
     * @param contract      linear or inverse, not null
     * @param contracts     &gt; 0, not null
     * @param contractSize  &gt; 0, not null
     * @param fillPrice     &gt; 0, not null
     * @param feeRate       maker or taker rate, in (−1, 1), not null
     * @return the fee, settlement currency; never null
     * @throws ValidationException naming a missing or out-of-range value
     */
    public static BigDecimal tradingFee(ContractType contract, BigDecimal contracts, BigDecimal contractSize,
            BigDecimal fillPrice, BigDecimal feeRate) {
        return Costs.fee(contract, contracts, contractSize, fillPrice, feeRate);
    }

    /**
     * Funding fee of one interval (§3.3, [A]): {@code rate × fair price × contracts × size}
     * (USDT-M); a positive rate means longs pay.
     *
     * @param contract      linear or inverse, not null
     * @param side          long or short, not null
     * @param contracts     &gt; 0, not null
     * @param contractSize  &gt; 0, not null
     * @param fairPrice     the fair (mark) price, &gt; 0, not null
     * @param fundingRate   in (−1, 1), not null
     * @return the fee paid by the position (negative: received), settlement currency; never null
     * @throws ValidationException naming a missing or out-of-range value
     */
    public static BigDecimal fundingFee(ContractType contract, Side side, BigDecimal contracts, BigDecimal contractSize,
            BigDecimal fairPrice, BigDecimal fundingRate) {
        return Costs.fundingPayment(contract, side, contracts, contractSize, fairPrice, fundingRate);
    }

    /**
     * Closing PnL (§3.3, [A]), fees and funding excluded: USDT-M
     * {@code s·(close − entry)·contracts·size}; coin-M {@code s·contracts·size·(1/entry − 1/close)}.
     *
     * @param contract      linear or inverse, not null
     * @param side          long or short, not null
     * @param contracts     contracts closed, &gt; 0, not null
     * @param contractSize  &gt; 0, not null
     * @param entryPrice    average open price, &gt; 0, not null
     * @param closePrice    &gt; 0, not null
     * @return the closing PnL, settlement currency; never null
     * @throws ValidationException naming a missing or non-positive value
     */
    public static BigDecimal closingPnl(ContractType contract, Side side, BigDecimal contracts, BigDecimal contractSize,
            BigDecimal entryPrice, BigDecimal closePrice) {
        return TradeMath.pnl(contract, side, contracts, contractSize, entryPrice, closePrice);
    }

    /**
     * Total realized PnL (§3.3, [A]): {@code closing PnL + funding − open fee − close fee}, with
     * funding as received; here {@code fundingPaid} is the amount paid ({@link #fundingFee}), so
     * {@code closingPnl − fundingPaid − openFee − closeFee}.
     *
     * @param closingPnl   not null
     * @param fundingPaid  funding paid (negative: received), not null
     * @param openFee      not null
     * @param closeFee     not null
     * @return the total realized PnL, settlement currency; never null
     * @throws ValidationException naming a missing value
     */
    public static BigDecimal totalRealizedPnl(BigDecimal closingPnl, BigDecimal fundingPaid, BigDecimal openFee,
            BigDecimal closeFee) {
        return Checks.notNull(closingPnl, "closingPnl").subtract(Checks.notNull(fundingPaid, "fundingPaid"))
                .subtract(Checks.notNull(openFee, "openFee")).subtract(Checks.notNull(closeFee, "closeFee"));
    }
}
