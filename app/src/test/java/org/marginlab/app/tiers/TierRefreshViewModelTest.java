package org.marginlab.app.tiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginlab.app.tiers.TierRefreshViewModel.ChangeRow;
import org.marginlab.app.tiers.TierRefreshViewModel.StatusRow;
import org.marginlab.app.tiers.TierRefreshViewModel.TargetRow;
import org.marginlab.engine.tier.InstalledTiers;
import org.marginlab.engine.venue.Venues;

/**
 * The dialog's view-model without the toolkit (direct executors): which symbols are offered and
 * ticked, the Binance file import's statuses and changes, Apply's summary, and Cancel dropping a
 * result that comes late.
 */
class TierRefreshViewModelTest {
    @TempDir
    Path data;
    private LocalVenue venue;

    @BeforeEach
    void start() {
        venue = LocalVenue.start();
    }

    @AfterEach
    void stop() {
        venue.close();
        InstalledTiers.clear();
    }

    private TierRefreshViewModel model(List<TargetRow> targets, Executor background) {
        List<VenueSource> sources = TierSources.create(venue.base());
        return new TierRefreshViewModel(new TierRefresh(sources, new JsonHttp(), () -> LocalDate.of(2026, 12, 6)),
                new TierStore(data), targets, background, Runnable::run, Locale.US);
    }

    private static List<String> ticked(List<TargetRow> rows) {
        List<String> out = new ArrayList<>();
        for (TargetRow r : rows) {
            if (r.selectedProperty().get()) {
                out.add(r.target().key());
            }
        }
        return out;
    }

    @Test
    void tickedAreTheBundledTheInstalledAndTheUsedSymbols() {
        List<VenueSource> sources = TierSources.create(venue.base());
        List<String> bundled = ticked(TierRefreshViewModel.targetsFor(sources, "binance-usdm", List.of("BTCUSDT")));
        assertThat(bundled).contains("bybit-linear/BTCUSDT", "hyperliquid/BTC", "hyperliquid/ETH", "hyperliquid/SOL")
                .doesNotContain("bybit-linear/ETHUSDT", "okx/BTCUSDT", "gate/BTCUSDT");
        for (String key : bundled) {
            int slash = key.indexOf('/');
            assertThat(org.marginlab.engine.tier.TierTables.bundled(key.substring(0, slash), key.substring(slash + 1)))
                    .as(key + " is ticked because a table is bundled").isPresent();
        }

        List<TargetRow> okx = TierRefreshViewModel.targetsFor(sources, "okx", List.of("btcusdt", "DOGEUSDT", "bad/one"));
        assertThat(ticked(okx)).contains("okx/BTCUSDT", "okx/DOGEUSDT").doesNotContain("okx/ETHUSDT");
        assertThat(okx).extracting(r -> r.target().key()).contains("okx/SOLUSDT", "okx/DOGEUSDT", "bitget/BTCUSDT",
                "kucoin/BTCUSDT").doesNotContain("okx/BAD/ONE");

        InstalledTiers.install("gate", "ETHUSDT", Venues.byId("bybit-linear").presetTiers("BTCUSDT").orElseThrow());
        assertThat(ticked(TierRefreshViewModel.targetsFor(sources, null, List.of()))).contains("gate/ETHUSDT");
    }

    @Test
    void aBinanceFileShowsItsSymbolsAndApplyStoresThem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("eth.json");
        Files.write(file, LocalVenue.resource("binance-leverage-bracket-doc.json"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-30T12:00:00Z")));
        TierRefreshViewModel vm = model(List.of(), Runnable::run);

        vm.importBinance(file);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statuses()).extracting(StatusRow::text)
                .containsExactly("Binance USDⓈ-M (file eth.json) ETHUSDT: updated, 12 of 12 tiers changed");
        assertThat(vm.changes()).hasSize(12);
        assertThat(vm.changes().get(0)).isEqualTo(new ChangeRow("binance-usdm", "ETHUSDT", "1", "0.4 %", "0.65 %",
                "50,000", "10,000", "125×", "75×"));
        assertThat(vm.changes().get(11)).isEqualTo(new ChangeRow("binance-usdm", "ETHUSDT", "12 (gone)", "50 %", "—",
                "1,200,000,000", "—", "1×", "—"));
        assertThat(vm.canApplyProperty().get()).isTrue();

        List<String> summaries = new ArrayList<>();
        vm.apply(applied -> summaries.add(vm.summary(applied)));
        assertThat(summaries).containsExactly("Tier tables updated: binance-usdm ETHUSDT (as of 2026-11-30). Stored in "
                + data.resolve("tiers") + "; the workspace uses them now.");
        assertThat(Venues.byId("binance-usdm").presetTiers("ETHUSDT").orElseThrow().size()).isEqualTo(1);
        assertThat(vm.canApplyProperty().get()).isFalse();
    }

    @Test
    void cancelDropsAResultThatComesLate() {
        venue.serve("/info", "hyperliquid-meta-doc.json");
        List<Runnable> held = new ArrayList<>();
        TierRefreshViewModel vm = model(TierRefreshViewModel.targetsFor(TierSources.create(venue.base()), null, List.of()),
                held::add);
        for (TargetRow r : vm.targets()) {
            r.selectedProperty().set(r.target().venueId().equals("hyperliquid") && r.target().symbol().equals("BTC"));
        }
        vm.fetch();
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.progressTextProperty().get()).isEqualTo("Fetching 1 of 1…");
        vm.cancel();
        held.forEach(Runnable::run); // the fetch ends after the cancel
        assertThat(vm.statuses()).isEmpty();
        assertThat(vm.canApplyProperty().get()).isFalse();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(venue.requests()).containsExactly("POST /info {\"type\":\"meta\"}");
    }

    @Test
    void nothingTickedNothingFetched() {
        TierRefreshViewModel vm = model(TierRefreshViewModel.targetsFor(TierSources.create(venue.base()), null, List.of()),
                Runnable::run);
        vm.targets().forEach(r -> r.selectedProperty().set(false));
        vm.fetch();
        assertThat(vm.messageProperty().get()).isEqualTo("Tick at least one venue's symbol to fetch.");
        assertThat(venue.requests()).isEmpty();
        assertThat(vm.statuses()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
