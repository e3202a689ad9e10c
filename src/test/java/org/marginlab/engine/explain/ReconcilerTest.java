package org.marginlab.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.Account;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.VenueParameters;
import org.marginlab.engine.explain.Reconciliation.Cause;
import org.marginlab.engine.explain.Reconciliation.VenueFigures;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.venue.Venues;

/**
 * Constructed venue numbers, each computed by hand with one cause, must be attributed to that cause;
 * random numbers must not be explained.
 *
 * <p>Every case is Binance USD-M (margin-formulas.md §1.1), a 1 BTC long at 30,000 (mark 30,000),
 * 10x, with a three-tier table: tier 1 [0, 50,000) MMR 0.4 % cum 0; tier 2 [50,000, 250,000) MMR
 * 0.5 % cum 50; tier 3 [250,000, 1,000,000) MMR 1 % cum 1,300. The liquidation price of a long with
 * one position on the margin M is {@code LP = (M + cum − Q·EP) / (Q·MMR − Q)}.
 */
class ReconcilerTest {
    private static final TierTable TIERS = TierTable.of(List.of(
            MaintenanceTier.of(BigDecimal.ZERO, new BigDecimal("50000"), new BigDecimal("125"), new BigDecimal("0.004"),
                    BigDecimal.ZERO),
            MaintenanceTier.of(new BigDecimal("50000"), new BigDecimal("250000"), new BigDecimal("100"),
                    new BigDecimal("0.005"), new BigDecimal("50")),
            MaintenanceTier.of(new BigDecimal("250000"), new BigDecimal("1000000"), new BigDecimal("50"),
                    new BigDecimal("0.01"), new BigDecimal("1300"))), "test", "2026-01-01");

    private static Position.Builder btc(MarginMode mode) {
        return Position.builder().id("btc").symbol("BTCUSDT").side(Side.LONG).quantity(BigDecimal.ONE)
                .entryPrice(new BigDecimal("30000")).markPrice(new BigDecimal("30000")).leverage(BigDecimal.TEN)
                .marginMode(mode).tiers(TIERS);
    }

    /** Isolated with 3,000 USDT: ours = (3000 − 30000) / (0.004 − 1) = 27,108.433734… */
    private static Account isolated() {
        return Account.of(Venues.byId("binance-usdm"), BigDecimal.ZERO,
                List.of(btc(MarginMode.ISOLATED).isolatedMargin(new BigDecimal("3000")).build()));
    }

    /** Cross with a 10,000 USDT wallet: ours = (10000 − 30000) / (0.004 − 1) = 20,080.321285… */
    private static Account cross() {
        return Account.of(Venues.byId("binance-usdm"), new BigDecimal("10000"), List.of(btc(MarginMode.CROSS).build()));
    }

    private static Reconciliation run(Account a, String venue) {
        return Reconciler.reconcile(a, "btc", VenueFigures.of(new BigDecimal(venue)));
    }

    @Test
    void oursIsTheEngines_andTheTickIsTheTypedLastDigit() {
        Reconciliation r = run(isolated(), "27108.43");
        // (3000 − 30000) / (0.004 − 1) = −27000 / −0.996 = 27,108.4337349…
        assertThat(r.ours()).isBetween(new BigDecimal("27108.4337"), new BigDecimal("27108.4338"));
        assertThat(r.tick()).isEqualByComparingTo("0.01");
        assertThat(r.tickSource()).isEqualTo("typed");
        assertThat(r.explained()).isTrue();
        assertThat(r.verdict()).startsWith("MarginLab's liquidation price 27,108.43 is the venue's 27,108.43");
    }

    @Test
    void nextTier_isFound() {
        // tier 2: (3000 + 50 − 30000) / (0.005 − 1) = −26950 / −0.995 = 27,085.427135… → the venue shows 27,085.43
        Reconciliation r = run(isolated(), "27085.43");
        Cause tier = r.cause("tier");
        assertThat(tier.explains()).isTrue();
        assertThat(tier.figure()).isBetween(new BigDecimal("27085.427"), new BigDecimal("27085.428"));
        assertThat(tier.size()).isEqualByComparingTo("0.005");
        assertThat(tier.sentence()).startsWith("Tier 2 of 3 (the next tier: MMR 0.50 %, maintenance amount 50.00 USDT) "
                + "instead of MMR 0.40 % gives 27,085.43: the venue's number.");
        assertThat(r.verdict()).startsWith("Explained by tier");
        assertThat(r.cause("closeFee").explains()).isFalse();
        assertThat(r.cause("tickRounding").explains()).isFalse();
    }

