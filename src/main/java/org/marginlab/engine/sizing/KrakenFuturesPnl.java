package org.marginlab.engine.sizing;

import java.math.BigDecimal;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;

/**
 * Kraken Futures' profit and loss (spec venues-v2.md §6.1, [A]); the venue's rule set is
 * {@code org.marginlab.engine.venue.KrakenFuturesRules}. Stateless.
 */
public final class KrakenFuturesPnl {
    private KrakenFuturesPnl() {
    }

    /**
     * Profit and loss of a position closed at an exit price (§6.2, [A], Kraken "Calculation of
     * profit and loss"): inverse {@code s·N·(1/EP − 1/exit)} in the coin, linear
     * {@code s·Q·CS·(exit − EP)} in USD.
     *
     * @param contract      linear or inverse, not null
     * @param side          long or short, not null
     * @param quantity      contracts (inverse) or base units (linear), &gt; 0, not null
     * @param contractSize  USD per contract (inverse, 1 for PI_) or base units per unit, &gt; 0, not null
     * @param entryPrice    &gt; 0, not null
     * @param exitPrice     &gt; 0, not null
     * @return the PnL, settlement currency; never null
     * @throws ValidationException naming a missing or non-positive value
     */
    public static BigDecimal pnl(ContractType contract, Side side, BigDecimal quantity, BigDecimal contractSize,
            BigDecimal entryPrice, BigDecimal exitPrice) {
        return TradeMath.pnl(contract, side, quantity, contractSize, entryPrice, exitPrice);
    }
}
