package org.marginlab.app;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Control;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;

import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.course.AddStepDialog;
import org.marginlab.app.course.LessonAuthoring;
import org.marginlab.app.course.LessonNavigator;
import org.marginlab.app.course.LessonViewModel;
import org.marginlab.app.course.ScoreExport;
import org.marginlab.app.lesson.FigureRef;
import org.marginlab.app.model.InputField;
import org.marginlab.app.ui.LockedInputs;
import org.marginlab.app.workspace.Lessons;

/**
 * The lessons' place in the main window: the navigator on the left of the tabs, File → Open
 * Lesson, the Lesson menu (instructor mode, show answers, presenter size, add the current state
 * as a step, export the score, close), Alt+Left / Alt+Right and Page Up / Page Down, the locks
 * of the inputs in instructor mode and the Explain panel opened on an answered figure.
 */
final class LessonControls {
    static final int[] PRESENTER_SIZES = {100, 125, 150, 200};

    private final AppViewModel app;
    private final LessonViewModel lesson;
    /** Built the first time a lesson is open (hidden, it would be styled and laid out at start-up). */
    private LessonNavigator navigator;
    private final LessonAuthoring authoring;
    private final ScoreExport export;

    /** Whether the step shown has a price path (its replay strip is shown). */
    private final javafx.beans.property.BooleanProperty stepReplay = new javafx.beans.property.SimpleBooleanProperty(false);

    /** Selects the Replay tab (the strip's link); set by the window once its tabs exist. */
    private Runnable openReplayTab = () -> { };

    LessonControls(AppViewModel app, Consumer<FigureRef> explain) {
        this.app = app;
        this.lesson = new LessonViewModel(app.account(), Platform::runLater, Clock.systemUTC());
        lesson.setExplainer(explain);
        // a step's price path: a bundled one by its id, else a CSV beside the lesson file; none stops the replay
        // (closing stops the replay's clock, and cancels a path still being read)
        lesson.replayLoaderProperty().set(path -> {
            stepReplay.set(path != null);
            if (path == null) {
                if (app.replay().loadedProperty().get() || app.replay().busyProperty().get()) {
                    app.replay().close();
                }
            } else if (org.marginlab.app.workspace.BundledPaths.ids().contains(path)) {
                app.replay().loadBundled(path);
            } else {
                java.nio.file.Path file = app.fileProperty().get();
                app.replay().load(file == null ? java.nio.file.Path.of(path) : file.resolveSibling(path));
            }
        });
        this.authoring = new LessonAuthoring(app.account());
        this.export = new ScoreExport(org.marginlab.app.ui.LatestOnly.daemonThread("marginlab-score"), Platform::runLater);
    }

    /** @param open  selects the Replay tab (the replay strip's link "Open the Replay tab"), not null */
    void setOpenReplayTab(Runnable open) {
        this.openReplayTab = java.util.Objects.requireNonNull(open, "open");
    }

    LessonViewModel viewModel() {
        return lesson;
    }

    /**
     * Puts the navigator on the left of the window the first time a lesson is open (now, if one
     * is), and leaves it there: it shows itself while a lesson is open.
     *
     * @param left  sets the window's left node, not null
     */
    void placeNavigator(Consumer<Node> left) {
        org.marginlab.app.ui.WhenTrue.once(lesson.activeProperty(), () -> left.accept(navigator()));
    }

    private LessonNavigator navigator() {
        if (navigator == null) {
            navigator = new LessonNavigator(lesson);
            // on a step with a price path, the replay's controls where the student is (the same replay as the tab's)
            navigator.showUnderText(new org.marginlab.app.replay.ReplayStrip(app.replay(), () -> openReplayTab.run()),
                    stepReplay.and(lesson.activeProperty()));
        }
        return navigator;
    }

