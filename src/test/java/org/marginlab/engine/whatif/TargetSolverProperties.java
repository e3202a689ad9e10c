package org.marginlab.engine.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;

import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginRatioDefinition;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.venue.BinanceCoinm;
import org.marginlab.engine.venue.BinanceUsdm;
import org.marginlab.engine.venue.BybitRules;
import org.marginlab.engine.venue.HyperliquidRules;
import org.marginlab.engine.venue.OkxGateRules;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

/**
 * Round trips of the inverse solvers through the engine's forward evaluation, over random
 * isolated positions on five venue families: binance-usdm and bybit-linear with their bundled
 * BTCUSDT tiers (so targets land in other tiers than the mark), okx with a random flat MMR and
 * the default taker fee, hyperliquid with the bundled BTC tiers, and binance-coinm inverse
 * (100 USD contracts) with a random maintenance override. Quantity 0.001–100 BTC (1–10,000
 * contracts), entry 100–100,000, leverage 1–20x, mark within ±10 % of the entry, isolated
 * margin the initial margin times 1 to 3.
 */
class TargetSolverProperties {
    private static final int TRIES = 400;
    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final MathContext MC = MathContext.DECIMAL128;
    /** |LP − target| ≤ 1e-12·target, the round trip's tolerance. */
    private static final BigDecimal REL = new BigDecimal("1e-12");

    /** A venue and an isolated position it can evaluate. */
    record Setup(VenueRules venue, Position position) {
        @Override
        public String toString() {
            return venue.id() + " " + position + " margin " + position.isolatedMargin();
        }
    }

    @Provide
    Arbitrary<Setup> setups() {
        return setups(Arbitraries.bigDecimals().between(new BigDecimal("0.9"), new BigDecimal("1.1")).ofScale(4));
    }

    @Provide
    Arbitrary<Setup> setupsAtEntry() {
        return setups(Arbitraries.just(BigDecimal.ONE));
    }

