package org.marginlab.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.venue.Venues;

/**
 * A position larger than a capped table's last tier is refused by {@link MarginEngine#check}:
 * the venue would not accept it, or (a partial capture such as Kraken's PF_XBTUSD tiers 1–4) the
 * table does not say its rate, and the last tier's rate would understate its maintenance margin.
 */
class LastTierCapTest {
    private static final TierTable CAPPED = TierTable.of(List.of(
            MaintenanceTier.of(BigDecimal.ZERO, new BigDecimal("50000"), new BigDecimal("125"), new BigDecimal("0.004"),
                    BigDecimal.ZERO),
            // cum = 0 + 50,000·(0.005 − 0.004) = 50
            MaintenanceTier.of(new BigDecimal("50000"), new BigDecimal("100000"), new BigDecimal("100"),
                    new BigDecimal("0.005"), new BigDecimal("50"))), "test", null);

    private static Position position(String quantity, TierTable tiers) {
        return Position.builder().id("p").symbol("BTCUSDT").side(Side.LONG).quantity(new BigDecimal(quantity))
                .entryPrice(new BigDecimal("60000")).leverage(BigDecimal.TEN).tiers(tiers).build();
    }

    @Test
    void aPositionAboveTheLastCapIsRefusedNamingTheCap() {
        // 2 × 60,000 = 120,000 > 100,000
        assertThatThrownBy(() -> MarginEngine.DEFAULT.check(position("2", CAPPED), Venues.byId("binance-usdm")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("quantity: gives a notional of 120000 at the mark, above the last tier of BTCUSDT's table "
                        + "(cap 100000); the table has no tier for it (got 2)");
    }

    @Test
    void atTheCapAndOnAnOpenEndedTableItIsAccepted() {
        // 1.5 × 60,000 = 90,000 ≤ 100,000
        assertThatCode(() -> MarginEngine.DEFAULT.check(position("1.5", CAPPED), Venues.byId("binance-usdm")))
                .doesNotThrowAnyException();
        // the bundled Binance BTCUSDT table's last tier is open-ended
        assertThatCode(() -> MarginEngine.DEFAULT.check(position("100", null), Venues.byId("binance-usdm")))
                .doesNotThrowAnyException();
    }
}
