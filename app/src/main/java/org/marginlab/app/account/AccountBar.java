package org.marginlab.app.account;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.kordamp.ikonli.javafx.FontIcon;
import org.marginlab.app.ui.Wrapping;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

import atlantafx.base.theme.Styles;

/**
 * The account's inputs above the positions: venue, cross wallet balance and the price shock
 * (slider and field, all symbols or one). Binds to {@link AccountViewModel} only.
 */
public final class AccountBar extends HBox {
    private static final String ALL_SYMBOLS = "all symbols";

    /**
     * @param account  the account, not null
     */
    public AccountBar(AccountViewModel account) {
        super(10);
        setId("accountBar");
        getStyleClass().add("account-bar");
        setAlignment(Pos.CENTER_LEFT);

        ComboBox<VenueRules> venue = new ComboBox<>(FXCollections.observableArrayList(Venues.all()));
        venue.setId("venue");
        venue.valueProperty().bindBidirectional(account.venueProperty());
        venue.setConverter(RuleSetText.venueNames());
        venue.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip venueTip = new Tooltip();
        venueTip.textProperty().bind(Bindings.createStringBinding(() -> (venue.getValue() == null ? ""
                : venue.getValue().displayName() + " (id " + venue.getValue().id() + " in files and on the command line; rules "
                        + venue.getValue().ruleSetId() + "). ")
                + "The venue whose margin rules and tier tables apply. Changing it re-checks every position (leverage "
                + "against the new tiers, contract type) and says what no longer fits.", venue.valueProperty()));
        venue.setTooltip(venueTip);

        TextField wallet = new TextField();
        wallet.setId("walletBalance");
        wallet.setPrefColumnCount(9);
        wallet.textProperty().bindBidirectional(account.walletTextProperty());
        Tooltip walletTip = new Tooltip();
        walletTip.textProperty().bind(Bindings.when(account.walletErrorProperty().isNull())
                .then("Cross wallet balance: the collateral shared by every cross position, not counting isolated margin.")
                .otherwise(account.walletErrorProperty()));
        wallet.setTooltip(walletTip);
        account.walletErrorProperty().addListener((o, a, b) -> wallet.pseudoClassStateChanged(Styles.STATE_DANGER, b != null));
        Label walletUnit = new Label();
        walletUnit.textProperty().bind(account.currencyProperty());

        getChildren().addAll(label("Venue", "mdi2b-bank-outline"), venue, label("Cross wallet", null), wallet, walletUnit);
        walletUnit.setMinWidth(Region.USE_PREF_SIZE);
    }

    /**
     * The price-shock row: slider and field (−90 … +200 %) and which symbols it moves.
     *
     * @param account  the account, not null
     * @return the row, never null
     */
    public static HBox shockBar(AccountViewModel account) {
        Slider shock = new Slider(-90, 200, 0);
        shock.setId("shockSlider");
        shock.setPrefWidth(260);
        shock.setMajorTickUnit(10);
        shock.setMinorTickCount(0);
        shock.setSnapToTicks(false);
        shock.setBlockIncrement(1);
        shock.valueProperty().bindBidirectional(account.shockSliderProperty());
        shock.setTooltip(new Tooltip("Move every mark price (or one symbol's) by a percentage, from −90 % to +200 %; "
                + "every figure follows. The typed marks are kept."));
        TextField shockField = new TextField();
        shockField.setId("shock");
        shockField.setPrefColumnCount(4);
        shockField.textProperty().bindBidirectional(account.shockTextProperty());
        Tooltip shockTip = new Tooltip();
        shockTip.textProperty().bind(Bindings.when(account.shockErrorProperty().isNull())
                .then("Shock in percent: −10 moves the marks 10 % down.").otherwise(account.shockErrorProperty()));
        shockField.setTooltip(shockTip);
        account.shockErrorProperty().addListener((o, a, b) -> shockField.pseudoClassStateChanged(Styles.STATE_DANGER, b != null));

        ObservableList<String> targets = FXCollections.observableArrayList(ALL_SYMBOLS);
        ChoiceBox<String> target = new ChoiceBox<>(targets);
        target.setId("shockSymbol");
        Runnable refill = () -> {
            String current = account.shockSymbolProperty().get();
            List<String> all = new ArrayList<>();
            all.add(ALL_SYMBOLS);
            all.addAll(account.symbols());
            targets.setAll(all);
            if (current != null && !account.symbols().contains(current)) {
                account.shockSymbolProperty().set(null);
                current = null;
            }
            target.setValue(current == null ? ALL_SYMBOLS : current);
        };
        account.symbols().addListener((ListChangeListener<String>) c -> refill.run());
        refill.run();
        target.valueProperty().addListener((o, a, b) -> account.shockSymbolProperty().set(
                b == null || ALL_SYMBOLS.equals(b) ? null : b));
        account.shockSymbolProperty().addListener((o, a, b) -> target.setValue(b == null ? ALL_SYMBOLS : b));
        target.setTooltip(new Tooltip("Which marks the shock moves."));
        target.setMinWidth(Region.USE_PREF_SIZE);

        HBox bar = new HBox(10, label("Price shock", "mdi2c-chart-bell-curve-cumulative"), shock, shockField,
                label("%", null), label("applied to", null), target);
        bar.setId("shockBar");
        bar.getStyleClass().add("shock-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label(shockHint(account.evaluation()));
        hint.setId("shockHint");
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        // a price-path replay moves the marks itself (org.marginlab.app.replay): said here, on every tab
        account.evaluationProperty().addListener((o, a, b) -> {
            String text = shockHint(b);
            if (!text.equals(hint.getText())) {
                hint.setText(text);
            }
        });
        // wraps to the room left beside the controls rather than ending in an ellipsis
        Wrapping.toWidth(hint);
        HBox.setHgrow(hint, Priority.ALWAYS);
        bar.getChildren().add(hint);
        return bar;
    }

    private static String shockHint(org.marginlab.app.model.Evaluation e) {
        org.marginlab.app.model.ReplayOverlay replay = e.draft().replay();
        return replay == null ? "Figures follow the shocked marks; the typed marks are kept."
                : "Marks from the replay " + replay.label() + "; the shock waits until the replay is closed.";
    }

    private static Label label(String text, String icon) {
        Label l = icon == null ? new Label(text) : new Label(text, new FontIcon(icon));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
