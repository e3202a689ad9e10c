package org.marginlab.app;

import org.marginlab.app.planner.PlannerView;
import org.marginlab.app.ui.AfterLayoutExecutor;
import org.marginlab.app.ui.LazyTab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import org.marginlab.app.chart.PositionChartView;
import org.marginlab.app.compare.ComparisonView;
import org.marginlab.app.settings.Preferences;
import org.marginlab.app.startup.AppIcons;
import org.marginlab.app.startup.StartupProbe;
import org.marginlab.app.startup.StartupShell;
import org.marginlab.app.workspace.Autosave;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;


/**
 * The desktop application: one window on a workspace. It opens the {@code .marginlab} file
 * given on the command line, else the bundled sample, so real numbers show at once; it offers
 * back unsaved changes left by a session that crashed; it autosaves while there are unsaved
 * changes.
 */
public final class MarginLabApp extends Application {
    private ScheduledExecutorService background;
    /** Writes workspace files; at exit, a write under way is waited for. */
    private java.util.concurrent.Executor fileWriter;
    private AppViewModel model;

    @Override
    public void start(Stage stage) {
        StartupProbe.mark("start");
        Path dataFolder = Autosave.defaultFolder();
        AppStart.Prepared prepared = AppStart.take(); // the log is installed there, off this thread
        Preferences prefs = prepared.prefs();
        applyTheme(prefs.theme());
        model = prepared.model();
        StartupProbe.mark("prepared taken, theme set");

        // first frame: a light view of the workspace; the main window replaces it right after
        StartupShell shell = new StartupShell(model.workspaceNameProperty(), model.account().positions());
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        javafx.geometry.Dimension2D size = WindowPlacement.initialSize(prefs.window(), screen);
        Scene scene = scene(shell, size.getWidth(), size.getHeight());
        stage.setScene(scene);
        stage.titleProperty().bind(model.titleProperty());
        WindowPlacement.limit(stage, screen);
        prefs.window().ifPresent(w -> stage.setMaximized(w.maximized()));
        stage.setOnCloseRequest(e -> {
            // a chosen Save is written in the background; the window closes when it has been
            if (!model.confirmClose(stage::close)) {
                e.consume();
            }
        });
        AppIcons.apply(stage);
        stage.show();
        StartupProbe.mark("shown");
        StartupProbe.afterShown(stage);
        StartupProbe.afterNextFrame(scene, () -> Platform.runLater(() -> finishStart(stage, prepared, dataFolder)));
    }

