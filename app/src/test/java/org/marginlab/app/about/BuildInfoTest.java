package org.marginlab.app.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What {@code marginlab --version} and the About dialog show, without a toolkit. */
class BuildInfoTest {

    @Test
    void versionComesFromTheFilteredBuildInfo() {
        // the build filters build-info.properties with the pom's version
        assertThat(BuildInfo.version()).matches("\\d+\\.\\d+\\.\\d+.*").isNotEqualTo("dev");
    }

    @Test
    void buildTimeIsTheMavenBuildTimestamp() {
        assertThat(BuildInfo.buildTime()).isPresent();
        assertThat(BuildInfo.buildDate()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
    }

    @Test
    void runtimeNamesJavaAndJavaFx() {
        assertThat(BuildInfo.runtime()).startsWith("Java " + System.getProperty("java.version"))
                .containsPattern("JavaFX \\d+");
    }

    @Test
    void everyBundledTierTableHasItsCaptureDate() {
        List<BuildInfo.TierTableDate> tables = BuildInfo.tierTables();
        assertThat(tables).isNotEmpty();
        assertThat(tables).extracting(t -> t.venueId() + " " + t.symbol())
                .contains("binance-usdm BTCUSDT", "binance-usdm ETHUSDT");
        assertThat(tables).allSatisfy(t -> assertThat(t.asOf()).matches("\\d{4}-\\d{2}-\\d{2}"));
    }

    @Test
    void linesListVersionBuildRuntimeAndEveryTable() {
        List<String> lines = BuildInfo.lines();
        assertThat(lines.get(0)).isEqualTo("MarginLab " + BuildInfo.version());
        assertThat(lines.get(1)).isEqualTo("Built: " + BuildInfo.buildDate());
        assertThat(lines.get(2)).isEqualTo("Runtime: " + BuildInfo.runtime());
        assertThat(lines.get(3)).isEqualTo("Bundled tier tables (as of):");
        List<BuildInfo.TierTableDate> tables = BuildInfo.tierTables();
        assertThat(lines).hasSize(4 + tables.size());
        for (int i = 0; i < tables.size(); i++) {
            BuildInfo.TierTableDate t = tables.get(i);
            assertThat(lines.get(4 + i)).startsWith("  " + t.venueId()).contains(" " + t.symbol() + " ")
                    .endsWith(t.asOf());
        }
    }
}
