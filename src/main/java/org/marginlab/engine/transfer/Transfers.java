package org.marginlab.engine.transfer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.internal.Checks;
import org.marginlab.engine.venue.MarkValuation;
import org.marginlab.engine.venue.VenueRules;

/**
 * Applies {@link Transfer}s: money moving between the cross wallet {@code W} and a position's
 * isolated margin, checked against the bounds of spec workspace-and-cli.md §4.
 *
 * <table>
 *   <caption>Bounds and effects (amounts in the settlement currency)</caption>
 *   <tr><th>transfer</th><th>bound</th><th>effect</th></tr>
 *   <tr><td>add {@code d > 0} to isolated P</td><td>{@code d ≤ }{@link #maxAddableMargin}</td>
 *       <td>{@code W −= d}, {@code isolatedMargin(P) += d}</td></tr>
 *   <tr><td>remove {@code d > 0} from P</td><td>{@code d ≤ maxRemovableMargin(P)} (the venue's rule,
 *       spec §2.1 and margin-formulas.md §1.6, §6)</td><td>{@code isolatedMargin(P) −= d}, {@code W += d}</td></tr>
 *   <tr><td>P cross → isolated with {@code M}</td><td>{@code M ≤ min(W, availableBalance)} of the
 *       account with P no longer cross</td><td>{@code W −= M}, {@code isolatedMargin(P) = M}</td></tr>
 *   <tr><td>P isolated → cross</td><td>none</td><td>{@code W += isolatedMargin(P)}</td></tr>
 *   <tr><td>leverage change of isolated P</td><td>as add/remove for the difference</td>
 *       <td>{@code isolatedMargin(P) = IM at entry at the new leverage}</td></tr>
 * </table>
 *
 * <p><b>Conservation.</b> The wallet and the position change in one new {@link Account}, with
 * exact decimal addition and subtraction (no rounding), so at unchanged marks the account's
 * {@link AccountRisk#totalEquity() totalEquity} is exactly the same after a transfer. Every
 * resulting isolated position states its margin explicitly (a default margin is resolved to the
 * initial margin at entry), so a later leverage edit cannot silently resize it.
 *
 * <p><b>Wallet cap.</b> An account's cross wallet cannot be negative ({@link Account}); the
 * engine's {@code availableBalance} counts the cross positions' unrealized profit, which is not
 * cash in the wallet. So every bound that takes money out of the wallet is also capped at
 * {@code W} (it equals the spec's bound whenever the cross positions' unrealized PnL does not
 * exceed their initial margin at the mark, e.g. without cross positions).
 *
 * <p><b>Errors.</b> A {@link ValidationException} located in the position, whose message names the
 * bound, its value (a plain decimal) and the amount asked, e.g.
 * {@code btc-long.marginDelta: must be ≤ maxAddableMargin 10000 (got 20000)}. Fields:
 * {@code marginDelta} (margin transfer), {@code marginMode} or {@code isolatedMargin} (mode switch
 * with the default or a stated margin), {@code leverage} (leverage change). An unknown id is
 * {@code positionId: must name a position of the workspace (got …)}, not located.
 *
 * <p>Stateless; thread-safe.
 */
public final class Transfers {
    private Transfers() {
    }

    /**
     * The most margin that may be added to an isolated position now (spec §4): the account's
     * available balance, capped at the cross wallet (see the class doc), never below 0.
     *
     * @param risk  the account's evaluation at the current marks, not null
     * @return {@code max(0, min(availableBalance, walletBalance))}, settlement currency, never null
     */
    public static BigDecimal maxAddableMargin(AccountRisk risk) {
        Checks.notNull(risk, "risk");
        return risk.availableBalance().min(risk.walletBalance()).max(BigDecimal.ZERO);
    }

