package org.marginlab.app.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.marginlab.app.ui.DecimalInput;
import org.marginlab.app.workspace.Decimals;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.sizing.LadderStep;
import org.marginlab.engine.sizing.PlannedFill;
import org.marginlab.engine.venue.Venues;

/**
 * The ladder's shared input rules ({@link LadderInput}) and warnings ({@link LadderWarnings}),
 * as {@code marginlab ladder} and the Planner tab use them. Figures worked by hand with the
 * Binance isolated formula of margin-formulas.md, one position, cum 0:
 * long {@code LP = (Q·EP − IM) / (Q·(1 − MMR))}.
 */
class LadderInputTest {
    private static final LadderInput PLAIN = new LadderInput(t -> Decimals.parse(t, "fill"));
    private static final LadderInput GERMAN = new LadderInput(new DecimalInput(Locale.GERMANY)::parse);

    private static Position template(String symbol, String leverage, Maintenance m) {
        return Position.builder().id("plan").symbol(symbol).contract(ContractType.LINEAR).contractSize(BigDecimal.ONE)
                .side(Side.LONG).quantity(BigDecimal.ONE).entryPrice(BigDecimal.ONE).leverage(new BigDecimal(leverage))
                .marginMode(MarginMode.ISOLATED).maintenance(m).build();
    }

    @Test
    void aFillIsAPriceAndAQuantityOrAnAmount() {
        assertThat(PLAIN.fill(1, "60000", "0.1", "")).isEqualTo(PlannedFill.ofQuantity(new BigDecimal("60000"),
                new BigDecimal("0.1")));
        assertThat(PLAIN.fill(2, "57000", null, "5700")).isEqualTo(PlannedFill.ofAmount(new BigDecimal("57000"),
                new BigDecimal("5700")));
        // the app reads numbers in its locale: 60.000,5 is 60,000.5 in German
        assertThat(GERMAN.fill(1, "60.000,5", "0,1", "").price()).isEqualByComparingTo("60000.5");
    }

    @Test
    void aBadFillIsNamedByItsNumberAndCell() {
        assertThatThrownBy(() -> PLAIN.fill(2, "-1", "0.1", "")).hasMessage("fill 2: price must be > 0 (got -1)")
                .isInstanceOfSatisfying(LadderInput.Invalid.class, e -> {
                    assertThat(e.part()).isEqualTo(LadderInput.Part.PRICE);
                    assertThat(e.kind()).isEqualTo(LadderInput.Kind.NOT_POSITIVE);
                });
        assertThatThrownBy(() -> PLAIN.fill(1, "60000", "abc", "")).hasMessage("fill 1: quantity must be a decimal number (got abc)");
        assertThatThrownBy(() -> GERMAN.fill(3, "54000", "", "0")).hasMessage("fill 3: amount must be > 0 (got 0)");
        assertThatThrownBy(() -> PLAIN.fill(2, "57000", "0.1", "5")).hasMessage(
                "fill 2: amount must be left empty when a quantity is given (got 5)");
        assertThatThrownBy(() -> PLAIN.fill(4, "57000", " ", "")).hasMessage(
                "fill 4: quantity is required (or an amount in quote) (got nothing)");
        assertThatThrownBy(() -> PLAIN.fill(1, "", "0.1", "")).hasMessage("fill 1: price is required (got nothing)");
        // both numbers are read before either is checked, as marginlab ladder always did: 0@x does not read
        assertThatThrownBy(() -> PLAIN.fill(1, "x", "0", "")).isInstanceOfSatisfying(LadderInput.Invalid.class,
                e -> assertThat(e.kind()).isEqualTo(LadderInput.Kind.NOT_A_NUMBER));
    }

    @Test
    void threeFills_averageEntryAndLiquidationPrice() {
        List<LadderStep> steps = LadderInput.plan(Venues.byId("binance-usdm"),
                template("BTCUSDT", "10", new Maintenance(new BigDecimal("0.004"), BigDecimal.ZERO)), null, List.of(
                        PLAIN.fill(1, "60000", "0.1", ""), PLAIN.fill(2, "57000", "", "5700"), PLAIN.fill(3, "54000", "0.2", "")));
        // 1: Q 0.1, EP 60,000, IM 600: LP = (6,000 − 600) / (0.1 · 0.996) = 54,216.8675
        // 2: 5,700 / 57,000 = 0.1; Q 0.2, EP (6,000 + 5,700) / 0.2 = 58,500, IM 1,170:
        //    LP = (11,700 − 1,170) / 0.1992 = 52,861.4458
        // 3: Q 0.4, EP (11,700 + 10,800) / 0.4 = 56,250, IM 2,250: LP = (22,500 − 2,250) / 0.3984 = 50,828.3133
        assertThat(steps).extracting(s -> s.averageEntryPrice().setScale(2, RoundingMode.HALF_UP).toPlainString())
                .containsExactly("60000.00", "58500.00", "56250.00");
        assertThat(steps).extracting(s -> s.liquidationPrice().setScale(2, RoundingMode.HALF_UP).toPlainString())
                .containsExactly("54216.87", "52861.45", "50828.31");
        assertThat(steps).extracting(s -> s.isolatedMargin().setScale(2, RoundingMode.HALF_UP).toPlainString())
                .containsExactly("600.00", "1170.00", "2250.00");
        assertThat(LadderWarnings.of(steps, MarginMode.ISOLATED, null, p -> p.toPlainString(), a -> a.toPlainString()))
                .isEmpty();
    }

    @Test
    void aStepBreakingAVenueRuleIsThatFills() {
        // 0.5 @ 60,000 = 30,000 notional is within BTCUSDT's 125x tier; 1.5 BTC at 58,000 = 87,000 is not
        assertThatThrownBy(() -> LadderInput.plan(Venues.byId("binance-usdm"), template("BTCUSDT", "125", null), null,
                List.of(PLAIN.fill(1, "60000", "0.5", ""), PLAIN.fill(2, "57000", "1", ""))))
                .isInstanceOfSatisfying(LadderInput.Invalid.class, e -> {
                    assertThat(e.fill()).isEqualTo(2);
                    assertThat(e.part()).isEqualTo(LadderInput.Part.LEVERAGE);
                    assertThat(e.getMessage()).startsWith("fill 2: leverage must be ≤ 100x").endsWith("(got 125)");
                });
    }

    @Test
    void aFillBeyondTheLiquidationPriceIsWarnedOnThatFill() {
        List<LadderStep> steps = LadderInput.plan(Venues.byId("binance-usdm"), template("BTCUSDT", "20", null), null,
                List.of(PLAIN.fill(1, "60000", "0.1", ""), PLAIN.fill(2, "57000", "0.1", "")));
        // BTCUSDT tier 1: MMR 0.4 %, cum 0; IM 6,000 / 20 = 300: LP = (6,000 − 300) / 0.0996 = 57,228.9157,
        // above the next fill at 57,000
        List<LadderWarnings.Warning> w = LadderWarnings.of(steps, MarginMode.ISOLATED, null,
                p -> p.setScale(2, RoundingMode.HALF_UP).toPlainString(), a -> a.toPlainString());
        assertThat(w).containsExactly(new LadderWarnings.Warning(2, "fill 2 at 57000.00 lies at or beyond the liquidation "
                + "price 57228.92 after fill 1: the position would be liquidated before it fills"));
    }
}
