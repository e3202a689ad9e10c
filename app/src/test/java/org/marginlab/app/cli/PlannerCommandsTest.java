package org.marginlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.marginlab.app.cli.CliRunner.run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.app.cli.CliRunner.Run;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The trade planner's commands, {@code size}, {@code ladder}, {@code cost} and {@code max-open},
 * against values worked by hand in the comments (never computed by the code under test); every
 * bad input exits 2 with one line naming the option.
 *
 * <p>Binance USDⓈ-M isolated, one position, MMR {@code m}, amount 0 (spec margin-formulas.md §1.1):
 * long {@code LP = (Q·EP − WB)/(Q·(1 − m))}, short {@code LP = (WB + Q·EP)/(Q·(1 + m))},
 * {@code BP = EP − s·WB/Q}. Bundled BTCUSDT bracket 1: notional &lt; 50,000, {@code m} = 0.4 %,
 * max 125x. Taker 0.05 % (the binance-usdm default).
 */
class PlannerCommandsTest {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final BigDecimal REL = new BigDecimal("1e-9");

    private static JsonNode json(Run run) throws Exception {
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        return JSON.readTree(run.out());
    }

    private static BigDecimal num(JsonNode node, String field) {
        JsonNode v = node.get(field);
        assertThat(v).as(field).isNotNull();
        assertThat(v.isNumber()).as(field + " is a number").isTrue();
        return v.decimalValue();
    }

    private static void exact(JsonNode node, String field, String expected) {
        assertThat(num(node, field)).as(field).isEqualByComparingTo(expected);
    }

    private static void near(JsonNode node, String field, String expected) {
        BigDecimal e = new BigDecimal(expected);
        assertThat(num(node, field)).as(field).isCloseTo(e, within(e.abs().multiply(REL)));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static void assertInvalid(Run run, String expected) {
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().split("\n")).hasSize(1);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        if (expected != null) {
            assertThat(run.err()).isEqualTo(expected + "\n");
        }
    }

    private static String[] args(String... a) {
        return a;
    }

    /** {@code a} with each given option's value replaced (or the option added): pairs of option, value. */
    private static String[] with(String[] a, String... pairs) {
        List<String> r = new ArrayList<>(List.of(a));
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            int at = r.indexOf(pairs[i]);
            if (at >= 0) {
                r.set(at + 1, pairs[i + 1]);
            } else {
                r.add(pairs[i]);
                r.add(pairs[i + 1]);
            }
        }
        return r.toArray(String[]::new);
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    // ------------------------------------------------------------------------------- size

    /** The README example: 1 % of 10,000 USDT, entry 60,000, stop 58,000, 10x, binance-usdm BTCUSDT. */
    private static final String[] README_SIZE = args("size", "--balance", "10000", "--risk", "1%", "--entry", "60000",
            "--stop", "58000", "--leverage", "10", "--venue", "binance-usdm", "--symbol", "BTCUSDT");

    @Test
    void size_readmeExample() throws Exception {
        JsonNode r = json(run(concat(README_SIZE, "--json")));
        assertThat(keys(r)).containsExactly("venue", "ruleSet", "symbol", "contract", "side", "marginMode", "leverage",
                "balance", "riskAmount", "entryPrice", "stopPrice", "quantity", "notional", "initialMargin",
                "isolatedMargin", "liquidationPrice", "bankruptcyPrice", "distanceToLiquidation", "takerFeeRate",
                "feeToOpen", "feeToClose", "feeToCloseReserved", "lossAtStop", "lossAtStopWithFees",
                "liquidatedBeforeStop", "warnings");
        assertThat(r.get("side").asText()).isEqualTo("long"); // inferred: the stop is below the entry
        // risk 1 % of 10,000 = 100; quantity 100/(60000 − 58000) = 0.05 BTC (before fees)
        exact(r, "riskAmount", "100");
        exact(r, "quantity", "0.05");
        // notional 0.05·60,000 = 3,000; margin 3000/10 = 300
        exact(r, "notional", "3000");
        exact(r, "initialMargin", "300");
        exact(r, "isolatedMargin", "300");
        // bracket 1 (3,000 < 50,000: 0.4 %, also at the LP's notional ≈ 2,711):
        // LP = (3000 − 300)/(0.05·0.996) = 2700/0.0498 = 54,216.8674698795…; BP = 60000 − 300/0.05 = 54,000
        near(r, "liquidationPrice", "54216.8674698795180722891566");
        exact(r, "bankruptcyPrice", "54000");
        // (60000 − LP)/60000 = 0.0963855421…
        near(r, "distanceToLiquidation", "0.0963855421686746987951807");
        // fees at 0.05 %: open 0.05·60000·0.0005 = 1.5; close at the stop 0.05·58000·0.0005 = 1.45;
        // the loss at the stop 0.05·2000 = 100, with fees 100 + 1.5 + 1.45 = 102.95
        exact(r, "takerFeeRate", "0.0005");
        exact(r, "feeToOpen", "1.5");
        exact(r, "feeToClose", "1.45");
        assertThat(r.get("feeToCloseReserved").isNull()).isTrue(); // Binance reserves none
        exact(r, "lossAtStop", "100");
        exact(r, "lossAtStopWithFees", "102.95");
        // LP 54,216.87 lies below the stop 58,000: the stop fills first
        assertThat(r.get("liquidatedBeforeStop").asBoolean()).isFalse();
        assertThat(r.get("warnings")).isEmpty();
    }

