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
 * Properties that every venue rule set must satisfy, each run over all venues that fit the
 * generated contract type: linear on binance-usdm, bybit-linear, okx, gate, hyperliquid and
 * generic; inverse on binance-coinm, bybit-inverse and generic.
 *
 * <p>Generated isolated positions: linear quantity 0.001–100 base units; inverse 1–100,000
 * contracts of 1 or 100 USD; entry 100–100,000; mark within ±30 % of the entry; leverage 1–20x;
 * isolated margin = IM at entry·(1 + f), f ∈ [0, 2]; a flat {@code maintenance} override with
 * MMR ∈ [0, 5 %] and amount 0 (Hyperliquid instead states the asset's maxLeverage, 20–50x, so
 * MMR = 1/(2·maxLeverage)); OKX and Gate add their default taker rate 0.05 % as the close fee.
 *
 * <p>Notation (spec margin-formulas.md §0): {@code s} = +1 long, −1 short; {@code Q} base units
 * (linear), {@code F} = contracts·contract size in USD (inverse); {@code W} the isolated margin;
 * {@code m} the rate that the liquidation equation multiplies the notional at the price by
 * (MMR, plus the taker rate on OKX/Gate; 1/(2·maxLeverage) on Hyperliquid); {@code MM_e} the
 * maintenance margin at the entry value (Bybit).
 */
class CrossVenueProperties {
    private static final int TRIES = 400;
    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal TIGHT = new BigDecimal("1e-20");
    private static final BigDecimal TAKER = new BigDecimal("0.0005");

    static final List<String> LINEAR_VENUES = List.of("binance-usdm", "bybit-linear", "okx", "gate", "hyperliquid",
            "generic");
    static final List<String> INVERSE_VENUES = List.of("binance-coinm", "bybit-inverse", "generic");

    /**
     * A venue and an isolated position on it.
     *
     * @param venueId   the rule-set id
     * @param position  the position, id {@code p}
     * @param rate      {@code m}: the rate of the notional at the price in the liquidation
     *                  equation (MMR + taker on OKX/Gate, 1/(2·maxLeverage) on Hyperliquid)
     */
    record Scenario(String venueId, Position position, BigDecimal rate) {
        VenueRules venue() {
            return Venues.byId(venueId);
        }

        boolean inverse() {
            return position.contract() == ContractType.INVERSE;
        }

        boolean bybit() {
            return venueId.startsWith("bybit");
        }

        boolean okx() {
            return venueId.equals("okx");
        }

        @Override
        public String toString() {
            return venueId + " " + position + " isolated margin " + position.isolatedMargin().toPlainString()
                    + " rate " + rate.toPlainString() + " contract size " + position.contractSize().toPlainString();
        }
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.oneOf(linear(1, new BigDecimal("2")), inverse(1, new BigDecimal("2")));
    }

    /** Leverage ≥ 2 and f ≤ 0.5: W ≤ 0.75·(entry notional), so a long (linear) or short (inverse) has an LP. */
    @Provide
    Arbitrary<Scenario> thinlyMargined() {
        return Arbitraries.oneOf(linear(2, new BigDecimal("0.5")), inverse(2, new BigDecimal("0.5")));
    }

    private static Arbitrary<BigDecimal> entries() {
        return Arbitraries.bigDecimals().between(new BigDecimal("100"), new BigDecimal("100000")).ofScale(2);
    }