    /**
     * Applies a transfer, evaluating the account once for its bounds.
     *
     * @param account  the account, not null
     * @param t        the transfer, not null
     * @return the account after the transfer (the same instance when nothing changes), never null
     * @throws ValidationException if the transfer breaks a bound or a rule (see the class doc), or
     *         as {@link MarginEngine#evaluate(Account)} if the account is invalid
     */
    public static Account apply(Account account, Transfer t) {
        Checks.notNull(account, "account");
        Checks.notNull(t, "transfer");
        indexOf(account, t.positionId());
        return apply(account, MarginEngine.DEFAULT.evaluate(account), t);
    }

    /**
     * Applies a transfer with an evaluation the caller already has, so the account is not
     * evaluated again (the bounds of a cross → isolated switch and of a leverage change value
     * the one position again, O(1)).
     *
     * @param account             the account, not null
     * @param riskAtCurrentMarks  {@code MarginEngine.DEFAULT.evaluate(account)}, not null
     * @param t                   the transfer, not null
     * @return the account after the transfer (the same instance when nothing changes), never null
     * @throws ValidationException if the transfer breaks a bound or a rule (see the class doc)
     * @throws IllegalArgumentException if {@code riskAtCurrentMarks} is visibly not the evaluation
     *         of {@code account} (another wallet, another number or order of positions)
     */
    public static Account apply(Account account, AccountRisk riskAtCurrentMarks, Transfer t) {
        Checks.notNull(account, "account");
        Checks.notNull(riskAtCurrentMarks, "risk");
        Checks.notNull(t, "transfer");
        int i = indexOf(account, t.positionId());
        List<PositionRisk> results = riskAtCurrentMarks.positions();
        if (results.size() != account.positions().size() || !results.get(i).positionId().equals(t.positionId())
                || riskAtCurrentMarks.walletBalance().compareTo(account.walletBalance()) != 0) {
            throw new IllegalArgumentException("the risk given is not the evaluation of this account");
        }
        try {
            if (t instanceof Transfer.MarginTransfer m) {
                return marginTransfer(account, riskAtCurrentMarks, i, m.amount());
            }
            if (t instanceof Transfer.ModeSwitch s) {
                return modeSwitch(account, riskAtCurrentMarks, i, s);
            }
            return leverageChange(account, riskAtCurrentMarks, i, ((Transfer.LeverageChange) t).leverage());
        } catch (ValidationException e) {
            throw e.within(t.positionId());
        }
    }

    private static Account marginTransfer(Account account, AccountRisk risk, int i, BigDecimal amount) {
        Position p = account.positions().get(i);
        if (p.marginMode() != MarginMode.ISOLATED) {
            throw new ValidationException("marginDelta", "applies to isolated positions only", amount);
        }
        if (amount.signum() == 0) {
            return account;
        }
        PositionRisk r = risk.positions().get(i);
        checkMove(amount, risk, r, false, amount);
        return replace(account, i, p.withIsolatedMargin(r.isolatedMargin().add(amount)),
                account.walletBalance().subtract(amount));
    }

    /**
     * Checks a margin move {@code d} (+ add, − remove) of an isolated position against
     * maxAddableMargin or the position's maxRemovableMargin. A margin transfer names the amount
     * asked as the value; a leverage change names the leverage and states the amount in the rule.
     */
    private static void checkMove(BigDecimal d, AccountRisk risk, PositionRisk r, boolean byLeverage, Object asked) {
        String field = byLeverage ? "leverage" : "marginDelta";
        if (d.signum() > 0) {
            BigDecimal bound = maxAddableMargin(risk);
            if (d.compareTo(bound) > 0) {
                throw new ValidationException(field, (byLeverage ? "needs " + plain(d) + " more margin, which must be"
                        : "must be") + " ≤ maxAddableMargin " + plain(bound), asked);
            }
        } else if (d.signum() < 0) {
            BigDecimal bound = r.maxRemovableMargin();
            if (d.negate().compareTo(bound) > 0) {
                throw new ValidationException(field, byLeverage
                        ? "would remove " + plain(d.negate()) + " margin, which must be ≤ maxRemovableMargin "
                                + plain(bound) + " at that leverage"
                        : "must remove at most maxRemovableMargin " + plain(bound), asked);
            }
        }
    }

