package org.marginlab.app.workspace;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The questions a document command may need to ask the user. The view implements it with file
 * choosers and alerts; tests answer with fixed replies. Keeps every dialog decision out of the
 * view-models' callers and out of lambdas in views.
 */
public interface DocumentDialogs {

    /** Dialogs that cancel every question and ignore errors (tests, headless starts). */
    DocumentDialogs NONE = cancelling((title, message) -> { });

    /**
     * Dialogs that cancel every question and hand each error to a consumer, e.g. to show it
     * later, once the window can show dialogs.
     *
     * @param errors  receives (title, message) of each error, not null
     * @return the dialogs, never null
     */
    static DocumentDialogs cancelling(BiConsumer<String, String> errors) {
        return new DocumentDialogs() {
            @Override
            public Optional<Path> chooseFileToOpen() {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseFileToSave(String suggestedName) {
                return Optional.empty();
            }

            @Override
            public Discard confirmDiscard(String workspaceName) {
                return Discard.CANCEL;
            }

            @Override
            public void showError(String title, String message) {
                errors.accept(title, message);
            }
        };
    }

    /** The answer to "save changes before …?". */
    enum Discard { SAVE, DISCARD, CANCEL }

    /** @return the file to open, or empty if the user cancelled */
    Optional<Path> chooseFileToOpen();

    /**
     * @param suggestedName  a file name to start from, e.g. {@code BTC long.marginlab}
     * @return where to save, or empty if the user cancelled
     */
    Optional<Path> chooseFileToSave(String suggestedName);

    /**
     * @param workspaceName  the name of the workspace with unsaved changes
     * @return whether to save first, discard the changes, or cancel the command
     */
    Discard confirmDiscard(String workspaceName);

    /**
     * Tells the user something went wrong; the application carries on.
     *
     * @param title    a short headline
     * @param message  what went wrong and what was kept, naming the field or file
     */
    void showError(String title, String message);
}
