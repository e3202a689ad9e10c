package org.marginlab.app.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.marginlab.app.lesson.Lesson;

/**
 * The lessons bundled with the app (the course pack). Their single source is the repository's
 * {@code assets/lessons/*.marginlab}; the app's build copies them into the module as resources
 * under {@value #RESOURCE_FOLDER} (see {@code app/pom.xml}). The folder may be empty: the list is
 * then empty. A bundled file that is not a lesson, or cannot be read, is a packaging error that
 * {@link #open} reports and the tests guard against.
 */
public final class Lessons {
    /** The resource folder of the bundled lessons inside module {@code org.marginlab.app}. */
    public static final String RESOURCE_FOLDER = "/org/marginlab/app/lessons/";

    /**
     * A bundled lesson, for menus.
     *
     * @param fileName  the resource's file name, e.g. {@code 06-isolated-vs-cross.marginlab}
     * @param title     the lesson's title
     * @param order     its {@code order}, or null
     */
    public record Entry(String fileName, String title, Integer order) {
    }

    private Lessons() {
    }

    /**
     * @return the bundled lessons by {@code order} (lessons without one last), then title; empty
     *         when none is bundled; unmodifiable
     * @throws IllegalStateException if a bundled file is broken or not a lesson (a packaging error)
     */
    public static List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        for (String name : fileNames()) {
            Lesson l = open(name).lesson();
            entries.add(new Entry(name, l.title(), l.order()));
        }
        entries.sort(Comparator.comparing((Entry e) -> e.order() == null ? Integer.MAX_VALUE : e.order())
                .thenComparing(Entry::title));
        return List.copyOf(entries);
    }

    /** The file names under the resource folder, read from the module's contents (a directory, a jar or the image). */
    static List<String> fileNames() {
        String folder = RESOURCE_FOLDER.substring(1);
        Optional<ResolvedModule> module = Optional.ofNullable(Lessons.class.getModule().getLayer())
                .flatMap(layer -> layer.configuration().findModule(Lessons.class.getModule().getName()));
        if (module.isEmpty()) {
            return List.of();
        }
        try (ModuleReader reader = module.get().reference().open(); Stream<String> all = reader.list()) {
            return all.filter(n -> n.startsWith(folder) && n.endsWith(WorkspaceFile.EXTENSION)
                    && n.indexOf('/', folder.length()) < 0).map(n -> n.substring(folder.length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a bundled lesson.
     *
     * @param fileName  a file name of {@link #list()}, not null
     * @return the workspace with its lesson, never null
     * @throws IllegalArgumentException if no bundled lesson has that name
     * @throws IllegalStateException if the bundled file is broken or has no lesson block
     */
    public static Workspace open(String fileName) {
        if (fileName.contains("/") || !fileName.endsWith(WorkspaceFile.EXTENSION)) {
            throw new IllegalArgumentException("no bundled lesson named " + fileName);
        }
        try (InputStream in = Lessons.class.getResourceAsStream(RESOURCE_FOLDER + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled lesson named " + fileName);
            }
            Workspace w = WorkspaceFile.read(in, fileName).workspace();
            if (w.lesson() == null) {
                throw new IllegalStateException("bundled lesson " + fileName + " has no lesson block");
            }
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (WorkspaceException e) {
            throw new IllegalStateException("bundled lesson " + fileName + " is broken: " + e.getMessage(), e);
        }
    }
}
