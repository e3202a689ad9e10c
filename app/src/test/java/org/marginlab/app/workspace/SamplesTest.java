package org.marginlab.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;

/** The bundled samples: present in the module, valid, and the same as {@code assets/samples}. */
class SamplesTest {

    /** The repository's assets/samples, seen from the app module's directory (Maven's basedir). */
    private static final Path ASSETS = Path.of("..", "assets", "samples");

    @Test
    void everyAssetSampleIsBundledAndListed() throws IOException {
        try (Stream<Path> files = Files.list(ASSETS)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".marginlab")))
                    .containsExactlyInAnyOrderElementsOf(Samples.names());
        }
    }

    @Test
    void bundledSamplesAreTheAssetFilesAndCanonical() throws Exception {
        for (String name : Samples.names()) {
            Workspace bundled = Samples.open(name);
            String asset = Files.readString(ASSETS.resolve(name));
            ReadResult fromAsset = WorkspaceFile.fromJson(asset);
            assertThat(fromAsset.warnings()).as(name).isEmpty();
            assertThat(bundled).as(name).isEqualTo(fromAsset.workspace());
            assertThat(WorkspaceFile.toJson(bundled)).as("%s is in the app's own file layout", name).isEqualTo(asset);
        }
    }

    @Test
    void btcLongIsolatedSample() {
        Workspace w = Samples.open(Samples.BTC_LONG_ISOLATED);
        assertThat(w.name()).isEqualTo("BTC long (isolated)");
        assertThat(w.venueId()).isEqualTo("binance-usdm");
        assertThat(w.walletBalance()).isEqualByComparingTo("10000");
        Position p = w.position("btc-long");
        assertThat(p.symbol()).isEqualTo("BTCUSDT");
        assertThat(p.side()).isEqualTo(Side.LONG);
        assertThat(p.quantity()).isEqualByComparingTo("0.5");
        assertThat(p.entryPrice()).isEqualByComparingTo("60000");
        assertThat(p.markPrice()).isEqualByComparingTo("59000");
        assertThat(p.leverage()).isEqualByComparingTo("20");
        assertThat(p.isolatedMargin()).isEqualByComparingTo("1500");
        assertThat(p.tiers()).isNull();
        assertThat(p.maintenance()).isNull();
    }

    @Test
    void binanceFaqCrossSample() {
        Workspace w = Samples.open(Samples.BINANCE_FAQ_CROSS);
        assertThat(w.walletBalance()).isEqualByComparingTo("1535443.01");
        assertThat(w.positions()).hasSize(2).allSatisfy(p -> {
            assertThat(p.marginMode()).isEqualTo(MarginMode.CROSS);
            assertThat(p.leverage()).isEqualByComparingTo("10");
        });
        Position btc = w.positions().get(0);
        assertThat(btc.symbol()).isEqualTo("BTCUSDT");
        assertThat(btc.quantity()).isEqualByComparingTo("109.488");
        assertThat(btc.maintenance().mmr()).isEqualByComparingTo("0.025");
        assertThat(btc.maintenance().maintenanceAmount()).isEqualByComparingTo("16300");
        Position eth = w.positions().get(1);
        assertThat(eth.symbol()).isEqualTo("ETHUSDT");
        assertThat(eth.entryPrice()).isEqualByComparingTo("1456.84");
        assertThat(eth.markPrice()).isEqualByComparingTo("1335.18");
        assertThat(eth.maintenance().maintenanceAmount()).isEqualByComparingTo("135365");
    }

    @Test
    void unknownSampleNameIsRejected() {
        assertThatThrownBy(() -> Samples.open("nope.marginlab")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no bundled sample named nope.marginlab");
    }
}
