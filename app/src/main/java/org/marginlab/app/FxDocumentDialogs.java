package org.marginlab.app;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.WorkspaceFile;

/** {@link DocumentDialogs} with JavaFX file choosers and alerts, owned by the main window. */
final class FxDocumentDialogs implements DocumentDialogs {
    private final Window owner;
    private File lastFolder;

    FxDocumentDialogs(Window owner) {
        this.owner = owner;
    }

    private FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("MarginLab workspaces", "*" + WorkspaceFile.EXTENSION),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            c.setInitialDirectory(lastFolder);
        }
        return c;
    }

    @Override
    public Optional<Path> chooseFileToOpen() {
        File f = chooser("Open workspace").showOpenDialog(owner);
        if (f != null) {
            lastFolder = f.getParentFile();
        }
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String suggestedName) {
        FileChooser c = chooser("Save workspace");
        c.setInitialFileName(suggestedName);
        File f = c.showSaveDialog(owner);
        if (f != null) {
            lastFolder = f.getParentFile();
        }
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Discard confirmDiscard(String workspaceName) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "“" + workspaceName + "” has unsaved changes. Save them first?", save, discard, ButtonType.CANCEL);
        alert.setHeaderText("Save changes?");
        alert.initOwner(owner);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return Discard.CANCEL;
        }
        return answer.get() == save ? Discard.SAVE : Discard.DISCARD;
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.WARNING, message);
        alert.setHeaderText(title);
        alert.initOwner(owner);
        alert.show();
    }
}
