package org.marginlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is prepared before the first frame: the sample, or the file given on the command line. */
class AppStartTest {

    @AfterEach
    void clear() {
        System.clearProperty(Main.OPEN_PROPERTY);
    }

    @Test
    void withoutAFileItOpensTheBundledSample() {
        AppStart.Prepared prepared = AppStart.take();
        assertThat(prepared.model().workspaceNameProperty().get()).isEqualTo("BTC long (isolated)");
        assertThat(prepared.model().fileProperty().get()).isNull();
        assertThat(prepared.errors()).isEmpty();
    }

    @Test
    void theFileGivenOnTheCommandLineIsOpenBeforeTheFirstFrame() {
        Path file = Path.of("..", "assets", "samples", "binance-faq-cross.marginlab").toAbsolutePath().normalize();
        System.setProperty(Main.OPEN_PROPERTY, file.toString());
        AppStart.begin();
        AppStart.Prepared prepared = AppStart.take();
        assertThat(prepared.model().fileProperty().get()).isEqualTo(file);
        assertThat(prepared.model().account().positions()).hasSize(2);
        assertThat(prepared.errors()).isEmpty();
    }

    @Test
    void aBrokenFileLeavesTheSampleOpenAndItsErrorForTheWindow(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("broken.marginlab"), "{ \"version\": 1, \"name\": ");
        System.setProperty(Main.OPEN_PROPERTY, file.toString());
        AppStart.Prepared prepared = AppStart.take();
        assertThat(prepared.model().workspaceNameProperty().get()).isEqualTo("BTC long (isolated)");
        assertThat(prepared.errors()).singleElement()
                .satisfies(e -> assertThat(e.title()).isEqualTo("Could not open broken.marginlab"))
                .satisfies(e -> assertThat(e.message()).contains("The file was not changed"));
        assertThat(Files.readString(file)).isEqualTo("{ \"version\": 1, \"name\": ");
    }
}
