package org.marginlab.app.tiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.venue.Venues;

/**
 * A malformed or hostile answer changes nothing and says why: HTML, cut-short JSON, a huge body
 * (sent or only announced), negative or non-numeric rates, a gap between tiers, a deduction off the
 * recurrence, a venue error code, the wrong shape, deep nesting, HTTP errors, a venue that does not
 * answer in time or refuses the connection. Each time the outcome names the venue, the symbol and
 * the reason; nothing is stored or installed, and the bundled table stays in use.
 */
class TierRefreshHostileTest {
    private static final String BYBIT = "/v5/market/risk-limit?category=linear&symbol=BTCUSDT";
    private static final String GATE = "/api/v4/futures/usdt/risk_limit_tiers?contract=BTC_USDT";
    private static final String BITGET = "/api/v2/mix/market/query-position-lever?symbol=BTCUSDT&productType=USDT-FUTURES";

    private LocalVenue venue;
    private TierRefresh refresh;
    private TierTable bundled;
    private long version;
    @TempDir
    Path data;

    @BeforeEach
    void start() {
        venue = LocalVenue.start();
        refresh = new TierRefresh(TierSources.create(venue.base()),
                new JsonHttp(Duration.ofSeconds(2), Duration.ofMillis(400), 64 * 1024), () -> LocalDate.of(2026, 12, 6));
        bundled = Venues.byId("bybit-linear").presetTiers("BTCUSDT").orElseThrow();
        version = InstalledTiers.version();
    }

    @AfterEach
    void stop() {
        venue.close();
        InstalledTiers.clear();
    }

    /** Fetches, applies whatever is applicable, and checks that nothing changed. */
    private Outcome refusedOrOffline(String venueId, String symbol, Status expected) {
        Outcome o = refresh.fetch(new Target(venueId, symbol));
        assertThat(o.status()).as(o.message()).isEqualTo(expected);
        assertThat(o.after()).isNull();
        assertThat(o.applicable()).isFalse();
        TierRefresh.Applied applied = TierRefresh.apply(List.of(o), new TierStore(data));
        assertThat(applied.stored()).isEmpty();
        assertThat(InstalledTiers.version()).isEqualTo(version);
        assertThat(Venues.byId("bybit-linear").presetTiers("BTCUSDT")).containsSame(bundled);
        assertThat(Files.exists(data.resolve("tiers"))).isFalse();
        return o;
    }

    private String bybit(String list) {
        return "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"category\":\"linear\",\"list\":[" + list + "]}}";
    }

    private static String bybitTier(String cap, String mm, String im, String lev, String deduction) {
        return "{\"symbol\":\"BTCUSDT\",\"riskLimitValue\":\"" + cap + "\",\"maintenanceMargin\":\"" + mm
                + "\",\"initialMargin\":\"" + im + "\",\"maxLeverage\":\"" + lev + "\",\"mmDeduction\":\"" + deduction + "\"}";
    }

    @Test
    void anHtmlPage() {
        venue.serveText(BYBIT, "<!DOCTYPE html><html><body>Access denied</body></html>");
        Outcome o = refusedOrOffline("bybit-linear", "BTCUSDT", Status.REFUSED);
        assertThat(o.message()).isEqualTo("Bybit USDT perpetual BTCUSDT: refused, nothing changed — the answer of "
                + venue.host() + " is not JSON (it starts with \"<!DOCTYPE html><html><body>Access denied\")");
    }

    @Test
    void jsonCutShort() {
        String whole = new String(LocalVenue.resource("bybit-risk-limit-linear-BTCUSDT.json"), StandardCharsets.UTF_8);
        venue.serveText(BYBIT, whole.substring(0, whole.length() / 2));
        Outcome o = refusedOrOffline("bybit-linear", "BTCUSDT", Status.REFUSED);
        assertThat(o.message()).startsWith("Bybit USDT perpetual BTCUSDT: refused, nothing changed — the answer of "
                + venue.host() + " is cut short: its JSON ends before it is complete");
    }

