package org.marginlab.app.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Undo and redo as a history of immutable {@link Draft}s, and the saved draft that decides
 * whether there are unsaved changes. Only the document part of a draft counts
 * ({@link Draft#sameDocument}): a shock or a what-if is not an undo step and not an unsaved
 * change. Successive edits with the same key (typing into one field) are one step.
 *
 * <p>Not thread-safe: use it on one thread.
 */
public final class DraftHistory {
    /** The maximum number of undo steps kept. */
    public static final int LIMIT = 200;

    private final Deque<Draft> undo = new ArrayDeque<>();
    private final Deque<Draft> redo = new ArrayDeque<>();
    private Draft current;
    private Draft saved;
    private String lastKey;

    /** @param start  the draft the history starts from (also the saved one), not null */
    public DraftHistory(Draft start) {
        reset(start);
    }

    /**
     * Forgets every step and starts again from a draft that is also the saved one (a file was
     * opened or a new workspace started).
     *
     * @param start  the draft, not null
     */
    public void reset(Draft start) {
        undo.clear();
        redo.clear();
        current = Objects.requireNonNull(start, "start");
        saved = start;
        lastKey = null;
    }

    /**
     * Records the next draft. A change of the document starts an undo step unless it has the
     * same key as the previous change; a draft whose document is unchanged (shock, what-if) only
     * replaces the current draft.
     *
     * @param next  the new current draft, not null
     * @param key   what was edited (e.g. {@code btc-long:leverage}); null always starts a step
     */
    public void record(Draft next, String key) {
        Objects.requireNonNull(next, "next");
        if (next.sameDocument(current)) {
            current = next;
            return;
        }
        if (key == null || !key.equals(lastKey) || undo.isEmpty()) {
            undo.push(current);
            while (undo.size() > LIMIT) {
                undo.removeLast();
            }
        }
        lastKey = key;
        current = next;
        redo.clear();
    }

    /**
     * @param now  the draft shown now (its shock and what-ifs are kept), not null
     * @return the draft before the last step, or null when there is none
     */
    public Draft undo(Draft now) {
        if (undo.isEmpty()) {
            return null;
        }
        redo.push(now);
        current = now.withDocumentOf(undo.pop());
        lastKey = null;
        return current;
    }

    /**
     * @param now  the draft shown now, not null
     * @return the draft of the last undone step, or null when there is none
     */
    public Draft redo(Draft now) {
        if (redo.isEmpty()) {
            return null;
        }
        undo.push(now);
        current = now.withDocumentOf(redo.pop());
        lastKey = null;
        return current;
    }

    /** Marks the current draft as the saved one. */
    public void markSaved() {
        saved = current;
    }

    /**
     * Marks a draft as the saved one: the draft a save wrote, which edits made while it was
     * being written have since left behind (the document then stays unsaved).
     *
     * @param draft  the draft that was written, not null
     */
    public void markSaved(Draft draft) {
        saved = java.util.Objects.requireNonNull(draft, "draft");
    }

    /** Marks that no draft is saved (a workspace restored from an autosave). */
    public void markUnsaved() {
        saved = null;
    }

    /**
     * Rewrites every draft kept (the current one, the saved one, every undo and redo step) with
     * the same change, e.g. into another number format; what is saved, dirty, undoable and
     * redoable stays as it was.
     *
     * @param change  a change that keeps each draft's meaning, not null
     */
    public void rewrite(java.util.function.UnaryOperator<Draft> change) {
        java.util.Map<Draft, Draft> done = new java.util.IdentityHashMap<>();
        java.util.function.UnaryOperator<Draft> once = d -> d == null ? null : done.computeIfAbsent(d, change);
        List<Draft> u = new java.util.ArrayList<>(undo);
        List<Draft> r = new java.util.ArrayList<>(redo);
        undo.clear();
        redo.clear();
        u.forEach(d -> undo.addLast(once.apply(d)));
        r.forEach(d -> redo.addLast(once.apply(d)));
        current = once.apply(current);
        saved = once.apply(saved);
    }

    /** @return whether the current document differs from the saved one */
    public boolean dirty() {
        return saved == null || !current.sameDocument(saved);
    }

    /** @return whether {@link #undo} would change something */
    public boolean canUndo() {
        return !undo.isEmpty();
    }

    /** @return whether {@link #redo} would change something */
    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** @return the current draft */
    public Draft current() {
        return current;
    }
}
