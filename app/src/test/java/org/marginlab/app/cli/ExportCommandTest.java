package org.marginlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code marginlab export}: the files it writes and its exit status on bad input. */
class ExportCommandTest {
    @TempDir
    Path dir;

    private String sample(String name) throws IOException {
        Path f = dir.resolve(name);
        try (var in = ExportCommandTest.class.getResourceAsStream("/org/marginlab/app/samples/" + name)) {
            Files.write(f, in.readAllBytes());
        }
        return f.toString();
    }

    @Test
    void writesThePdfAndTheCsv() throws IOException {
        Path pdf = dir.resolve("class.pdf");
        Path csv = dir.resolve("positions.csv");
        CliRunner.Run r = CliRunner.run("export", sample("course-cross-cascade.marginlab"), "--pdf", pdf.toString(),
                "--csv", csv.toString(), "--bundled-tiers");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(bytes.length).isGreaterThan(10_000);
        String text = Files.readString(csv);
        assertThat(text).startsWith("id,symbol,side,mode,contract,quantity,entry_price,");
        // 11,400/0.1992 = 57,228.915662650602…, written plainly
        assertThat(text).contains("btc-long,BTCUSDT,long,isolated,linear,0.2,60000,60000,20,600,60000,57228.9156626506");
        assertThat(text.lines()).hasSize(4);
    }

    @Test
    void csvToStandardOutput() throws IOException {
        CliRunner.Run r = CliRunner.run("export", sample("btc-long-isolated.marginlab"), "--csv", "-");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("id,symbol,").contains("\n");
    }

    @Test
    void asOfIsWrittenOnTheHandout() throws IOException {
        Path pdf = dir.resolve("dated.pdf");
        CliRunner.Run r = CliRunner.run("export", sample("kucoin-rule-change.marginlab"), "--pdf", pdf.toString(),
                "--as-of", "2025-05-21");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.size(pdf)).isGreaterThan(5_000);
    }

    @Test
    void nothingToWriteExitsTwo() throws IOException {
        CliRunner.Run r = CliRunner.run("export", sample("btc-long-isolated.marginlab"));
        assertThat(r.exit()).isEqualTo(MarginLabCommand.INVALID_INPUT);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("--pdf").contains("--csv");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingFolderExitsTwoAndAnInvalidWorkspaceWritesNothing() throws IOException {
        CliRunner.Run r = CliRunner.run("export", sample("btc-long-isolated.marginlab"), "--pdf",
                dir.resolve("no/such/folder/x.pdf").toString());
        assertThat(r.exit()).isEqualTo(MarginLabCommand.INVALID_INPUT);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("--pdf").contains("folder");

        Path bad = dir.resolve("bad.marginlab");
        Files.writeString(bad, Files.readString(Path.of(sample("btc-long-isolated.marginlab")))
                .replace("\"leverage\": \"", "\"leverage\": \"-"));
        Path out = dir.resolve("never.pdf");
        CliRunner.Run b = CliRunner.run("export", bad.toString(), "--pdf", out.toString());
        assertThat(b.exit()).isEqualTo(MarginLabCommand.INVALID_INPUT);
        assertThat(b.err().lines()).hasSize(1);
        assertThat(b.err()).contains("leverage");
        assertThat(out).doesNotExist();
    }

    @Test
    void helpNamesTheOptions() {
        CliRunner.Run r = CliRunner.run("export", "-h");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--pdf=OUT").contains("--csv=OUT").contains("--as-of").contains("--bundled-tiers")
                .contains("marginlab export class.marginlab --pdf class.pdf --csv positions.csv");
    }
}
