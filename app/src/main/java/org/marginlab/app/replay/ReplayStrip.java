package org.marginlab.app.replay;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

/**
 * A compact replay strip for where the student is (the lesson navigator, on a step with a price
 * path): the path's label (a bundled one says synthetic), Play / Pause, a scrub slider, the time,
 * how many positions each side has lost so far ({@code isolated: 1 liquidated · cross: none}) and
 * a link that opens the Replay tab. It binds to the same {@link ReplayViewModel} as the Replay tab
 * (no state of its own); the app's {@link ReplayClock} plays it. Space plays and pauses while the
 * strip has the focus.
 */
public final class ReplayStrip extends VBox {

    /**
     * @param model          the replay, not null
     * @param openReplayTab  selects the Replay tab, not null
     */
    public ReplayStrip(ReplayViewModel model, Runnable openReplayTab) {
        setId("replayStrip");
        getStyleClass().add("replay-strip");
        setSpacing(4);
        setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 6; -fx-padding: 8; "
                + "-fx-border-color: -color-border-muted; -fx-border-radius: 6;");

        Label title = new Label();
        title.setId("stripTitle");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.textProperty().bind(Bindings.createStringBinding(() -> model.busyProperty().get()
                ? "Replaying the price path…" : model.titleProperty().get(), model.busyProperty(), model.titleProperty()));
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);

        Button play = new Button();
        play.setId("stripPlay");
        play.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(model.playingProperty().get() ? "mdi2p-pause" : "mdi2p-play"), model.playingProperty()));
        play.textProperty().bind(Bindings.when(model.playingProperty()).then("Pause").otherwise("Play"));
        play.setTooltip(new Tooltip("Play or pause the replay (Space)"));
        play.disableProperty().bind(model.loadedProperty().not());
        play.setOnAction(e -> model.togglePlay());
        play.setMinWidth(Region.USE_PREF_SIZE);
        play.getStyleClass().add(Styles.SMALL);

        Slider slider = new Slider(0, 1, 0);
        slider.setId("stripSlider");
        slider.maxProperty().bind(Bindings.max(1, model.pointsProperty().subtract(1)));
        slider.valueProperty().bindBidirectional(model.positionProperty());
        slider.disableProperty().bind(model.loadedProperty().not());
        slider.setBlockIncrement(1);
        slider.setMinWidth(60);
        HBox.setHgrow(slider, Priority.ALWAYS);

        Label time = new Label();
        time.setId("stripTime");
        time.textProperty().bind(model.timeProperty());
        time.setMinWidth(Region.USE_PREF_SIZE);
        HBox controls = new HBox(8, play, slider, time);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label counts = new Label();
        counts.setId("stripLiquidated");
        counts.textProperty().bind(model.liquidatedCountsProperty());
        counts.setWrapText(true);
        counts.setMinHeight(Region.USE_PREF_SIZE);
        Tooltip who = new Tooltip();
        who.textProperty().bind(model.liquidatedSoFarProperty()); // by name: "Liquidated so far — isolated: btc-long; cross: none"
        counts.setTooltip(who);
        counts.visibleProperty().bind(model.loadedProperty());
        counts.managedProperty().bind(counts.visibleProperty());

        Label problem = new Label();
        problem.setId("stripProblem");
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);

        Hyperlink open = new Hyperlink("Open the Replay tab");
        open.setId("stripOpenReplay");
        open.setTooltip(new Tooltip("The timeline with each side's liquidations, the marks and the equity chart"));
        open.setOnAction(e -> openReplayTab.run());
        open.setPadding(javafx.geometry.Insets.EMPTY);

        getChildren().addAll(title, controls, counts, problem, open);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // a focused button (Play itself, Close, Bundled, the link) or box takes its own Space
            if (e.getCode() == KeyCode.SPACE && model.loadedProperty().get()
                    && !(e.getTarget() instanceof javafx.scene.control.ButtonBase
                            || e.getTarget() instanceof javafx.scene.control.ComboBoxBase
                            || e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                model.togglePlay();
                e.consume();
            }
        });
    }
}
