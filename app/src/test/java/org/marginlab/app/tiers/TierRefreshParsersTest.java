package org.marginlab.app.tiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginlab.app.tiers.TierRefresh.Outcome;
import org.marginlab.app.tiers.TierRefresh.Status;
import org.marginlab.app.tiers.TierRefresh.Target;
import org.marginlab.engine.tier.InstalledTiers;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;

/**
 * Every venue's parser on its recorded, documented answer (test resources {@code /tiers}, see their
 * README), served by a local HTTP server through the same client the app uses. The expected tiers
 * are typed from the recorded answers.
 */
class TierRefreshParsersTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private LocalVenue venue;
    private TierRefresh refresh;

    @BeforeEach
    void start() {
        venue = LocalVenue.start();
        refresh = new TierRefresh(TierSources.create(venue.base()), new JsonHttp(), () -> TODAY);
    }

    @AfterEach
    void stop() {
        venue.close();
        InstalledTiers.clear();
    }

    private static void tier(MaintenanceTier t, String floor, String cap, String maxLeverage, String mmr, String amount) {
        assertThat(t.floor()).as("floor").isEqualByComparingTo(floor);
        if (cap == null) {
            assertThat(t.cap()).as("cap").isNull();
        } else {
            assertThat(t.cap()).as("cap").isEqualByComparingTo(cap);
        }
        assertThat(t.maxLeverage()).as("maxLeverage").isEqualByComparingTo(maxLeverage);
        assertThat(t.mmr()).as("mmr").isEqualByComparingTo(mmr);
        assertThat(t.maintenanceAmount()).as("maintenanceAmount").isEqualByComparingTo(amount);
    }

    @Test
    void bybitDocumentedExample_ratesInPercent() {
        venue.serve("/v5/market/risk-limit?category=inverse&symbol=BTCUSD", "bybit-risk-limit-doc.json");
        Outcome o = refresh.fetch(new Target("bybit-inverse", "BTCUSD"));

        assertThat(o.status()).isEqualTo(Status.NEW); // no bundled inverse table
        assertThat(o.message()).isEqualTo("Bybit inverse BTCUSD: new, 1 tier (no table before)");
        TierTable t = o.after();
        assertThat(t.size()).isEqualTo(1);
        // "maintenanceMargin": "0.5" with "initialMargin": "1" at 100x is percent: 0.5 % = 0.005
        tier(t.tiers().get(0), "0", "150", "100", "0.005", "0");
        assertThat(t.asOf()).isEqualTo("2026-12-06");
        assertThat(t.source()).isEqualTo(venue.base() + "/v5/market/risk-limit?category=inverse&symbol=BTCUSD");
    }

    @Test
    void bybitLinear_twentyTiersAsBundled_areUnchanged() {
        venue.serve("/v5/market/risk-limit?category=linear&symbol=BTCUSDT", "bybit-risk-limit-linear-BTCUSDT.json");
        Outcome o = refresh.fetch(new Target("bybit-linear", "BTCUSDT"));

        assertThat(o.status()).isEqualTo(Status.UNCHANGED);
        assertThat(o.message()).isEqualTo("Bybit USDT perpetual BTCUSDT: unchanged (20 tiers)");
        assertThat(o.changes()).isEmpty();
        TierTable t = o.after();
        tier(t.tiers().get(0), "0", "2000000", "100", "0.005", "0");
        tier(t.tiers().get(1), "2000000", "2600000", "90", "0.0056", "1200");
        tier(t.tiers().get(19), "75000000", "80000000", "14", "0.045", "1482000");
        assertThat(o.applicable()).isFalse();
    }

    @Test
    void gateDocumentedExample_publishedDeductions() {
        venue.serve("/api/v4/futures/usdt/risk_limit_tiers?contract=ZTX_USDT", "gate-risk-limit-tiers-doc.json");
        Outcome o = refresh.fetch(new Target("gate", "ZTXUSDT"));

        assertThat(o.status()).isEqualTo(Status.NEW);
        TierTable t = o.after();
        assertThat(t.size()).isEqualTo(5);
        tier(t.tiers().get(0), "0", "20000", "50", "0.01", "0");
        tier(t.tiers().get(1), "20000", "30000", "40", "0.013", "60");
        tier(t.tiers().get(2), "30000", "50000", "35", "0.015", "120");
        tier(t.tiers().get(3), "50000", "70000", "30", "0.02", "370");
        tier(t.tiers().get(4), "70000", "100000", "25", "0.025", "720");
    }

    @Test
    void hyperliquidDocumentedExample_assetsWithoutATableHaveOneTierAtTheirMaxLeverage() {
        venue.serve("/info", "hyperliquid-meta-doc.json");
        Outcome btc = refresh.fetch(new Target("hyperliquid", "BTC"));

        assertThat(venue.requests()).containsExactly("POST /info {\"type\":\"meta\"}");
        assertThat(btc.status()).isEqualTo(Status.UPDATED);
        tier(btc.after().tiers().get(0), "0", null, "50", "0.01", "0");
        assertThat(btc.after().size()).isEqualTo(1);
        // the bundled BTC table: 0-150M at 40x, then 20x; the fetched one: 50x throughout
        assertThat(btc.changes()).extracting(TierChange::tier).containsExactly(1, 2);
        assertThat(btc.changes().get(0).before().maxLeverage()).isEqualByComparingTo("40");
        assertThat(btc.changes().get(0).after().maxLeverage()).isEqualByComparingTo("50");
        assertThat(btc.changes().get(1).after()).isNull();
        assertThat(btc.message()).isEqualTo("Hyperliquid BTC: updated, 2 of 2 tiers changed");

        Outcome sol = refresh.fetch(new Target("hyperliquid", "SOL"));
        assertThat(sol.status()).isEqualTo(Status.REFUSED);
        assertThat(sol.message()).isEqualTo("Hyperliquid SOL: refused, nothing changed — universe does not list SOL");
    }

    @Test
    void hyperliquidMarginTables() {
        venue.serve("/info", "hyperliquid-meta-tiered.json");

        TierTable btc = refresh.fetch(new Target("hyperliquid", "BTC")).after();
        tier(btc.tiers().get(0), "0", "150000000", "40", "0.0125", "0");
        tier(btc.tiers().get(1), "150000000", null, "20", "0.025", "1875000");
        assertThat(refresh.fetch(new Target("hyperliquid", "BTC")).status()).isEqualTo(Status.UNCHANGED);

        TierTable arb = refresh.fetch(new Target("hyperliquid", "ARB")).after();
        tier(arb.tiers().get(0), "0", "3000000", "10", "0.05", "0");
        tier(arb.tiers().get(1), "3000000", null, "5", "0.1", "150000");

        TierTable gmx = refresh.fetch(new Target("hyperliquid", "GMX")).after(); // id 3 < 50: one tier at 3x
        tier(gmx.tiers().get(0), "0", null, "3", "0.1666666666666666666666666666666667", "0");
    }

    @Test
    void bitgetDocumentedExample_amountsFromTheRecurrence() {
        venue.serve("/api/v2/mix/market/query-position-lever?symbol=BTCUSDT&productType=USDT-FUTURES",
                "bitget-position-tier-doc.json");
        Outcome o = refresh.fetch(new Target("bitget", "BTCUSDT"));

        assertThat(o.applicable()).as(o.message()).isTrue(); // new, or updated where a table is bundled
        tier(o.after().tiers().get(0), "0", "50000", "125", "0.004", "0");
        tier(o.after().tiers().get(1), "50000", "200000", "100", "0.005", "50");
    }

    @Test
    void kucoinDocumentedExample_bitcoinIsXbt() throws FetchFailure {
        venue.serve("/api/v1/contracts/risk-limit/ADAUSDTM", "kucoin-risk-limit-doc.json");
        Outcome o = refresh.fetch(new Target("kucoin", "ADAUSDT"));

        assertThat(o.status()).isEqualTo(Status.NEW);
        tier(o.after().tiers().get(0), "0", "500", "20", "0.025", "0");
        tier(o.after().tiers().get(1), "500", "1000", "2", "0.25", "112.5");
        assertThat(KucoinSource.contract("BTCUSDT")).isEqualTo("XBTUSDTM");
        assertThat(KucoinSource.contract("ethusdt")).isEqualTo("ETHUSDTM");
        // KuCoin's own contract, as a workspace on kucoin names it (the KuCoin sample's XBTUSDTM)
        assertThat(KucoinSource.contract("XBTUSDTM")).isEqualTo("XBTUSDTM");
        assertThat(KucoinSource.contract("solusdtm")).isEqualTo("SOLUSDTM");
    }

    @Test
    void okxDocumentedExample_contractsConvertedAtTheMarkPrice() {
        venue.serve("/api/v5/public/position-tiers?instType=SWAP&tdMode=cross&instFamily=BTC-USDT",
                        "okx-position-tiers-doc.json")
                .serve("/api/v5/public/instruments?instType=SWAP&instId=BTC-USDT-SWAP", "okx-instruments-swap-BTC-USDT.json")
                .serve("/api/v5/public/mark-price?instType=SWAP&instId=BTC-USDT-SWAP", "okx-mark-price-doc.json");
        Outcome o = refresh.fetch(new Target("okx", "BTCUSDT"));

        assertThat(o.status()).isEqualTo(Status.NEW);
        // 50 contracts × 0.01 BTC × 200 USDT = 100 USDT
        tier(o.after().tiers().get(0), "0", "100", "10", "0.03", "0");
        assertThat(o.after().source()).contains("tiers in contracts converted to USDT notional at ctVal 0.01 × markPx 200",
                "exact at that mark price only");
    }

    @Test
    void okxTiersStartOneContractAboveThePreviousMax() {
        venue.serve("/api/v5/public/position-tiers?instType=SWAP&tdMode=cross&instFamily=ETH-USDT",
                        "okx-position-tiers-ETH-USDT-freqtrade.json")
                .serve("/api/v5/public/instruments?instType=SWAP&instId=ETH-USDT-SWAP", "okx-instruments-swap-ETH-USDT.json")
                .serve("/api/v5/public/mark-price?instType=SWAP&instId=ETH-USDT-SWAP", "okx-mark-price-ETH-USDT.json");
        TierTable t = refresh.fetch(new Target("okx", "ETHUSDT")).after();

        // 1 contract = 0.1 ETH × 2500 = 250 USDT: 2000 contracts = 500,000 USDT, 4000 = 1,000,000
        tier(t.tiers().get(0), "0", "500000", "75", "0.01", "0");
        tier(t.tiers().get(1), "500000", "1000000", "50", "0.015", "2500");
    }

    @Test
    void okxRefusesAnInstrumentThatIsNotTheSwap() {
        venue.serve("/api/v5/public/position-tiers?instType=SWAP&tdMode=cross&instFamily=BTC-USDT",
                        "okx-position-tiers-doc.json")
                .serve("/api/v5/public/instruments?instType=SWAP&instId=BTC-USDT-SWAP", "okx-instruments-doc.json")
                .serve("/api/v5/public/mark-price?instType=SWAP&instId=BTC-USDT-SWAP", "okx-mark-price-doc.json");
        Outcome o = refresh.fetch(new Target("okx", "BTCUSDT"));

        assertThat(o.status()).isEqualTo(Status.REFUSED);
        assertThat(o.message()).isEqualTo("OKX USDT swap BTCUSDT: refused, nothing changed — "
                + "instruments: the answer does not list BTC-USDT-SWAP");
    }

    @Test
    void binanceDocumentedExample_importedFromAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("eth-brackets.json");
        Files.write(file, LocalVenue.resource("binance-leverage-bracket-doc.json"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-30T12:00:00Z")));

        List<Outcome> outcomes = refresh.importBinance(file);
        assertThat(outcomes).hasSize(1);
        Outcome o = outcomes.get(0);
        assertThat(o.target()).isEqualTo(new Target("binance-usdm", "ETHUSDT"));
        assertThat(o.status()).isEqualTo(Status.UPDATED);
        tier(o.after().tiers().get(0), "0", "10000", "75", "0.0065", "0");
        assertThat(o.after().asOf()).isEqualTo("2026-11-30");
        assertThat(o.after().source()).isEqualTo("Binance GET /fapi/v1/leverageBracket, saved as eth-brackets.json "
                + "(imported 2026-12-06; asOf is the file's date) (notionalCoef 1.50: the account's own brackets)");
        // the bundled ETHUSDT table has 12 brackets: bracket 1 changes, 2-12 are gone
        assertThat(o.changes()).hasSize(12);
        assertThat(o.message()).isEqualTo("Binance USDⓈ-M (file eth-brackets.json) ETHUSDT: updated, 12 of 12 tiers changed");
    }

    @Test
    void binanceFileOfTheBundledBrackets_isUnchanged(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("brackets.json");
        Files.write(file, LocalVenue.resource("binance-leverage-bracket-BTCUSDT.json"));
        List<Outcome> outcomes = refresh.importBinance(file);

        assertThat(outcomes).extracting(Outcome::status).containsExactly(Status.UNCHANGED);
        tier(outcomes.get(0).after().tiers().get(11), "1200000000", "1800000000", "1", "0.5", "421481450");
    }

    @Test
    void theNumbersAreExactDecimals() {
        venue.serve("/api/v2/mix/market/query-position-lever?symbol=BTCUSDT&productType=USDT-FUTURES",
                "bitget-position-tier-doc.json");
        TierTable t = refresh.fetch(new Target("bitget", "BTCUSDT")).after();
        assertThat(t.tiers().get(0).mmr()).isEqualTo(new BigDecimal("0.004"));
    }
}
