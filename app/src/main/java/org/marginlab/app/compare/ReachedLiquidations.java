package org.marginlab.app.compare;

import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The liquidations reached at the current shock on each side, as the ordered lists the outcome
 * cards show ({@link CascadeItem}, worded by {@link ComparisonProse}). As the shock moves they
 * grow and shrink at their end, so an update replaces only the differing tail and an unchanged
 * list fires nothing: a list view keeps its cells.
 *
 * <p>A plain class without {@code javafx.scene} types. Not thread-safe.
 */
final class ReachedLiquidations {
    private final ObservableList<CascadeItem> isolated = FXCollections.observableArrayList();
    private final ObservableList<CascadeItem> cross = FXCollections.observableArrayList();

    /**
     * @param isolatedReached  the isolated liquidations reached at the current shock, in order, as written
     * @param crossReached     the cross cascade reached at the current shock, in order, as written
     */
    void update(List<CascadeItem> isolatedReached, List<CascadeItem> crossReached) {
        sync(isolated, isolatedReached);
        sync(cross, crossReached);
    }

    /** @return the isolated liquidations reached, in order */
    ObservableList<CascadeItem> isolated() {
        return isolated;
    }

    /** @return the cross cascade reached, in order */
    ObservableList<CascadeItem> cross() {
        return cross;
    }

    /**
     * Makes {@code target} equal to {@code next} with the fewest changes: the liquidations reached
     * grow and shrink at the end as the shock moves, so only the differing tail is replaced, and
     * an unchanged list fires nothing.
     */
    static <T> void sync(ObservableList<T> target, List<T> next) {
        int common = 0;
        int n = Math.min(target.size(), next.size());
        while (common < n && target.get(common).equals(next.get(common))) {
            common++;
        }
        if (common < target.size()) {
            target.remove(common, target.size());
        }
        if (common < next.size()) {
            target.addAll(next.subList(common, next.size()));
        }
    }
}
