package org.marginlab.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.marginlab.app.workspace.DocumentDialogs;

/** {@link DocumentDialogs} for tests: answers from its fields and records every error shown. */
public final class ScriptedDialogs implements DocumentDialogs {
    /** The file "chosen" to open, or null to cancel. */
    public Path open;
    /** The file "chosen" to save to, or null to cancel. */
    public Path save;
    /** The answer to "save changes first?". */
    public Discard discard = Discard.CANCEL;
    /** The titles of the errors shown, in order. */
    public final List<String> titles = new ArrayList<>();
    /** The messages of the errors shown, in order. */
    public final List<String> messages = new ArrayList<>();
    /** How often "save changes first?" was asked. */
    public int discardQuestions;

    @Override
    public Optional<Path> chooseFileToOpen() {
        return Optional.ofNullable(open);
    }

    @Override
    public Optional<Path> chooseFileToSave(String suggestedName) {
        return Optional.ofNullable(save);
    }

    @Override
    public Discard confirmDiscard(String workspaceName) {
        discardQuestions++;
        return discard;
    }

    @Override
    public void showError(String title, String message) {
        titles.add(title);
        messages.add(message);
    }

    /** @return each error shown as {@code title: message} */
    public List<String> errors() {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            all.add(titles.get(i) + ": " + messages.get(i));
        }
        return all;
    }
}
