package org.marginlab.app.startup;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.marginlab.app.position.Figure;
import org.marginlab.app.position.PositionViewModel;

/**
 * The window's first frame: the header of the main window (product name, workspace name) and,
 * for each position of the workspace being opened (the first {@value #MAX_LINES}), one line
 * with its liquidation price, so the first thing painted already answers the question the app
 * exists for. It is a handful of labels, cheap to style and lay out; the main window replaces it
 * right after it has been rendered ({@code MarginLabApp}). It only binds to the view-model.
 */
public final class StartupShell extends BorderPane {
    /** At most this many position lines, so that a large workspace keeps the first frame light. */
    static final int MAX_LINES = 12;

    /**
     * Takes the two pieces of the application view-model it shows, not the view-model itself,
     * so that this package does not depend on the composition root that uses it.
     *
     * @param workspaceName  the open workspace's name, not null
     * @param positions      the open workspace's position view-models, not null
     */
    public StartupShell(ObservableStringValue workspaceName, List<PositionViewModel> positions) {
        setId("startupShell");
        getStyleClass().add("main-view");

        // where the menu bar will be, so the header does not jump when the main window replaces this
        HBox menus = new HBox();
        menus.getStyleClass().add("startup-menus");
        for (String menu : new String[] {"File", "Edit", "Position", "View", "Help"}) {
            menus.getChildren().add(new Label(menu));
        }

        Label title = new Label("MarginLab");
        title.getStyleClass().add("app-title");
        Label name = new Label();
        name.getStyleClass().add("workspace-name");
        name.textProperty().bind(workspaceName);
        HBox header = new HBox(title, name);
        header.getStyleClass().add("app-header");
        setTop(new VBox(menus, header));

        VBox lines = new VBox(6);
        lines.getStyleClass().add("startup-lines");
        for (PositionViewModel p : positions.subList(0, Math.min(MAX_LINES, positions.size()))) {
            Label summary = new Label();
            summary.textProperty().bind(p.summaryProperty());
            Label liquidation = new Label();
            liquidation.textProperty().bind(Bindings.concat("liquidation price ",
                    p.figureProperty(Figure.LIQUIDATION_PRICE)));
            liquidation.getStyleClass().add("startup-figure");
            lines.getChildren().add(new HBox(16, summary, liquidation));
        }
        if (positions.size() > MAX_LINES) {
            lines.getChildren().add(new Label("… and " + (positions.size() - MAX_LINES) + " more positions"));
        }
        Label opening = new Label("Opening the workspace…");
        opening.getStyleClass().add("startup-opening");
        lines.getChildren().add(opening);
        lines.setAlignment(Pos.TOP_LEFT);
        setCenter(lines);
    }
}