    @Test
    void aHugeBody() {
        byte[] huge = new byte[200 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '[';
        huge[huge.length - 1] = ']';
        venue.serveBytes(GATE, 200, huge);
        Outcome o = refusedOrOffline("gate", "BTCUSDT", Status.REFUSED);
        assertThat(o.message()).isEqualTo("Gate USDT perpetual BTCUSDT: refused, nothing changed — the answer of "
                + venue.host() + " is larger than 64 KiB: refused");
    }

    @Test
    void aHugeBodyAnnouncedButNotSent() {
        venue.answer(GATE, ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 50L * 1024 * 1024 * 1024);
            ex.getResponseBody().write("[".getBytes(StandardCharsets.UTF_8));
            ex.getResponseBody().flush();
        });
        Outcome o = refusedOrOffline("gate", "BTCUSDT", Status.REFUSED);
        assertThat(o.message()).endsWith("is larger than 64 KiB: refused");
    }

    @Test
    void aNegativeMaintenanceRate() {
        venue.serveText(BYBIT, bybit(bybitTier("2000000", "-0.005", "0.01", "100", "")));
        Outcome o = refusedOrOffline("bybit-linear", "BTCUSDT", Status.REFUSED);
        assertThat(o.message()).isEqualTo("Bybit USDT perpetual BTCUSDT: refused, nothing changed — "
                + "result.list[0].maintenanceMargin: must not be negative (got -0.005)");
    }

    @Test
    void notANumber() {
        venue.serveText(BYBIT, bybit(bybitTier("2000000", "NaN", "0.01", "100", "")));
        Outcome o = refusedOrOffline("bybit-linear", "BTCUSDT", Status.REFUSED);
        assertThat(o.message()).endsWith("result.list[0].maintenanceMargin: must be a decimal number (got \"NaN\")");
    }

    @Test
    void anAbsurdExponent() {
        venue.serveText(GATE, "[{\"tier\":1,\"risk_limit\":1e999999,\"maintenance_rate\":\"0.01\",\"leverage_max\":\"50\"}]");
        Outcome o = refusedOrOffline("gate", "BTCUSDT", Status.REFUSED);
        assertThat(o.message()).endsWith("[0].risk_limit: must be at most 1e15 (got 1E+999999)");
    }

    @Test
    void aRateOfOneHundredPercentOrMore() {
        venue.serveText(GATE, "[{\"tier\":1,\"risk_limit\":\"20000\",\"maintenance_rate\":\"1.5\",\"leverage_max\":\"50\"}]");
        Outcome o = refusedOrOffline("gate", "BTCUSDT", Status.REFUSED);
        assertThat(o.message()).isEqualTo("Gate USDT perpetual BTCUSDT: refused, nothing changed — tier 1 ([0]): "
                + "maintenance margin rate must be < 1 (a fraction, 0.005 = 0.5 %) (got 1.5)");
    }

    @Test
    void aGapBetweenTiers() {
        venue.serveText(BITGET, "{\"code\":\"00000\",\"msg\":\"success\",\"data\":["
                + "{\"symbol\":\"BTCUSDT\",\"level\":\"1\",\"startUnit\":\"0\",\"endUnit\":\"50000\",\"leverage\":\"125\",\"keepMarginRate\":\"0.004\"},"
                + "{\"symbol\":\"BTCUSDT\",\"level\":\"2\",\"startUnit\":\"60000\",\"endUnit\":\"200000\",\"leverage\":\"100\",\"keepMarginRate\":\"0.005\"}]}");
        Outcome o = refusedOrOffline("bitget", "BTCUSDT", Status.REFUSED);
        assertThat(o.message()).isEqualTo("Bitget USDT-M BTCUSDT: refused, nothing changed — tier 2 (data[1]): a gap or "
                + "overlap between tiers: its floor must equal the previous tier's cap 50000 (contiguous) (got 60000)");
    }

    @Test
    void aDeductionOffTheRecurrence() {
        venue.serveText(BYBIT, bybit(bybitTier("2000000", "0.005", "0.01", "100", "") + ","
                + bybitTier("2600000", "0.0056", "0.0111", "90", "1500")));
        Outcome o = refusedOrOffline("bybit-linear", "BTCUSDT", Status.REFUSED);
        assertThat(o.message()).isEqualTo("Bybit USDT perpetual BTCUSDT: refused, nothing changed — tier 2 "
                + "(result.list[1]): maintenance amount must be 1200 = previous amount + floor·(mmr − previous mmr) (got 1500)");
    }

    @Test
    void ratesThatAreNeitherFractionsNorPercent() {
        venue.serveText(BYBIT, bybit(bybitTier("2000000", "0.005", "0.5", "100", "")));
        Outcome o = refusedOrOffline("bybit-linear", "BTCUSDT", Status.REFUSED);
        assertThat(o.message()).endsWith("result.list[0]: initialMargin 0.5 and maxLeverage 100 do not agree "
                + "(initialMargin × maxLeverage must be 1, or 100 in percent)");
    }

    @Test
    void aVenueErrorCode() {
        venue.serveText(BYBIT, "{\"retCode\":10001,\"retMsg\":\"params error: symbol invalid\",\"result\":{}}");
        Outcome o = refusedOrOffline("bybit-linear", "BTCUSDT", Status.REFUSED);
        assertThat(o.message()).endsWith("refused, nothing changed — Bybit answered retCode 10001: params error: symbol invalid");
    }

    @Test
    void theWrongShape() {
        venue.serveText(GATE, "{\"tiers\":[]}");
        Outcome o = refusedOrOffline("gate", "BTCUSDT", Status.REFUSED);
        assertThat(o.message()).endsWith("refused, nothing changed — the answer: must be a JSON array (got an object)");
    }

    @Test
    void anotherSymbolsTiers() {
        venue.serveText(BYBIT, bybit(bybitTier("2000000", "0.005", "0.01", "100", "").replace("BTCUSDT", "ETHUSDT")));
        Outcome o = refusedOrOffline("bybit-linear", "BTCUSDT", Status.REFUSED);
        assertThat(o.message()).endsWith("result.list[0].symbol: must be BTCUSDT (got ETHUSDT)");
    }

    @Test
    void anEmptyTable() {
        venue.serveText(GATE, "[]");
        Outcome o = refusedOrOffline("gate", "BTCUSDT", Status.REFUSED);
        assertThat(o.message()).endsWith("refused, nothing changed — the answer has no tiers");
    }

    @Test
    void deepNesting() {
        venue.serveText(GATE, "[".repeat(5000) + "]".repeat(5000));
        Outcome o = refusedOrOffline("gate", "BTCUSDT", Status.REFUSED);
        assertThat(o.message()).contains("breaks a limit").contains("nesting depth");
    }

    @Test
    void anHttpError() {
        venue.serveBytes(BYBIT, 503, "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8));
        Outcome o = refusedOrOffline("bybit-linear", "BTCUSDT", Status.REFUSED);
        assertThat(o.message()).isEqualTo("Bybit USDT perpetual BTCUSDT: refused, nothing changed — " + venue.host()
                + " answered HTTP 503");
    }

    @Test
    void aRedirectIsNotFollowed() {
        venue.answer(BYBIT, ex -> {
            ex.getResponseHeaders().set("Location", "http://example.invalid/elsewhere");
            ex.sendResponseHeaders(302, -1);
        });
        Outcome o = refusedOrOffline("bybit-linear", "BTCUSDT", Status.REFUSED);
        assertThat(o.message()).endsWith(venue.host() + " answered HTTP 302 (a redirect, not followed)");
    }

    @Test
    void noAnswerInTime() {
        venue.serveSlowly(BYBIT, Duration.ofSeconds(3), "bybit-risk-limit-linear-BTCUSDT.json");
        Outcome o = refusedOrOffline("bybit-linear", "BTCUSDT", Status.OFFLINE);
        assertThat(o.message()).isEqualTo("Bybit USDT perpetual BTCUSDT: offline — Could not reach " + venue.host()
                + ": no answer within 0.4 s");
    }

    @Test
    void connectionRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = s.getLocalPort();
        } // closed: nobody listens there now
        refresh = new TierRefresh(TierSources.create(URI.create("http://127.0.0.1:" + port)), new JsonHttp(),
                () -> LocalDate.of(2026, 12, 6));
        Outcome o = refusedOrOffline("bybit-linear", "BTCUSDT", Status.OFFLINE);
        assertThat(o.message()).isEqualTo("Bybit USDT perpetual BTCUSDT: offline — Could not reach 127.0.0.1:" + port
                + ": connection refused");
    }

    @Test
    void aSymbolThatCannotBeAskedFor() {
        Outcome o = refusedOrOffline("gate", "BTC/USDT", Status.REFUSED);
        assertThat(o.message()).endsWith("the symbol must be 2 to 30 letters and digits (got \"BTC/USDT\")");
        assertThat(venue.requests()).isEmpty();
    }

    @Test
    void aBinanceFileThatIsNotOne(@TempDir Path dir) throws IOException {
        Path coinm = dir.resolve("coinm.json");
        Files.writeString(coinm, "[{\"pair\":\"BTCUSD\",\"brackets\":[]}]");
        List<Outcome> outcomes = refresh.importBinance(coinm);
        assertThat(outcomes).extracting(Outcome::status).containsExactly(Status.REFUSED);
        assertThat(outcomes.get(0).message()).isEqualTo("Binance file coinm.json: refused, nothing changed — [0]: this is "
                + "a COIN-M file (/dapi, by pair); MarginLab imports USDⓈ-M brackets from GET /fapi/v1/leverageBracket");

        Path html = dir.resolve("page.json");
        Files.writeString(html, "<html>saved the web page instead</html>");
        assertThat(refresh.importBinance(html).get(0).message()).isEqualTo("Binance file page.json: refused, nothing "
                + "changed — the file is not JSON (it starts with \"<html>saved the web page instead</html>\")");

        Path gap = dir.resolve("gap.json");
        Files.writeString(gap, "{\"symbol\":\"BTCUSDT\",\"brackets\":["
                + "{\"bracket\":1,\"initialLeverage\":125,\"notionalCap\":50000,\"notionalFloor\":0,\"maintMarginRatio\":0.004,\"cum\":0},"
                + "{\"bracket\":2,\"initialLeverage\":100,\"notionalCap\":600000,\"notionalFloor\":60000,\"maintMarginRatio\":0.005,\"cum\":50}]}");
        assertThat(refresh.importBinance(gap).get(0).message()).isEqualTo("Binance file gap.json: refused, nothing "
                + "changed — BTCUSDT: tier 2 (BTCUSDT.brackets[1]): a gap or overlap between tiers: its floor must equal "
                + "the previous tier's cap 50000 (contiguous) (got 60000)");
        assertThat(InstalledTiers.version()).isEqualTo(version);
    }
}
