package org.marginlab.app.course;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.marginlab.app.workspace.AtomicSave;

/**
 * Lesson → Export score…: the score's CSV ({@link ScoreCsv}) written off the JavaFX thread,
 * atomically ({@link AtomicSave}: a temporary file renamed over the target).
 */
public final class ScoreExport {
    private final Executor io;
    private final Executor fx;

    /**
     * @param io  where the file is written (a background thread), not null
     * @param fx  where the outcome is reported (the JavaFX thread), not null
     */
    public ScoreExport(Executor io, Executor fx) {
        this.io = Objects.requireNonNull(io, "io");
        this.fx = Objects.requireNonNull(fx, "fx");
    }

    /**
     * @param lesson    the lesson's title, not null
     * @param attempts  the answers, not null
     * @param file      the CSV file, not null
     * @param done      receives the message to show ("Score saved to …" or why not), on {@code fx}
     */
    public void export(String lesson, List<Attempt> attempts, Path file, Consumer<String> done) {
        byte[] bytes = ScoreCsv.text(lesson, attempts).getBytes(StandardCharsets.UTF_8);
        io.execute(() -> {
            String message;
            try {
                AtomicSave.replace(file, bytes);
                message = "Score saved to " + file.getFileName() + " (" + attempts.size()
                        + (attempts.size() == 1 ? " answer)." : " answers).");
            } catch (IOException | RuntimeException e) {
                message = "Could not save the score to " + file + ": " + e.getMessage();
            }
            String m = message;
            fx.execute(() -> done.accept(m));
        });
    }
}
