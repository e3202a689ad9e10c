package org.marginlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.marginlab.app.course.LessonCheck;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.app.workspace.WorkspaceException;
import org.marginlab.app.workspace.WorkspaceFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marginlab lesson-check FILE...}: checks lessons number by number ({@link LessonCheck}).
 * One line per file that checks out ({@code FILE: ok (3 steps, 3 questions)}) on standard
 * output, one line per problem ({@code FILE: lesson.steps[0].questions[0].expected: …}) on
 * standard error. Exit 0 when every lesson checks out, 1 when a check failed (or a file has no
 * lesson block), 2 when a file cannot be read (its one line names what is wrong), whatever the
 * others gave.
 */
@Command(name = "lesson-check",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Check lessons: every question's figure exists and the engine's answer is within the tolerance "
                + "of the expected one.",
        usageHelpAutoWidth = true)
final class LessonCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Lesson files (*.marginlab with a lesson block).")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = 0;
        for (Path file : files) {
            Workspace w;
            try {
                w = WorkspaceFile.read(file).workspace();
            } catch (WorkspaceException e) {
                err.println(WorkspaceException.oneLine(e.getMessage().startsWith(file.toString()) ? e.getMessage()
                        : file + ": " + e.getMessage()));
                exit = 2;
                continue;
            }
            if (w.lesson() == null) {
                err.println(file + ": has no lesson block");
                exit = Math.max(exit, 1);
                continue;
            }
            List<String> problems = LessonCheck.check(w);
            problems.forEach(p -> err.println(WorkspaceException.oneLine(file + ": " + p)));
            if (problems.isEmpty()) {
                out.println(file + ": ok (" + w.lesson().steps().size() + " steps, " + w.lesson().questions().size()
                        + " questions)");
            } else {
                exit = Math.max(exit, 1);
            }
        }
        out.flush();
        err.flush();
        return exit;
    }
}
