package org.marginlab.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.workspace.BundledPaths;
import org.marginlab.app.workspace.Samples;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.replay.ReplaySide;

/**
 * The replay's view-model without a toolkit, on the course sample (three isolated longs, wallet
 * 500: BTC 0.2 @ 60,000 20x margin 600, ETH 2 @ 3,000 5x margin 1,200, SOL 20 @ 150 3x margin
 * 1,000 MMR 1 %) and the bundled {@code wick-down-12}. BTC's LP = 11,400/0.1992 = 57,228.92, reached
 * between minute 30 (59,400) and 31 (57,200) at 30 min + 60 s·2,171.08/2,200 = 00:30:59.2.
 */
class ReplayViewModelTest {

    private static AccountViewModel course() {
        AccountViewModel account = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        account.load(Samples.open(Samples.COURSE_CROSS_CASCADE));
        return account;
    }

    private static ReplayViewModel replay(AccountViewModel account) {
        return new ReplayViewModel(account, Runnable::run, Runnable::run);
    }

    private static BigDecimal mark(Evaluation e, String id) {
        return e.position(id).shockedMark();
    }

    @Test
    void loadingTheWickShowsItsStartAndOneIsolatedMarker() {
        AccountViewModel account = course();
        ReplayViewModel vm = replay(account);
        vm.loadBundled(BundledPaths.WICK_DOWN_12);
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.pointsProperty().get()).isEqualTo(121);
        assertThat(vm.titleProperty().get()).contains("synthetic");
        assertThat(vm.markers(ReplaySide.ISOLATED)).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("00:30 · isolated · btc-long liquidated at 57,228.92");
            // 30 min 59.2 s of 120 min
            assertThat(m.fraction()).isBetween(30.98 / 120, 30.99 / 120);
        });
        // the cross side (wallet 3,300) would need −15.3 %: the −12 % wick does not reach it
        assertThat(vm.markers(ReplaySide.CROSS)).isEmpty();
        assertThat(vm.timeProperty().get()).isEqualTo("00:00 UTC");
        assertThat(vm.isolatedEquityProperty().get()).isEqualTo("3,300.00 USDT");
        // a view, not an edit: nothing to save, nothing to undo
        assertThat(account.dirtyProperty().get()).isFalse();
        assertThat(account.canUndoProperty().get()).isFalse();
        assertThat(account.evaluation().draft().replay()).isNotNull();
    }

    @Test
    void scrubbingToTheLowShowsTheLiquidatedStateAndBothSidesEquity() {
        AccountViewModel account = course();
        ReplayViewModel vm = replay(account);
        vm.loadBundled(BundledPaths.WICK_DOWN_12);
        vm.positionProperty().set(33);
        Evaluation e = account.evaluation();
        assertThat(e.position("btc-long").liquidated()).isTrue();
        assertThat(e.position("eth-long").liquidated()).isFalse();
        // BTC frozen at its liquidation price, ETH and SOL at the low
        assertThat(mark(e, "btc-long")).isCloseTo(new BigDecimal("57228.9157"), org.assertj.core.api.Assertions.within(new BigDecimal("0.0001")));
        assertThat(mark(e, "eth-long")).isEqualByComparingTo("2640");
        assertThat(mark(e, "sol-long")).isEqualByComparingTo("132");
        // isolated side = 500 + (1,200 − 720) + (1,000 − 360) = 1,620; cross = 3,300 − 1,440 − 720 − 360 = 780
        assertThat(vm.isolatedEquityProperty().get()).isEqualTo("1,620.00 USDT");
        assertThat(vm.crossEquityProperty().get()).isEqualTo("780.00 USDT");
        // the account is the isolated side: its total equity (§4) is the same 1,620
        assertThat(e.totalEquity()).isEqualByComparingTo("1620");
        assertThat(vm.liquidatedSoFarProperty().get()).isEqualTo("Liquidated so far — isolated: btc-long; cross: none");
        assertThat(vm.marksProperty().get()).isEqualTo("BTCUSDT 52,800.00  ·  ETHUSDT 2,640.00  ·  SOLUSDT 132.00");
        assertThat(vm.timeProperty().get()).isEqualTo("00:33 UTC");
    }

    @Test
    void aLiquidatedPositionStaysLiquidatedWhenThePriceComesBack() {
        AccountViewModel account = course();
        ReplayViewModel vm = replay(account);
        vm.loadBundled(BundledPaths.WICK_DOWN_12);
        vm.positionProperty().set(120);
        Evaluation e = account.evaluation();
        assertThat(e.position("btc-long").liquidated()).isTrue();
        assertThat(mark(e, "eth-long")).isEqualByComparingTo("3015");
        // 500 + (1,200 + 30) + (1,000 + 15) = 2,745
        assertThat(e.totalEquity()).isEqualByComparingTo("2745");
        // before the wick nothing is liquidated
        vm.positionProperty().set(30);
        assertThat(account.evaluation().position("btc-long").liquidated()).isFalse();
    }

    @Test
    void closingShowsTheDocumentsMarksAgain() {
        AccountViewModel account = course();
        ReplayViewModel vm = replay(account);
        vm.loadBundled(BundledPaths.WICK_DOWN_12);
        vm.positionProperty().set(33);
        vm.close();
        assertThat(account.evaluation().draft().replay()).isNull();
        assertThat(mark(account.evaluation(), "btc-long")).isEqualByComparingTo("60000");
        assertThat(account.evaluation().position("btc-long").liquidated()).isFalse();
        assertThat(vm.loadedProperty().get()).isFalse();
        assertThat(vm.markers()).isEmpty();
        assertThat(account.dirtyProperty().get()).isFalse();
    }

    @Test
    void aBrokenFileNamesTheLineAndTheField(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.csv");
        Files.writeString(f, "time,symbol,mark\n2026-01-05T00:00:00Z,BTCUSDT,60000\n2026-01-05T00:01:00Z,BTCUSDT,-3\n",
                StandardCharsets.UTF_8);
        ReplayViewModel vm = replay(course());
        vm.load(f);
        assertThat(vm.problemProperty().get()).isEqualTo("broken.csv: line 3, mark: must be > 0 (got -3)");
        assertThat(vm.loadedProperty().get()).isFalse();
    }

    @Test
    void aFileOfOneSymbolLeavesTheOthersAtTheirMarksAndSaysSo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("btc.csv");
        Files.writeString(f, "# a test path\ntime,symbol,mark\n2026-01-05T00:00:00Z,BTCUSDT,60000\n"
                + "2026-01-05T00:10:00Z,BTCUSDT,57000\n", StandardCharsets.UTF_8);
        AccountViewModel account = course();
        ReplayViewModel vm = replay(account);
        vm.load(f);
        assertThat(vm.titleProperty().get()).isEqualTo("btc.csv");
        assertThat(vm.noteProperty().get()).isEqualTo("The path does not move ETHUSDT, SOLUSDT: they keep their typed mark.");
        // 60,000 → 57,000 in 10 min: BTC goes at 0.2·(60,000 − 57,228.92) = 554.2 s = 00:09:14
        assertThat(vm.markers(ReplaySide.ISOLATED)).singleElement()
                .satisfies(m -> assertThat(m.text()).startsWith("00:09 · isolated · btc-long"));
        vm.positionProperty().set(1);
        assertThat(mark(account.evaluation(), "eth-long")).isEqualByComparingTo("3000");
    }

    @Test
    void anEditOfTheDocumentReplaysItAgainAtTheSamePoint() {
        AccountViewModel account = course();
        ReplayViewModel vm = replay(account);
        vm.loadBundled(BundledPaths.WICK_DOWN_12);
        vm.positionProperty().set(33);
        account.edit("wallet", d -> d.withWalletText("1500"));
        // cross side's wallet 1,500 + 2,800 = 4,300: at the low 4,300 − 2,520 = 1,780
        assertThat(vm.crossEquityProperty().get()).isEqualTo("1,780.00 USDT");
        assertThat(vm.indexProperty().get()).isEqualTo(33);
        assertThat(account.evaluation().position("btc-long").liquidated()).isTrue();
        assertThat(account.dirtyProperty().get()).isTrue(); // the edit, not the replay
    }

    @Test
    void openingAnotherWorkspaceClosesTheReplay() {
        AccountViewModel account = course();
        ReplayViewModel vm = replay(account);
        vm.loadBundled(BundledPaths.WICK_DOWN_12);
        account.load(Samples.open(Samples.BTC_LONG_ISOLATED));
        assertThat(vm.loadedProperty().get()).isFalse();
        assertThat(account.evaluation().draft().replay()).isNull();
    }

    @Test
    void theCrossAccountGoingAtOnceIsOneMarkerNamingEveryPosition() {
        ReplayViewModel vm = replay(course());
        vm.loadBundled(BundledPaths.SLOW_BLEED_30);
        // cross side: W = 3,300 meets Σ MM at x = −3,198/20,898 = −15.3029 %, hour 0.153029·336/0.3 = 171.393
        // (Jan 5 + 7 days, 03:23.6 UTC); every mark × 17,700/20,898: 50,818.26 / 2,540.91 / 127.05
        assertThat(vm.markers(ReplaySide.CROSS)).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo(
                "Jan 12 03:23 · cross · btc-long liquidated at 50,818.26; eth-long at 2,540.91; sol-long at 127.05"));
        // isolated: BTC at 11,400/11,952 − 1 = −4.6185 % (hour 0.046185·1,120 = 51.727, Jan 7 03:43),
        // ETH at 4,800/5,976 − 1 = −19.68 % (hour 220.4)
        assertThat(vm.markers(ReplaySide.ISOLATED)).extracting(EventMarker::positionId).containsExactly("btc-long", "eth-long");
        assertThat(vm.markers(ReplaySide.ISOLATED).get(0).text()).startsWith("Jan 7 03:43 · isolated · btc-long");
    }

    @Test
    void theEvaluatorShowsWhatTheOverlayFroze() {
        // frozen at 60,000 (not beyond its LP of 57,228.92): liquidated because the path liquidated it;
        // the shock typed in the draft (−50 %) waits while the replay is shown
        org.marginlab.app.model.Draft d = course().evaluation().draft().withShock("-50", null)
                .withReplay(new org.marginlab.app.model.ReplayOverlay("test",
                        java.util.Map.of("ETHUSDT", new BigDecimal("2900")), java.util.Map.of("btc-long", new BigDecimal("60000"))));
        Evaluation e = new org.marginlab.app.model.Evaluator(Locale.US).evaluate(d, null);
        assertThat(e.position("btc-long").liquidated()).isTrue();
        assertThat(e.position("eth-long").liquidated()).isFalse();
        assertThat(mark(e, "eth-long")).isEqualByComparingTo("2900");
        assertThat(mark(e, "sol-long")).isEqualByComparingTo("150"); // not on the path: its typed mark
        assertThat(e.shock()).isEqualByComparingTo("0");
    }

    @Test
    void anUnknownBundledIdIsAProblemNotACrash() {
        ReplayViewModel vm = replay(course());
        vm.loadBundled("no-such-path");
        assertThat(vm.problemProperty().get()).startsWith("No bundled price path is named no-such-path");
    }
}
