package org.marginlab.app.workspace;

import org.marginlab.app.model.InputField;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.marginlab.app.AppViewModel;

/**
 * The child process of {@link AutosaveRecoveryTest}: the application's view-model with real
 * autosave, a single thread standing in for the UI thread. It opens the sample, types a
 * quantity, waits until the autosave is on disk, says so, and waits to be killed.
 */
public final class AutosaveChild {
    private AutosaveChild() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        ExecutorService ui = Executors.newSingleThreadExecutor();
        ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor();
        ui.submit(() -> {
            AppViewModel vm = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
            vm.openSample(Samples.BTC_LONG_ISOLATED);
            vm.setAutosave(new Autosave(data, background, ui, 200));
            vm.position().textProperty(InputField.QUANTITY).set("0.7");
            vm.position().textProperty(InputField.QUANTITY).set("0.75");
            return null;
        }).get();
        Path file = data.resolve("autosave").resolve("workspace.marginlab");
        while (!Files.exists(file) || Autosave.find(data).isEmpty()
                || Autosave.find(data).get().workspace().positions().get(0).quantity().compareTo(new BigDecimal("0.75")) != 0) {
            Thread.sleep(20);
        }
        System.out.println("AUTOSAVED");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
