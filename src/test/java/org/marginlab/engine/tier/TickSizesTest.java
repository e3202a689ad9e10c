package org.marginlab.engine.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.VenueParameters;

/** Bundled ticks as the cited sources state them (spec venues-v2.md §1.2, §2.2, §6.1, §11). */
class TickSizesTest {

    private static Position position(String symbol, String tick) {
        return Position.builder().symbol(symbol).side(Side.LONG).quantity(BigDecimal.ONE)
                .entryPrice(new BigDecimal("60000")).leverage(BigDecimal.TEN)
                .venueParameters(tick == null ? null : VenueParameters.builder().tickSize(new BigDecimal(tick)).build())
                .build();
    }

    @Test
    void bundledTicksAreTheSourcesValues() {
        assertThat(TickSizes.bundled("kraken-futures", "PI_XBTUSD")).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("0.5"));
        assertThat(TickSizes.bundled("kraken-futures", "pf_xbtusd")).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("1"));
        assertThat(TickSizes.bundled("kraken-futures", "PF_ETHUSD")).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("0.1"));
        assertThat(TickSizes.bundled("bitmex", "XBTUSD")).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("0.1"));
        assertThat(TickSizes.bundled("kucoin", "XBTUSDM")).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("0.1"));
    }

    @Test
    void noTickWhereNoSourceGivesOne() {
        assertThat(TickSizes.bundled("binance-usdm", "BTCUSDT")).isEmpty();
        assertThat(TickSizes.bundled("kraken-futures", "PF_SOLUSD")).isEmpty();
        assertThat(TickSizes.of("binance-usdm", position("BTCUSDT", null))).isEmpty();
    }

    @Test
    void thePositionsOwnTickWins() {
        assertThat(TickSizes.of("kraken-futures", position("PF_XBTUSD", "0.5")))
                .hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("0.5"));
        assertThat(TickSizes.of("binance-usdm", position("BTCUSDT", "0.1")))
                .hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("0.1"));
    }
}
