package org.marginlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginlab.app.tiers.TierStore;
import org.marginlab.app.workspace.Samples;
import org.marginlab.engine.tier.InstalledTiers;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;

/**
 * {@code calc} uses the tier tables the app stored (Help → Update tier tables), so that it gives
 * the window's figures; {@code --bundled-tiers} ignores them; a stored file that cannot be read is a
 * warning and is not used.
 */
class TierRefreshCalcTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String SAMPLE = Path.of("../assets/samples", Samples.HYPERLIQUID_ACCOUNT).toString();
    /** Hyperliquid's documented meta: ETH at 50x, one tier, MMR 1/(2·50) = 1 %. */
    private static final TierTable ETH_50X = TierTable.of(List.of(MaintenanceTier.of(BigDecimal.ZERO, null,
            new BigDecimal("50"), new BigDecimal("0.01"), BigDecimal.ZERO)), "POST http://127.0.0.1/info", "2026-12-06");

    @TempDir
    Path data;
    private String before;

    @BeforeEach
    void pointTheDataFolderHere() {
        before = System.getProperty("marginlab.data.dir");
        System.setProperty("marginlab.data.dir", data.toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("marginlab.data.dir");
        } else {
            System.setProperty("marginlab.data.dir", before);
        }
        InstalledTiers.clear();
    }

    private static BigDecimal ethShortLiquidation(CliRunner.Run r) throws Exception {
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode report = JSON.readTree(r.out());
        JsonNode eth = report.get("positions").get(1);
        assertThat(eth.get("id").asText()).isEqualTo("eth-short");
        return eth.get("liquidationPrice").decimalValue();
    }

    @Test
    void calcUsesTheStoredTablesLikeTheApp() throws Exception {
        // bundled ETH, 25x: MMR 2 %, the short's liquidation at 3300/1.02 = 3235.294…
        assertThat(ethShortLiquidation(CliRunner.run("calc", "--json", SAMPLE))).isBetween(new BigDecimal("3235.29"),
                new BigDecimal("3235.30"));

        new TierStore(data).save("hyperliquid", "ETH", ETH_50X);
        CliRunner.Run stored = CliRunner.run("calc", "--json", SAMPLE);
        // stored ETH, 50x: MMR 1 %, 3300/1.01 = 3267.326…
        assertThat(ethShortLiquidation(stored)).isBetween(new BigDecimal("3267.32"), new BigDecimal("3267.33"));
        assertThat(stored.err()).isEmpty();

        assertThat(ethShortLiquidation(CliRunner.run("calc", "--json", "--bundled-tiers", SAMPLE)))
                .isBetween(new BigDecimal("3235.29"), new BigDecimal("3235.30"));
    }

    @Test
    void aCorruptStoredTableIsAWarningAndNotUsed() throws Exception {
        Path bad = data.resolve("tiers/hyperliquid/ETH.csv");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "floor,cap,maxLeverage,mmr,maintenanceAmount\n0,,50,-0.01,0\n");

        CliRunner.Run r = CliRunner.run("calc", "--json", SAMPLE);
        assertThat(ethShortLiquidation(r)).isBetween(new BigDecimal("3235.29"), new BigDecimal("3235.30"));
        assertThat(r.err()).isEqualTo("warning: The stored tier table " + bad + " cannot be used (line 2.mmr: must be ≥ 0 "
                + "(got -0.01)): it is ignored and left as it is; hyperliquid ETH uses the bundled table, if any. Update "
                + "the tier tables to replace it.\n");
        assertThat(Files.readString(bad)).isEqualTo("floor,cap,maxLeverage,mmr,maintenanceAmount\n0,,50,-0.01,0\n");
    }
}
