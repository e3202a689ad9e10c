package org.marginlab.app.kill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginlab.app.workspace.Autosave;
import org.marginlab.app.workspace.Samples;
import org.marginlab.app.workspace.WorkspaceFile;

/**
 * A kill test of the whole app (issue "Nothing lost, nothing frozen"): a child process runs the
 * real window ({@link AppKillChild}: headless Monocle, the app's background file I/O and autosave)
 * and types and saves without pause; it is killed ({@code SIGKILL}) at a random instant, again
 * and again ({@value #DEFAULT_KILLS} times, system property {@code marginlab.appKill.kills}).
 * After every kill:
 * <ul>
 *   <li>the workspace file is whole: it reads back, with the quantity of the sample or of one of
 *       the edits the child saved (every third), never empty, truncated or a mix;</li>
 *   <li>the last edit the child reported safe is not lost: it is in the file, or the next start
 *       offers it back (the orphan autosave holds it or a later edit);</li>
 *   <li>after that start's Discard nothing is offered any more.</li>
 * </ul>
 * Prints {@code APP_KILLS=N, edits made safe E, offered back M, in the file K}.
 */
class AppKillTest {
    static final int DEFAULT_KILLS = 100;
    private static final int KILLS = Integer.getInteger("marginlab.appKill.kills", DEFAULT_KILLS);

    @TempDir
    Path dir;

    @Test
    void killedAtAnyInstant_theFileIsWhole_andTheLastSafeEditIsNeverLost() throws Exception {
        String java = org.marginlab.app.ChildJvm.java();
        Random random = new Random(20261206L);
        Path file = dir.resolve("work.marginlab");
        BigDecimal original = Samples.open(Samples.BTC_LONG_ISOLATED).positions().get(0).quantity();
        int offered = 0;
        int inFile = 0;
        long edits = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Path data = dir.resolve("data");
            WorkspaceFile.write(Samples.open(Samples.BTC_LONG_ISOLATED), file);
            Process child = new ProcessBuilder(java, "-cp", org.marginlab.app.ChildJvm.classPath(), "-Dglass.platform=Monocle",
                    "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true",
                    AppKillChild.class.getName(), data.toString(), file.toString()).redirectErrorStream(true).start();
            AtomicInteger safe = new AtomicInteger();
            StringBuilder seen = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        if (line.startsWith("SAFE ")) {
                            safe.set(Integer.parseInt(line.substring(5)));
                        } else if (seen.length() < 4000) {
                            seen.append(line).append('\n');
                        }
                    }
                } catch (java.io.IOException e) {
                    // the child was killed
                }
            });
            reader.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                // once its window is up and its first edit is safe (a warm start), at a random instant
                while (safe.get() == 0 && System.nanoTime() < deadline && child.isAlive()) {
                    Thread.sleep(5);
                }
                assertThat(safe.get()).as("child started and typed; its output:\n" + seen).isPositive();
                // kill at a random instant while it types and saves
                Thread.sleep(20 + random.nextInt(400));
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                reader.join(10_000);
            }
            int lastSafe = safe.get();
            edits += lastSafe;

            // the file is whole: the sample or a saved edit
            BigDecimal saved = WorkspaceFile.read(file).workspace().positions().get(0).quantity();
            boolean sampleOrSavedEdit = saved.compareTo(original) == 0 || savedEdit(saved);
            assertThat(sampleOrSavedEdit).as("kill %d: the file holds %s", kill, saved).isTrue();

            // the last safe edit is in the file or offered back
            List<Autosave.Recovered> orphans = Autosave.orphans(data);
            assertThat(orphans).as("kill %d: at most one window's work", kill).hasSizeLessThanOrEqualTo(1);
            BigDecimal need = lastSafe == 0 ? original : AppKillChild.quantity(lastSafe);
            BigDecimal back = orphans.isEmpty() ? null : orphans.get(0).workspace().positions().get(0).quantity();
            boolean kept = saved.compareTo(need) >= 0 || (back != null && back.compareTo(need) >= 0);
            assertThat(kept).as("kill %d: edit %d (%s) safe; file %s, offered %s", kill, lastSafe, need, saved, back)
                    .isTrue();
            if (back != null) {
                offered++;
            } else {
                inFile++;
            }
            orphans.forEach(Autosave::remove);
            assertThat(Autosave.orphans(data)).isEmpty();
        }
        System.out.printf("APP_KILLS=%d, edits made safe %d, offered back %d, in the file %d%n", KILLS, edits, offered,
                inFile);
        assertThat(edits).as("the children typed and saved").isGreaterThan(KILLS);
        assertThat(offered).as("some kills came between a save and the next").isPositive();
    }

    /** @return whether {@code q} is the quantity of an edit the child saves (every third) */
    private static boolean savedEdit(BigDecimal q) {
        BigDecimal n = q.subtract(new BigDecimal("0.1")).movePointRight(4);
        return n.signum() > 0 && n.stripTrailingZeros().scale() <= 0 && n.intValueExact() % 3 == 0;
    }
}
