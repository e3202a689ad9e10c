package org.marginlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

/**
 * Properties of the binance-usdm liquidation price over realistic isolated positions:
 * quantity 0.001–100 BTC, entry 100–100,000, leverage 1–20x, mark within ±30 % of the entry,
 * isolated margin from the initial margin at entry to three times it, bundled BTCUSDT tiers
 * (so the bracket re-check at the liquidation price is exercised).
 *
 * <p>Notation as in spec margin-formulas.md §0: {@code s} = +1 long, −1 short; {@code W} the
 * isolated margin; with a flat MMR {@code m} and amount {@code c},
 * {@code LP = (W + c − s·Q·EP)/(Q·(m − s))}.
 */
class LiquidationProperties {
    private static final int TRIES = 1000;
    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final VenueRules BINANCE = Venues.byId("binance-usdm");
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal PER_MILLE = new BigDecimal("0.001");

    @Provide
    Arbitrary<Position> positions() {
        return positions(Arbitraries.of(Side.values()), 1, new BigDecimal("2"));
    }

    /**
     * @param sides        the sides to draw
     * @param minLeverage  lowest leverage (≥ 1)
     * @param maxExtra     isolated margin = IM at entry · (1 + f), f in [0, maxExtra]
     */
    private static Arbitrary<Position> positions(Arbitrary<Side> sides, int minLeverage, BigDecimal maxExtra) {
        Arbitrary<BigDecimal> quantity = Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("100"))
                .ofScale(3);
        Arbitrary<BigDecimal> entry = Arbitraries.bigDecimals().between(new BigDecimal("100"), new BigDecimal("100000"))
                .ofScale(2);
        Arbitrary<Integer> leverage = Arbitraries.integers().between(minLeverage, 20);
        Arbitrary<BigDecimal> markFactor = Arbitraries.bigDecimals().between(new BigDecimal("0.7"),
                new BigDecimal("1.3")).ofScale(4);
        Arbitrary<BigDecimal> extra = Arbitraries.bigDecimals().between(BigDecimal.ZERO, maxExtra).ofScale(3);
        return Combinators.combine(sides, quantity, entry, leverage, markFactor, extra)
                .as((side, q, ep, lev, factor, f) -> {
                    BigDecimal im = q.multiply(ep).divide(BigDecimal.valueOf(lev), MC);
                    return Position.builder().id("p").symbol("BTCUSDT").side(side).quantity(q).entryPrice(ep)
                            .markPrice(ep.multiply(factor).setScale(2, RoundingMode.HALF_UP))
                            .leverage(BigDecimal.valueOf(lev)).marginMode(MarginMode.ISOLATED)
                            .isolatedMargin(im.multiply(BigDecimal.ONE.add(f))).build();
                });
    }

    private static PositionRisk evaluate(Position p) {
        return ENGINE.evaluate(p, BINANCE);
    }

    private static int sign(Position p) {
        return p.side().sign();
    }

    /**
     * {@code s·sign(to − from)}: +1 when a liquidation price moving from {@code from} to
     * {@code to} moves toward the risky side (up for a long, down for a short), −1 toward the
     * safe side.
     */
    private static int riskierSign(Position p, BigDecimal from, BigDecimal to) {
        return to.subtract(from).signum() * sign(p);
    }

    @Property(tries = TRIES)
    void addingMarginMovesTheLiquidationPriceToTheSafeSideOrRemovesIt(@ForAll("positions") Position p,
            @ForAll @BigRange(min = "0.01", max = "100000") @Scale(2) BigDecimal delta) {
        // dLP/dW = 1/(Q·(MMR − s)): negative for a long (LP falls), positive for a short (LP rises)
        // the cross wallet funds the add (a transfer, spec workspace-and-cli.md §4)
        Account account = Account.of(BINANCE, delta, List.of(p));
        WhatIf w = ENGINE.whatIf(account, new MarginChange("p", delta));
        BigDecimal before = w.before().liquidationPrice();
        BigDecimal after = w.after().liquidationPrice();
        assertThat(w.after().isolatedMargin()).isEqualByComparingTo(p.isolatedMargin().add(delta));
        if (before == null) {
            assertThat(after).as("no liquidation price before adding margin, none after").isNull();
        } else if (after != null) {
            assertThat(riskierSign(p, before, after)).as("LP %s → %s for a %s", before, after, p.side())
                    .isEqualTo(-1);
        } else {
            assertThat(p.side()).as("only a long can lose its liquidation price").isEqualTo(Side.LONG);
        }
    }

    @Property(tries = TRIES)
    void removingMarginMovesTheLiquidationPriceToTheRiskySide(@ForAll("positions") Position p,
            @ForAll @BigRange(min = "0.001", max = "1") @Scale(3) BigDecimal share) {
        // evaluated with less margin directly: a transfer would stop at the venue's max removable
        // margin (spec workspace-and-cli.md §4); this is a property of the LP over the whole range
        BigDecimal delta = p.isolatedMargin().multiply(share).negate();
        BigDecimal before = evaluate(p).liquidationPrice();
        BigDecimal after = evaluate(p.withIsolatedMargin(p.isolatedMargin().add(delta))).liquidationPrice();
        if (before != null) {
            assertThat(after).as("a liquidation price stays when margin is removed").isNotNull();
            assertThat(riskierSign(p, before, after)).as("LP %s → %s for a %s", before, after, p.side())
                    .isEqualTo(1);
        } else {
            assertThat(p.side()).isEqualTo(Side.LONG);
        }
    }

    @Property(tries = TRIES)
    void atTheLiquidationPriceTheMarginRatioIsOneAndThePositionIsLiquidated(@ForAll("positions") Position p) {
        PositionRisk r = evaluate(p);
        BigDecimal lp = r.liquidationPrice();
        if (lp == null) {
            // No liquidation price: a long whose margin covers the whole entry notional (W ≥ Q·EP);
            // it is not liquidated even at a mark 1000 times below the entry.
            assertThat(p.side()).isEqualTo(Side.LONG);
            assertThat(p.isolatedMargin()).isGreaterThanOrEqualTo(p.quantity().multiply(p.entryPrice()));
            BigDecimal crash = p.entryPrice().divide(BigDecimal.valueOf(1000), MC);
            assertThat(evaluate(p.withMarkPrice(crash)).liquidated()).isFalse();
            return;
        }
        PositionRisk at = evaluate(p.withMarkPrice(lp));
        assertThat(at.marginRatio()).as("margin ratio at LP %s", lp).isNotNull();
        assertThat(at.marginRatio().subtract(BigDecimal.ONE).abs()).as("|ratio − 1| at LP %s", lp)
                .isLessThanOrEqualTo(new BigDecimal("1e-20"));
        assertThat(at.liquidated()).as("liquidated at its own LP %s (ratio %s)", lp, at.marginRatio()).isTrue();
        // liquidation tier reported = tier of the notional at the LP
        assertThat(at.mmr()).isEqualByComparingTo(r.liquidationTier().mmr());
    }

    @Property(tries = TRIES)
    void justInsideTheLiquidationPriceThePositionIsNotLiquidatedAndJustBeyondItIs(@ForAll("positions") Position p) {
        BigDecimal lp = evaluate(p).liquidationPrice();
        if (lp == null) {
            assertThat(p.side()).isEqualTo(Side.LONG);
            return;
        }
        // safe side: up for a long, down for a short — mark = LP·(1 + s·0.001)
        BigDecimal s = p.side().signDecimal();
        BigDecimal inside = lp.multiply(BigDecimal.ONE.add(s.multiply(PER_MILLE)));
        BigDecimal beyond = lp.multiply(BigDecimal.ONE.subtract(s.multiply(PER_MILLE)));
        PositionRisk safe = evaluate(p.withMarkPrice(inside));
        assertThat(safe.liquidated()).as("0.1 %% inside LP %s", lp).isFalse();
        assertThat(safe.marginRatio()).isLessThan(BigDecimal.ONE);
        assertThat(evaluate(p.withMarkPrice(beyond)).liquidated()).as("0.1 %% beyond LP %s", lp).isTrue();
    }

    @Property(tries = TRIES)
    void theBankruptcyPriceLiesBeyondTheLiquidationPrice(@ForAll("positions") Position p) {
        PositionRisk r = evaluate(p);
        BigDecimal lp = r.liquidationPrice();
        BigDecimal bp = r.bankruptcyPrice();
        if (p.side() == Side.LONG) {
            // long: LP exists iff W < Q·EP iff BP = EP − W/Q > 0; then BP < LP because the
            // maintenance margin at the bankruptcy notional is positive
            assertThat(lp == null).as("LP %s and BP %s exist together", lp, bp).isEqualTo(bp == null);
            if (lp != null) {
                assertThat(bp).isLessThan(lp);
            }
        } else {
            assertThat(lp).isNotNull();
            assertThat(bp).isNotNull().isGreaterThan(lp);
        }
    }

    @Property(tries = TRIES)
    void aLoneCrossPositionWithWalletEqualToTheIsolatedMarginHasTheSameLiquidationPrice(
            @ForAll("positions") Position p) {
        PositionRisk isolated = evaluate(p);
        Position cross = p.toBuilder().marginMode(MarginMode.CROSS).isolatedMargin(null).build();
        PositionRisk crossRisk = ENGINE.evaluate(Account.of(BINANCE, p.isolatedMargin(), List.of(cross)))
                .position("p");
        assertThat(crossRisk.marginMode()).isEqualTo(MarginMode.CROSS);
        if (isolated.liquidationPrice() == null) {
            assertThat(crossRisk.liquidationPrice()).isNull();
        } else {
            assertThat(crossRisk.liquidationPrice()).isEqualByComparingTo(isolated.liquidationPrice());
        }
        if (isolated.bankruptcyPrice() == null) {
            assertThat(crossRisk.bankruptcyPrice()).isNull();
        } else {
            assertThat(crossRisk.bankruptcyPrice()).isEqualByComparingTo(isolated.bankruptcyPrice());
        }
        assertThat(crossRisk.liquidated()).isEqualTo(isolated.liquidated());
    }

    @Provide
    Arbitrary<BigDecimal> mmrs() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.05")).ofScale(4);
    }

    /**
     * Mirror of a long and a short with the same Q, EP, W and a flat override (m, c): from
     * {@code Q·(1 − m)·LP_long = Q·EP − W − c} and {@code Q·(1 + m)·LP_short = Q·EP + W + c},
     * summing gives {@code (1 − m)·LP_long + (1 + m)·LP_short = 2·EP}. Leverage ≥ 2 and
     * W ≤ 1.5·IM ≤ 0.75·Q·EP, c ≤ 0.05·Q·EP keep {@code W + c < Q·EP}, so the long has an LP.
     */
    @Property(tries = TRIES)
    void longAndShortLiquidationPricesMirrorAroundTheEntry(
            @ForAll("longsWithSmallMargin") Position longPosition,
            @ForAll("mmrs") BigDecimal m,
            @ForAll @BigRange(min = "0", max = "0.05") @Scale(4) BigDecimal amountShare) {
        BigDecimal c = longPosition.quantity().multiply(longPosition.entryPrice()).multiply(amountShare);
        Position l = longPosition.toBuilder().maintenance(new Maintenance(m, c)).build();
        Position s = l.toBuilder().side(Side.SHORT).build();
        BigDecimal lpLong = evaluate(l).liquidationPrice();
        BigDecimal lpShort = evaluate(s).liquidationPrice();
        assertThat(lpLong).isNotNull();
        assertThat(lpShort).isNotNull();
        BigDecimal mirror = BigDecimal.ONE.subtract(m).multiply(lpLong).add(BigDecimal.ONE.add(m).multiply(lpShort));
        BigDecimal twoEp = l.entryPrice().multiply(BigDecimal.valueOf(2));
        assertThat(mirror.subtract(twoEp).abs()).as("(1 − m)·%s + (1 + m)·%s vs 2·%s", lpLong, lpShort,
                l.entryPrice()).isLessThanOrEqualTo(twoEp.multiply(new BigDecimal("1e-25")));
    }

    @Provide
    Arbitrary<Position> longsWithSmallMargin() {
        return positions(Arbitraries.just(Side.LONG), 2, new BigDecimal("0.5"));
    }
}
