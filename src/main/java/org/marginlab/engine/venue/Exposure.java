package org.marginlab.engine.venue;

import java.math.BigDecimal;
import java.math.MathContext;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Position;
import org.marginlab.engine.internal.Division;

/**
 * The contract-type arithmetic of one position (spec margin-formulas.md §0), shared by every
 * venue. {@code s} = +1 long, −1 short.
 * <ul>
 *   <li>Linear: size {@code B = quantity·contractSize} in base units; notional {@code B·P}
 *       (quote); PnL {@code s·B·(P − entry)}.</li>
 *   <li>Inverse: face value {@code F = quantity·contractSize} in quote (USD); notional
 *       {@code F/P} (coin); PnL {@code s·F·(1/entry − 1/P)} (coin).</li>
 * </ul>
 * Immutable and thread-safe.
 */
final class Exposure {
    static final MathContext MC = MathContext.DECIMAL128;

    final Position position;
    final boolean inverse;
    final BigDecimal s;
    /** {@code B} (linear, base units) or {@code F} (inverse, quote). */
    final BigDecimal size;

    Exposure(Position position) {
        this.position = position;
        this.inverse = position.contract() == ContractType.INVERSE;
        this.s = position.side().signDecimal();
        this.size = position.quantity().multiply(position.contractSize());
    }

    /** Notional at a price: {@code B·P} (quote) or {@code F/P} (coin). */
    BigDecimal notional(BigDecimal price) {
        return inverse ? size.divide(price, MC) : size.multiply(price);
    }

    /** Unrealized PnL at a price, settlement currency; positive is a gain. */
    BigDecimal pnl(BigDecimal price) {
        if (inverse) {
            return s.multiply(size).multiply(BigDecimal.ONE.divide(position.entryPrice(), MC)
                    .subtract(BigDecimal.ONE.divide(price, MC)));
        }
        return s.multiply(size).multiply(price.subtract(position.entryPrice()));
    }

    /** Initial margin at a price: notional at that price / leverage. */
    BigDecimal initialMargin(BigDecimal price) {
        return Division.divide(notional(price), position.leverage(), MC);
    }
}
