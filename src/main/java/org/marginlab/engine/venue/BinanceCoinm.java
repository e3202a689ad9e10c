package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.marginlab.engine.ContractType;

/**
 * Binance COIN-M (inverse, coin-margined) futures, rule-set id {@code binance-coinm}.
 *
 * <p>Formulas (spec margin-formulas.md §1.7, FAQ "How to Calculate Liquidation Price of COIN-M
 * Futures Contracts"; {@code Q} contracts of {@code CS} USD, amounts in coin):
 * <ul>
 *   <li>Notional {@code Q·CS/mark} (coin, at the mark); {@code MM = notional·MMR − cum};
 *       initial margin {@code Q·CS/(entry·leverage)}; PnL {@code s·Q·CS·(1/entry − 1/mark)}.</li>
 *   <li>Liquidation price, one-way: {@code LP = Q·CS·(MMR + s) / (WB' + cum + s·Q·CS/entry)} with
 *       {@code WB' = WB − TMM1 + UPNL1}; the bracket is re-checked at {@code Q·CS/LP}. Hedge mode:
 *       the FAQ's full form (sums over BOTH/LONG/SHORT).</li>
 *   <li>Bankruptcy price: the same with {@code MMR = cum = 0}.</li>
 *   <li>Margin ratio {@code MM / margin balance} (§1.3).</li>
 *   <li>Max removable (§1.6): {@code max(0, min(iWB − MM, iWB + uPnL − Q·CS·IMR/mark))}.</li>
 * </ul>
 * A long always has a liquidation price (its coin loss grows without bound as the price falls);
 * a short whose margin covers a rise to infinity has none.
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class BinanceCoinm extends BaseVenue {
    /** Rule-set id. */
    public static final String ID = "binance-coinm";

    /** Creates the rule set; use {@link Venues#byId(String)} to share one. */
    public BinanceCoinm() {
        super(ID, "Binance COIN-M Futures", "coin", Set.of(ContractType.INVERSE), presetsOf(ID));
    }

    private static final Sources SOURCES = Sources.BINANCE.withLiquidation("margin-formulas.md §1.7");

    /** The Binance sections, with the COIN-M liquidation price of margin-formulas.md §1.7. */
    @Override
    Sources sources() {
        return SOURCES;
    }

    /** @return 0.0005 (0.05 %, the regular-tier COIN-M taker rate); not used in liquidation */
    @Override
    public BigDecimal defaultTakerFeeRate() {
        return new BigDecimal("0.0005");
    }

    @Override
    public boolean sharesLiquidationPriceAcrossHedge() {
        return true;
    }
}
