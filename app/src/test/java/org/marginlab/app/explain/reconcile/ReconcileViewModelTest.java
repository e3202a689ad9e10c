package org.marginlab.app.explain.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;

import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginlab.app.model.Drafts;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.Evaluator;
import org.marginlab.app.ui.Formats;
import org.marginlab.app.workspace.WorkspaceFile;

/**
 * The view-model with direct executors (the reconciliation runs inside {@code reconcile()}), on the
 * Binance FAQ cross sample: btc-long's liquidation price 26,316.89 (margin-formulas.md §1.1); the cross
 * account's margin ratio there is TMM / margin balance = (109.488 × 31,967.27 × 2.5 % − 16,300
 * + 356,512.508122) / (1,535,443.01 + 109.488 × (31,967.27 − 32,481.98) − 448,192.88514)
 * = (71,200.81 + 356,512.51) / (1,535,443.01 − 56,354.07 − 448,192.89) = 427,713.32 / 1,030,896.05 = 41.49 %.
 */
class ReconcileViewModelTest {
    private SimpleObjectProperty<Evaluation> evaluation;
    private SimpleStringProperty selected;
    private ReconcileViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        var workspace = WorkspaceFile.read(Path.of("..", "assets", "samples", "binance-faq-cross.marginlab")).workspace();
        evaluation = new SimpleObjectProperty<>(
                new Evaluator(Locale.GERMANY).evaluate(new Drafts(new Formats(Locale.GERMANY)).of(workspace), null));
        selected = new SimpleStringProperty("btc-long");
        vm = new ReconcileViewModel(evaluation, selected, Locale.GERMANY, Runnable::run, Runnable::run);
    }

    @Test
    void reconcile_inTheUsersLocale_givesTheVerdictAndOneRowPerCauseAndFigure() {
        vm.liquidationPriceProperty().set("26.350,00");
        vm.marginRatioProperty().set("41,49");
        vm.reconcile();
        assertThat(vm.liquidationPriceErrorProperty().get()).isNull();
        assertThat(vm.verdictProperty().get()).startsWith("Explained by funding (also fits: crossWallet)");
        assertThat(vm.explainedProperty().get()).isTrue();
        // 9 causes + the margin ratio check
        assertThat(vm.rows()).hasSize(10);
        ReconcileViewModel.Row ratio = vm.rows().get(9);
        assertThat(ratio.id()).isEqualTo("marginRatio");
        assertThat(ratio.explains()).isTrue();
        assertThat(ratio.sentence()).isEqualTo("The venue's margin ratio 41.49 % matches MarginLab's 41.49 %.");
    }

    @Test
    void errors_goUnderTheirFields_andNothingIsComputed() {
        vm.liquidationPriceProperty().set("");
        vm.maintenanceMarginProperty().set("-1");
        vm.reconcile();
        assertThat(vm.liquidationPriceErrorProperty().get()).isEqualTo("is required");
        assertThat(vm.maintenanceMarginErrorProperty().get()).isEqualTo("must be ≥ 0");
        assertThat(vm.verdictProperty().get()).isEmpty();
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void noSelection_saysSo_andANewEvaluationClearsTheResult() {
        vm.liquidationPriceProperty().set("26350");
        vm.reconcile();
        assertThat(vm.rows()).isNotEmpty();
        evaluation.set(evaluation.get().draft() == null ? null
                : new Evaluator(Locale.GERMANY).evaluate(evaluation.get().draft(), evaluation.get()));
        assertThat(vm.verdictProperty().get()).isEmpty();
        assertThat(vm.rows()).isEmpty();
        selected.set(null);
        vm.reconcile();
        assertThat(vm.statusProperty().get()).isEqualTo("Select a position to reconcile.");
    }
}
