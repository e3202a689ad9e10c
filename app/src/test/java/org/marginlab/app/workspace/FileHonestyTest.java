package org.marginlab.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginlab.app.settings.Preferences;

/**
 * Issue "Nothing lost, nothing frozen": only regular files are opened (a FIFO used to block the
 * reading thread, and with it the window), save errors name the user's file and the reason (not
 * the hidden temporary file), and the temporary files of interrupted saves are cleaned up by the
 * next save of the same file. Linux (the CI machine): FIFOs come from {@code mkfifo}, the device
 * is {@code /dev/null}.
 */
class FileHonestyTest {
    private static final Duration NO_BLOCKING = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Path fifo(String name) throws Exception {
        Path p = dir.resolve(name);
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertThat(mk.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mk.exitValue()).as("mkfifo").isZero();
        return p;
    }

    private static Workspace sample() {
        return Samples.open(Samples.names().get(0));
    }

    @Test
    void aFifoIsRefusedInOneLine_withoutBlockingOnIt() throws Exception {
        Path pipe = fifo("pipe.marginlab");
        assertThat(FileKind.whyNotAFile(pipe)).contains("is a named pipe (FIFO), not a file");
        assertTimeoutPreemptively(NO_BLOCKING, () -> assertThatThrownBy(() -> WorkspaceFile.read(pipe))
                .isInstanceOf(WorkspaceException.class)
                .hasMessage(pipe + ": is a named pipe (FIFO), not a file"));
    }

    @Test
    void aFolderAndADevice_sayWhatTheyAre() {
        assertThatThrownBy(() -> WorkspaceFile.read(dir)).isInstanceOf(WorkspaceException.class)
                .hasMessage(dir + ": is a folder, not a file");
        Path device = Path.of("/dev/null");
        assertThat(FileKind.whyNotAFile(device)).contains("is a device, not a file");
        assertThatThrownBy(() -> WorkspaceFile.read(device)).isInstanceOf(WorkspaceException.class)
                .hasMessage("/dev/null: is a device, not a file");
        assertThat(FileKind.whyNotAFile(dir.resolve("missing.marginlab"))).contains("no such file");
    }

    @Test
    void aRegularFileIsAFile() throws Exception {
        Path file = dir.resolve("w.marginlab");
        WorkspaceFile.write(sample(), file);
        assertThat(FileKind.whyNotAFile(file)).isEmpty();
        assertThat(WorkspaceFile.read(file).workspace()).isEqualTo(sample());
    }

    @Test
    void aFifoAsThePreferencesFile_givesTheDefaultsAndAWarning_withoutBlocking() throws Exception {
        Path pipe = fifo("preferences.properties");
        Preferences prefs = assertTimeoutPreemptively(NO_BLOCKING, () -> Preferences.load(pipe));
        assertThat(prefs.warnings()).containsExactly(
                "preferences.properties is a named pipe (FIFO), not a file; the defaults are used.");
    }

    @Test
    void aSaveThatCannotCreateItsFile_namesTheUsersFileAndTheReason_neverTheTemporaryFile() throws Exception {
        Path notAFolder = dir.resolve("notes.txt");
        Files.writeString(notAFolder, "a file, not a folder");
        Path target = notAFolder.resolve("w.marginlab");
        assertThatThrownBy(() -> WorkspaceFile.write(sample(), target))
                .isInstanceOf(FileSystemException.class)
                .hasMessage(target + ": " + notAFolder + " is not a folder; nothing was saved")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(".tmp"));
    }

    @Test
    void theReasons_areInWords() {
        Path folder = Path.of("/data");
        assertThat(AtomicSave.reason(new java.nio.file.AccessDeniedException("/data/.w.marginlab.1f.tmp"), folder))
                .isEqualTo("permission denied: cannot create files in /data");
        assertThat(AtomicSave.reason(new FileSystemException("/data/.w.marginlab.1f.tmp", null,
                "Read-only file system"), folder)).isEqualTo("read-only file system");
        assertThat(AtomicSave.reason(new IOException("No space left on device"), folder))
                .isEqualTo("no space left on the disk");
    }

    @Test
    void theNextSave_removesOnlyItsOwnStaleTemporaries() throws Exception {
        Path file = dir.resolve("w.marginlab");
        WorkspaceFile.write(sample(), file);
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Path staleTmp = Files.writeString(dir.resolve(".w.marginlab.5f3a9c01.tmp"), "{\"half\":");
        Path staleBackupTmp = Files.writeString(dir.resolve(".w.marginlab.bak.77.tmp"), "{");
        Path otherFilesTmp = Files.writeString(dir.resolve(".x.marginlab.5f3a9c01.tmp"), "{");
        Path notOurPattern = Files.writeString(dir.resolve(".w.marginlab.notes.tmp"), "mine");
        for (Path p : new Path[] {staleTmp, staleBackupTmp, otherFilesTmp, notOurPattern}) {
            Files.setLastModifiedTime(p, old);
        }
        Path fresh = Files.writeString(dir.resolve(".w.marginlab.abc.tmp"), "{"); // a save under way elsewhere

        WorkspaceFile.write(sample(), file);

        assertThat(staleTmp).doesNotExist();
        assertThat(staleBackupTmp).doesNotExist();
        assertThat(otherFilesTmp).as("another file's temporary").exists();
        assertThat(notOurPattern).as("not the app's pattern").exists();
        assertThat(fresh).as("younger than " + AtomicSave.STALE_AFTER).exists();
        assertThat(WorkspaceFile.read(file).workspace()).isEqualTo(sample());
    }
}
