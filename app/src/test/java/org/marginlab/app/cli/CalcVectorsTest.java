package org.marginlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * End to end: every shared vector case that the workspace format can express is written as a
 * {@code .marginlab} workspace, run through {@code marginlab calc --json} (and
 * {@code --add-margin} for the what-if case), and the report's figure compared with the
 * vector's expected value within the case's own tolerance. The vectors are the copies in the
 * engine module's test resources ({@code src/test/resources/vectors}, identical to
 * {@code ../shared/vectors}). Cases the contract cannot express (trade tools, size-dependent
 * Deribit rates, Bybit's legacy fee-inclusive cross, raw tier lookups) run through the Java API
 * in the engine's tests.
 */
class CalcVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(
            com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Path VECTORS = Path.of("..", "src", "test", "resources", "vectors");

    /** How a vector case becomes a workspace, and which report field holds its expected value. */
    record Expressed(String id, ObjectNode workspace, List<String> args, Map<String, String> checks) {
        @Override
        public String toString() {
            return id;
        }
    }

    private static Map<String, JsonNode> cases() throws IOException {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(VECTORS)) {
            for (Path f : files.sorted().toList()) {
                for (JsonNode c : JSON.readTree(f.toFile())) {
                    all.put(c.get("id").asText(), c);
                }
            }
        }
        return all;
    }

    private static ObjectNode workspace(String venue, BigDecimal wallet) {
        ObjectNode ws = JSON.createObjectNode();
        ws.put("format", "marginlab-workspace");
        ws.put("version", 1);
        ws.put("name", "vector");
        ws.put("venue", venue);
        ws.put("walletBalance", wallet.toPlainString());
        ws.putArray("positions");
        return ws;
    }

    private static ObjectNode position(ObjectNode ws, String id, String symbol, String side, Object qty, Object entry,
            Object mark, Object leverage) {
        ObjectNode p = ((ArrayNode) ws.get("positions")).addObject();
        p.put("id", id);
        p.put("symbol", symbol);
        p.put("side", side);
        p.put("quantity", String.valueOf(qty));
        p.put("entryPrice", String.valueOf(entry));
        if (mark != null) {
            p.put("markPrice", String.valueOf(mark));
        }
        p.put("leverage", String.valueOf(leverage));
        return p;
    }

    private static void maintenance(ObjectNode p, JsonNode mmr, JsonNode amount) {
        ObjectNode m = p.putObject("maintenance");
        m.put("mmr", text(mmr));
        m.put("maintenanceAmount", amount == null ? "0" : text(amount));
    }

    private static String s(JsonNode n, String f) {
        return text(n.get(f));
    }

    /** A JSON value as a plain decimal string (never an exponent) or as text. */
    private static String text(JsonNode v) {
        return v.isNumber() ? v.decimalValue().toPlainString() : v.asText();
    }

    static Stream<Expressed> expressible() throws IOException {
        Map<String, JsonNode> all = cases();
        List<Expressed> out = new ArrayList<>();
        // Binance FAQ cross example: both positions cross with their MMR and cum
        for (String id : List.of("binance-faq-cross-btcusdt", "binance-faq-cross-ethusdt")) {
            JsonNode in = all.get(id).get("inputs");
            ObjectNode ws = workspace("binance-usdm", in.get("wallet_balance").decimalValue());
            JsonNode own = in.get("position");
            JsonNode other = in.get("other_positions").get(0);
            for (JsonNode p : List.of(own, other)) {
                ObjectNode pos = position(ws, p == own ? "own" : "other", s(p, "symbol"), s(p, "side"), s(p, "quantity"),
                        s(p, "entry_price"), s(p, "mark_price"), 10);
                pos.put("marginMode", "cross");
                maintenance(pos, p.get("mmr"), p.get("maintenance_amount"));
            }
            out.add(new Expressed(id, ws, List.of(), Map.of("positions[0].liquidationPrice", "liquidation_price")));
        }
        // Binance maintenance margin at the mark
        for (String id : List.of("binance-faq-mm-ethusdt", "binance-faq-mm-btcusdt")) {
            JsonNode in = all.get(id).get("inputs");
            ObjectNode ws = workspace("binance-usdm", BigDecimal.ZERO);
            ObjectNode pos = position(ws, "p", "X", "long", s(in, "quantity"), s(in, "mark_price"), s(in, "mark_price"), 1);
            maintenance(pos, in.get("mmr"), in.get("maintenance_amount"));
            out.add(new Expressed(id, ws, List.of(), Map.of("positions[0].notional", "notional",
                    "positions[0].maintenanceMargin", "maintenance_margin")));
        }
        // Binance account margin ratio of the FAQ account
        {
            String id = "binance-faq-account-margin-ratio-computed";
            JsonNode in = all.get(id).get("inputs");
            ObjectNode ws = workspace("binance-usdm", in.get("wallet_balance").decimalValue());
            int i = 0;
            for (JsonNode p : in.get("positions")) {
                ObjectNode pos = position(ws, "p" + i++, s(p, "symbol"), s(p, "side"), s(p, "quantity"),
                        s(p, "entry_price"), s(p, "mark_price"), 10);
                pos.put("marginMode", "cross");
                maintenance(pos, p.get("mmr"), p.get("maintenance_amount"));
            }
            out.add(new Expressed(id, ws, List.of(), Map.of("account.maintenanceMargin", "total_maintenance_margin",
                    "account.marginBalance", "margin_balance", "account.marginRatio", "margin_ratio")));
        }
        // Binance max removable margin: leverage = 1/IMR
        for (String id : List.of("binance-max-removable-isolated-mark10500", "binance-max-removable-isolated-mark9800")) {
            JsonNode in = all.get(id).get("inputs");
            ObjectNode ws = workspace("binance-usdm", BigDecimal.ZERO);
            BigDecimal leverage = BigDecimal.ONE.divide(in.get("imr").decimalValue(), MathContext.DECIMAL128);
            ObjectNode pos = position(ws, "p", "BTCUSDT", "long", s(in, "size"), s(in, "entry_price"), s(in, "mark_price"),
                    leverage.toPlainString());
            pos.put("isolatedMargin", s(in, "isolated_wallet_balance"));
            maintenance(pos, in.get("mmr"), in.get("maintenance_amount"));
            out.add(new Expressed(id, ws, List.of(), Map.of("positions[0].maxRemovableMargin", "max_removable")));
        }
        // Binance re-tier at the liquidation price: explicit brackets, max leverage from the 2024-10 table
        {
            String id = "binance-retier-at-liquidation-price-computed";
            JsonNode in = all.get(id).get("inputs");
            ObjectNode ws = workspace("binance-usdm", BigDecimal.ZERO);
            ObjectNode pos = position(ws, "p", "BTCUSDT", "long", s(in, "quantity"), s(in, "entry_price"), null,
                    s(in, "leverage"));
            pos.put("isolatedMargin", s(in, "isolated_wallet_balance"));
            ArrayNode tiers = pos.putArray("tiers");
            String[] maxLev = {"125", "100", "75", "50"};
            int k = 0;
            for (JsonNode t : in.get("tiers")) {
                ObjectNode tier = tiers.addObject();
                tier.put("floor", text(t.get(0)));
                tier.put("cap", text(t.get(1)));
                tier.put("maxLeverage", maxLev[k++]);
                tier.put("mmr", text(t.get(2)));
                tier.put("maintenanceAmount", text(t.get(3)));
            }
            out.add(new Expressed(id, ws, List.of(), Map.of("positions[0].liquidationPrice", "liquidation_price")));
        }
        // Binance COIN-M maintenance margin: 100 contracts of 100 USD at mark 25,000
        {
            String id = "binance-coinm-mm-example";
            JsonNode in = all.get(id).get("inputs");
            ObjectNode ws = workspace("binance-coinm", BigDecimal.ZERO);
            ObjectNode pos = position(ws, "p", "BTCUSD", "long", s(in, "contracts"), s(in, "mark_price"),
                    s(in, "mark_price"), 10);
            pos.put("contract", "inverse");
            pos.put("contractSize", s(in, "contract_size"));
            maintenance(pos, in.get("mmr"), in.get("maintenance_amount"));
            out.add(new Expressed(id, ws, List.of(), Map.of("positions[0].notional", "notional",
                    "positions[0].maintenanceMargin", "maintenance_margin")));
        }
        // Bybit USDT isolated: isolated margin = IM + extra margin
        for (String id : List.of("bybit-usdt-iso-ex1-long", "bybit-usdt-iso-ex2-short-extra3000",
                "bybit-usdt-iso-ex3-long-funding-deducted", "bybit-usdt-legacy-long", "bybit-usdt-legacy-short")) {
            JsonNode in = all.get(id).get("inputs");
            JsonNode c = all.get(id);
            ObjectNode ws = workspace("bybit-linear", BigDecimal.ZERO);
            BigDecimal im = in.get("entry_price").decimalValue().multiply(in.get("quantity").decimalValue())
                    .divide(in.get("leverage").decimalValue(), MathContext.DECIMAL128);
            ObjectNode pos = position(ws, "p", "BTCUSDT", s(c, "side"), s(in, "quantity"), s(in, "entry_price"), null,
                    s(in, "leverage"));
            pos.put("isolatedMargin", im.add(in.get("extra_margin").decimalValue()).toPlainString());
            maintenance(pos, in.get("mmr"), in.get("mm_deduction"));
            out.add(new Expressed(id, ws, List.of(), Map.of("positions[0].liquidationPrice", "liquidation_price")));
        }
        // Bybit bankruptcy price with only the initial margin
        {
            String id = "bybit-usdt-bankruptcy-long";
            JsonNode in = all.get(id).get("inputs");
            ObjectNode ws = workspace("bybit-linear", BigDecimal.ZERO);
            position(ws, "p", "BTCUSDT", "long", s(in, "quantity"), s(in, "entry_price"), null, s(in, "leverage"));
            out.add(new Expressed(id, ws, List.of(), Map.of("positions[0].bankruptcyPrice", "bankruptcy_price")));
        }
        // Bybit inverse isolated (UTA)
        for (String id : List.of("bybit-inverse-iso-uta-long-computed", "bybit-inverse-iso-uta-short-computed")) {
            JsonNode c = all.get(id);
            JsonNode in = c.get("inputs");
            ObjectNode ws = workspace("bybit-inverse", BigDecimal.ZERO);
            ObjectNode pos = position(ws, "p", "BTCUSD", s(c, "side"), s(in, "contracts"), s(in, "entry_price"), null,
                    s(in, "leverage"));
            pos.put("contract", "inverse");
            maintenance(pos, in.get("mmr"), in.get("mm_deduction"));
            out.add(new Expressed(id, ws, List.of(), Map.of("positions[0].liquidationPrice", "liquidation_price")));
        }
        // Bybit what-if: 1 BTC @ 10,000 with LP 9,500 (cushion IM − MM = 500: 10x, MMR 5 %), add 1,000
        {
            String id = "bybit-whatif-add-margin-1000";
            JsonNode in = all.get(id).get("inputs");
            // spec §4: added margin comes out of the cross wallet, so the wallet holds the 1,000 that is
            // added (the vector's account has no wallet; an isolated position's figures do not depend on it)
            ObjectNode ws = workspace("bybit-linear", new BigDecimal(s(in, "added_margin")));
            ObjectNode pos = position(ws, "p", "BTCUSDT", "long", s(in, "quantity"), s(in, "entry_price"), null, 10);
            maintenance(pos, JSON.getNodeFactory().textNode("0.05"), null);
            out.add(new Expressed(id, ws, List.of("--add-margin", "p=" + s(in, "added_margin")),
                    Map.of("positions[0].whatIf.liquidationPrice", "liquidation_price")));
        }
        // dYdX isolated short on the generic (Binance-form) rules: isolated margin = equity, MMR = MMF
        {
            String id = "dydx-v4-isolated-short-eth";
            JsonNode in = all.get(id).get("inputs");
            ObjectNode ws = workspace("generic", BigDecimal.ZERO);
            ObjectNode pos = position(ws, "p", "ETH-USD", "short", in.get("size").decimalValue().abs().toPlainString(),
                    s(in, "entry_price"), null, 5);
            pos.put("isolatedMargin", s(in, "equity"));
            maintenance(pos, in.get("mmf"), null);
            out.add(new Expressed(id, ws, List.of(), Map.of("positions[0].liquidationPrice", "liquidation_price")));
        }
        // Hyperliquid positions as the venue returned them: isolated, and the same in cross with wallet = margin
        for (Map.Entry<String, JsonNode> e : all.entrySet()) {
            if (!e.getKey().startsWith("ft-hl-")) {
                continue;
            }
            JsonNode c = e.getValue();
            JsonNode in = c.get("inputs");
            for (String mode : List.of("isolated", "cross")) {
                ObjectNode ws = workspace("hyperliquid", mode.equals("cross") ? in.get("isolated_margin").decimalValue()
                        : BigDecimal.ZERO);
                ObjectNode pos = position(ws, "p", s(in, "symbol"), s(c, "side"), s(in, "position_size"),
                        s(in, "entry_price"), null, s(in, "leverage"));
                pos.put("maxLeverage", s(in, "max_leverage"));
                pos.put("marginMode", mode);
                if (mode.equals("isolated")) {
                    pos.put("isolatedMargin", s(in, "isolated_margin"));
                }
                out.add(new Expressed(e.getKey() + " (" + mode + ")", ws, List.of(),
                        Map.of("positions[0].liquidationPrice", "liquidation_price")));
            }
        }
        return out.stream();
    }

    private static JsonNode at(JsonNode report, String path) {
        JsonNode n = report;
        for (String part : path.split("\\.")) {
            if (part.endsWith("]")) {
                String name = part.substring(0, part.indexOf('['));
                int index = Integer.parseInt(part.substring(part.indexOf('[') + 1, part.length() - 1));
                n = n.get(name).get(index);
            } else {
                n = n.get(part);
            }
        }
        return n;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expressible")
    void calcJson_reproducesTheVector(Expressed e, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("case.marginlab");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(e.workspace()));
        List<String> args = new ArrayList<>(List.of("calc", "--json"));
        args.addAll(e.args());
        args.add(file.toString());
        CliRunner.Run run = CliRunner.run(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode report = JSON.readTree(run.out());
        JsonNode c = cases().get(e.id().replaceAll(" \\(.*\\)$", ""));
        for (Map.Entry<String, String> check : e.checks().entrySet()) {
            BigDecimal expected = c.get("expected").get(check.getValue()).decimalValue();
            BigDecimal actual = at(report, check.getKey()).decimalValue();
            JsonNode tol = c.get("tolerance");
            BigDecimal allowed = tol.has("abs") ? tol.get("abs").decimalValue()
                    : tol.get("rel").decimalValue().multiply(expected.abs());
            assertThat(actual.subtract(expected).abs()).as(e.id() + " " + check.getKey() + " = " + actual
                    + ", expected " + expected + " ± " + allowed).isLessThanOrEqualTo(allowed);
        }
    }

    @Test
    void expressesEveryLiquidationPriceCaseTheContractCanState() throws Exception {
        List<String> ids = expressible().map(x -> x.id().replaceAll(" \\(.*\\)$", "")).distinct().toList();
        // 2 FAQ cross + 2 MM + 1 account ratio + 2 max removable + 1 re-tier + 1 COIN-M MM
        // + 5 Bybit isolated + 1 bankruptcy + 2 Bybit inverse + 1 what-if + 1 dYdX + 5 Hyperliquid = 24
        assertThat(ids).hasSize(24).doesNotHaveDuplicates();
    }
}
