package org.marginlab.app.workspace;

import java.nio.file.Path;
import java.util.Optional;

import org.marginlab.app.AppViewModel;

/** Saves an {@link AppViewModel} to a given file through its Save As command (tests). */
final class AppViewModelSaver {
    private AppViewModelSaver() {
    }

    static boolean saveAs(AppViewModel vm, Path target) {
        vm.setDialogs(new DocumentDialogs() {
            @Override
            public Optional<Path> chooseFileToOpen() {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseFileToSave(String suggestedName) {
                return Optional.of(target);
            }

            @Override
            public Discard confirmDiscard(String workspaceName) {
                return Discard.CANCEL;
            }

            @Override
            public void showError(String title, String message) {
                throw new AssertionError(title + ": " + message);
            }
        });
        return vm.saveAs();
    }
}
