package org.marginlab.app;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import javafx.css.Stylesheet;

import org.marginlab.app.settings.Preferences;
import org.marginlab.app.startup.StartupProbe;
import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.RecentFiles;
import org.marginlab.app.workspace.Samples;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;

/**
 * What the desktop app needs before its first frame (preferences, the application view-model
 * with the workspace open and evaluated: the file given on the command line, else the bundled
 * sample), prepared on a background thread while the
 * JavaFX toolkit starts, so that the two overlap on a multi-core machine.
 *
 * <p>{@link Main} calls {@link #begin()} before {@code Application.launch};
 * {@link MarginLabApp#start} takes the result with {@link #take()}. Nothing here touches the
 * scene graph: the view-model holds no {@code javafx.scene} types, and the result is handed to
 * the JavaFX Application Thread through the future (which orders the memory accesses). If
 * {@link #begin()} was not called (tests, a launch from elsewhere), {@link #take()} prepares on
 * the calling thread.
 */
final class AppStart {
    /**
     * The prepared state.
     *
     * @param prefs   the user's preferences (defaults where the file is missing or broken)
     * @param model   the application view-model on the workspace, with no dialogs yet
     * @param errors  what opening the file given on the command line reported, to show once the
     *                window can show dialogs; empty if it opened or none was given
     */
    record Prepared(Preferences prefs, AppViewModel model, List<OpenError> errors,
            java.util.Optional<org.marginlab.app.workspace.Autosave.Recovered> recovered) {
    }

    /**
     * An error for the user, as a dialog would show it.
     *
     * @param title    the dialog's header, e.g. {@code Could not open broken.marginlab}
     * @param message  what went wrong and what stayed as it was
     */
    record OpenError(String title, String message) {
    }

    private static FutureTask<Prepared> task;

    private AppStart() {
    }

    /** Starts preparing on a daemon thread; call at most once, before the toolkit starts. */
    static synchronized void begin() {
        if (task != null) {
            return;
        }
        task = new FutureTask<>(AppStart::prepare);
        Thread thread = new Thread(task, "marginlab-prepare");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * @return the prepared state: from {@link #begin()}'s thread (waiting for it), else prepared now
     * @throws RuntimeException  what preparing threw (an {@link Error} is rethrown as is)
     */
    static Prepared take() {
        FutureTask<Prepared> started;
        synchronized (AppStart.class) {
            started = task;
            task = null;
        }
        if (started == null) {
            return prepare();
        }
        try {
            return started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return prepare();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Reads the theme's binary stylesheet once and drops it: this loads and warms up the CSS
     * reading code, so the JavaFX thread's own read of the same stylesheet, right before the
     * first frame, takes less time. Touches no scene and no toolkit state; a failure only costs
     * the warm-up.
     */
    private static void warmUpTheme(Preferences.Theme theme) {
        try {
            Theme atlantafx = theme == Preferences.Theme.LIGHT ? new PrimerLight() : new PrimerDark();
            URL bss = Theme.class.getResource(atlantafx.getUserAgentStylesheetBSS());
            if (bss != null) {
                Stylesheet.loadBinary(bss);
            }
        } catch (IOException | RuntimeException e) {
            // only a warm-up
        }
        StartupProbe.mark("theme warmed up");
    }

    private static Prepared prepare() {
        // file I/O of the start, here on the preparing thread, not on the JavaFX thread: the log,
        // the preferences, the recent files, the file to open, an autosave left by a crash
        java.nio.file.Path dataFolder = org.marginlab.app.workspace.Autosave.defaultFolder();
        ErrorReporter.install(dataFolder);
        // the tier tables the user refreshed earlier (never fetched here): installed before the first evaluation
        org.marginlab.app.tiers.TierStore.Loaded tiers = org.marginlab.app.tiers.TierStore.installStored(dataFolder);
        java.util.Optional<org.marginlab.app.workspace.Autosave.Recovered> recovered =
                org.marginlab.app.workspace.Autosave.find(dataFolder);
        Preferences prefs = Preferences.load(RecentFiles.configDir().resolve("preferences.properties"));
        String forced = System.getProperty("marginlab.locale");
        Locale locale = forced != null ? Locale.forLanguageTag(forced) : prefs.numberLocale();
        List<OpenError> errors = new ArrayList<>();
        // the file to open is opened right after the bundled sample, which has no changes to lose
        DocumentDialogs collecting = DocumentDialogs.cancelling(
                (title, message) -> errors.add(new OpenError(title, message)));
        AppViewModel model = new AppViewModel(locale, new RecentFiles(RecentFiles.defaultStore()), collecting);
        model.setDefaultVenue(prefs.defaultVenue());
        model.openSample(Samples.BTC_LONG_ISOLATED);
        Main.fileToOpen().ifPresent(model::open);
        // a lesson's first frame already hides what its first step hides (nothing is shown yet)
        org.marginlab.app.course.LessonViewModel.hideFirstStep(model.account());
        model.setDialogs(DocumentDialogs.NONE);
        if (!tiers.problems().isEmpty()) {
            String opened = model.messageProperty().get(); // what opening the file said, kept
            model.showNotice((opened.isEmpty() ? "" : opened + " ") + String.join(" ", tiers.problems()));
        }
        StartupProbe.mark("prepared");
        warmUpTheme(prefs.theme());
        return new Prepared(prefs, model, List.copyOf(errors), recovered);
    }
}
