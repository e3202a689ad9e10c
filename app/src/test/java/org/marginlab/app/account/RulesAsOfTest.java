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

    /**
     * The KuCoin sample under both isolated rules (spec venues-v2.md §2.3, §2.4), xbt-long: long
     * 0.2 at 60,000, 10x (margin 1,200), MMR 0.4 %, liquidation-fee rate 0.1 %, mark 59,000.
     * From 2025-05-22 (L-P, φ = LFR): LP = (0.2·60,000 − 1,200) / (0.2·(1 − 0.004 − 0.001)) =
     * 10,800 / 0.199 = 54,271.36. Before (L-E, MM at entry 48): LP = 60,000 − (1,200 − 48)/0.2 =
     * 54,240.00.
     */
    @Test
    void theKucoinSampleShowsEachRuleSetByItsDate() {
        AccountViewModel vm = AccountViewModelTest.open(Samples.KUCOIN_RULE_CHANGE);
        assertThat(vm.evaluationProperty().get().venue().ruleSetId()).isEqualTo("kucoin@2025-05-22");
        assertThat(AccountViewModelTest.row(vm, "xbt-long").figureProperty(org.marginlab.app.position.Figure.LIQUIDATION_PRICE)
                .get()).isEqualTo("54,271.36 USDT");

        vm.setRulesAsOf(Instant.parse("2025-05-01T00:00:00Z"));

        assertThat(vm.evaluationProperty().get().venue().ruleSetId()).isEqualTo("kucoin@2021-01-01");
        assertThat(vm.venueProperty().get().version()).isEqualTo("2021-01-01");
        assertThat(AccountViewModelTest.row(vm, "xbt-long").figureProperty(org.marginlab.app.position.Figure.LIQUIDATION_PRICE)
                .get()).isEqualTo("54,240.00 USDT");
    }

    @Test
    void pickingThePinnedVenueAgainKeepsItsVersion_andADateReplacesThePin() throws Exception {
        AccountViewModel vm = new AccountViewModel(org.marginlab.engine.MarginEngine.DEFAULT, java.util.Locale.US);
        vm.load(Samples.open(Samples.KUCOIN_RULE_CHANGE).withVenueId("kucoin@2021-01-01"));
        assertThat(vm.evaluationProperty().get().venue().ruleSetId()).isEqualTo("kucoin@2021-01-01");

        vm.venueProperty().set(org.marginlab.engine.venue.Venues.byId("kucoin"));

        assertThat(vm.evaluationProperty().get().venue().ruleSetId()).as("the pin stays").isEqualTo("kucoin@2021-01-01");
        assertThat(vm.canUndoProperty().get()).isFalse();

        vm.setRulesAsOf(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(vm.evaluationProperty().get().draft().venueId()).isEqualTo("kucoin");
        assertThat(vm.evaluationProperty().get().venue().ruleSetId()).isEqualTo("kucoin@2025-05-22");
        vm.undo();
        assertThat(vm.evaluationProperty().get().draft().venueId()).isEqualTo("kucoin@2021-01-01");
    }

    @Test
    void anAsOfBeforeTheVenuesFirstRulesIsTheAsOfsError() {
        AccountViewModel vm = AccountViewModelTest.open(Samples.BTC_LONG_ISOLATED);
        vm.setRulesAsOf(Instant.parse("2020-01-01T00:00:00Z"));
        vm.venueProperty().set(org.marginlab.engine.venue.Venues.byId("kucoin"));
        assertThat(vm.problemProperty().get()).startsWith("asOf: must not be before 2021-01-01T00:00:00Z, the first rule set "
                + "of kucoin (got 2020-01-01T00:00:00Z)");
    }
}
