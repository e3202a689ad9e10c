package org.marginlab.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginlab.engine.replay.PricePath;

class PathCsvTest {
    private static PricePath parse(String text) throws Exception {
        return PathCsv.parse(new StringReader(text));
    }

    @Test
    void readsSeveralSymbolsIsoInstantsAndEpochMillisSkippingComments() throws Exception {
        PricePath p = parse("# synthetic: a test\n# second comment\ntime,symbol,mark\n"
                + "2026-01-05T00:00:00Z,BTCUSDT,60000\n2026-01-05T00:00:00Z,ETHUSDT,3000\n\n"
                // 2026-01-05T00:03:00Z = 1,767,571,200,000 ms + 180,000 ms
                + "1767571380000,BTCUSDT,59800.5\n");
        assertThat(p.size()).isEqualTo(2);
        assertThat(p.symbols()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(p.time(1)).isEqualTo(Instant.parse("2026-01-05T00:03:00Z"));
        assertThat(p.mark("BTCUSDT", 1)).isEqualByComparingTo("59800.5");
        assertThat(p.mark("ETHUSDT", 1)).isEqualByComparingTo("3000"); // kept
    }

    @Test
    void linesMayComeInAnyTimeOrder() throws Exception {
        PricePath p = parse("time,symbol,mark\n2026-01-05T00:01:00Z,BTCUSDT,2\n2026-01-05T00:00:00Z,BTCUSDT,1\n");
        assertThat(p.mark("BTCUSDT", 0)).isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void aMarkThatIsNotPositiveNamesItsLineAndField() {
        // line 1 comment, 2 header, 3 and 4 rows
        assertThatThrownBy(() -> parse("# c\ntime,symbol,mark\n2026-01-05T00:00:00Z,BTCUSDT,60000\n"
                + "2026-01-05T00:01:00Z,BTCUSDT,-3\n"))
                .isInstanceOf(PathCsv.PathCsvException.class).hasMessage("line 4, mark: must be > 0 (got -3)");
    }

    @Test
    void aMarkThatIsNotANumber() {
        assertThatThrownBy(() -> parse("time,symbol,mark\n2026-01-05T00:00:00Z,BTCUSDT,6o000\n"))
                .hasMessage("line 2, mark: must be a number such as 60000.5 (got 6o000)");
    }

    @Test
    void aTimeThatIsNeitherAnInstantNorEpochMillis() {
        assertThatThrownBy(() -> parse("time,symbol,mark\n2026-01-05 00:00,BTCUSDT,1\n"))
                .hasMessage("line 2, time: must be an ISO-8601 instant such as 2026-01-05T00:03:00Z or epoch "
                        + "milliseconds (got 2026-01-05 00:00)");
    }

    @Test
    void theHeaderIsRequired() {
        assertThatThrownBy(() -> parse("2026-01-05T00:00:00Z,BTCUSDT,1\n"))
                .hasMessage("line 1, header: must be time,symbol,mark (got 2026-01-05T00:00:00Z,BTCUSDT,1)");
        assertThatThrownBy(() -> parse("# only a comment\n")).hasMessageContaining("the file is empty");
    }

    @Test
    void aRowWithTheWrongNumberOfFields() {
        assertThatThrownBy(() -> parse("time,symbol,mark\n2026-01-05T00:00:00Z,BTCUSDT\n"))
                .hasMessage("line 2: must have 3 fields, time,symbol,mark (got 2)");
    }

    @Test
    void aSymbolTwiceAtOneTime() {
        assertThatThrownBy(() -> parse("time,symbol,mark\n2026-01-05T00:00:00Z,BTCUSDT,1\n2026-01-05T00:00:00Z,BTCUSDT,2\n"))
                .hasMessage("line 3, time: BTCUSDT already has a mark at 2026-01-05T00:00:00Z (line 2)");
    }

    @Test
    void aPathNeedsTwoTimes() {
        assertThatThrownBy(() -> parse("time,symbol,mark\n2026-01-05T00:00:00Z,BTCUSDT,1\n2026-01-05T00:00:00Z,ETHUSDT,2\n"))
                .hasMessage("the path must have at least 2 times (got 1)");
    }

    @Test
    void readsAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.csv");
        Files.writeString(f, "time,symbol,mark\n0,BTCUSDT,1\n60000,BTCUSDT,2\n", StandardCharsets.UTF_8);
        assertThat(PathCsv.read(f).size()).isEqualTo(2);
        assertThatThrownBy(() -> PathCsv.read(dir.resolve("missing.csv"))).hasMessageStartingWith("cannot read missing.csv");
    }

    @Test
    void theBundledPathsHaveTheirShapes() {
        PricePath wick = BundledPaths.open(BundledPaths.WICK_DOWN_12);
        assertThat(wick.size()).isEqualTo(121);
        assertThat(wick.symbols()).containsExactly("BTCUSDT", "ETHUSDT", "SOLUSDT");
        assertThat(wick.mark("BTCUSDT", 33)).isEqualByComparingTo("52800");
        assertThat(wick.mark("SOLUSDT", 36)).isEqualByComparingTo("142.5");
        // between knots 30 (59,400) and 33 (52,800): 2,200 a minute
        assertThat(wick.mark("BTCUSDT", 31)).isEqualByComparingTo("57200");
        PricePath up = BundledPaths.open(BundledPaths.WICK_UP_15);
        assertThat(up.mark("ETHUSDT", 43)).isEqualByComparingTo("3450");
        assertThat(up.mark("BTCUSDT", 120)).isEqualByComparingTo("61200");
        PricePath bleed = BundledPaths.open(BundledPaths.SLOW_BLEED_30);
        assertThat(bleed.size()).isEqualTo(337);
        assertThat(bleed.mark("BTCUSDT", 336)).isEqualByComparingTo("42000");
        // hour 168: half way, 51,000 / 2,550 / 127.5
        assertThat(bleed.mark("BTCUSDT", 168)).isEqualByComparingTo("51000");
        assertThat(bleed.mark("SOLUSDT", 168)).isEqualByComparingTo("127.5");
        assertThat(bleed.duration().toDays()).isEqualTo(14);
    }
}
