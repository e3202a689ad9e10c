package org.marginlab.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.collections.ListChangeListener;

import org.junit.jupiter.api.Test;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.ui.HeldExecutor;
import org.marginlab.app.workspace.Samples;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.whatif.MarginComparison.CrossWallet;
import org.marginlab.engine.whatif.MarginComparison.IsolatedSplit;

/**
 * The comparison's view-model without a toolkit, on the bundled samples. Every expected figure
 * is worked by hand in the comments (spec margin-formulas.md §1.1, §1.3; Binance tier 1:
 * MMR 0.4 %, cum 0 for BTCUSDT and ETHUSDT below 50,000 USDT notional).
 */
class ComparisonViewModelTest {

    private static AccountViewModel account(String sample) {
        AccountViewModel account = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        account.load(Samples.open(sample));
        return account;
    }

    private static ComparisonRow row(ComparisonViewModel vm, String id) {
        return vm.rows().stream().filter(r -> r.positionId().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> ids(List<CascadeItem> items) {
        return items.stream().map(CascadeItem::positionId).toList();
    }

    @Test
    void faqSample_crossColumnShowsTheFaqLiquidationPrices() {
        ComparisonViewModel vm = new ComparisonViewModel(account(Samples.BINANCE_FAQ_CROSS));
        // all cross: the cross side is the FAQ's own account (WB 1,535,443.01): LP 26,316.89 and 1,153.26
        assertThat(row(vm, "btc-long").liquidationPrice().cross()).isEqualTo("26,316.89");
        assertThat(row(vm, "eth-long").liquidationPrice().cross()).isEqualTo("1,153.26");
        // isolated on their initial margins (Q·EP/10): BTC (355,638.70 + 16,300 − 3,556,387.03)/(109.488·(0.025 − 1))
        assertThat(row(vm, "btc-long").liquidationPrice().isolated()).isEqualTo("29,830.67");
        // ETH's isolated LP (536,696.80 + 135,365 − 5,366,967.97)/(3,683.979·(0.1 − 1)) = 1,416.01 is above its
        // mark 1,335.18: it is already liquidated
        assertThat(row(vm, "eth-long").liquidationPrice().isolated()).isEqualTo("liq. now");
        assertThat(row(vm, "eth-long").isolatedLiquidated()).isTrue();
        assertThat(row(vm, "btc-long").liquidationPrice().different()).isTrue();
        // the account's margin ratio: (71,200.81 + 356,512.51)/(1,535,443.01 − 56,354.48 − 448,193.0)
        assertThat(row(vm, "btc-long").marginRatio().cross()).isEqualTo("41.49 %");
        assertThat(vm.crossCapitalProperty().get()).isEqualTo("Shared wallet: 1,535,443.01 USDT (2 positions).");
        assertThat(ids(vm.isolatedEvents())).containsExactly("eth-long");
    }

    @Test
    void btcLongSample_sentenceSaysWhatChangesWithTheRightPercentages() {
        ComparisonViewModel vm = new ComparisonViewModel(account(Samples.BTC_LONG_ISOLATED));
        // isolated LP 28,500/0.498 = 57,228.92 → 57,228.92/59,000 − 1 = −3.0 %;
        // cross wallet 10,000 + 1,500: LP 18,500/0.498 = 37,148.59 → −37.0 %, losing the equity 11,000
        assertThat(row(vm, "btc-long").sentence()).isEqualTo("In cross, a 37.0 % BTCUSDT drop liquidates the whole "
                + "account (11,000.00 USDT); isolated, it goes earlier, at a 3.0 % BTCUSDT drop, but costs only the "
                + "1,500.00 USDT on this position.");
        assertThat(row(vm, "btc-long").liquidationPrice()).isEqualTo(new SidePair("57,228.92", "37,148.59", true));
        assertThat(vm.crossAccountGoesAtProperty().get()).isEqualTo("Whole account goes at a 37.0 % BTCUSDT drop.");
    }

    @Test
    void sameCapitalOption_givesTheCrossSideOnlyTheMargin() {
        ComparisonViewModel vm = new ComparisonViewModel(account(Samples.BTC_LONG_ISOLATED));
        vm.crossWalletProperty().set(CrossWallet.SAME_CAPITAL_AS_ISOLATED);
        // wallet 1,500: the lone cross position liquidates where the isolated one does, 57,228.92
        assertThat(row(vm, "btc-long").liquidationPrice()).isEqualTo(new SidePair("57,228.92", "57,228.92", false));
        assertThat(vm.crossCapitalProperty().get()).isEqualTo("Shared wallet: 1,500.00 USDT (1 position).");
        // maximum loss cross: the margin balance 1,500 + 0.5·(59,000 − 60,000) = 1,000
        assertThat(row(vm, "btc-long").maxLoss()).isEqualTo(new SidePair("1,500.00", "1,000.00", true));
    }

    @Test
    void proportionalSplit_movesTheIsolatedMargins() {
        // BTC 0.5 @ 60,000 20x isolated 1,500 (IM 1,500); ETH 2 @ 3,000 5x isolated 900 (IM 1,200)
        AccountViewModel account = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        account.load(new Workspace("split", "binance-usdm", new BigDecimal("10000"), List.of(
                Position.builder().id("btc").symbol("BTCUSDT").side(Side.LONG).quantity(new BigDecimal("0.5"))
                        .entryPrice(new BigDecimal("60000")).leverage(new BigDecimal("20"))
                        .isolatedMargin(new BigDecimal("1500")).build(),
                Position.builder().id("eth").symbol("ETHUSDT").side(Side.LONG).quantity(new BigDecimal("2"))
                        .entryPrice(new BigDecimal("3000")).leverage(new BigDecimal("5"))
                        .isolatedMargin(new BigDecimal("900")).build())));
        ComparisonViewModel vm = new ComparisonViewModel(account);
        // as entered: (30,000 − 1,500)/0.498 = 57,228.92
        assertThat(row(vm, "btc").liquidationPrice().isolated()).isEqualTo("57,228.92");
        vm.splitProperty().set(IsolatedSplit.PROPORTIONAL_TO_INITIAL_MARGIN);
        // 2,400·1,500/2,700 = 1,333.33 → (30,000 − 1,333.33)/0.498 = 57,563.59; ETH gets 1,066.67
        assertThat(row(vm, "btc").liquidationPrice().isolated()).isEqualTo("57,563.59");
        assertThat(row(vm, "btc").capital().isolated()).isEqualTo("1,333.33");
        assertThat(row(vm, "eth").capital().isolated()).isEqualTo("1,066.67");
        assertThat(vm.isolatedCapitalProperty().get()).startsWith("Margin at risk: 2,400.00 USDT (2 positions)");
    }

    @Test
    void courseSample_cascadeOrderFollowsTheShock() {
        AccountViewModel account = account(Samples.COURSE_CROSS_CASCADE);
        ComparisonViewModel vm = new ComparisonViewModel(account);
        // cross wallet 500 + 600 + 1,200 + 1,000 = 3,300; 3,300 + 21,000x = 102(1 + x) → x = −15.30 %
        assertThat(vm.crossAccountGoesAtProperty().get()).isEqualTo("Whole account goes at a 15.3 % market-wide drop.");
        // BTC cross LP, others at entry: (3,300 − 54 − 12,000)/(0.2·0.004 − 0.2) = 43,945.78
        assertThat(row(vm, "btc-long").liquidationPrice().cross()).isEqualTo("43,945.78");

        account.shockTextProperty().set("-10");
        // isolated BTC goes at 57,228.92/60,000 − 1 = −4.6 %; cross survives
        assertThat(ids(vm.isolatedEvents())).containsExactly("btc-long");
        assertThat(vm.isolatedEvents().get(0).headline()).isEqualTo("1. −4.6 %  btc-long at 57,228.92");
        assertThat(vm.crossEvents()).isEmpty();
        assertThat(vm.crossOutcomeProperty().get()).isEqualTo("Nothing liquidated at −10.0 %; next: btc-long at −15.3 %.");
        // ETH's cross LP at −10 %: BTC MM 43.2, PnL −1,200; SOL MM 27, PnL −300:
        // (3,300 − 70.2 − 1,500 − 6,000)/(2·0.004 − 2) = 2,143.67
        assertThat(row(vm, "eth-long").liquidationPrice().cross()).isEqualTo("2,143.67");

        account.shockTextProperty().set("-20");
        // cross: all three at −15.3 %, largest loss first (BTC 12,000x, ETH 6,000x, SOL 3,000x);
        // isolated: BTC, then ETH at 2,409.64/3,000 − 1 = −19.7 %; SOL (−32.7 %) survives
        assertThat(ids(vm.crossEvents())).containsExactly("btc-long", "eth-long", "sol-long");
        assertThat(vm.crossEvents()).allSatisfy(e -> assertThat(e.headline()).contains("−15.3 %"));
        assertThat(vm.crossEvents().get(2).accountGone()).isTrue();
        assertThat(ids(vm.isolatedEvents())).containsExactly("btc-long", "eth-long");
        assertThat(vm.isolatedOutcomeProperty().get()).isEqualTo("Liquidated at −20.0 %: btc-long, eth-long (−1,800.00 USDT).");
        // isolated equity: free 500 + SOL 1,000 + 20·(120 − 150) = 900; cross: nothing left
        assertThat(vm.isolatedEquityProperty().get()).isEqualTo("Equity at −20.0 %: 900.00 USDT");
        assertThat(vm.crossEquityProperty().get()).isEqualTo("Equity at −20.0 %: 0.00 USDT");
        assertThat(row(vm, "sol-long").liquidationPrice()).isEqualTo(new SidePair("101.01", "liq. −15.3 %", true));
        // maximum loss, one sign: an amount lost, positive, realized or not (realized: the cell's
        // liquidated flag, shown in red); it was −600.00 beside 1,200.00
        assertThat(row(vm, "btc-long").maxLoss()).isEqualTo(new SidePair("600.00", "1,877.00", true));
        assertThat(row(vm, "btc-long").isolatedLiquidated()).isTrue();
        assertThat(row(vm, "sol-long").maxLoss()).isEqualTo(new SidePair("1,000.00", "484.50", true));
        assertThat(row(vm, "sol-long").isolatedLiquidated()).isFalse();
        assertThat(row(vm, "sol-long").crossLiquidated()).isTrue();
    }

    @Test
    void lowerFee_showsAPartialCascadeThatPullsTheOthersIn() {
        AccountViewModel account = account(Samples.COURSE_CROSS_CASCADE);
        ComparisonViewModel vm = new ComparisonViewModel(account);
        vm.feeProperty().set(ComparisonViewModel.FEE_CHOICES.get(2));
        account.shockTextProperty().set("-15.5");
        // no fee: BTC closes at −15.30 % and the wallet keeps 3,300 + 12,000·x = 1,463.65; ETH next at −15.76 %
        assertThat(ids(vm.crossEvents())).containsExactly("btc-long");
        // ETH's cross LP pulled in: SOL at 126.75 (MM 25.35, PnL −465): (1,463.65 − 25.35 − 465 − 6,000)/(−1.992)
        assertThat(row(vm, "eth-long").liquidationPrice().cross()).isEqualTo("2,523.44");
        account.shockTextProperty().set("-16");
        assertThat(ids(vm.crossEvents())).containsExactly("btc-long", "eth-long");
        assertThat(vm.crossEvents().get(1).headline()).startsWith("2. −15.8 %  eth-long");
        // with the default fee the same shock has closed everything
        vm.feeProperty().set(ComparisonViewModel.FEE_CHOICES.get(0));
        assertThat(ids(vm.crossEvents())).containsExactly("btc-long", "eth-long", "sol-long");
    }

    @Test
    void shortsAreHitByARise_andTheHedgeSentenceSaysSo() {
        AccountViewModel account = account(Samples.BTC_LONG_ETH_SHORT_HEDGE);
        ComparisonViewModel vm = new ComparisonViewModel(account);
        // isolated ETH short on IM 2,400: LP (2,400 + 24,000)/(8·0.004 + 8) = 3,286.85 → +7.8 % from 3,050
        assertThat(row(vm, "eth-short").sentence()).endsWith("isolated, a 7.8 % market-wide rise liquidates it and costs "
                + "its 2,400.00 USDT.");
        // cross BTC: (5,000 − 97.6 − 400 − 30,000)/(0.5·0.004 − 0.5) = 51,200.00
        assertThat(row(vm, "btc-long").liquidationPrice().cross()).isEqualTo("51,200.00");
        account.shockTextProperty().set("8");
        assertThat(ids(vm.isolatedEvents())).containsExactly("eth-short");
    }

    @Test
    void oneSymbolShock_leavesTheOthersMarks() {
        AccountViewModel account = account(Samples.COURSE_CROSS_CASCADE);
        ComparisonViewModel vm = new ComparisonViewModel(account);
        account.shockSymbolProperty().set("BTCUSDT");
        // cross: 3,300 + 12,000x = 48(1 + x) + 54 → x = −26.8 %; ETH and SOL go with the account
        assertThat(row(vm, "eth-long").sentence()).startsWith("A BTCUSDT shock does not move this position's mark; "
                + "isolated it is untouched, but in cross it shares the wallet and is closed at a 26.8 % BTCUSDT drop");
        assertThat(row(vm, "btc-long").sentence()).startsWith("In cross, a 26.8 % BTCUSDT drop liquidates the whole account");
        account.shockTextProperty().set("-30");
        assertThat(ids(vm.isolatedEvents())).containsExactly("btc-long");
        assertThat(ids(vm.crossEvents())).containsExactly("btc-long", "eth-long", "sol-long");
    }

    @Test
    void shockMoves_updateTheSameRowsInPlace_andOnlyWhatChanges() {
        AccountViewModel account = account(Samples.COURSE_CROSS_CASCADE);
        ComparisonViewModel vm = new ComparisonViewModel(account);
        account.shockTextProperty().set("-3");
        List<ComparisonRow> rows = List.copyOf(vm.rows());
        List<String> listChanges = new ArrayList<>();
        vm.rows().addListener((ListChangeListener<ComparisonRow>) c -> listChanges.add(c.toString()));
        List<String> eventChanges = new ArrayList<>();
        vm.isolatedEvents().addListener((ListChangeListener<CascadeItem>) c -> {
            while (c.next()) {
                eventChanges.add((c.wasRemoved() ? "removed " + c.getRemovedSize() : "")
                        + (c.wasAdded() ? "added " + c.getAddedSize() + " at " + c.getFrom() : ""));
            }
        });
        ComparisonRow btc = row(vm, "btc-long");
        List<SidePair> btcLiquidation = new ArrayList<>();
        btc.liquidationPriceProperty().addListener((o, a, b) -> btcLiquidation.add(b));
        List<Object> anyFigure = new ArrayList<>();
        for (ComparisonRow r : rows) {
            for (javafx.beans.Observable figure : List.of(r.liquidationPriceProperty(), r.distanceProperty(),
                    r.marginRatioProperty(), r.maxLossProperty(), r.capitalProperty(), r.isolatedLiquidatedProperty(),
                    r.crossLiquidatedProperty())) {
                figure.addListener(o -> anyFigure.add(o));
            }
        }

        // the same shock written differently: a new evaluation with equal figures changes nothing
        var evaluation = account.evaluationProperty().get();
        account.shockTextProperty().set("-3.0");
        assertThat(account.evaluationProperty().get()).isNotSameAs(evaluation);
        assertThat(anyFigure).isEmpty();
        assertThat(listChanges).isEmpty();
        assertThat(eventChanges).isEmpty();

        // −10 %: isolated BTC goes at −4.6 %; the rows stay the same objects and their figures follow
        account.shockTextProperty().set("-10");
        assertThat(listChanges).isEmpty();
        assertThat(vm.rows()).usingElementComparator((a, b) -> a == b ? 0 : 1).containsExactlyElementsOf(rows);
        assertThat(btcLiquidation).hasSize(1);
        assertThat(btcLiquidation.get(0).isolated()).isEqualTo("liq. −4.6 %");
        assertThat(btc.liquidationPrice().isolated()).isEqualTo("liq. −4.6 %");
        assertThat(btc.isolatedLiquidated()).isTrue();
        assertThat(btc.distance().isolated()).isEqualTo("—");
        assertThat(row(vm, "eth-long").liquidationPrice().cross()).isEqualTo("2,143.67");
        // the reached liquidations grow at the end: one added, nothing replaced
        assertThat(eventChanges).containsExactly("added 1 at 0");
        CascadeItem first = vm.isolatedEvents().get(0);
        account.shockTextProperty().set("-20");
        assertThat(eventChanges).containsExactly("added 1 at 0", "added 1 at 1");
        assertThat(vm.isolatedEvents().get(0)).isSameAs(first);
        account.shockTextProperty().set("-10");
        assertThat(eventChanges).containsExactly("added 1 at 0", "added 1 at 1", "removed 1");
        assertThat(btc.isolatedLiquidated()).isTrue();
        account.shockTextProperty().set("0");
        assertThat(btc.isolatedLiquidated()).isFalse();
        assertThat(btc.liquidationPrice().isolated()).isEqualTo("57,228.92");
        assertThat(vm.isolatedEvents()).isEmpty();
        assertThat(listChanges).isEmpty();

        // an edit that changes the sentences (the cross account now goes later) changes them in place:
        // the same rows, the list unchanged, only the sentence's text fires
        String sentence = btc.sentence();
        List<String> sentenceChanges = new ArrayList<>();
        btc.sentenceProperty().addListener((o, was, now) -> sentenceChanges.add(now));
        account.walletTextProperty().set("2000");
        assertThat(listChanges).isEmpty();
        assertThat(row(vm, "btc-long")).isSameAs(btc);
        assertThat(btc.sentence()).isNotEqualTo(sentence);
        assertThat(sentenceChanges).containsExactly(btc.sentence());
        assertThat(vm.rows()).hasSize(3);
    }

    @Test
    void shockMovesReuseTheWalks_editsRedoThem() {
        AccountViewModel account = account(Samples.COURSE_CROSS_CASCADE);
        ComparisonViewModel vm = new ComparisonViewModel(account);
        int walks = vm.walkCount();
        for (int s = -1; s >= -30; s--) {
            account.shockTextProperty().set(Integer.toString(s));
        }
        assertThat(vm.walkCount()).isEqualTo(walks);
        account.walletTextProperty().set("600");
        assertThat(vm.walkCount()).isEqualTo(walks + 1);
        assertThat(vm.crossCapitalProperty().get()).isEqualTo("Shared wallet: 3,400.00 USDT (3 positions).");
    }

    @Test
    void editsWalkOnTheWorker_theOldFiguresStayMarkedUpdating_andOnlyTheLastEditLands() {
        AccountViewModel account = account(Samples.COURSE_CROSS_CASCADE);
        HeldExecutor worker = new HeldExecutor();
        HeldExecutor fx = new HeldExecutor();
        ComparisonViewModel vm = new ComparisonViewModel(account, worker, fx);
        // the first walk is under way: nothing to show yet
        assertThat(vm.updatingProperty().get()).isTrue();
        assertThat(vm.rows()).isEmpty();
        worker.runAll();
        assertThat(vm.rows()).as("a walk is taken only on the fx executor").isEmpty();
        fx.runAll();
        assertThat(vm.updatingProperty().get()).isFalse();
        assertThat(vm.crossCapitalProperty().get()).isEqualTo("Shared wallet: 3,300.00 USDT (3 positions).");
        int walks = vm.walkCount();

        // 500 → 600 → 700, and a shock move, while the walker has not run: the figures are the old
        // walks', flagged as updating, never a mix of old walks and new inputs
        account.walletTextProperty().set("600");
        assertThat(vm.updatingProperty().get()).isTrue();
        account.walletTextProperty().set("700");
        account.shockTextProperty().set("-10");
        assertThat(vm.crossCapitalProperty().get()).isEqualTo("Shared wallet: 3,300.00 USDT (3 positions).");
        assertThat(vm.shockDescriptionProperty().get()).doesNotContain("10.0");
        assertThat(vm.updatingProperty().get()).isTrue();
        worker.runAll();
        assertThat(vm.walkCount()).as("the 600 walk was dropped unrun").isEqualTo(walks + 1);
        assertThat(vm.crossCapitalProperty().get()).as("taken only on the fx executor")
                .isEqualTo("Shared wallet: 3,300.00 USDT (3 positions).");
        fx.runAll();
        // the 700 walk landed once, shown at the shock current then
        assertThat(vm.walkCount()).isEqualTo(walks + 1);
        assertThat(vm.updatingProperty().get()).isFalse();
        assertThat(vm.crossCapitalProperty().get()).isEqualTo("Shared wallet: 3,500.00 USDT (3 positions).");
        assertThat(vm.crossOutcomeProperty().get()).startsWith("Nothing liquidated at −10.0 %");
        assertThat(ids(vm.isolatedEvents())).containsExactly("btc-long");

        // a shock move with the walks current is computed on the worker too, without walking again
        account.shockTextProperty().set("-20");
        assertThat(vm.updatingProperty().get()).isTrue();
        assertThat(ids(vm.isolatedEvents())).as("not before it lands").containsExactly("btc-long");
        worker.runAll();
        fx.runAll();
        assertThat(vm.updatingProperty().get()).isFalse();
        assertThat(ids(vm.isolatedEvents())).containsExactly("btc-long", "eth-long");
        assertThat(vm.walkCount()).isEqualTo(walks + 1);

        // an edit, then shock moves while it is walked: one walk, shown at the last shock
        account.walletTextProperty().set("650");
        account.shockTextProperty().set("-5");
        account.shockTextProperty().set("-21");
        worker.runAll();
        fx.runAll();
        assertThat(vm.walkCount()).isEqualTo(walks + 2);
        assertThat(vm.crossCapitalProperty().get()).isEqualTo("Shared wallet: 3,450.00 USDT (3 positions).");
        assertThat(vm.shockDescriptionProperty().get()).contains("21.0");

        // walks built, and a shock move before they are taken: the move's figures reuse them
        account.walletTextProperty().set("660");
        worker.runAll();
        account.shockTextProperty().set("-22");
        worker.runAll();
        fx.runAll();
        assertThat(vm.walkCount()).isEqualTo(walks + 3);
        assertThat(vm.crossCapitalProperty().get()).isEqualTo("Shared wallet: 3,460.00 USDT (3 positions).");
        assertThat(vm.shockDescriptionProperty().get()).contains("22.0");

        account.walletTextProperty().set("700");
        account.shockTextProperty().set("-20");
        worker.runAll();
        fx.runAll();
        assertThat(vm.walkCount()).isEqualTo(walks + 4);

        // an edit undone before its walk lands: back to the walks shown, the walk under way is dropped
        account.walletTextProperty().set("800");
        assertThat(vm.updatingProperty().get()).isTrue();
        account.walletTextProperty().set("700");
        assertThat(vm.updatingProperty().get()).isFalse();
        worker.runAll();
        fx.runAll();
        assertThat(vm.walkCount()).isEqualTo(walks + 4);
        assertThat(vm.crossCapitalProperty().get()).isEqualTo("Shared wallet: 3,500.00 USDT (3 positions).");
    }

    @Test
    void twoHundredPositions_shockMovesReuseTheWalks() {
        List<Position> ps = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ps.add(Position.builder().id("p" + i).symbol(i % 2 == 0 ? "BTCUSDT" : "ETHUSDT")
                    .side(i % 3 == 0 ? Side.SHORT : Side.LONG).quantity(new BigDecimal(i % 2 == 0 ? "0.1" : "1"))
                    .entryPrice(new BigDecimal(i % 2 == 0 ? 60000 + i : 3000 + i)).leverage(BigDecimal.TEN)
                    .marginMode(i % 4 == 0 ? MarginMode.ISOLATED : MarginMode.CROSS).build());
        }
        AccountViewModel account = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        account.load(new Workspace("many", "binance-usdm", new BigDecimal("50000"), ps));
        ComparisonViewModel vm = new ComparisonViewModel(account);
        int walks = vm.walkCount();
        String before = vm.shockDescriptionProperty().get();
        for (int s = 1; s <= 20; s++) {
            account.shockTextProperty().set("-" + s);
        }
        assertThat(vm.walkCount()).isEqualTo(walks);
        assertThat(vm.rows()).hasSize(200);
        assertThat(vm.shockDescriptionProperty().get()).isNotEqualTo(before).contains("20.0");
    }

    @Test
    void chartHasBothCurvesAndTheLiquidations_andHoverReadsThem() {
        AccountViewModel account = account(Samples.COURSE_CROSS_CASCADE);
        ComparisonViewModel vm = new ComparisonViewModel(account);
        EquityChartData data = vm.chart().dataProperty().get();
        // isolated at −4.6, −19.7, −32.7 %; cross three at −15.3 %; the range brackets them: −45 % … 10 %
        assertThat(data.isolatedMarkers()).hasSize(3);
        assertThat(data.crossMarkers()).hasSize(3).allSatisfy(m -> assertThat(m.x()).isCloseTo(-15.3029, within()));
        assertThat(data.fromPercent()).isEqualTo(-45.0);
        assertThat(data.toPercent()).isEqualTo(10.0);
        assertThat(data.isolated()).isSortedAccordingTo((a, b) -> Double.compare(a.x(), b.x()));
        assertThat(data.xLabel()).isEqualTo("Shock of every mark (%)");
        // −20 %: isolated 500 + 1,000 + 20·(120 − 150) = 900; cross gone
        assertThat(vm.chart().valuesAt(-20)).isEqualTo("Shock −20.0 %\nisolated equity 900.00 USDT\ncross equity 0.00 USDT");
        // +10 %: both 3,300 + 2,100
        assertThat(vm.chart().valuesAt(10)).isEqualTo("Shock +10.0 %\nisolated equity 5,400.00 USDT\ncross equity 5,400.00 USDT");
        account.shockTextProperty().set("-7");
        assertThat(vm.chart().shockPercentProperty().get()).isCloseTo(-7.0, within());
        vm.chart().hoverAt(-20);
        assertThat(vm.chart().hoverProperty().get()).startsWith("Shock −20.0 %");
        vm.chart().hoverExit();
        assertThat(vm.chart().hoverProperty().get()).isEmpty();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-3);
    }

