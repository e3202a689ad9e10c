package org.marginlab.app.tiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginlab.app.tiers.TierRefresh.Outcome;
import org.marginlab.app.tiers.TierRefresh.Status;
import org.marginlab.app.tiers.TierRefresh.Target;
import org.marginlab.engine.tier.InstalledTiers;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.tier.TierTables;
import org.marginlab.engine.venue.Venues;

/**
 * The stored tables: written in the bundled text form and read back the same, dated, with their
 * source; a corrupt stored file is reported, ignored and left as it is, and replaced only by an
 * applied table, its last version kept as the backup.
 */
class TierRefreshStoreTest {
    @TempDir
    Path data;

    /** Hyperliquid's ETH tiers as its documented example gives them (50x, no table id), and a two-tier one. */
    private static final TierTable ONE_TIER = TierTable.of(List.of(MaintenanceTier.of(BigDecimal.ZERO, null,
            new BigDecimal("50"), new BigDecimal("0.01"), BigDecimal.ZERO)),
            "POST https://api.hyperliquid.xyz/info {\"type\":\"meta\"}", "2026-12-06");
    private static final TierTable THIRTY = TierTable.ofMarginalRates(
            List.of(BigDecimal.ZERO, new BigDecimal("100000000")), java.util.Arrays.asList(new BigDecimal("100000000"), null),
            List.of(new BigDecimal("0.02"), BigDecimal.ONE.divide(new BigDecimal("30"), java.math.MathContext.DECIMAL128)),
            List.of(new BigDecimal("25"), new BigDecimal("15")), "https://example/tiers\nsecond line", "2026-12-06");

    @AfterEach
    void clear() {
        InstalledTiers.clear();
    }

    @Test
    void aStoredTableReadsBackTheSame() throws IOException {
        TierStore store = new TierStore(data);
        assertThat(store.save("hyperliquid", "eth", THIRTY)).isNull();

        Path file = data.resolve("tiers/hyperliquid/ETH.csv");
        assertThat(store.file("hyperliquid", "eth")).isEqualTo(file);
        String text = Files.readString(file);
        assertThat(text).isEqualTo("# hyperliquid ETH tier table stored by MarginLab (Help → Update tier tables); it "
                + "wins over the bundled table\n"
                + "# asOf: 2026-12-06\n"
                + "# source: https://example/tiers second line\n"
                + "floor,cap,maxLeverage,mmr,maintenanceAmount\n"
                + "0,100000000,25,0.02,0\n"
                + "100000000,,15,0.03333333333333333333333333333333333,1333333.333333333333333333333333333\n");

        TierStore.Loaded loaded = store.load();
        assertThat(loaded.problems()).isEmpty();
        TierTable back = loaded.tables().get("hyperliquid/ETH");
        assertThat(back).isEqualTo(THIRTY);
        assertThat(back.asOf()).isEqualTo("2026-12-06");
        assertThat(back.source()).isEqualTo("https://example/tiers second line");
        assertThat(TierTables.parse(new StringReader(text))).isEqualTo(THIRTY);
    }

    @Test
    void installStoredPutsTheTablesInFrontOfTheBundledOnes() throws IOException {
        new TierStore(data).save("hyperliquid", "BTC", ONE_TIER);
        TierStore.Loaded loaded = TierStore.installStored(data);

        assertThat(loaded.tables()).containsOnlyKeys("hyperliquid/BTC");
        TierTable used = Venues.byId("hyperliquid").presetTiers("BTC").orElseThrow();
        assertThat(used.asOf()).isEqualTo("2026-12-06");
        assertThat(used.tiers().get(0).maxLeverage()).isEqualByComparingTo("50");
    }

