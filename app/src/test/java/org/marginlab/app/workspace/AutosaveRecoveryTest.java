package org.marginlab.app.workspace;

import org.marginlab.app.model.InputField;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginlab.app.AppViewModel;

/**
 * Autosave and recovery: unsaved edits reach the data folder after the debounce; a process
 * killed with SIGKILL leaves them there and the next start finds them; a save or a clean exit
 * removes them.
 */
class AutosaveRecoveryTest {
    @TempDir
    Path data;

    /** A scheduler that runs delayed work immediately on the calling thread (deterministic tests). */
    private static ScheduledExecutorService immediate() {
        return new java.util.concurrent.ScheduledThreadPoolExecutor(1) {
            @Override
            public java.util.concurrent.ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
                command.run();
                return super.schedule(() -> { }, 0, TimeUnit.MILLISECONDS);
            }

            @Override
            public void execute(Runnable command) {
                command.run();
            }
        };
    }

    private AppViewModel model(ScheduledExecutorService scheduler) {
        AppViewModel vm = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        vm.openSample(Samples.BTC_LONG_ISOLATED);
        vm.setAutosave(new Autosave(data, scheduler, Runnable::run, 0));
        return vm;
    }

    @Test
    void anUnsavedEdit_isAutosaved_andASaveRemovesIt(@TempDir Path dir) {
        ScheduledExecutorService scheduler = immediate();
        AppViewModel vm = model(scheduler);
        assertThat(Autosave.find(data)).isEmpty();
        vm.position().textProperty(InputField.QUANTITY).set("0.75");
        Optional<Autosave.Recovered> found = Autosave.find(data);
        assertThat(found).isPresent();
        assertThat(found.get().workspace().positions().get(0).quantity()).isEqualByComparingTo("0.75");
        assertThat(found.get().source()).isNull();

        AppViewModelSaver.saveAs(vm, dir.resolve("saved.marginlab"));
        assertThat(Autosave.find(data)).isEmpty();
        scheduler.shutdownNow();
    }

    @Test
    void anInvalidField_autosavesItsLastValidValue() {
        ScheduledExecutorService scheduler = immediate();
        AppViewModel vm = model(scheduler);
        vm.position().textProperty(InputField.QUANTITY).set("0.8");
        vm.position().textProperty(InputField.QUANTITY).set("0.8x");
        assertThat(Autosave.find(data).orElseThrow().workspace().positions().get(0).quantity()).isEqualByComparingTo("0.8");
        scheduler.shutdownNow();
    }

    @Test
    void aCleanExit_removesTheAutosave() {
        ScheduledExecutorService scheduler = immediate();
        AppViewModel vm = model(scheduler);
        vm.position().textProperty(InputField.LEVERAGE).set("10");
        assertThat(Autosave.find(data)).isPresent();
        vm.shutdown();
        assertThat(Autosave.find(data)).isEmpty();
        scheduler.shutdownNow();
    }

    @Test
    void restore_showsTheRecoveredWorkspaceAsUnsaved() {
        ScheduledExecutorService scheduler = immediate();
        AppViewModel first = model(scheduler);
        first.position().textProperty(InputField.MARK_PRICE).set("58000");
        Autosave.Recovered recovered = Autosave.find(data).orElseThrow();
        AppViewModel next = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        next.restore(recovered);
        assertThat(next.position().textProperty(InputField.MARK_PRICE).get()).isEqualTo("58000");
        assertThat(next.dirtyProperty().get()).isTrue();
        assertThat(next.messageProperty().get()).startsWith("Restored unsaved changes from ");
        scheduler.shutdownNow();
    }

    /** The class path of this test JVM, module path included, for a plain-classpath child. */
    private static String childClassPath() {
        List<String> parts = new ArrayList<>();
        for (String key : List.of("jdk.module.path", "java.class.path")) {
            String v = System.getProperty(key);
            if (v != null && !v.isBlank()) {
                parts.add(v);
            }
        }
        return String.join(File.pathSeparator, parts);
    }

    @Test
    void afterAKill9_theNextStartFindsTheEdit() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", childClassPath(), AutosaveChild.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals("AUTOSAVED")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("child output:\n" + seen).isEqualTo("AUTOSAVED");
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(Files.exists(data.resolve("autosave").resolve("workspace.marginlab"))).isTrue();
        // what MarginLabApp.start does next: find it and offer it back
        Autosave.Recovered recovered = Autosave.find(data).orElseThrow();
        assertThat(recovered.workspace().name()).isEqualTo("BTC long (isolated)");
        assertThat(recovered.workspace().positions().get(0).quantity()).isEqualByComparingTo(new BigDecimal("0.75"));
    }
}
