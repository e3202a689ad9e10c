package org.marginlab.app;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the tests that start a child JVM share: its java command and a plain class path. */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** @return the java launcher of this JVM */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** @return the class path of this test JVM, module path included, for a plain-classpath child */
    public static String classPath() {
        List<String> parts = new ArrayList<>();
        for (String key : List.of("jdk.module.path", "java.class.path")) {
            String v = System.getProperty(key);
            if (v != null && !v.isBlank()) {
                parts.add(v);
            }
        }
        return String.join(File.pathSeparator, parts);
    }
}
