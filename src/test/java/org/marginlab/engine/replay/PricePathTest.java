package org.marginlab.engine.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.ValidationException;

class PricePathTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    private static PricePath.Point point(int minute, Object... symbolMarks) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < symbolMarks.length; i += 2) {
            m.put((String) symbolMarks[i], symbolMarks[i + 1] == null ? null : new BigDecimal((String) symbolMarks[i + 1]));
        }
        return new PricePath.Point(T0.plusSeconds(60L * minute), m);
    }

    @Test
    void anAbsentSymbolKeepsItsLastMarkAndHasItsFirstMarkBeforeIt() {
        PricePath p = PricePath.of(List.of(point(0, "BTCUSDT", "60000"), point(1, "ETHUSDT", "3000"),
                point(2, "BTCUSDT", "59000")));
        assertThat(p.symbols()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(p.mark("BTCUSDT", 1)).isEqualByComparingTo("60000"); // carried from minute 0
        assertThat(p.mark("ETHUSDT", 0)).isEqualByComparingTo("3000"); // its first mark, before it
        assertThat(p.mark("ETHUSDT", 2)).isEqualByComparingTo("3000");
        assertThat(p.moves("SOLUSDT")).isFalse();
    }

    @Test
    void marksMoveLinearlyBetweenPoints() {
        PricePath p = PricePath.of(List.of(point(0, "BTCUSDT", "60000"), point(10, "BTCUSDT", "57000")));
        // 60,000 + 0.25·(57,000 − 60,000) = 59,250
        assertThat(p.markAt("BTCUSDT", 0, new BigDecimal("0.25"))).isEqualByComparingTo("59250");
        assertThat(p.indexAt(T0.plusSeconds(599))).isZero();
        assertThat(p.indexAt(T0.plusSeconds(600))).isEqualTo(1);
        assertThat(p.indexAt(T0.minusSeconds(1))).isZero();
        assertThat(p.duration().toMinutes()).isEqualTo(10);
    }

    @Test
    void refusesFewerThanTwoTimes() {
        assertThatThrownBy(() -> PricePath.of(List.of(point(0, "BTCUSDT", "60000"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("points").hasMessageContaining("at least 2");
    }

    @Test
    void refusesTimesThatDoNotIncrease() {
        assertThatThrownBy(() -> PricePath.of(List.of(point(1, "BTCUSDT", "60000"), point(1, "BTCUSDT", "59000"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("points[1].time");
    }

    @Test
    void refusesAMarkThatIsNotPositive() {
        assertThatThrownBy(() -> PricePath.of(List.of(point(0, "BTCUSDT", "60000"), point(1, "BTCUSDT", "-3"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("points[1].mark")
                .hasMessageContaining("> 0");
    }
}
