package org.marginlab.app.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.marginlab.app.model.DraftEditor;
import org.marginlab.app.model.Evaluation;
import org.marginlab.app.model.PositionResult;
import org.marginlab.app.position.PositionViewModel;

/**
 * The account's position rows (one {@link PositionViewModel} per position of the draft, in its
 * order) and the selected one. After every evaluation the rows follow the draft: a row keeps its
 * identity while its position exists (so the table keeps its cells), new positions get new rows,
 * and a selection whose position is gone moves to its neighbour.
 */
final class PositionRows {
    private Locale locale;
    private final DraftEditor editor;
    private final org.marginlab.app.ui.HiddenFigures hidden;
    /** the id to select at the next sync (after the rows were made again), or null */
    private String reselect;
    private final ObservableList<PositionViewModel> rows = FXCollections.observableArrayList();
    private final ObjectProperty<PositionViewModel> selected = new SimpleObjectProperty<>(this, "selected");

    PositionRows(Locale locale, DraftEditor editor, org.marginlab.app.ui.HiddenFigures hidden) {
        this.locale = locale;
        this.editor = editor;
        this.hidden = hidden;
    }

    /** Brings the rows in line with an evaluation and shows each row its slice. */
    void sync(Evaluation e) {
        boolean same = rows.size() == e.positions().size();
        for (int i = 0; same && i < rows.size(); i++) {
            same = rows.get(i).id().equals(e.positions().get(i).id());
        }
        List<PositionViewModel> next = rows;
        if (!same) {
            // rows added, removed or moved: each position keeps its row (its edit buffers), found by id
            Map<String, PositionViewModel> byId = new HashMap<>();
            for (PositionViewModel p : rows) {
                byId.put(p.id(), p);
            }
            next = new ArrayList<>(e.positions().size());
            for (int i = 0; i < e.positions().size(); i++) {
                PositionResult r = e.positions().get(i);
                PositionViewModel row = byId.get(r.id());
                if (row == null) {
                    row = new PositionViewModel(locale, editor, r.id(), hidden);
                }
                next.add(row);
            }
        }
        PositionViewModel sel = selected.get();
        int selIndex = sel == null ? -1 : rows.indexOf(sel);
        if (!same) {
            rows.setAll(next);
        }
        for (int i = 0; i < next.size(); i++) {
            next.get(i).update(e.positions().get(i), e);
        }
        if (reselect != null) {
            String id = reselect;
            reselect = null;
            next.stream().filter(p -> p.id().equals(id)).findFirst().ifPresent(selected::set);
            sel = selected.get();
        }
        if (sel == null || !next.contains(sel)) {
            selected.set(next.isEmpty() ? null : next.get(Math.max(0, Math.min(selIndex, next.size() - 1))));
        }
    }

    /**
     * Rows made from now on type and show numbers in this locale; the rows there are are forgotten
     * (the next {@link #sync} makes new ones), the selection kept by id.
     *
     * @param next  the locale, not null
     */
    void setLocale(Locale next) {
        locale = next;
        PositionViewModel sel = selected.get();
        rows.clear();
        selected.set(null);
        reselect = sel == null ? null : sel.id();
    }

    /** Forgets every row (a new workspace). */
    void clear() {
        rows.clear();
        selected.set(null);
    }

    /** @return the ids of the rows, in order */
    List<String> ids() {
        List<String> ids = new ArrayList<>(rows.size());
        for (PositionViewModel p : rows) {
            ids.add(p.id());
        }
        return ids;
    }

    /**
     * Selects the first row whose id is not among {@code before}.
     *
     * @return that row, or null when there is none
     */
    PositionViewModel selectNew(List<String> before) {
        for (PositionViewModel p : rows) {
            if (!before.contains(p.id())) {
                selected.set(p);
                return p;
            }
        }
        return null;
    }

    /** Selects the row with an id, if there is one. */
    void select(String id) {
        for (PositionViewModel p : rows) {
            if (p.id().equals(id)) {
                selected.set(p);
                return;
            }
        }
    }

    /** Selects the row at an index, or the last one when the index is past the end. */
    void selectAt(int index) {
        selected.set(rows.isEmpty() ? null : rows.get(Math.min(index, rows.size() - 1)));
    }

    ObservableList<PositionViewModel> rows() {
        return rows;
    }

    ObjectProperty<PositionViewModel> selected() {
        return selected;
    }
}
