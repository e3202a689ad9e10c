package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.util.Set;

import org.marginlab.engine.ContractType;

/**
 * Binance USDⓈ-M (linear, USDT-margined) futures, rule-set id {@code binance-usdm}.
 *
 * <p>Formulas (spec margin-formulas.md §1; {@code s} = +1 long, −1 short; {@code Q} = quantity ×
 * contract size in base units):
 * <ul>
 *   <li>Notional {@code N = Q·mark}; initial margin {@code IM = Q·entry/leverage} (at entry,
 *       §1.4); maintenance margin {@code MM = N·MMR − cum} with the bracket of {@code N} (§1.2,
 *       "Leverage &amp; Margin").</li>
 *   <li>Liquidation price, one-way mode (§1.1, FAQ "How to Calculate Liquidation Price of
 *       USDⓈ-M Futures Contracts"): {@code LP = (WB − TMM1 + UPNL1 + cum − s·Q·entry) /
 *       (Q·MMR − s·Q)}; isolated: {@code WB} = isolated margin, {@code TMM1 = UPNL1 = 0}; cross:
 *       {@code WB} = cross wallet, {@code TMM1}/{@code UPNL1} = the other cross positions'
 *       maintenance margin and unrealized PnL at their marks. The bracket is re-checked at
 *       {@code Q·LP} until stable (FAQ rule). In hedge mode a long and a short on the same symbol
 *       in cross share one price, the FAQ's full form with the BOTH/LONG/SHORT sums.
 *       {@code LP ≤ 0} means none (the FAQ shows "--").</li>
 *   <li>Bankruptcy price (not published by Binance; the same equation with
 *       {@code MMR = cum = 0}): {@code BP = entry − s·(WB − TMM1 + UPNL1)/Q}.</li>
 *   <li>Margin ratio {@code MM / margin balance}; liquidation at ≥ 100 % (§1.3, FAQ "Liquidation
 *       Protocols").</li>
 *   <li>Max removable isolated margin, current FAQ text (§1.6, "How to Adjust Margin Balance"):
 *       {@code max(0, min(iWB − MM, iWB + uPnL − Q·mark/leverage))}.</li>
 * </ul>
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class BinanceUsdm extends BaseVenue {
    /** Rule-set id. */
    public static final String ID = "binance-usdm";

    /** Creates the rule set; use {@link Venues#byId(String)} to share one. */
    public BinanceUsdm() {
        super(ID, "Binance USD-M Futures", "USDT", Set.of(ContractType.LINEAR), presetsOf(ID));
    }

    /** @return 0.0005 (0.05 %, the regular-tier USDⓈ-M taker rate); not used in liquidation */
    @Override
    public BigDecimal defaultTakerFeeRate() {
        return new BigDecimal("0.0005");
    }

    @Override
    public boolean sharesLiquidationPriceAcrossHedge() {
        return true;
    }
}
