package org.marginlab.app.lesson;

import java.util.Objects;

/**
 * One edit a lesson step applies after its state: a position field ({@code position} set) or an
 * account field ({@code walletBalance}, {@code venue}).
 *
 * @param positionId  the position's id, or null for an account field
 * @param field       the field's name as in the workspace file (§1), e.g. {@code marginMode}
 * @param value       the new value as the file writes it, e.g. {@code "cross"} or {@code "5000"}
 */
public record StepEdit(String positionId, String field, String value) {
    /** Checks the field and value are given. */
    public StepEdit {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
    }

    /** @return whether the edit is of the account ({@code walletBalance}, {@code venue}) */
    public boolean isAccount() {
        return positionId == null;
    }
}