    /**
     * After the first frame: the main window, dialogs, autosave, recovery, and what opening the
     * file given on the command line reported.
     */
    private void finishStart(Stage stage, AppStart.Prepared prepared, Path dataFolder) {
        Preferences prefs = prepared.prefs();
        // Quit fires a close request, as the window's close button does, so it asks to save first
        // (stage.close() would skip the question, and the clean exit would delete the autosave)
        Runnable quit = () -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
        MainView view = new MainView(model, quit, tabs(model, stage.getScene()));
        view.addMenu(viewMenu(prefs));
        view.lessons().instructorProperty().set(prefs.instructorMode());
        view.lessons().instructorProperty().addListener((o, a, on) -> {
            prefs.setInstructorMode(on);
            save(prefs);
        });
        MenuItem about = new MenuItem("_About MarginLab");
        about.setOnAction(e -> org.marginlab.app.about.AboutDialog.show(stage));
        view.helpMenu().getItems().addAll(helpItems(stage, view));
        view.helpMenu().getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), about);
        stage.getScene().setRoot(view);
        view.rememberSplits(prefs.splits());
        WindowPlacement.remember(stage, prefs, () -> save(prefs));
        FxDocumentDialogs dialogs = new FxDocumentDialogs(stage);
        model.setDialogs(dialogs);
        // from now on no file is read or written on the JavaFX thread
        fileWriter = org.marginlab.app.ui.LatestOnly.daemonThread("marginlab-save");
        model.setFileExecutors(org.marginlab.app.ui.LatestOnly.daemonThread("marginlab-open"), fileWriter, Platform::runLater);
        StartupProbe.mark("main view built");
        StartupProbe.ready(stage);

        background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "marginlab-autosave");
            t.setDaemon(true);
            return t;
        });
        Optional<Autosave.Recovered> recovered = prepared.recovered(); // found off this thread
        model.setAutosave(new Autosave(dataFolder, background, Platform::runLater, Autosave.DEFAULT_DELAY_MILLIS));
        prepared.errors().forEach(e -> dialogs.showError(e.title(), e.message()));
        ErrorReporter.problem().ifPresent(model::showNotice); // once, without a dialog
        if (recovered.isPresent() && offerRestore(stage, recovered.get())) {
            model.restore(recovered.get());
        } else {
            recovered.ifPresent(r -> background.execute(() -> Autosave.remove(r)));
        }
        if (!prefs.warnings().isEmpty()) {
            Alert alert = new Alert(Alert.AlertType.WARNING, String.join("\n", prefs.warnings()));
            alert.setHeaderText("Some preferences could not be read");
            alert.initOwner(stage);
            alert.show();
        }
    }

    private static void awaitQuietly(java.util.concurrent.ExecutorService executor) {
        try {
            executor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the application view-model once {@link #start} ran, else null (tests answer its dialogs) */
    AppViewModel model() {
        return model;
    }

    @Override
    public void stop() {
        if (model != null) {
            model.shutdown();
        }
        // a write under way, and the clean quit's removal of the autosave, finish before the JVM exits
        if (fileWriter instanceof java.util.concurrent.ExecutorService writer) {
            writer.shutdown();
            awaitQuietly(writer);
        }
        if (background != null) {
            background.shutdown();
            awaitQuietly(background);
        }
        // the window's size and split positions, written when it closed
        if (PREFERENCE_WRITER instanceof java.util.concurrent.ExecutorService writer) {
            writer.shutdown();
            awaitQuietly(writer);
        }
    }

    /** Help's guide (F1), formula reference and shortcuts, in one window opened on demand; Report a problem. */
    private List<MenuItem> helpItems(Stage stage, MainView view) {
        org.marginlab.app.help.HelpWindow[] help = {null};
        java.util.function.Consumer<org.marginlab.app.help.HelpWindow.Page> open = page ->
                help[0] = org.marginlab.app.help.HelpWindow.show(help[0], stage, view.menuBar(), page);
        MenuItem guide = new MenuItem("User _guide");
        guide.setId("helpGuideItem");
        guide.setAccelerator(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F1));
        guide.setOnAction(e -> open.accept(org.marginlab.app.help.HelpWindow.Page.GUIDE));
        MenuItem formulas = new MenuItem("_Formula reference");
        formulas.setOnAction(e -> {
            open.accept(org.marginlab.app.help.HelpWindow.Page.FORMULAS);
            // on the workspace's venue
            if (model.account().venueProperty().get() != null) {
                help[0].showVenue(model.account().venueProperty().get().id());
            }
        });
        MenuItem keys = new MenuItem("_Keyboard shortcuts");
        keys.setOnAction(e -> open.accept(org.marginlab.app.help.HelpWindow.Page.SHORTCUTS));
        MenuItem report = new MenuItem("_Report a problem…");
        report.setOnAction(e -> org.marginlab.app.help.ProblemReport.show(stage, ErrorReporter.logFolder(),
                uri -> getHostServices().showDocument(uri)));
        MenuItem tiers = tierItem(stage, model, org.marginlab.app.tiers.TierSources.defaults(), java.time.LocalDate::now,
                Autosave.defaultFolder(), TIER_WORKER, Platform::runLater);
        return List.of(guide, formulas, keys, new javafx.scene.control.SeparatorMenuItem(), tiers,
                new javafx.scene.control.SeparatorMenuItem(), report);
    }

    /** The venues' tier tables are fetched on this thread, on request only (Help → Update tier tables). */
    private static final java.util.concurrent.Executor TIER_WORKER =
            org.marginlab.app.ui.LatestOnly.daemonThread("marginlab-tiers");

    /**
     * Help → Update tier tables…: fetches the venues' public tables (on request only, never at
     * start-up), stores what the user applies under the data folder and re-evaluates the open
     * workspace with it; the header says what changed.
     *
     * @param owner       the main window, not null
     * @param model       the application view-model, not null
     * @param sources     the venues' sources, not null ({@code TierSources.defaults()}; tests: a local server)
     * @param today       the date fetched tables are dated with, not null
     * @param dataFolder  where the tables are stored, not null
     * @param worker      runs the network and file work, not null
     * @param fx          hands results to the JavaFX thread, not null
     * @return the menu item
     */
    static MenuItem tierItem(javafx.stage.Window owner, AppViewModel model,
            List<org.marginlab.app.tiers.VenueSource> sources, java.util.function.Supplier<java.time.LocalDate> today,
            Path dataFolder, java.util.concurrent.Executor worker, java.util.concurrent.Executor fx) {
        return org.marginlab.app.tiers.TierRefreshDialog.menuItem(owner, () -> {
            org.marginlab.app.model.Draft draft = model.account().evaluation().draft();
            return org.marginlab.app.tiers.TierRefreshViewModel.forApp(sources, today, dataFolder, draft.venueId(),
                    draft.positions().stream().map(org.marginlab.app.model.PositionDraft::symbol).toList(), worker, fx,
                    model.account().locale());
        }, (applied, summary) -> {
            model.account().tiersChanged();
            model.showNotice(summary);
        });
    }

    private static boolean offerRestore(Stage owner, Autosave.Recovered r) {
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "MarginLab was not closed properly. Unsaved changes to “"
                + r.workspace().name() + "”" + (r.source() == null ? "" : " (" + r.source().getFileName() + ")")
                + " were kept. Restore them?", restore, discard);
        alert.setHeaderText("Restore unsaved changes?");
        alert.initOwner(owner);
        return alert.showAndWait().filter(b -> b == restore).isPresent();
    }

    private static void applyTheme(Preferences.Theme theme) {
        Themes.apply(theme);
    }

    private Menu viewMenu(Preferences prefs) {
        Menu menu = new Menu("_View");
        ToggleGroup themes = new ToggleGroup();
        for (Preferences.Theme t : Preferences.Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(t == Preferences.Theme.LIGHT ? "Light theme"
                    : t == Preferences.Theme.DARK ? "Dark theme" : "High-contrast theme");
            item.setToggleGroup(themes);
            item.setSelected(prefs.theme() == t);
            item.setOnAction(e -> {
                prefs.setTheme(t);
                applyTheme(t);
                save(prefs);
            });
            menu.getItems().add(item);
        }
        Menu numbers = new Menu("Number format");
        ToggleGroup formats = new ToggleGroup();
        String[][] choices = {{"", "System default"}, {"en-US", "1,234.56 (English)"}, {"de-DE", "1.234,56 (German)"},
            {"fr-FR", "1 234,56 (French)"}, {"de-CH", "1’234.56 (Swiss)"}};
        for (String[] c : choices) {
            RadioMenuItem item = new RadioMenuItem(c[1]);
            item.setToggleGroup(formats);
            item.setSelected(prefs.numberLocaleTag().equals(c[0]));
            item.setOnAction(e -> {
                prefs.setNumberLocale(c[0]);
                save(prefs);
                // at once: what was typed is rewritten in the new format, every figure shown in it
                model.setNumberLocale(prefs.numberLocale());
            });
            numbers.getItems().add(item);
        }
        Menu venues = new Menu("Default venue for new workspaces");
        ToggleGroup venueGroup = new ToggleGroup();
        for (VenueRules v : Venues.all()) {
            RadioMenuItem item = new RadioMenuItem(v.displayName());
            item.setToggleGroup(venueGroup);
            item.setSelected(prefs.defaultVenue().equals(v.id()));
            item.setOnAction(e -> {
                prefs.setDefaultVenue(v.id());
                model.setDefaultVenue(v.id());
                save(prefs);
            });
            venues.getItems().add(item);
        }
        menu.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), numbers, venues);
        return menu;
    }

    /** Preferences are written on a background thread (never file I/O on the JavaFX thread), one write at a time. */
    private static final java.util.concurrent.Executor PREFERENCE_WRITER =
            org.marginlab.app.ui.LatestOnly.daemonThread("marginlab-preferences");

    private static void save(Preferences prefs) {
        Preferences.Write write = prefs.saver();
        try {
            PREFERENCE_WRITER.execute(() -> {
                try {
                    write.run();
                } catch (IOException | RuntimeException e) {
                    ErrorReporter.report(Thread.currentThread(), e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // after stop(): the application is exiting and its last preferences are written
        }
    }

    /**
     * Builds the window's scene for a model; used by the application and by UI tests.
     *
     * @param model   the application view-model, not null
     * @param onQuit  what File → Quit does, not null
     * @return the scene, never null
     */
    public static Scene createScene(AppViewModel model, Runnable onQuit) {
        Scene scene = scene(new javafx.scene.Group());
        scene.setRoot(new MainView(model, onQuit, tabs(model, scene)));
        return scene;
    }

    /**
     * The tabs after Positions, each built the first time it is shown. The comparison's walks
     * start on the worker after the pulse's layout ({@link AfterLayoutExecutor}), not beside the
     * JavaFX thread's own work for the edit.
     */
    private static LazyTab[] tabs(AppViewModel model, Scene scene) {
        return new LazyTab[] {ComparisonView.tab(model.account(), AfterLayoutExecutor.of(scene, model.worker()), model.fx()),
            PositionChartView.tab(model.account()),
            PlannerView.tab(model.account()), org.marginlab.app.replay.ReplayView.tab(model.replay())};
    }

    private static Scene scene(javafx.scene.Parent view) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        return scene(view, Math.min(1280, screen.getWidth()), Math.min(880, screen.getHeight()));
    }

    private static Scene scene(javafx.scene.Parent view, double width, double height) {
        Scene scene = new Scene(view, width, height);
        scene.getStylesheets().add(MarginLabApp.class.getResource("app.css").toExternalForm());
        return scene;
    }

    /**
     * @param model  the application view-model, not null
     * @return the scene with a Quit that does nothing (tests)
     */
    public static Scene createScene(AppViewModel model) {
        return createScene(model, () -> { });
    }
}
