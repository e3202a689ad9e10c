package org.marginlab.engine.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The bundled default volatilities and the mapping of venue symbols to a base asset. */
class VolatilitiesTest {

    @Test
    void theTableHasTheFiveBasesWithItsDate() {
        // the values of volatility.csv, realized volatility of 365 daily log returns to 2026-01-29
        assertThat(Volatilities.all()).extracting(Volatilities.DefaultVolatility::base)
                .containsExactly("BTC", "ETH", "SOL", "XRP", "DOGE");
        assertThat(Volatilities.defaultFor("BTC")).hasValueSatisfying(v -> {
            assertThat(v.annualised()).isEqualTo(0.412);
            assertThat(v.asOf()).isEqualTo(LocalDate.of(2026, 1, 29));
            assertThat(v.source()).contains("Harthor/marketlab", "6135a753162dd7dfe1c4d7fd282c1c8b65c5bede", "sqrt(365)");
        });
        assertThat(Volatilities.defaultFor("ETH").orElseThrow().annualised()).isEqualTo(0.742);
        assertThat(Volatilities.defaultFor("SOL").orElseThrow().annualised()).isEqualTo(0.832);
        assertThat(Volatilities.defaultFor("XRP").orElseThrow().annualised()).isEqualTo(0.795);
        assertThat(Volatilities.defaultFor("DOGE").orElseThrow().annualised()).isEqualTo(0.918);
        assertThat(Volatilities.all()).allSatisfy(v -> {
            assertThat(v.annualised()).isBetween(0.0, LiquidationProbability.MAX_VOLATILITY);
            assertThat(v.asOf()).isEqualTo(LocalDate.of(2026, 1, 29));
        });
    }

    @Test
    void venueSymbolsMapToTheirBase() {
        for (String symbol : new String[] {"BTC", "btc", "BTCUSDT", "BTCUSD", "BTCUSDC", "BTCBUSD", "XBTUSD", "XBTUSDM",
            "XBTUSDTM", "PF_XBTUSD", "PI_XBTUSD", "BTC-USDT-SWAP", "BTC-USD-SWAP", "BTC_USDT", "BTC/USDT:USDT",
            "BTCPERP", "BTC-PERP", "BTCUSDT.P", "BTCUSDT_250328", " btcusdt "}) {
            assertThat(Volatilities.baseOf(symbol)).as(symbol).isEqualTo("BTC");
            assertThat(Volatilities.defaultFor(symbol)).as(symbol).isPresent();
        }
        assertThat(Volatilities.baseOf("ETHUSDTM")).isEqualTo("ETH");
        assertThat(Volatilities.baseOf("SOL-USDT-SWAP")).isEqualTo("SOL");
        assertThat(Volatilities.baseOf("XRPUSDT")).isEqualTo("XRP");
        assertThat(Volatilities.baseOf("DOGEUSDT")).isEqualTo("DOGE");
        assertThat(Volatilities.baseOf("XDGUSD")).isEqualTo("DOGE");
        assertThat(Volatilities.baseOf("PF_ETHUSD")).isEqualTo("ETH");
    }

    @Test
    void otherSymbolsHaveNoDefault() {
        assertThat(Volatilities.defaultFor("SOLVUSDT")).isEmpty();
        assertThat(Volatilities.defaultFor("ADAUSDT")).isEmpty();
        assertThat(Volatilities.defaultFor("USDT")).isEmpty();
        assertThat(Volatilities.defaultFor("")).isEmpty();
        assertThat(Volatilities.defaultFor("   ")).isEmpty();
        assertThat(Volatilities.defaultFor(null)).isEmpty();
    }
}
