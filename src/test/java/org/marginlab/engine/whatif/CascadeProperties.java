package org.marginlab.engine.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.ContractType;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.Side;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The cascade checked against the engine's own evaluation, which it must agree with: over random
 * positions on binance-usdm (bundled BTCUSDT/ETHUSDT tiers, so tier boundaries are crossed),
 * bybit-linear, okx (close fee), hyperliquid and binance-coinm (inverse, 100 USD contracts).
 * Quantity up to 20 BTC / 300 ETH / 2,000 contracts, leverage 2–20x, mark within ±10 % of the entry.
 */
class CascadeProperties {
    private static final int TRIES = 300;
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final String[] VENUES = {"binance-usdm", "bybit-linear", "okx", "hyperliquid", "binance-coinm"};

    /** One random position of a venue; {@code i} makes ids unique. */
    private static Position position(String venue, int i, boolean btc, Side side, BigDecimal size, BigDecimal entry,
            BigDecimal markFactor, int leverage, MarginMode mode) {
        Position.Builder b = Position.builder().id("p" + i).side(side).leverage(BigDecimal.valueOf(leverage))
                .marginMode(mode);
        BigDecimal price = btc ? entry : entry.divide(BigDecimal.valueOf(20), 2, java.math.RoundingMode.HALF_UP);
        b.entryPrice(price).markPrice(price.multiply(markFactor));
        switch (venue) {
            case "binance-coinm":
                return b.symbol("BTCUSD").contract(ContractType.INVERSE).contractSize(BigDecimal.valueOf(100))
                        .quantity(size.multiply(BigDecimal.valueOf(100)).setScale(0, java.math.RoundingMode.UP)
                                .max(BigDecimal.ONE))
                        .maintenance(new Maintenance(new BigDecimal("0.005"), BigDecimal.ZERO)).build();
            case "hyperliquid":
                return b.symbol(btc ? "BTC" : "ETH").quantity(btc ? size : size.multiply(BigDecimal.TEN)).build();
            case "okx":
                return b.symbol("BTC-USDT-SWAP").quantity(size)
                        .maintenance(new Maintenance(new BigDecimal("0.004"), BigDecimal.ZERO)).build();
            case "bybit-linear":
                return b.symbol("BTCUSDT").quantity(size).build();
            default:
                return b.symbol(btc ? "BTCUSDT" : "ETHUSDT").quantity(btc ? size : size.multiply(BigDecimal.TEN)).build();
        }
    }

    @Provide
    Arbitrary<Account> crossAccounts() {
        return accounts(true, 1, 5);
    }

    @Provide
    Arbitrary<Account> singleCross() {
        return accounts(true, 1, 1);
    }

    @Provide
    Arbitrary<Account> mixedAccounts() {
        return accounts(false, 1, 6);
    }

