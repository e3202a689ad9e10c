package org.marginlab.engine;

import java.math.BigDecimal;

import org.marginlab.engine.internal.Checks;

/**
 * A what-if: add ({@code delta > 0}) or remove ({@code delta < 0}) isolated margin of one
 * position (Binance "Adjust Margin", spec margin-formulas.md §1.6). It is data: applying it
 * yields new inputs that the same engine evaluates. Applied by {@link MarginEngine#whatIf}, it is
 * a transfer with the cross wallet (spec workspace-and-cli.md §4): the wallet pays for an add and
 * receives a removal.
 *
 * @param positionId  the isolated position's id, not blank
 * @param delta       margin to add (+) or remove (−), settlement currency
 */
public record MarginChange(String positionId, BigDecimal delta) {
    /** @throws ValidationException if the id is blank or the delta missing */
    public MarginChange {
        Checks.notBlank(positionId, "positionId");
        Checks.notNull(delta, "marginDelta");
    }
}
