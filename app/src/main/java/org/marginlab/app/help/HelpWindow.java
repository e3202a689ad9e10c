package org.marginlab.app.help;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.marginlab.app.account.RuleSetText;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

import atlantafx.base.theme.Styles;

/**
 * Help's window: the user guide, the formula reference of every venue and the keyboard
 * shortcuts, on three tabs. Offline, built from {@link UserGuide} and {@link FormulaReference}
 * and, for the shortcuts, from the main window's own menus (so that they never disagree). One
 * window: asking again brings it to the front on the tab asked for.
 *
 * <p>Use on the JavaFX thread.
 */
public final class HelpWindow {
    /** The tabs, in order. */
    public enum Page { GUIDE, FORMULAS, SHORTCUTS }

    private final Stage stage = new Stage();
    private final TabPane tabs = new TabPane();

    private HelpWindow(Window owner, MenuBar menus, List<String> stylesheets) {
        stage.setTitle("MarginLab Help");
        if (owner != null) {
            stage.initOwner(owner);
        }
        tabs.setId("helpTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(tab("User guide", "helpGuide", guide()), tab("Formula reference", "helpFormulas", formulas()),
                tab("Keyboard shortcuts", "helpShortcuts", shortcuts(menus)));
        Scene scene = new Scene(tabs, 760, 640);
        scene.getStylesheets().addAll(stylesheets);
        stage.setScene(scene);
    }

    /**
     * Opens (or brings forward) Help on a page.
     *
     * @param existing  the window opened before, or null
     * @param owner     the main window, or null
     * @param menus     the main window's menus, for the shortcuts, not null
     * @param page      the tab to show, not null
     * @return the window, showing
     */
    public static HelpWindow show(HelpWindow existing, Window owner, MenuBar menus, Page page) {
        HelpWindow w = existing != null ? existing
                : new HelpWindow(owner, menus, owner == null || owner.getScene() == null ? List.of()
                        : owner.getScene().getStylesheets());
        w.tabs.getSelectionModel().select(page.ordinal());
        w.stage.show();
        w.stage.toFront();
        return w;
    }

    /**
     * Opens the formula reference on a venue: its section expanded and scrolled to, the others
     * as they were.
     *
     * @param venueId  a rule-set id (without a version); an unknown id changes nothing
     */
    public void showVenue(String venueId) {
        tabs.getSelectionModel().select(Page.FORMULAS.ordinal());
        // looked up in the tab's own content: a tab not shown yet is not in the scene
        ScrollPane scroll = (ScrollPane) tabs.getTabs().get(Page.FORMULAS.ordinal()).getContent();
        javafx.scene.Node pane = scroll.getContent().lookup("#formulas-" + venueId);
        if (!(pane instanceof TitledPane t)) {
            return;
        }
        // only this venue open, the others folded to their titles
        for (javafx.scene.Node n : ((javafx.scene.layout.Pane) scroll.getContent()).getChildren()) {
            if (n instanceof TitledPane other && other != t) {
                other.setExpanded(false);
            }
        }
        t.setAnimated(false);
        t.setExpanded(true);
        t.setAnimated(true);
        Runnable scrollTo = () -> {
            Region content = (Region) scroll.getContent();
            content.applyCss();
            content.layout();
            double contentHeight = content.getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            if (contentHeight > viewport) {
                scroll.setVvalue(Math.min(1, t.getBoundsInParent().getMinY() / (contentHeight - viewport)));
            }
        };
        javafx.application.Platform.runLater(() -> javafx.application.Platform.runLater(scrollTo));
    }

    /** @return its stage (tests close it) */
    public Stage stage() {
        return stage;
    }

