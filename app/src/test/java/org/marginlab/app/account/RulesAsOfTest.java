package org.marginlab.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.marginlab.app.workspace.Samples;
import org.marginlab.app.workspace.Workspace;

/**
 * Edit → Rules as of… (spec venues-v2.md §12.2): the workspace's {@code asOf} is part of the
 * document: it is saved, undone and redone like any edit, and the evaluation uses the rule-set
 * versions in force at it.
 */
class RulesAsOfTest {

    @Test
    void rulesAsOfIsAnUndoableEditOfTheDocument() {
        AccountViewModel vm = AccountViewModelTest.open(Samples.BTC_LONG_ISOLATED);
        assertThat(vm.rulesAsOf()).isNull();
        assertThat(vm.dirtyProperty().get()).isFalse();

        Instant day = Instant.parse("2024-06-01T00:00:00Z");
        vm.setRulesAsOf(day);

        assertThat(vm.rulesAsOf()).isEqualTo(day);
        assertThat(vm.evaluationProperty().get().draft().asOf()).isEqualTo(day);
        assertThat(vm.dirtyProperty().get()).as("a changed asOf is an unsaved change").isTrue();
        Workspace saved = vm.toWorkspace();
        assertThat(saved.asOf()).as("saved with the workspace").isEqualTo(day);
        assertThat(vm.evaluationProperty().get().venue().ruleSetId()).isEqualTo("binance-usdm@0000-01-01");

        vm.undo();
        assertThat(vm.rulesAsOf()).isNull();
        assertThat(vm.dirtyProperty().get()).isFalse();
        vm.redo();
        assertThat(vm.rulesAsOf()).isEqualTo(day);
    }

    @Test
    void settingTheSameDateIsNoEdit() {
        AccountViewModel vm = AccountViewModelTest.open(Samples.BTC_LONG_ISOLATED);
        vm.setRulesAsOf(null);
        assertThat(vm.canUndoProperty().get()).isFalse();
    }
}