    @Test
    void coinMarginedAmountsAreInCoin() {
        ComparisonViewModel vm = new ComparisonViewModel(account(Samples.BINANCE_COINM_BTCUSD));
        // LP = 10,000·1.004/(0.01 + 0.2) = 47,809.52 USD; margin 0.01 BTC (8 decimals for coin)
        assertThat(row(vm, "btcusd-long").liquidationPrice().isolated()).isEqualTo("47,809.52");
        assertThat(row(vm, "btcusd-long").capital().isolated()).isEqualTo("0.01000000");
        assertThat(vm.currencyProperty().get()).isEqualTo("BTC");
        // the chart's hover reads in coin too, with the coin's 8 decimals
        assertThat(vm.chart().valuesAt(-10)).contains(" BTC").doesNotContain("USDT").matches("(?s).*\\.\\d{8} BTC.*");
    }

    @Test
    void differenceRuleAndArticle() {
        assertThat(ComparisonViewModel.differ(new BigDecimal("100"), new BigDecimal("100.4"))).isFalse();
        assertThat(ComparisonViewModel.differ(new BigDecimal("100"), new BigDecimal("100.6"))).isTrue();
        assertThat(ComparisonViewModel.differ(null, new BigDecimal("1"))).isTrue();
        assertThat(ComparisonViewModel.differ(null, null)).isFalse();
        assertThat(ComparisonProse.article("83.0")).isEqualTo("an");
        assertThat(ComparisonProse.article("11.1")).isEqualTo("an");
        assertThat(ComparisonProse.article("18.0")).isEqualTo("an");
        assertThat(ComparisonProse.article("110.0")).isEqualTo("a");
        assertThat(ComparisonProse.article("9.8")).isEqualTo("a");
        assertThat(EquityChartBuilder.tick(55)).isEqualTo(5.0);
        assertThat(EquityChartBuilder.tick(290)).isEqualTo(50.0);
    }
}
