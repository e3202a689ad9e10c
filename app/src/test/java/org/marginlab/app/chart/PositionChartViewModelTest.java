package org.marginlab.app.chart;

import org.marginlab.app.model.InputField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.chart.PositionChartData.Marker;
import org.marginlab.app.chart.PositionChartData.MarkerKind;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.engine.Account;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;

/**
 * View-model tests without a JavaFX toolkit. Expected values are worked by hand from spec
 * margin-formulas.md §1 (Binance USDⓈ-M) with the bundled BTCUSDT brackets (tier 1 below a
 * notional of 50,000: MMR 0.4 %, amount 0; tier 2 from 50,000: MMR 0.5 %, amount 50), or from
 * a formula written in the test, or from the engine evaluating the whole account at that mark
 * (an independent path: the view-model sweeps with the engine's double fast path).
 */
class PositionChartViewModelTest {
    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;

    /** The bundled sample: 0.5 BTCUSDT long @ 60,000, mark 59,000, 20x, isolated margin 1,500. */
    private static Position sample() {
        return Position.builder().id("btc-long").symbol("BTCUSDT").side(Side.LONG).quantity(new BigDecimal("0.5"))
                .entryPrice(new BigDecimal("60000")).markPrice(new BigDecimal("59000")).leverage(new BigDecimal("20"))
                .isolatedMargin(new BigDecimal("1500")).build();
    }

    private static AccountViewModel account(String venue, String wallet, Position... positions) {
        return account(Locale.US, venue, wallet, positions);
    }

    private static AccountViewModel account(Locale locale, String venue, String wallet, Position... positions) {
        AccountViewModel account = new AccountViewModel(ENGINE, locale);
        account.load(new Workspace("test", venue, new BigDecimal(wallet), List.of(positions)));
        return account;
    }

    /** The value of a series at {@code x}, linear between the two grid points around it. */
    private static double interpolate(double[] xs, double[] ys, double x) {
        for (int i = 1; i < xs.length; i++) {
            if (xs[i] >= x) {
                double t = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
                return ys[i - 1] + t * (ys[i] - ys[i - 1]);
            }
        }
        throw new AssertionError(x + " is beyond the series");
    }

    /** The index of the grid point exactly at {@code x}. */
    private static int indexOf(PositionChartData d, double x) {
        for (int i = 0; i < d.size(); i++) {
            if (d.price(i) == x) {
                return i;
            }
        }
        throw new AssertionError(x + " is not a grid point");
    }

    private static void type(PositionViewModel row, InputField field, String text) {
        row.textProperty(field).set(text);
    }

    // ---- the isolated sample ------------------------------------------------------------------

    @Test
    void sample_seriesPassThroughHandCheckedPoints() {
        PositionChartData d = new PositionChartViewModel(account("binance-usdm", "10000", sample())).dataProperty().get();

        assertThat(d.isEmpty()).isFalse();
        assertThat(d.size()).isBetween(150, 250);
        // PnL = 0.5·(58,000 − 60,000) = −1,000; PnL is linear, so the drawn line passes through it
        assertThat(interpolate(d.prices(), d.pnlValues(), 58000)).isCloseTo(-1000, within(1e-9));
        // at the mark: MM = 29,500·0.4 % = 118, margin balance = 1,500 − 500 = 1,000 → 0.118
        assertThat(d.marginRatio(indexOf(d, 59000))).isCloseTo(0.118, within(1e-12));
        assertThat(d.pnl(indexOf(d, 60000))).isCloseTo(0, within(1e-9));
        assertThat(d.title()).isEqualTo("long 0.5 BTCUSDT @ 60000 · isolated · Binance USD-M Futures");
        assertThat(d.message()).isEmpty();
    }

