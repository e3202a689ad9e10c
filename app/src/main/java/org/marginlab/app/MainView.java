package org.marginlab.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.marginlab.app.ui.HeightCache;
import org.marginlab.app.ui.LazyTab;
import org.marginlab.app.ui.Wrapping;
import org.marginlab.app.account.AccountBar;
import org.marginlab.app.account.AccountSummary;
import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.account.PositionsTable;
import org.marginlab.app.position.PositionView;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.workspace.Samples;

/**
 * The main window's content: menus, the account bar (venue, wallet, shock), tabs for the
 * positions (table and editor), the isolated-vs-cross comparison and the charts, and the
 * account summary. Tabs other than the first are built the first time they are shown. It only
 * builds nodes, binds and forwards menu commands to {@link AppViewModel}.
 */
public final class MainView extends BorderPane {
    private final AppViewModel app;
    private static final String REMEMBERED = "marginlab.splitRemembered";
    private final StackPane editorHolder = new StackPane();
    private final java.util.List<Node> builtContents = new java.util.ArrayList<>();
    private Map<String, Double> splitPositions;
    private MenuBar menuBar;
    private final ExplainControls explain;
    private final LessonControls lessons;
    private TabPane tabs;
    private Tab positionsTab;
    private final ExportControls export;

    /**
     * @param app         the application view-model, not null
     * @param onQuit      what File → Quit does (close the window, asking first), not null
     * @param extraTabs   further tabs to add after the positions tab: (title, id, lazily built content)
     */
    @SafeVarargs
    public MainView(AppViewModel app, Runnable onQuit, LazyTab... extraTabs) {
        this.app = app;
        AccountViewModel account = app.account();
        getStyleClass().add("main-view");
        export = new ExportControls(app, this::shownContent);

        Label title = new Label("MarginLab", new FontIcon("mdi2c-calculator-variant"));
        title.getStyleClass().add("app-title");
        Label name = new Label();
        name.setId("workspaceName");
        name.getStyleClass().add("workspace-name");
        name.textProperty().bind(app.workspaceNameProperty());
        // a long name wraps in the room the venue and wallet leave, never ends in an ellipsis
        Wrapping.toWidth(name);
        // wraps, but keeps room for a few words a line (a long name beside a wide venue box would
        // otherwise fold to a letter or two a line and push the figures down)
        name.setMinWidth(150);
        HBox.setHgrow(name, Priority.ALWAYS);
        Label message = new Label();
        message.setId("workspaceMessage");
        message.textProperty().bind(app.messageProperty());
        message.getStyleClass().add("workspace-message");
        message.setWrapText(true);
        message.setMinWidth(0);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(message, Priority.SOMETIMES);
        lessons = new LessonControls(app, this::explainFigure);
        export.setLesson(lessons.viewModel());
        AccountBar accountBar = new AccountBar(account);
        LessonControls.lockAccountInputs(accountBar, account);
        HBox header = new HBox(title, name, message, busyIndicator(app), accountBar);
        header.getStyleClass().add("app-header");
        title.setMinWidth(Region.USE_PREF_SIZE);

        // its wrapping name and hint are not wrapped again at every layout of the window
        setTop(new HeightCache(new VBox(menus(onQuit), header, AccountBar.shockBar(account))));

        explain = new ExplainControls(account);

        PositionsTable table = new PositionsTable(account);
        SplitPane split = new SplitPane(table, editorHolder);
        split.setId("positionsSplit");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.3);
        account.selectedProperty().addListener((o, a, b) -> showEditor(b));
        showEditor(account.selectedProperty().get());

