package org.marginlab.app.ui;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs the latest of a stream of pure jobs off the calling thread and hands back only the result
 * that is still wanted: the comparison's walks, recomputed on every edit, whose result is worth
 * nothing once a newer edit has come in.
 *
 * <p><b>Coalescing.</b> Jobs run one at a time, in submission order, on the {@code worker}
 * executor. While one runs, only the newest job submitted since waits; a job that was waiting
 * when a newer one came is dropped without running. A job that was running when a newer one came
 * finishes (it is not interrupted), but its result is dropped.
 *
 * <p><b>Delivery.</b> A result (or the job's {@link RuntimeException}) is handed to its callback
 * through the {@code deliver} executor ({@code Platform::runLater} in the app), and only if no
 * job was {@link #submit submitted} and no {@link #cancel} happened since its own submission;
 * this is checked both when the job ends and again on the delivering thread just before the
 * callback, so a callback always sees the result of the latest submission.
 *
 * <p><b>Threading contract.</b> {@link #submit} and {@link #cancel} are meant to be called from
 * one thread, the one {@code deliver} runs on (the JavaFX application thread); they are also
 * safe from any thread. The job's {@link Supplier} runs on the worker and must not touch the
 * caller's mutable state (build an immutable value from immutable inputs); the callbacks run on
 * the delivering thread. The hand-over through the executors orders the job's writes before the
 * callback's reads.
 *
 * <p><b>Synchronous use.</b> With direct executors ({@code Runnable::run} for both) a submission
 * runs the job and its callback before {@code submit} returns, so tests are deterministic; a
 * submission from inside a callback is then run after that callback returns, not nested in it.
 *
 * @param <T>  the result's type
 */
public final class LatestOnly<T> {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Executor worker;
    private final Executor deliver;
    private final Object lock = new Object();
    /** The number of the latest submission or cancellation; a job is wanted while it holds its own. */
    private long latest;
    private Job<T> waiting;
    private boolean draining;
    private long dropped;

    private record Job<T>(long number, Supplier<? extends T> work, Consumer<? super T> onResult,
            Consumer<? super RuntimeException> onFailure) {
    }

    /**
     * @param worker   runs the jobs, one drain loop at a time, not null: {@link #daemonThread(String)}
     *                 in the app, {@code Runnable::run} in tests
     * @param deliver  runs the callbacks, not null: {@code Platform::runLater} in the app,
     *                 {@code Runnable::run} in tests
     */
    public LatestOnly(Executor worker, Executor deliver) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.deliver = Objects.requireNonNull(deliver, "deliver");
    }

    /**
     * An executor with one daemon thread, started on demand and ended after a few idle seconds:
     * a background thread for {@link LatestOnly} that never keeps the JVM alive.
     *
     * @param name  the thread's name prefix, not null
     * @return a new executor
     */
    public static Executor daemonThread(String name) {
        Objects.requireNonNull(name, "name");
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name + "-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /**
     * Submits a job; any job submitted before and not yet delivered is superseded.
     *
     * @param work       computes the result on the worker, not null; must only read immutable state
     * @param onResult   receives the result on the delivering thread if it is still the latest, not null
     * @param onFailure  receives the job's exception instead, on the delivering thread, if the job
     *                   is still the latest, not null
     */
    public void submit(Supplier<? extends T> work, Consumer<? super T> onResult,
            Consumer<? super RuntimeException> onFailure) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(onResult, "onResult");
        Objects.requireNonNull(onFailure, "onFailure");
        boolean start;
        synchronized (lock) {
            latest++;
            if (waiting != null) {
                dropped++;
            }
            waiting = new Job<>(latest, work, onResult, onFailure);
            start = !draining;
            draining = true;
        }
        if (start) {
            try {
                worker.execute(this::drain);
            } catch (RuntimeException e) {
                synchronized (lock) {
                    draining = false;
                }
                throw e;
            }
        }
    }

    /** Supersedes every job submitted so far: a waiting one is dropped, no result is delivered. */
    public void cancel() {
        synchronized (lock) {
            latest++;
            if (waiting != null) {
                dropped++;
                waiting = null;
            }
        }
    }

    /** @return whether the worker is running, or about to run, a job (its result may still be on its way after) */
    public boolean busy() {
        synchronized (lock) {
            return draining;
        }
    }

    /** @return how many jobs were dropped without running (superseded while waiting), for tests and measurements */
    public long dropped() {
        synchronized (lock) {
            return dropped;
        }
    }

    private boolean wanted(long number) {
        synchronized (lock) {
            return number == latest;
        }
    }

    /** Runs the waiting jobs, the newest each time, until none waits; one loop at a time. */
    private void drain() {
        boolean done = false;
        try {
            while (true) {
                Job<T> job;
                synchronized (lock) {
                    job = waiting;
                    waiting = null;
                    if (job == null) {
                        draining = false;
                        done = true;
                        return;
                    }
                }
                run(job);
            }
        } finally {
            if (!done) {
                // an Error escaped a job: let the next submission start a new loop
                synchronized (lock) {
                    draining = false;
                }
            }
        }
    }

    private void run(Job<T> job) {
        T result;
        try {
            result = job.work().get();
        } catch (RuntimeException e) {
            if (wanted(job.number())) {
                deliver.execute(() -> {
                    if (wanted(job.number())) {
                        job.onFailure().accept(e);
                    }
                });
            }
            return;
        }
        if (wanted(job.number())) {
            deliver.execute(() -> {
                if (wanted(job.number())) {
                    job.onResult().accept(result);
                }
            });
        }
    }
}
