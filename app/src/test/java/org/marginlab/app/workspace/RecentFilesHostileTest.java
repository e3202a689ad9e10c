package org.marginlab.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged recent-files list is an empty list, and the next save replaces it. */
class RecentFilesHostileTest {

    @TempDir
    Path dir;

    @Test
    void binaryHugeAndFolderListsAreEmptyAndReplacedOnTheNextAdd() throws Exception {
        Path binary = dir.resolve("binary.txt");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3, '\n'});
        assertThat(new RecentFiles(binary).list()).isEmpty();

        Path huge = dir.resolve("huge.txt");
        Files.writeString(huge, (dir.resolve("x.marginlab") + "\n").repeat(100_000));
        RecentFiles fromHuge = new RecentFiles(huge);
        assertThat(fromHuge.list()).isEmpty();
        fromHuge.add(dir.resolve("a.marginlab"));
        assertThat(new RecentFiles(huge).list()).containsExactly(dir.resolve("a.marginlab").toAbsolutePath());

        Path folder = Files.createDirectory(dir.resolve("folder.txt"));
        assertThat(new RecentFiles(folder).list()).isEmpty();
    }
}
