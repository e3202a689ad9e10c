package org.marginlab.app.account;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

/**
 * The account summary bar: cross wallet, margin balance, the account margin ratio with the
 * venue's definition, available balance and total equity. Binds to {@link AccountViewModel}.
 */
public final class AccountSummary extends HBox {

    /**
     * @param account  the account, not null
     */
    public AccountSummary(AccountViewModel account) {
        super(24);
        setId("accountSummary");
        getStyleClass().add("account-summary");
        setAlignment(Pos.CENTER_LEFT);
        Label ratioName = new Label();
        ratioName.setId("accountMarginRatioName");
        ratioName.textProperty().bind(account.marginRatioNameProperty());
        ratioName.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label problem = new Label();
        problem.setId("accountProblem");
        problem.textProperty().bind(account.problemProperty());
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        problem.setGraphic(new FontIcon("mdi2a-alert-circle-outline"));
        problem.visibleProperty().bind(account.problemProperty().isNotEmpty());
        problem.setWrapText(true);
        HBox.setHgrow(problem, Priority.ALWAYS);
        getChildren().addAll(
                item("Cross wallet", "accountWallet", account.walletShownProperty(),
                        "Collateral shared by the cross positions (isolated margin not included)."),
                item("Margin balance", "accountMarginBalance", account.marginBalanceProperty(),
                        "Cross wallet plus the cross positions' unrealized PnL."),
                new VBox(item("Account margin ratio", "accountMarginRatio", account.marginRatioProperty(),
                        "The cross account's margin ratio by the venue's own definition (shown below the value)."),
                        ratioName),
                item("Available", "accountAvailable", account.availableBalanceProperty(),
                        "Margin balance less the cross positions' initial margin at the mark: what can open new positions."),
                item("Total equity", "accountTotalEquity", account.totalEquityProperty(),
                        "Cross wallet plus every isolated margin plus every unrealized PnL."),
                problem);
    }

    private static VBox item(String name, String id, ObservableValue<String> value, String explanation) {
        Label caption = new Label(name);
        caption.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("figure-value");
        v.textProperty().bind(value);
        Tooltip tip = new Tooltip(explanation);
        caption.setTooltip(tip);
        v.setTooltip(tip);
        return new VBox(2, caption, v);
    }
}
