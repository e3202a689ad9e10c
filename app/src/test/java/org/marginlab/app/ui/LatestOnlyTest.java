package org.marginlab.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * {@link LatestOnly} with executors the test steps by hand (the worker and the "FX" queue are
 * separate queues), plus one run on its real daemon thread.
 */
class LatestOnlyTest {

    private final HeldExecutor worker = new HeldExecutor();
    private final HeldExecutor fx = new HeldExecutor();
    private final LatestOnly<String> latest = new LatestOnly<>(worker, fx);
    private final List<String> ran = new ArrayList<>();
    private final List<String> delivered = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();

    private Supplier<String> job(String name) {
        return () -> {
            ran.add(name);
            return name;
        };
    }

    private void submit(String name) {
        latest.submit(job(name), delivered::add, e -> failed.add(e.getMessage()));
    }

    @Test
    void jobsWaitingWhenANewerComes_areDroppedWithoutRunning_andTheLastWins() {
        submit("a");
        submit("b");
        submit("c");
        assertThat(worker.size()).as("one drain loop for the three submissions").isEqualTo(1);
        assertThat(ran).isEmpty();

        worker.runAll();
        assertThat(ran).containsExactly("c");
        assertThat(latest.dropped()).isEqualTo(2);
        assertThat(delivered).as("delivered only on the fx executor").isEmpty();

        fx.runAll();
        assertThat(delivered).containsExactly("c");
        assertThat(latest.busy()).isFalse();
    }

    @Test
    void aJobSupersededWhileRunning_finishes_butOnlyTheNewerResultIsDelivered() {
        // "b" comes in while "a" is running (as an edit arriving during a walk)
        latest.submit(() -> {
            ran.add("a");
            submit("b");
            return "a";
        }, delivered::add, e -> failed.add(e.getMessage()));
        worker.runAll();
        assertThat(ran).containsExactly("a", "b");
        fx.runAll();
        assertThat(delivered).containsExactly("b");
    }

    @Test
    void aResultSupersededOnItsWayToTheFxThread_isNotDelivered() {
        submit("a");
        worker.runAll();
        assertThat(fx.size()).isEqualTo(1);
        submit("b");
        fx.runAll();
        assertThat(delivered).as("a's delivery is checked again on the fx thread").isEmpty();
        worker.runAll();
        fx.runAll();
        assertThat(delivered).containsExactly("b");
    }

    @Test
    void manyJobs_inAnyInterleaving_deliverOnlyTheLatestSubmission_andEndWithTheLast() {
        List<String> latestWhenDelivered = new ArrayList<>();
        String[] submitted = new String[1];
        for (int i = 0; i < 50; i++) {
            submitted[0] = "job" + i;
            latest.submit(job(submitted[0]), r -> {
                delivered.add(r);
                latestWhenDelivered.add(submitted[0]);
            }, e -> failed.add(e.getMessage()));
            if (i % 7 == 3) {
                worker.runAll();
            }
            if (i % 11 == 5) {
                fx.runAll();
            }
        }
        worker.runAll();
        fx.runAll();
        // every result delivered was the latest submission at the time: never an older one
        assertThat(delivered).isEqualTo(latestWhenDelivered).endsWith("job49");
        assertThat(delivered.size()).isLessThan(10);
        assertThat(ran.size() + latest.dropped()).isEqualTo(50);
    }

    @Test
    void cancel_dropsTheWaitingJob_andTheResultUnderWay() {
        submit("a");
        latest.cancel();
        worker.runAll();
        fx.runAll();
        assertThat(ran).isEmpty();
        assertThat(delivered).isEmpty();

        submit("b");
        worker.runAll();
        latest.cancel();
        fx.runAll();
        assertThat(ran).containsExactly("b");
        assertThat(delivered).isEmpty();
    }

    @Test
    void aFailingJob_isReportedToItsFailureCallback_onTheFxExecutor() {
        latest.submit(() -> {
            throw new IllegalStateException("refused");
        }, delivered::add, e -> failed.add(e.getMessage()));
        worker.runAll();
        assertThat(failed).isEmpty();
        fx.runAll();
        assertThat(failed).containsExactly("refused");
        assertThat(delivered).isEmpty();
        // the worker is free again
        submit("next");
        worker.runAll();
        fx.runAll();
        assertThat(delivered).containsExactly("next");
    }

    @Test
    void anErrorInAJob_doesNotWedgeTheWorker() {
        latest.submit(() -> {
            throw new AssertionError("bug");
        }, delivered::add, e -> failed.add(e.getMessage()));
        assertThatThrownBy(worker::runAll).isInstanceOf(AssertionError.class);
        submit("after");
        worker.runAll();
        fx.runAll();
        assertThat(delivered).containsExactly("after");
    }

    @Test
    void directExecutors_runTheJobAndItsCallbackBeforeSubmitReturns_andDoNotNest() {
        LatestOnly<String> direct = new LatestOnly<>(Runnable::run, Runnable::run);
        List<String> events = new ArrayList<>();
        direct.submit(() -> "first", r -> {
            events.add("deliver " + r);
            direct.submit(() -> "second", r2 -> events.add("deliver " + r2), e -> { });
            events.add("after resubmit");
        }, e -> { });
        assertThat(events).containsExactly("deliver first", "after resubmit", "deliver second");
    }

    @Test
    void onItsDaemonThread_theLastOfABurstWins() throws Exception {
        Executor thread = LatestOnly.daemonThread("latest-only-test");
        LatestOnly<Integer> real = new LatestOnly<>(thread, Runnable::run);
        List<Integer> got = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Thread> on = new AtomicReference<>();
        CountDownLatch last = new CountDownLatch(1);
        for (int i = 0; i < 200; i++) {
            int n = i;
            real.submit(() -> {
                on.set(Thread.currentThread());
                busyWait();
                return n;
            }, r -> {
                got.add(r);
                if (r == 199) {
                    last.countDown();
                }
            }, e -> { });
        }
        assertThat(last.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(got).endsWith(199);
        // a job takes 1 ms, submitting takes microseconds: waiting jobs were replaced, not queued
        assertThat(real.dropped()).isPositive();
        assertThat(got).isSorted();
        assertThat(on.get().isDaemon()).isTrue();
        assertThat(on.get()).isNotSameAs(Thread.currentThread());
    }

    private static void busyWait() {
        long end = System.nanoTime() + 1_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
