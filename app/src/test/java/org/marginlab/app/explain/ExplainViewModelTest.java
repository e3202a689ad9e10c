package org.marginlab.app.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.bench.UiLatencyBenchmarkTest;
import org.marginlab.app.model.InputField;
import org.marginlab.app.workspace.Samples;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.derivation.Step;

/**
 * The Explain panel's state without a window: the derivation follows the one current evaluation
 * while open and is not worked out while closed.
 */
class ExplainViewModelTest {

    private static AccountViewModel faq() {
        AccountViewModel account = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        account.load(Samples.open(Samples.BINANCE_FAQ_CROSS));
        return account;
    }

    @Test
    void explain_faqLiquidationPrice_endsAtTheFaqFigure() {
        AccountViewModel account = faq();
        ExplainViewModel vm = new ExplainViewModel(account.evaluationProperty(), Locale.US);
        vm.explain("btc-long", Figure.LIQUIDATION_PRICE);
        assertThat(vm.openProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEmpty();
        // Binance FAQ: 26,316.89 (margin-formulas.md §1.1)
        assertThat(vm.valueProperty().get()).isEqualTo("26,316.89 USDT");
        assertThat(vm.derivationProperty().get().steps()).extracting(Step::symbol).contains("TMM_1", "UPNL_1", "P");
    }

    @Test
    void newEvaluation_whileOpen_recomputes_whileClosed_doesNot() {
        AccountViewModel account = faq();
        ExplainViewModel vm = new ExplainViewModel(account.evaluationProperty(), Locale.US);
        vm.explain("btc-long", Figure.UNREALIZED_PNL);
        // UPNL = 109.488 × (31967.27 − 32481.98) = 109.488 × −514.71 = −56,354.56848
        assertThat(vm.valueProperty().get()).isEqualTo("−56,354.57 USDT");
        account.positions().get(0).textProperty(InputField.MARK_PRICE).set("32000");
        // 109.488 × (32000 − 32481.98) = 109.488 × −481.98 = −52,771.02624
        assertThat(vm.valueProperty().get()).isEqualTo("−52,771.03 USDT");
        assertThat(vm.derivationProperty().get().value()).isEqualByComparingTo(new BigDecimal("-52771.02624"));

        vm.close();
        assertThat(vm.derivationProperty().get()).isNull();
        account.positions().get(0).textProperty(InputField.MARK_PRICE).set("33000");
        assertThat(vm.derivationProperty().get()).as("not worked out while closed").isNull();
        vm.explain("btc-long", Figure.UNREALIZED_PNL);
        // 109.488 × (33000 − 32481.98) = 109.488 × 518.02 = 56,716.97376
        assertThat(vm.valueProperty().get()).isEqualTo("56,716.97 USDT");
    }

    @Test
    void invalidInput_saysSo_andAnUnderivedFigureSaysItIsNotDerived() {
        AccountViewModel account = faq();
        ExplainViewModel vm = new ExplainViewModel(account.evaluationProperty(), Locale.US);
        vm.explain("btc-long", Figure.NOTIONAL);
        account.positions().get(0).textProperty(InputField.QUANTITY).set("abc");
        assertThat(vm.derivationProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).contains("btc-long").contains("invalid inputs");
        vm.explainUnavailable("btc-long", "Fee to close");
        assertThat(vm.messageProperty().get()).startsWith("Fee to close is not derived by the engine's rule set yet");
    }

    @Test
    void accountFigure_hasNoPosition() {
        AccountViewModel account = faq();
        ExplainViewModel vm = new ExplainViewModel(account.evaluationProperty(), Locale.US);
        vm.explain("btc-long", Figure.AVAILABLE_BALANCE);
        assertThat(vm.subjectProperty().get()).isEqualTo("Account");
        assertThat(vm.derivationProperty().get().positionId()).isNull();
    }

    @Test
    void totalEquity_ofALiquidatedAccount_saysTheSummaryCountsTheLiquidation() {
        AccountViewModel account = faq();
        ExplainViewModel vm = new ExplainViewModel(account.evaluationProperty(), Locale.US);
        vm.explain(null, Figure.TOTAL_EQUITY);
        assertThat(vm.messageProperty().get()).isEmpty();
        // −20 %: btc-long's mark 31,967.27 × 0.8 = 25,573.82 is below its liquidation price 26,316.89
        account.shockTextProperty().set("-20");
        assertThat(account.evaluation().crossLiquidated()).isTrue();
        assertThat(vm.derivationProperty().get()).isNotNull();
        assertThat(vm.messageProperty().get()).startsWith("The account summary shows").contains("§4");
    }

    /** Not a benchmark (the lead runs those): one timing of the extra work per edit while open, printed. */
    @Test
    void perEditCost_on200Positions_isPrinted() {
        AccountViewModel account = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        account.load(UiLatencyBenchmarkTest.workspace(200));
        ExplainViewModel vm = new ExplainViewModel(account.evaluationProperty(), Locale.US);
        int n = 200;
        long closed = time(account, n);
        vm.explain("p100", Figure.LIQUIDATION_PRICE);
        long open = time(account, n);
        assertThat(vm.derivationProperty().get()).isNotNull();
        // the extra work itself, apart from the edit: one explained evaluation against one plain one
        org.marginlab.engine.Account shocked = account.evaluation().shocked();
        long explain = 0;
        long plain = 0;
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                org.marginlab.engine.explain.Explainer.explain(shocked, "p100", Figure.LIQUIDATION_PRICE);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                MarginEngine.DEFAULT.evaluate(shocked);
            }
            explain = t1 - t0;
            plain = System.nanoTime() - t1;
        }
        System.out.printf(Locale.ROOT, "Explain per-edit cost, 200 positions: edit with the panel closed %.3f ms, open "
                + "%.3f ms; Explainer.explain alone %.3f ms, a plain engine evaluation %.3f ms%n",
                closed / 1e6 / n, open / 1e6 / n, explain / 1e6 / n, plain / 1e6 / n);
    }

    private static long time(AccountViewModel account, int n) {
        for (int i = 0; i < 50; i++) {
            account.shockSliderProperty().set(-20 + (i % 40));
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            account.shockSliderProperty().set(-20 + (i % 40));
        }
        return System.nanoTime() - t0;
    }
}