        TabPane tabs = new TabPane();
        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab positions = new Tab("Positions");
        positions.setId("positionsTab");
        positions.setGraphic(new FontIcon("mdi2f-format-list-bulleted"));
        tabs.getTabs().add(positions);
        Map<Tab, Supplier<Node>> contents = new HashMap<>();
        // the Explain panel on the right of the positions; it opens on a click on a figure
        Node positionsContent = explain.around(split);
        contents.put(positions, () -> positionsContent);
        for (LazyTab lazy : extraTabs) {
            Tab tab = new Tab(lazy.title());
            tab.setId(lazy.id());
            tab.setGraphic(new FontIcon(lazy.icon()));
            tabs.getTabs().add(tab);
            contents.put(tab, lessons.covered(lazy.id(), lazy.content()));
        }
        showOnlySelected(tabs, contents);
        setCenter(tabs);
        lessons.placeNavigator(this::setLeft);
        this.tabs = tabs;
        this.positionsTab = positions;
        lessons.setOpenReplayTab(this::showReplayTab);
        AccountSummary summary = new AccountSummary(account);
        summary.setOnExplain(f -> {
            tabs.getSelectionModel().select(positions);
            explain.viewModel().explain(null, f);
        });
        setBottom(summary);
        installUndoKeys(account);
        explain.installKeys(this);
        export.install(this);
        lessons.install(this);
    }

    /** Selects the Replay tab (the lesson's replay strip links to it), when the window has one. */
    private void showReplayTab() {
        tabs.getTabs().stream().filter(t -> "replayTab".equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /** Opens the Explain panel on a figure a lesson question just revealed. */
    private void explainFigure(org.marginlab.app.lesson.FigureRef ref) {
        tabs.getSelectionModel().select(positionsTab);
        explain.viewModel().explain(ref.positionId(), ref.figure());
    }

    /** @return the lesson under way (the navigator's view-model) */
    public org.marginlab.app.course.LessonViewModel lessons() {
        return lessons.viewModel();
    }

    /** @return the content of the tab shown now (what Print… prints), or null */
    private Node shownContent() {
        Node center = getCenter();
        return center instanceof TabPane t && t.getSelectionModel().getSelectedItem() != null
                ? t.getSelectionModel().getSelectedItem().getContent() : null;
    }

    /** @return File → Export's controls (tests choose files through them) */
    ExportControls exportControls() {
        return export;
    }

    /**
     * Puts only the selected tab's content into the scene. A tab's content is built the first time
     * the tab is selected (its supplier is called once) and taken out of the scene when another tab
     * is selected: a hidden tab's nodes would otherwise be styled and laid out again at every edit
     * (JavaFX lays out and styles invisible nodes too), which on a large account costs the visible
     * tab several milliseconds per keystroke. Views that compute only while shown follow their
     * scene ({@code ComparisonView}, {@code PositionChartView}).
     */
    private void showOnlySelected(TabPane tabs, Map<Tab, Supplier<Node>> contents) {
        Map<Tab, Node> built = new HashMap<>();
        javafx.beans.value.ChangeListener<Tab> show = (o, was, is) -> {
            if (was != null) {
                was.setContent(null);
            }
            if (is != null) {
                is.setContent(built.computeIfAbsent(is, t -> {
                    Node content = contents.get(t).get();
                    builtContents.add(content);
                    rememberSplitsIn(content);
                    return content;
                }));
            }
        };
        tabs.getSelectionModel().selectedItemProperty().addListener(show);
        show.changed(null, null, tabs.getSelectionModel().getSelectedItem());
    }

    /**
     * Keeps the split panes' divider positions (the positions table over the editor, the
     * comparison's table over its cards) in a map by the pane's id: a position in the map is
     * applied to its pane, in every tab built now or later, and a divider the user moves is put in
     * the map.
     *
     * @param positions  divider positions by split pane id (0 … 1), a live map, not null
     */
    public void rememberSplits(Map<String, Double> positions) {
        this.splitPositions = positions;
        for (Node content : builtContents) {
            rememberSplitsIn(content);
        }
    }

    private void rememberSplitsIn(Node content) {
        if (splitPositions == null) {
            return;
        }
        Map<String, Double> positions = splitPositions;
        for (Node n : content.lookupAll(".split-pane")) {
            if (n instanceof SplitPane pane && pane.getId() != null && !pane.getDividers().isEmpty()
                    && !pane.getProperties().containsKey(REMEMBERED)) {
                pane.getProperties().put(REMEMBERED, Boolean.TRUE);
                SplitPane.Divider divider = pane.getDividers().get(0);
                Double saved = positions.get(pane.getId());
                if (saved != null) {
                    divider.setPosition(saved);
                }
                divider.positionProperty().addListener((o, a, b) -> positions.put(pane.getId(), b.doubleValue()));
            }
        }
    }

    /**
     * Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y undo and redo workspace edits everywhere in the window,
     * text fields included: a text field's own undo would only undo characters, while the
     * workspace's undo restores whole typed values, positions and venue changes.
     */
    private void installUndoKeys(AccountViewModel account) {
        KeyCombination undo = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
        KeyCombination redo = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
        KeyCombination redoY = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (undo.match(e)) {
                account.undo();
                e.consume();
            } else if (redo.match(e) || redoY.match(e)) {
                account.redo();
                e.consume();
            }
        });
    }

    /** @return the Explain panel (its reconcile slot is {@code ExplainPane#setReconcile}) */
    public org.marginlab.app.explain.ExplainPane explainPane() {
        return explain.pane();
    }

    /** @return the Explain panel's view-model */
    public org.marginlab.app.explain.ExplainViewModel explain() {
        return explain.viewModel();
    }

    private void showEditor(PositionViewModel row) {
        if (row == null) {
            Label none = new Label("No position selected. Add one with Position → Add position (Ctrl+Shift+N).");
            none.getStyleClass().add("placeholder");
            editorHolder.getChildren().setAll(none);
        } else {
            PositionView view = new PositionView(row);
            view.setOnExplain(explain.opener());
            LessonControls.lockInputs(view, row.id(), app.account());
            editorHolder.getChildren().setAll(view);
        }
    }

    private MenuBar menus(Runnable onQuit) {
        AccountViewModel account = app.account();
        Menu file = new Menu("_File");
        MenuItem newItem = item("_New", "mdi2f-file-outline", KeyCode.N, false, app::newWorkspace);
        MenuItem open = item("_Open…", "mdi2f-folder-open-outline", KeyCode.O, false, app::open);
        Menu recent = new Menu("Open _Recent");
        recent.setId("recentMenu");
        Runnable refillRecent = () -> {
            recent.getItems().clear();
            for (Path p : app.recentFiles()) {
                MenuItem mi = new MenuItem(p.getFileName() + "  —  " + p.getParent());
                mi.setMnemonicParsing(false);
                mi.setOnAction(e -> app.open(p));
                recent.getItems().add(mi);
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        app.recentFiles().addListener((ListChangeListener<Path>) c -> refillRecent.run());
        refillRecent.run();
        Menu samples = new Menu("Open _Sample");
        samples.setId("samplesMenu");
        for (String s : Samples.names()) {
            MenuItem mi = new MenuItem(Samples.title(s));
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> app.openSample(s));
            samples.getItems().add(mi);
        }
        MenuItem save = item("_Save", "mdi2c-content-save-outline", KeyCode.S, false, app::save);
        MenuItem saveAs = item("Save _As…", null, KeyCode.S, true, app::saveAs);
        MenuItem quit = item("_Quit", null, KeyCode.Q, false, onQuit);
        file.getItems().addAll(newItem, open, recent, samples, lessons.openLessonMenu(), new SeparatorMenuItem(), save,
                saveAs, new SeparatorMenuItem(), export.menu(() -> this), new SeparatorMenuItem(), quit);

        Menu editMenu = new Menu("_Edit");
        MenuItem undo = item("_Undo", "mdi2u-undo", null, false, account::undo);
        undo.setId("undo");
        undo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        undo.disableProperty().bind(account.canUndoProperty().not());
        MenuItem redo = item("_Redo", "mdi2r-redo", null, false, account::redo);
        redo.setId("redo");
        redo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        redo.disableProperty().bind(account.canRedoProperty().not());
        MenuItem rulesAsOf = item("Rules _as of…", "mdi2c-calendar-clock", null, false,
                () -> org.marginlab.app.account.RulesAsOfDialog.show(getScene() == null ? null : getScene().getWindow(),
                        account));
        rulesAsOf.setId("rulesAsOf");
        editMenu.getItems().addAll(undo, redo, new SeparatorMenuItem(), rulesAsOf);

        Menu position = new Menu("_Position");
        MenuItem add = item("_Add position", "mdi2p-plus", KeyCode.N, true, account::addPosition);
        add.setId("addPosition");
        MenuItem duplicate = item("_Duplicate", "mdi2c-content-copy", KeyCode.D, false,
                () -> withSelected(account::duplicate));
        MenuItem remove = item("_Remove", "mdi2d-delete-outline", KeyCode.DELETE, false,
                () -> withSelected(account::remove));
        MenuItem up = new MenuItem("Move _up");
        up.setAccelerator(new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN));
        up.setOnAction(e -> withSelected(r -> account.move(r, -1)));
        MenuItem down = new MenuItem("Move d_own");
        down.setAccelerator(new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN));
        down.setOnAction(e -> withSelected(r -> account.move(r, 1)));
        MenuItem mode = item("Toggle isolated / _cross", "mdi2s-swap-horizontal", KeyCode.M, false,
                () -> withSelected(PositionViewModel::toggleMarginMode));
        MenuItem explainItem = item("_Explain figure", "mdi2s-sigma", KeyCode.E, false, () -> explain.toggle(this));
        explainItem.setId("explainFigure");
        position.getItems().addAll(add, duplicate, remove, new SeparatorMenuItem(), up, down, new SeparatorMenuItem(),
                mode, explainItem);

        Menu help = new Menu("_Help");
        help.setId("helpMenu");
        menuBar = new MenuBar(file, editMenu, position, lessons.lessonMenu(this), help);
        menuBar.setId("menuBar");
        return menuBar;
    }

    /**
     * Adds a menu before Help.
     *
     * @param menu  the menu, not null
     */
    public void addMenu(Menu menu) {
        menuBar.getMenus().add(menuBar.getMenus().size() - 1, menu);
    }

    /** @return the menu bar (Help lists its shortcuts) */
    public MenuBar menuBar() {
        return menuBar;
    }

    /** @return the Help menu, for items other views add (About) */
    public Menu helpMenu() {
        return menuBar.getMenus().get(menuBar.getMenus().size() - 1);
    }

    private void withSelected(java.util.function.Consumer<PositionViewModel> command) {
        PositionViewModel row = app.account().selectedProperty().get();
        if (row != null) {
            command.accept(row);
        }
    }

    private static MenuItem item(String text, String icon, KeyCode key, boolean shift, Runnable action) {
        MenuItem mi = new MenuItem(text);
        if (icon != null) {
            mi.setGraphic(new FontIcon(icon));
        }
        if (key != null) {
            mi.setAccelerator(shift ? new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)
                    : new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN));
        }
        mi.setOnAction(e -> action.run());
        return mi;
    }

    /** How long a file may be read or written before the window shows it with a Cancel button. */
    public static final javafx.util.Duration BUSY_AFTER = javafx.util.Duration.millis(200);

    /**
     * "Opening x.marginlab…" / "Saving x.marginlab…" with a spinner and Cancel, shown once a file
     * operation has taken {@link #BUSY_AFTER} (most take a few milliseconds and show nothing).
     * The box is empty until it is first shown: hidden, its spinner, text and button would be
     * styled and laid out with the window at start-up.
     */
    private static HBox busyIndicator(AppViewModel app) {
        HBox box = new HBox(6);
        box.setId("fileBusy");
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.setVisible(false);
        box.managedProperty().bind(box.visibleProperty());
        javafx.animation.PauseTransition delay = new javafx.animation.PauseTransition(BUSY_AFTER);
        delay.setOnFinished(e -> {
            if (!app.busyProperty().get().isEmpty()) {
                if (box.getChildren().isEmpty()) {
                    box.getChildren().setAll(busyContent(app));
                }
                box.setVisible(true);
            }
        });
        app.busyProperty().addListener((o, a, b) -> {
            if (b.isEmpty()) {
                delay.stop();
                box.setVisible(false);
            } else {
                delay.playFromStart();
            }
        });
        return box;
    }

    private static java.util.List<Node> busyContent(AppViewModel app) {
        javafx.scene.control.ProgressIndicator spinner = new javafx.scene.control.ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        Label what = new Label();
        what.textProperty().bind(app.busyProperty());
        javafx.scene.control.Button cancel = new javafx.scene.control.Button("Cancel");
        cancel.setId("fileBusyCancel");
        cancel.setOnAction(e -> app.cancelBusy());
        cancel.setTooltip(new javafx.scene.control.Tooltip("Stop waiting and go on with the workspace on screen. "
                + "A file being saved is then either the old one or the new one, never a mix."));
        return java.util.List.of(spinner, what, cancel);
    }
}
