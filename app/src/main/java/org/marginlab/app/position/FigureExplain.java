package org.marginlab.app.position;

import java.util.function.Supplier;

import javafx.scene.control.Label;

import org.marginlab.app.ui.FigureLink;
import org.marginlab.engine.MarginMode;

/**
 * Which engine figure's derivation each figure of the results shows ({@code
 * org.marginlab.engine.derivation.Figure}). A cross position has no margin balance or margin ratio
 * of its own: the results show the account's, and so does the derivation. The mark is an input,
 * the costs and the probability of liquidation have no engine derivation: null.
 */
public final class FigureExplain {
    private FigureExplain() {
    }

    /** Opens a derivation: a position's figure, or a figure with none (engine figure null). */
    @FunctionalInterface
    public interface Opener {
        /**
         * @param positionId  the position
         * @param figure      the engine figure, or null when the engine does not derive it
         * @param label       the figure's label in the results
         */
        void open(String positionId, org.marginlab.engine.derivation.Figure figure, String label);
    }

    /**
     * Makes a figure's value open its derivation (click, Enter; {@link FigureLink}), and gives its
     * tooltip, the one set now or later, the hint as its last line. The mark is an input: left
     * as it is.
     *
     * @param value   the figure's value label, not null
     * @param f       the figure, not null
     * @param vm      the position, not null
     * @param opener  the current opener (may give null: nothing happens), not null
     */
    static void install(Label value, Figure f, PositionViewModel vm, Supplier<Opener> opener) {
        if (f == Figure.MARK_PRICE) {
            return;
        }
        value.tooltipProperty().addListener((o, a, t) -> {
            if (t != null && !t.textProperty().isBound() && !t.getText().endsWith(FigureLink.HINT)) {
                t.setText(t.getText() + "\n" + FigureLink.HINT);
            }
        });
        FigureLink.install(value, () -> {
            Opener open = opener.get();
            if (open != null) {
                open.open(vm.id(), of(f, vm.marginModeProperty().get()), f.label());
            }
        });
    }

    /**
     * @param f     a results figure, not null
     * @param mode  the position's margin mode, not null
     * @return the engine figure whose derivation explains it, or null
     */
    public static org.marginlab.engine.derivation.Figure of(Figure f, MarginMode mode) {
        boolean cross = mode == MarginMode.CROSS;
        return switch (f) {
            case LIQUIDATION_PRICE -> org.marginlab.engine.derivation.Figure.LIQUIDATION_PRICE;
            case BANKRUPTCY_PRICE -> org.marginlab.engine.derivation.Figure.BANKRUPTCY_PRICE;
            case MARGIN_RATIO -> cross ? org.marginlab.engine.derivation.Figure.ACCOUNT_MARGIN_RATIO
                    : org.marginlab.engine.derivation.Figure.MARGIN_RATIO;
            case DISTANCE_TO_LIQUIDATION -> org.marginlab.engine.derivation.Figure.DISTANCE_TO_LIQUIDATION;
            case NOTIONAL -> org.marginlab.engine.derivation.Figure.NOTIONAL;
            case INITIAL_MARGIN -> org.marginlab.engine.derivation.Figure.INITIAL_MARGIN;
            case MAINTENANCE_MARGIN, MMR -> org.marginlab.engine.derivation.Figure.MAINTENANCE_MARGIN;
            case MARGIN_BALANCE -> cross ? org.marginlab.engine.derivation.Figure.ACCOUNT_MARGIN_BALANCE
                    : org.marginlab.engine.derivation.Figure.MARGIN_BALANCE;
            case UNREALIZED_PNL -> org.marginlab.engine.derivation.Figure.UNREALIZED_PNL;
            case ROE -> org.marginlab.engine.derivation.Figure.ROE;
            case EFFECTIVE_LEVERAGE -> org.marginlab.engine.derivation.Figure.EFFECTIVE_LEVERAGE;
            case MAX_REMOVABLE_MARGIN -> org.marginlab.engine.derivation.Figure.MAX_REMOVABLE_MARGIN;
            // max addable = min(available, wallet) at the typed marks: no engine derivation yet (the
            // available balance's would end at another number)
            default -> null;
        };
    }
}
