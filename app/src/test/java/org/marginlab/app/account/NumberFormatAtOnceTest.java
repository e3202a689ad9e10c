package org.marginlab.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.marginlab.app.compare.ComparisonViewModel;
import org.marginlab.app.model.InputField;
import org.marginlab.app.position.Figure;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.workspace.Samples;
import org.marginlab.engine.MarginEngine;

/**
 * View → Number format applies at once: what was typed is rewritten in the new format with its
 * value unchanged (in every undo step too), every figure is shown in it, the comparison follows,
 * entry follows the new format strictly, and the change is no edit (nothing unsaved).
 */
class NumberFormatAtOnceTest {

    private static AccountViewModel open(Locale locale) {
        AccountViewModel vm = new AccountViewModel(MarginEngine.DEFAULT, locale);
        vm.load(Samples.open("btc-long-isolated.marginlab"));
        return vm;
    }

    private static PositionViewModel btc(AccountViewModel vm) {
        return AccountViewModelTest.row(vm, "btc-long");
    }

    @Test
    void englishToGerman_rewritesTheTypedNumbersAndShowsEveryFigureInGerman() {
        AccountViewModel vm = open(Locale.US);
        ComparisonViewModel comparison = new ComparisonViewModel(vm, Runnable::run, Runnable::run);
        comparison.activeProperty().set(true);
        btc(vm).textProperty(InputField.QUANTITY).set("0.5"); // as loaded
        assertThat(btc(vm).figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("57,228.92 USDT");
        assertThat(vm.dirtyProperty().get()).isFalse();

        vm.setLocale(Locale.GERMANY);

        assertThat(btc(vm).textProperty(InputField.QUANTITY).get()).isEqualTo("0,5");
        assertThat(btc(vm).textProperty(InputField.ENTRY_PRICE).get()).isEqualTo("60000");
        assertThat(vm.walletTextProperty().get()).isEqualTo("10000");
        assertThat(btc(vm).figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("57.228,92 USDT");
        assertThat(vm.totalEquityProperty().get()).isEqualTo("11.000,00 USDT");
        assertThat(comparison.rows().get(0).liquidationPriceProperty().get().isolated()).isEqualTo("57.228,92");
        assertThat(vm.dirtyProperty().get()).as("a format is no edit").isFalse();
        assertThat(vm.noticeProperty().get()).startsWith("Numbers are now typed and shown as 1.234,56");
    }

    @Test
    void afterTheSwitch_entryFollowsTheNewFormatStrictly_andUndoGoesBackInIt() {
        AccountViewModel vm = open(Locale.US);
        btc(vm).textProperty(InputField.QUANTITY).set("0.75");
        vm.setLocale(Locale.GERMANY);
        assertThat(btc(vm).textProperty(InputField.QUANTITY).get()).isEqualTo("0,75");
        assertThat(vm.dirtyProperty().get()).isTrue();

        // 58.500 in German is 58,500: the grouping separator, read as such
        btc(vm).textProperty(InputField.MARK_PRICE).set("58.500");
        assertThat(btc(vm).errorProperty(InputField.MARK_PRICE).get()).isNull();
        assertThat(btc(vm).figureProperty(Figure.MARK_PRICE).get()).isEqualTo("58.500,00 USDT");
        // 58.5 is no German number: a message, not a silent 585 or 58.5
        btc(vm).textProperty(InputField.MARK_PRICE).set("58.5");
        assertThat(btc(vm).errorProperty(InputField.MARK_PRICE).get()).contains("use ',' for decimals");

        vm.undo(); // the mark
        vm.undo(); // the quantity typed in English, undone in German
        assertThat(btc(vm).textProperty(InputField.QUANTITY).get()).isEqualTo("0,5");
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void aHalfTypedNumber_isKeptAsTyped_withItsMessage() {
        AccountViewModel vm = open(Locale.US);
        btc(vm).textProperty(InputField.LEVERAGE).set("2x0");
        vm.setLocale(Locale.FRANCE);
        assertThat(btc(vm).textProperty(InputField.LEVERAGE).get()).isEqualTo("2x0");
        assertThat(btc(vm).errorProperty(InputField.LEVERAGE).get()).isNotNull();
        assertThat(btc(vm).figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("57\u202f228,92 USDT");
    }
}
