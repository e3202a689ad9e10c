package org.marginlab.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Hands background work to its executor once the JavaFX thread has done the CSS and layout of
 * the next pulse of a scene, instead of at once.
 *
 * <p><b>Why.</b> An edit asks for background work while its own handler still runs (the
 * comparison's walks, about 10 ms of a worker on 200 positions). Started at once, the worker
 * runs beside what the JavaFX thread still does for that edit (evaluating the account, pushing
 * the figures, the pulse's CSS and layout); on a 2-core machine these two and the renderer then
 * share the cores, and the frame that answers the keystroke waits. Started after the layout, the
 * worker runs beside the rendering of that frame and the idle time until the next input. On the
 * Isolated vs cross tab with 200 positions this took the keystroke's p99 from 11.4–11.9 ms to
 * 6.9–7.4 ms (UI latency benchmark, two rounds each; README, Performance).
 *
 * <p><b>Guarantees.</b> Every runnable given to {@link #execute} is handed to the target
 * executor once, in order: after the layout pass of the scene's next pulse (a pulse is
 * requested, so one comes even when nothing in the scene changed; should the window be hidden
 * meanwhile, at its first pulse once shown again), or at once when the scene is in no showing
 * window (no pulse would come). It never runs work itself: the target decides the thread.
 *
 * <p><b>Threading.</b> {@link #of} is called on the JavaFX application thread; {@link #execute}
 * may be called from any thread; the scene's post-layout pulse listener, registered by
 * {@link #of}, runs on the JavaFX application thread.
 */
public final class AfterLayoutExecutor implements Executor {
    private final Scene scene;
    private final Executor target;
    /** Runnables waiting for the next layout pass, in order; guarded by itself. */
    private final List<Runnable> waiting = new ArrayList<>();

    private AfterLayoutExecutor(Scene scene, Executor target) {
        this.scene = scene;
        this.target = target;
    }

    /**
     * @param scene   the scene whose pulses to follow, not null
     * @param target  runs the work (a worker thread in the app), not null
     * @return an executor registered with {@code scene} (its post-layout pulse listener)
     * @throws NullPointerException if an argument is null
     * @throws IllegalStateException if not called on the JavaFX application thread
     */
    public static AfterLayoutExecutor of(Scene scene, Executor target) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("AfterLayoutExecutor.of must be called on the JavaFX application thread");
        }
        AfterLayoutExecutor executor = new AfterLayoutExecutor(Objects.requireNonNull(scene, "scene"),
                Objects.requireNonNull(target, "target"));
        scene.addPostLayoutPulseListener(executor::release);
        return executor;
    }

    /**
     * Hands {@code command} to the target after the scene's next layout pass, or at once if the
     * scene is in no showing window.
     *
     * @param command  the work, not null
     * @throws NullPointerException if {@code command} is null
     */
    @Override
    public void execute(Runnable command) {
        Objects.requireNonNull(command, "command");
        Window window = scene.getWindow();
        if (window == null || !window.isShowing()) {
            target.execute(command);
            return;
        }
        synchronized (waiting) {
            waiting.add(command);
        }
        Platform.requestNextPulse();
    }

    /** After a layout pass, on the JavaFX thread: hands over what waits. */
    private void release() {
        Runnable[] now;
        synchronized (waiting) {
            if (waiting.isEmpty()) {
                return;
            }
            now = waiting.toArray(new Runnable[0]);
            waiting.clear();
        }
        for (Runnable command : now) {
            target.execute(command);
        }
    }
}