    @Test
    void aCorruptStoredFileIsReportedIgnoredAndLeftAsItIs() throws IOException {
        TierStore store = new TierStore(data);
        store.save("hyperliquid", "BTC", ONE_TIER);
        Path bad = data.resolve("tiers/gate/BTCUSDT.csv");
        Files.createDirectories(bad.getParent());
        String corrupt = "# asOf: 2026-12-01\nfloor,cap,maxLeverage,mmr,maintenanceAmount\n0,20000,50,0.01,0\n30000,50000,40,0.013,60\n";
        Files.writeString(bad, corrupt);
        Files.writeString(data.resolve("tiers/gate/BTCUSDT.csv.bak"), "not a table"); // a backup: not read
        Files.writeString(data.resolve("tiers/gate/notes.txt"), "anything");           // not a table name: not read

        TierStore.Loaded loaded = TierStore.installStored(data);
        assertThat(loaded.tables()).containsOnlyKeys("hyperliquid/BTC");
        assertThat(loaded.problems()).containsExactly("The stored tier table " + bad + " cannot be used (tiers[1].floor: "
                + "must equal the previous tier's cap 20000 (contiguous) (got 30000)): it is ignored and left as it is; "
                + "gate BTCUSDT uses the bundled table, if any. Update the tier tables to replace it.");
        assertThat(Files.readString(bad)).isEqualTo(corrupt);
        assertThat(InstalledTiers.lookup("gate", "BTCUSDT")).isEmpty();
    }

    @Test
    void applyingOverACorruptFileSaysSoAndKeepsIt() throws IOException {
        Path bad = data.resolve("tiers/hyperliquid/ETH.csv");
        Files.createDirectories(bad.getParent());
        Files.write(bad, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        Outcome o = new Outcome(new Target("hyperliquid", "ETH"), "Hyperliquid", Status.UPDATED, "", null, THIRTY, List.of());

        TierRefresh.Applied applied = TierRefresh.apply(List.of(o), new TierStore(data));
        assertThat(applied.stored()).containsExactly(new Target("hyperliquid", "ETH"));
        assertThat(applied.failures()).isEmpty();
        assertThat(applied.notes()).containsExactly("hyperliquid ETH: the stored file " + bad
                + " could not be read (not UTF-8 text); it is kept as ETH.csv.bak");
        assertThat(Files.readAllBytes(data.resolve("tiers/hyperliquid/ETH.csv.bak"))).containsExactly(0xff, 0xfe, 0, 1);
        assertThat(new TierStore(data).load().tables().get("hyperliquid/ETH")).isEqualTo(THIRTY);
        assertThat(Venues.byId("hyperliquid").presetTiers("ETH")).containsSame(THIRTY);
    }

    @Test
    void aTableThatCannotBeStoredIsNotInstalled() throws IOException {
        Files.writeString(data.resolve("tiers"), "a file where the folder should be");
        Outcome o = new Outcome(new Target("hyperliquid", "BTC"), "Hyperliquid", Status.UPDATED, "", null, ONE_TIER,
                List.of());
        long version = InstalledTiers.version();

        TierRefresh.Applied applied = TierRefresh.apply(List.of(o), new TierStore(data));
        assertThat(applied.stored()).isEmpty();
        assertThat(applied.failures()).hasSize(1);
        assertThat(applied.failures().get(0)).startsWith("hyperliquid BTC: not stored, so not used (");
        assertThat(InstalledTiers.version()).isEqualTo(version);
        assertThat(Files.readString(data.resolve("tiers"), StandardCharsets.UTF_8)).isEqualTo("a file where the folder should be");
    }

    @Test
    void unchangedAndFailedOutcomesAreNotStored() {
        Outcome unchanged = new Outcome(new Target("hyperliquid", "BTC"), "Hyperliquid", Status.UNCHANGED, "", ONE_TIER,
                ONE_TIER, List.of());
        Outcome offline = new Outcome(new Target("okx", "BTCUSDT"), "OKX", Status.OFFLINE, "", null, null, List.of());
        TierRefresh.Applied applied = TierRefresh.apply(List.of(unchanged, offline), new TierStore(data));
        assertThat(applied.stored()).isEmpty();
        assertThat(Files.exists(data.resolve("tiers"))).isFalse();
    }
}
