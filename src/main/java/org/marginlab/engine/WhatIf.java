package org.marginlab.engine;

/**
 * The effect of a {@link MarginChange}: the position's figures before and after, and the whole
 * account after. The change is a transfer (spec workspace-and-cli.md §4): the margin added comes
 * out of the cross wallet (removed margin goes back to it), so {@code accountAfter} has wallet
 * {@code W − delta} and the same total equity at the current marks.
 *
 * @param change        the change that was applied
 * @param before        the position's result without the change
 * @param after         the position's result with the change
 * @param accountAfter  the account's result after the transfer (wallet {@code W − delta})
 */
public record WhatIf(MarginChange change, PositionRisk before, PositionRisk after, AccountRisk accountAfter) {
}
