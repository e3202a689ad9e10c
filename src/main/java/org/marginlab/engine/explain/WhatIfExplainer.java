package org.marginlab.engine.explain;

import org.marginlab.engine.derivation.Derivation;
import org.marginlab.engine.derivation.Expr;
import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.derivation.Formulas;
import org.marginlab.engine.derivation.Step;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.transfer.Transfer;
import org.marginlab.engine.transfer.Transfers;

/**
 * Derivations of a what-if's figures: the figure of the account after the transfers (margin
 * added or removed, a mode switch, a leverage change; spec workspace-and-cli.md §4), with the
 * transfers' own steps first: where the money moved from and to, the cross wallet and the
 * isolated margin after each. The figures are those {@link Transfers#apply} and
 * {@link MarginEngine#evaluate} give; nothing is computed beside them.
 *
 * <p>Stateless and thread-safe.
 */
public final class WhatIfExplainer {
    private static final String SOURCE = "workspace-and-cli.md §4";

    private WhatIfExplainer() {
    }

    /**
     * @param account     the account before the what-if, not null
     * @param transfers   the transfers, applied in order, not null
     * @param positionId  the position whose figure to explain (ignored for account figures)
     * @param figure      the figure, not null
     * @return the derivation of the figure after the transfers: one step per cross wallet and
     *         isolated margin moved, then {@link Explainer#explain} of the account after them
     * @throws org.marginlab.engine.ValidationException as {@link Transfers#apply} (a bound
     *         broken, named with its value) and {@link Explainer#explain}
     */
    public static Derivation explain(Account account, List<Transfer> transfers, String positionId, Figure figure) {
        List<Step> steps = new ArrayList<>();
        Account current = account;
        int k = 0;
        for (Transfer t : transfers) {
            k++;
            AccountRisk before = MarginEngine.DEFAULT.evaluate(current);
            Account after = Transfers.apply(current, before, t);
            if (after == current) {
                steps.add(Step.note("What-if " + k, describe(t) + ": nothing moves.", SOURCE));
                continue;
            }
            AccountRisk afterRisk = MarginEngine.DEFAULT.evaluate(after);
            BigDecimal delta = current.walletBalance().subtract(after.walletBalance());
            String id = t.positionId();
            // the moved position's currency (an inverse position's coin, a quanto's XBT)
            String unit = current.venue().settlementCurrency(current.position(id));
            steps.add(Step.note("What-if " + k, describe(t) + ": " + Formulas.plain(delta.abs()) + " " + unit
                    + (delta.signum() >= 0 ? " moves from the cross wallet to " + id + "'s isolated margin."
                            : " moves from " + id + "'s isolated margin to the cross wallet."), SOURCE));
            String wb = k == 1 ? "WB" : "WB_" + (k - 1);
            steps.add(Step.of("Cross wallet after what-if " + k, "WB_" + k,
                    Expr.sub(Expr.sym(wb, current.walletBalance()), Expr.sym("Delta_" + k, delta)), after.walletBalance(),
                    unit, SOURCE));
            PositionRisk was = before.position(id);
            PositionRisk now = afterRisk.position(id);
            if (now.isolatedMargin() != null) {
                BigDecimal m0 = was.isolatedMargin() == null ? BigDecimal.ZERO : was.isolatedMargin();
                steps.add(Step.of("Isolated margin of " + id + " after what-if " + k, "M_" + id,
                        Expr.add(Expr.sym("M_0", m0), Expr.sym("Delta_" + k, delta)), now.isolatedMargin(), unit, SOURCE)
                        .withNote(was.isolatedMargin() == null ? "It was cross: it held no margin of its own." : ""));
            }
            current = after;
        }
        Derivation d = Explainer.explain(current, positionId, figure);
        steps.addAll(d.steps());
        return new Derivation(d.positionId(), d.figure(), steps, d.value(), d.shown(), d.ruleSet());
    }

    private static String describe(Transfer t) {
        if (t instanceof Transfer.MarginTransfer m) {
            return (m.amount().signum() >= 0 ? "Add " : "Remove ") + Formulas.plain(m.amount().abs()) + " of margin to "
                    + m.positionId();
        }
        if (t instanceof Transfer.ModeSwitch s) {
            return "Switch " + s.positionId() + " to " + s.to().name().toLowerCase(java.util.Locale.ROOT)
                    + (s.margin() == null ? "" : " with a margin of " + Formulas.plain(s.margin()));
        }
        Transfer.LeverageChange l = (Transfer.LeverageChange) t;
        return "Set " + l.positionId() + "'s leverage to " + Formulas.plain(l.leverage()) + "x";
    }
}
