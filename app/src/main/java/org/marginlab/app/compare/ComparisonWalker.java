package org.marginlab.app.compare;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import org.marginlab.app.ui.LatestOnly;
import org.marginlab.engine.Account;

/**
 * Keeps the comparison's walks ({@link ComparisonWalks}) in step with their inputs, computing new
 * ones on a worker ({@link LatestOnly}: only the newest inputs are walked, and only the walks of
 * the newest inputs are taken). It holds the walks taken last and the inputs being walked, and
 * says whether walks are being computed ({@link #updatingProperty()}).
 *
 * <p><b>Threading.</b> Used on the JavaFX application thread (or one test thread), the thread
 * the {@code fx} executor runs on; only {@link ComparisonWalks#build} runs on the {@code worker}.
 * With direct executors a walk is taken before {@link #current} returns.
 */
final class ComparisonWalker {
    private final LatestOnly<ComparisonWalks> latest;
    private final Consumer<ComparisonWalks> onLanded;
    private final Consumer<RuntimeException> onFailed;
    private final ReadOnlyBooleanWrapper updating;
    /** The walks taken last, or null before the first land. */
    private ComparisonWalks walks;
    /** The inputs being walked, or null when none are. */
    private ComparisonWalks.Inputs pending;
    private int count;

    /**
     * @param bean      the updating property's bean
     * @param worker    runs the walks, not null
     * @param fx        runs their landing, not null
     * @param onLanded  takes the walks of the newest inputs, on the fx executor, after they are held
     * @param onFailed  takes the engine's refusal of the newest inputs, on the fx executor
     */
    ComparisonWalker(Object bean, Executor worker, Executor fx, Consumer<ComparisonWalks> onLanded,
            Consumer<RuntimeException> onFailed) {
        this.latest = new LatestOnly<>(worker, fx);
        this.onLanded = Objects.requireNonNull(onLanded, "onLanded");
        this.onFailed = Objects.requireNonNull(onFailed, "onFailed");
        this.updating = new ReadOnlyBooleanWrapper(bean, "updating", false);
    }

    /**
     * Whether the walks held are those of {@code next}; if not, walks of {@code next} are (or
     * already were) started and will be handed to {@code onLanded}, unless newer inputs come first.
     * Coming back to the inputs of the walks held drops the walk under way.
     *
     * @param entered  the account as entered, not null
     * @param next     its inputs, not null
     * @param locale   the sentences' locale, not null
     * @return true if {@link #walks()} are those of {@code next} (show them now)
     */
    boolean current(Account entered, ComparisonWalks.Inputs next, Locale locale) {
        if (walks != null && walks.builtFrom(next)) {
            if (pending != null) {
                latest.cancel();
                pending = null;
                updating.set(false);
            }
            return true;
        }
        if (!next.same(pending)) {
            pending = next;
            updating.set(true);
            latest.submit(() -> ComparisonWalks.build(entered, next, locale), this::landed, this::failed);
        }
        return false;
    }

    private void landed(ComparisonWalks built) {
        pending = null;
        walks = built;
        count++;
        onLanded.accept(built);
        updating.set(false);
    }

    private void failed(RuntimeException e) {
        pending = null;
        updating.set(false);
        onFailed.accept(e);
    }

    /** @return the walks taken last, or null before the first */
    ComparisonWalks walks() {
        return walks;
    }

    /** @return how many walks were taken */
    int count() {
        return count;
    }

    /** @return whether walks of newer inputs than {@link #walks()} are being computed */
    ReadOnlyBooleanProperty updatingProperty() {
        return updating.getReadOnlyProperty();
    }
}
