package org.marginlab.app.model;

import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Where a position's view-model sends its user's edits: the owner of the current draft, which
 * makes the next draft, evaluates it once and publishes the new {@link Evaluation} to every
 * view-model. Implemented by the account's view-model.
 */
public interface DraftEditor {

    /** @return the evaluation shown now, never null */
    Evaluation evaluation();

    /**
     * Makes the next draft from the current one.
     *
     * @param key     what is edited, e.g. {@code btc-long:quantity}: successive edits with the
     *                same key are one undo step; null starts a step
     * @param change  the next draft from the current one, not null
     */
    void edit(String key, UnaryOperator<Draft> change);

    /**
     * Runs a command that may move money or be refused ({@link DraftEdits}); its notice is shown
     * in the status line.
     *
     * @param key      as for {@link #edit}
     * @param command  the edit from the current evaluation, not null
     */
    void command(String key, Function<Evaluation, DraftEdits.Edit> command);

    /** @return the edits that move money, for {@link #command} */
    DraftEdits edits();
}
