package org.marginlab.app.account;

import org.marginlab.app.model.InputField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.marginlab.app.position.Figure;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.workspace.Samples;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.Venues;

/** Workspace-level view-model tests, without a toolkit; expectations worked by hand. */
class AccountViewModelTest {

    /** @return an account view-model on a bundled sample, in the US locale (shared by this package's tests) */
    static AccountViewModel open(String sample) {
        AccountViewModel vm = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        vm.load(Samples.open(sample));
        return vm;
    }

    /** @return the row of a position by id */
    static PositionViewModel row(AccountViewModel vm, String id) {
        return vm.positions().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void faqCrossSample_showsBinancesPublishedLiquidationPrices() {
        AccountViewModel vm = open(Samples.BINANCE_FAQ_CROSS);
        // Binance FAQ worked example: BTCUSDT 26,316.89, ETHUSDT 1,153.26 (spec §1.1)
        assertThat(row(vm, "btc-long").figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("26,316.89 USDT");
        assertThat(row(vm, "eth-long").figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("1,153.26 USDT");
        // account: MM 427,713.3196 / MB 1,030,895.5564 = 41.49 %
        assertThat(vm.marginRatioProperty().get()).isEqualTo("41.49 %");
        assertThat(row(vm, "btc-long").figureProperty(Figure.MARGIN_RATIO).get()).isEqualTo("41.49 % (account)");
        assertThat(vm.marginBalanceProperty().get()).isEqualTo("1,030,895.56 USDT");
        assertThat(vm.marginRatioNameProperty().get()).startsWith("maintenance ÷ margin balance");
    }

    @Test
    void editingOneCrossPosition_movesTheOthersLiquidationPrice() {
        AccountViewModel vm = open(Samples.BINANCE_FAQ_CROSS);
        String before = row(vm, "eth-long").figureProperty(Figure.LIQUIDATION_PRICE).get();
        row(vm, "btc-long").textProperty(InputField.MARK_PRICE).set("32481.98");
        // BTC's uPnL goes from −56,354.57 to 0: ETH gains that much room, its liquidation price falls
        String after = row(vm, "eth-long").figureProperty(Figure.LIQUIDATION_PRICE).get();
        assertThat(after).isNotEqualTo(before);
        // BTC's MM now uses its new mark 32,481.98: MM(BTC) = 109.488·32,481.98·2.5 % − 16,300 = 72,609.6757
        // LP(ETH) = (1,535,443.01 − 72,609.6757 + 0 + 135,365 − 3,683.979·1,456.84)/(3,683.979·0.1 − 3,683.979)
        //         = (1,598,198.3343 − 5,366,991.9664)/(−3,315.5811) = 1,136.6845
        assertThat(after).isEqualTo("1,136.68 USDT");
    }

    @Test
    void invalidWallet_isNamedAndTheLastValueIsKept() {
        AccountViewModel vm = open(Samples.BINANCE_FAQ_CROSS);
        vm.walletTextProperty().set("-1");
        assertThat(vm.walletErrorProperty().get()).isEqualTo("Wallet balance must be ≥ 0 (got -1)");
        assertThat(row(vm, "btc-long").figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("26,316.89 USDT");
        assertThat(vm.problemProperty().get()).contains("Wallet balance must be ≥ 0");
        vm.walletTextProperty().set("abc");
        assertThat(vm.walletErrorProperty().get()).isEqualTo("Wallet balance must be a number (got abc)");
    }

    @Test
    void addPosition_addsAFreshDefault_notACopyOfTheSelectedRow() {
        AccountViewModel vm = open(Samples.COURSE_CROSS_CASCADE);
        vm.selectedProperty().set(vm.positions().get(2));
        assertThat(vm.selectedProperty().get().id()).isEqualTo("sol-long");
        PositionViewModel added = vm.addPosition();
        // the venue's first preset symbol, long 0.1 at 60,000, 10x isolated: not sol-long's 20 SOLUSDT at 150, 3x
        assertThat(added.symbolProperty().get()).isEqualTo("BTCUSDT");
        assertThat(added.textProperty(InputField.QUANTITY).get()).isEqualTo("0.1");
        assertThat(added.textProperty(InputField.ENTRY_PRICE).get()).isEqualTo("60000");
        assertThat(added.textProperty(InputField.LEVERAGE).get()).isEqualTo("10");
        assertThat(added.marginModeProperty().get()).isEqualTo(org.marginlab.engine.MarginMode.ISOLATED);
    }

    @Test
    void addDuplicateRemoveAndMove_keepIdsUniqueAndSelection() {
        AccountViewModel vm = open(Samples.BTC_LONG_ISOLATED);
        PositionViewModel added = vm.addPosition();
        assertThat(added.id()).isEqualTo("position");
        assertThat(vm.selectedProperty().get()).isSameAs(added);
        PositionViewModel copy = vm.duplicate(added);
        assertThat(copy.id()).isEqualTo("position-copy");
        assertThat(vm.positions()).extracting(PositionViewModel::id).containsExactly("btc-long", "position", "position-copy");
        vm.move(copy, -1);
        assertThat(vm.positions()).extracting(PositionViewModel::id).containsExactly("btc-long", "position-copy", "position");
        vm.move(vm.positions().get(0), -1);
        assertThat(vm.positions()).extracting(PositionViewModel::id).containsExactly("btc-long", "position-copy", "position");
        vm.remove(copy);
        assertThat(vm.positions()).extracting(PositionViewModel::id).containsExactly("btc-long", "position");
        assertThat(vm.selectedProperty().get().id()).isEqualTo("position");
        PositionViewModel again = vm.duplicate(vm.positions().get(1));
        assertThat(again.id()).isEqualTo("position-copy");
    }

    @Test
    void togglingToCross_usesTheWallet() {
        AccountViewModel vm = open(Samples.BTC_LONG_ISOLATED);
        PositionViewModel btc = row(vm, "btc-long");
        // total equity 10,000 + 1,500 − 500 before the switch
        assertThat(vm.totalEquityProperty().get()).isEqualTo("11,000.00 USDT");
        btc.toggleMarginMode();
        assertThat(btc.marginModeProperty().get()).isEqualTo(MarginMode.CROSS);
        // the isolated margin goes back to the wallet (spec §4): W = 10,000 + 1,500
        assertThat(vm.walletTextProperty().get()).isEqualTo("11500");
        assertThat(vm.totalEquityProperty().get()).isEqualTo("11,000.00 USDT");
        // cross, wallet 11,500, tier 1: LP = (11,500 − 30,000)/(0.5·0.004 − 0.5) = 18,500/0.498 = 37,148.59
        assertThat(btc.figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("37,148.59 USDT");
        // account: MM 118 / MB (11,500 − 500) = 1.0727 %
        assertThat(vm.marginRatioProperty().get()).isEqualTo("1.07 %");
        assertThat(btc.whatIfNoteProperty().get()).startsWith("This position is cross");
        assertThat(vm.noticeProperty().get()).contains("btc-long is now cross").contains("10,000.00 USDT → 11,500.00 USDT");

        // and back: the initial margin at entry (1,500) leaves the wallet again; nothing is created
        btc.toggleMarginMode();
        assertThat(btc.marginModeProperty().get()).isEqualTo(MarginMode.ISOLATED);
        assertThat(vm.walletTextProperty().get()).isEqualTo("10000");
        assertThat(btc.textProperty(InputField.ISOLATED_MARGIN).get()).isEqualTo("1500");
        assertThat(vm.totalEquityProperty().get()).isEqualTo("11,000.00 USDT");
        assertThat(btc.figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("57,228.92 USDT");
    }

    @Test
    void changingVenue_revalidatesEveryPositionWithAClearMessage() {
        AccountViewModel vm = open(Samples.BTC_LONG_ISOLATED);
        PositionViewModel btc = row(vm, "btc-long");
        vm.venueProperty().set(Venues.byId("okx"));
        // OKX bundles no tier table: the symbol needs tiers or a maintenance override
        assertThat(btc.statusProperty().get())
                .contains("Symbol has no bundled tier table on okx; give tiers or maintenance (got BTCUSDT)");
        // no Binance figure stays under the OKX name
        assertThat(btc.figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("—");
        assertThat(vm.totalEquityProperty().get()).isEqualTo("10,000.00 USDT");
        btc.textProperty(InputField.MMR).set("0.004");
        assertThat(btc.staleProperty().get()).isFalse();
        // OKX with taker 0.05 %: LP = (0.5·60,000 − 1,500)/(0.5·(1 − 0.004 − 0.0005)) = 28,500/0.49775
        assertThat(btc.figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("57,257.66 USDT");
        // OKX's margin ratio is equity / (MM + fee), shown with its definition
        assertThat(vm.marginRatioNameProperty().get()).startsWith("equity ÷ (maintenance + fees)");
    }

    @Test
    void leverageAboveTheNewTiersMax_isNamedAfterAQuantityChange() {
        AccountViewModel vm = open(Samples.BTC_LONG_ISOLATED);
        PositionViewModel btc = row(vm, "btc-long");
        btc.textProperty(InputField.LEVERAGE).set("110");
        btc.textProperty(InputField.QUANTITY).set("2");
        // notional 118,000 → tier 2, max 100x
        assertThat(btc.errorProperty(InputField.LEVERAGE).get())
                .isEqualTo("Leverage must be ≤ 100x, the max leverage of the tier (got 110)");
    }

    @Test
    void shock_movesTheMarksForTheFiguresOnly() {
        AccountViewModel vm = open(Samples.BTC_LONG_ISOLATED);
        PositionViewModel btc = row(vm, "btc-long");
        vm.shockTextProperty().set("-3");
        // mark 59,000·0.97 = 57,230: uPnL = 0.5·(57,230 − 60,000) = −1,385; MB 115; MM 114.46 → 99.53 %
        assertThat(btc.figureProperty(Figure.UNREALIZED_PNL).get()).isEqualTo("−1,385.00 USDT");
        assertThat(btc.figureProperty(Figure.MARGIN_RATIO).get()).isEqualTo("99.53 %");
        assertThat(btc.textProperty(InputField.MARK_PRICE).get()).isEqualTo("59000");
        vm.shockTextProperty().set("-3.1");
        // mark 57,171: below the liquidation price 57,228.92
        assertThat(btc.riskLevelProperty().get()).isEqualTo(org.marginlab.app.position.RiskLevel.LIQUIDATED);
        vm.shockTextProperty().set("-95");
        assertThat(vm.shockErrorProperty().get()).isEqualTo("Shock must be between −90 % and +200 % (got -95)");
        assertThat(vm.shockSliderProperty().get()).isEqualTo(-3.1);
    }

    @Test
    void shockOnOneSymbol_leavesTheOthersAlone() {
        AccountViewModel vm = open(Samples.BINANCE_FAQ_CROSS);
        vm.shockSymbolProperty().set("ETHUSDT");
        vm.shockTextProperty().set("10");
        // only ETH moves: BTC's uPnL stays −56,354.57
        assertThat(row(vm, "btc-long").figureProperty(Figure.UNREALIZED_PNL).get()).isEqualTo("−56,354.57 USDT");
        // ETH mark 1,468.698: uPnL = 3,683.979·(1,468.698 − 1,456.84) = 43,684.62
        assertThat(row(vm, "eth-long").figureProperty(Figure.UNREALIZED_PNL).get()).isEqualTo("43,684.62 USDT");
    }

    @Test
    void toWorkspace_roundTripsTheInputsExactly_andRefusesInvalidOnes() {
        AccountViewModel vm = open(Samples.BINANCE_FAQ_CROSS);
        Workspace ws = vm.toWorkspace();
        Workspace original = Samples.open(Samples.BINANCE_FAQ_CROSS);
        assertThat(ws.positions()).isEqualTo(original.positions());
        assertThat(ws.walletBalance()).isEqualByComparingTo(original.walletBalance());
        row(vm, "eth-long").textProperty(InputField.QUANTITY).set("x");
        assertThatThrownBy(vm::toWorkspace).isInstanceOf(ValidationException.class)
                .hasMessage("eth-long.quantity: must be a number (got x)");
    }

    @Test
    void mixedContractTypes_areReported() {
        AccountViewModel vm = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        Position linear = Position.builder().id("a").symbol("BTCUSD").side(Side.LONG).quantity(BigDecimal.ONE)
                .entryPrice(new BigDecimal("100")).leverage(BigDecimal.TEN).build();
        vm.load(new Workspace("t", "generic", BigDecimal.ZERO, List.of(linear.toBuilder()
                .maintenance(new org.marginlab.engine.Maintenance(new BigDecimal("0.01"), BigDecimal.ZERO)).build())));
        PositionViewModel added = vm.addPosition();
        added.contractProperty().set(org.marginlab.engine.ContractType.INVERSE);
        assertThat(vm.problemProperty().get()).isEqualTo("position.contract: must be linear like the workspace's other "
                + "positions: all positions share one settlement currency (got inverse)");
        // it takes no part: no figure is shown for it
        assertThat(added.figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("—");
    }

    @Test
    void undo_restoresATypedValueInOneStep_andRedoReappliesIt() {
        AccountViewModel vm = open(Samples.BTC_LONG_ISOLATED);
        PositionViewModel btc = row(vm, "btc-long");
        assertThat(vm.canUndoProperty().get()).isFalse();
        // typing "0.75" is four edits of one field: one undo step
        for (String typed : List.of("0", "0.", "0.7", "0.75")) {
            btc.textProperty(InputField.QUANTITY).set(typed);
        }
        btc.textProperty(InputField.MARK_PRICE).set("58000");
        vm.undo();
        assertThat(row(vm, "btc-long").textProperty(InputField.MARK_PRICE).get()).isEqualTo("59000");
        assertThat(row(vm, "btc-long").textProperty(InputField.QUANTITY).get()).isEqualTo("0.75");
        vm.undo();
        assertThat(row(vm, "btc-long").textProperty(InputField.QUANTITY).get()).isEqualTo("0.5");
        assertThat(row(vm, "btc-long").figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("57,228.92 USDT");
        assertThat(vm.canUndoProperty().get()).isFalse();
        vm.redo();
        vm.redo();
        assertThat(row(vm, "btc-long").textProperty(InputField.QUANTITY).get()).isEqualTo("0.75");
        assertThat(row(vm, "btc-long").textProperty(InputField.MARK_PRICE).get()).isEqualTo("58000");
        assertThat(vm.canRedoProperty().get()).isFalse();
    }

    @Test
    void undo_coversAddRemoveSideVenueAndAppliedWhatIf() {
        AccountViewModel vm = open(Samples.BTC_LONG_ISOLATED);
        PositionViewModel btc = row(vm, "btc-long");
        btc.textProperty(InputField.MARGIN_DELTA).set("500");
        btc.applyWhatIf();
        assertThat(btc.textProperty(InputField.ISOLATED_MARGIN).get()).isEqualTo("2000");
        btc.toggleSide();
        vm.addPosition();
        vm.remove(row(vm, "btc-long"));
        vm.venueProperty().set(Venues.byId("bybit-linear"));
        assertThat(vm.positions()).extracting(PositionViewModel::id).containsExactly("position");

        vm.undo(); // venue
        assertThat(vm.venueProperty().get().id()).isEqualTo("binance-usdm");
        vm.undo(); // remove
        assertThat(vm.positions()).extracting(PositionViewModel::id).containsExactly("btc-long", "position");
        vm.undo(); // add
        assertThat(vm.positions()).extracting(PositionViewModel::id).containsExactly("btc-long");
        vm.undo(); // side
        assertThat(row(vm, "btc-long").sideProperty().get()).isEqualTo(Side.LONG);
        assertThat(row(vm, "btc-long").textProperty(InputField.ISOLATED_MARGIN).get()).isEqualTo("2000");
        vm.undo(); // applied what-if
        assertThat(row(vm, "btc-long").textProperty(InputField.ISOLATED_MARGIN).get()).isEqualTo("1500");
        assertThat(row(vm, "btc-long").figureProperty(Figure.LIQUIDATION_PRICE).get()).isEqualTo("57,228.92 USDT");
    }

    @Test
    void newEditAfterUndo_dropsTheRedoHistory() {
        AccountViewModel vm = open(Samples.BTC_LONG_ISOLATED);
        row(vm, "btc-long").textProperty(InputField.QUANTITY).set("1");
        vm.undo();
        assertThat(vm.canRedoProperty().get()).isTrue();
        row(vm, "btc-long").textProperty(InputField.LEVERAGE).set("10");
        assertThat(vm.canRedoProperty().get()).isFalse();
    }

    @Test
    void aLoadedPosition_knowsItsCurrencyBeforeItsFirstEvaluation() {
        AccountViewModel vm = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        vm.selectedProperty().addListener((o, a, b) -> {
            // what the editor reads when it is built for the newly selected position
            assertThat(b.currency()).isEqualTo("USDC");
        });
        vm.load(Samples.open("hyperliquid-account.marginlab"));
        assertThat(vm.selectedProperty().get().currency()).isEqualTo("USDC");
    }
}
