package org.marginlab.app.workspace;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The upgrade path of the workspace file's {@code version} (spec workspace-and-cli.md §1:
 * "bump {@code version} when a change is not backward compatible, with a migration for old
 * files").
 *
 * <p>A chain of {@link Step}s, each a pure transform of the parsed JSON tree from one version to
 * the next. {@link WorkspaceFile} reads a file as follows: parse the tree, check that its
 * {@code version} is between 1 and {@link #newestVersion()} (a larger one is a file written by a
 * newer MarginLab and is refused by name), {@link #upgrade} the tree to the newest version, then
 * map that tree to a {@link Workspace}. So the mapping code only ever knows the newest layout, and
 * an old file is read by replaying the steps, never by version-specific branches.
 *
 * <p><b>The current choice.</b> Every change so far has only added optional fields, which the
 * contract allows without a bump (older readers ignore unknown fields with a warning). So the
 * format is still version {@value #CURRENT_VERSION}: {@link #STANDARD} has no step, files are
 * written as version {@value #CURRENT_VERSION}, and the mechanism is exercised by the tests with
 * a v1 → v2 step of their own (a v2 that stores every decimal as a string), reading v1 files
 * through it and round-tripping them. The day a change is not backward compatible, its step is
 * added to {@link #STANDARD}, {@link #CURRENT_VERSION} becomes 2 and the writer writes v2; a v1
 * reader then refuses v2 files with "written by a newer MarginLab" instead of silently dropping
 * what it does not understand when it saves.
 *
 * <p>Immutable and thread-safe (steps must be pure functions).
 */
public final class WorkspaceMigrations {
    /** The version of the files MarginLab writes now, and the newest it reads. */
    public static final int CURRENT_VERSION = 1;

    /** The migrations of this MarginLab: none yet (version 1 is the only version). */
    public static final WorkspaceMigrations STANDARD = new WorkspaceMigrations(List.of());

    /**
     * One upgrade: turns a tree of version {@code from} into a tree of version {@code from + 1}.
     *
     * @param from         the version the step reads, ≥ 1
     * @param description  what changes, for messages and documentation; not null
     * @param transform    the change; receives a private copy of the tree it may modify and
     *                     return, and must not keep it. It need not set {@code version}; the
     *                     chain does.
     */
    public record Step(int from, String description, UnaryOperator<ObjectNode> transform) {
        /** Checks the arguments. */
        public Step {
            if (from < 1) {
                throw new IllegalArgumentException("from must be ≥ 1, got " + from);
            }
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(transform, "transform");
        }
    }

    private final List<Step> steps;

    /**
     * @param steps  the steps in order: the first reads version 1, each next one the version
     *               the previous one produces; not null
     * @throws IllegalArgumentException if the steps do not form that chain
     */
    public WorkspaceMigrations(List<Step> steps) {
        this.steps = List.copyOf(steps);
        for (int i = 0; i < this.steps.size(); i++) {
            if (this.steps.get(i).from() != i + 1) {
                throw new IllegalArgumentException("step " + i + " must read version " + (i + 1) + ", not "
                        + this.steps.get(i).from());
            }
        }
    }

    /** @return the newest version these migrations produce and a reader using them accepts */
    public int newestVersion() {
        return 1 + steps.size();
    }

    /** @return the steps, oldest first; unmodifiable */
    public List<Step> steps() {
        return steps;
    }

    /**
     * Upgrades a tree to {@link #newestVersion()}. The tree passed in is never modified.
     *
     * @param root     the parsed file, an object; not null
     * @param version  the file's version, 1 ≤ version ≤ {@link #newestVersion()}
     * @return the tree in the newest layout, with {@code version} set to
     *         {@link #newestVersion()} when a step ran; {@code root} itself when none had to
     * @throws IllegalArgumentException if {@code version} is out of range
     */
    public ObjectNode upgrade(ObjectNode root, int version) {
        Objects.requireNonNull(root, "root");
        if (version < 1 || version > newestVersion()) {
            throw new IllegalArgumentException("version must be in 1.." + newestVersion() + ", got " + version);
        }
        ObjectNode tree = root;
        for (int v = version; v < newestVersion(); v++) {
            Step step = steps.get(v - 1);
            ObjectNode next = step.transform().apply(tree.deepCopy());
            if (next == null) {
                throw new IllegalStateException("migration " + v + " → " + (v + 1) + " returned nothing");
            }
            next.put("version", v + 1);
            tree = next;
        }
        return tree;
    }
}