    @Test
    void size_readmeExampleTable() {
        Run run = run(README_SIZE);
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                BTCUSDT long, isolated, 10x on binance-usdm@0000-01-01
                risk                  100.00 (1.00% of 10,000.00)
                quantity              0.05 (before fees)
                notional              3,000.00
                initial margin        300.00
                isolated margin       300.00
                liquidation price     54,216.87
                bankruptcy price      54,000.00
                fee to open           1.50 (taker 0.05%, at the entry)
                fee to close          1.45 (at the stop)
                loss at the stop      100.00
                loss with fees        102.95
                """);
    }

    @Test
    void size_warnsWhenTheLiquidationComesBeforeTheStop() throws Exception {
        // 50x: margin 3000/50 = 60; LP = (3000 − 60)/0.0498 = 2940/0.0498 = 59,036.1445783…, above the stop 58,000
        String[] a = with(README_SIZE, "--leverage", "50");
        JsonNode r = json(run(concat(a, "--json")));
        exact(r, "isolatedMargin", "60");
        near(r, "liquidationPrice", "59036.1445783132530120481928");
        assertThat(r.get("liquidatedBeforeStop").asBoolean()).isTrue();
        assertThat(r.get("warnings").get(0).asText())
                .isEqualTo("liquidation at 59,036.14 comes before the stop at 58,000.00: lower the leverage or move the stop");
        Run table = run(a);
        assertThat(table.exit()).isZero();
        assertThat(table.out()).endsWith(
                "warning: liquidation at 59,036.14 comes before the stop at 58,000.00: lower the leverage or move the stop\n");
    }

    @Test
    void size_shortInferredFromAStopAboveTheEntry() throws Exception {
        // stop 61,000 above 60,000: short; quantity 100/1000 = 0.1; margin 6000/10 = 600;
        // LP = (600 + 6000)/(0.1·1.004) = 6600/0.1004 = 65,737.0517928…; BP = 60000 + 600/0.1 = 66,000
        JsonNode r = json(run("size", "--balance", "10000", "--risk", "100", "--entry", "60000", "--stop", "61000",
                "--leverage", "10", "--symbol", "BTCUSDT", "--json"));
        assertThat(r.get("side").asText()).isEqualTo("short");
        exact(r, "quantity", "0.1");
        exact(r, "isolatedMargin", "600");
        near(r, "liquidationPrice", "65737.0517928286852589641434");
        exact(r, "bankruptcyPrice", "66000");
        // fees: 0.1·60000·0.0005 = 3 and 0.1·61000·0.0005 = 3.05; loss 100 + 6.05
        exact(r, "lossAtStopWithFees", "106.05");
    }

    @Test
    void size_crossOnTheBalance() throws Exception {
        // cross, wallet 10,000: LP = (Q·EP − W)/(Q·(1 − m)) = (3000 − 10000)/0.0498 < 0: none;
        // BP = 60000 − 10000/0.05 < 0: none
        JsonNode r = json(run(concat(with(README_SIZE, "--mode", "cross"), "--json")));
        assertThat(r.get("marginMode").asText()).isEqualTo("cross");
        assertThat(r.get("liquidationPrice").isNull()).isTrue();
        assertThat(r.get("isolatedMargin").isNull()).isTrue();
        exact(r, "initialMargin", "300");
        assertThat(r.get("liquidatedBeforeStop").asBoolean()).isFalse();
    }

    @Test
    void size_inverse_coinm() throws Exception {
        // BTCUSD, 100 USD contracts, 1 BTC, risk 1 % = 0.01 BTC, entry 50,000, stop 40,000, 5x, MMR 0.4 %:
        // Q = risk·EP·SL/(CS·|SL − EP|) = 0.01·50000·40000/(100·10000) = 20 contracts (N = 2,000 USD;
        // check: 2000·(1/40000 − 1/50000) = 0.01); margin 2000/(50000·5) = 0.008 BTC;
        // COIN-M LP = EP·(1 + m)/(1 + 1/lev) = 50000·1.004/1.2 = 41,833.33…, above the stop 40,000: warning;
        // fees at 0.05 %: 2000/50000·0.0005 = 0.00002 and 2000/40000·0.0005 = 0.000025; 0.01 + 0.000045
        JsonNode r = json(run("size", "--balance", "1", "--risk", "1%", "--entry", "50000", "--stop", "40000",
                "--leverage", "5", "--venue", "binance-coinm", "--symbol", "BTCUSD", "--contract", "inverse",
                "--contract-size", "100", "--mmr", "0.004", "--json"));
        exact(r, "quantity", "20");
        exact(r, "isolatedMargin", "0.008");
        near(r, "liquidationPrice", "41833.3333333333333333333333");
        exact(r, "feeToOpen", "0.00002");
        exact(r, "feeToClose", "0.000025");
        exact(r, "lossAtStopWithFees", "0.010045");
        assertThat(r.get("liquidatedBeforeStop").asBoolean()).isTrue();
        assertThat(r.get("warnings").get(0).asText()).startsWith("liquidation at 41,833.33 comes before the stop at 40,000.00");
    }

    @Test
    void size_bybitUtaReservesTheFeeToClose() throws Exception {
        // short 0.1 @ 60,000 at 10x, taker 0.055 %: FTC = 0.1·60000·(1 + 1/10)·0.00055 = 6600·0.00055 = 3.63,
        // in the margin: 600 + 3.63 = 603.63
        JsonNode r = json(run("size", "--balance", "10000", "--risk", "100", "--entry", "60000", "--stop", "61000",
                "--leverage", "10", "--venue", "bybit-uta", "--symbol", "BTCUSDT", "--json"));
        exact(r, "feeToCloseReserved", "3.63");
        exact(r, "isolatedMargin", "603.63");
    }

    @Test
    void size_warnsWhenTheMarginExceedsTheBalance() throws Exception {
        // a 20 USDT stop: 100/20 = 5 BTC, 300,000 notional (bracket 2, max 100x); margin at 10x 30,000 > 10,000
        JsonNode r = json(run(concat(with(README_SIZE, "--stop", "59980"), "--json")));
        exact(r, "quantity", "5");
        exact(r, "isolatedMargin", "30000");
        assertThat(r.get("warnings").toString()).contains("exceed the balance 10,000.00");
    }

    @Test
    void sizeErrors() {
        assertInvalid(run(with(README_SIZE, "--entry", "0")), "--entry: must be > 0 (got 0)");
        assertInvalid(run(with(README_SIZE, "--stop", "-1")), "--stop: must be > 0 (got -1)");
        assertInvalid(run(with(README_SIZE, "--balance", "0")), "--balance: must be > 0 (got 0)");
        assertInvalid(run(with(README_SIZE, "--leverage", "ten")), "--leverage: must be a decimal number (got ten)");
        assertInvalid(run(with(README_SIZE, "--stop", "60000")), "--stop: must differ from the entry price 60000 (got 60000)");
        assertInvalid(run(with(README_SIZE, "--side", "short")),
                "--stop: must be above the entry price 60000 for a short (got 58000)");
        assertInvalid(run(with(README_SIZE, "--side", "up")), "--side: must be long or short (got up)");
        assertInvalid(run(with(README_SIZE, "--risk", "0%")), "--risk: must be > 0% and ≤ 100% of the balance (got 0%)");
        assertInvalid(run(with(README_SIZE, "--risk", "150%")), "--risk: must be > 0% and ≤ 100% of the balance (got 150%)");
        assertInvalid(run(with(README_SIZE, "--risk", "lots")), "--risk: must be a percentage (1%) or an amount (100) (got lots)");
        assertInvalid(run(with(README_SIZE, "--risk", "-5")), "--risk: must be > 0 (got -5)");
        assertInvalid(run(with(README_SIZE, "--risk", "20000")), "--risk: must be ≤ the balance 10000 (got 20000)");
        assertInvalid(run(with(README_SIZE, "--leverage", "150")),
                "--leverage: must be ≤ 125x, the max leverage of the tier at the sized quantity 0.05 (got 150)");
        assertInvalid(run(with(README_SIZE, "--symbol", "FOOUSDT")), "--symbol: has no bundled tier table on binance-usdm "
                + "(bundled: BTCUSDT, ETHUSDT, SOLUSDT, XRPUSDT, DOGEUSDT); give --mmr (got FOOUSDT)");
        assertInvalid(run("size", "--balance", "10000", "--risk", "1%", "--entry", "60000", "--stop", "58000", "--leverage", "10"),
                "--symbol: is required without --mmr (it selects the venue's tier table) (got nothing)");
        assertInvalid(run(with(README_SIZE, "--venue", "nope")), null);
        assertThat(run(with(README_SIZE, "--venue", "nope")).err()).startsWith("--venue: must be one of binance-usdm, ");
        assertInvalid(run(with(README_SIZE, "--venue", "mexc", "--mmr", "0.004")), "--taker-fee: is required on mexc: "
                + "MarginLab has no default taker rate for it (give the rate, e.g. 0.0005 = 0.05 %) (got nothing)");
        assertInvalid(run(with(README_SIZE, "--contract", "inverse")), "--contract: must be linear on binance-usdm (got inverse)");
        assertInvalid(run(with(README_SIZE, "--contract", "quanto")), "--contract: must be linear or inverse (got quanto)");
        assertInvalid(run(with(README_SIZE, "--contract-size", "0")), "--contract-size: must be > 0 (got 0)");
        assertInvalid(run(with(README_SIZE, "--mode", "hedge")), "--mode: must be isolated or cross (got hedge)");
        assertInvalid(run(with(README_SIZE, "--mmr", "1.5")), "--mmr: must be < 1 (a fraction, 0.005 = 0.5 %) (got 1.5)");
        assertInvalid(run(with(README_SIZE, "--maintenance-amount", "5")),
                "--maintenance-amount: needs --mmr (it overrides the tier table with it) (got 5)");
        assertInvalid(run(with(README_SIZE, "--taker-fee", "-0.001")), "--taker-fee: must be ≥ 0 (got -0.001)");
        assertInvalid(run(with(README_SIZE, "--max-leverage", "0")), "--max-leverage: must be > 0 (got 0)");
        // a 1-USDT stop at 1x on 10^11: 10^10 BTC, far above the table's last tier
        Run huge = run(with(README_SIZE, "--balance", "100000000000", "--risk", "10%", "--stop", "59999", "--leverage", "1"));
        assertInvalid(huge, null);
        assertThat(huge.err()).startsWith("--risk: sizes a quantity of 10000000000, which gives a notional of")
                .endsWith("(got 10%)\n");
        Run missing = run("size", "--balance", "10000");
        assertInvalid(missing, null);
        assertThat(missing.err()).contains("--risk").contains("--entry").contains("--stop").contains("--leverage");
    }

    // ----------------------------------------------------------------------------- ladder

    private static final String[] LADDER = args("ladder", "--side", "long", "--leverage", "10", "--mmr", "0.004",
            "--fill", "0.1@60000", "--fill-amount", "5700@57000", "--fill", "0.2@54000");

    @Test
    void ladder_threeFills() throws Exception {
        JsonNode r = json(run(concat(LADDER, "--json")));
        assertThat(keys(r)).containsExactly("venue", "ruleSet", "symbol", "contract", "side", "marginMode", "leverage",
                "walletBalance", "steps", "warnings");
        JsonNode steps = r.get("steps");
        assertThat(steps).hasSize(3);
        assertThat(keys(steps.get(0))).containsExactly("fill", "fillPrice", "fillQuantity", "fillAmount", "quantity",
                "averageEntryPrice", "notional", "initialMargin", "isolatedMargin", "liquidationPrice", "bankruptcyPrice",
                "distanceToLiquidation", "liquidated", "nextFillBeyondLiquidation");
        // with the default margin Q·EP/10: LP = EP·(1 − 1/10)/(1 − 0.004) = EP·0.9/0.996, BP = EP·0.9
        // 1: 0.1 @ 60,000: EP 60,000, margin 600, LP 54000/0.996 = 54,216.8674698795…, BP 54,000,
        //    distance (60000 − LP)/60000 = 0.0963855…
        JsonNode s1 = steps.get(0);
        exact(s1, "quantity", "0.1");
        exact(s1, "averageEntryPrice", "60000");
        exact(s1, "isolatedMargin", "600");
        near(s1, "liquidationPrice", "54216.8674698795180722891566");
        exact(s1, "bankruptcyPrice", "54000");
        near(s1, "distanceToLiquidation", "0.0963855421686746987951807");
        // 2: 5,700 USDT @ 57,000 = 0.1 BTC (in the order given, between the two --fill): Q 0.2,
        //    EP (6000 + 5700)/0.2 = 58,500, margin 1,170, LP 52650/0.996 = 52,861.4457831…, BP 52,650,
        //    distance (57000 − LP)/57000 = 0.0726062…
        JsonNode s2 = steps.get(1);
        exact(s2, "fillQuantity", "0.1");
        exact(s2, "fillAmount", "5700");
        exact(s2, "quantity", "0.2");
        exact(s2, "averageEntryPrice", "58500");
        exact(s2, "isolatedMargin", "1170");
        near(s2, "liquidationPrice", "52861.4457831325301204819277");
        exact(s2, "bankruptcyPrice", "52650");
        near(s2, "distanceToLiquidation", "0.0726062143310082435003171");
        // 3: 0.2 @ 54,000: Q 0.4, EP 22500/0.4 = 56,250, margin 2,250, LP 50625/0.996 = 50,828.3132530…, BP 50,625
        JsonNode s3 = steps.get(2);
        exact(s3, "quantity", "0.4");
        exact(s3, "averageEntryPrice", "56250");
        exact(s3, "isolatedMargin", "2250");
        near(s3, "liquidationPrice", "50828.3132530120481927710843");
        exact(s3, "bankruptcyPrice", "50625");
        // each next fill (57,000, 54,000) lies above the previous LP (54,216.87, 52,861.45): no warning
        for (JsonNode s : steps) {
            assertThat(s.get("nextFillBeyondLiquidation").asBoolean()).isFalse();
        }
        assertThat(r.get("warnings")).isEmpty();
    }

    @Test
    void ladder_table() {
        Run run = run(LADDER);
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("""
                (--mmr 0.004) long, isolated, 10x on binance-usdm@0000-01-01

                FILL      PRICE  FILL QTY  QTY  AVG ENTRY    MARGIN  LIQ. PRICE  DISTANCE
                1     60,000.00       0.1  0.1  60,000.00    600.00   54,216.87     9.64%
                2     57,000.00       0.1  0.2  58,500.00  1,170.00   52,861.45     7.26%
                3     54,000.00       0.2  0.4  56,250.00  2,250.00   50,828.31     5.87%
                """);
    }

    @Test
    void ladder_warnsWhereAFillLiesBeyondTheLiquidationPrice() throws Exception {
        // 20x on the bundled BTCUSDT bracket 1 (0.4 %): after 0.1 @ 60,000 LP = 60000·0.95/0.996 = 57,228.9156…,
        // and the next fill at 57,000 lies below it
        String[] a = args("ladder", "--side", "long", "--leverage", "20", "--symbol", "BTCUSDT",
                "--fill", "0.1@60000", "--fill", "0.1@57000");
        JsonNode r = json(run(concat(a, "--json")));
        near(r.get("steps").get(0), "liquidationPrice", "57228.9156626506024096385542");
        assertThat(r.get("steps").get(0).get("nextFillBeyondLiquidation").asBoolean()).isTrue();
        assertThat(r.get("steps").get(1).get("nextFillBeyondLiquidation").asBoolean()).isFalse();
        String warning = "fill 2 at 57,000.00 lies at or beyond the liquidation price 57,228.92 after fill 1: "
                + "the position would be liquidated before it fills";
        assertThat(r.get("warnings").get(0).asText()).isEqualTo(warning);
        Run table = run(a);
        assertThat(table.out()).contains("next fill beyond liq.").endsWith("warning: " + warning + "\n");
    }

    @Test
    void ladder_inverseHarmonic() throws Exception {
        // binance-coinm BTCUSD, 100 USD contracts, 5x, MMR 0.4 %: 100 contracts @ 50,000 and 10,000 USD @ 45,000
        // (= 100 contracts). After both: EP = 200/(100/50000 + 100/45000) = 47,368.4210526… (harmonic);
        // margin 20000/(EP·5) = 0.0844…; LP = EP·1.004/1.2 = 39,631.5789473…
        JsonNode r = json(run("ladder", "--side", "long", "--leverage", "5", "--venue", "binance-coinm", "--contract",
                "inverse", "--contract-size", "100", "--mmr", "0.004", "--fill", "100@50000", "--fill-amount",
                "10000@45000", "--json"));
        JsonNode s2 = r.get("steps").get(1);
        exact(s2, "quantity", "200");
        near(s2, "averageEntryPrice", "47368.4210526315789473684211");
        near(s2, "isolatedMargin", "0.0844444444444444444444444444");
        near(s2, "liquidationPrice", "39631.5789473684210526315789");
        // first step: LP = 50000·1.004/1.2 = 41,833.33…
        near(r.get("steps").get(0), "liquidationPrice", "41833.3333333333333333333333");
    }

    @Test
    void ladder_cross() throws Exception {
        // cross on 1,000: 1: LP = (6000 − 1000)/(0.1·0.996) = 50,200.8032…; 2: Q 0.2 @ 58,500:
        // LP = (11700 − 1000)/0.1992 = 53,714.8594…; margin 1,170 > 1000 + 0.2·(57000 − 58500) = 700: warning
        JsonNode r = json(run("ladder", "--side", "long", "--leverage", "10", "--mmr", "0.004", "--mode", "cross",
                "--balance", "1000", "--fill", "0.1@60000", "--fill", "0.1@57000", "--json"));
        exact(r, "walletBalance", "1000");
        near(r.get("steps").get(0), "liquidationPrice", "50200.8032128514056224899598");
        near(r.get("steps").get(1), "liquidationPrice", "53714.8594377510040160642570");
        assertThat(r.get("steps").get(1).get("isolatedMargin").isNull()).isTrue();
        assertThat(r.get("warnings").get(0).asText()).startsWith(
                "after fill 2 the initial margin 1,170.00 exceeds the cross margin balance 700.00");
    }

    @Test
    void ladderErrors() {
        String[] base = args("ladder", "--side", "long", "--leverage", "10", "--mmr", "0.004");
        assertInvalid(run(base), "--fill: at least one fill is required, e.g. --fill 0.1@60000 (got nothing)");
        assertInvalid(run(concat(base, "--fill", "60000")), "--fill: must be QTY@PRICE, e.g. 0.1@60000 (fill 1) (got 60000)");
        assertInvalid(run(concat(base, "--fill", "0.1@60000", "--fill", "x@5")),
                "--fill: must be QTY@PRICE with decimal numbers, e.g. 0.1@60000 (fill 2) (got x@5)");
        assertInvalid(run(concat(base, "--fill", "0.1@60000", "--fill-amount", "0@5")),
                "--fill-amount: AMOUNT and PRICE must be > 0 (fill 2) (got 0@5)");
        assertInvalid(run(concat(base, "--fill", "0@60000")), "--fill: QTY and PRICE must be > 0 (fill 1) (got 0@60000)");
        assertInvalid(run(concat(base, "--fill", "0.1@60000", "--mode", "cross")),
                "--balance: is required with --mode cross (the cross wallet) (got nothing)");
        assertInvalid(run(concat(base, "--fill", "0.1@60000", "--balance", "5")),
                "--balance: is only used with --mode cross (isolated: each fill brings its own margin) (got 5)");
        assertInvalid(run("ladder", "--side", "long", "--leverage", "0", "--mmr", "0.004", "--fill", "0.1@60000"),
                "--leverage: must be > 0 (got 0)");
        assertInvalid(run("ladder", "--side", "flat", "--leverage", "10", "--mmr", "0.004", "--fill", "0.1@60000"),
                "--side: must be long or short (got flat)");
        // bundled BTCUSDT: 0.5 @ 60,000 = 30,000 (125x bracket); + 1 @ 57,000: 1.5·57000 = 85,500 (max 100x)
        assertInvalid(run("ladder", "--side", "long", "--leverage", "125", "--symbol", "BTCUSDT", "--fill", "0.5@60000",
                "--fill", "1@57000"), "--leverage: must be ≤ 100x, the max leverage of the tier (fill 2) (got 125)");
        // 100,000 BTC @ 60,000 = 6·10^9, above the table's last cap 1.8·10^9
        assertInvalid(run("ladder", "--side", "long", "--leverage", "1", "--symbol", "BTCUSDT", "--fill", "100000@60000"),
                "--fill: the position after it (quantity 100000) gives a notional of 6000000000 at the mark, above the "
                        + "last tier of BTCUSDT's table (cap 1800000000); the table has no tier for it (fill 1) "
                        + "(got 100000@60000)");
        Run noSide = run("ladder", "--leverage", "10", "--fill", "0.1@60000");
        assertInvalid(noSide, null);
        assertThat(noSide.err()).contains("--side");
    }

    // ------------------------------------------------------------------------------- cost

    private static final String[] COST = args("cost", "--side", "long", "--qty", "0.05", "--entry", "60000");

    @Test
    void cost_feesAndBreakEven() throws Exception {
        JsonNode r = json(run(concat(with(COST, "--exit", "62000"), "--json")));
        assertThat(keys(r)).containsExactly("venue", "contract", "side", "quantity", "entryPrice", "exitPrice",
                "openFeeRate", "closeFeeRate", "feeToOpen", "feeToClose", "feeToCloseReserved", "fundingRate",
                "fundingIntervalHours", "hoursHeld", "fundingIntervals", "fundingPaid", "breakEvenPriceWithoutFunding",
                "breakEvenPrice", "pnl", "netPnl");
        // taker 0.05 % (binance-usdm default) both ways: open 0.05·60000·0.0005 = 1.5; close at the exit
        // 0.05·62000·0.0005 = 1.55
        exact(r, "openFeeRate", "0.0005");
        exact(r, "feeToOpen", "1.5");
        exact(r, "feeToClose", "1.55");
        assertThat(r.get("feeToCloseReserved").isNull()).isTrue();
        // long break-even without funding: EP·(1 + f_open)/(1 − f_close) = 60000·1.0005/0.9995 = 60030/0.9995
        // = 60,060.0300150075…; no funding given: the same with funding
        near(r, "breakEvenPriceWithoutFunding", "60060.0300150075037518759380");
        near(r, "breakEvenPrice", "60060.0300150075037518759380");
        exact(r, "fundingPaid", "0");
        // PnL 0.05·2000 = 100; net 100 − 1.5 − 1.55 = 96.95
        exact(r, "pnl", "100");
        exact(r, "netPnl", "96.95");
    }

    @Test
    void cost_withFundingPaidByALong() throws Exception {
        // 0.01 % every 8 h for 24 h: 3 payments of 0.05·60000·0.0001 = 0.3, paid by the long: F = +0.9;
        // BE = (Q·EP·(1 + f_o) + F)/(Q·(1 − f_c)) = (3001.5 + 0.9)/(0.05·0.9995) = 3002.4/0.049975 = 60,078.0390195…
        JsonNode r = json(run(concat(with(COST, "--exit", "62000", "--funding-rate", "0.0001", "--funding-interval-hours", "8",
                "--hours", "24"), "--json")));
        exact(r, "fundingIntervals", "3");
        exact(r, "fundingPaid", "0.9");
        near(r, "breakEvenPriceWithoutFunding", "60060.0300150075037518759380");
        near(r, "breakEvenPrice", "60078.0390195097548774387194");
        // net 100 − 1.5 − 1.55 − 0.9 = 96.05
        exact(r, "netPnl", "96.05");
    }

    @Test
    void cost_fundingIntervalDefaultsToTheVenues_asTheAppDoes() throws Exception {
        // hyperliquid funds hourly (venues-v2.md §10.2): 24 h held = 24 payments of 0.05·60000·0.0001 = 0.3,
        // paid by the long: 7.2; binance-usdm every 8 h: 3 payments, 0.9 (the test above)
        JsonNode r = json(run("cost", "--venue", "hyperliquid", "--side", "long", "--qty", "0.05", "--entry", "60000",
                "--taker-fee", "0.00045", "--funding-rate", "0.0001", "--hours", "24", "--json"));
        exact(r, "fundingIntervalHours", "1");
        exact(r, "fundingIntervals", "24");
        exact(r, "fundingPaid", "7.2");
    }

    @Test
    void cost_withFundingReceivedByAShort() throws Exception {
        // short: the same rate is received, F = −0.9; BE = (Q·EP·(1 − f_o) − F)/(Q·(1 + f_c))
        // = (2998.5 + 0.9)/0.050025 = 2999.4/0.050025 = 59,958.0209895…; without funding 2998.5/0.050025 = 59,940.0299850…
        JsonNode r = json(run("cost", "--side", "short", "--qty", "0.05", "--entry", "60000", "--funding-rate", "0.0001",
                "--hours", "24", "--json"));
        exact(r, "fundingPaid", "-0.9");
        near(r, "breakEvenPriceWithoutFunding", "59940.0299850074962518740630");
        near(r, "breakEvenPrice", "59958.0209895052473763118441");
        assertThat(r.get("exitPrice").isNull()).isTrue();
        exact(r, "feeToClose", "1.5"); // valued at the entry without --exit
        Run table = run("cost", "--side", "short", "--qty", "0.05", "--entry", "60000", "--funding-rate", "0.0001",
                "--hours", "24");
        assertThat(table.out()).contains("funding                  0.90 received (3 x 0.01% every 8 h, 24 h held)\n");
    }

    @Test
    void cost_makerOpen() throws Exception {
        // open as maker 0.02 %, close as taker 0.05 %: BE = 60000·1.0002/0.9995 = 60012/0.9995 = 60,042.0210105…;
        // fee to open 0.05·60000·0.0002 = 0.6
        JsonNode r = json(run(concat(with(COST, "--open", "maker", "--maker-fee", "0.0002"), "--json")));
        exact(r, "openFeeRate", "0.0002");
        exact(r, "closeFeeRate", "0.0005");
        exact(r, "feeToOpen", "0.6");
        near(r, "breakEvenPrice", "60042.0210105052526263131566");
    }

    @Test
    void cost_inverse() throws Exception {
        // 100 contracts of 100 USD long @ 50,000: N = 10,000 USD; open fee N/EP·0.0005 = 0.0001 BTC;
        // BE = N·(1 + f_c)/(N/EP·(1 − f_o)) = 50000·1.0005/0.9995 = 50,050.0250125…
        JsonNode r = json(run("cost", "--side", "long", "--qty", "100", "--entry", "50000", "--contract", "inverse",
                "--contract-size", "100", "--venue", "binance-coinm", "--json"));
        exact(r, "feeToOpen", "0.0001");
        near(r, "breakEvenPrice", "50050.0250125062531265632816");
    }

    @Test
    void cost_reservedFeeToCloseAtTheBankruptcyPrice() throws Exception {
        // Bybit UTA short 0.1 @ 60,000, 10x, taker 0.055 %: BP = 60000·(1 + 1/10) = 66,000;
        // reserve 0.1·66000·0.00055 = 3.63 (the fee to close at the exit, here the entry: 0.1·60000·0.00055 = 3.3)
        JsonNode r = json(run("cost", "--side", "short", "--qty", "0.1", "--entry", "60000", "--venue", "bybit-uta",
                "--leverage", "10", "--json"));
        exact(r, "feeToCloseReserved", "3.63");
        exact(r, "feeToClose", "3.3");
        Run noLeverage = run("cost", "--side", "short", "--qty", "0.1", "--entry", "60000", "--venue", "bybit-uta");
        assertThat(noLeverage.out()).contains("give --leverage to value it");
    }

    /** The planner's list of venues that reserve the fee to close agrees with the engine's figures. */
    @Test
    void reservesFeeToCloseAgreesWithTheEngine() {
        int checked = 0;
        List<String> reserving = new ArrayList<>();
        for (VenueRules v : Venues.all()) {
            for (ContractType c : List.of(ContractType.LINEAR, ContractType.INVERSE)) {
                if (!v.contractTypes().contains(c)) {
                    continue;
                }
                Position p = Position.builder().id("p").symbol(c.isInverse() ? "BTCUSD" : "BTCUSDT").contract(c)
                        .contractSize(c.isInverse() ? new BigDecimal("100") : BigDecimal.ONE).side(Side.LONG)
                        .quantity(BigDecimal.ONE).entryPrice(new BigDecimal("60000")).leverage(BigDecimal.TEN)
                        .maintenance(new Maintenance(new BigDecimal("0.004"), BigDecimal.ZERO)).build();
                PositionRisk r;
                try {
                    r = MarginEngine.DEFAULT.evaluate(p, v);
                } catch (ValidationException e) {
                    continue; // a venue that needs inputs of its own (e.g. KuCoin's liquidation-fee rate)
                }
                checked++;
                assertThat(Planner.reservesFeeToClose(v, c)).as(v.ruleSetId() + " " + c.id()).isEqualTo(r.feeToClose() != null);
                if (r.feeToClose() != null) {
                    reserving.add(v.id() + " " + c.id());
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
        assertThat(reserving).containsExactlyInAnyOrder("bybit-uta linear", "bybit-uta inverse", "phemex linear");
    }

    @Test
    void costErrors() {
        assertInvalid(run("cost", "--side", "long", "--qty", "0", "--entry", "60000"), "--qty: must be > 0 (got 0)");
        assertInvalid(run("cost", "--side", "long", "--qty", "1", "--entry", "-1"), "--entry: must be > 0 (got -1)");
        assertInvalid(run(with(COST, "--exit", "0")), "--exit: must be > 0 (got 0)");
        assertInvalid(run(with(COST, "--open", "maker")), "--maker-fee: is required with --open maker: MarginLab has no "
                + "default maker rate (give it, e.g. 0.0002 = 0.02 %) (got nothing)");
        assertInvalid(run(with(COST, "--close", "limit")), "--close: must be taker or maker (got limit)");
        assertInvalid(run(with(COST, "--taker-fee", "2")),
                "--taker-fee: must be between -1 and 1 (a fraction, 0.0005 = 0.05 %) (got 2)");
        assertInvalid(run(with(COST, "--maker-fee", "-1")),
                "--maker-fee: must be between -1 and 1 (a fraction, 0.0005 = 0.05 %) (got -1)");
        assertInvalid(run(with(COST, "--funding-rate", "1")),
                "--funding-rate: must be between -1 and 1 (a fraction, 0.0005 = 0.05 %) (got 1)");
        assertInvalid(run(with(COST, "--funding-interval-hours", "0")), "--funding-interval-hours: must be > 0 (got 0)");
        assertInvalid(run(with(COST, "--hours", "-1")), "--hours: must be ≥ 0 (got -1)");
        assertInvalid(run(with(COST, "--leverage", "0")), "--leverage: must be > 0 (got 0)");
        assertInvalid(run(with(COST, "--venue", "mexc")), "--taker-fee: is required on mexc: MarginLab has no default "
                + "taker rate for it (give the rate, e.g. 0.0005 = 0.05 %) (got nothing)");
        assertInvalid(run(with(COST, "--contract", "quanto")), "--contract: must be linear or inverse (got quanto)");
        assertInvalid(run(with(COST, "--side", "both")), "--side: must be long or short (got both)");
        // no positive break-even: a long receiving more funding than the position is worth. Rate −0.5 every 8 h
        // for 800 h: 100 payments of 0.05·60000·(−0.5) = −1,500, F = −150,000; Q·EP·(1 + f) + F = 3001.5 − 150000 < 0
        Run impossible = run(with(COST, "--funding-rate", "-0.5", "--hours", "800"));
        assertInvalid(impossible, null);
        assertThat(impossible.err()).startsWith("--funding-rate: with --hours 800 projects funding of -150000, which "
                + "leaves no positive break-even price for this long (linear)").endsWith("(got -0.5)\n");
        Run missing = run("cost", "--side", "long");
        assertInvalid(missing, null);
        assertThat(missing.err()).contains("--qty").contains("--entry");
    }

    // --------------------------------------------------------------------------- max-open

    @Test
    void maxOpen_byTheBalance() throws Exception {
        // 1,000 at 10x, buy at 50,000 = mark: Q = 1000·10/50000 = 0.2, notional 10,000, margin 1,000, no open loss
        JsonNode r = json(run("max-open", "--balance", "1000", "--price", "50000", "--leverage", "10", "--side", "long",
                "--json"));
        assertThat(keys(r)).containsExactly("venue", "symbol", "side", "availableBalance", "orderPrice", "markPrice",
                "leverage", "quantity", "notional", "limit", "initialMargin", "openLoss", "cost");
        exact(r, "quantity", "0.2");
        exact(r, "notional", "10000");
        assertThat(r.get("limit").asText()).isEqualTo("balance");
        exact(r, "initialMargin", "1000");
        exact(r, "openLoss", "0");
        exact(r, "cost", "1000");
    }

    @Test
    void maxOpen_aBuyAboveTheMarkPaysTheOpenLoss() throws Exception {
        // mark 49,900: open loss 100 per BTC; Q = 1000·10/(50000 + 10·100) = 10000/51000 = 0.1960784313…
        JsonNode r = json(run("max-open", "--balance", "1000", "--price", "50000", "--leverage", "10", "--side", "long",
                "--mark", "49900", "--json"));
        near(r, "quantity", "0.196078431372549019607843137");
        // a sell at 50,000 above a mark of 49,900 has none: 0.2
        JsonNode s = json(run("max-open", "--balance", "1000", "--price", "50000", "--leverage", "10", "--side", "short",
                "--mark", "49900", "--json"));
        exact(s, "quantity", "0.2");
        Run table = run("max-open", "--balance", "1000", "--price", "50000", "--leverage", "10", "--side", "long",
                "--mark", "49900");
        assertThat(table.out()).startsWith("max quantity    0.19607843 (limited by the balance)\n");
    }

    @Test
    void maxOpen_cappedByTheTier() throws Exception {
        // 125x: only bracket 1 allows it, cap 50,000 notional ⇒ 50000/50000 = 1 BTC; the balance allows 1000·125/50000 = 2.5
        JsonNode r = json(run("max-open", "--balance", "1000", "--price", "50000", "--leverage", "125", "--side", "long",
                "--symbol", "BTCUSDT", "--json"));
        exact(r, "quantity", "1");
        exact(r, "notional", "50000");
        assertThat(r.get("limit").asText()).isEqualTo("tierNotionalCap");
    }

    @Test
    void maxOpenErrors() {
        String[] base = args("max-open", "--price", "50000", "--leverage", "10", "--side", "long");
        assertInvalid(run(concat(base, "--balance", "-1")), "--balance: must be ≥ 0 (got -1)");
        assertInvalid(run(concat(base, "--balance", "1000", "--mark", "0")), "--mark: must be > 0 (got 0)");
        assertInvalid(run("max-open", "--balance", "1000", "--price", "0", "--leverage", "10", "--side", "long"),
                "--price: must be > 0 (got 0)");
        assertInvalid(run("max-open", "--balance", "1000", "--price", "50000", "--leverage", "150", "--side", "long",
                "--symbol", "BTCUSDT"), "--leverage: must be ≤ 125x, the max leverage of the first tier (got 150)");
        assertInvalid(run(concat(base, "--balance", "1000", "--symbol", "FOO")), "--symbol: has no tier table on "
                + "binance-usdm (bundled: BTCUSDT, ETHUSDT, SOLUSDT, XRPUSDT, DOGEUSDT) (got FOO)");
        assertInvalid(run(concat(base, "--balance", "1000", "--venue", "binance-coinm")),
                "--venue: must have linear contracts (max-open is linear) (got binance-coinm)");
        Run missing = run("max-open", "--balance", "1000");
        assertInvalid(missing, null);
        assertThat(missing.err()).contains("--price").contains("--leverage").contains("--side");
    }

    @Test
    void subcommandsAreListed() {
        Run help = run("--help");
        assertThat(help.out()).contains("size").contains("ladder").contains("cost").contains("max-open");
    }
}
