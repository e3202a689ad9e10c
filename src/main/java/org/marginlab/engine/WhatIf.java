package org.marginlab.engine;

/**
 * The effect of a {@link MarginChange}: the position's figures before and after, and the whole
 * account after.
 *
 * @param change        the change that was applied
 * @param before        the position's result without the change
 * @param after         the position's result with the change
 * @param accountAfter  the account's result with the change
 */
public record WhatIf(MarginChange change, PositionRisk before, PositionRisk after, AccountRisk accountAfter) {
}
