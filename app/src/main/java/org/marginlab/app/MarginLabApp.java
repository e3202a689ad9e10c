package org.marginlab.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

import org.kordamp.ikonli.javafx.FontIcon;
import org.marginlab.app.position.PositionView;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.workspace.WorkspaceException;
import org.marginlab.app.workspace.WorkspaceFile;
import org.marginlab.engine.ValidationException;

import atlantafx.base.theme.PrimerLight;

/**
 * The desktop application: one window on a workspace, opened on the bundled sample so real
 * numbers show at once.
 */
public final class MarginLabApp extends Application {

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Locale locale = displayLocale();
        AppViewModel model;
        String problem = null;
        Optional<Path> file = Main.fileToOpen();
        if (file.isPresent()) {
            try {
                model = AppViewModel.of(WorkspaceFile.read(file.get()).workspace(), locale);
            } catch (WorkspaceException | ValidationException e) {
                problem = file.get().getFileName() + " could not be opened: " + e.getMessage();
                model = AppViewModel.openSample(locale);
            }
        } else {
            model = AppViewModel.openSample(locale);
        }
        stage.setScene(createScene(model));
        stage.titleProperty().bind(model.titleProperty());
        stage.setMinWidth(980);
        stage.setMinHeight(600);
        stage.show();
        if (problem != null) {
            Alert alert = new Alert(Alert.AlertType.WARNING, problem + "\n\nThe bundled sample is shown instead.");
            alert.setHeaderText("The workspace could not be opened");
            alert.initOwner(stage);
            alert.show();
        }
    }

    /**
     * Builds the window's scene for a model; used by the application and by UI tests.
     *
     * @param model  the application view-model, not null
     * @return the scene, never null
     */
    public static Scene createScene(AppViewModel model) {
        PositionViewModel position = model.position();
        Label title = new Label("MarginLab", new FontIcon("mdi2c-calculator-variant"));
        title.getStyleClass().add("app-title");
        Label name = new Label();
        name.setId("workspaceName");
        name.getStyleClass().add("workspace-name");
        name.textProperty().bind(model.workspaceNameProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label venue = new Label(position.venueName(), new FontIcon("mdi2b-bank-outline"));
        HBox header = new HBox(title, name, spacer, venue);
        header.getStyleClass().add("app-header");

        BorderPane root = new BorderPane(new PositionView(position));
        root.setTop(header);
        Scene scene = new Scene(root, 1180, 660);
        scene.getStylesheets().add(MarginLabApp.class.getResource("app.css").toExternalForm());
        return scene;
    }

    private static Locale displayLocale() {
        String tag = System.getProperty("marginlab.locale");
        return tag == null || tag.isBlank() ? Locale.getDefault(Locale.Category.FORMAT) : Locale.forLanguageTag(tag);
    }
}