    @Test
    void closeFee_isFound() {
        // fee to close = 1 × 30000 × 0.05 % (Binance's default taker) = 15;
        // (3000 − 15 − 30000) / (0.004 − 1) = −27015 / −0.996 = 27,123.493975… → 27,123.49
        Reconciliation r = run(isolated(), "27123.49");
        Cause fee = r.cause("closeFee");
        assertThat(fee.explains()).isTrue();
        assertThat(fee.size()).isEqualByComparingTo("15");
        assertThat(fee.sentence()).startsWith("Reserving a fee to close of 15.00 USDT (taker 0.05 % of the notional at entry)");
        assertThat(r.verdict()).startsWith("Explained by closeFee");
        // the liquidation fee, MMR 0.004 + 0.0005: −27000 / −0.9955 = 27,122.049… is 1.44 ticks away
        assertThat(r.cause("liquidationFee").explains()).isFalse();
    }

    @Test
    void tierAndCloseFee_together_areFound_beforeTheSolvedAmounts() {
        // tier 2 with the fee to close 15 reserved: (3000 − 15 + 50 − 30000) / (0.005 − 1) = −26965 / −0.995
        // = 27,100.502512… → 27,100.50. Alone: tier 2 gives 27,085.43, the fee 27,123.49, the liquidation fee 27,122.05.
        Reconciliation r = run(isolated(), "27100.50");
        assertThat(r.cause("tier").explains()).isFalse();
        assertThat(r.cause("closeFee").explains()).isFalse();
        Cause pair = r.cause("tier+closeFee");
        assertThat(pair).isNotNull();
        assertThat(pair.explains()).isTrue();
        assertThat(pair.figure()).isBetween(new BigDecimal("27100.5025"), new BigDecimal("27100.5026"));
        assertThat(r.verdict()).startsWith("Explained by tier+closeFee (also fits: funding, isolatedMargin): tier 2 of 3 (the next tier: ");
    }

    @Test
    void fundingPaid_isFound_withinItsBound() {
        // funding paid 120 (0.4 % of the notional 30,000): (2880 − 30000) / −0.996 = 27,228.915662… → 27,228.92
        Reconciliation r = run(isolated(), "27228.92");
        Cause funding = r.cause("funding");
        assertThat(funding.explains()).isTrue();
        // 27228.92 × 0.996 = 27,120.00432 → margin 30000 − 27120.00432 = 2,879.99568; paid 3000 − that = 120.00432
        assertThat(funding.size()).isBetween(new BigDecimal("120.003"), new BigDecimal("120.006"));
        assertThat(funding.sentence()).startsWith("Funding paid since entry of 120.00 USDT (0.40 % of the notional 30,000.00 USDT, "
                + "about 40 intervals at 0.01 %) gives exactly 27,228.92");
        assertThat(r.verdict()).startsWith("Explained by funding");
        assertThat(r.cause("tier").explains()).isFalse();
        assertThat(r.cause("closeFee").explains()).isFalse();
    }

    @Test
    void lowerCrossWallet_isFound_andFundingIsBeyondItsBound() {
        // wallet 600 lower (6 % of 10,000; 2 % of the notional, above funding's 1 %):
        // (9400 − 30000) / −0.996 = 20,682.730923… → 20,682.73
        Reconciliation r = run(cross(), "20682.73");
        Cause wallet = r.cause("crossWallet");
        assertThat(wallet.explains()).isTrue();
        // 20682.73 × 0.996 = 20682.73 − 82.73092 = 20,599.99908 → wallet 30000 − 20599.99908 = 9,400.00092: 599.99908 lower
        assertThat(wallet.size()).isBetween(new BigDecimal("599.998"), new BigDecimal("600.000"));
        assertThat(wallet.sentence()).startsWith("A wallet 600.00 USDT lower than yours (9,400.00 USDT instead of 10,000.00 USDT) "
                + "gives exactly 20,682.73: check for funding paid or another position.");
        assertThat(r.cause("funding").explains()).isFalse();
        assertThat(r.cause("funding").sentence()).contains("beyond the bound of 1.00 %");
        assertThat(r.verdict()).startsWith("Explained by crossWallet");
    }

    @Test
    void tickRounding_isFound_withTheInstrumentsTick() {
        // tick 0.5: ours 27,108.4337 rounded down is 27,108.0 (0.87 ticks below ours); the venue shows 27,108.0
        Account a = Account.of(Venues.byId("binance-usdm"), BigDecimal.ZERO, List.of(btc(MarginMode.ISOLATED)
                .isolatedMargin(new BigDecimal("3000"))
                .venueParameters(VenueParameters.builder().tickSize(new BigDecimal("0.5")).build()).build()));
        Reconciliation r = run(a, "27108.0");
        assertThat(r.tick()).isEqualByComparingTo("0.5");
        assertThat(r.tickSource()).isEqualTo("instrument");
        Cause rounding = r.cause("tickRounding");
        assertThat(rounding.explains()).isTrue();
        assertThat(rounding.figure()).isEqualByComparingTo("27108.0");
        assertThat(r.verdict()).startsWith("Explained by tickRounding: marginLab's 27108.4337349 rounded down to the tick 0.5");
        // nothing else is a cause when ours is already within a tick
        assertThat(r.explaining()).extracting(Cause::id).containsExactly("tickRounding");
    }

