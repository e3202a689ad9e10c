package org.marginlab.app.kill;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.marginlab.app.AppViewModel;
import org.marginlab.app.MarginLabApp;
import org.marginlab.app.model.InputField;
import org.marginlab.app.ui.LatestOnly;
import org.marginlab.app.workspace.Autosave;
import org.marginlab.app.workspace.DocumentDialogs;
import org.marginlab.app.workspace.RecentFiles;

/**
 * The child process of {@link AppKillTest}: the real window (headless Monocle, as the UI tests)
 * with the app's own background file I/O and autosave, on a workspace file. On the JavaFX thread
 * it types quantity after quantity into the selected position ({@code 0.1001}, {@code 0.1002} …);
 * every third edit it also saves the file (File → Save, written on the io thread) and goes on
 * typing while it is written; after each edit it waits until that edit is safe (in the saved file
 * with nothing unsaved, or in its autosave) and prints {@code SAFE n}. It runs until it is killed.
 *
 * <p>Arguments: the data folder, the workspace file.
 */
public final class AppKillChild {
    private AppKillChild() {
    }

    /** @return the quantity the child types at edit {@code n} */
    public static BigDecimal quantity(int n) {
        return new BigDecimal("0.1").add(BigDecimal.valueOf(n, 4));
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path file = Path.of(args[1]);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        ScheduledExecutorService autosaveThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "autosave");
            t.setDaemon(true);
            return t;
        });
        Autosave autosave = new Autosave(data, autosaveThread, Platform::runLater, 20);
        AppViewModel[] app = new AppViewModel[1];
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            AppViewModel vm = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
            vm.open(file);
            vm.setFileExecutors(LatestOnly.daemonThread("io"), Platform::runLater);
            vm.setAutosave(autosave);
            Stage stage = new Stage();
            stage.setScene(MarginLabApp.createScene(vm));
            stage.show();
            app[0] = vm;
            shown.countDown();
        });
        shown.await();
        System.out.println("READY");
        System.out.flush();
        for (int n = 1; ; n++) {
            int edit = n;
            CountDownLatch typed = new CountDownLatch(1);
            Platform.runLater(() -> {
                app[0].position().textProperty(InputField.QUANTITY).set(quantity(edit).toPlainString());
                if (edit % 3 == 0) {
                    app[0].save();
                }
                typed.countDown();
            });
            typed.await();
            // safe: saved in the file (nothing unsaved), or in the autosave
            while (true) {
                java.util.concurrent.CompletableFuture<Boolean> clean = new java.util.concurrent.CompletableFuture<>();
                Platform.runLater(() -> clean.complete(!app[0].dirtyProperty().get()));
                if (clean.get() || autosave.saved().map(r -> r.workspace().positions().get(0).quantity()
                        .compareTo(quantity(edit)) == 0).orElse(false)) {
                    break;
                }
                Thread.sleep(2);
            }
            System.out.println("SAFE " + edit);
            System.out.flush();
        }
    }
}
