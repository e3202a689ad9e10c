package org.marginlab.app.model;

/**
 * Why a pending what-if of a {@link Draft} was refused: the position, the field, the rule (with
 * the bound and its value, e.g. {@code must be ≤ maxAddableMargin 8500}) and the amount asked.
 *
 * @param positionId  the position's id
 * @param field       {@code marginDelta} or {@code marginMode}
 * @param rule        the rule broken, naming the bound and its value
 * @param got         what was asked, as typed
 */
public record PendingError(String positionId, String field, String rule, String got) {

    /** @return e.g. {@code btc-long.marginDelta: must be ≤ maxAddableMargin 8500 (got 20000)} */
    public String message() {
        return positionId + "." + field + ": " + rule + " (got " + got + ")";
    }

    /**
     * @param index  the position's index in the workspace
     * @return the message located as the command line names fields, e.g.
     *         {@code positions[0].marginDelta: must be ≤ maxAddableMargin 8500 (got 20000)}
     */
    public String indexedMessage(int index) {
        return "positions[" + index + "]." + field + ": " + rule + " (got " + got + ")";
    }
}
