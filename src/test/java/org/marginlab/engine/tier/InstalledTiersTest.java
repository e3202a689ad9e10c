package org.marginlab.engine.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

/**
 * An installed (refreshed) table wins over the bundled one at once, even after the venue cached
 * the bundled one; removing it brings the bundled one back.
 */
class InstalledTiersTest {
    private static final TierTable TWO_TIERS = TierTable.of(List.of(
            MaintenanceTier.of(new BigDecimal("0"), new BigDecimal("100000"), new BigDecimal("50"),
                    new BigDecimal("0.01"), BigDecimal.ZERO),
            MaintenanceTier.of(new BigDecimal("100000"), null, new BigDecimal("20"), new BigDecimal("0.02"),
                    new BigDecimal("1000"))),
            "https://api.example/tiers", "2026-12-06");

    @AfterEach
    void clear() {
        InstalledTiers.clear();
    }

    @Test
    void anInstalledTableWinsOverTheBundledOneAtOnce() {
        VenueRules bybit = Venues.byId("bybit-linear");
        TierTable bundled = bybit.presetTiers("BTCUSDT").orElseThrow();
        assertThat(bundled.asOf()).isEqualTo("2024-05-10");

        InstalledTiers.install("bybit-linear", "btcusdt", TWO_TIERS);
        TierTable now = bybit.presetTiers("BTCUSDT").orElseThrow();
        assertThat(now).isSameAs(TWO_TIERS);
        assertThat(now.asOf()).isEqualTo("2026-12-06");
        assertThat(now.source()).isEqualTo("https://api.example/tiers");
        assertThat(bybit.presetTiers("BTCUSDT").orElseThrow().lookup(new BigDecimal("150000")).mmr())
                .isEqualByComparingTo("0.02");

        assertThat(InstalledTiers.remove("bybit-linear", "BTCUSDT")).isTrue();
        assertThat(bybit.presetTiers("BTCUSDT").orElseThrow()).isSameAs(bundled);
        assertThat(InstalledTiers.remove("bybit-linear", "BTCUSDT")).isFalse();
    }

    @Test
    void aSymbolWithOnlyAnInstalledTableBecomesAPreset() {
        VenueRules okx = Venues.byId("okx");
        assertThat(okx.presetSymbols()).isEmpty();
        assertThat(okx.presetTiers("BTCUSDT")).isEmpty();

        InstalledTiers.installAll(Map.of("okx/BTCUSDT", TWO_TIERS, "bitget/ETHUSDT", TWO_TIERS));
        assertThat(okx.presetSymbols()).containsExactly("BTCUSDT");
        assertThat(okx.presetTiers("BTCUSDT")).containsSame(TWO_TIERS);
        assertThat(InstalledTiers.symbols("bitget")).containsExactly("ETHUSDT");
        assertThat(InstalledTiers.lookup("bitget", " ethusdt ")).containsSame(TWO_TIERS);

        VenueRules bybit = Venues.byId("bybit-linear");
        InstalledTiers.install("bybit-linear", "ETHUSDT", TWO_TIERS);
        assertThat(bybit.presetSymbols()).containsExactly("BTCUSDT", "ETHUSDT");

        InstalledTiers.clear();
        assertThat(okx.presetSymbols()).isEmpty();
        assertThat(bybit.presetSymbols()).containsExactly("BTCUSDT");
    }

    @Test
    void everyChangeMovesTheVersion() {
        long before = InstalledTiers.version();
        InstalledTiers.install("gate", "BTCUSDT", TWO_TIERS);
        long installed = InstalledTiers.version();
        assertThat(installed).isGreaterThan(before);
        InstalledTiers.clear();
        assertThat(InstalledTiers.version()).isGreaterThan(installed);
    }

    @Test
    void keysAreChecked() {
        assertThatThrownBy(() -> InstalledTiers.install(" ", "BTCUSDT", TWO_TIERS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InstalledTiers.installAll(Map.of("no-slash", TWO_TIERS)))
                .hasMessageContaining("venueId/SYMBOL");
        assertThat(InstalledTiers.key(" okx ", "btcusdt")).isEqualTo("okx/BTCUSDT");
    }
}
