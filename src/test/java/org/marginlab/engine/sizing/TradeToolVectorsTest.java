package org.marginlab.engine.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginlab.engine.Vectors.assertWithin;
import static org.marginlab.engine.Vectors.dec;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Side;
import org.marginlab.engine.Vectors;
import org.marginlab.engine.Vectors.Case;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Binance trade-tool worked examples of {@code binance_docs.json} (spec margin-formulas.md
 * §1.4 futures calculator, §1.5 cost to open), read through the shared {@link Vectors} helper
 * and checked with each case's own tolerance:
 * <ul>
 *   <li>{@code binance-calculator-linear-long/short}, {@code binance-calculator-inverse-long/short}:
 *       initial margin, PnL and ROE at the exit price ({@link TradeMath#exitOutcome}) and the
 *       target price for the stated ROE ({@link TradeMath#targetPrice});</li>
 *   <li>{@code binance-cost-to-open-limit-long/short}: initial margin, open loss and cost
 *       ({@link OrderMath#costToOpen}).</li>
 * </ul>
 */
public class TradeToolVectorsTest {

    /** The vector ids this class covers. */
    static final List<String> CALCULATOR = List.of(
            "binance-calculator-linear-long",
            "binance-calculator-linear-short",
            "binance-calculator-inverse-long",
            "binance-calculator-inverse-short");
    static final List<String> COST_TO_OPEN = List.of(
            "binance-cost-to-open-limit-long",
            "binance-cost-to-open-limit-short");

    static final List<String> AVERAGE_ENTRY = List.of(
            "bybit-avg-entry-inverse",
            "bybit-avg-entry-usdt",
            "bybit-avg-entry-usdc");

    /** Every id this class covers, for the vector bookkeeping in {@code VectorCasesTest}. */
    public static final List<String> ALL = Stream.of(CALCULATOR, COST_TO_OPEN, AVERAGE_ENTRY)
            .flatMap(List::stream).toList();

    static Stream<Case> averageEntryCases() {
        return Vectors.allCases().stream().filter(c -> AVERAGE_ENTRY.contains(c.id()));
    }

    static Stream<Case> calculatorCases() {
        return Vectors.allCases().stream().filter(c -> CALCULATOR.contains(c.id()));
    }

    static Stream<Case> costToOpenCases() {
        return Vectors.allCases().stream().filter(c -> COST_TO_OPEN.contains(c.id()));
    }

    @Test
    void everyListedIdIsAVectorCaseOfTheExpectedKind() {
        assertThat(calculatorCases().map(Case::id)).containsExactlyInAnyOrderElementsOf(CALCULATOR);
        assertThat(calculatorCases().map(Case::kind)).containsOnly("calculator");
        assertThat(costToOpenCases().map(Case::id)).containsExactlyInAnyOrderElementsOf(COST_TO_OPEN);
        assertThat(costToOpenCases().map(Case::kind)).containsOnly("order_cost");
        assertThat(averageEntryCases().map(Case::id)).containsExactlyInAnyOrderElementsOf(AVERAGE_ENTRY);
        assertThat(averageEntryCases().map(Case::kind)).containsOnly("avg_entry_price");
    }

    /** Bybit "How to Calculate Average Entry Price" (spec §2.7): fills as [quantity, price]. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("averageEntryCases")
    void averageEntry(Case c) {
        ContractType contract = ContractType.parse(c.node().get("contract").asText());
        List<Fill> fills = new java.util.ArrayList<>();
        for (JsonNode fill : c.inputs().get("fills")) {
            fills.add(new Fill(new BigDecimal(fill.get(0).asText()), new BigDecimal(fill.get(1).asText())));
        }
        assertWithin(c.id() + " avg_entry_price", TradeMath.averageEntryPrice(contract, fills),
                dec(c.expected(), "avg_entry_price"), c.tolerance());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calculatorCases")
    void calculator(Case c) {
        JsonNode in = c.inputs();
        ContractType contract = ContractType.valueOf(c.node().get("contract").asText().toUpperCase(java.util.Locale.ROOT));
        Side side = Side.parse(c.node().get("side").asText());
        // linear cases state "quantity" (base coin, contract size 1); inverse cases "contracts" and "contract_size"
        BigDecimal quantity = contract == ContractType.LINEAR ? dec(in, "quantity") : dec(in, "contracts");
        BigDecimal contractSize = contract == ContractType.LINEAR ? BigDecimal.ONE : dec(in, "contract_size");
        BigDecimal entry = dec(in, "entry_price");
        BigDecimal exit = dec(in, "exit_price");
        BigDecimal leverage = dec(in, "leverage");

        ExitOutcome outcome = TradeMath.exitOutcome(contract, side, quantity, contractSize, entry, exit, leverage);

        JsonNode ex = c.expected();
        assertWithin(c.id() + " initial_margin", outcome.initialMargin(), dec(ex, "initial_margin"), c.tolerance());
        assertWithin(c.id() + " pnl", outcome.pnl(), dec(ex, "pnl"), c.tolerance());
        assertWithin(c.id() + " roe", outcome.roe(), dec(ex, "roe"), c.tolerance());
        // the separate entry points agree with the combined one
        assertThat(TradeMath.pnl(contract, side, quantity, contractSize, entry, exit)).isEqualByComparingTo(outcome.pnl());
        assertThat(TradeMath.roe(contract, side, entry, exit, leverage)).isEqualByComparingTo(outcome.roe());
        // target price for the vector's stated ROE (an input here, not our own output)
        BigDecimal target = TradeMath.targetPrice(contract, side, entry, leverage, dec(ex, "roe"));
        assertWithin(c.id() + " target_price_for_roe", target, dec(ex, "target_price_for_roe"), c.tolerance());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("costToOpenCases")
    void costToOpen(Case c) {
        JsonNode in = c.inputs();
        assertThat(c.node().get("contract").asText()).isEqualTo("linear");
        Side side = Side.parse(c.node().get("side").asText());

        OrderCost cost = OrderMath.costToOpen(side, dec(in, "quantity"), dec(in, "order_price"), dec(in, "mark_price"),
                dec(in, "leverage"));

        JsonNode ex = c.expected();
        assertWithin(c.id() + " initial_margin", cost.initialMargin(), dec(ex, "initial_margin"), c.tolerance());
        assertWithin(c.id() + " open_loss", cost.openLoss(), dec(ex, "open_loss"), c.tolerance());
        assertWithin(c.id() + " cost", cost.cost(), dec(ex, "cost"), c.tolerance());
    }
}
