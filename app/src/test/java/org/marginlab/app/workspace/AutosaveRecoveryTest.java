package org.marginlab.app.workspace;

import org.marginlab.app.model.InputField;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
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
 * killed with SIGKILL leaves them there and the next start finds them (here with two children;
 * the kill test of the whole window, a hundred kills, is {@code org.marginlab.app.kill.AppKillTest});
 * a save or a clean exit removes them. One autosave per running instance: two child processes never see each other's
 * live work, and a clean quit of one removes only its own.
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

    private Autosave autosave;

    private AppViewModel model(ScheduledExecutorService scheduler) {
        AppViewModel vm = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        vm.openSample(Samples.BTC_LONG_ISOLATED);
        autosave = new Autosave(data, scheduler, Runnable::run, 0);
        vm.setAutosave(autosave);
        return vm;
    }

    @Test
    void anUnsavedEdit_isAutosaved_andASaveRemovesIt(@TempDir Path dir) {
        ScheduledExecutorService scheduler = immediate();
        AppViewModel vm = model(scheduler);
        assertThat(autosave.saved()).isEmpty();
        vm.position().textProperty(InputField.QUANTITY).set("0.75");
        assertThat(Autosave.find(data)).as("this instance is running: its work is not an orphan").isEmpty();
        Optional<Autosave.Recovered> found = autosave.saved();
        assertThat(found).isPresent();
        assertThat(found.get().workspace().positions().get(0).quantity()).isEqualByComparingTo("0.75");
        assertThat(found.get().source()).isNull();

        AppViewModelSaver.saveAs(vm, dir.resolve("saved.marginlab"));
        assertThat(autosave.saved()).isEmpty();
        scheduler.shutdownNow();
    }

    @Test
    void anInvalidField_autosavesItsLastValidValue() {
        ScheduledExecutorService scheduler = immediate();
        AppViewModel vm = model(scheduler);
        vm.position().textProperty(InputField.QUANTITY).set("0.8");
        vm.position().textProperty(InputField.QUANTITY).set("0.8x");
        assertThat(autosave.saved().orElseThrow().workspace().positions().get(0).quantity()).isEqualByComparingTo("0.8");
        scheduler.shutdownNow();
    }

    @Test
    void aCleanExit_removesTheAutosave() {
        ScheduledExecutorService scheduler = immediate();
        AppViewModel vm = model(scheduler);
        vm.position().textProperty(InputField.LEVERAGE).set("10");
        assertThat(autosave.saved()).isPresent();
        vm.shutdown();
        assertThat(autosave.saved()).isEmpty();
        assertThat(Autosave.orphans(data)).isEmpty();
        scheduler.shutdownNow();
    }

    @Test
    void restore_showsTheRecoveredWorkspaceAsUnsaved() {
        ScheduledExecutorService scheduler = immediate();
        AppViewModel first = model(scheduler);
        first.position().textProperty(InputField.MARK_PRICE).set("58000");
        Autosave.Recovered recovered = autosave.saved().orElseThrow();
        AppViewModel next = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        next.restore(recovered);
        assertThat(next.position().textProperty(InputField.MARK_PRICE).get()).isEqualTo("58000");
        assertThat(next.dirtyProperty().get()).isTrue();
        assertThat(next.messageProperty().get()).startsWith("Restored unsaved changes from ");
        scheduler.shutdownNow();
    }

    /** A child process running {@link AutosaveChild} with that quantity typed, once it has autosaved. */
    private Process child(String quantity) throws Exception {
        String java = org.marginlab.app.ChildJvm.java();
        Process p = new ProcessBuilder(java, "-cp", org.marginlab.app.ChildJvm.classPath(), AutosaveChild.class.getName(), data.toString(),
                quantity).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null && !line.equals("AUTOSAVED")) {
            seen.append(line).append('\n');
        }
        assertThat(line).as("child output:\n" + seen).isEqualTo("AUTOSAVED");
        return p;
    }

    private List<Path> instanceFolders() throws Exception {
        try (var s = Files.list(data.resolve("autosave"))) {
            return s.filter(Files::isDirectory).toList();
        }
    }

    @Test
    void twoInstances_neverOfferEachOthersLiveWork_andACleanQuitRemovesOnlyItsOwn() throws Exception {
        Process a = child("0.75");
        Process b = null;
        try {
            b = child("0.9");
            assertThat(instanceFolders()).hasSize(2);
            // a third start while both run: nothing "was not closed properly"
            assertThat(Autosave.orphans(data)).isEmpty();

            // B quits cleanly (File → Quit): only its own autosave goes
            b.getOutputStream().write("quit\n".getBytes(StandardCharsets.UTF_8));
            b.getOutputStream().flush();
            assertThat(b.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(b.exitValue()).isZero();
            assertThat(instanceFolders()).hasSize(1);
            assertThat(Autosave.orphans(data)).as("A is still running").isEmpty();

            // A is killed: the next start offers A's edit, and only that
            a.destroyForcibly();
            assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
            List<Autosave.Recovered> orphans = Autosave.orphans(data);
            assertThat(orphans).hasSize(1);
            assertThat(orphans.get(0).workspace().positions().get(0).quantity()).isEqualByComparingTo("0.75");
            Autosave.remove(orphans.get(0));
            assertThat(Autosave.orphans(data)).isEmpty();
            assertThat(instanceFolders()).isEmpty();
        } finally {
            a.destroyForcibly();
            if (b != null) {
                b.destroyForcibly();
            }
        }
    }

    @Test
    void restore_takesTheOrphanOver_andRemovesItOnlyOnceItsWorkIsInTheNewAutosave() throws Exception {
        // an orphan: an instance folder whose lock nobody holds
        Path orphanFolder = Files.createDirectories(data.resolve("autosave").resolve("4242-dead"));
        Files.createFile(orphanFolder.resolve("lock"));
        Workspace sample = Samples.open(Samples.BTC_LONG_ISOLATED);
        Workspace edited = new Workspace(sample.name(), sample.venueId(), sample.walletBalance(),
                List.of(sample.positions().get(0).toBuilder().quantity(new BigDecimal("0.66")).build()));
        WorkspaceFile.write(edited, orphanFolder.resolve("workspace.marginlab"));

        Autosave.Recovered recovered = Autosave.find(data).orElseThrow();
        assertThat(recovered.folder()).isEqualTo(orphanFolder);
        assertThat(Autosave.find(data)).as("offered by one instance at a time (it holds the lock)").isEmpty();

        ScheduledExecutorService scheduler = immediate();
        AppViewModel next = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        autosave = new Autosave(data, scheduler, Runnable::run, 0);
        next.setAutosave(autosave);
        next.restore(recovered);

        assertThat(autosave.saved().orElseThrow().workspace().positions().get(0).quantity()).isEqualByComparingTo("0.66");
        assertThat(orphanFolder).doesNotExist();
        next.shutdown();
        assertThat(instanceFolders()).isEmpty();
        scheduler.shutdownNow();
    }

    @Test
    void theVersionBeforesSharedAutosave_isStillOffered() throws Exception {
        Files.createDirectories(data.resolve("autosave"));
        WorkspaceFile.write(Samples.open(Samples.BTC_LONG_ISOLATED), data.resolve("autosave").resolve("workspace.marginlab"));
        Autosave.Recovered r = Autosave.find(data).orElseThrow();
        assertThat(r.workspace().name()).isEqualTo("BTC long (isolated)");
        Autosave.remove(r);
        assertThat(Autosave.find(data)).isEmpty();
    }

    @Test
    void anAutosaveThatCannotBeWritten_isShownOnce_inTheStatusLine_namingTheFolder() throws Exception {
        Path notAFolder = Files.writeString(data.resolve("data-is-a-file"), "x");
        ScheduledExecutorService scheduler = immediate();
        AppViewModel vm = new AppViewModel(Locale.US, new RecentFiles(null), DocumentDialogs.NONE);
        vm.openSample(Samples.BTC_LONG_ISOLATED);
        Autosave broken = new Autosave(notAFolder, scheduler, Runnable::run, 0);
        vm.setAutosave(broken);
        vm.position().textProperty(InputField.QUANTITY).set("0.7");
        assertThat(vm.messageProperty().get()).startsWith("Autosave is not working: cannot write to "
                + notAFolder.resolve("autosave") + " (").endsWith(
                "). Until that folder is writable, unsaved changes are lost if MarginLab stops unexpectedly.");

        List<String> told = new ArrayList<>();
        broken.setOnFailure(told::add);
        vm.position().textProperty(InputField.QUANTITY).set("0.71");
        vm.position().textProperty(InputField.QUANTITY).set("0.72");
        assertThat(told).as("told once, not on every edit").isEmpty();
        scheduler.shutdownNow();
    }
}
