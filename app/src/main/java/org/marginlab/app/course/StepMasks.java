package org.marginlab.app.course;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.marginlab.app.lesson.FigureRef;
import org.marginlab.app.lesson.LessonStep;
import org.marginlab.engine.derivation.Figure;

/** What a step hides now, and the keys the views mask. Pure; no toolkit. */
final class StepMasks {
    private StepMasks() {
    }

    /**
     * @param step      the step, not null
     * @param revealed  its figures revealed so far, not null
     * @param showAll   the instructor shows every answer
     * @return its hides and its questions' figures, less those revealed; none when {@code showAll}
     */
    static Set<FigureRef> hidden(LessonStep step, Set<FigureRef> revealed, boolean showAll) {
        Set<FigureRef> hidden = new LinkedHashSet<>();
        if (showAll) {
            return hidden;
        }
        hidden.addAll(step.hide());
        step.questions().forEach(q -> hidden.add(q.figure()));
        hidden.removeAll(revealed);
        return hidden;
    }

    /**
     * @param hidden  the figures hidden, not null
     * @return their keys for the views ({@code btc-long.liquidationPrice}); a liquidation price and
     *         its distance to liquidation hide each other, since either gives the other away
     *         (LP = mark × (1 ∓ distance))
     */
    static List<String> keys(Set<FigureRef> hidden) {
        Set<String> keys = new LinkedHashSet<>();
        for (FigureRef r : hidden) {
            keys.add(r.toString());
            if (r.figure() == Figure.LIQUIDATION_PRICE || r.figure() == Figure.DISTANCE_TO_LIQUIDATION) {
                keys.add(r.positionId() + "." + Figure.LIQUIDATION_PRICE.id());
                keys.add(r.positionId() + "." + Figure.DISTANCE_TO_LIQUIDATION.id());
            }
        }
        return new ArrayList<>(keys);
    }

    /**
     * @param step    the step, not null
     * @param hidden  what it hides now, not null
     * @return the figures it hides without a question that are still hidden, in its order
     */
    static List<FigureRef> hiddenOnly(LessonStep step, Set<FigureRef> hidden) {
        List<FigureRef> only = new ArrayList<>();
        for (FigureRef ref : step.hide()) {
            if (hidden.contains(ref) && step.questions().stream().noneMatch(q -> q.figure().equals(ref))) {
                only.add(ref);
            }
        }
        return only;
    }
}
