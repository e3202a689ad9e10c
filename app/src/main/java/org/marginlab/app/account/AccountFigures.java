package org.marginlab.app.account;

import java.math.BigDecimal;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.marginlab.app.model.Evaluation;
import org.marginlab.app.ui.Formats;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginRatioDefinition;

/**
 * The account bar's figures as display text, one read-only property each, set from every
 * {@link Evaluation} (a property fires only when its text changes). Amounts are rounded half-up
 * for display only ({@link Formats}); the shocked state is named where a shock applies.
 */
public final class AccountFigures {
    private Formats formats;
    private final ReadOnlyStringWrapper walletError = new ReadOnlyStringWrapper(this, "walletError");
    private final ReadOnlyStringWrapper shockError = new ReadOnlyStringWrapper(this, "shockError");
    private final ReadOnlyStringWrapper currency = new ReadOnlyStringWrapper(this, "currency", "USDT");
    private final ReadOnlyStringWrapper wallet = new ReadOnlyStringWrapper(this, "wallet", "");
    private final ReadOnlyStringWrapper marginBalance = new ReadOnlyStringWrapper(this, "marginBalance", "");
    private final ReadOnlyStringWrapper marginRatio = new ReadOnlyStringWrapper(this, "marginRatio", "");
    private final ReadOnlyStringWrapper marginRatioName = new ReadOnlyStringWrapper(this, "marginRatioName", "");
    private final ReadOnlyStringWrapper availableBalance = new ReadOnlyStringWrapper(this, "availableBalance", "");
    private final ReadOnlyStringWrapper totalEquity = new ReadOnlyStringWrapper(this, "totalEquity", "");
    private final ReadOnlyStringWrapper shockState = new ReadOnlyStringWrapper(this, "shockState", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper leftOut = new ReadOnlyStringWrapper(this, "leftOut", "");

    /** @param formats  how figures are written, not null */
    public AccountFigures(Formats formats) {
        this.formats = formats;
    }

    /** @param next  how figures are written from the next {@link #show} on, not null */
    public void setFormats(Formats next) {
        this.formats = java.util.Objects.requireNonNull(next, "next");
    }

    /**
     * Shows an evaluation's account figures.
     *
     * @param e  the evaluation, not null
     */
    public void show(Evaluation e) {
        walletError.set(e.walletError() == null ? null : e.walletError().message());
        shockError.set(e.shockError() == null ? null : e.shockError().message());
        problem.set(e.problem());
        String ccy = e.currency();
        currency.set(ccy);
        AccountRisk r = e.risk();
        if (r == null) {
            leftOut.set("");
            for (ReadOnlyStringWrapper w : new ReadOnlyStringWrapper[] {wallet, marginBalance, marginRatio,
                    availableBalance, totalEquity}) {
                w.set("—");
            }
            shockState.set("");
            return;
        }
        leftOut.set(leftOut(e));
        int d = e.amountDecimals();
        wallet.set(formats.amount(r.walletBalance(), ccy, d));
        marginBalance.set(formats.amount(r.marginBalance(), ccy, d));
        marginRatio.set(e.crossLiquidated() ? "liquidated"
                : r.marginRatio() == null ? "n/a (no cross position)" : formats.percent(r.marginRatio()));
        marginRatioName.set(r.marginRatioDefinition() == MarginRatioDefinition.EQUITY_OVER_MAINTENANCE_PLUS_FEES
                ? "equity ÷ (maintenance + fees), liquidation at ≤ 100 %"
                : "maintenance ÷ margin balance, liquidation at ≥ 100 %");
        availableBalance.set(formats.amount(r.availableBalance(), ccy, d));
        BigDecimal equity = e.totalEquity();
        totalEquity.set(equity == null ? "—" : formats.amount(equity, ccy, d));
        shockState.set(e.shock().signum() == 0 ? ""
                : "at a " + formats.percent(e.shock()) + " shock"
                        + (e.draft().shockSymbol() == null ? "" : " of " + e.draft().shockSymbol()));
    }

    /**
     * The positions the account's figures leave out (their inputs break a rule, or the venue
     * cannot price them), named by id: their margin and PnL are in no figure until they are fixed.
     */
    private static String leftOut(Evaluation e) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (org.marginlab.app.model.PositionResult r : e.positions()) {
            if (r.used() == null) {
                ids.add(r.id());
            }
        }
        if (ids.isEmpty()) {
            return "";
        }
        return "These figures leave out " + String.join(", ", ids) + " (not valid): "
                + (ids.size() == 1 ? "its" : "their") + " margin and PnL are not counted until fixed.";
    }

    /**
     * @return the positions the figures leave out, by id, and why; empty when every position is in them
     */
    public ReadOnlyStringProperty leftOut() {
        return leftOut.getReadOnlyProperty();
    }

    /** @return the wallet field's error naming the rule, or null */
    public ReadOnlyStringProperty walletError() {
        return walletError.getReadOnlyProperty();
    }

    /** @return the shock field's error naming the rule, or null */
    public ReadOnlyStringProperty shockError() {
        return shockError.getReadOnlyProperty();
    }

    /** @return the settlement currency of the account's amounts */
    public ReadOnlyStringProperty currency() {
        return currency.getReadOnlyProperty();
    }

    /** @return the cross wallet balance, formatted with its unit */
    public ReadOnlyStringProperty wallet() {
        return wallet.getReadOnlyProperty();
    }

    /** @return the cross account's margin balance at the shocked marks */
    public ReadOnlyStringProperty marginBalance() {
        return marginBalance.getReadOnlyProperty();
    }

    /** @return the cross account's margin ratio, or "liquidated" */
    public ReadOnlyStringProperty marginRatio() {
        return marginRatio.getReadOnlyProperty();
    }

    /** @return the venue's margin-ratio definition in words */
    public ReadOnlyStringProperty marginRatioName() {
        return marginRatioName.getReadOnlyProperty();
    }

    /** @return the available balance: the most isolated margin that can be added now */
    public ReadOnlyStringProperty availableBalance() {
        return availableBalance.getReadOnlyProperty();
    }

    /** @return total equity per spec §4 */
    public ReadOnlyStringProperty totalEquity() {
        return totalEquity.getReadOnlyProperty();
    }

    /** @return e.g. "at a −17.00 % shock", or empty without a shock */
    public ReadOnlyStringProperty shockState() {
        return shockState.getReadOnlyProperty();
    }

    /** @return an account-level message, or empty */
    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }
}
