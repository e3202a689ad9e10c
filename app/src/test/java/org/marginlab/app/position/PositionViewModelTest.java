package org.marginlab.app.position;

import org.marginlab.app.model.InputField;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.workspace.Workspace;

/**
 * View-model tests without a JavaFX toolkit. Expected values are worked by hand from spec
 * margin-formulas.md §1 (Binance USDⓈ-M) with the bundled BTCUSDT brackets (tier 1: notional
 * below 50,000, MMR 0.4 %, amount 0, max 125x; tier 2: 50,000–600,000, MMR 0.5 %, amount 50,
 * max 100x).
 */
class PositionViewModelTest {

    /** The bundled sample: 0.5 BTCUSDT long @ 60,000, mark 59,000, 20x, isolated margin 1,500. */
    static Position sample() {
        return Position.builder().id("btc-long").symbol("BTCUSDT").side(Side.LONG).quantity(new BigDecimal("0.5"))
                .entryPrice(new BigDecimal("60000")).markPrice(new BigDecimal("59000")).leverage(new BigDecimal("20"))
                .isolatedMargin(new BigDecimal("1500")).build();
    }

    private PositionViewModel vm;

    /** An account on binance-usdm holding only the sample, with its row selected. */
    static AccountViewModel accountWithSample(Locale locale) {
        AccountViewModel account = new AccountViewModel(MarginEngine.DEFAULT, locale);
        account.load(new Workspace("test", "binance-usdm", new BigDecimal("10000"), List.of(sample())));
        return account;
    }

    @BeforeEach
    void setUp() {
        vm = accountWithSample(Locale.US).selectedProperty().get();
    }

    private String figure(Figure f) {
        return vm.figureProperty(f).get();
    }

    private void type(InputField f, String text) {
        vm.textProperty(f).set(text);
    }

    @Test
    void sample_showsHandCheckedFigures() {
        // LP = (1500 − 0.5·60000)/(0.5·0.004 − 0.5) = −28500/−0.498 = 57228.9156…, half-up to the cent
        assertThat(figure(Figure.LIQUIDATION_PRICE)).isEqualTo("57,228.92 USDT");
        // BP = 60000 − 1500/0.5
        assertThat(figure(Figure.BANKRUPTCY_PRICE)).isEqualTo("57,000.00 USDT");
        // MM = 29500·0.004 = 118; margin balance = 1500 − 500 = 1000; ratio = 0.118
        assertThat(figure(Figure.MARGIN_RATIO)).isEqualTo("11.80 %");
        assertThat(figure(Figure.NOTIONAL)).isEqualTo("29,500.00 USDT");
        assertThat(figure(Figure.INITIAL_MARGIN)).isEqualTo("1,500.00 USDT");
        assertThat(figure(Figure.MAINTENANCE_MARGIN)).isEqualTo("118.00 USDT");
        assertThat(figure(Figure.MMR)).isEqualTo("0.40 % − 0.00 USDT");
        assertThat(figure(Figure.MARGIN_BALANCE)).isEqualTo("1,000.00 USDT");
        assertThat(figure(Figure.UNREALIZED_PNL)).isEqualTo("−500.00 USDT");
        assertThat(figure(Figure.ROE)).isEqualTo("−33.33 %");
        assertThat(figure(Figure.EFFECTIVE_LEVERAGE)).isEqualTo("29.50x");
        // |59000 − 57228.9157|/59000 = 0.030018…
        assertThat(figure(Figure.DISTANCE_TO_LIQUIDATION)).isEqualTo("3.00 %");
        // min(1500 − 118, 1000 − 29500/20 = −475) < 0 → 0
        assertThat(figure(Figure.MAX_REMOVABLE_MARGIN)).isEqualTo("0.00 USDT");
        assertThat(vm.staleProperty().get()).isFalse();
        assertThat(vm.riskLevelProperty().get()).isEqualTo(RiskLevel.SAFE);
        assertThat(vm.marginRatioGaugeProperty().get()).isEqualTo(0.118);
        assertThat(vm.leverageMaxProperty().get()).isEqualTo(125.0);
    }

