package org.marginlab.engine.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.ValidationException;

/**
 * {@link DeribitLinearRates} (spec margin-formulas.md §8): IMR = 2 % + size·0.005 %,
 * MMR = 1 % + size·0.005 %, margins = size·rate, exact. Values by hand.
 */
class DeribitLinearRatesTest {

    @Test
    void test_rates_sizeZero_areTheBaseRates() {
        assertThat(DeribitLinearRates.imr(BigDecimal.ZERO)).isEqualByComparingTo("0.02");
        assertThat(DeribitLinearRates.mmr(BigDecimal.ZERO)).isEqualByComparingTo("0.01");
        assertThat(DeribitLinearRates.initialMargin(BigDecimal.ZERO)).isEqualByComparingTo("0");
    }

    @Test
    void test_rates_100Btc() {
        // IMR = 0.02 + 100·0.00005 = 0.025, IM = 2.5 BTC; MMR = 0.015, MM = 1.5 BTC
        BigDecimal size = new BigDecimal("100");
        assertThat(DeribitLinearRates.imr(size)).isEqualByComparingTo("0.025");
        assertThat(DeribitLinearRates.initialMargin(size)).isEqualByComparingTo("2.5");
        assertThat(DeribitLinearRates.mmr(size)).isEqualByComparingTo("0.015");
        assertThat(DeribitLinearRates.maintenanceMargin(size)).isEqualByComparingTo("1.5");
    }

    @Test
    void test_rates_fractionalSize_exact() {
        // 0.3 BTC: IMR 0.020015, IM 0.0060045; MMR 0.010015, MM 0.0030045 (no rounding)
        BigDecimal size = new BigDecimal("0.3");
        assertThat(DeribitLinearRates.initialMargin(size)).isEqualByComparingTo("0.0060045");
        assertThat(DeribitLinearRates.maintenanceMargin(size)).isEqualByComparingTo("0.0030045");
    }

    @Test
    void test_negativeOrMissingSize_rejected() {
        assertThatThrownBy(() -> DeribitLinearRates.imr(new BigDecimal("-1"))).isInstanceOf(ValidationException.class)
                .hasMessage("sizeBtc: must be ≥ 0 (got -1)");
        assertThatThrownBy(() -> DeribitLinearRates.maintenanceMargin(null)).isInstanceOf(ValidationException.class)
                .hasMessage("sizeBtc: is required (got nothing)");
    }
}
