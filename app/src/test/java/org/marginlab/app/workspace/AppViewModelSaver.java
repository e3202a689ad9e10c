package org.marginlab.app.workspace;

import java.nio.file.Path;

import org.marginlab.app.AppViewModel;
import org.marginlab.app.ScriptedDialogs;

/** Saves an {@link AppViewModel} to a given file through its Save As command (tests). */
final class AppViewModelSaver {
    private AppViewModelSaver() {
    }

    static boolean saveAs(AppViewModel vm, Path target) {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        dialogs.save = target;
        vm.setDialogs(dialogs);
        boolean saved = vm.saveAs();
        if (!dialogs.errors().isEmpty()) {
            throw new AssertionError(dialogs.errors());
        }
        return saved;
    }
}