    @Test
    void typingQuantity_ofALinkedMargin_movesTheInitialMarginFromTheWallet() {
        AccountViewModel account = accountWithSample(Locale.US);
        PositionViewModel p = account.selectedProperty().get();
        p.textProperty(InputField.QUANTITY).set("1");
        // the margin follows the leverage: IM = 1·60,000/20 = 3,000, so 1,500 more leaves the wallet
        assertThat(p.textProperty(InputField.ISOLATED_MARGIN).get()).isEqualTo("3000");
        assertThat(account.walletTextProperty().get()).isEqualTo("8500");
        // total equity 8,500 + 3,000 − 1,000 = 10,000 + 1,500 − 500: unchanged
        assertThat(account.totalEquityProperty().get()).isEqualTo("10,500.00 USDT");
        // tier 2 (0.5 %, 50): MM 245; MB 3,000 − 1,000 = 2,000 → 12.25 %
        assertThat(p.figureProperty(Figure.MARGIN_RATIO).get()).isEqualTo("12.25 %");
        // LP = (3,000 + 50 − 60,000)/(0.005 − 1) = 56,950/0.995 = 57,236.1809…
        assertThat(p.figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("57,236.18 USDT");
    }

    @Test
    void typingQuantity_updatesFiguresAndRetiers() {
        type(InputField.ISOLATED_MARGIN, "1500.00"); // a margin of the user's own: it no longer follows
        type(InputField.QUANTITY, "1");
        // notional 59,000 → tier 2 (0.5 %, 50): MM = 295 − 50 = 245; margin balance 1500 − 1000 = 500
        assertThat(figure(Figure.MAINTENANCE_MARGIN)).isEqualTo("245.00 USDT");
        assertThat(figure(Figure.MARGIN_RATIO)).isEqualTo("49.00 %");
        // LP = (1500 + 50 − 60000)/(0.005 − 1) = 58743.718…; notional there is still in tier 2
        assertThat(figure(Figure.LIQUIDATION_PRICE)).isEqualTo("58,743.72 USDT");
        assertThat(vm.leverageMaxProperty().get()).isEqualTo(100.0);
    }

    @Test
    void typingMarkPrice_updatesMarginRatioButNotLiquidationPrice() {
        type(InputField.MARK_PRICE, "58000");
        // uPnL = 0.5·(58000 − 60000) = −1000; MB = 500; MM = 29000·0.004 = 116; 116/500
        assertThat(figure(Figure.MARGIN_RATIO)).isEqualTo("23.20 %");
        assertThat(figure(Figure.UNREALIZED_PNL)).isEqualTo("−1,000.00 USDT");
        assertThat(figure(Figure.LIQUIDATION_PRICE)).isEqualTo("57,228.92 USDT");
    }

    @Test
    void letters_areRejectedWithFieldAndRule_andLastResultStaysStale() {
        type(InputField.QUANTITY, "abc");
        assertThat(vm.errorProperty(InputField.QUANTITY).get()).isEqualTo("Quantity must be a number (got abc)");
        assertThat(vm.staleProperty().get()).isTrue();
        assertThat(figure(Figure.LIQUIDATION_PRICE)).isEqualTo("57,228.92 USDT");
        assertThat(vm.statusProperty().get()).contains("last valid result").contains("Quantity must be a number");

        type(InputField.QUANTITY, "0.5");
        assertThat(vm.errorProperty(InputField.QUANTITY).get()).isNull();
        assertThat(vm.staleProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEmpty();
    }

    @Test
    void zeroNegativeAndEmpty_areRejectedWithTheRule() {
        type(InputField.QUANTITY, "0");
        assertThat(vm.errorProperty(InputField.QUANTITY).get()).isEqualTo("Quantity must be > 0 (got 0)");
        type(InputField.QUANTITY, "-1");
        assertThat(vm.errorProperty(InputField.QUANTITY).get()).isEqualTo("Quantity must be > 0 (got -1)");
        type(InputField.QUANTITY, "0.5");
        type(InputField.ENTRY_PRICE, "");
        assertThat(vm.errorProperty(InputField.ENTRY_PRICE).get()).isEqualTo("Entry price is required");
        type(InputField.ENTRY_PRICE, "60000");
        type(InputField.MARK_PRICE, "-5");
        assertThat(vm.errorProperty(InputField.MARK_PRICE).get()).isEqualTo("Mark price must be > 0 (got -5)");
        type(InputField.MARK_PRICE, "59000");
        type(InputField.ISOLATED_MARGIN, "-1");
        assertThat(vm.errorProperty(InputField.ISOLATED_MARGIN).get()).isEqualTo("Isolated margin must be ≥ 0 (got -1)");
        assertThat(figure(Figure.LIQUIDATION_PRICE)).isEqualTo("57,228.92 USDT");
        assertThat(vm.staleProperty().get()).isTrue();
    }

    @Test
    void exponentNotation_isRejected() {
        type(InputField.MARK_PRICE, "5.9e4");
        assertThat(vm.errorProperty(InputField.MARK_PRICE).get())
                .isEqualTo("Mark price must not use exponent notation (got 5.9e4)");
    }

    @Test
    void leverageAboveTierMax_isRejectedWithTheMax() {
        type(InputField.LEVERAGE, "150");
        assertThat(vm.errorProperty(InputField.LEVERAGE).get())
                .isEqualTo("Leverage must be ≤ 125x, the max leverage of the tier (got 150)");
        assertThat(vm.staleProperty().get()).isTrue();
        assertThat(vm.leverageMaxProperty().get()).isEqualTo(125.0);
    }

    @Test
    void emptyIsolatedMargin_meansInitialMarginAtEntry() {
        type(InputField.ISOLATED_MARGIN, "");
        assertThat(vm.errorProperty(InputField.ISOLATED_MARGIN).get()).isNull();
        // IM at entry = 0.5·60000/20 = 1500: same as the sample
        assertThat(figure(Figure.LIQUIDATION_PRICE)).isEqualTo("57,228.92 USDT");
    }

    @Test
    void whatIfAdd500_showsBeforeAndAfter_andApplyCommitsIt() {
        type(InputField.MARGIN_DELTA, "500");
        // LP' = (2000 − 30000)/(−0.498) = 56224.8996; ratio' = 118/1500 = 7.8667 %; leverage' = 29500/1500
        assertThat(vm.whatIfLiquidationProperty().get()).isEqualTo("57,228.92 → 56,224.90");
        assertThat(vm.whatIfMarginRatioProperty().get()).isEqualTo("11.80 % → 7.87 %");
        assertThat(vm.whatIfLeverageProperty().get()).isEqualTo("29.50x → 19.67x");
        assertThat(vm.whatIfMarginProperty().get()).isEqualTo("1,500.00 → 2,000.00");
        assertThat(vm.marginDeltaSliderProperty().get()).isEqualTo(500.0);
        assertThat(vm.canApplyProperty().get()).isTrue();

        vm.applyWhatIf();
        assertThat(vm.textProperty(InputField.ISOLATED_MARGIN).get()).isEqualTo("2000");
        assertThat(vm.textProperty(InputField.MARGIN_DELTA).get()).isEmpty();
        assertThat(figure(Figure.LIQUIDATION_PRICE)).isEqualTo("56,224.90 USDT");
        assertThat(figure(Figure.MARGIN_RATIO)).isEqualTo("7.87 %");
        assertThat(vm.canApplyProperty().get()).isFalse();
    }

    @Test
    void whatIfSlider_writesTheMarginChange() {
        vm.marginDeltaSliderProperty().set(250);
        assertThat(vm.textProperty(InputField.MARGIN_DELTA).get()).isEqualTo("250");
        // LP' = (1750 − 30000)/(−0.498) = 56726.9076…
        assertThat(vm.whatIfLiquidationProperty().get()).isEqualTo("57,228.92 → 56,726.91");
    }

    @Test
    void whatIfRemoval_isBoundedByMaxRemovable() {
        type(InputField.MARK_PRICE, "61000");
        // uPnL +500; MB 2000; MM 30500·0.004 = 122; min(1500 − 122, 2000 − 30500/20) = 475
        assertThat(figure(Figure.MAX_REMOVABLE_MARGIN)).isEqualTo("475.00 USDT");
        assertThat(vm.marginDeltaMinProperty().get()).isEqualTo(-475.0);
        type(InputField.MARGIN_DELTA, "-500");
        assertThat(vm.errorProperty(InputField.MARGIN_DELTA).get())
                .startsWith("Margin change").contains("maxRemovableMargin").contains("475").endsWith("(got -500)");
        assertThat(vm.canApplyProperty().get()).isFalse();
        type(InputField.MARGIN_DELTA, "-400");
        assertThat(vm.errorProperty(InputField.MARGIN_DELTA).get()).isNull();
        // LP' = (1100 − 30000)/(−0.498) = 58032.1285…
        assertThat(vm.whatIfLiquidationProperty().get()).isEqualTo("57,228.92 → 58,032.13");
    }

    @Test
    void whatIfRemoval_whenNothingIsRemovable_saysSo() {
        type(InputField.MARGIN_DELTA, "-10");
        assertThat(vm.errorProperty(InputField.MARGIN_DELTA).get())
                .startsWith("Margin change").contains("maxRemovableMargin 0").endsWith("(got -10)");
    }

    @Test
    void riskLevel_followsTheMarginRatio() {
        type(InputField.MARK_PRICE, "57250");
        // MB = 1500 − 1375 = 125; MM = 28625·0.004 = 114.5; ratio 0.916
        assertThat(vm.riskLevelProperty().get()).isEqualTo(RiskLevel.WARNING);
        assertThat(figure(Figure.MARGIN_RATIO)).isEqualTo("91.60 %");
        type(InputField.MARK_PRICE, "57000");
        // MB = 0: liquidated (spec §4): no ratio, no distance
        assertThat(vm.riskLevelProperty().get()).isEqualTo(RiskLevel.LIQUIDATED);
        assertThat(figure(Figure.MARGIN_RATIO)).isEqualTo("liquidated");
        assertThat(figure(Figure.DISTANCE_TO_LIQUIDATION)).isEqualTo("liquidated");
        assertThat(vm.liquidatedProperty().get()).isTrue();
        assertThat(vm.marginRatioGaugeProperty().get()).isEqualTo(1.0);
    }

    @Test
    void short_isTheMirror() {
        vm.toggleSide();
        assertThat(vm.sideProperty().get()).isEqualTo(Side.SHORT);
        // LP = (1500 + 30000)/(0.5·(0.004 + 1)) = 62749.0039…, half-up to the cent
        assertThat(figure(Figure.LIQUIDATION_PRICE)).isEqualTo("62,749.00 USDT");
        assertThat(figure(Figure.BANKRUPTCY_PRICE)).isEqualTo("63,000.00 USDT");
        // uPnL +500, MB 2000, MM 118 → 5.90 %
        assertThat(figure(Figure.MARGIN_RATIO)).isEqualTo("5.90 %");
    }

    @Test
    void fullyCollateralisedLong_hasNoLiquidationPrice() {
        type(InputField.LEVERAGE, "1");
        type(InputField.ISOLATED_MARGIN, "30000");
        assertThat(figure(Figure.LIQUIDATION_PRICE)).isEqualTo("none");
        assertThat(figure(Figure.DISTANCE_TO_LIQUIDATION)).isEqualTo("none");
        assertThat(vm.liquidationNoteProperty().get()).startsWith("No liquidation price");
    }

    @Test
    void leverageSlider_andField_stayInStep() {
        vm.leverageSliderProperty().set(10);
        assertThat(vm.textProperty(InputField.LEVERAGE).get()).isEqualTo("10");
        // IM = 30000/10 = 3000
        assertThat(figure(Figure.INITIAL_MARGIN)).isEqualTo("3,000.00 USDT");
        type(InputField.LEVERAGE, "25");
        assertThat(vm.leverageSliderProperty().get()).isEqualTo(25.0);
    }

    @Test
    void germanLocale_parsesAndShowsCommaDecimals() {
        PositionViewModel de = accountWithSample(Locale.GERMANY).selectedProperty().get();
        assertThat(de.textProperty(InputField.QUANTITY).get()).isEqualTo("0,5");
        assertThat(de.figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("57.228,92 USDT");
        de.textProperty(InputField.QUANTITY).set("1");
        // the linked margin follows to 3.000: LP = 56.950/0,995
        assertThat(de.figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("57.236,18 USDT");
    }
}
