package org.marginlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginlab.app.cli.CliRunner.run;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.InputField;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.workspace.Samples;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.PositionRisk;

/**
 * The same workspace gives the same figures in the app and in {@code calc} (they share one
 * draft and one evaluation function): every position's liquidation price, margin ratio and
 * liquidated state and the account's total equity, to the last decimal; and a margin what-if
 * applied in the app leaves the wallet and total equity that {@code calc}'s {@code after} reports.
 */
class SameFiguresEverywhereTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String SAMPLES = "../assets/samples";

    private static AccountViewModel open(String sample) {
        AccountViewModel vm = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        vm.load(Samples.open(sample));
        return vm;
    }

    private static JsonNode calc(String... args) throws Exception {
        CliRunner.Run r = run(args);
        assertThat(r.exit()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private static void same(JsonNode json, BigDecimal value) {
        if (value == null) {
            assertThat(json.isNull()).isTrue();
        } else {
            assertThat(json.decimalValue()).isEqualByComparingTo(value);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Samples.BTC_LONG_ISOLATED, Samples.BINANCE_FAQ_CROSS, Samples.BTC_LONG_ETH_SHORT_HEDGE,
        Samples.BINANCE_COINM_BTCUSD, Samples.HYPERLIQUID_ACCOUNT, Samples.COURSE_CROSS_CASCADE})
    void theAppAndCalcShowTheSameFigures(String sample) throws Exception {
        Evaluation app = open(sample).evaluation();
        JsonNode report = calc("calc", "--json", Path.of(SAMPLES, sample).toString());
        same(report.get("account").get("totalEquity"), app.totalEquity());
        same(report.get("account").get("walletBalance"), app.risk().walletBalance());
        assertThat(report.get("account").get("liquidated").asBoolean()).isEqualTo(app.crossLiquidated());
        for (int i = 0; i < app.risk().positions().size(); i++) {
            PositionRisk r = app.risk().positions().get(i);
            JsonNode p = report.get("positions").get(i);
            assertThat(p.get("id").asText()).isEqualTo(r.positionId());
            same(p.get("liquidationPrice"), r.liquidationPrice());
            same(p.get("bankruptcyPrice"), r.bankruptcyPrice());
            same(p.get("marginRatio"), r.marginRatio());
            same(p.get("maxRemovableMargin"), r.maxRemovableMargin());
            same(p.get("maxAddableMargin"), app.positions().get(i).maxAddableMargin());
            assertThat(p.get("liquidated").asBoolean()).isEqualTo(app.positions().get(i).liquidated());
            // the costs and the probability of liquidation: the same PositionCosts
            org.marginlab.app.model.PositionCosts c = app.positions().get(i).costs();
            same(p.get("feeToOpen"), c.feeToOpen());
            same(p.get("feeToCloseAtMark"), c.feeToCloseAtMark());
            same(p.get("projectedFunding"), c.projectedFunding());
            same(p.get("breakEvenPrice"), c.breakEvenPrice());
            if (c.hasProbability()) {
                assertThat(p.get("liquidationProbability").get("probability").doubleValue()).isEqualTo(c.probability());
            } else {
                assertThat(p.get("liquidationProbability").isNull()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Samples.BTC_LONG_ISOLATED, Samples.HYPERLIQUID_ACCOUNT, Samples.COURSE_CROSS_CASCADE})
    void aWhatIfAppliedInTheAppLeavesWhatCalcReportsAfter(String sample) throws Exception {
        AccountViewModel vm = open(sample);
        PositionViewModel row = vm.positions().stream()
                .filter(p -> p.marginModeProperty().get() == MarginMode.ISOLATED).findFirst().orElseThrow();
        JsonNode after = calc("calc", "--json", "--add-margin", row.id() + "=100", Path.of(SAMPLES, sample).toString())
                .get("after");
        row.textProperty(InputField.MARGIN_DELTA).set("100");
        row.applyWhatIf();
        Evaluation app = vm.evaluation();
        same(after.get("account").get("walletBalance"), app.risk().walletBalance());
        same(after.get("account").get("totalEquity"), app.totalEquity());
        int i = vm.positions().indexOf(row);
        same(after.get("positions").get(i).get("liquidationPrice"), app.risk().positions().get(i).liquidationPrice());
    }
}