    @Test
    void sample_markersAtEntryMarkLiquidationAndBankruptcy() {
        PositionChartData d = new PositionChartViewModel(account("binance-usdm", "10000", sample())).dataProperty().get();

        // LP = (1,500 − 0.5·60,000)/(0.5·0.004 − 0.5) = 28,500/0.498 = 57,228.9156…
        Marker liq = d.marker(MarkerKind.LIQUIDATION);
        assertThat(liq.price().setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo("57228.9157");
        assertThat(liq.x()).isCloseTo(57228.9157, within(1e-4));
        assertThat(liq.label()).isEqualTo("Liquidation 57,228.92");
        // BP = 60,000 − 1,500/0.5
        assertThat(d.marker(MarkerKind.BANKRUPTCY).label()).isEqualTo("Bankruptcy 57,000.00");
        assertThat(d.marker(MarkerKind.ENTRY).label()).isEqualTo("Entry 60,000.00");
        assertThat(d.marker(MarkerKind.MARK).label()).isEqualTo("Mark 59,000.00");
        assertThat(d.markers()).extracting(Marker::kind).containsExactly(MarkerKind.values());
        // at the liquidation price the margin ratio is the threshold, 100 %
        assertThat(d.marginRatio(indexOf(d, liq.x()))).isCloseTo(1, within(1e-9));
        assertThat(d.thresholdLabel()).isEqualTo("liquidation at ≥ 100 %");
        // a long is liquidated below its liquidation price
        assertThat(d.liquidationZone()).isEqualTo(new PositionChartData.Zone(d.priceAxis().lower(), liq.x()));
    }

    @Test
    void sample_rangeShowsEveryMarkerWithRoom() {
        PositionChartData d = new PositionChartViewModel(account("binance-usdm", "10000", sample())).dataProperty().get();

        // 0.8·min(57,000 …) = 45,600 and 1.2·max(60,000 …) = 72,000, widened to whole ticks
        assertThat(d.priceAxis().lower()).isLessThanOrEqualTo(45600).isGreaterThan(0);
        assertThat(d.priceAxis().upper()).isGreaterThanOrEqualTo(72000);
        assertThat(d.price(0)).isEqualTo(d.priceAxis().lower());
        assertThat(d.price(d.size() - 1)).isEqualTo(d.priceAxis().upper());
        for (int i = 1; i < d.size(); i++) {
            assertThat(d.price(i)).isGreaterThan(d.price(i - 1));
        }
        // PnL axis holds the PnL at both ends: 0.5·(lower − 60,000) and 0.5·(upper − 60,000)
        assertThat(d.pnlAxis().lower()).isLessThanOrEqualTo(0.5 * (d.priceAxis().lower() - 60000));
        assertThat(d.pnlAxis().upper()).isGreaterThanOrEqualTo(0.5 * (d.priceAxis().upper() - 60000));
        // the ratio axis runs from 0 to at least 150 %
        assertThat(d.ratioAxis().lower()).isZero();
        assertThat(d.ratioAxis().upper()).isGreaterThanOrEqualTo(1.5);
        // below the bankruptcy price the balance is ≤ 0: drawn off the top of the axis
        assertThat(d.marginRatio(0)).isGreaterThan(d.ratioAxis().upper());
        assertThat(d.tierLines()).isEmpty(); // 100,000 is beyond the range
    }

    @Test
    void tierBoundary_isAGridPoint_andTheRatioKinksThere() {
        AccountViewModel account = account("binance-usdm", "10000", sample());
        PositionChartViewModel vm = new PositionChartViewModel(account);
        // a mark of 95,000 widens the range to 1.2·95,000 = 114,000, past tier 2's 50,000/0.5
        type(account.selectedProperty().get(), InputField.MARK_PRICE, "95000");
        PositionChartData d = vm.dataProperty().get();

        assertThat(d.tierLines()).hasSize(1);
        PositionChartData.TierLine tier = d.tierLines().get(0);
        assertThat(tier.price()).isEqualByComparingTo("100000");
        assertThat(tier.tier()).isEqualTo(2);
        assertThat(tier.label()).isEqualTo("tier 2");
        assertThat(tier.description()).isEqualTo("Tier 2 from a notional of 50,000.00 USDT at 100,000.00 USDT");
        int at = indexOf(d, 100000);
        // MM = 0.5·100,000·0.4 % = 200 (= 0.5·100,000·0.5 % − 50); balance = 1,500 + 0.5·40,000
        assertThat(d.marginRatio(at)).isCloseTo(200.0 / 21500, within(1e-15));
        // below: tier 1, 0.002·P; above: tier 2, 0.0025·P − 50 (balance 1,500 + 0.5·(P − 60,000))
        double below = d.price(at - 1);
        double above = d.price(at + 1);
        assertThat(d.marginRatio(at - 1)).isCloseTo(0.002 * below / (1500 + 0.5 * (below - 60000)), within(1e-15));
        assertThat(d.marginRatio(at + 1)).isCloseTo((0.0025 * above - 50) / (1500 + 0.5 * (above - 60000)),
                within(1e-15));
    }

    // ---- hover --------------------------------------------------------------------------------

    @Test
    void hover_showsExactValuesAtTheCursor_roundedHalfUp() {
        PositionChartViewModel vm = new PositionChartViewModel(account("binance-usdm", "10000", sample()));

        PositionChartViewModel.Hover h = vm.hover(58000);
        assertThat(h.priceText()).isEqualTo("58,000.00 USDT");
        // PnL = 0.5·(58,000 − 60,000); MM = 29,000·0.4 % = 116, balance = 500 → 23.2 %
        assertThat(h.pnlText()).isEqualTo("−1,000.00 USDT");
        assertThat(h.ratioText()).isEqualTo("23.20 %");
        assertThat(h.text()).isEqualTo("Mark 58,000.00 USDT   ·   PnL −1,000.00 USDT   ·   Margin ratio 23.20 %");
        assertThat(vm.hoverProperty().get()).isEqualTo(h);

        // 58,123.455: PnL = −938.2725 → −938.27; MM = 116.24691, balance = 561.7275 → 20.6944… %
        h = vm.hover(58123.455);
        assertThat(h.priceText()).isEqualTo("58,123.46 USDT");
        assertThat(h.pnlText()).isEqualTo("−938.27 USDT");
        assertThat(h.ratioText()).isEqualTo("20.69 %");

        // below the bankruptcy price 57,000 the margin balance is negative
        assertThat(vm.hover(56000).ratioText()).isEqualTo("n/a (margin balance ≤ 0)");
        vm.clearHover();
        assertThat(vm.hoverProperty().get()).isNull();
    }

    @Test
    void hover_usesTheAccountsLocale() {
        PositionChartViewModel vm = new PositionChartViewModel(account(Locale.GERMANY, "binance-usdm", "10000", sample()));
        PositionChartViewModel.Hover h = vm.hover(58000);
        assertThat(h.priceText()).isEqualTo("58.000,00 USDT");
        assertThat(h.pnlText()).isEqualTo("−1.000,00 USDT");
        assertThat(h.ratioText()).isEqualTo("23,20 %");
        assertThat(vm.dataProperty().get().marker(MarkerKind.LIQUIDATION).label()).isEqualTo("Liquidation 57.228,92");
        assertThat(vm.priceTick(60000)).isEqualTo("60.000");
        assertThat(vm.ratioTick(1)).isEqualTo("100 %");
    }

    @Test
    void hover_followsTheInputsWhileTheCursorStays() {
        AccountViewModel account = account("binance-usdm", "10000", sample());
        PositionChartViewModel vm = new PositionChartViewModel(account);
        vm.hover(58000);
        // isolated margin 2,000: balance at 58,000 = 1,000 → 116/1,000
        type(account.selectedProperty().get(), InputField.ISOLATED_MARGIN, "2000");
        assertThat(vm.hoverProperty().get().ratioText()).isEqualTo("11.60 %");
    }

    // ---- following the selection and the inputs ------------------------------------------------

    @Test
    void typingANewMark_refreshesTheSeriesAndMarkers() {
        AccountViewModel account = account("binance-usdm", "10000", sample());
        PositionChartViewModel vm = new PositionChartViewModel(account);
        PositionChartData before = vm.dataProperty().get();

        type(account.selectedProperty().get(), InputField.MARK_PRICE, "58000");
        PositionChartData after = vm.dataProperty().get();

        assertThat(after).isNotSameAs(before);
        assertThat(after.marker(MarkerKind.MARK).label()).isEqualTo("Mark 58,000.00");
        // MM = 116, balance 500 at the new mark, a grid point now
        assertThat(after.marginRatio(indexOf(after, 58000))).isCloseTo(0.232, within(1e-12));
        assertThat(after.marker(MarkerKind.LIQUIDATION).label()).isEqualTo("Liquidation 57,228.92");
    }

    @Test
    void typingQuantity_movesTheLiquidationMarker() {
        AccountViewModel account = account("binance-usdm", "10000", sample());
        PositionChartViewModel vm = new PositionChartViewModel(account);
        type(account.selectedProperty().get(), InputField.ISOLATED_MARGIN, "1500.00"); // the user's own: stays
        type(account.selectedProperty().get(), InputField.QUANTITY, "1");
        // 1 BTC, notional 59,000 → tier 2: LP = (1,500 + 50 − 60,000)/(0.005 − 1) = 58,450/0.995
        assertThat(vm.dataProperty().get().marker(MarkerKind.LIQUIDATION).label()).isEqualTo("Liquidation 58,743.72");
    }

    @Test
    void selectingAnotherPosition_refreshes() {
        Position eth = Position.builder().id("eth-short").symbol("ETHUSDT").side(Side.SHORT)
                .quantity(new BigDecimal("2")).entryPrice(new BigDecimal("3000")).markPrice(new BigDecimal("3100"))
                .leverage(BigDecimal.TEN).isolatedMargin(new BigDecimal("600")).build();
        AccountViewModel account = account("binance-usdm", "10000", sample(), eth);
        PositionChartViewModel vm = new PositionChartViewModel(account);

        account.selectedProperty().set(account.positions().get(1));
        PositionChartData d = vm.dataProperty().get();

        assertThat(d.title()).startsWith("short 2 ETHUSDT @ 3000");
        // BP = 3,000 + 600/2; PnL at 3,100 = −2·100
        assertThat(d.marker(MarkerKind.BANKRUPTCY).label()).isEqualTo("Bankruptcy 3,300.00");
        // a short is liquidated above its liquidation price
        assertThat(d.liquidationZone())
                .isEqualTo(new PositionChartData.Zone(d.marker(MarkerKind.LIQUIDATION).x(), d.priceAxis().upper()));
        assertThat(d.pnl(indexOf(d, 3100))).isCloseTo(-200, within(1e-9));
        // ETHUSDT tier 1 MMR — MM/balance at the mark from the engine's own result
        assertThat(d.marginRatio(indexOf(d, 3100)))
                .isCloseTo(account.positions().get(1).resultProperty().get().risk().marginRatio().doubleValue(), within(1e-12));
    }

    @Test
    void nothingChanged_skipsTheWork() {
        Position other = sample().toBuilder().id("other").build();
        AccountViewModel account = account("binance-usdm", "10000", sample(), other);
        PositionChartViewModel vm = new PositionChartViewModel(account);
        PositionChartData before = vm.dataProperty().get();
        long refreshes = vm.refreshes();
        var evaluation = account.evaluationProperty().get();

        // another isolated position and a what-if change nothing of this picture
        type(account.positions().get(1), InputField.MARK_PRICE, "50000");
        type(account.selectedProperty().get(), InputField.MARGIN_DELTA, "100");

        assertThat(account.evaluationProperty().get()).isNotSameAs(evaluation);
        assertThat(vm.dataProperty().get()).isSameAs(before);
        assertThat(vm.refreshes()).isEqualTo(refreshes);
    }

    @Test
    void whileHidden_defersTheRefreshUntilShown() {
        AccountViewModel account = account("binance-usdm", "10000", sample());
        PositionChartViewModel vm = new PositionChartViewModel(account);
        PositionChartData before = vm.dataProperty().get();

        vm.activeProperty().set(false);
        type(account.selectedProperty().get(), InputField.MARK_PRICE, "58000");
        type(account.selectedProperty().get(), InputField.MARK_PRICE, "58500");
        assertThat(vm.dataProperty().get()).isSameAs(before);

        vm.activeProperty().set(true);
        assertThat(vm.dataProperty().get().marker(MarkerKind.MARK).label()).isEqualTo("Mark 58,500.00");
    }

    @Test
    void invalidInput_keepsTheLastValidPosition_andSaysSo() {
        AccountViewModel account = account("binance-usdm", "10000", sample());
        PositionChartViewModel vm = new PositionChartViewModel(account);
        type(account.selectedProperty().get(), InputField.MARK_PRICE, "abc");
        PositionChartData d = vm.dataProperty().get();
        assertThat(d.isEmpty()).isFalse();
        assertThat(d.marker(MarkerKind.MARK).label()).isEqualTo("Mark 59,000.00");
        assertThat(d.message()).isEqualTo("Some inputs are invalid: the charts show the last valid position.");
    }

    @Test
    void noSelection_isEmptyWithAMessage() {
        AccountViewModel account = account("binance-usdm", "10000", sample());
        PositionChartViewModel vm = new PositionChartViewModel(account);
        account.selectedProperty().set(null);
        assertThat(vm.dataProperty().get().isEmpty()).isTrue();
        assertThat(vm.dataProperty().get().message()).isEqualTo("No position selected. Select one in the Positions tab.");
        assertThat(vm.hover(58000)).isNull();
    }

    @Test
    void shock_chartsTheShockedMark() {
        AccountViewModel account = account("binance-usdm", "10000", sample());
        PositionChartViewModel vm = new PositionChartViewModel(account);
        account.shockTextProperty().set("10");
        PositionChartData d = vm.dataProperty().get();
        // 59,000·1.1
        assertThat(d.marker(MarkerKind.MARK).label()).isEqualTo("Mark (shocked) 64,900.00");
        assertThat(d.message()).isEqualTo("A price shock is set: the charts show the shocked marks.");
    }

    // ---- cross --------------------------------------------------------------------------------

    private static Position cross(String id, String symbol, Side side, String qty, String entry, String mark) {
        return Position.builder().id(id).symbol(symbol).side(side).quantity(new BigDecimal(qty))
                .entryPrice(new BigDecimal(entry)).markPrice(new BigDecimal(mark)).leverage(BigDecimal.TEN)
                .marginMode(MarginMode.CROSS).maintenance(new Maintenance(new BigDecimal("0.01"), BigDecimal.ZERO))
                .build();
    }

    @Test
    void cross_ratioIsTheAccounts_handChecked() {
        // wallet 10,000; BTC long 1 @ 60,000 and ETH short 10 @ 3,000 (mark 3,100), both MMR 1 %, amount 0.
        // With BTC at P: ratio = (ETH MM 310 + 0.01·P)/(10,000 + ETH PnL −1,000 + (P − 60,000)).
        AccountViewModel account = account("binance-usdm", "10000",
                cross("btc", "BTCUSDT", Side.LONG, "1", "60000", "59000"),
                cross("eth", "ETHUSDT", Side.SHORT, "10", "3000", "3100"));
        PositionChartViewModel vm = new PositionChartViewModel(account);
        PositionChartData d = vm.dataProperty().get();

        assertThat(d.marginRatio(indexOf(d, 59000))).isCloseTo(900.0 / 8000, within(1e-12));
        for (int i = 0; i < d.size(); i += 17) {
            double p = d.price(i);
            double expected = (310 + 0.01 * p) / (p - 51000);
            if (expected > 0 && expected < d.ratioAxis().upper()) {
                assertThat(d.marginRatio(i)).as("at %s", p).isCloseTo(expected, within(1e-12 * expected));
            }
        }
        // LP: 310 + 0.01·P = P − 51,000 → P = 51,310/0.99
        assertThat(d.marker(MarkerKind.LIQUIDATION).x()).isCloseTo(51310 / 0.99, within(1e-6));
        assertThat(d.marginRatio(indexOf(d, d.marker(MarkerKind.LIQUIDATION).x()))).isCloseTo(1, within(1e-9));
        assertThat(d.ratioAxis().label()).isEqualTo("Account margin ratio");
        assertThat(d.caption()).startsWith("Account margin ratio (cross): maintenance margin ÷ margin balance");
        assertThat(vm.hover(55000).ratioText()).isEqualTo("21.50 % (account)"); // (310 + 550)/4,000
    }

    @Test
    void cross_sweepEqualsTheAccountEvaluationAtThatMark() {
        AccountViewModel account = account("binance-usdm", "25000",
                Position.builder().id("btc").symbol("BTCUSDT").side(Side.LONG).quantity(BigDecimal.ONE)
                        .entryPrice(new BigDecimal("61000")).markPrice(new BigDecimal("60000")).leverage(BigDecimal.TEN)
                        .marginMode(MarginMode.CROSS).build(),
                Position.builder().id("eth").symbol("ETHUSDT").side(Side.SHORT).quantity(new BigDecimal("30"))
                        .entryPrice(new BigDecimal("3000")).markPrice(new BigDecimal("3150")).leverage(BigDecimal.TEN)
                        .marginMode(MarginMode.CROSS).build(),
                sample().toBuilder().id("iso").build());
        PositionChartViewModel vm = new PositionChartViewModel(account);
        PositionChartData d = vm.dataProperty().get();
        Account acc = account.evaluationProperty().get().shocked();
        Position btc = acc.position("btc");

        int checked = 0;
        for (int i = 0; i < d.size(); i += 23) {
            double p = d.price(i);
            BigDecimal expected = ENGINE.evaluate(acc.with(btc.withMarkPrice(BigDecimal.valueOf(p)))).marginRatio();
            if (expected != null && expected.doubleValue() < d.ratioAxis().upper()) {
                assertThat(d.marginRatio(i)).as("at %s", p)
                        .isCloseTo(expected.doubleValue(), within(1e-9 * expected.doubleValue()));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5);
        // tier 2 of BTCUSDT from a notional of 50,000: at 50,000/1, inside the range
        assertThat(d.tierLines()).extracting(t -> t.price().doubleValue()).containsExactly(50000.0);
    }

    @Test
    void cross_hedgeLegsMoveTogether_soTheRatioCrosses100AtTheEnginesLiquidationPrice() {
        // Binance hedge mode: a BTC long and a BTC short in cross share one liquidation price.
        AccountViewModel account = account("binance-usdm", "8000",
                cross("btc-long", "BTCUSDT", Side.LONG, "1", "60000", "59000"),
                cross("btc-short", "BTCUSDT", Side.SHORT, "0.4", "61000", "59000"),
                cross("eth", "ETHUSDT", Side.LONG, "5", "3000", "2900"));
        PositionChartViewModel vm = new PositionChartViewModel(account);
        PositionChartData d = vm.dataProperty().get();
        Marker liq = d.marker(MarkerKind.LIQUIDATION);
        assertThat(liq).isNotNull();
        assertThat(d.marginRatio(indexOf(d, liq.x()))).isCloseTo(1, within(1e-9));

        Account acc = account.evaluationProperty().get().shocked();
        for (int i = 0; i < d.size(); i += 29) {
            BigDecimal p = BigDecimal.valueOf(d.price(i));
            Account moved = acc.with(acc.position("btc-long").withMarkPrice(p))
                    .with(acc.position("btc-short").withMarkPrice(p));
            BigDecimal expected = ENGINE.evaluate(moved).marginRatio();
            if (expected != null && expected.doubleValue() < d.ratioAxis().upper()) {
                assertThat(d.marginRatio(i)).isCloseTo(expected.doubleValue(), within(1e-9 * expected.doubleValue()));
            }
        }
    }

    @Test
    void okx_ratioFallsToward100_andTheThresholdSaysSo() {
        Position p = sample().toBuilder().symbol("BTC-USDT-SWAP")
                .maintenance(new Maintenance(new BigDecimal("0.004"), BigDecimal.ZERO)).build();
        PositionChartData d = new PositionChartViewModel(account("okx", "10000", p)).dataProperty().get();

        assertThat(d.thresholdLabel()).isEqualTo("liquidation at ≤ 100 %");
        assertThat(d.caption()).contains("equity ÷ (maintenance margin + fees)");
        // at the mark: equity 1,000 over 29,500·(0.4 % + 0.05 %) = 132.75
        assertThat(d.marginRatio(indexOf(d, 59000))).isCloseTo(1000 / 132.75, within(1e-12));
        double liq = d.marker(MarkerKind.LIQUIDATION).x();
        assertThat(d.marginRatio(indexOf(d, liq))).isCloseTo(1, within(1e-9));
        assertThat(d.liquidationZone()).isEqualTo(new PositionChartData.Zone(d.priceAxis().lower(), liq));
        // the axis shows the ratio at the mark (7.53) with room
        assertThat(d.ratioAxis().upper()).isGreaterThanOrEqualTo(1.2 * 1000 / 132.75);
    }

    @Test
    void inverse_amountsInCoin_pricesInUsd() {
        // 100 contracts of 100 USD (face 10,000 USD) short @ 40,000 on binance-coinm, isolated 0.1 BTC
        Position p = Position.builder().id("btcusd").symbol("BTCUSD").contract(org.marginlab.engine.ContractType.INVERSE)
                .contractSize(new BigDecimal("100")).side(Side.SHORT).quantity(new BigDecimal("100"))
                .entryPrice(new BigDecimal("40000")).markPrice(new BigDecimal("41000")).leverage(BigDecimal.TEN)
                .isolatedMargin(new BigDecimal("0.1")).maintenance(new Maintenance(new BigDecimal("0.005"), BigDecimal.ZERO))
                .build();
        PositionChartViewModel vm = new PositionChartViewModel(account("binance-coinm", "1", p));
        PositionChartData d = vm.dataProperty().get();
        // PnL at 50,000 = −10,000·(1/40,000 − 1/50,000) = −0.05 BTC
        PositionChartViewModel.Hover h = vm.hover(50000);
        assertThat(h.priceText()).isEqualTo("50,000.00 USD");
        assertThat(h.pnlText()).isEqualTo("−0.05000000 BTC");
        // MM = 10,000/50,000·0.5 % = 0.001; balance = 0.1 − 0.05 = 0.05 → 2 %
        assertThat(h.ratioText()).isEqualTo("2.00 %");
        assertThat(d.priceAxis().label()).isEqualTo("Mark price (USD)");
        assertThat(d.pnlAxis().label()).isEqualTo("Unrealized PnL (BTC)");
        // BP: 0.1 − 10,000·(1/40,000 − 1/P) = 0 → 1/P = 1/40,000 − 0.1/10,000 = 1/66,666.67
        assertThat(d.marker(MarkerKind.BANKRUPTCY).label()).isEqualTo("Bankruptcy 66,666.67");
    }

    @Test
    void niceSteps() {
        assertThat(PositionChartViewModel.niceStep(26400, 8)).isEqualTo(5000);
        assertThat(PositionChartViewModel.niceStep(1.5, 5)).isEqualTo(0.5);
        assertThat(PositionChartViewModel.niceStep(0.9, 5)).isEqualTo(0.2);
        assertThat(PositionChartViewModel.niceStep(12, 5)).isEqualTo(2.5);
    }
}
