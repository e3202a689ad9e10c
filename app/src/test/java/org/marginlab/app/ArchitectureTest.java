package org.marginlab.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.lang.module.ResolvedModule;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Layering rules. The production classes are imported from the locations of the two resolved
 * modules (a directory or a jar each), because the tests run on the module path where ArchUnit's
 * class-path scanning does not see them.
 */
class ArchitectureTest {

    private static JavaClasses classes;


    @BeforeAll
    static void importProductionClasses() {
        Set<Location> locations = new LinkedHashSet<>();
        for (String module : List.of("org.marginlab.engine", "org.marginlab.app")) {
            locations.add(moduleLocation(module));
        }
        classes = new ClassFileImporter().importLocations(locations);
    }

    /** Where a module of the boot layer was loaded from: target/classes or a jar. */
    private static Location moduleLocation(String name) {
        ResolvedModule module = ModuleLayer.boot().configuration().findModule(name)
                .orElseThrow(() -> new AssertionError("module not resolved in the boot layer: " + name));
        URI uri = module.reference().location().orElseThrow();
        return Files.isDirectory(Path.of(uri)) ? Location.of(uri) : Location.of(URI.create("jar:" + uri + "!/"));
    }

    /**
     * The draft, its evaluation and the edits that make the next draft are plain Java: the one
     * function the app and {@code marginlab calc} share cannot depend on the toolkit.
     */
    @Test
    void theEvaluationModelDoesNotDependOnJavaFx() {
        noClasses().that().resideInAPackage("org.marginlab.app.model..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void importedBothModules() {
        assertThat(classes.containPackage("org.marginlab.engine")).isTrue();
        assertThat(classes.containPackage("org.marginlab.app")).isTrue();
        assertThat(classes.contain(MarginLabApp.class)).isTrue();
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("org.marginlab.engine"))).isNotEmpty();
    }

    @Test
    void engineDoesNotDependOnJavaFx() {
        noClasses().that().resideInAPackage("org.marginlab.engine..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void viewModelsDoNotDependOnSceneGraph() {
        noClasses().that().resideInAPackage("org.marginlab.app..")
                .and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .allowEmptyShould(true)
                .check(classes);
    }

    // ------------------------------------------------------------------ package cycles

    /**
     * The app's packages by feature, and the root package {@code org.marginlab.app} as a slice of
     * its own: the root is the composition root ({@code Main}, {@code MarginLabApp},
     * {@code MainView}, {@code AppViewModel}) and depends on every feature, so a feature that
     * depends on anything in the root closes a cycle. Left out of the slices, the root would
     * hide exactly those cycles ({@code org.marginlab.app.(*)..} does not match it).
     */
    @Test
    void appPackagesAreFreeOfCycles() {
        slices().assignedFrom(subpackagesAndRoot("org.marginlab.app")).should().beFreeOfCycles().check(classes);
    }

    /**
     * The engine's concept packages ({@code tier}, {@code venue}, {@code whatif}, {@code sizing},
     * {@code internal}). The root package {@code org.marginlab.engine} is the vocabulary those
     * packages are written in ({@code Position}, {@code Account}, {@code ValidationException})
     * and, as the entry point, uses them ({@code Position} holds a {@code TierTable},
     * {@code Account} resolves its venue, {@code MarginEngine} evaluates through the venue rules):
     * it is not a slice, so this rule checks the concept packages against one another.
     */
    @Test
    void enginePackagesAreFreeOfCycles() {
        slices().matching("org.marginlab.engine.(*)..")
                .should().beFreeOfCycles()
                .check(classes);
    }

    // ------------------------------------------------------------------ views and view-models

    /** Views bind to view-models, never the reverse; a view-model knows no window, scene or node. */
    @Test
    void viewModelsDoNotDependOnViewsNorOnScenesAndStages() {
        noClasses().that(topLevelSimpleNameEndingWith("ViewModel"))
                .should().dependOnClassesThat(topLevelSimpleNameEndingWith("View")
                        .or(resideInAnyPackage("javafx.scene..", "javafx.stage..")))
                .check(classes);
    }

    /**
     * No file is read or written by a view or a view-model: files go through the workspace and
     * settings packages, which the document commands run on a background thread ({@code FileWork},
     * {@code Autosave}, {@code RecentFiles}' writer, the preferences writer), the start's
     * preparing thread ({@code AppStart}), the command line, the log and the start-up trace; the
     * stored tier tables ({@code tiers.TierStore}), read on the start's preparing thread and written
     * on the tier dialog's background thread.
     */
    @Test
    void filesAreTouchedOnlyByTheClassesThatRunOffTheFxThread() {
        noClasses().that().resideInAPackage("org.marginlab.app..")
                .and().resideOutsideOfPackages("org.marginlab.app.workspace..", "org.marginlab.app.settings..",
                        "org.marginlab.app.cli..", "org.marginlab.app.startup..")
                .and(not(DescribedPredicate.describe("Main, ErrorReporter, TierStore or a test",
                        (JavaClass c) -> c.getSimpleName().equals("Main") || c.getSimpleName().equals("ErrorReporter")
                                || c.getName().equals("org.marginlab.app.tiers.TierStore")
                                || c.getSimpleName().endsWith("Test") || c.getName().contains("Test$")
                                || c.getPackageName().startsWith("org.marginlab.app.kill")
                                || c.getPackageName().startsWith("org.marginlab.app.bench"))))
                .should().callMethodWhere(DescribedPredicate.describe("a java.nio.file.Files method",
                        call -> call.getTarget().getOwner().getName().equals("java.nio.file.Files")))
                .check(classes);
    }

    // ------------------------------------------------------------------ shared ui pieces

    /** {@code ui} holds shared pieces that every feature may use, so it uses no feature. */
    @Test
    void uiDependsOnNothingElseOfTheApp() {
        noClasses().that().resideInAPackage("org.marginlab.app.ui..")
                .should().dependOnClassesThat(resideInAPackage("org.marginlab.app..")
                        .and(not(resideInAPackage("org.marginlab.app.ui.."))))
                .check(classes);
    }

    // ------------------------------------------------------------------ engine

    @Test
    void engineDoesNotDependOnTheApp() {
        noClasses().that().resideInAPackage("org.marginlab.engine..")
                .should().dependOnClassesThat().resideInAPackage("org.marginlab.app..")
                .check(classes);
    }

    /**
     * No file access in the engine: its only input beyond its arguments is its bundled tier
     * tables, which {@code TierTables} reads as class-path resources through
     * {@code Class.getResourceAsStream} (streams, no {@code File} and no {@code java.nio.file}).
     */
    @Test
    void engineDoesNotAccessFiles() {
        noClasses().that().resideInAPackage("org.marginlab.engine..")
                .should().dependOnClassesThat().resideInAPackage("java.nio.file..")
                .orShould().dependOnClassesThat().belongToAnyOf(java.io.File.class, java.io.FileInputStream.class,
                        java.io.FileOutputStream.class, java.io.FileReader.class, java.io.FileWriter.class,
                        java.io.RandomAccessFile.class, java.nio.channels.FileChannel.class)
                .check(classes);
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Classes whose top-level class has a simple name ending with {@code suffix}, so that the
     * nested, anonymous and lambda-holding classes of a view-model count as the view-model.
     */
    private static DescribedPredicate<JavaClass> topLevelSimpleNameEndingWith(String suffix) {
        return DescribedPredicate.describe("have a (top-level) simple name ending with '" + suffix + "'",
                c -> topLevel(c).getSimpleName().endsWith(suffix));
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    /** One slice for each package directly below {@code root} (with its subpackages), one for {@code root} itself. */
    private static SliceAssignment subpackagesAndRoot(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                if (p.equals(root)) {
                    return SliceIdentifier.of(root + " (root)");
                }
                if (!p.startsWith(root + ".")) {
                    return SliceIdentifier.ignore();
                }
                String rest = p.substring(root.length() + 1);
                int dot = rest.indexOf('.');
                return SliceIdentifier.of(root + "." + (dot < 0 ? rest : rest.substring(0, dot)));
            }

            @Override
            public String getDescription() {
                return "the root package " + root + " and each package directly below it";
            }
        };
    }
}
