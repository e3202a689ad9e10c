package org.marginlab.app.position;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.model.InputField;
import org.marginlab.app.workspace.Samples;
import org.marginlab.engine.MarginEngine;

/** The risk level reads both the margin ratio and the distance to liquidation (README, "Risk"). */
class RiskLevelTest {

    @Test
    void bands() {
        assertThat(RiskLevel.of(new BigDecimal("0.23"), new BigDecimal("0.0460"), false)).isEqualTo(RiskLevel.SAFE);
        assertThat(RiskLevel.of(new BigDecimal("0.23"), new BigDecimal("0.0300"), false)).isEqualTo(RiskLevel.SAFE);
        assertThat(RiskLevel.of(new BigDecimal("0.23"), new BigDecimal("0.0299"), false)).isEqualTo(RiskLevel.WARNING);
        assertThat(RiskLevel.of(new BigDecimal("0.80"), new BigDecimal("0.20"), false)).isEqualTo(RiskLevel.WARNING);
        assertThat(RiskLevel.of(new BigDecimal("0.10"), null, false)).isEqualTo(RiskLevel.SAFE);
        assertThat(RiskLevel.of(new BigDecimal("0.10"), new BigDecimal("0.20"), true)).isEqualTo(RiskLevel.LIQUIDATED);
        assertThat(RiskLevel.of(null, null, false)).isEqualTo(RiskLevel.LIQUIDATED);
    }

    @Test
    void a20xLong133PercentFromLiquidation_isAWarningNotSafe() {
        AccountViewModel account = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        account.load(Samples.open(Samples.COURSE_CROSS_CASCADE));
        PositionViewModel btc = account.positions().get(0);
        assertThat(btc.id()).isEqualTo("btc-long");
        assertThat(btc.riskLevelProperty().get()).isEqualTo(RiskLevel.SAFE);
        assertThat(btc.riskTextProperty().get()).isEqualTo("Safe: margin ratio < 80 %, ≥ 3 % from liquidation");
        // 0.2 BTC at 60,000, 20x, 600 USDT isolated: liquidation 57,228.92. At a mark of 58,000 it is
        // (58,000 − 57,228.92)/58,000 = 1.33 % away, with a margin ratio of only
        // 58,000·0.2·0.004 / (600 − 0.2·2,000) = 46.4/200 = 23.2 %
        btc.textProperty(InputField.MARK_PRICE).set("58000");
        assertThat(btc.figureProperty(Figure.MARGIN_RATIO).get()).isEqualTo("23.20 %");
        assertThat(btc.riskLevelProperty().get()).isEqualTo(RiskLevel.WARNING);
        assertThat(btc.riskTextProperty().get()).isEqualTo("Warning: 1.33 % from liquidation (< 3 %)");
        // at the liquidation price: liquidated, and said so
        btc.textProperty(InputField.MARK_PRICE).set("57000");
        assertThat(btc.riskLevelProperty().get()).isEqualTo(RiskLevel.LIQUIDATED);
        assertThat(btc.riskTextProperty().get()).isEqualTo("Liquidated at this mark");
    }
}
