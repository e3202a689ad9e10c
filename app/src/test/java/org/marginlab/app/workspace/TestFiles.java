package org.marginlab.app.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test resources of this package as files and text. */
public final class TestFiles {
    private TestFiles() {
    }

    /** @return the test resource {@code /workspace/<name>} as a file */
    public static Path path(String name) {
        URL url = TestFiles.class.getResource("/workspace/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource /workspace/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the test resource {@code /workspace/<name>} as UTF-8 text */
    public static String text(String name) {
        try {
            return Files.readString(path(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
