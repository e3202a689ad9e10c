package org.marginlab.app.compare;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

import org.marginlab.app.ui.TableFit;

/**
 * A cell of {@link ComparisonView}'s table, one side of a figure ({@link SidePair}): its text,
 * highlighted when the sides differ, red when liquidated. It follows its row's liquidation flag
 * for that side (the flag can change without the text). State is shown with pseudo-classes,
 * which restyle the cell without rebuilding its styles.
 *
 * <p>The cell is unmanaged, a layout root: its one line of text never changes the row's height
 * or the column's width (the row places it explicitly), so a new figure re-lays only the cell,
 * not its row, the table's rows and the window.
 */
final class PairCell extends TableCell<ComparisonRow, SidePair> {
    private static final PseudoClass LIQUIDATED = PseudoClass.getPseudoClass("liquidated");
    private static final PseudoClass DIFFERS = PseudoClass.getPseudoClass("differs");

    private final boolean isolated;
    private final String idPrefix;
    private final InvalidationListener flagListener = o -> showLiquidated();
    private final WeakInvalidationListener weakFlagListener = new WeakInvalidationListener(flagListener);
    private ComparisonRow watched;

    /**
     * @param isolated     whether it shows the isolated side (else the cross side)
     * @param idPrefix     its node id before {@code -positionId}, e.g. {@code isolatedLiquidation}
     * @param explanation  its tooltip
     */
    PairCell(boolean isolated, String idPrefix, String explanation) {
        this.isolated = isolated;
        this.idPrefix = idPrefix;
        getStyleClass().addAll("pair-cell", isolated ? "isolated-cell" : "cross-cell");
        setTooltip(new Tooltip(explanation));
        setManaged(false);
        TableFit.fitOnFontChange(this);
    }

    @Override
    protected void updateItem(SidePair pair, boolean empty) {
        super.updateItem(pair, empty);
        ComparisonRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
        boolean restyled;
        if (empty || pair == null || row == null) {
            watch(null);
            setText(null);
            setId(null);
            restyled = state(DIFFERS, false) | state(LIQUIDATED, false);
        } else {
            watch(row);
            setText(isolated ? pair.isolated() : pair.cross());
            TableFit.fitText(this);
            setId(idPrefix + "-" + row.positionId());
            restyled = state(DIFFERS, pair.different()) | showLiquidated();
        }
        if (restyled) {
            // a figure arrives while the table is laid out (after the CSS pass): style it now, not next frame
            applyCss();
        }
    }

    private void watch(ComparisonRow row) {
        if (row == watched) {
            return;
        }
        if (watched != null) {
            flag(watched).removeListener(weakFlagListener);
        }
        watched = row;
        if (row != null) {
            flag(row).addListener(weakFlagListener);
        }
    }

    private ObservableValue<Boolean> flag(ComparisonRow row) {
        return isolated ? row.isolatedLiquidatedProperty() : row.crossLiquidatedProperty();
    }

    /** @return whether the state changed */
    private boolean showLiquidated() {
        // reading the flag also revalidates it, so the next change is reported again
        return state(LIQUIDATED, watched != null && flag(watched).getValue());
    }

    /** Sets a pseudo-class; @return whether it changed. */
    private boolean state(PseudoClass pseudoClass, boolean on) {
        if (getPseudoClassStates().contains(pseudoClass) == on) {
            return false;
        }
        pseudoClassStateChanged(pseudoClass, on);
        return true;
    }
}