    private static Account modeSwitch(Account account, AccountRisk risk, int i, Transfer.ModeSwitch s) {
        Position p = account.positions().get(i);
        PositionRisk r = risk.positions().get(i);
        if (s.to() == p.marginMode()) {
            if (s.margin() != null) {
                throw new ValidationException("isolatedMargin", "applies only when switching a cross position "
                        + "to isolated (this one is isolated: use a margin transfer)", s.margin());
            }
            return account;
        }
        if (s.to() == MarginMode.CROSS) {
            Position cross = p.toBuilder().marginMode(MarginMode.CROSS).isolatedMargin(null).build();
            return replace(account, i, cross, account.walletBalance().add(r.isolatedMargin()));
        }
        // the venue's default isolated margin: the initial margin, plus the fee to close where the
        // venue's position margin reserves it (Phemex, Bybit UTA), as the engine gives a position without one
        BigDecimal margin = s.margin() != null ? s.margin() : account.venue().defaultIsolatedMargin(p);
        String field = s.margin() != null ? "isolatedMargin" : "marginMode";
        // The available balance of the account with P no longer cross, derived exactly from this
        // evaluation: the cross sums are exact, so taking P's terms out gives the same numbers as
        // evaluating the account without P (marginBalance − uPnL(P) − (IM − IM at mark(P))).
        VenueRules venue = account.venue();
        MarkValuation v = venue.valueAtMark(p, venue.schedule(p));
        BigDecimal available = risk.marginBalance().subtract(v.unrealizedPnl())
                .subtract(risk.initialMargin().subtract(v.initialMarginAtMark())).max(BigDecimal.ZERO);
        BigDecimal wallet = account.walletBalance();
        if (margin.compareTo(available.min(wallet)) > 0) {
            throw new ValidationException(field, available.compareTo(wallet) <= 0
                    ? "must be ≤ availableBalance " + plain(available) + " of the account without this position in cross"
                    : "must be ≤ walletBalance " + plain(wallet) + ", the cross wallet that funds it",
                    s.margin() != null ? margin : margin.stripTrailingZeros());
        }
        Position isolated = p.toBuilder().marginMode(MarginMode.ISOLATED).isolatedMargin(margin).build();
        return replace(account, i, isolated, wallet.subtract(margin));
    }

    private static Account leverageChange(Account account, AccountRisk risk, int i, BigDecimal leverage) {
        Position p = account.positions().get(i);
        VenueRules venue = account.venue();
        Position changed = p.toBuilder().leverage(leverage).build();
        MarginEngine.DEFAULT.check(changed, venue);
        boolean sameLeverage = leverage.compareTo(p.leverage()) == 0;
        if (p.marginMode() == MarginMode.CROSS) {
            return sameLeverage ? account : replace(account, i, changed, account.walletBalance());
        }
        BigDecimal current = risk.positions().get(i).isolatedMargin();
        changed = changed.withIsolatedMargin(current);
        BigDecimal margin = venue.defaultIsolatedMargin(changed);
        BigDecimal d = margin.subtract(current);
        if (sameLeverage && d.signum() == 0) {
            return account;
        }
        // a removal is bounded by the venue's rule at the new leverage (its IM at the mark uses it)
        checkMove(d, risk, d.signum() < 0 ? MarginEngine.DEFAULT.evaluate(changed, venue) : null, true, leverage);
        return replace(account, i, changed.withIsolatedMargin(margin), account.walletBalance().subtract(d));
    }

    private static Account replace(Account account, int i, Position position, BigDecimal wallet) {
        List<Position> positions = new ArrayList<>(account.positions());
        positions.set(i, position);
        return account.derive(account.venue(), wallet, positions);
    }

    private static int indexOf(Account account, String id) {
        List<Position> positions = account.positions();
        for (int i = 0; i < positions.size(); i++) {
            if (positions.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new ValidationException("positionId", "must name a position of the workspace", id);
    }

    private static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
