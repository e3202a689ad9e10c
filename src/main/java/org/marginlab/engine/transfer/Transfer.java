package org.marginlab.engine.transfer;

import java.math.BigDecimal;

import org.marginlab.engine.MarginMode;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;

/**
 * A movement of money between the cross wallet {@code W} and one position's isolated margin
 * (spec workspace-and-cli.md §4): the account is one pool, {@code W} plus every isolated margin,
 * and a transfer never creates or destroys money. A transfer is data; {@link Transfers#apply}
 * checks it against the §4 bounds and returns the new account.
 *
 * <p>Units: amounts in the settlement currency of the account (quote for linear, coin for
 * inverse), leverage a multiple. Errors name the field inside the position, e.g.
 * {@code btc-long.marginDelta: ...} (see {@link ValidationException#within}).
 *
 * <p>Every implementation is an immutable, thread-safe record.
 */
public sealed interface Transfer permits Transfer.MarginTransfer, Transfer.ModeSwitch, Transfer.LeverageChange {

    /** @return the id of the position the money moves to or from; never blank */
    String positionId();

    /**
     * Add ({@code amount > 0}) or remove ({@code amount < 0}) isolated margin of an isolated
     * position; 0 changes nothing. Effect: {@code W −= amount}, {@code isolatedMargin += amount}
     * (Binance "Adjust Margin", spec margin-formulas.md §1.6). Bounds (spec §4): an add is at most
     * {@link Transfers#maxAddableMargin}, a removal at most the position's
     * {@link org.marginlab.engine.PositionRisk#maxRemovableMargin() maxRemovableMargin}.
     *
     * @param positionId  the isolated position's id, not blank
     * @param amount      margin to add (+) or remove (−), settlement currency, not null
     */
    record MarginTransfer(String positionId, BigDecimal amount) implements Transfer {
        /**
         * @param positionId  the isolated position's id, not blank
         * @param amount      margin to add (+) or remove (−), settlement currency, not null
         * @throws ValidationException ({@code positionId}) if the id is blank;
         *         ({@code <id>.marginDelta}) if the amount is missing
         */
        public MarginTransfer {
            Checks.notBlank(positionId, "positionId");
            if (amount == null) {
                throw new ValidationException("marginDelta", "is required", null).within(positionId);
            }
        }
    }

    /**
     * Switch a position's margin mode (spec §4).
     * <ul>
     *   <li>cross → isolated with margin {@code M} ({@code margin}, or when null the position's
     *       initial margin at entry): {@code W −= M}, {@code isolatedMargin = M}; {@code M} at
     *       most the available balance of the account with the position no longer cross.</li>
     *   <li>isolated → cross: {@code W += isolatedMargin}; no bound; {@code margin} must be null
     *       (the whole isolated margin moves).</li>
     *   <li>to the mode the position already has, without a margin: nothing changes.</li>
     * </ul>
     *
     * @param positionId  the position's id, not blank
     * @param to          the new mode, not null
     * @param margin      the isolated margin for cross → isolated, settlement currency, ≥ 0, or
     *                    null for the initial margin at entry; must be null when {@code to} is cross
     */
    record ModeSwitch(String positionId, MarginMode to, BigDecimal margin) implements Transfer {
        /**
         * @param positionId  the position's id, not blank
         * @param to          the new mode, not null
         * @param margin      the isolated margin for cross → isolated (≥ 0), or null for the default
         * @throws ValidationException ({@code positionId}) if the id is blank; ({@code <id>.marginMode})
         *         if {@code to} is missing; ({@code <id>.isolatedMargin}) if a margin is given for a
         *         switch to cross or is negative
         */
        public ModeSwitch {
            Checks.notBlank(positionId, "positionId");
            if (to == null) {
                throw new ValidationException("marginMode", "must be isolated or cross", null).within(positionId);
            }
            if (margin != null && to == MarginMode.CROSS) {
                throw new ValidationException("isolatedMargin",
                        "must be absent when switching to cross (the whole isolated margin moves to the cross wallet)",
                        margin).within(positionId);
            }
            if (margin != null && margin.signum() < 0) {
                throw new ValidationException("isolatedMargin", "must be ≥ 0", margin).within(positionId);
            }
        }
    }

    /**
     * Change a position's leverage. For an isolated position whose margin follows its leverage,
     * the margin becomes the initial margin at entry at the new leverage ({@code Q·CS·EP/L}
     * linear, {@code Q·CS/(EP·L)} inverse) and the difference {@code d = IM(L) − isolatedMargin}
     * moves: {@code W −= d}; bounded as an add ({@code d ≤ maxAddableMargin}) or a removal
     * ({@code −d ≤ maxRemovableMargin} of the position at the new leverage). A cross position only
     * changes its leverage (no money moves). The new leverage must also be within the tier's max
     * leverage. To change only the leverage of an isolated position whose margin is fixed, edit
     * the position: no money moves then.
     *
     * @param positionId  the position's id, not blank
     * @param leverage    the new leverage, &gt; 0, not null
     */
    record LeverageChange(String positionId, BigDecimal leverage) implements Transfer {
        /**
         * @param positionId  the position's id, not blank
         * @param leverage    the new leverage, &gt; 0, not null
         * @throws ValidationException ({@code positionId}) if the id is blank;
         *         ({@code <id>.leverage}) if the leverage is missing or ≤ 0
         */
        public LeverageChange {
            Checks.notBlank(positionId, "positionId");
            if (leverage == null || leverage.signum() <= 0) {
                throw new ValidationException("leverage", leverage == null ? "is required" : "must be > 0", leverage)
                        .within(positionId);
            }
        }
    }
}
