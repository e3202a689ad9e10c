package org.marginlab.app.startup;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The floor for start-up measurements: a bare JavaFX window with one {@link Label}, linked into
 * the same jlink image as MarginLab and started the same way, with the same JVM options:
 * <pre>app/target/marginlab/bin/java &lt;the launcher's options&gt; -m org.marginlab.app/org.marginlab.app.startup.BareWindow</pre>
 * It reports its first frame through {@link StartupProbe} like the app does
 * ({@code installers/measure-startup.sh}).
 */
public final class BareWindow extends Application {

    /**
     * @param args  ignored
     */
    public static void main(String[] args) {
        StartupProbe.mark("main");
        Application.launch(BareWindow.class, args);
    }

    @Override
    public void start(Stage stage) {
        StartupProbe.mark("start");
        stage.setTitle("Bare window");
        // the same size as MarginLab's window, so both paint the same number of pixels
        stage.setScene(new Scene(new Label("A bare JavaFX window"), 1180, 660));
        stage.show();
        StartupProbe.mark("shown");
        StartupProbe.afterShown(stage);
        StartupProbe.ready(stage);
    }
}
