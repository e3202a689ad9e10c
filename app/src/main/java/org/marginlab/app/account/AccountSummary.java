package org.marginlab.app.account;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

/**
 * The account summary bar: cross wallet, margin balance, the account margin ratio with the
 * venue's definition, available balance and total equity. Binds to {@link AccountViewModel}.
 */
public final class AccountSummary extends VBox {

    /**
     * @param account  the account, not null
     */
    public AccountSummary(AccountViewModel account) {
        super(4);
        setId("accountSummary");
        getStyleClass().add("account-summary");
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
        problem.managedProperty().bind(problem.visibleProperty());
        Label notice = new Label();
        notice.setId("accountNotice");
        notice.textProperty().bind(account.noticeProperty());
        notice.getStyleClass().addAll(Styles.TEXT_SMALL, "account-notice");
        notice.setGraphic(new FontIcon("mdi2s-swap-horizontal"));
        notice.visibleProperty().bind(account.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setWrapText(true);

        notice.setTooltip(new Tooltip());
        notice.getTooltip().textProperty().bind(account.noticeProperty());
        Label shock = new Label();
        shock.setId("accountShockState");
        shock.textProperty().bind(account.figures().shockState());
        shock.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        shock.visibleProperty().bind(account.figures().shockState().isNotEmpty());
        shock.managedProperty().bind(shock.visibleProperty());
        shock.setTooltip(new Tooltip("The figures are at the shocked marks; the typed marks are unchanged."));
        shock.setWrapText(true);
        Label leftOut = new Label();
        leftOut.setId("accountLeftOut");
        leftOut.textProperty().bind(account.figures().leftOut());
        leftOut.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        leftOut.setGraphic(new FontIcon("mdi2a-alert-outline"));
        leftOut.visibleProperty().bind(account.figures().leftOut().isNotEmpty());
        leftOut.managedProperty().bind(leftOut.visibleProperty());
        leftOut.setWrapText(true);
        // the figures on one line; what the last command did and what is wrong on lines of their own
        // below, wrapping at the window's width, so that a long notice never squeezes a figure
        HBox figures = new HBox(24);
        figures.setAlignment(Pos.CENTER_LEFT);
        // the shock's note too: at the end of the figures' line it was cut ("at a −15.00 …") in a
        // 1,024-pixel window
        getChildren().addAll(figures, shock, leftOut, notice, problem);
        figures.getChildren().addAll(
                item("Cross wallet", "accountWallet", account.walletShownProperty(),
                        "Collateral shared by the cross positions (isolated margin not included)."),
                item("Margin balance", "accountMarginBalance", account.hiddenFigures().mask("account", "accountMarginBalance", account.marginBalanceProperty()),
                        "Cross wallet plus the cross positions' unrealized PnL."),
                ratioBox(item("Account margin ratio", "accountMarginRatio", account.hiddenFigures().mask("account", "accountMarginRatio", account.marginRatioProperty()),
                        "The cross account's margin ratio by the venue's own definition (shown below the value)."),
                        ratioName),
                item("Available", "accountAvailable", account.hiddenFigures().mask("account", "availableBalance", account.availableBalanceProperty()),
                        "Margin balance less the cross positions' initial margin at the mark: what can open new positions, "
                                + "and the most isolated margin that can be added (max addable margin)."),
                item("Total equity", "accountTotalEquity", account.hiddenFigures().mask("account", "totalEquity", account.totalEquityProperty()),
                        "Cross wallet plus every live isolated margin and unrealized PnL. A liquidated isolated position "
                                + "counts 0 (its margin is lost); a liquidated cross account counts what its liquidation "
                                + "leaves, never below 0 (the same model as the Isolated vs cross tab and marginlab calc)."));
    }

    /**
     * Makes the account's derived figures (margin balance, margin ratio, available balance, total
     * equity) open their derivation when clicked, or on Enter when focused.
     *
     * @param open  opens the derivation of an account figure, not null
     */
    public void setOnExplain(java.util.function.Consumer<org.marginlab.engine.derivation.Figure> open) {
        java.util.Map<String, org.marginlab.engine.derivation.Figure> figures = java.util.Map.of(
                "#accountMarginBalance", org.marginlab.engine.derivation.Figure.ACCOUNT_MARGIN_BALANCE,
                "#accountMarginRatio", org.marginlab.engine.derivation.Figure.ACCOUNT_MARGIN_RATIO,
                "#accountAvailable", org.marginlab.engine.derivation.Figure.AVAILABLE_BALANCE,
                "#accountTotalEquity", org.marginlab.engine.derivation.Figure.TOTAL_EQUITY);
        figures.forEach((id, f) -> org.marginlab.app.ui.FigureLink.install((Label) lookup(id), () -> open.accept(f)));
    }

    private static VBox ratioBox(VBox item, Label definition) {
        VBox box = new VBox(item, definition);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private static VBox item(String name, String id, ObservableValue<String> value, String explanation) {
        Label caption = new Label(name);
        caption.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("figure-value");
        v.textProperty().bind(value);
        org.marginlab.app.ui.Tips.install(v, explanation);
        // the caption shows the figure's tooltip text (with the derivation hint the figure may get)
        org.marginlab.app.ui.Tips.installLike(caption, v);
        org.marginlab.app.ui.HiddenFigures.tooltipFollows(v);
        VBox box = new VBox(2, caption, v);
        // figures never give way: a long notice or problem wraps in the room that is left
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }
}
