package org.marginlab.app.help;

import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Help → Report a problem: where the log is, to attach to a report, with buttons to open that
 * folder in the system's file manager and to copy its path. Nothing is sent anywhere.
 *
 * <p>Use on the JavaFX thread.
 */
public final class ProblemReport {
    private ProblemReport() {
    }

    /**
     * Builds the dialog.
     *
     * @param logFolder   the folder of the log files, or null when the log could not be set up
     * @param openFolder  opens a folder in the system's file manager (e.g. {@code HostServices::showDocument}
     *                    on its URI), not null
     * @return the dialog, not shown
     */
    public static Alert create(Path logFolder, Consumer<String> openFolder) {
        ButtonType open = new ButtonType("Open log folder", ButtonBar.ButtonData.LEFT);
        ButtonType copy = new ButtonType("Copy path", ButtonBar.ButtonData.LEFT);
        Alert alert = logFolder == null
                ? new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE)
                : new Alert(Alert.AlertType.INFORMATION, "", open, copy, ButtonType.CLOSE);
        alert.setTitle("Report a problem");
        alert.setHeaderText("Report a problem");
        alert.getDialogPane().setId("problemReport");
        Label text = new Label(logFolder == null
                ? "The log could not be set up in this session, so there is no file to attach. Describe what you did "
                        + "and what you saw; the workspace file helps too."
                : "Describe what you did and what you saw, and attach the log files from this folder (marginlab-0.log is "
                        + "the newest) and, if you can, the workspace file. MarginLab sends nothing by itself.");
        text.setWrapText(true);
        VBox content = new VBox(8, text);
        if (logFolder != null) {
            TextField path = new TextField(logFolder.toString());
            path.setId("logFolderPath");
            path.setEditable(false);
            content.getChildren().add(path);
            // the two buttons act without closing the dialog
            alert.getDialogPane().lookupButton(open).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
                openFolder.accept(logFolder.toUri().toString());
                e.consume();
            });
            alert.getDialogPane().lookupButton(copy).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
                ClipboardContent c = new ClipboardContent();
                c.putString(logFolder.toString());
                Clipboard.getSystemClipboard().setContent(c);
                e.consume();
            });
        }
        content.setPrefWidth(480);
        alert.getDialogPane().setContent(content);
        alert.setResizable(true);
        return alert;
    }

    /**
     * Shows the dialog, modal to its owner, and returns at once.
     *
     * @param owner       the main window, or null
     * @param logFolder   the log folder, or null
     * @param openFolder  opens a folder, not null
     * @return the dialog, showing
     */
    public static Alert show(Window owner, Path logFolder, Consumer<String> openFolder) {
        Alert a = create(logFolder, openFolder);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.show();
        return a;
    }
}
