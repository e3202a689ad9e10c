package org.marginlab.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.MarginEngine;
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
    void everySampleEvaluatesWithoutError() {
        for (String name : Samples.names()) {
            AccountRisk risk = MarginEngine.DEFAULT.evaluate(Samples.open(name).toAccount());
            assertThat(risk.positions()).as(name).isNotEmpty();
            assertThat(Samples.title(name)).as(name).isNotEqualTo(name);
        }
    }

    private static BigDecimal liquidationPrice(String sample, String id) {
        return MarginEngine.DEFAULT.evaluate(Samples.open(sample).toAccount()).position(id).liquidationPrice()
                .setScale(2, RoundingMode.HALF_UP);
    }

    @Test
    void hedgeSample() {
        Workspace w = Samples.open(Samples.BTC_LONG_ETH_SHORT_HEDGE);
        assertThat(w.venueId()).isEqualTo("binance-usdm");
        assertThat(w.positions()).extracting(Position::side).containsExactly(Side.LONG, Side.SHORT);
        assertThat(w.positions()).allSatisfy(p -> assertThat(p.marginMode()).isEqualTo(MarginMode.CROSS));
        // BTC cross, ETH held at its mark: WB 5,000, TMM1 = 8·3,050·0.4 % = 97.6, UPNL1 = −8·(3,050 − 3,000) = −400:
        // LP = (5,000 − 97.6 − 400 − 0.5·60,000)/(0.5·0.004 − 0.5) = 51,200.00
        assertThat(liquidationPrice(Samples.BTC_LONG_ETH_SHORT_HEDGE, "btc-long")).isEqualByComparingTo("51200.00");
    }

    @Test
    void coinMarginedSample() {
        Workspace w = Samples.open(Samples.BINANCE_COINM_BTCUSD);
        assertThat(w.venueId()).isEqualTo("binance-coinm");
        Position p = w.position("btcusd-long");
        assertThat(p.contract()).isEqualTo(ContractType.INVERSE);
        assertThat(p.contractSize()).isEqualByComparingTo("100");
        assertThat(p.maintenance().mmr()).isEqualByComparingTo("0.004");
        // LP = Q·CS·(MMR + 1)/(WB + Q·CS/EP) = 10,000·1.004/(0.01 + 0.2) = 47,809.52 USD
        assertThat(liquidationPrice(Samples.BINANCE_COINM_BTCUSD, "btcusd-long")).isEqualByComparingTo("47809.52");
    }

    @Test
    void hyperliquidSample() {
        Workspace w = Samples.open(Samples.HYPERLIQUID_ACCOUNT);
        assertThat(w.venueId()).isEqualTo("hyperliquid");
        assertThat(w.positions()).extracting(Position::symbol).containsExactly("BTC", "ETH", "SOL");
        assertThat(w.positions()).extracting(Position::marginMode)
                .containsExactly(MarginMode.CROSS, MarginMode.ISOLATED, MarginMode.CROSS);
        assertThat(w.positions()).allSatisfy(p -> assertThat(p.tiers()).isNull());
        // ETH short isolated 600 USDC, bundled tier MMR 1/(2·25) = 2 %: 600 − 2·(P − 3,000) = 2·P·0.02
        // → P = 6,600/2.04 = 3,235.29
        assertThat(liquidationPrice(Samples.HYPERLIQUID_ACCOUNT, "eth-short")).isEqualByComparingTo("3235.29");
    }

    @Test
    void courseCascadeSample() {
        Workspace w = Samples.open(Samples.COURSE_CROSS_CASCADE);
        assertThat(w.walletBalance()).isEqualByComparingTo("500");
        assertThat(w.positions()).hasSize(3).allSatisfy(p -> {
            assertThat(p.side()).isEqualTo(Side.LONG);
            assertThat(p.marginMode()).isEqualTo(MarginMode.ISOLATED);
            assertThat(p.markPrice()).isEqualByComparingTo(p.entryPrice());
        });
        // BTC: (600 − 12,000)/(0.2·(0.004 − 1)) = 57,228.92; total equity 500 + 600 + 1,200 + 1,000
        assertThat(liquidationPrice(Samples.COURSE_CROSS_CASCADE, "btc-long")).isEqualByComparingTo("57228.92");
        assertThat(MarginEngine.DEFAULT.evaluate(w.toAccount()).totalEquity()).isEqualByComparingTo("3300");
    }

    @Test
    void unknownSampleNameIsRejected() {
        assertThatThrownBy(() -> Samples.open("nope.marginlab")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no bundled sample named nope.marginlab");
    }
}
