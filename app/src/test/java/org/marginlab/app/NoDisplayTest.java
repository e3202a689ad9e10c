package org.marginlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Starting the desktop app where there is no display says so in one sentence and exits 1: no stack trace, no hang. */
class NoDisplayTest {

    @Test
    void onLinuxWithoutDisplay_oneSentence() {
        assertThat(Main.noDisplay("Linux", Map.of(), null)).get().asString()
                .startsWith("MarginLab needs a graphical display and found none").doesNotContain("\n");
        assertThat(Main.noDisplay("Linux", Map.of("DISPLAY", " "), null)).isPresent();
        assertThat(Main.noDisplay("Linux", Map.of("DISPLAY", ":0"), null)).isEmpty();
        assertThat(Main.noDisplay("Linux", Map.of(), "Monocle")).isEmpty();
        assertThat(Main.noDisplay("Windows 11", Map.of(), null)).isEmpty();
        assertThat(Main.noDisplay("Mac OS X", Map.of(), null)).isEmpty();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theLauncherWithoutDisplay_printsOneLineAndExits1(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.java(), "-cp", ChildJvm.classPath(),
                "-Duser.home=" + home, Main.class.getName());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertThat(ended).as("the process ended").isTrue();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank()).toList();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("MarginLab needs a graphical display");
    }
}