    private static Arbitrary<BigDecimal> markFactors() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.7"), new BigDecimal("1.3")).ofScale(4);
    }

    private static Arbitrary<BigDecimal> mmrs() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.05")).ofScale(4);
    }

    private static Arbitrary<BigDecimal> maxLeverages() {
        return Arbitraries.integers().between(20, 50).map(BigDecimal::valueOf);
    }

    private static Arbitrary<Scenario> linear(int minLeverage, BigDecimal maxExtra) {
        Arbitrary<BigDecimal> quantity = Arbitraries.bigDecimals().between(new BigDecimal("0.001"),
                new BigDecimal("100")).ofScale(3);
        return Arbitraries.of(LINEAR_VENUES).flatMap(venue -> Combinators.combine(Arbitraries.of(Side.values()),
                quantity, entries(), Arbitraries.integers().between(minLeverage, 20), markFactors(),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, maxExtra).ofScale(3),
                venue.equals("hyperliquid") ? maxLeverages() : mmrs())
                .as((side, q, ep, lev, factor, f, r) -> {
                    BigDecimal im = q.multiply(ep).divide(BigDecimal.valueOf(lev), MC);
                    Position.Builder b = Position.builder().id("p").symbol("BTCUSDT").side(side).quantity(q)
                            .entryPrice(ep).markPrice(ep.multiply(factor).setScale(2, RoundingMode.HALF_UP))
                            .leverage(BigDecimal.valueOf(lev)).isolatedMargin(im.multiply(BigDecimal.ONE.add(f)));
                    return scenario(venue, b, r);
                }));
    }

    private static Arbitrary<Scenario> inverse(int minLeverage, BigDecimal maxExtra) {
        Arbitrary<BigDecimal> contracts = Arbitraries.integers().between(1, 100000).map(BigDecimal::valueOf);
        Arbitrary<BigDecimal> contractSize = Arbitraries.of(BigDecimal.ONE, new BigDecimal("100"));
        return Arbitraries.of(INVERSE_VENUES).flatMap(venue -> Combinators.combine(Arbitraries.of(Side.values()),
                contracts, contractSize, entries(), Arbitraries.integers().between(minLeverage, 20), markFactors(),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, maxExtra).ofScale(3), mmrs())
                .as((side, n, cs, ep, lev, factor, f, r) -> {
                    BigDecimal im = n.multiply(cs).divide(ep, MC).divide(BigDecimal.valueOf(lev), MC);
                    Position.Builder b = Position.builder().id("p").symbol("BTCUSD").contract(ContractType.INVERSE)
                            .contractSize(cs).side(side).quantity(n).entryPrice(ep)
                            .markPrice(ep.multiply(factor).setScale(2, RoundingMode.HALF_UP))
                            .leverage(BigDecimal.valueOf(lev)).isolatedMargin(im.multiply(BigDecimal.ONE.add(f)));
                    return scenario(venue, b, r);
                }));
    }

    /** @param r  the MMR, or for Hyperliquid the max leverage */
    private static Scenario scenario(String venue, Position.Builder b, BigDecimal r) {
        if (venue.equals("hyperliquid")) {
            return new Scenario(venue, b.maxLeverage(r).build(),
                    BigDecimal.ONE.divide(r.multiply(BigDecimal.valueOf(2)), MC));
        }
        Position p = b.maintenance(new Maintenance(r, BigDecimal.ZERO)).build();
        return new Scenario(venue, p, venue.equals("okx") || venue.equals("gate") ? r.add(TAKER) : r);
    }

    // ---------------------------------------------------------------- helpers

    private static PositionRisk evaluate(Scenario sc, Position p) {
        return ENGINE.evaluate(p, sc.venue());
    }

    /** Face value {@code F} (inverse) or size {@code Q} (linear). */
    private static BigDecimal size(Position p) {
        return p.quantity().multiply(p.contractSize());
    }

    /** Notional at the entry: {@code Q·EP} (quote) or {@code F/EP} (coin). */
    private static BigDecimal entryNotional(Position p) {
        return p.contract() == ContractType.INVERSE ? size(p).divide(p.entryPrice(), MC)
                : size(p).multiply(p.entryPrice());
    }

    /**
     * {@code s·sign(to − from)}: +1 when a liquidation price moving from {@code from} to
     * {@code to} moves toward the mark's risky side (up for a long, down for a short), −1 away.
     */
    private static int riskierSign(Position p, BigDecimal from, BigDecimal to) {
        return to.subtract(from).signum() * p.side().sign();
    }

    /**
     * Whether a position of this contract type and side can lose its liquidation price by being
     * over-collateralised: a linear long (loss bounded by Q·EP) or an inverse short (loss bounded
     * by F/EP in coin). A linear short and an inverse long always have one.
     */
    private static boolean canBeUnliquidatable(Position p) {
        return (p.contract() == ContractType.LINEAR) == (p.side() == Side.LONG);
    }

    // ---------------------------------------------------------------- properties

    /**
     * Adding margin moves the liquidation price away from the mark or removes it. Each venue's
     * LP is strictly monotone in {@code W}: Binance form linear
     * {@code dLP/dW = 1/(Q·(m − s))}, inverse {@code LP = F(m + s)/(W + s·F/EP)}; Bybit
     * {@code LP = EP − s·(W − MM_e)/Q} and {@code Q/(Q/EP + s·(W − MM_e))}.
     */
    @Property(tries = TRIES)
    void addingMarginMovesTheLiquidationPriceAwayOrRemovesIt(@ForAll("scenarios") Scenario sc,
            @ForAll @BigRange(min = "0.001", max = "3") @Scale(3) BigDecimal share) {
        Position p = sc.position();
        BigDecimal delta = p.isolatedMargin().multiply(share);
        // the cross wallet funds the add (a transfer, spec workspace-and-cli.md §4)
        WhatIf w = ENGINE.whatIf(Account.of(sc.venue(), delta, List.of(p)), new MarginChange("p", delta));
        assertThat(w.after().isolatedMargin()).isEqualByComparingTo(p.isolatedMargin().add(delta));
        BigDecimal before = w.before().liquidationPrice();
        BigDecimal after = w.after().liquidationPrice();
        if (before == null) {
            assertThat(canBeUnliquidatable(p)).as("only a linear long or an inverse short has no LP").isTrue();
            assertThat(after).as("adding margin cannot create a liquidation price").isNull();
        } else if (after == null) {
            assertThat(canBeUnliquidatable(p)).as("only a linear long or an inverse short can lose its LP").isTrue();
        } else {
            assertThat(riskierSign(p, before, after)).as("LP %s → %s", before, after).isEqualTo(-1);
        }
    }

    /**
     * Removing margin (0.1 %–100 % of it) moves an existing liquidation price toward the mark.
     * The position is evaluated with less margin directly: a transfer would stop at the venue's
     * max removable margin (spec workspace-and-cli.md §4), and this is a property of the
     * liquidation price over the whole range.
     */
    @Property(tries = TRIES)
    void removingMarginMovesTheLiquidationPriceTowardTheMark(@ForAll("scenarios") Scenario sc,
            @ForAll @BigRange(min = "0.001", max = "1") @Scale(3) BigDecimal share) {
        Position p = sc.position();
        BigDecimal before = evaluate(sc, p).liquidationPrice();
        BigDecimal after = evaluate(sc, p.withIsolatedMargin(p.isolatedMargin().multiply(BigDecimal.ONE.subtract(share))))
                .liquidationPrice();
        if (before == null) {
            assertThat(canBeUnliquidatable(p)).isTrue();
        } else {
            assertThat(after).as("a liquidation price stays when margin is removed").isNotNull();
            assertThat(riskierSign(p, before, after)).as("LP %s → %s", before, after).isEqualTo(1);
        }
    }

    /**
     * At its liquidation price (mark = LP) a position meets its venue's threshold: equity equals
     * the maintenance requirement (MM, plus the close fee on OKX/Gate; MM at the entry value on
     * Bybit, which the LP formula also uses), so the ratio is 1 within 1e-20 — MM/balance, or
     * equity/(MM + fee) on OKX — and the position is liquidated. With MMR 0 on a venue without a
     * fee the requirement is 0: the LP is the bankruptcy price and the balance is 0 within 1e-20
     * of the notional.
     */
    @Property(tries = TRIES)
    void atTheLiquidationPriceTheVenueThresholdHoldsAndThePositionIsLiquidated(@ForAll("scenarios") Scenario sc) {
        Position p = sc.position();
        BigDecimal lp = evaluate(sc, p).liquidationPrice();
        if (lp == null) {
            assertThat(canBeUnliquidatable(p)).isTrue();
            return;
        }
        PositionRisk at = evaluate(sc, p.withMarkPrice(lp));
        // amount 0: the requirement at the LP (m·notional, or MMR·entry value on Bybit) is positive iff m is
        if (sc.rate().signum() > 0) {
            assertThat(at.marginRatio()).as("ratio at LP %s", lp).isNotNull();
            assertThat(at.marginRatio().subtract(BigDecimal.ONE).abs()).as("|ratio − 1| at LP %s (%s)", lp,
                    sc.venue().marginRatioDefinition()).isLessThanOrEqualTo(TIGHT);
        } else {
            assertThat(at.marginBalance().abs()).as("balance at LP = BP %s", lp)
                    .isLessThanOrEqualTo(entryNotional(p).multiply(TIGHT));
        }
        assertThat(at.liquidated()).as("liquidated at its own LP %s: balance %s, maintenance margin %s", lp,
                at.marginBalance(), at.maintenanceMargin()).isTrue();
    }

    /**
     * An isolated position never loses more than its margin: at the bankruptcy price the margin
     * balance is 0 (within 1e-20 of the entry notional), and at the liquidation price the loss is
     * at most the isolated margin (strictly less when the requirement there is positive). The
     * bankruptcy price is missing only for a linear long with {@code W ≥ Q·EP} or an inverse
     * short with {@code W ≥ F/EP}; when both exist, it lies beyond the liquidation price.
     */
    @Property(tries = TRIES)
    void anIsolatedLossNeverExceedsTheIsolatedMargin(@ForAll("scenarios") Scenario sc) {
        Position p = sc.position();
        PositionRisk r = evaluate(sc, p);
        BigDecimal w = p.isolatedMargin();
        BigDecimal bp = r.bankruptcyPrice();
        BigDecimal bound = entryNotional(p).multiply(TIGHT);
        if (bp == null) {
            assertThat(canBeUnliquidatable(p)).isTrue();
            assertThat(w).as("margin covers the largest possible loss").isGreaterThanOrEqualTo(entryNotional(p));
        } else {
            PositionRisk atBp = evaluate(sc, p.withMarkPrice(bp));
            assertThat(atBp.marginBalance().abs()).as("balance at BP %s", bp).isLessThanOrEqualTo(bound);
        }
        BigDecimal lp = r.liquidationPrice();
        if (lp == null) {
            return;
        }
        PositionRisk atLp = evaluate(sc, p.withMarkPrice(lp));
        BigDecimal loss = atLp.unrealizedPnl().negate();
        assertThat(loss).as("loss at LP %s", lp).isLessThanOrEqualTo(w.add(bound));
        // amount 0: the requirement at the LP is positive iff the rate m is
        if (sc.rate().signum() > 0) {
            assertThat(loss).as("loss at LP %s strictly below the margin", lp).isLessThan(w);
            if (bp != null) {
                assertThat(riskierSign(p, lp, bp)).as("BP %s beyond LP %s", bp, lp).isEqualTo(-1);
            }
        }
    }

    /** A lone cross position whose wallet equals the isolated margin has the isolated figures. */
    @Property(tries = TRIES)
    void aLoneCrossPositionWithWalletEqualToTheIsolatedMarginHasTheIsolatedLiquidationPrice(
            @ForAll("scenarios") Scenario sc) {
        Position p = sc.position();
        PositionRisk isolated = evaluate(sc, p);
        Position cross = p.toBuilder().marginMode(MarginMode.CROSS).isolatedMargin(null).build();
        AccountRisk account = ENGINE.evaluate(Account.of(sc.venue(), p.isolatedMargin(), List.of(cross)));
        PositionRisk crossRisk = account.position("p");
        assertThat(crossRisk.marginMode()).isEqualTo(MarginMode.CROSS);
        assertSame("LP", crossRisk.liquidationPrice(), isolated.liquidationPrice());
        assertSame("BP", crossRisk.bankruptcyPrice(), isolated.bankruptcyPrice());
        assertThat(crossRisk.liquidated()).isEqualTo(isolated.liquidated());
        assertThat(account.marginBalance()).isEqualByComparingTo(isolated.marginBalance());
        if (isolated.marginRatio() == null) {
            assertThat(account.marginRatio()).isNull();
        } else {
            assertThat(account.marginRatio()).isEqualByComparingTo(isolated.marginRatio());
        }
    }

    /**
     * Long/short mirror with the same {@code Q} (or {@code F}), entry and {@code W}, amount 0.
     * Derivations (equity = requirement at the price):
     * <ul>
     *   <li>Binance form, linear (binance-usdm, generic, okx, gate, hyperliquid):
     *       long {@code W + Q(L − EP) = Q·L·m} ⇒ {@code Q(1 − m)L = Q·EP − W}; short
     *       {@code W − Q(S − EP) = Q·S·m} ⇒ {@code Q(1 + m)S = Q·EP + W}; adding:
     *       {@code (1 − m)·L + (1 + m)·S = 2·EP}.</li>
     *   <li>bybit-linear: {@code L = EP − (W − MM_e)/Q}, {@code S = EP + (W − MM_e)/Q} with the same
     *       {@code MM_e = Q·EP·MMR}: {@code L + S = 2·EP}.</li>
     *   <li>Binance form, inverse (binance-coinm, generic): long
     *       {@code W + F(1/EP − 1/L) = F·m/L} ⇒ {@code F(1 + m)/L = W + F/EP}; short
     *       {@code W − F(1/EP − 1/S) = F·m/S} ⇒ {@code F(1 − m)/S = F/EP − W}; adding:
     *       {@code (1 + m)/L + (1 − m)/S = 2/EP}.</li>
     *   <li>bybit-inverse: {@code F/L = F/EP + (W − MM_e)}, {@code F/S = F/EP − (W − MM_e)}:
     *       {@code 1/L + 1/S = 2/EP}.</li>
     * </ul>
     * Leverage ≥ 2 and {@code W ≤ 0.75·}entry notional keep both prices positive. Each price is
     * rounded in its 34th digit, so the identities hold within 1e-25 relative.
     */
    @Property(tries = TRIES)
    void longAndShortLiquidationPricesMirror(@ForAll("thinlyMargined") Scenario sc) {
        Position l = sc.position().toBuilder().side(Side.LONG).build();
        Position s = l.toBuilder().side(Side.SHORT).build();
        BigDecimal lpLong = evaluate(sc, l).liquidationPrice();
        BigDecimal lpShort = evaluate(sc, s).liquidationPrice();
        assertThat(lpLong).as("long LP").isNotNull();
        assertThat(lpShort).as("short LP").isNotNull();
        BigDecimal m = sc.bybit() ? BigDecimal.ZERO : sc.rate();
        BigDecimal ep = l.entryPrice();
        BigDecimal lhs;
        BigDecimal rhs;
        if (sc.inverse()) {
            lhs = BigDecimal.ONE.add(m).divide(lpLong, MC).add(BigDecimal.ONE.subtract(m).divide(lpShort, MC));
            rhs = BigDecimal.valueOf(2).divide(ep, MC);
        } else {
            lhs = BigDecimal.ONE.subtract(m).multiply(lpLong).add(BigDecimal.ONE.add(m).multiply(lpShort));
            rhs = ep.multiply(BigDecimal.valueOf(2));
        }
        assertThat(lhs.subtract(rhs).abs()).as("%s: long %s, short %s, m %s", sc.venueId(), lpLong, lpShort, m)
                .isLessThanOrEqualTo(rhs.multiply(new BigDecimal("1e-25")));
    }

    /**
     * Inverse and linear PnL agree as the spec's identities say (§0): with a linear position of
     * {@code B} base units and the inverse position of face {@code F = B·EP} (so {@code B = F/EP}),
     * <ul>
     *   <li>exactly, the inverse PnL in coin valued at the current price equals the linear PnL:
     *       {@code s·F·(1/EP − 1/P)·P = s·F·(P − EP)/EP = s·B·(P − EP)};</li>
     *   <li>valued at the entry price instead, {@code inversePnl·EP = linearPnl·EP/P}, so
     *       {@code |inversePnl·EP − linearPnl| = |linearPnl|·|P − EP|/P ≤ |linearPnl|·δ/(1 − δ)}
     *       with {@code δ = |P − EP|/EP < 1}: the two agree to first order in the move, and the
     *       relative gap shrinks with it.</li>
     * </ul>
     * The inverse PnL rounds two reciprocals in their 34th digit; the tolerance is 1e-20 of the
     * notional {@code B·P}.
     */
    @Property(tries = TRIES)
    void inverseAndLinearPnlAgree(@ForAll("linearSizes") BigDecimal b, @ForAll("entryPrices") BigDecimal ep,
            @ForAll("markFactorArbitrary") BigDecimal factor, @ForAll boolean isLong,
            @ForAll("inverseVenueIds") String inverseVenue, @ForAll("linearVenueIds") String linearVenue,
            @ForAll boolean contractSize100) {
        Side side = isLong ? Side.LONG : Side.SHORT;
        BigDecimal mark = ep.multiply(factor).setScale(2, RoundingMode.HALF_UP);
        BigDecimal face = b.multiply(ep);
        BigDecimal cs = contractSize100 ? new BigDecimal("100") : BigDecimal.ONE;
        Position linear = Position.builder().id("p").symbol("BTC").side(side).quantity(b).entryPrice(ep)
                .markPrice(mark).leverage(BigDecimal.ONE).maxLeverage(new BigDecimal("50"))
                .maintenance(new Maintenance(new BigDecimal("0.01"), BigDecimal.ZERO)).build();
        Position inverse = linear.toBuilder().symbol("BTCUSD").contract(ContractType.INVERSE).contractSize(cs)
                .quantity(face.divide(cs)).build();
        BigDecimal linearPnl = ENGINE.evaluate(linear, Venues.byId(linearVenue)).unrealizedPnl();
        BigDecimal inversePnl = ENGINE.evaluate(inverse, Venues.byId(inverseVenue)).unrealizedPnl();
        BigDecimal tolerance = b.multiply(mark).multiply(TIGHT);
        // exact: linear PnL = s·B·(P − EP), inverse PnL·P equals it
        assertThat(linearPnl).isEqualByComparingTo(side.signDecimal().multiply(b).multiply(mark.subtract(ep)));
        assertThat(inversePnl.multiply(mark).subtract(linearPnl).abs()).as("inversePnl·P − linearPnl")
                .isLessThanOrEqualTo(tolerance);
        // at the entry price: |inversePnl·EP − linearPnl| = |linearPnl|·|P − EP|/P ≤ |linearPnl|·δ/(1 − δ)
        BigDecimal gap = inversePnl.multiply(ep).subtract(linearPnl).abs();
        BigDecimal exactGap = linearPnl.abs().multiply(mark.subtract(ep).abs()).divide(mark, MC);
        assertThat(gap.subtract(exactGap).abs()).isLessThanOrEqualTo(tolerance);
        BigDecimal delta = mark.subtract(ep).abs().divide(ep, MC);
        BigDecimal firstOrderBound = linearPnl.abs().multiply(delta).divide(BigDecimal.ONE.subtract(delta), MC);
        assertThat(gap).isLessThanOrEqualTo(firstOrderBound.add(tolerance));
    }

    @Provide
    Arbitrary<BigDecimal> linearSizes() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("100")).ofScale(3);
    }

    @Provide
    Arbitrary<BigDecimal> entryPrices() {
        return entries();
    }

    @Provide
    Arbitrary<BigDecimal> markFactorArbitrary() {
        return markFactors();
    }

    @Provide
    Arbitrary<String> inverseVenueIds() {
        return Arbitraries.of(INVERSE_VENUES);
    }

    @Provide
    Arbitrary<String> linearVenueIds() {
        return Arbitraries.of(LINEAR_VENUES);
    }

    private static void assertSame(String what, BigDecimal actual, BigDecimal expected) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isNotNull().isEqualByComparingTo(expected);
        }
    }
}