    private static Tab tab(String title, String id, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    private static ScrollPane scroll(Region content) {
        content.setPadding(new Insets(16, 20, 16, 20));
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        return s;
    }

    private static Node guide() {
        VBox box = new VBox(8);
        box.setId("guideText");
        for (UserGuide.Topic t : UserGuide.TOPICS) {
            Label heading = new Label(t.title());
            heading.getStyleClass().add(Styles.TITLE_4);
            heading.setPadding(new Insets(8, 0, 0, 0));
            box.getChildren().add(heading);
            for (String p : t.paragraphs()) {
                box.getChildren().add(paragraph(p));
            }
        }
        return scroll(box);
    }

    private static Node formulas() {
        VBox box = new VBox(8);
        box.setId("formulaText");
        box.getChildren().add(paragraph("The formulas MarginLab computes with, venue by venue, and where each comes from. "
                + "Spec sections refer to the project's margin-formulas.md, or venues-v2.md where named. Rule sets change "
                + "over time: each venue lists its dated versions, and a workspace's asOf (or a pinned id@version) picks one."));
        for (String symbol : FormulaReference.SYMBOLS) {
            Label l = paragraph(symbol);
            l.getStyleClass().add(Styles.TEXT_SMALL);
            box.getChildren().add(l);
        }
        for (VenueRules v : Venues.all()) {
            GridPane grid = new GridPane();
            grid.setHgap(12);
            grid.setVgap(6);
            int row = 0;
            for (FormulaReference.Entry e : FormulaReference.of(v.id()).orElse(List.of())) {
                Label figure = new Label(e.figure());
                figure.getStyleClass().add(Styles.TEXT_BOLD);
                figure.setMinWidth(Region.USE_PREF_SIZE);
                Label formula = paragraph(e.formula());
                formula.getStyleClass().add("formula");
                Label source = paragraph(e.source());
                source.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                grid.add(figure, 0, row);
                grid.add(new VBox(2, formula, source), 1, row++);
                GridPane.setHgrow(grid.getChildren().get(grid.getChildren().size() - 1), Priority.ALWAYS);
            }
            Label versions = paragraph("Versions: " + String.join("; ", Venues.versions(v.id()).stream()
                    .map(RuleSetText::describe).toList()));
            versions.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            versions.setId("versions-" + v.id());
            TitledPane pane = new TitledPane(v.displayName() + " (" + v.id() + ")", new VBox(8, versions, grid));
            pane.setId("formulas-" + v.id());
            pane.setExpanded(v.id().equals("binance-usdm"));
            box.getChildren().add(pane);
        }
        return scroll(box);
    }

    /** A shortcut: what it does and its keys. */
    record Shortcut(String action, String keys) {
    }

    /**
     * @param menus  the main window's menus
     * @return every menu item with a shortcut, menu by menu, then the editor's keys
     */
    static List<Shortcut> shortcutsOf(MenuBar menus) {
        List<Shortcut> out = new ArrayList<>();
        for (Menu m : menus.getMenus()) {
            collect(m, strip(m.getText()), out);
        }
        for (UserGuide.Key k : UserGuide.EDITOR_KEYS) {
            out.add(new Shortcut(k.action(), k.keys()));
        }
        return out;
    }

    private static void collect(Menu menu, String path, List<Shortcut> out) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, path + " → " + strip(sub.getText()), out);
            } else if (item.getAccelerator() != null && item.getText() != null) {
                out.add(new Shortcut(path + " → " + strip(item.getText()), item.getAccelerator().getDisplayText()));
            }
        }
    }

    private static String strip(String menuText) {
        return menuText == null ? "" : menuText.replaceFirst("_(?=.)", "");
    }

    private static Node shortcuts(MenuBar menus) {
        TableView<Shortcut> table = new TableView<>();
        table.setId("shortcutTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Shortcut, String> action = new TableColumn<>("Action");
        action.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().action()));
        action.setPrefWidth(420);
        TableColumn<Shortcut, String> keys = new TableColumn<>("Keys");
        keys.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().keys()));
        table.getColumns().add(action);
        table.getColumns().add(keys);
        table.getItems().setAll(shortcutsOf(menus));
        return table;
    }

    private static Label paragraph(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }
}
