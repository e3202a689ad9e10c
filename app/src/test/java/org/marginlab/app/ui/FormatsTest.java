package org.marginlab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class FormatsTest {
    private final Formats us = new Formats(Locale.US);

    @Test
    void price_roundsInTheGivenDirection() {
        BigDecimal lp = new BigDecimal("57228.91566265");
        assertThat(us.price(lp, RoundingMode.CEILING)).isEqualTo("57,228.92");
        assertThat(us.price(lp, RoundingMode.FLOOR)).isEqualTo("57,228.91");
        assertThat(us.price(new BigDecimal("62749.0039"), RoundingMode.FLOOR)).isEqualTo("62,749.00");
    }

    @Test
    void amount_isHalfUpWithUnitAndTypographicMinus() {
        assertThat(us.amount(new BigDecimal("-500"), "USDT")).isEqualTo("−500.00 USDT");
        assertThat(us.amount(new BigDecimal("1234.565"), "USDT")).isEqualTo("1,234.57 USDT");
        assertThat(us.amount(new BigDecimal("-0.001"), "USDT")).isEqualTo("0.00 USDT");
    }

    @Test
    void percent_andLeverage() {
        assertThat(us.percent(new BigDecimal("0.118"))).isEqualTo("11.80 %");
        assertThat(us.percent(new BigDecimal("-0.33333333"))).isEqualTo("−33.33 %");
        assertThat(us.leverage(new BigDecimal("19.666666667"))).isEqualTo("19.67x");
    }

    @Test
    void editable_dropsTrailingZerosAndGrouping() {
        assertThat(us.editable(new BigDecimal("2000.00"), 8)).isEqualTo("2000");
        assertThat(us.editable(new BigDecimal("0.50"), 8)).isEqualTo("0.5");
        assertThat(us.editable(new BigDecimal("1E+3"), 8)).isEqualTo("1000");
        assertThat(new Formats(Locale.GERMANY).editable(new BigDecimal("0.5"), 8)).isEqualTo("0,5");
    }

    @Test
    void german_groupsWithDotsAndDecimalsWithComma() {
        assertThat(new Formats(Locale.GERMANY).price(new BigDecimal("57228.9157"), RoundingMode.CEILING))
                .isEqualTo("57.228,92");
    }
}