    private static Arbitrary<Account> accounts(boolean allCross, int min, int max) {
        Arbitrary<String> venue = Arbitraries.of(VENUES);
        Arbitrary<List<Object[]>> specs = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(Side.values()),
                Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("20")).ofScale(2),
                Arbitraries.bigDecimals().between(new BigDecimal("20000"), new BigDecimal("90000")).ofScale(0),
                Arbitraries.bigDecimals().between(new BigDecimal("0.9"), new BigDecimal("1.1")).ofScale(3),
                Arbitraries.integers().between(2, 20), Arbitraries.of(MarginMode.values()))
                .as((btc, side, size, entry, mark, lev, mode) -> new Object[] {btc, side, size, entry, mark, lev, mode})
                .list().ofMinSize(min).ofMaxSize(max);
        Arbitrary<BigDecimal> walletFactor = Arbitraries.bigDecimals().between(new BigDecimal("0.2"), new BigDecimal("3"))
                .ofScale(2);
        return Combinators.combine(venue, specs, walletFactor).as((v, list, wf) -> {
            List<Position> ps = new ArrayList<>();
            BigDecimal im = BigDecimal.ZERO;
            for (int i = 0; i < list.size(); i++) {
                Object[] s = list.get(i);
                boolean btc = v.equals("bybit-linear") || v.equals("okx") || v.equals("binance-coinm") || (Boolean) s[0];
                Position p = position(v, i, btc, (Side) s[1], (BigDecimal) s[2], (BigDecimal) s[3], (BigDecimal) s[4],
                        (Integer) s[5], allCross ? MarginMode.CROSS : (MarginMode) s[6]);
                ps.add(p);
                BigDecimal size = p.quantity().multiply(p.contractSize());
                im = im.add(p.contract() == ContractType.INVERSE ? size.divide(p.entryPrice(), MC) : size.multiply(p.entryPrice()))
                        .divide(BigDecimal.valueOf((Integer) s[5]), MC);
            }
            return Account.of(v, im.multiply(wf), ps);
        });
    }

    private static boolean valid(Account a) {
        try {
            MarginEngine.DEFAULT.evaluate(a);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether the engine finds the cross account at or past liquidation at a shock. */
    private static boolean crossLiquidated(Account a, BigDecimal shock) {
        AccountRisk r = MarginEngine.DEFAULT.evaluate(ShockScope.ALL.apply(a, shock));
        return r.marginBalance().compareTo(r.maintenanceMargin()) <= 0;
    }

    @Property(tries = TRIES)
    void aLoneCrossPositionGoesAtItsCrossLiquidationPrice(@ForAll("singleCross") Account a) {
        Assume.that(valid(a));
        PositionRisk r = MarginEngine.DEFAULT.evaluate(a).positions().get(0);
        Assume.that(r.liquidationPrice() != null && !r.liquidated());
        Position p = a.positions().get(0);
        BigDecimal expected = r.liquidationPrice().divide(p.markPrice(), MC).subtract(BigDecimal.ONE);
        Assume.that(expected.compareTo(new BigDecimal("-0.95")) > 0 && expected.compareTo(new BigDecimal("20")) < 0);
        BigDecimal target = expected.signum() < 0 ? new BigDecimal("-0.95") : new BigDecimal("20");
        Statistics.collect(a.venue().id());
        CascadeResult c = LiquidationCascade.DEFAULT.simulate(a, ShockScope.ALL, target);
        assertThat(c.events()).as("events of %s", a.positions()).hasSize(1);
        assertThat(c.events().get(0).shock()).isCloseTo(expected, within(new BigDecimal("1e-12")));
    }

    @Property(tries = TRIES)
    void theCrossingIsWhereTheEngineFirstFindsTheAccountLiquidated(@ForAll("crossAccounts") Account a,
            @ForAll boolean down) {
        Assume.that(valid(a));
        BigDecimal target = down ? new BigDecimal("-0.9") : new BigDecimal("2");
        CascadeResult c = LiquidationCascade.DEFAULT.simulate(a, ShockScope.ALL, target);
        Statistics.collect(c.events().isEmpty() ? "survives" : c.events().get(0).shock().signum() == 0 ? "at 0" : "crosses");
        if (c.events().isEmpty()) {
            assertThat(crossLiquidated(a, target)).as("not liquidated at the target").isFalse();
            return;
        }
        BigDecimal x = c.events().get(0).shock();
        assertThat(crossLiquidated(a, x)).as("liquidated at %s", x).isTrue();
        if (x.signum() != 0) {
            BigDecimal before = x.subtract(new BigDecimal("1e-9").multiply(BigDecimal.valueOf(target.signum())));
            assertThat(crossLiquidated(a, before)).as("not liquidated just before %s", x).isFalse();
        }
        // with the default fee a uniform shock closes every cross position at that one shock
        assertThat(c.events()).hasSize(a.positions().size()).allSatisfy(e -> assertThat(e.shock()).isEqualByComparingTo(x));
        assertThat(c.crossGoneAt()).isEqualByComparingTo(x);
    }

    @Property(tries = TRIES)
    void fastEquityAgreesWithTheEngine(@ForAll("mixedAccounts") Account a, @ForAll boolean down,
            @ForAll("fractions") BigDecimal where, @ForAll("feeShares") BigDecimal fee) {
        Assume.that(valid(a));
        BigDecimal target = down ? new BigDecimal("-0.9") : new BigDecimal("2");
        CascadeResult c = new LiquidationCascade(fee).simulate(a, ShockScope.ALL, target);
        BigDecimal shock = target.multiply(where);
        double scale = a.walletBalance().doubleValue() + 1;
        for (Position p : a.positions()) {
            scale += p.quantity().multiply(p.contractSize()).doubleValue()
                    * (p.contract() == ContractType.INVERSE ? 1 / p.entryPrice().doubleValue() : p.markPrice().doubleValue() * 3);
        }
        assertThat(c.equityAt(shock.doubleValue())).isCloseTo(c.equityAt(shock).doubleValue(), within(scale * 1e-9));
    }

    @Property(tries = TRIES)
    void anIsolatedLiquidationLosesAtMostItsMargin(@ForAll("mixedAccounts") Account a, @ForAll("feeShares") BigDecimal fee) {
        Assume.that(valid(a));
        AccountRisk risk = MarginEngine.DEFAULT.evaluate(a);
        for (BigDecimal target : List.of(new BigDecimal("-0.9"), new BigDecimal("2"))) {
            for (LiquidationEvent e : new LiquidationCascade(fee).simulate(a, ShockScope.ALL, target).events()) {
                if (e.marginMode() == MarginMode.ISOLATED) {
                    BigDecimal margin = risk.position(e.positionId()).isolatedMargin();
                    assertThat(e.loss()).isBetween(BigDecimal.ZERO, margin.add(new BigDecimal("1e-20")));
                    if (fee.compareTo(BigDecimal.ONE) == 0) {
                        assertThat(e.loss()).isCloseTo(margin, within(margin.multiply(new BigDecimal("1e-20"))));
                    }
                }
            }
        }
    }

    @Provide
    Arbitrary<BigDecimal> fractions() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(3);
    }

    @Provide
    Arbitrary<BigDecimal> feeShares() {
        return Arbitraries.of(BigDecimal.ZERO, new BigDecimal("0.5"), BigDecimal.ONE);
    }
}
