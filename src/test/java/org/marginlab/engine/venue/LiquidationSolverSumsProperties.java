package org.marginlab.engine.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;
import org.marginlab.engine.tier.MaintenanceTier;

/**
 * The solver sums the legs' tier-independent terms once per {@link LiquidationSolver.Legs} list
 * and adds them in another order than the equation of margin-formulas.md §1.1/§1.7 writes them.
 * Exact additions do not depend on order, so every price must be the one the equation's own
 * leg-by-leg loop gives: the same value and the same scale (records compare amounts with
 * {@code equals}). The oracle below is that loop, written term by term as the spec states it
 * (it is the solver's code before the sums were kept), over legs of mixed scales, including
 * quantities and prices with negative scales.
 */
class LiquidationSolverSumsProperties {
    private static final MathContext FLOOR = new MathContext(34, RoundingMode.FLOOR);
    private static final MathContext CEILING = new MathContext(34, RoundingMode.CEILING);
    private static final List<String> QUANTITIES = List.of("0.05", "1E+1", "3", "0.123456789", "250", "7.5");
    private static final List<String> LINEAR_ENTRIES = List.of("60000.5", "3000", "61234.12345678", "1.5E+4", "58000");
    private static final List<String> INVERSE_ENTRIES = List.of("60000.5", "30000", "61234.1", "5E+4", "58001");
    private static final List<String> WALLETS = List.of("0", "1000", "12345.678", "2E+3", "250000.00000001", "3");
    private static final List<String> FEES = List.of("0", "0.0004", "0.00075", "1E-4");

    @Provide
    Arbitrary<Object[]> cases() {
        Arbitrary<Object[]> leg = Combinators.combine(Arbitraries.of(Side.values()), Arbitraries.of(QUANTITIES),
                Arbitraries.integers().between(0, 4), Arbitraries.of(FEES), Arbitraries.integers().between(0, 9))
                .as((side, q, entry, fee, tier) -> new Object[] {side, q, entry, fee, tier});
        return Combinators.combine(Arbitraries.of(true, false), leg.list().ofMinSize(1).ofMaxSize(6), Arbitraries.of(WALLETS))
                .as((inverse, legs, wallet) -> new Object[] {inverse, legs, wallet});
    }

    @Property(tries = 2000)
    void everySolveIsTheEquationsLegByLegValueAndScale(@ForAll("cases") Object[] c, @ForAll @IntRange(min = 0, max = 1) int order) {
        boolean inverse = (Boolean) c[0];
        @SuppressWarnings("unchecked")
        List<Object[]> specs = (List<Object[]>) c[1];
        BigDecimal wallet = new BigDecimal((String) c[2]);
        // Binance USDⓈ-M's bundled BTCUSDT tiers for every leg (the arithmetic, not the venue, is under test)
        VenueRules venue = Venues.byId("binance-usdm");
        LiquidationSolver.Leg[] legs = new LiquidationSolver.Leg[specs.size()];
        int[] tiers = new int[legs.length];
        for (int i = 0; i < legs.length; i++) {
            Object[] s = specs.get(i);
            String entry = (inverse ? INVERSE_ENTRIES : LINEAR_ENTRIES).get((Integer) s[2]);
            Position p = Position.builder().id("p" + i).symbol(inverse ? "BTCUSD" : "BTCUSDT").side((Side) s[0])
                    .contract(inverse ? ContractType.INVERSE : ContractType.LINEAR)
                    .contractSize(inverse ? BigDecimal.valueOf(100) : BigDecimal.ONE)
                    .quantity(new BigDecimal((String) s[1])).entryPrice(new BigDecimal(entry)).markPrice(new BigDecimal(entry))
                    .leverage(BigDecimal.TEN).build();
            var schedule = venue.schedule(Position.builder().id("t").symbol("BTCUSDT").side(Side.LONG).quantity(BigDecimal.ONE)
                    .entryPrice(BigDecimal.TEN).markPrice(BigDecimal.TEN).leverage(BigDecimal.TEN).build());
            legs[i] = new LiquidationSolver.Leg(new Exposure(p), schedule, new BigDecimal((String) s[3]));
            tiers[i] = (Integer) s[4] % schedule.size();
        }
        LiquidationSolver.Legs kept = LiquidationSolver.Legs.of(legs.clone());
        List<LiquidationSolver.Leg> plain = new ArrayList<>(List.of(legs));
        BigDecimal bankruptcy = equation(plain, wallet, null, true);
        BigDecimal liquidation = equation(plain, wallet, tiers, false);
        // the kept sums are reused whichever solve comes first
        if (order == 0) {
            assertThat(LiquidationSolver.solve(kept, wallet, null, true)).isEqualTo(bankruptcy);
            assertThat(LiquidationSolver.solve(kept, wallet, tiers, false)).isEqualTo(liquidation);
        } else {
            assertThat(LiquidationSolver.solve(kept, wallet, tiers, false)).isEqualTo(liquidation);
            assertThat(LiquidationSolver.solve(kept, wallet, null, true)).isEqualTo(bankruptcy);
        }
        assertThat(LiquidationSolver.solve(kept, wallet, new int[legs.length], false))
                .isEqualTo(equation(plain, wallet, new int[legs.length], false));
        assertThat(LiquidationSolver.solve(plain, wallet, tiers, false)).isEqualTo(liquidation);
        assertThat(LiquidationSolver.solve(plain, wallet, null, true)).isEqualTo(bankruptcy);
    }

