package org.marginlab.engine.explain;

import org.marginlab.engine.derivation.Derivation;
import org.marginlab.engine.derivation.Expr;
import org.marginlab.engine.derivation.ExprText;
import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.derivation.Step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.tier.MaintenanceTier;
import org.marginlab.engine.tier.TierTable;
import org.marginlab.engine.venue.Venues;

/**
 * Derivations worked by hand: an inverse isolated liquidation price, a hedge group, a tier
 * re-check that moves the tier, a Bybit maintenance margin at the entry (fixed requirement) and
 * an OKX requirement with the fee to close. Each also passes {@link Honesty#check}.
 */
class VenueDerivationTest {
    private static final MathContext MC = MathContext.DECIMAL128;

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static Step step(Derivation dv, String symbol) {
        return dv.steps().stream().filter(s -> symbol.equals(s.symbol())).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + symbol + " in " + dv.steps()));
    }

    private static Derivation explained(Account a, String id, Figure f) {
        Derivation dv = Explainer.explain(a, id, f);
        AccountRisk risk = MarginEngine.DEFAULT.evaluate(a);
        Honesty.check(dv, Explainer.positionValue(risk.position(id), f), id + " " + f.id());
        return dv;
    }

    @Test
    void inverseIsolatedLiquidation_binanceCoinm() {
        // long 10 contracts × 100 USD = F 1000 USD, EP 50,000, 10x, MMR 0.5 %, cum 0;
        // isolated margin = IM = F/EP/lev = 1000/50000/10 = 0.002 BTC = W
        // P = F·(s + MMR) / (W + s·F/EP) = 1000·1.005 / (0.002 + 0.02) = 1005/0.022 = 45,681.8181…
        Position p = Position.builder().id("coin").symbol("BTCUSD").contract(ContractType.INVERSE)
                .contractSize(d("100")).side(Side.LONG).quantity(d("10")).entryPrice(d("50000")).markPrice(d("50000"))
                .leverage(d("10")).marginMode(MarginMode.ISOLATED).maintenance(new Maintenance(d("0.005"), d("0")))
                .venueParameters(org.marginlab.engine.VenueParameters.builder().tickSize(d("0.1")).build()).build();
        Account a = Account.of(Venues.byId("binance-coinm"), BigDecimal.ZERO, List.of(p));
        Derivation dv = explained(a, "coin", Figure.LIQUIDATION_PRICE);

        assertThat(step(dv, "W").value()).isEqualByComparingTo("0.002");
        // amounts in the coin, prices in USD
        assertThat(step(dv, "W").unit()).isEqualTo("BTC");
        assertThat(step(dv, "P_1").unit()).isEqualTo("USD");
        Step solve = step(dv, "P_1");
        assertThat(ExprText.symbolic(solve.formula())).isEqualTo("F·(s + MMR) / (W + s·F / EP)");
        assertThat(dv.value()).isCloseTo(d("1005").divide(d("0.022"), MC), within(d("1e-25")));
        assertThat(dv.steps().get(dv.steps().size() - 1).source()).isEqualTo("margin-formulas.md §1.7");
        // shown to the tick 0.1, rounded up for a long: ⌈456818.18…⌉ × 0.1 = 45,681.9
        assertThat(dv.shown().value()).isEqualByComparingTo("45681.9");
    }

    @Test
    void hedgeGroup_binanceUsdm_bothLegsInOneEquation() {
        // long 1 BTC and short 0.5 BTC, both @ 50,000, mark 50,000, MMR 1 %, cum 0, wallet 10,000, no other
        // positions: W = 10,000. P = (W − s1·B1·EP1 − s2·B2·EP2) / (B1·MMR1 + B2·MMR2 − s1·B1 − s2·B2)
        //   = (10000 − 50000 + 25000) / (0.01 + 0.005 − 1 + 0.5) = −15000 / −0.485 = 30,927.835…
        Maintenance flat = new Maintenance(d("0.01"), d("0"));
        Position longLeg = Position.builder().id("long").symbol("BTCUSDT").side(Side.LONG).quantity(d("1"))
                .entryPrice(d("50000")).markPrice(d("50000")).leverage(d("10")).marginMode(MarginMode.CROSS)
                .maintenance(flat).build();
        Position shortLeg = longLeg.toBuilder().id("short").side(Side.SHORT).quantity(d("0.5")).build();
        Account a = Account.of(Venues.byId("binance-usdm"), d("10000"), List.of(longLeg, shortLeg));

        Derivation dv = explained(a, "long", Figure.LIQUIDATION_PRICE);
        Step legs = dv.steps().stream().filter(s -> s.term().equals("Hedged legs")).findFirst().orElseThrow();
        assertThat(legs.note()).contains("1 = long").contains("2 = short");
        Step solve = step(dv, "P_1");
        assertThat(ExprText.symbolic(solve.formula())).contains("B_1", "B_2", "MMR_1", "MMR_2", "s_1", "s_2");
        assertThat(dv.value()).isCloseTo(d("-15000").divide(d("-0.485"), MC), within(d("1e-25")));
        assertThat(explained(a, "short", Figure.LIQUIDATION_PRICE).value()).isEqualByComparingTo(dv.value());
        // the group is outside TMM_1: no other cross positions
        assertThat(step(dv, "TMM_1").value()).isEqualByComparingTo("0");
    }

    @Test
    void tierRecheck_movesToTheLowerTier() {
        // tiers: [0, 50,000) MMR 0.4 % cum 0; [50,000, ∞) MMR 0.5 % cum 50 (= 50,000 × 0.1 %)
        // long 2 BTC @ 30,000, mark 30,000: N = 60,000, tier 2; isolated margin W = 12,000
        // P_1 (tier 2) = (W + cum − s·B·EP) / (B·MMR − s·B) = (12000 + 50 − 60000)/(0.01 − 2) = 24,095.477…
        //   N at P_1 = 48,190.95 < 50,000: tier 1, solve again
        // P_2 (tier 1) = (12000 − 60000)/(0.008 − 2) = 48000/1.992 = 24,096.385…; N = 48,192.77: tier 1, final
        TierTable tiers = TierTable.of(List.of(
                MaintenanceTier.of(d("0"), d("50000"), null, d("0.004"), d("0")),
                MaintenanceTier.of(d("50000"), null, null, d("0.005"), d("50"))), "hand", null);
        Position p = Position.builder().id("t").symbol("BTCUSDT").side(Side.LONG).quantity(d("2")).entryPrice(d("30000"))
                .markPrice(d("30000")).leverage(d("10")).marginMode(MarginMode.ISOLATED).isolatedMargin(d("12000"))
                .tiers(tiers).build();
        Account a = Account.of(Venues.byId("binance-usdm"), BigDecimal.ZERO, List.of(p));
        Derivation dv = explained(a, "t", Figure.LIQUIDATION_PRICE);

        assertThat(step(dv, "P_1").value()).isCloseTo(d("47950").divide(d("1.99"), MC), within(d("1e-25")));
        Step recheck = dv.steps().stream().filter(s -> s.term().equals("Re-check at P_1")).findFirst().orElseThrow();
        assertThat(recheck.note()).startsWith("In tier 1, not tier 2");
        assertThat(step(dv, "P_2").value()).isCloseTo(d("48000").divide(d("1.992"), MC), within(d("1e-25")));
        assertThat(dv.value()).isEqualByComparingTo(step(dv, "P_2").value());
    }

    @Test
    void bybitLinear_maintenanceAtEntry_isAFixedRequirement() {
        // long 1 BTC @ 50,000, mark 48,000, 10x, MMR 0.5 %: MM at the entry value = 50,000 × 0.005 = 250
        // W = IM = 5,000; C = W − R = 4,750; m = C/B = 4,750; P = EP − m = 45,250
        Position p = Position.builder().id("b").symbol("BTCUSDT").side(Side.LONG).quantity(d("1")).entryPrice(d("50000"))
                .markPrice(d("48000")).leverage(d("10")).marginMode(MarginMode.ISOLATED)
                .maintenance(new Maintenance(d("0.005"), d("0"))).build();
        Account a = Account.of(Venues.byId("bybit-linear"), BigDecimal.ZERO, List.of(p));

        Derivation mm = explained(a, "b", Figure.MAINTENANCE_MARGIN);
        assertThat(step(mm, "N_EP").value()).isEqualByComparingTo("50000");
        assertThat(mm.value()).isEqualByComparingTo("250");
        Derivation dv = explained(a, "b", Figure.LIQUIDATION_PRICE);
        assertThat(step(dv, "R").value()).isEqualByComparingTo("250");
        assertThat(step(dv, "C").value()).isEqualByComparingTo("4750");
        assertThat(step(dv, "m").value()).isEqualByComparingTo("4750");
        assertThat(ExprText.symbolic(step(dv, "P").formula())).isEqualTo("EP − m");
        assertThat(dv.value()).isEqualByComparingTo("45250");
        assertThat(step(dv, "P").source()).isEqualTo("margin-formulas.md §2.1");
    }

    @Test
    void okx_feeToCloseInTheRequirement() {
        // long 1 BTC @ 50,000, mark 50,000, 10x, MMR 0.4 %, taker 0.05 %: MM = 200, fee = N·f = 25
        // margin ratio (OKX: equity over requirement) = 5000 / (200 + 25) = 22.2…
        // P = (W − s·B·EP) / (B·(MMR + f) − s·B) = (5000 − 50000)/(0.0045 − 1) = 45000/0.9955 = 45,203.415…
        Position p = Position.builder().id("o").symbol("BTC-USDT-SWAP").side(Side.LONG).quantity(d("1"))
                .entryPrice(d("50000")).markPrice(d("50000")).leverage(d("10")).marginMode(MarginMode.ISOLATED)
                .maintenance(new Maintenance(d("0.004"), d("0"))).takerFeeRate(d("0.0005")).build();
        Account a = Account.of(Venues.byId("okx"), BigDecimal.ZERO, List.of(p));

        Derivation mm = explained(a, "o", Figure.MAINTENANCE_MARGIN);
        assertThat(step(mm, "fee").value()).isEqualByComparingTo("25");
        assertThat(mm.value()).isEqualByComparingTo("200");
        Derivation ratio = explained(a, "o", Figure.MARGIN_RATIO);
        assertThat(ExprText.symbolic(ratio.steps().get(ratio.steps().size() - 1).formula())).isEqualTo("MB / (MM + fee)");
        assertThat(ratio.value()).isCloseTo(d("5000").divide(d("225"), MC), within(d("1e-30")));
        Derivation dv = explained(a, "o", Figure.LIQUIDATION_PRICE);
        assertThat(ExprText.symbolic(step(dv, "P_1").formula())).contains("MMR + f");
        assertThat(dv.value()).isCloseTo(d("45000").divide(d("0.9955"), MC), within(d("1e-25")));
        assertThat(step(dv, "P").source()).isEqualTo("margin-formulas.md §3");
    }

    @Test
    void squareRoot_rendersInEveryMode_andEvaluates() {
        // √(B² + 4·A·C) with B = 3, A = 1, C = 4: √(9 + 16) = 5
        Expr b = Expr.sym("B", d("3"));
        Expr root = Expr.sqrt(Expr.add(Expr.mul(b, b), Expr.mul(Expr.num(4), Expr.sym("A", d("1")), Expr.sym("C", d("4")))));
        assertThat(ExprText.symbolic(root)).isEqualTo("√(B·B + 4·A·C)");
        assertThat(ExprText.readable(root, 6)).isEqualTo("√(3·3 + 4·1·4)");
        assertThat(ExprText.substituted(root)).startsWith("SQRT(");
        assertThat(ExprText.latex(root)).startsWith("\\sqrt{");
        Honesty.checkStep(Step.of("Root", "r", root, d("5"), "", "venues-v2.md §7.2"), "sqrt");
    }

    @Test
    void deribitInverse_sizeDependentRate_solvesTheQuadraticInOneOverP() {
        // long F = 1000 × 10 = 10,000 USD, EP = mark = 50,000, 10x: W = IM = 10000/50000/10 = 0.02 BTC;
        // rate a + b·S, a = 0.5 %, b = 0.0001 per BTC of size S = F/P.
        // MM at the mark: S = 0.2, rate = 0.005 + 0.0001·0.2 = 0.00502, MM = 0.2·0.00502 = 0.001004
        // Liquidation, x = 1/P: A = b·F² = 10,000; B = (a + s)·F = 10,050; C = W + s·F/EP = 0.22;
        // x = 2C/(B + √(B² + 4AC)) ⇒ P = (10050 + √(101,002,500 + 8,800))/0.44 = (10050 + 10050.4378…)/0.44
        //   = 45,682.81…
        Position p = Position.builder().id("d").symbol("BTC-PERPETUAL").contract(ContractType.INVERSE)
                .contractSize(d("10")).side(Side.LONG).quantity(d("1000")).entryPrice(d("50000")).markPrice(d("50000"))
                .leverage(d("10")).marginMode(MarginMode.ISOLATED).maintenance(new Maintenance(d("0.005"), d("0")))
                .venueParameters(org.marginlab.engine.VenueParameters.builder().mmrSlope(d("0.0001")).build()).build();
        Account a = Account.of(Venues.byId("deribit"), BigDecimal.ZERO, List.of(p));

        assertThat(explained(a, "d", Figure.MAINTENANCE_MARGIN).value()).isEqualByComparingTo("0.001004");
        Derivation dv = explained(a, "d", Figure.LIQUIDATION_PRICE);
        assertThat(ExprText.symbolic(step(dv, "P_1").formula())).contains("√(");
        BigDecimal byHand = d("10050").add(d("101011300").sqrt(MC)).divide(d("0.44"), MC);
        assertThat(dv.value()).isCloseTo(byHand, within(d("1e-24")));
        assertThat(step(dv, "P_1").note()).contains("Uncertain reading (venues-v2.md §14 #15)");
    }
}