    /**
     * A tab's content covered by "Hidden until revealed in the lesson" while the lesson hides a
     * figure: the comparison, the charts and any tab but the planner (which shows only its own
     * planned trade) would show a hidden liquidation price, equity or margin ratio.
     *
     * @param tabId    the tab's id
     * @param content  builds the tab's content, not null
     * @return builds the covered content
     */
    java.util.function.Supplier<Node> covered(String tabId, java.util.function.Supplier<Node> content) {
        if ("plannerTab".equals(tabId)) {
            return content;
        }
        return () -> {
            Node node = content.get();
            javafx.scene.control.Label cover = new javafx.scene.control.Label("Hidden until revealed in the lesson",
                    new org.kordamp.ikonli.javafx.FontIcon("mdi2e-eye-off-outline"));
            cover.setId(tabId + "LessonCover");
            cover.getStyleClass().addAll("placeholder", atlantafx.base.theme.Styles.TITLE_4);
            cover.setWrapText(true);
            javafx.beans.binding.BooleanBinding hiding = javafx.beans.binding.Bindings.isNotEmpty(
                    app.account().hiddenFigures().keys());
            cover.visibleProperty().bind(hiding);
            node.visibleProperty().bind(hiding.not());
            return new javafx.scene.layout.StackPane(node, cover);
        };
    }

    /**
     * @return File → Open Lesson ▸, the bundled lessons by order and title, read the first time
     *         the menu opens (not at start-up)
     */
    Menu openLessonMenu() {
        Menu menu = new Menu("Open _Lesson");
        menu.setId("openLessonMenu");
        MenuItem reading = new MenuItem("Reading the bundled lessons…");
        reading.setDisable(true);
        menu.getItems().add(reading);
        menu.setOnShowing(e -> {
            if (menu.getItems().get(0) == reading) {
                menu.getItems().setAll(bundledLessons());
            }
        });
        return menu;
    }

