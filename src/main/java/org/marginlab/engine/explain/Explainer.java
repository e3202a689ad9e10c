package org.marginlab.engine.explain;

import org.marginlab.engine.derivation.Derivation;
import org.marginlab.engine.derivation.Expr;
import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.derivation.Formulas;
import org.marginlab.engine.derivation.Step;
import org.marginlab.engine.derivation.Trace;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.tier.TickSizes;

/**
 * Derivations of the engine's figures: the account is evaluated once by
 * {@link MarginEngine#evaluate(Account)} while a {@link Trace} records the steps its rules take
 * for one position; the derivation is those steps, in order, ending at the figure the
 * evaluation returned. An evaluation without a trace records nothing.
 *
 * <p>Stateless and thread-safe (each call records on its own thread).
 */
public final class Explainer {
    private Explainer() {
    }

    /**
     * @param account     the account, not null
     * @param positionId  the position, not null for a position's figure; ignored (may be null)
     *                    for an account figure ({@link Figure#isAccount()})
     * @param figure      the figure, not null
     * @return the derivation: its steps end at the figure exactly as {@link MarginEngine#evaluate}
     *         returns it, or say why it does not exist
     * @throws ValidationException ({@code positionId}) if no position has the id; as
     *         {@link MarginEngine#evaluate(Account)} otherwise
     */
    public static Derivation explain(Account account, String positionId, Figure figure) {
        java.util.Objects.requireNonNull(account, "account");
        java.util.Objects.requireNonNull(figure, "figure");
        Position position = null;
        if (!figure.isAccount()) {
            for (Position p : account.positions()) {
                if (p.id().equals(positionId)) {
                    position = p;
                }
            }
            if (position == null) {
                throw new ValidationException("positionId", "must name a position of the workspace", positionId);
            }
        }
        Position unitOf = position != null ? position : account.positions().isEmpty() ? null : account.positions().get(0);
        // the coin of an inverse position (BTCUSD → BTC), the venue's currency otherwise
        String amountUnit = unitOf == null ? account.venue().settlementCurrency()
                : account.venue().settlementCurrency(unitOf);
        // prices are in the quote currency: USD for inverse and quanto contracts (BitMEX ETHUSD settles
        // in XBT, quoted in USD), the settlement currency of a linear one
        boolean quotedInUsd = unitOf != null && unitOf.contract() != ContractType.LINEAR;
        String priceUnit = quotedInUsd ? "USD" : amountUnit;
        Trace.Recorded<AccountRisk> run = Trace.record(figure.isAccount() ? null : positionId, amountUnit, priceUnit,
                () -> MarginEngine.DEFAULT.evaluate(account));
        AccountRisk risk = run.result();
        List<Step> steps = new ArrayList<>();
        collect(run.trace(), figure, true, EnumSet.noneOf(Figure.class), steps);
        BigDecimal value;
        String ruleSet;
        Step shown = null;
        if (figure.isAccount()) {
            value = accountValue(risk, figure);
            ruleSet = account.venue().ruleSetId();
        } else {
            PositionRisk r = risk.position(positionId);
            value = positionValue(r, figure);
            ruleSet = r.ruleSet();
            if (figure.isPrice() && value != null) {
                shown = shown(account, position, value, priceUnit);
            }
        }
        return new Derivation(figure.isAccount() ? null : positionId, figure, steps, value, shown, ruleSet);
    }

    /**
     * Appends the steps of a figure after those of the figures it uses. A figure used by another
     * that recorded no steps of its own (a cross position's isolated margin) brings none of its
     * own inputs either: they are not part of this derivation.
     */
    private static void collect(Trace t, Figure f, boolean requested, Set<Figure> seen, List<Step> out) {
        if (!seen.add(f)) {
            return;
        }
        List<Step> own = t.steps(f);
        if (!requested && own.isEmpty()) {
            return;
        }
        for (Figure used : f.uses()) {
            collect(t, used, false, seen, out);
        }
        out.addAll(own);
    }

    /**
     * The display rounding of a price to the tick toward the entry (venues-v2.md §11 rule 2):
     * {@code ⌈P/tick⌉·tick} for a long, {@code ⌊P/tick⌋·tick} for a short.
     */
    private static Step shown(Account account, Position p, BigDecimal price, String unit) {
        BigDecimal tick = TickSizes.of(account.venue().id(), p).orElse(null);
        if (tick == null) {
            return null;
        }
        BigDecimal value = org.marginlab.engine.DisplayPrices.liquidationPrice(price, tick, p.side());
        Expr ratio = Expr.div(Expr.sym("P", price), Expr.sym("tick", tick));
        Expr f = Expr.mul(p.side() == Side.LONG ? Expr.ceiling(ratio) : Expr.floor(ratio), Expr.sym("tick", tick));
        if (value.compareTo(tick) == 0 && price.compareTo(tick) < 0) {
            f = Expr.sym("tick", tick);
        }
        return Step.of("Shown to the tick", "P_shown", f, value, unit, "venues-v2.md §11").withNote(
                "Rounded to the tick " + Formulas.plain(tick) + " toward the entry (a long's up, a short's down), so "
                        + "the shown price is never later than the true one.");
    }

    /**
     * @param r       a position's results
     * @param figure  a position figure
     * @return its value, or null when it does not exist
     */
    public static BigDecimal positionValue(PositionRisk r, Figure figure) {
        return switch (figure) {
            case NOTIONAL -> r.notional();
            case INITIAL_MARGIN -> r.initialMargin();
            case MAINTENANCE_MARGIN -> r.maintenanceMargin();
            case UNREALIZED_PNL -> r.unrealizedPnl();
            case ROE -> r.roe();
            case ISOLATED_MARGIN -> r.isolatedMargin();
            case MARGIN_BALANCE -> r.marginBalance();
            case MARGIN_RATIO -> r.marginRatio();
            case WALLET_TERM -> null;
            case LIQUIDATION_PRICE -> r.liquidationPrice();
            case BANKRUPTCY_PRICE -> r.bankruptcyPrice();
            case EFFECTIVE_LEVERAGE -> r.effectiveLeverage();
            case MAX_REMOVABLE_MARGIN -> r.maxRemovableMargin();
            case DISTANCE_TO_LIQUIDATION -> r.distanceToLiquidation();
            default -> throw new IllegalArgumentException("not a position figure: " + figure);
        };
    }

    /**
     * @param risk    an account's results
     * @param figure  an account figure
     * @return its value, or null when it does not exist
     */
    public static BigDecimal accountValue(AccountRisk risk, Figure figure) {
        return switch (figure) {
            case ACCOUNT_MARGIN_BALANCE -> risk.marginBalance();
            case ACCOUNT_MARGIN_RATIO -> risk.marginRatio();
            case AVAILABLE_BALANCE -> risk.availableBalance();
            case TOTAL_EQUITY -> risk.totalEquity();
            default -> throw new IllegalArgumentException("not an account figure: " + figure);
        };
    }
}
