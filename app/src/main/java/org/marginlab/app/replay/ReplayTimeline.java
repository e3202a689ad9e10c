package org.marginlab.app.replay;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

import org.marginlab.engine.replay.ReplaySide;

/**
 * The scrubbable timeline: a slider over the path's points and, under it, a row of liquidation
 * markers for the isolated side and one for the cross side, each marker at its time with its
 * tooltip ({@code 00:30 · isolated · btc-long liquidated at 57,228.92}).
 */
final class ReplayTimeline extends GridPane {
    /** The slider's track starts and ends about this far inside its bounds (the thumb's half width). */
    private static final double TRACK_INSET = 8;

    private final ReplayViewModel model;
    private final Pane isolatedRow = row("isolatedMarkers");
    private final Pane crossRow = row("crossMarkers");

    ReplayTimeline(ReplayViewModel model) {
        this.model = model;
        setId("replayTimeline");
        getStyleClass().add("replay-timeline");
        setHgap(8);
        setVgap(2);
        Slider slider = new Slider(0, 1, 0);
        slider.setId("replaySlider");
        slider.maxProperty().bind(Bindings.max(1, model.pointsProperty().subtract(1)));
        slider.valueProperty().bindBidirectional(model.positionProperty());
        slider.disableProperty().bind(model.loadedProperty().not());
        slider.setBlockIncrement(1);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(labels, grow);
        add(new Label("Time"), 0, 0);
        add(slider, 1, 0);
        add(sideLabel("isolated", "isolated-label"), 0, 1);
        add(isolatedRow, 1, 1);
        add(sideLabel("cross", "cross-label"), 0, 2);
        add(crossRow, 1, 2);
        model.markers().addListener((ListChangeListener<EventMarker>) c -> place());
        isolatedRow.widthProperty().addListener((o, a, b) -> place());
        place();
    }

    private static Label sideLabel(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("replay-side-label", style);
        return l;
    }

    private static Pane row(String id) {
        Pane p = new Pane();
        p.setId(id);
        p.getStyleClass().add("replay-marker-row");
        p.setMinHeight(14);
        p.setPrefHeight(14);
        p.setPadding(Insets.EMPTY);
        return p;
    }

    private void place() {
        isolatedRow.getChildren().clear();
        crossRow.getChildren().clear();
        double width = Math.max(0, isolatedRow.getWidth() - 2 * TRACK_INSET);
        for (EventMarker m : model.markers()) {
            Rectangle r = new Rectangle(4, 12);
            r.getStyleClass().addAll("replay-marker", m.side() == ReplaySide.CROSS ? "cross-marker" : "isolated-marker");
            r.setLayoutX(TRACK_INSET + m.fraction() * width - 2);
            r.setLayoutY(1);
            r.setUserData(m.text());
            r.setAccessibleText(m.text());
            Tooltip t = new Tooltip(m.text());
            t.setShowDelay(Duration.millis(150));
            Tooltip.install(r, t);
            (m.side() == ReplaySide.CROSS ? crossRow : isolatedRow).getChildren().add(r);
        }
    }
}
