package org.marginlab.engine.sizing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;

/**
 * BitMEX's average entry price of an inverse position (XBTUSD), with BitMEX's satoshi rounding
 * per fill (spec venues-v2.md §1.6, [A]); the venue's rule set is
 * {@code org.marginlab.engine.venue.BitmexRules}. Stateless.
 */
public final class BitmexAverageEntry {
    private static final int SATOSHI_SCALE = 8;
    private static final MathContext MC = MathContext.DECIMAL128;

    private BitmexAverageEntry() {
    }

    /**
     * BitMEX's satoshi value of one lot at a fill price (§1.6, current support article, [A]):
     * {@code lotSize / price} in XBT, <b>floored</b> to 8 decimals for a long and <b>rounded</b>
     * (half up) to 8 decimals for a short.
     *
     * @param side     the position's side, not null
     * @param lotSize  contracts per lot (XBTUSD 100), &gt; 0, not null
     * @param price    the fill price, USD, &gt; 0, not null
     * @return the value, XBT, scale 8; never null
     * @throws ValidationException naming a missing or non-positive value
     */
    public static BigDecimal satoshiValuePerLot(Side side, BigDecimal lotSize, BigDecimal price) {
        Checks.notNull(side, "side");
        Checks.positive(lotSize, "lotSize");
        Checks.positive(price, "price");
        return lotSize.divide(price, SATOSHI_SCALE, side == Side.LONG ? RoundingMode.FLOOR : RoundingMode.HALF_UP);
    }

    /**
     * BitMEX's average entry price of an inverse position built from fills (§1.6, [A]): each
     * fill's satoshi value per lot ({@link #satoshiValuePerLot}), their average weighted by lots
     * (not rounded), and {@code USD = lotSize / average}; computed as the single division
     * {@code lotSize·Σc_i / Σ(sv_i·c_i)}. A plain harmonic mean differs (vector
     * {@code bitmex-xbtusd-avg-entry-long-derived}: 42,070.31, not 42,070.16). Uncertain (spec
     * §14 #14): the older article's "round up, then round down the average" wording; followed:
     * the current article.
     *
     * @param side     the position's side, not null
     * @param lotSize  contracts per lot, &gt; 0, not null
     * @param fills    the fills (contracts, USD price), at least one, none null
     * @return the average entry price, USD, {@link MathContext#DECIMAL128}; never null
     * @throws ValidationException naming a missing or invalid value
     */
    public static BigDecimal averageEntryPrice(Side side, BigDecimal lotSize, List<Fill> fills) {
        Checks.notNull(side, "side");
        Checks.positive(lotSize, "lotSize");
        Checks.notNull(fills, "fills");
        if (fills.isEmpty()) {
            throw new ValidationException("fills", "must contain at least one fill", "none");
        }
        BigDecimal contracts = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;
        for (int i = 0; i < fills.size(); i++) {
            Fill f = fills.get(i);
            if (f == null) {
                throw new ValidationException("fills[" + i + "]", "is required", null);
            }
            contracts = contracts.add(f.quantity());
            value = value.add(satoshiValuePerLot(side, lotSize, f.price()).multiply(f.quantity()));
        }
        if (value.signum() == 0) {
            throw new ValidationException("fills", "must have a satoshi value per lot above 0 at 8 decimals (lotSize "
                    + lotSize.toPlainString() + " / price)", fills.get(0).price());
        }
        return lotSize.multiply(contracts).divide(value, MC);
    }
}
