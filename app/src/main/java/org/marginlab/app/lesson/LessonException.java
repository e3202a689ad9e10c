package org.marginlab.app.lesson;

/**
 * A lesson block that breaks a rule of its format, named by its path:
 * {@code lesson.steps[2].questions[0].figure: unknown position "eth-lng" (positions: btc-long,
 * eth-short)}.
 */
public final class LessonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * @param path  the field's path from the workspace root, e.g. {@code lesson.steps[2].title}
     * @param rule  what is wrong, one line
     */
    public LessonException(String path, String rule) {
        super(path + ": " + rule);
        this.path = path;
    }

    /** @return the field's path from the workspace root */
    public String path() {
        return path;
    }
}
