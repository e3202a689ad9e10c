package org.marginlab.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marginlab.app.model.InputField;
import org.marginlab.app.position.Figure;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.workspace.Samples;
import org.marginlab.engine.venue.Venues;

/**
 * Venue → Bybit on the course sample (issue "Fit and finish"): every position is re-checked under
 * Bybit's rules. btc-long (Bybit has BTCUSDT tiers) and sol-long (its own maintenance rate) stay
 * live with Bybit's figures; eth-long (no ETHUSDT tiers on Bybit) is named by its id, shows no
 * figure of the old venue, is left out of the account's figures with a line saying so, and is
 * offered the two fixes. Bybit's isolated liquidation price (margin-formulas.md §2.1, tier 1 MMR
 * 0.5 %, MM on the entry value): LP = entry − (IM − MM) / qty = 60,000 − (600 − 12,000 × 0.005) / 0.2
 * = 60,000 − 540 / 0.2 = 57,300.00; Binance's was 57,228.92.
 */
class VenueChangeTest {

    private static PositionViewModel row(AccountViewModel vm, String id) {
        return AccountViewModelTest.row(vm, id);
    }

    @Test
    void switchingToBybit_keepsValidPositionsLive_namesTheOtherByIdAndOffersTheFix() {
        AccountViewModel vm = AccountViewModelTest.open(Samples.COURSE_CROSS_CASCADE);
        assertThat(row(vm, "btc-long").figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("57,228.92 USDT");

        vm.venueProperty().set(Venues.byId("bybit-linear"));

        PositionViewModel btc = row(vm, "btc-long");
        assertThat(btc.validProperty().get()).isTrue();
        assertThat(btc.staleProperty().get()).isFalse();
        assertThat(btc.figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("57,300.00 USDT");
        assertThat(btc.tierFixProperty().get()).isEmpty();
        assertThat(row(vm, "sol-long").validProperty().get()).isTrue();

        PositionViewModel eth = row(vm, "eth-long");
        assertThat(eth.validProperty().get()).isFalse();
        assertThat(eth.figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("—");
        assertThat(vm.problemProperty().get()).startsWith("eth-long.symbol: has no bundled tier table on bybit-linear")
                .doesNotContain("positions[");
        assertThat(eth.tierFixProperty().get()).startsWith("ETHUSDT has no maintenance tiers bundled for Bybit");
        assertThat(eth.tierFixSymbols()).containsExactly("BTCUSDT");
        assertThat(vm.figures().leftOut().get()).isEqualTo(
                "These figures leave out eth-long (not valid): its margin and PnL are not counted until fixed.");
    }

    @Test
    void typingAMaintenanceRate_orPickingABundledSymbol_bringsThePositionBack() {
        AccountViewModel vm = AccountViewModelTest.open(Samples.COURSE_CROSS_CASCADE);
        vm.venueProperty().set(Venues.byId("bybit-linear"));
        PositionViewModel eth = row(vm, "eth-long");

        eth.textProperty(InputField.MMR).set("0.01");
        assertThat(eth.validProperty().get()).isTrue();
        assertThat(eth.tierFixProperty().get()).isEmpty();
        assertThat(vm.figures().leftOut().get()).isEmpty();
        assertThat(vm.problemProperty().get()).isEmpty();

        vm.undo();
        assertThat(row(vm, "eth-long").tierFixProperty().get()).isNotEmpty();
        row(vm, "eth-long").symbolProperty().set("BTCUSDT");
        assertThat(row(vm, "eth-long").validProperty().get()).isTrue();
        assertThat(vm.figures().leftOut().get()).isEmpty();
    }

    /**
     * Bybit UTA reserves the fee to close in the position margin (venues-v2.md §9.2): its default
     * isolated margin is IM + FTC = 1,500 + 0.5·60,000·(1 − 1/20)·0.00055 = 1,500 + 15.675. A
     * venue change moves no money: btc-long keeps its 1,500, stops following the leverage, and the
     * account's total equity (10,000 + 1,500 − 500 = 11,000) does not change.
     */
    @Test
    void switchingToAVenueWithAFeeToCloseMovesNoMoney() {
        AccountViewModel vm = AccountViewModelTest.open(Samples.BTC_LONG_ISOLATED);
        assertThat(vm.totalEquityProperty().get()).isEqualTo("11,000.00 USDT");

        vm.venueProperty().set(Venues.byId("bybit-uta"));

        PositionViewModel btc = row(vm, "btc-long");
        assertThat(btc.validProperty().get()).isTrue();
        assertThat(btc.textProperty(InputField.ISOLATED_MARGIN).get()).isEqualTo("1500");
        assertThat(vm.walletTextProperty().get()).isEqualTo("10000");
        assertThat(vm.totalEquityProperty().get()).isEqualTo("11,000.00 USDT");
        assertThat(btc.leverageNoteProperty().get()).as("offers to follow the leverage again").isNotEmpty();
        assertThat(vm.evaluationProperty().get().position("btc-long").risk().feeToClose())
                .isEqualByComparingTo("15.675");

        btc.linkMarginToLeverage();
        assertThat(btc.textProperty(InputField.ISOLATED_MARGIN).get()).isEqualTo("1515.675");
        assertThat(vm.walletTextProperty().get()).isEqualTo("9984.325");
        assertThat(vm.totalEquityProperty().get()).isEqualTo("11,000.00 USDT");
    }

    /**
     * KuCoin's isolated rule of 2025-05-22 needs the liquidation-fee rate, which KuCoin publishes
     * per contract nowhere (spec venues-v2.md §2.4, §14 #4): after Venue → KuCoin the rate's field
     * says so and typing one brings the figures back: LP = (Q·EP − M)/(Q·(1 − MMR − LFR)) with
     * KuCoin's bundled-free symbol priced by a maintenance override of 0.5 %:
     * (0.5·60,000 − 1,500)/(0.5·(1 − 0.005 − 0.001)) = 28,500/0.497 = 57,344.06.
     */
    @Test
    void kucoinAsksForItsLiquidationFeeRateInTheEditor() {
        AccountViewModel vm = AccountViewModelTest.open(Samples.BTC_LONG_ISOLATED);
        vm.venueProperty().set(Venues.byId("kucoin"));
        PositionViewModel btc = row(vm, "btc-long");
        // first what KuCoin lacks for BTCUSDT (no bundled tiers), then what the rule lacks
        assertThat(vm.problemProperty().get()).startsWith("btc-long.symbol: has no bundled tier table on kucoin");
        btc.textProperty(InputField.MMR).set("0.005");
        assertThat(btc.errorProperty(InputField.LIQUIDATION_FEE_RATE).get())
                .startsWith("Liquidation fee rate is required on kucoin@2025-05-22");

        btc.textProperty(InputField.LIQUIDATION_FEE_RATE).set("0.001");

        assertThat(btc.errorProperty(InputField.LIQUIDATION_FEE_RATE).get()).isNull();
        assertThat(btc.validProperty().get()).isTrue();
        assertThat(btc.figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("57,344.06 USDT");
        assertThat(vm.toWorkspace().positions().get(0).venueParameters().liquidationFeeRate())
                .isEqualByComparingTo("0.001");
    }
}
