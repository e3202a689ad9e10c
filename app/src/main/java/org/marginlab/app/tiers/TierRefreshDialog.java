package org.marginlab.app.tiers;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;
import org.marginlab.app.tiers.TierRefreshViewModel.ChangeRow;
import org.marginlab.app.tiers.TierRefreshViewModel.StatusRow;
import org.marginlab.app.tiers.TierRefreshViewModel.TargetRow;
import org.marginlab.app.ui.TableFit;

/**
 * The Update tier tables window: the venues' symbols to fetch, Fetch and Import Binance file…,
 * a progress indicator, one status line per symbol, the table of what changed (tier; MMR, cap and
 * max leverage as before → after), Apply and Cancel. It only builds nodes, binds to
 * {@link TierRefreshViewModel} and forwards the buttons; the network and the files are the
 * view-model's background work.
 *
 * <p>Use on the JavaFX thread.
 */
public final class TierRefreshDialog {
    private final Stage stage = new Stage();
    private final TierRefreshViewModel model;

    private TierRefreshDialog(Window owner, TierRefreshViewModel model, Consumer<TierRefresh.Applied> applied) {
        this.model = model;
        stage.setTitle("Update tier tables");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Label intro = wrapping("Fetch the venues' public tier tables (no API key is sent) and see what changed. "
                + "Nothing changes until you press Apply; the bundled tables stay the offline default. Binance's "
                + "brackets need a signed request: save the answer of GET /fapi/v1/leverageBracket to a file and "
                + "import it.");
        intro.setId("tierIntro");

        VBox choices = new VBox(6);
        choices.setId("tierTargets");
        Map<String, FlowPane> byVenue = new LinkedHashMap<>();
        for (TargetRow r : model.targets()) {
            FlowPane symbols = byVenue.computeIfAbsent(r.target().venueId(), v -> {
                FlowPane p = new FlowPane(10, 4);
                Label name = new Label(r.venueName());
                name.setMinWidth(170);
                name.getStyleClass().add("tier-venue");
                HBox line = new HBox(8, name, p);
                line.setAlignment(Pos.CENTER_LEFT);
                HBox.setHgrow(p, Priority.ALWAYS);
                choices.getChildren().add(line);
                return p;
            });
            CheckBox box = new CheckBox(r.target().symbol());
            box.setId("tier-" + r.target().venueId() + "-" + r.target().symbol());
            box.selectedProperty().bindBidirectional(r.selectedProperty());
            box.disableProperty().bind(model.busyProperty());
            symbols.getChildren().add(box);
        }
        ScrollPane choicesScroll = new ScrollPane(choices);
        choicesScroll.setFitToWidth(true);
        choicesScroll.setPrefViewportHeight(150);

        Button fetch = new Button("Fetch", new FontIcon("mdi2c-cloud-download-outline"));
        fetch.setId("tierFetch");
        fetch.setDefaultButton(true);
        fetch.disableProperty().bind(model.busyProperty());
        fetch.setOnAction(e -> model.fetch());
        Button importFile = new Button("Import Binance file…", new FontIcon("mdi2f-file-import-outline"));
        importFile.setId("tierImport");
        importFile.disableProperty().bind(model.busyProperty());
        importFile.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Binance brackets saved from GET /fapi/v1/leverageBracket");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON", "*.json"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            File f = chooser.showOpenDialog(stage);
            if (f != null) {
                model.importBinance(f.toPath());
            }
        });
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("tierProgress");
        spinner.setPrefSize(22, 22);
        spinner.setMaxSize(22, 22);
        spinner.progressProperty().bind(model.progressProperty());
        spinner.visibleProperty().bind(model.busyProperty());
        Label progressText = new Label();
        progressText.setId("tierProgressText");
        progressText.textProperty().bind(model.progressTextProperty());
        HBox actions = new HBox(8, fetch, importFile, spinner, progressText);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox statusLines = new VBox(2);
        statusLines.setId("tierStatus");
        Runnable refill = () -> {
            statusLines.getChildren().clear();
            for (StatusRow s : model.statuses()) {
                Label l = wrapping(s.text());
                l.getStyleClass().add("tier-" + s.status().name().toLowerCase(java.util.Locale.ROOT));
                l.setId("tierStatus-" + s.target().venueId() + "-" + s.target().symbol());
                statusLines.getChildren().add(l);
            }
        };
        model.statuses().addListener((ListChangeListener<StatusRow>) c -> refill.run());
        refill.run();

        TableView<ChangeRow> table = new TableView<>(model.changes());
        table.setId("tierChanges");
        Label placeholder = new Label("Fetch to see which tiers change.");
        table.setPlaceholder(placeholder);
        // after a fetch with no change, say so instead of asking to fetch again
        model.statuses().addListener((ListChangeListener<StatusRow>) c -> placeholder.setText(model.statuses().isEmpty()
                ? "Fetch to see which tiers change." : "No tier changes."));
        table.setPrefHeight(220);
        // before → after in one cell; every column as wide as its header and its longest text
        table.getColumns().addAll(List.of(column("Venue", ChangeRow::venue), column("Symbol", ChangeRow::symbol),
                column("Tier", ChangeRow::tier), column("MMR", r -> r.mmrBefore() + " → " + r.mmrAfter()),
                column("Cap (notional)", r -> r.capBefore() + " → " + r.capAfter()),
                column("Max leverage", r -> r.maxBefore() + " → " + r.maxAfter())));
        TableFit.headersInFull(table);
        VBox.setVgrow(table, Priority.ALWAYS);

        Label message = wrapping("");
        message.setId("tierMessage");
        message.textProperty().bind(model.messageProperty());

        Button apply = new Button("Apply");
        apply.setId("tierApply");
        ButtonBar.setButtonData(apply, ButtonBar.ButtonData.APPLY);
        apply.disableProperty().bind(Bindings.or(model.busyProperty(), model.canApplyProperty().not()));
        apply.setOnAction(e -> model.apply(done -> {
            stage.close();
            applied.accept(done);
        }));
        Button cancel = new Button("Cancel");
        cancel.setId("tierCancel");
        cancel.setCancelButton(true);
        ButtonBar.setButtonData(cancel, ButtonBar.ButtonData.CANCEL_CLOSE);
        cancel.setOnAction(e -> stage.close());
        ButtonBar buttons = new ButtonBar();
        buttons.getButtons().addAll(apply, cancel);
        stage.setOnHidden(e -> model.cancel());

        VBox root = new VBox(10, intro, choicesScroll, actions, statusLines, table, message, buttons);
        root.setPadding(new Insets(14));
        root.setId("tierDialog");
        Scene scene = new Scene(root, 900, 640);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
    }

    /**
     * Opens the window.
     *
     * @param owner    the main window, or null
     * @param model    its view-model, not null
     * @param applied  takes what Apply stored (the app re-evaluates the workspace and says so), not null
     * @return the window, showing
     */
    public static TierRefreshDialog show(Window owner, TierRefreshViewModel model, Consumer<TierRefresh.Applied> applied) {
        TierRefreshDialog d = new TierRefreshDialog(owner, Objects.requireNonNull(model, "model"),
                Objects.requireNonNull(applied, "applied"));
        d.stage.show();
        return d;
    }

    /**
     * Help's "Update tier tables…" item: each use opens the window on a new view-model.
     *
     * @param owner    the main window, not null
     * @param models   makes the view-model (the venues, the workspace's symbols), not null
     * @param applied  takes what Apply stored, with the view-model's one-line summary, not null
     * @return the menu item
     */
    public static MenuItem menuItem(Window owner, Supplier<TierRefreshViewModel> models,
            java.util.function.BiConsumer<TierRefresh.Applied, String> applied) {
        MenuItem item = new MenuItem("Update _tier tables…");
        item.setId("helpUpdateTiers");
        item.setGraphic(new FontIcon("mdi2c-cloud-download-outline"));
        item.setOnAction(e -> {
            TierRefreshViewModel model = models.get();
            show(owner, model, done -> applied.accept(done, model.summary(done)));
        });
        return item;
    }

    /** @return its stage */
    public Stage stage() {
        return stage;
    }

    /** @return its view-model */
    public TierRefreshViewModel model() {
        return model;
    }

    private static TableColumn<ChangeRow, String> column(String title, Function<ChangeRow, String> value) {
        TableColumn<ChangeRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setCellFactory(col -> TableFit.textCell());
        c.setSortable(false);
        return c;
    }

    private static Label wrapping(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }
}
