package org.marginlab.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.function.LongConsumer;

import org.junit.jupiter.api.Test;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.workspace.BundledPaths;
import org.marginlab.app.workspace.Samples;
import org.marginlab.engine.MarginEngine;

/**
 * The replay's clock without a toolkit: frames from a manual source, on the course sample and the
 * bundled {@code wick-down-12} (121 points, one a minute) and {@code slow-bleed-30} (337 points).
 */
class ReplayClockTest {
    /** Frames a test sends by hand; remembers whether they are asked for. */
    private static final class ManualFrames implements ReplayClock.Frames {
        LongConsumer tick;
        boolean started;

        @Override
        public void start(LongConsumer t) {
            tick = t;
            started = true;
        }

        @Override
        public void stop() {
            started = false;
        }

        void at(double seconds) {
            if (started) {
                tick.accept((long) (seconds * 1e9));
            }
        }
    }

    private final ManualFrames frames = new ManualFrames();

    private ReplayViewModel wick() {
        AccountViewModel account = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        account.load(Samples.open(Samples.COURSE_CROSS_CASCADE));
        ReplayViewModel vm = new ReplayViewModel(account, Runnable::run, Runnable::run);
        vm.loadBundled(BundledPaths.WICK_DOWN_12);
        return vm;
    }

    @Test
    void timeAdvancesByTheRateTimesTheSpeedAndStopsAtTheEnd() {
        ReplayViewModel vm = wick();
        ReplayClock clock = new ReplayClock(vm, frames);
        // 121 points: base rate max(1, 120/120) = 1 point a second
        assertThat(clock.rate()).isEqualTo(1.0);
        assertThat(frames.started).isFalse(); // paused: no frames asked for
        clock.advance(5);
        assertThat(vm.indexProperty().get()).isZero(); // paused: nothing moves

        vm.play();
        assertThat(frames.started).isTrue();
        assertThat(clock.isRunning()).isTrue();
        frames.at(100.0); // the first frame only sets the clock's origin
        assertThat(vm.indexProperty().get()).isZero();
        frames.at(102.5); // 2.5 s × 1 point/s × 1 = 2.5 points: point 2
        assertThat(vm.positionProperty().get()).isEqualTo(2.5);
        assertThat(vm.indexProperty().get()).isEqualTo(2);
        vm.speedProperty().set(ReplaySpeed.X30);
        frames.at(103.5); // 1 s × 1 × 30 = 30 points: 2.5 + 30 = 32.5, point 32
        assertThat(vm.indexProperty().get()).isEqualTo(32);
        assertThat(vm.timeProperty().get()).isEqualTo("00:32 UTC");
        frames.at(113.5); // 10 s × 30 = 300 points, capped at the last point, 120: it stops there
        assertThat(vm.indexProperty().get()).isEqualTo(120);
        assertThat(vm.playingProperty().get()).isFalse();
        assertThat(frames.started).isFalse();
        assertThat(clock.isRunning()).isFalse();
    }

    @Test
    void pausingStopsTheClockAndPlayingAgainStartsFromTheTimeShownWithoutAJump() {
        ReplayViewModel vm = wick();
        new ReplayClock(vm, frames);
        vm.play();
        frames.at(0);
        frames.at(10); // 10 points
        vm.pause();
        assertThat(frames.started).isFalse();
        vm.play();
        frames.at(500); // a new origin: the 490 s paused do not count
        frames.at(501); // + 1 point
        assertThat(vm.indexProperty().get()).isEqualTo(11);
    }

    @Test
    void closingTheReplayStopsTheClock() {
        ReplayViewModel vm = wick();
        ReplayClock clock = new ReplayClock(vm, frames);
        vm.play();
        frames.at(0);
        frames.at(3);
        assertThat(vm.indexProperty().get()).isEqualTo(3);
        vm.close();
        assertThat(vm.playingProperty().get()).isFalse();
        assertThat(frames.started).isFalse();
        assertThat(clock.isRunning()).isFalse();
    }

    @Test
    void theSlowBleedPlaysFasterSoEveryPathTakesAboutTwoMinutes() {
        AccountViewModel account = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        account.load(Samples.open(Samples.COURSE_CROSS_CASCADE));
        ReplayViewModel vm = new ReplayViewModel(account, Runnable::run, Runnable::run);
        vm.loadBundled(BundledPaths.SLOW_BLEED_30);
        ReplayClock clock = new ReplayClock(vm, frames);
        // 337 points: 336/120 = 2.8 points a second at 1×
        assertThat(clock.rate()).isEqualTo(2.8);
        vm.play();
        frames.at(0);
        frames.at(10); // 10 s × 2.8 = 28 points
        assertThat(vm.indexProperty().get()).isEqualTo(28);
    }

    @Test
    void theStripCountsEachSidesLiquidations() {
        ReplayViewModel vm = wick();
        assertThat(vm.liquidatedCountsProperty().get()).isEqualTo("isolated: none · cross: none");
        // btc-long's LP 57,228.92 is crossed at 00:30:59; at minute 33 (the low, −12 %) only it is gone
        vm.positionProperty().set(33);
        assertThat(vm.liquidatedCountsProperty().get()).isEqualTo("isolated: 1 liquidated · cross: none");
    }
}
