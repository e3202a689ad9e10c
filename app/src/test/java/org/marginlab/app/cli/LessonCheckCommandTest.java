package org.marginlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code marginlab lesson-check}: exit 0 / 1 / 2 and one line per problem. */
class LessonCheckCommandTest {
    private static final Path DEMO = Path.of("src", "test", "resources", "lessons", "00-demo.marginlab");

    @Test
    void aLessonThatChecksOutExitsZero() {
        CliRunner.Run r = CliRunner.run("lesson-check", DEMO.toString());
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).isEqualTo(DEMO + ": ok (3 steps, 3 questions)\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aFailedCheckExitsOneWithOneLinePerProblem(@TempDir Path dir) throws Exception {
        // 57,000 is 0.40 % off the engine's 57,228.92 and 56,000 is 0.40 % off 56,224.90: both outside 0.1 %
        Path bad = dir.resolve("bad.marginlab");
        Files.writeString(bad, Files.readString(DEMO).replace("\"57228.92\"", "\"57000\"")
                .replace("\"56224.90\"", "\"56000\"").replace("\"0.5%\"", "\"0.1%\""));
        CliRunner.Run r = CliRunner.run("lesson-check", DEMO.toString(), bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(DEMO + ": ok (3 steps, 3 questions)\n");
        assertThat(r.err().lines()).hasSize(2);
        assertThat(r.err().lines().toList().get(0)).startsWith(bad + ": lesson.steps[0].questions[0].expected: ");
        assertThat(r.err().lines().toList().get(1)).startsWith(bad + ": lesson.steps[1].questions[0].expected: ");
    }

    @Test
    void anUnreadableFileExitsTwo(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.marginlab");
        Files.writeString(broken, Files.readString(DEMO).replace("\"btc-long.liquidationPrice\",\n            \"tolerance\": \"0.5%\",\n            \"expected\": \"57228.92\"",
                "\"eth.liquidationPrice\""));
        Path plain = dir.resolve("plain.marginlab");
        Files.writeString(plain, "{\"venue\": \"binance-usdm\"}");
        CliRunner.Run r = CliRunner.run("lesson-check", broken.toString(), plain.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(broken + ": lesson.steps[0].questions[0].figure: unknown position \"eth\" "
                + "(positions: btc-long)\n");
        assertThat(r.err()).contains(plain + ": has no lesson block\n");
    }
}
