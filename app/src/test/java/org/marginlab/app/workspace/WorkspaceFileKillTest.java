package org.marginlab.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of {@link WorkspaceFile#write}: a child JVM ({@link SaveLoopChild}) saves two
 * different workspaces alternately to one file; it is killed ({@code SIGKILL} on Unix,
 * {@code TerminateProcess} on Windows) at a random instant while it loops, again and again.
 * After every kill the file must be byte for byte one of the two workspaces and the backup, if
 * present, too: never empty, truncated or a mix. Prints {@code KILLS_SURVIVED=N/M}.
 *
 * <p>The number of kills is {@value #DEFAULT_KILLS} (system property
 * {@code marginlab.killTest.kills} overrides it), spread over two children at a time.
 */
class WorkspaceFileKillTest {
    static final int DEFAULT_KILLS = 200;
    private static final int PARALLEL = 2;
    /** Longest wait after READY before the kill, in microseconds: several saves. */
    private static final int MAX_DELAY_MICROS = 40_000;

    @TempDir
    Path dir;

    /** What one worker saw. */
    private static final class Tally {
        int kills;
        int survived;
        int fileA;
        int fileB;
        int backups;
        int temporaryFilesLeft;
        final List<String> failures = new ArrayList<>();
    }

    @Test
    void aKilledSaveLeavesTheOldOrTheNewFileNeverAMix() throws Exception {
        int kills = Integer.getInteger("marginlab.killTest.kills", DEFAULT_KILLS);
        long seed = Long.getLong("marginlab.killTest.seed", System.nanoTime());
        byte[] a = WorkspaceFile.toJson(SaveLoopChild.A).getBytes(StandardCharsets.UTF_8);
        byte[] b = WorkspaceFile.toJson(SaveLoopChild.B).getBytes(StandardCharsets.UTF_8);
        assertThat(a).isNotEqualTo(b);
        List<String> command = childCommand(Files.createDirectory(dir.resolve("child")));

        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<Future<Tally>> futures = new ArrayList<>();
        for (int w = 0; w < PARALLEL; w++) {
            int share = kills / PARALLEL + (w < kills % PARALLEL ? 1 : 0);
            Path folder = Files.createDirectory(dir.resolve("worker-" + w));
            Random random = new Random(seed + w);
            futures.add(pool.submit(() -> run(command, folder, share, random, a, b)));
        }
        Tally total = new Tally();
        try {
            for (Future<Tally> f : futures) {
                Tally t = f.get(10, TimeUnit.MINUTES);
                total.kills += t.kills;
                total.survived += t.survived;
                total.fileA += t.fileA;
                total.fileB += t.fileB;
                total.backups += t.backups;
                total.temporaryFilesLeft += t.temporaryFilesLeft;
                total.failures.addAll(t.failures);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("KILLS_SURVIVED=" + total.survived + "/" + total.kills + " (seed " + seed + "; file was A "
                + total.fileA + "x, B " + total.fileB + "x; backup present " + total.backups + "x; kills inside a save"
                + " that left a temporary file " + total.temporaryFilesLeft + ")");
        assertThat(total.failures).as("kills that left a damaged file").isEmpty();
        assertThat(total.kills).isEqualTo(kills);
        assertThat(total.survived).isEqualTo(total.kills);
    }

    private static Tally run(List<String> command, Path folder, int kills, Random random, byte[] a, byte[] b)
            throws Exception {
        Path file = folder.resolve("kill.marginlab");
        Path backup = folder.resolve("kill.marginlab" + WorkspaceFile.BACKUP_SUFFIX);
        Path log = folder.getParent().resolve(folder.getFileName() + "-child.log");
        WorkspaceFile.write(SaveLoopChild.A, file);
        Tally tally = new Tally();
        List<String> cmd = new ArrayList<>(command);
        cmd.add(file.toString());
        for (int i = 0; i < kills; i++) {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
            Process child = pb.start();
            // a child that never says READY must not hang the build
            java.util.concurrent.CompletableFuture.delayedExecutor(2, TimeUnit.MINUTES).execute(child::destroyForcibly);
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line = out.readLine();
                if (!"READY".equals(line)) {
                    child.destroyForcibly().waitFor();
                    throw new AssertionError("the child did not start saving (exit " + child.exitValue() + "): "
                            + Files.readString(log));
                }
                LockSupport.parkNanos(random.nextInt(MAX_DELAY_MICROS) * 1000L);
                child.destroyForcibly();
                child.waitFor();
            }
            tally.kills++;
            String fileState = state(file, a, b);
            String backupState = Files.exists(backup) ? state(backup, a, b) : "absent";
            boolean ok = (fileState.equals("A") || fileState.equals("B"))
                    && (backupState.equals("A") || backupState.equals("B") || backupState.equals("absent"));
            if (ok) {
                tally.survived++;
                tally.fileA += fileState.equals("A") ? 1 : 0;
                tally.fileB += fileState.equals("B") ? 1 : 0;
                tally.backups += backupState.equals("absent") ? 0 : 1;
                // the parsed file is also exactly the workspace (not only the bytes)
                Workspace read = WorkspaceFile.read(file).workspace();
                assertThat(read).isEqualTo(fileState.equals("A") ? SaveLoopChild.A : SaveLoopChild.B);
            } else {
                tally.failures.add("kill " + i + ": file " + fileState + ", backup " + backupState);
            }
            tally.temporaryFilesLeft += removeTemporaryFiles(folder);
        }
        return tally;
    }

    private static String state(Path file, byte[] a, byte[] b) throws IOException {
        if (!Files.exists(file)) {
            return "missing";
        }
        byte[] bytes = Files.readAllBytes(file);
        if (Arrays.equals(bytes, a)) {
            return "A";
        }
        if (Arrays.equals(bytes, b)) {
            return "B";
        }
        return "damaged (" + bytes.length + " bytes; A has " + a.length + ", B " + b.length + ")";
    }

    /** Removes the hidden temporary files a kill left behind; returns how many there were. */
    private static int removeTemporaryFiles(Path folder) throws IOException {
        int n = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp")) {
                    Files.delete(p);
                    n++;
                } else {
                    assertThat(name).isIn("kill.marginlab", "kill.marginlab" + WorkspaceFile.BACKUP_SUFFIX);
                }
            }
        }
        return n;
    }

    /**
     * The child's command: this JVM's java, on a plain class path made of the test classes and
     * every entry of this JVM's module path and class path (surefire runs the tests patched into
     * the app module; the child needs no module). Folders are packed into jars so that a warm-up
     * run can record a class-data-sharing archive (JDK 13+ {@code -XX:ArchiveClassesAtExit},
     * which accepts jars only), which halves the start-up time of the hundreds of children; if
     * that fails the children simply start without it.
     */
    private static List<String> childCommand(Path work) throws Exception {
        Set<Path> entries = new LinkedHashSet<>();
        entries.add(testClassesFolder());
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property, "");
            for (String e : value.split(File.pathSeparator)) {
                if (!e.isBlank()) {
                    entries.add(Path.of(e).toAbsolutePath());
                }
            }
        }
        List<String> classPath = new ArrayList<>();
        int n = 0;
        for (Path e : entries) {
            if (Files.isDirectory(e)) {
                Path jar = work.resolve("classes-" + n++ + ".jar");
                packFolder(e, jar);
                classPath.add(jar.toString());
            } else if (Files.isRegularFile(e)) {
                classPath.add(e.toString());
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> base = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp",
                String.join(File.pathSeparator, classPath), SaveLoopChild.class.getName());

        Path archive = work.resolve("children.jsa");
        List<String> warmUp = new ArrayList<>(base);
        warmUp.add(1, "-XX:ArchiveClassesAtExit=" + archive);
        warmUp.add(work.resolve("warm-up.marginlab").toString());
        warmUp.add("--once");
        Process p = new ProcessBuilder(warmUp).redirectErrorStream(true)
                .redirectOutput(work.resolve("warm-up.log").toFile()).start();
        boolean archived = p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0 && Files.exists(archive)
                && Files.size(archive) > 0;
        if (!archived) {
            p.destroyForcibly();
            System.out.println("kill test: no class-data archive, children start without it: "
                    + Files.readString(work.resolve("warm-up.log")));
            return base;
        }
        List<String> command = new ArrayList<>(base);
        command.add(1, "-XX:SharedArchiveFile=" + archive);
        command.add(2, "-Xshare:auto");
        return command;
    }

    private static void packFolder(Path folder, Path jar) throws IOException {
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = folder.relativize(f).toString().replace(File.separatorChar, '/');
                if (name.equals("module-info.class") || name.startsWith("META-INF/MANIFEST")) {
                    continue; // a plain class path: no module, no manifest of its own
                }
                out.putNextEntry(new java.util.jar.JarEntry(name));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    private static Path testClassesFolder() throws URISyntaxException {
        URL url = SaveLoopChild.class.getResource(SaveLoopChild.class.getSimpleName() + ".class");
        if (url != null && "file".equals(url.getProtocol())) {
            Path p = Path.of(url.toURI());
            for (int i = 0; i < SaveLoopChild.class.getName().split("\\.").length; i++) {
                p = p.getParent();
            }
            return p;
        }
        return Path.of("target", "test-classes").toAbsolutePath();
    }
}
