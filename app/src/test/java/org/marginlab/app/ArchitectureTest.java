package org.marginlab.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
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
}
