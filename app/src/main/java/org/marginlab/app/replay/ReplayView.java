package org.marginlab.app.replay;

import java.io.File;

import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.kordamp.ikonli.javafx.FontIcon;
import org.marginlab.app.ui.LazyTab;
import org.marginlab.app.workspace.BundledPaths;

import atlantafx.base.theme.Styles;

/**
 * The Replay tab: load a price path (a CSV file or a bundled synthetic one), play, pause, choose a
 * speed, scrub the timeline with each side's liquidation markers, read the time, the marks and
 * each side's equity, and see both sides' equity on one chart. Space plays and pauses while the
 * tab has the focus. It binds to {@link ReplayViewModel} and forwards the user's actions; the
 * replay plays on the app's {@link ReplayClock}, not on this view (which may never be built).
 */
public final class ReplayView extends VBox {
    private final ReplayViewModel model;
    /**
     * The tab for the main window, built the first time it is shown.
     *
     * @param model  the replay's view-model, not null
     * @return the lazy tab
     */
    public static LazyTab tab(ReplayViewModel model) {
        return new LazyTab("Replay", "replayTab", "mdi2p-play-circle-outline", () -> new ReplayView(model));
    }

    /** @param model  the replay's view-model, not null */
    public ReplayView(ReplayViewModel model) {
        this.model = model;
        setId("replayView");
        getStyleClass().add("replay-view");
        setSpacing(8);

        Label problem = new Label();
        problem.setId("replayProblem");
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        problem.setGraphic(new FontIcon("mdi2a-alert-circle-outline"));
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);

        Label note = new Label();
        note.setId("replayNote");
        note.getStyleClass().add(Styles.TEXT_SMALL);
        note.textProperty().bind(model.noteProperty());
        note.visibleProperty().bind(model.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);

        Label empty = new Label("Load a mark-price path (a CSV file of time,symbol,mark) or a bundled one to replay "
                + "the workspace along it: every mark moves, liquidations happen when they are reached and stay, and "
                + "the isolated and the cross side are compared over time.");
        empty.setId("replayEmpty");
        empty.setWrapText(true);
        empty.setMinHeight(Region.USE_PREF_SIZE);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.visibleProperty().bind(model.loadedProperty().not());
        empty.managedProperty().bind(empty.visibleProperty());

        ReplayChart chart = new ReplayChart(model);
        VBox.setVgrow(chart, Priority.ALWAYS);
        chart.visibleProperty().bind(model.loadedProperty());

        ReplayTimeline timeline = new ReplayTimeline(model);
        timeline.visibleProperty().bind(model.loadedProperty());
        timeline.managedProperty().bind(timeline.visibleProperty());
        getChildren().addAll(controls(), problem, note, empty, timeline, figures(), chart);

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

    private FlowPane controls() {
        Button load = new Button("Load path…", new FontIcon("mdi2f-folder-open-outline"));
        load.setId("replayLoad");
        load.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Load a price path");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Price paths (CSV)", "*.csv"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            File f = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (f != null) {
                model.load(f.toPath());
            }
        });
        MenuButton bundled = new MenuButton("Bundled");
        bundled.setId("replayBundled");
        for (String id : BundledPaths.ids()) {
            MenuItem item = new MenuItem(BundledPaths.title(id));
            item.setId("replay-" + id);
            item.setOnAction(e -> model.loadBundled(id));
            bundled.getItems().add(item);
        }
        Button play = new Button();
        play.setId("replayPlay");
        play.graphicProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> new FontIcon(model.playingProperty().get() ? "mdi2p-pause" : "mdi2p-play"), model.playingProperty()));
        play.textProperty().bind(javafx.beans.binding.Bindings.when(model.playingProperty()).then("Pause").otherwise("Play"));
        play.setTooltip(new Tooltip("Play or pause (Space)"));
        play.disableProperty().bind(model.loadedProperty().not());
        play.setOnAction(e -> model.togglePlay());
        ChoiceBox<ReplaySpeed> speed = new ChoiceBox<>(
                FXCollections.observableArrayList(ReplaySpeed.values()));
        speed.setId("replaySpeed");
        speed.valueProperty().bindBidirectional(model.speedProperty());
        speed.setTooltip(new Tooltip("Speed: at 1× a path takes about two minutes"));
        speed.setPrefWidth(72);
        Button close = new Button("Close", new FontIcon("mdi2c-close"));
        close.setId("replayClose");
        close.setTooltip(new Tooltip("Close the replay: the workspace's own marks again"));
        close.disableProperty().bind(model.loadedProperty().not());
        close.setOnAction(e -> model.close());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label title = new Label();
        title.setId("replayTitle");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.textProperty().bind(model.titleProperty());
        FlowPane bar = new FlowPane(8, 6, load, bundled, play, speed, close, busy, title);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("options-bar");
        return bar;
    }

    private VBox figures() {
        Label time = label("replayTime", Styles.TEXT_BOLD);
        time.textProperty().bind(model.timeProperty());
        Label marks = label("replayMarks", null);
        marks.textProperty().bind(model.marksProperty());
        HBox first = new HBox(12, time, marks);
        first.setAlignment(Pos.BASELINE_LEFT);
        Label iso = label("replayIsolatedEquity", "isolated-label");
        iso.textProperty().bind(model.isolatedEquityProperty().map(s -> s.isEmpty() ? "" : "Isolated side equity " + s));
        Label cross = label("replayCrossEquity", "cross-label");
        cross.textProperty().bind(model.crossEquityProperty().map(s -> s.isEmpty() ? "" : "Cross side equity " + s));
        Label gone = label("replayLiquidated", null);
        gone.textProperty().bind(model.liquidatedSoFarProperty());
        gone.setWrapText(true);
        gone.setMinHeight(Region.USE_PREF_SIZE);
        HBox second = new HBox(16, iso, cross);
        VBox box = new VBox(4, first, second, gone);
        box.visibleProperty().bind(model.loadedProperty());
        box.managedProperty().bind(box.visibleProperty());
        box.setMinHeight(Region.USE_PREF_SIZE);
        return box;
    }

    private static Label label(String id, String style) {
        Label l = new Label();
        l.setId(id);
        if (style != null) {
            l.getStyleClass().add(style);
        }
        return l;
    }
}
