package org.marginlab.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.marginlab.app.workspace.RecentFiles;

import atlantafx.base.theme.PrimerLight;

/**
 * The desktop application: one window on a workspace. It opens the {@code .marginlab} file
 * given on the command line, else the bundled sample, so real numbers show at once.
 */
public final class MarginLabApp extends Application {

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        AppViewModel model = new AppViewModel(displayLocale(), new RecentFiles(RecentFiles.defaultStore()),
                org.marginlab.app.workspace.DocumentDialogs.NONE);
        model.openSample(org.marginlab.app.workspace.Samples.BTC_LONG_ISOLATED);
        stage.setScene(createScene(model, stage::close));
        FxDocumentDialogs dialogs = new FxDocumentDialogs(stage);
        model.setDialogs(dialogs);
        stage.titleProperty().bind(model.titleProperty());
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        stage.setOnCloseRequest(e -> {
            if (!model.confirmClose()) {
                e.consume();
            }
        });
        stage.show();
        Optional<Path> file = Main.fileToOpen();
        file.ifPresent(model::open);
    }

    /**
     * Builds the window's scene for a model; used by the application and by UI tests.
     *
     * @param model   the application view-model, not null
     * @param onQuit  what File → Quit does, not null
     * @return the scene, never null
     */
    public static Scene createScene(AppViewModel model, Runnable onQuit) {
        MainView view = new MainView(model, onQuit);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1280, screen.getWidth()), Math.min(880, screen.getHeight()));
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

    private static Locale displayLocale() {
        String tag = System.getProperty("marginlab.locale");
        return tag == null || tag.isBlank() ? Locale.getDefault(Locale.Category.FORMAT) : Locale.forLanguageTag(tag);
    }
}