    private static Arbitrary<Setup> setups(Arbitrary<BigDecimal> markFactors) {
        Arbitrary<Integer> venue = Arbitraries.integers().between(0, 4);
        Arbitrary<Side> side = Arbitraries.of(Side.values());
        Arbitrary<BigDecimal> size = Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("100"))
                .ofScale(3);
        Arbitrary<BigDecimal> entry = Arbitraries.bigDecimals().between(new BigDecimal("100"), new BigDecimal("100000"))
                .ofScale(2);
        Arbitrary<Integer> leverage = Arbitraries.integers().between(1, 20);
        Arbitrary<BigDecimal> mmr = Arbitraries.bigDecimals().between(new BigDecimal("0.004"), new BigDecimal("0.02"))
                .ofScale(4);
        Arbitrary<BigDecimal> extra = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("2")).ofScale(3);
        return Combinators.combine(venue, side, size, entry, leverage, markFactors, mmr, extra)
                .as((v, s, q, ep, lev, factor, rate, f) -> setup(v, s, q, ep, lev, factor, rate, f));
    }

    private static Setup setup(int v, Side side, BigDecimal q, BigDecimal entry, int lev, BigDecimal markFactor,
            BigDecimal mmr, BigDecimal extra) {
        BigDecimal leverage = BigDecimal.valueOf(lev);
        Position.Builder b = Position.builder().side(side).entryPrice(entry).markPrice(entry.multiply(markFactor))
                .leverage(leverage);
        VenueRules venue;
        BigDecimal im;
        switch (v) {
            case 0 -> {
                venue = Venues.byId(BinanceUsdm.ID);
                b.symbol("BTCUSDT").quantity(q);
                im = q.multiply(entry).divide(leverage, MC);
            }
            case 1 -> {
                venue = Venues.byId(BybitRules.LINEAR_ID);
                b.symbol("BTCUSDT").quantity(q);
                im = q.multiply(entry).divide(leverage, MC);
            }
            case 2 -> {
                venue = Venues.byId(OkxGateRules.OKX_ID);
                b.symbol("BTC-USDT-SWAP").quantity(q).maintenance(new Maintenance(mmr, BigDecimal.ZERO));
                im = q.multiply(entry).divide(leverage, MC);
            }
            case 3 -> {
                venue = Venues.byId(HyperliquidRules.ID);
                b.symbol("BTC").quantity(q);
                im = q.multiply(entry).divide(leverage, MC);
            }
            default -> {
                venue = Venues.byId(BinanceCoinm.ID);
                BigDecimal contracts = q.multiply(BigDecimal.valueOf(100)).setScale(0, java.math.RoundingMode.UP);
                b.symbol("BTCUSD").contract(ContractType.INVERSE).contractSize(BigDecimal.valueOf(100)).quantity(contracts)
                        .maintenance(new Maintenance(mmr, BigDecimal.ZERO));
                im = contracts.multiply(BigDecimal.valueOf(100)).divide(entry.multiply(leverage), MC);
            }
        }
        b.isolatedMargin(im.multiply(BigDecimal.ONE.add(extra)));
        return new Setup(venue, b.build());
    }

    /** A target on the loss side of the mark: long {@code mark·u}, short {@code mark·(1 + x)}. */
    private static BigDecimal target(Position p, BigDecimal u, BigDecimal x) {
        return p.side() == Side.LONG ? p.markPrice().multiply(u) : p.markPrice().multiply(BigDecimal.ONE.add(x));
    }

    @Property(tries = TRIES)
    void solvedMarginReproducesTheTargetOrTheTargetIsBeyondTheZeroMarginBound(@ForAll("setups") Setup s,
            @ForAll @BigRange(min = "0.05", max = "0.999") @Scale(4) BigDecimal u,
            @ForAll @BigRange(min = "0.001", max = "2") @Scale(4) BigDecimal x) {
        Position p = s.position();
        BigDecimal target = target(p, u, x);
        BigDecimal tolerance = target.multiply(REL);
        try {
            BigDecimal margin = new TargetSolver(s.venue()).isolatedMarginFor(p, target);
            assertThat(margin).isNotNegative();
            PositionRisk risk = ENGINE.evaluate(p.withIsolatedMargin(margin), s.venue());
            assertThat(risk.liquidationPrice()).isCloseTo(target, within(tolerance));
        } catch (ValidationException e) {
            // only a target that needs a negative margin may fail: it lies on the mark side of the
            // liquidation price with zero margin
            assertThat(e.field()).isEqualTo("targetLiquidationPrice");
            assertThat(e.rule()).startsWith("is unreachable");
            BigDecimal zeroMarginLp = ENGINE.evaluate(p.withIsolatedMargin(BigDecimal.ZERO), s.venue()).liquidationPrice();
            assertThat(zeroMarginLp).isNotNull();
            assertThat(p.side().signDecimal().multiply(target.subtract(zeroMarginLp))).isGreaterThan(tolerance.negate());
        }
    }

    @Property(tries = TRIES)
    void solvedLeverageReproducesTheTarget(@ForAll("setupsAtEntry") Setup s,
            @ForAll @BigRange(min = "0.3", max = "0.95") @Scale(4) BigDecimal u,
            @ForAll @BigRange(min = "0.05", max = "2") @Scale(4) BigDecimal x) {
        // mark = entry and targets ≥ 5 % away: the needed leverage is ≤ about 21x, below every tier's max
        Position p = s.position();
        BigDecimal target = target(p, u, x);
        BigDecimal leverage = new TargetSolver(s.venue()).leverageFor(p, target);
        assertThat(leverage).isPositive();
        PositionRisk risk = ENGINE.evaluate(p.toBuilder().leverage(leverage).isolatedMargin(null).build(), s.venue());
        assertThat(risk.liquidationPrice()).isCloseTo(target, within(target.multiply(REL)));
    }

    @Property(tries = TRIES)
    void markAtRatioReproducesTheLevel(@ForAll("setups") Setup s,
            @ForAll @BigRange(min = "0.01", max = "0.99") @Scale(4) BigDecimal v) {
        Position p = s.position();
        PositionRisk now = ENGINE.evaluate(p, s.venue());
        Assume.that(!now.liquidated() && now.liquidationPrice() != null && now.marginRatio() != null);
        boolean rising = s.venue().marginRatioDefinition() == MarginRatioDefinition.MAINTENANCE_OVER_MARGIN_BALANCE;
        BigDecimal current = now.marginRatio();
        // a level strictly between the current ratio and the threshold 1
        BigDecimal level = current.add(v.multiply(BigDecimal.ONE.subtract(current)));
        BigDecimal mark = new TargetSolver(s.venue()).markPriceAtMarginRatio(p, level);
        // between the mark and the liquidation price
        BigDecimal toMark = mark.subtract(p.markPrice());
        BigDecimal toLp = mark.subtract(now.liquidationPrice());
        assertThat(toMark.signum() * toLp.signum()).isLessThanOrEqualTo(0);
        BigDecimal ratio = ENGINE.evaluate(p.withMarkPrice(mark), s.venue()).marginRatio();
        assertThat(ratio).isCloseTo(level, within(level.multiply(REL)));
        // the returned end is the reached side
        assertThat(rising ? ratio.compareTo(level) >= 0 : ratio.compareTo(level) <= 0).isTrue();
    }
}
