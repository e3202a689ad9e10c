package org.marginlab.app.workspace;

import org.marginlab.app.model.InputField;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.marginlab.app.AppViewModel;

/**
 * The child process of {@link AutosaveRecoveryTest}: the application's view-model with real
 * autosave, a single thread standing in for the UI thread. It opens the sample, types a
 * quantity (the second argument, default 0.75), waits until the autosave is on disk, says so,
 * and waits to be killed (or to read a line on its input: then it quits cleanly, as File → Quit).
 */
public final class AutosaveChild {
    private AutosaveChild() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        ExecutorService ui = Executors.newSingleThreadExecutor();
        ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor();
        String quantity = args.length > 1 ? args[1] : "0.75";
        Autosave autosave = new Autosave(data, background, ui, 200);
        ui.submit(() -> {
            AppViewModel vm = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
            vm.openSample(Samples.BTC_LONG_ISOLATED);
            vm.setAutosave(autosave);
            vm.position().textProperty(InputField.QUANTITY).set("0.7");
            vm.position().textProperty(InputField.QUANTITY).set(quantity);
            return null;
        }).get();
        while (autosave.saved().isEmpty()
                || autosave.saved().get().workspace().positions().get(0).quantity().compareTo(new BigDecimal(quantity)) != 0) {
            Thread.sleep(20);
        }
        System.out.println("AUTOSAVED");
        System.out.flush();
        if (new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine() != null) {
            ui.submit(autosave::discard).get(); // a clean quit: AppViewModel.shutdown
            background.submit(() -> { }).get();
            System.out.println("QUIT");
            System.out.flush();
            System.exit(0);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