    private List<MenuItem> bundledLessons() {
        List<MenuItem> items = new java.util.ArrayList<>();
        try {
            for (Lessons.Entry e : Lessons.list()) {
                MenuItem item = new MenuItem((e.order() == null ? "" : e.order() + ". ") + e.title());
                item.setMnemonicParsing(false);
                item.setOnAction(a -> app.openLesson(e.fileName()));
                items.add(item);
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            MenuItem broken = new MenuItem("The bundled lessons cannot be read: " + e.getMessage());
            broken.setDisable(true);
            items.add(broken);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("No bundled lessons");
            none.setDisable(true);
            items.add(none);
        }
        return items;
    }

    /** @return the Lesson menu */
    Menu lessonMenu(Node window) {
        Menu menu = new Menu("Les_son");
        menu.setId("lessonMenu");
        CheckMenuItem instructor = new CheckMenuItem("_Instructor mode");
        instructor.setId("instructorMode");
        instructor.selectedProperty().bindBidirectional(lesson.instructorProperty());
        CheckMenuItem answers = new CheckMenuItem("Show _answers");
        answers.setId("showAnswers");
        answers.selectedProperty().bindBidirectional(lesson.showAnswersProperty());
        answers.disableProperty().bind(lesson.instructorProperty().not());
        Menu size = new Menu("_Presenter size");
        ToggleGroup sizes = new ToggleGroup();
        for (int percent : PRESENTER_SIZES) {
            RadioMenuItem item = new RadioMenuItem(percent + " %");
            item.setToggleGroup(sizes);
            item.setSelected(lesson.presenterPercentProperty().get() == percent);
            item.setOnAction(e -> lesson.presenterPercentProperty().set(percent));
            size.getItems().add(item);
        }
        MenuItem add = new MenuItem("Add current state as _step…");
        add.setId("addLessonStep");
        add.setOnAction(e -> AddStepDialog.show(window.getScene() == null ? null : window.getScene().getWindow(), authoring));
        MenuItem score = new MenuItem("_Export score…");
        score.setId("exportScore");
        score.disableProperty().bind(lesson.activeProperty().not());
        score.setOnAction(e -> exportScore(window));
        MenuItem close = new MenuItem("_Close lesson");
        close.disableProperty().bind(lesson.activeProperty().not());
        close.setOnAction(e -> lesson.close());
        menu.getItems().addAll(instructor, answers, size, new SeparatorMenuItem(), add, score, new SeparatorMenuItem(), close);
        return menu;
    }

    private void exportScore(Node window) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export score");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialFileName(lesson.titleProperty().get().replaceAll("[\\\\/:*?\"<>|]", "_") + " score.csv");
        java.io.File file = chooser.showSaveDialog(window.getScene() == null ? null : window.getScene().getWindow());
        if (file != null) {
            export.export(lesson.titleProperty().get(), lesson.attempts(), file.toPath(), app::showNotice);
        }
    }

    /**
     * Alt+Left / Alt+Right where no text field takes them, and Page Up / Page Down where no
     * list, table or text field takes them, go to the previous / next step while a lesson is open; the presenter size scales the
     * window's font.
     */
    void install(Node window) {
        KeyCombination back = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN);
        KeyCombination forward = new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN);
        window.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!lesson.activeProperty().get()) {
                return;
            }
            // in a text field Alt+←/→ moves the caret by words (macOS), as it would without a lesson
            boolean typing = e.getTarget() instanceof TextInputControl;
            if (back.match(e) && !typing) {
                lesson.previous();
                e.consume();
            } else if (forward.match(e) && !typing) {
                lesson.next();
                e.consume();
            } else if ((e.getCode() == KeyCode.PAGE_UP || e.getCode() == KeyCode.PAGE_DOWN) && !e.isShortcutDown()
                    && !(e.getTarget() instanceof TextInputControl || e.getTarget() instanceof ListView
                            || e.getTarget() instanceof TableView)) {
                if (e.getCode() == KeyCode.PAGE_UP) {
                    lesson.previous();
                } else {
                    lesson.next();
                }
                e.consume();
            }
        });
        lesson.presenterPercentProperty().addListener((o, a, b) -> presenter(window, b.intValue()));
        presenter(window, lesson.presenterPercentProperty().get());
    }

    private static void presenter(Node window, int percent) {
        window.setStyle(percent == 100 ? "" : "-fx-font-size: " + (13 * percent / 100.0) + "px;");
    }

    /**
     * Locks a position editor's inputs the step names (instructor mode).
     *
     * @param editor  the position's editor, not null
     * @param id      the position's id
     */
    static void lockInputs(Node editor, String id, AccountViewModel account) {
        LockedInputs locks = account.lockedInputs();
        for (InputField f : InputField.values()) {
            if (find(editor, f.nodeId()) instanceof Control c) {
                locks.install(c, id + "." + f.fileField());
            }
        }
        String[][] others = {{"symbol", "symbol"}, {"sideLong", "side"}, {"sideShort", "side"},
            {"modeIsolated", "marginMode"}, {"modeCross", "marginMode"}, {"leverageSlider", "leverage"},
            {"marginFromLeverage", "isolatedMargin"}};
        for (String[] o : others) {
            if (find(editor, o[0]) instanceof Control c) {
                locks.install(c, id + "." + o[1]);
            }
        }
    }

    /**
     * The node with an id below a root, looking into scroll panes' and titled panes' content too
     * (a control without its skin yet has no children: the editor is not shown when it is built).
     */
    private static Node find(Node root, String id) {
        if (id.equals(root.getId())) {
            return root;
        }
        List<Node> children = new java.util.ArrayList<>();
        if (root instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
            children.add(sp.getContent());
        } else if (root instanceof javafx.scene.control.TitledPane tp && org.marginlab.app.ui.Collapsed.of(tp) != null) {
            children.add(org.marginlab.app.ui.Collapsed.of(tp)); // a collapsed pane's content joins the scene later
        } else if (root instanceof javafx.scene.Parent p) {
            children.addAll(p.getChildrenUnmodifiable());
        }
        for (Node c : children) {
            Node found = find(c, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Locks the account bar's venue and wallet (instructor mode). */
    static void lockAccountInputs(Node bar, AccountViewModel account) {
        if (bar.lookup("#walletBalance") instanceof Control c) {
            account.lockedInputs().install(c, "walletBalance");
        }
        if (bar.lookup("#venue") instanceof Control c) {
            account.lockedInputs().install(c, "venue");
        }
    }
}
