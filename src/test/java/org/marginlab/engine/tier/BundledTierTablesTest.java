package org.marginlab.engine.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

/**
 * Every bundled tier table: each venue folder's {@code index.txt} lists exactly the tables in the
 * folder, every listed table loads (so passes {@link TierTable#of}'s checks) and says where it came
 * from and when, and the registered venues offer exactly the indexed symbols as presets. The
 * figures below are typed by hand from the sources named in each file, not computed by the code
 * under test.
 */
class BundledTierTablesTest {

    /** The tier folder of the test classpath ({@code target/classes/.../tier}), read as files. */
    private static Path tierRoot() {
        try {
            return Path.of(TierTables.class.getResource("binance-usdm/index.txt").toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> venueFolders() {
        try (Stream<Path> s = Files.list(tierRoot())) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> indexLines(Path folder) {
        try {
            return Files.readAllLines(folder.resolve("index.txt"), StandardCharsets.UTF_8).stream().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TreeSet<String> tableFiles(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                    .map(n -> n.substring(0, n.length() - 4)).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TierTable table(String venue, String symbol) {
        return TierTables.bundled(venue, symbol).orElseThrow();
    }

    /** One tier against the source: floor, cap, max leverage, MMR, maintenance amount. */
    private static void assertTier(TierTable t, int index, String floor, String cap, String maxLev, String mmr,
            String amount) {
        MaintenanceTier tier = t.tiers().get(index);
        String what = "tier " + (index + 1);
        assertThat(tier.floor()).as("floor of %s", what).isEqualByComparingTo(floor);
        assertThat(tier.cap()).as("cap of %s", what).isEqualByComparingTo(cap);
        assertThat(tier.maxLeverage()).as("max leverage of %s", what).isEqualByComparingTo(maxLev);
        assertThat(tier.mmr()).as("mmr of %s", what).isEqualByComparingTo(mmr);
        assertThat(tier.maintenanceAmount()).as("maintenance amount of %s", what).isEqualByComparingTo(amount);
    }

    @Test
    void everyFolderHasAnIndexListingExactlyItsTables_inTheOrderBundledSymbolsReturns() {
        List<Path> folders = venueFolders();
        assertThat(folders).extracting(p -> p.getFileName().toString())
                .contains("binance-usdm", "bybit-linear", "hyperliquid", "bitget", "bybit-uta");
        for (Path folder : folders) {
            String venue = folder.getFileName().toString();
            assertThat(folder.resolve("index.txt")).as(venue).exists();
            List<String> listed = indexLines(folder);
            assertThat(listed).as("%s/index.txt", venue).isNotEmpty().doesNotHaveDuplicates();
            assertThat(new TreeSet<>(listed)).as("%s/index.txt against the .csv files", venue)
                    .isEqualTo(tableFiles(folder));
            assertThat(TierTables.bundledSymbols(venue)).as(venue).isEqualTo(listed);
        }
        assertThat(TierTables.bundledSymbols("no-such-venue")).isEmpty();
    }

    @Test
    void everyListedTableLoads_withItsDateAndSource() {
        for (Path folder : venueFolders()) {
            String venue = folder.getFileName().toString();
            for (String symbol : indexLines(folder)) {
                TierTable t = table(venue, symbol);
                String what = venue + "/" + symbol;
                assertThat(t.asOf()).as("asOf of %s", what).isNotNull().matches("\\d{4}-\\d{2}-\\d{2}");
                assertThat(t.source()).as("source of %s", what).isNotBlank();
                assertThat(t.tiers().get(0).floor()).as(what).isZero();
                assertThat(t.tiers()).as("max leverage of every tier of %s", what)
                        .allSatisfy(tier -> assertThat(tier.maxLeverage()).isNotNull());
            }
        }
    }

    @Test
    void registeredVenues_offerExactlyTheIndexedSymbols() {
        for (VenueRules venue : Venues.all()) {
            assertThat(venue.presetSymbols()).as(venue.id()).isEqualTo(TierTables.bundledSymbols(venue.id()));
        }
        assertThat(Venues.byId("binance-usdm").presetSymbols())
                .containsExactly("BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "DOGEUSDT");
    }

    // Binance USDⓈ-M, freqtrade binance_leverage_tiers.json @c9ae5e1e (2024-10-24): bracket,
    // notionalFloor, notionalCap, initialLeverage, maintMarginRatio, cum as stored there.

    @Test
    void binanceUsdm_solusdt_matchesSource() {
        TierTable t = table("binance-usdm", "SOLUSDT");
        assertThat(t.size()).isEqualTo(10);
        assertThat(t.asOf()).isEqualTo("2024-10-24");
        assertTier(t, 1, "20000", "100000", "75", "0.0065", "30");
        assertTier(t, 9, "200000000", "400000000", "1", "0.5", "66728380");
    }

    @Test
    void binanceUsdm_xrpusdt_matchesSource() {
        TierTable t = table("binance-usdm", "XRPUSDT");
        assertThat(t.size()).isEqualTo(10);
        assertTier(t, 2, "20000", "160000", "40", "0.01", "85");
        assertTier(t, 8, "20000000", "40000000", "2", "0.25", "3345685");
    }

    @Test
    void binanceUsdm_dogeusdt_matchesSource() {
        TierTable t = table("binance-usdm", "DOGEUSDT");
        assertThat(t.size()).isEqualTo(10);
        assertTier(t, 1, "10000", "50000", "50", "0.007", "20");
        assertTier(t, 3, "750000", "800000", "25", "0.02", "7670");
    }

    // Bitget, announcements of 2025-09-26 ('After adjustment' columns); amounts not published,
    // checked here by hand: amount_2 = 200,000 × (0.50 % − 0.40 %) = 200 (the offset of Bitget's
    // 2025-11-10 example), ETH amount_3 = 200 + 1,000,000 × (1.00 % − 0.50 %) = 5,200.

    @Test
    void bitget_btcusdt_matchesSource() {
        TierTable t = table("bitget", "BTCUSDT");
        assertThat(t.size()).isEqualTo(12);
        assertThat(t.asOf()).isEqualTo("2025-09-26");
        assertTier(t, 0, "0", "200000", "150", "0.004", "0");
        assertTier(t, 1, "200000", "1000000", "100", "0.005", "200");
        assertThat(t.tiers().get(6).floor()).isEqualByComparingTo("100000000");
        assertThat(t.tiers().get(6).cap()).isEqualByComparingTo("150000000");
        assertThat(t.tiers().get(6).maxLeverage()).isEqualByComparingTo("10");
        assertThat(t.tiers().get(6).mmr()).isEqualByComparingTo("0.06");
    }

    @Test
    void bitget_ethusdt_matchesSource() {
        TierTable t = table("bitget", "ETHUSDT");
        assertThat(t.size()).isEqualTo(15);
        assertThat(t.asOf()).isEqualTo("2025-09-26");
        assertTier(t, 2, "1000000", "3000000", "75", "0.01", "5200");
        assertThat(t.tiers().get(14).floor()).isEqualByComparingTo("800000000");
        assertThat(t.tiers().get(14).cap()).isEqualByComparingTo("1200000000");
        assertThat(t.tiers().get(14).maxLeverage()).isEqualByComparingTo("1");
        assertThat(t.tiers().get(14).mmr()).isEqualByComparingTo("0.6");
    }

    // Bybit UTA: the bybit-linear BTCUSDT rows (Bybit 'Margin Parameters', tiers 2 and 20).

    @Test
    void bybitUta_btcusdt_isTheBybitLinearTable() {
        TierTable t = table("bybit-uta", "BTCUSDT");
        assertThat(t.asOf()).isEqualTo("2024-05-10");
        assertTier(t, 1, "2000000", "2600000", "90", "0.0056", "1200");
        assertTier(t, 19, "75000000", "80000000", "14", "0.045", "1482000");
        assertThat(t.tiers()).isEqualTo(table("bybit-linear", "BTCUSDT").tiers());
    }

    // Kraken Futures PF_XBTUSD, ccxt pull request #24844 (2025-01-11), partial (tiers 1-4): min and
    // max notional, maintenance rate and max leverage as printed there. Kraken publishes no amounts;
    // by hand: 1,000,000 × (2 % − 1 %) = 10,000; 10,000 + 2,000,000 × (2.5 % − 2 %) = 20,000;
    // 20,000 + 5,000,000 × (5 % − 2.5 %) = 145,000.

    @Test
    void krakenFutures_pfXbtusd_matchesSource_andIsPartial() {
        TierTable t = table("kraken-futures", "PF_XBTUSD");
        assertThat(t.size()).isEqualTo(4);
        assertThat(t.asOf()).isEqualTo("2025-01-11");
        assertTier(t, 1, "1000000", "2000000", "25", "0.02", "10000");
        assertTier(t, 3, "5000000", "10000000", "10", "0.05", "145000");
        // Above the last published cap there is no tier in the file: the table falls back to its
        // last tier (5 %), which understates Kraken's tier 5 and above.
        assertThat(t.indexOf(new java.math.BigDecimal("12000000"))).isEqualTo(3);
    }
}