    /**
     * Terms that all have negative scales (a wallet of 2E+3, a short of 1E+1 at 1.5E+4): a sum
     * started from {@code ZERO} instead of its first term would give the price another scale.
     */
    @net.jqwik.api.Example
    void negativeScalesGiveTheEquationsScale() {
        Position p = Position.builder().id("p").symbol("BTCUSDT").side(Side.SHORT).quantity(new BigDecimal("1E+1"))
                .entryPrice(new BigDecimal("1.5E+4")).markPrice(new BigDecimal("1.5E+4")).leverage(BigDecimal.TEN).build();
        LiquidationSolver.Leg leg = new LiquidationSolver.Leg(new Exposure(p), Venues.byId("binance-usdm").schedule(p), BigDecimal.ZERO);
        BigDecimal wallet = new BigDecimal("2E+3");
        BigDecimal expected = equation(List.of(leg), wallet, null, true);
        // (W − s·B·EP) / (−s·B) = (2,000 + 150,000) / 10
        assertThat(expected).isEqualByComparingTo("15200");
        assertThat(LiquidationSolver.solve(LiquidationSolver.Legs.of(leg), wallet, null, true)).isEqualTo(expected);
        BigDecimal withTier = equation(List.of(leg), wallet, new int[1], false);
        assertThat(LiquidationSolver.solve(LiquidationSolver.Legs.of(leg), wallet, new int[1], false)).isEqualTo(withTier);
    }

    /** The equation solved leg by leg, in the order margin-formulas.md §1.1 writes its terms. */
    private static BigDecimal equation(List<LiquidationSolver.Leg> legs, BigDecimal wallet, int[] tiers, boolean bankruptcy) {
        boolean inverse = legs.get(0).exposure().inverse;
        BigDecimal numerator;
        BigDecimal denominator;
        if (inverse) {
            numerator = BigDecimal.ZERO;
            denominator = wallet;
            for (int i = 0; i < legs.size(); i++) {
                LiquidationSolver.Leg leg = legs.get(i);
                Exposure e = leg.exposure();
                BigDecimal rate = e.s;
                if (!bankruptcy) {
                    MaintenanceTier t = leg.schedule().tiers().get(tiers[i]);
                    rate = rate.add(t.mmr()).add(leg.feeRate());
                    denominator = denominator.add(t.maintenanceAmount());
                }
                numerator = numerator.add(e.size.multiply(rate));
                denominator = denominator.add(e.s.multiply(e.size).divide(e.position.entryPrice(), Exposure.MC));
            }
        } else {
            numerator = wallet;
            denominator = BigDecimal.ZERO;
            for (int i = 0; i < legs.size(); i++) {
                LiquidationSolver.Leg leg = legs.get(i);
                Exposure e = leg.exposure();
                BigDecimal sized = e.s.multiply(e.size);
                numerator = numerator.subtract(sized.multiply(e.position.entryPrice()));
                denominator = denominator.subtract(sized);
                if (!bankruptcy) {
                    MaintenanceTier t = leg.schedule().tiers().get(tiers[i]);
                    numerator = numerator.add(t.maintenanceAmount());
                    denominator = denominator.add(e.size.multiply(t.mmr().add(leg.feeRate())));
                }
            }
        }
        if (denominator.signum() == 0) {
            return null;
        }
        boolean lossBelow = inverse ? numerator.signum() > 0 : denominator.signum() < 0;
        BigDecimal price = numerator.divide(denominator, lossBelow ? FLOOR : CEILING);
        return price.signum() > 0 ? price : null;
    }
}