    @Test
    void randomNumbers_areNotExplained() {
        // Seeded random venue numbers 2,000 to 8,000 away from ours (27,108.43), either side. What the bounded
        // causes reach: funding ≤ 1 % of 30,000 = 300 and the margin ≤ 10 % of 3,000 = 300, each moving the price
        // by 300 / 0.996 ≈ 301; the fees by ≤ 16; tier 3 gives (3000 + 1300 − 30000) / −0.99 = 25,959.60 (1,149
        // below) and its pairs with a fee stay within 20 of that: none within 2,000.
        Random random = new Random(20261207L);
        for (int i = 0; i < 12; i++) {
            double away = 2000 + random.nextDouble() * 6000;
            BigDecimal venue = BigDecimal.valueOf(27108.43 + (random.nextBoolean() ? away : -away))
                    .setScale(2, RoundingMode.HALF_UP);
            Reconciliation r = run(isolated(), venue.toPlainString());
            assertThat(r.explained()).as("venue %s", venue).isFalse();
            assertThat(r.explaining()).as("venue %s", venue).isEmpty();
            assertThat(r.verdict()).as("venue %s", venue).startsWith("Not explained: MarginLab gives 27,108.43, ");
        }
    }

    @Test
    void otherFigures_areCheckedAgainstTheCauses() {
        // isolated 3,000 at mark 30,000: maintenance margin 30000 × 0.4 % = 120; margin balance 3,000 + 0 = 3,000.
        // The venue on tier 2: maintenance margin 30000 × 0.5 % − 50 = 100.
        Reconciliation r = Reconciler.reconcile(isolated(), "btc", new VenueFigures(new BigDecimal("27085.43"), null,
                new BigDecimal("100.00"), new BigDecimal("3000.00"), null));
        assertThat(r.figures()).hasSize(2);
        Reconciliation.FigureCheck mm = r.figures().get(0);
        assertThat(mm.name()).isEqualTo("maintenanceMargin");
        assertThat(mm.ours()).isEqualByComparingTo("120");
        assertThat(mm.matches()).isFalse();
        assertThat(mm.explainedBy()).contains("tier");
        assertThat(r.figures().get(1).matches()).isTrue();
    }

    @Test
    void faqCross_at26350_isAWalletOrFunding() {
        // Binance FAQ: ours 26,316.89 (margin-formulas.md §1.1); the venue's 26,350 (tick 1, as typed).
        // d LP / d W = 1 / (109.488 × (0.025 − 1)) = −1 / 106.7508, so the wallet is about 33.1 × 106.75 ≈ 3,534 lower:
        // 0.23 % of the wallet 1,535,443.01 and 0.10 % of the notional 3,500,033.16 (109.488 × 31,967.27).
        Position btc = Position.builder().id("btc-long").symbol("BTCUSDT").side(Side.LONG).quantity(new BigDecimal("109.488"))
                .entryPrice(new BigDecimal("32481.98")).markPrice(new BigDecimal("31967.27")).leverage(BigDecimal.TEN)
                .marginMode(MarginMode.CROSS).maintenance(new Maintenance(new BigDecimal("0.025"), new BigDecimal("16300")))
                .build();
        Position eth = Position.builder().id("eth-long").symbol("ETHUSDT").side(Side.LONG).quantity(new BigDecimal("3683.979"))
                .entryPrice(new BigDecimal("1456.84")).markPrice(new BigDecimal("1335.18")).leverage(BigDecimal.TEN)
                .marginMode(MarginMode.CROSS).maintenance(new Maintenance(new BigDecimal("0.1"), new BigDecimal("135365")))
                .build();
        Account a = Account.of(Venues.byId("binance-usdm"), new BigDecimal("1535443.01"), List.of(btc, eth));
        Reconciliation r = Reconciler.reconcile(a, "btc-long", VenueFigures.of(new BigDecimal("26350")));
        assertThat(r.tick()).isEqualByComparingTo("1");
        assertThat(r.cause("crossWallet").explains()).isTrue();
        assertThat(r.cause("crossWallet").size()).isBetween(new BigDecimal("3480"), new BigDecimal("3590"));
        assertThat(r.cause("funding").explains()).isTrue();
        assertThat(r.cause("otherPositions").explains()).isFalse();
    }

    @Test
    void badInput_namesTheFieldAndTheRule() {
        assertThatThrownBy(() -> VenueFigures.of(BigDecimal.ZERO)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("venueLiquidationPrice").hasMessageContaining("must be > 0");
        assertThatThrownBy(() -> Reconciler.reconcile(isolated(), "nope", VenueFigures.of(BigDecimal.TEN)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("positionId");
    }
}
