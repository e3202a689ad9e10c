package org.marginlab.app.workspace;

import java.util.List;
import java.util.Objects;

/**
 * A workspace read from a file, with the warnings the file raised (unknown fields, which are
 * ignored so that a file written by a newer version still opens; spec workspace-and-cli.md §1).
 *
 * @param workspace  the workspace, never null
 * @param warnings   one line each, e.g. {@code positions[0].colour: unknown field, ignored};
 *                   unmodifiable, never null
 */
public record ReadResult(Workspace workspace, List<String> warnings) {
    /** Copies the warnings. */
    public ReadResult {
        Objects.requireNonNull(workspace, "workspace");
        warnings = List.copyOf(warnings);
    }
}
