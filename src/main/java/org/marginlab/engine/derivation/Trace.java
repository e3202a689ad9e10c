package org.marginlab.engine.derivation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.marginlab.engine.Position;

/**
 * The recorder the engine's own code writes derivation steps into while {@link org.marginlab.engine.explain.Explainer} runs
 * an evaluation; the hook by which a derivation comes from the code path that computes the
 * figure. Internal to the engine: the venue rules and {@code MarginEngine} call it, nothing
 * else should.
 *
 * <p>Cost when nothing is explained: {@link #active()} is one read of a static volatile count
 * that is 0, and every recording site is behind it. A trace records the steps of one position
 * (and of the account) on the thread that started it; it is not thread-safe and lives for one
 * evaluation.
 */
public final class Trace {
    private static volatile int recording;
    private static final ThreadLocal<Trace> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<java.util.function.Consumer<org.marginlab.engine.Account>> WATCHER =
            new ThreadLocal<>();

    private final String positionId;
    private final Map<Figure, List<Step>> steps = new EnumMap<>(Figure.class);
    private String amountUnit = "";
    private String priceUnit = "";

    private Trace(String positionId) {
        this.positionId = positionId;
    }

    /** @return the trace recording on this thread, or null when none is (the common case) */
    public static Trace active() {
        return recording == 0 ? null : CURRENT.get();
    }

    /**
     * @param position  a position being evaluated
     * @return the trace when one is recording this position's steps on this thread, else null
     */
    public static Trace of(Position position) {
        Trace t = active();
        return t != null && t.positionId != null && t.positionId.equals(position.id()) ? t : null;
    }

    /**
     * @param positions  positions evaluated together (a hedge group's legs)
     * @return the trace when one is recording the steps of any of them, else null
     */
    public static Trace ofAny(List<Position> positions) {
        Trace t = active();
        if (t == null || t.positionId == null) {
            return null;
        }
        for (Position p : positions) {
            if (t.positionId.equals(p.id())) {
                return t;
            }
        }
        return null;
    }

    /** @return the unit of amounts (the settlement currency), for the steps' units */
    public String amountUnit() {
        return amountUnit;
    }

    /** @return the unit of prices (the quote currency), for the steps' units */
    public String priceUnit() {
        return priceUnit;
    }

    void units(String amount, String price) {
        this.amountUnit = amount;
        this.priceUnit = price;
    }

    /** @return the id of the position whose steps are recorded, or null (account figures only) */
    public String positionId() {
        return positionId;
    }

    /**
     * Replaces a figure's steps.
     *
     * @param figure  the figure
     * @param list    its steps, copied
     */
    public void put(Figure figure, List<Step> list) {
        steps.put(figure, new ArrayList<>(list));
    }

    /**
     * Appends steps to a figure's.
     *
     * @param figure  the figure
     * @param more    the steps
     */
    public void add(Figure figure, Step... more) {
        List<Step> list = steps.computeIfAbsent(figure, k -> new ArrayList<>());
        list.addAll(List.of(more));
    }

    /** @return the steps recorded for a figure, possibly empty */
    public List<Step> steps(Figure figure) {
        return steps.getOrDefault(figure, List.of());
    }

    /**
     * Runs an evaluation with a trace recording on this thread ({@code Explainer}'s entry).
     *
     * @param positionId  the position whose steps to record, or null for the account's only
     * @param run         the evaluation
     * @return the trace, with what the evaluation recorded
     */
    public static <T> Recorded<T> record(String positionId, String amountUnit, String priceUnit,
            java.util.function.Supplier<T> run) {
        Trace trace = new Trace(positionId);
        trace.units(amountUnit, priceUnit);
        Trace outer = CURRENT.get();
        CURRENT.set(trace);
        synchronized (Trace.class) {
            recording++;
        }
        try {
            return new Recorded<>(run.get(), trace);
        } finally {
            synchronized (Trace.class) {
                recording--;
            }
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /**
     * Whether this thread watches the accounts the engine evaluates ({@link #watch}); as cheap
     * as {@link #active()} when nothing records or watches.
     *
     * @return true only inside {@link #watch} on this thread
     */
    public static boolean watching() {
        return recording != 0 && WATCHER.get() != null;
    }

    /**
     * Hands an account the engine has just evaluated to this thread's watcher; called by
     * {@code MarginEngine} only when {@link #watching()}.
     *
     * @param account  the account evaluated without error
     */
    public static void evaluated(org.marginlab.engine.Account account) {
        java.util.function.Consumer<org.marginlab.engine.Account> w = WATCHER.get();
        if (w != null) {
            w.accept(account);
        }
    }

    /**
     * Runs code while every account the engine evaluates on this thread is handed to a watcher
     * (the honesty test collects the accounts the vector tests evaluate). No trace records.
     *
     * @param watcher  receives each account evaluated without error
     * @param run      the code
     */
    public static void watch(java.util.function.Consumer<org.marginlab.engine.Account> watcher, Runnable run) {
        WATCHER.set(watcher);
        synchronized (Trace.class) {
            recording++;
        }
        try {
            run.run();
        } finally {
            synchronized (Trace.class) {
                recording--;
            }
            WATCHER.remove();
        }
    }

    /**
     * A result with the trace recorded while it was computed.
     *
     * @param result  what the evaluation returned
     * @param trace   what it recorded
     */
    public record Recorded<T>(T result, Trace trace) {
    }
}
