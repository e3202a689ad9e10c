package org.marginlab.app.ui;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * An executor for tests that only queues: the test runs the work by hand, so "while it runs"
 * lasts exactly as long as the test wants. Not thread-safe: one test thread.
 */
public final class HeldExecutor implements Executor {
    private final Queue<Runnable> queue = new ArrayDeque<>();

    @Override
    public void execute(Runnable r) {
        queue.add(r);
    }

    /** @return how many tasks wait */
    public int size() {
        return queue.size();
    }

    /** Runs the task queued first (a task it queues waits). */
    public void runOne() {
        queue.remove().run();
    }

    /** @return how many tasks ran: every queued task, including those queued while running */
    public int runAll() {
        int n = 0;
        for (Runnable r; (r = queue.poll()) != null; n++) {
            r.run();
        }
        return n;
    }
}
