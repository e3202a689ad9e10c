package org.marginlab.app.compare;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import org.marginlab.app.ui.LatestOnly;
import org.marginlab.engine.Account;

/**
 * Keeps the comparison's figures ({@link ComparisonFigures}) in step with the account and the
 * shock, computing them on a worker ({@link LatestOnly}: only the newest request is computed, and
 * only its figures are taken). A request needs new walks ({@link ComparisonWalks#build}, tens of
 * milliseconds on hundreds of positions) only when the walks' inputs changed; a shock move reuses
 * the walks and costs two engine evaluations and the formatting, all on the worker. It holds the
 * figures taken last, and says whether newer ones are being computed ({@link #updatingProperty()}).
 *
 * <p>A walk is reused across requests: while one is under way, the requests that come in (a
 * shock dragged right after an edit) replace each other, and the one computed next takes the
 * walks just built instead of walking again.
 *
 * <p><b>Threading.</b> Used on the JavaFX application thread (or one test thread), the thread
 * the {@code fx} executor runs on; only the computation runs on the {@code worker} (one at a
 * time: {@link LatestOnly} never runs two at once). With direct executors the figures are taken
 * before {@link #request} returns.
 */
final class ComparisonUpdater {
    private final LatestOnly<ComparisonFigures> latest;
    private final Consumer<ComparisonFigures> onLanded;
    private final Consumer<RuntimeException> onFailed;
    private final ReadOnlyBooleanWrapper updating;
    /** The figures taken last, or null before the first land. */
    private ComparisonFigures figures;
    /** The request being computed, or null when none is. */
    private Request pending;
    /** The walks built last, by the worker: the next computation takes them if they are of its inputs. */
    private volatile ComparisonWalks built;
    /** How many walks were built (on the worker). */
    private final java.util.concurrent.atomic.AtomicInteger walks = new java.util.concurrent.atomic.AtomicInteger();

    /** What a request asks for: the walks of {@code inputs}, at {@code shock}. */
    private record Request(ComparisonWalks.Inputs inputs, BigDecimal shock) {
        boolean same(ComparisonWalks.Inputs i, BigDecimal s) {
            return inputs.same(i) && shock.compareTo(s) == 0;
        }
    }

    /**
     * @param bean      the updating property's bean
     * @param worker    runs the computations, not null
     * @param fx        runs their landing, not null
     * @param onLanded  takes the figures of the newest request, on the fx executor, after they are held
     * @param onFailed  takes the engine's refusal of the newest request, on the fx executor
     */
    ComparisonUpdater(Object bean, Executor worker, Executor fx, Consumer<ComparisonFigures> onLanded,
            Consumer<RuntimeException> onFailed) {
        this.latest = new LatestOnly<>(worker, fx);
        this.onLanded = Objects.requireNonNull(onLanded, "onLanded");
        this.onFailed = Objects.requireNonNull(onFailed, "onFailed");
        this.updating = new ReadOnlyBooleanWrapper(bean, "updating", false);
    }

    /**
     * Asks for the figures of {@code next} at {@code shock}. If they are the figures held, a
     * computation under way is dropped; else one is started (unless the same request is under
     * way) and its figures will be handed to {@code onLanded}, unless a newer request comes first.
     *
     * @param entered  the account as entered, not null
     * @param next     its inputs, not null
     * @param shock    the shock, a fraction of the mark, not null
     * @param locale   the figures' locale, not null
     */
    void request(Account entered, ComparisonWalks.Inputs next, BigDecimal shock, Locale locale) {
        if (figures != null && figures.walks().builtFrom(next) && figures.shock().compareTo(shock) == 0) {
            if (pending != null) {
                latest.cancel();
                pending = null;
                updating.set(false);
            }
            return;
        }
        if (pending != null && pending.same(next, shock)) {
            return;
        }
        pending = new Request(next, shock);
        updating.set(true);
        ComparisonFigures shown = figures;
        latest.submit(() -> compute(entered, next, shock, shown, locale), this::landed, this::failed);
    }

    /** On the worker: the walks (reused when they are of {@code next}) and the figures at {@code shock}. */
    private ComparisonFigures compute(Account entered, ComparisonWalks.Inputs next, BigDecimal shock,
            ComparisonFigures shown, Locale locale) {
        ComparisonWalks w = shown != null && shown.walks().builtFrom(next) ? shown.walks() : built;
        if (w == null || !w.builtFrom(next)) {
            w = ComparisonWalks.build(entered, next, locale, built);
            built = w;
            walks.incrementAndGet();
        }
        return ComparisonFigures.at(w, shock, shown, locale);
    }

    private void landed(ComparisonFigures next) {
        pending = null;
        figures = next;
        onLanded.accept(next);
        updating.set(false);
    }

    private void failed(RuntimeException e) {
        pending = null;
        updating.set(false);
        onFailed.accept(e);
    }

    /** @return how many walks were built: a request that could reuse walks built before does not count */
    int walkCount() {
        return walks.get();
    }

    /** @return whether figures of a newer request than those taken last are being computed */
    ReadOnlyBooleanProperty updatingProperty() {
        return updating.getReadOnlyProperty();
    }
}
