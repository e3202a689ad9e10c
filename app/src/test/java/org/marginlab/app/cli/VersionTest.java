package org.marginlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marginlab.app.about.BuildInfo;

/** {@code marginlab --version}: version, build date, runtime and the tier tables' dates. */
class VersionTest {

    @Test
    void versionOptionPrintsTheBuildInfoLines() {
        CliRunner.Run run = CliRunner.run("--version");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo(String.join("\n", BuildInfo.lines()) + "\n");
        assertThat(run.out()).startsWith("MarginLab " + BuildInfo.version() + "\nBuilt: ")
                .contains("Bundled tier tables (as of):\n  binance-usdm");
    }

    @Test
    void subcommandsShowTheSameVersion() {
        assertThat(CliRunner.run("calc", "--version").out()).isEqualTo(CliRunner.run("-V").out());
    }
}
