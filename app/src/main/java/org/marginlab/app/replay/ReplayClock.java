package org.marginlab.app.replay;

import java.util.Objects;
import java.util.function.LongConsumer;

import javafx.animation.AnimationTimer;

/**
 * The replay's playback clock, apart from any view: while {@link ReplayViewModel#playingProperty()}
 * is true it moves the replay's position on by the time that passed, so Play works wherever it is
 * pressed (the Replay tab, the lesson navigator's replay strip) whether or not the Replay tab was
 * ever built. It stops when the replay pauses, reaches its end or is closed.
 *
 * <p><b>Rate.</b> {@link #advance} moves the position by {@code seconds × rate × speed} points,
 * the base rate {@code max(1, (points − 1)/120)} points a second: any path takes about two
 * minutes at 1×, four seconds at 30×.
 *
 * <p>Ticks come from a {@link Frames} source: in the app an {@link AnimationTimer} (created the
 * first time the replay plays, so a model without a toolkit can hold a clock); in tests a manual
 * one. Not thread-safe: use it on the JavaFX thread.
 */
public final class ReplayClock {
    /** A source of animation frames: calls back with a monotonic time in nanoseconds while started. */
    public interface Frames {
        /** @param tick  called once a frame with the time in nanoseconds, not null */
        void start(LongConsumer tick);

        /** Stops the calls back. */
        void stop();
    }

    private final ReplayViewModel model;
    private final Frames frames;
    /** The time of the last frame, ns; negative before the first frame after a start. */
    private long last = -1;
    private boolean running;

    /**
     * A clock driven by the JavaFX pulse ({@link AnimationTimer}).
     *
     * @param model  the replay it plays, not null
     */
    public ReplayClock(ReplayViewModel model) {
        this(model, new PulseFrames());
    }

    /**
     * @param model   the replay it plays, not null
     * @param frames  where the frames come from, not null
     */
    public ReplayClock(ReplayViewModel model, Frames frames) {
        this.model = Objects.requireNonNull(model, "model");
        this.frames = Objects.requireNonNull(frames, "frames");
        model.playingProperty().addListener((o, a, playing) -> {
            if (playing) {
                start();
            } else {
                stop();
            }
        });
    }

    private void start() {
        if (!running) {
            running = true;
            last = -1;
            frames.start(this::tick);
        }
    }

    private void stop() {
        if (running) {
            running = false;
            last = -1;
            frames.stop();
        }
    }

    /** @return whether the clock is running (the replay plays) */
    public boolean isRunning() {
        return running;
    }

    /**
     * One frame: moves the replay on by the time since the last frame (nothing on the first).
     *
     * @param nanos  the frame's time, ns, monotonic
     */
    void tick(long nanos) {
        if (!running) {
            return;
        }
        if (last >= 0) {
            advance((nanos - last) / 1e9);
        }
        last = nanos;
    }

    /**
     * Moves the replay on while it plays; pauses it at the end.
     *
     * @param seconds  the time that passed, in seconds, ≥ 0
     */
    public void advance(double seconds) {
        if (!model.playingProperty().get() || seconds <= 0) {
            return;
        }
        double end = model.pointsProperty().get() - 1;
        double next = Math.min(end, model.positionProperty().get() + seconds * rate() * model.speedProperty().get().factor());
        model.positionProperty().set(next);
        if (next >= end) {
            model.pause();
        }
    }

    /** @return the base rate, points a second at 1×: {@code max(1, (points − 1)/120)} */
    public double rate() {
        return Math.max(1, (model.pointsProperty().get() - 1) / 120.0);
    }

    /** Frames from the JavaFX pulse; the timer is made on the first start (it needs the toolkit). */
    private static final class PulseFrames implements Frames {
        private AnimationTimer timer;
        private LongConsumer tick;

        @Override
        public void start(LongConsumer t) {
            this.tick = t;
            if (timer == null) {
                timer = new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        tick.accept(now);
                    }
                };
            }
            timer.start();
        }

        @Override
        public void stop() {
            if (timer != null) {
                timer.stop();
            }
        }
    }
}
