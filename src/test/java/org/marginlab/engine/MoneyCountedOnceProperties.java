package org.marginlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.marginlab.engine.transfer.Transfer;
import org.marginlab.engine.transfer.Transfers;
import org.marginlab.engine.venue.VenueRules;
import org.marginlab.engine.venue.Venues;

/**
 * One default isolated margin, counted once (issue "Every venue a trader uses", review): on every
 * version of every rule set, an isolated position that states no margin holds
 * {@link VenueRules#defaultIsolatedMargin} — the margin its own evaluation uses (Phemex and Bybit
 * UTA add the fee to close; dYdX and Deribit size the initial margin by their fractions) — and
 * the account's total equity is exactly the wallet plus those margins plus every unrealized PnL.
 * Switching a cross position to isolated without naming a margin moves that same default and
 * keeps the total equity.
 */
class MoneyCountedOnceProperties {

    /** One scenario: a rule-set version and a linear or inverse account of up to four positions. */
    record Case(String ruleSet, boolean inverse, List<Position> positions, BigDecimal wallet) {
        @Override
        public String toString() {
            return ruleSet + (inverse ? " inverse " : " linear ") + positions + " wallet " + wallet;
        }
    }

    @Provide
    Arbitrary<Case> accounts() {
        List<String[]> versions = new ArrayList<>();
        for (VenueRules v : Venues.all()) {
            for (VenueRules version : Venues.versions(v.id())) {
                for (ContractType c : version.contractTypes()) {
                    if (c != ContractType.QUANTO) {
                        versions.add(new String[] {version.ruleSetId(), c.id()});
                    }
                }
            }
        }
        Arbitrary<String[]> venue = Arbitraries.of(versions);
        Arbitrary<Integer> count = Arbitraries.integers().between(1, 4);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(venue, count, seed).as((v, n, s) -> build(v[0], v[1].equals("inverse"), n, s));
    }

    private static Case build(String ruleSet, boolean inverse, int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        List<Position> ps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BigDecimal entry = BigDecimal.valueOf(20_000 + r.nextInt(60_000));
            BigDecimal mark = entry.multiply(BigDecimal.valueOf(90 + r.nextInt(21))).movePointLeft(2);
            int kind = r.nextInt(3); // 0 isolated without margin, 1 isolated with its own, 2 cross
            Position.Builder b = Position.builder().id("p" + i).symbol(inverse ? "BTCUSD" : "BTCUSDT")
                    .contract(inverse ? ContractType.INVERSE : ContractType.LINEAR)
                    .side(r.nextBoolean() ? Side.LONG : Side.SHORT)
                    .quantity(inverse ? BigDecimal.valueOf(100 + r.nextInt(5_000)) : BigDecimal.valueOf(1 + r.nextInt(50)).movePointLeft(2))
                    .entryPrice(entry).markPrice(mark).leverage(BigDecimal.valueOf(2 + r.nextInt(19)))
                    .marginMode(kind == 2 ? MarginMode.CROSS : MarginMode.ISOLATED)
                    .maintenance(new Maintenance(new BigDecimal("0.005"), BigDecimal.ZERO))
                    .venueParameters(VenueParameters.builder().liquidationFeeRate(new BigDecimal("0.001"))
                            .imf(new BigDecimal("0.05")).mmf(new BigDecimal("0.03"))
                            .initialMarginRate(new BigDecimal("0.02")).imrSlope(new BigDecimal("0.00005"))
                            .mmrSlope(new BigDecimal("0.00005")).build());
            if (kind == 1) {
                b.isolatedMargin(inverse ? new BigDecimal("0.05") : BigDecimal.valueOf(500 + r.nextInt(2_000)));
            }
            ps.add(b.build());
        }
        BigDecimal wallet = inverse ? new BigDecimal("2") : BigDecimal.valueOf(50_000 + r.nextInt(50_000));
        return new Case(ruleSet, inverse, ps, wallet);
    }

    @Property(tries = 600)
    void totalEquityIsTheWalletPlusTheMarginsTheEvaluationUses(@ForAll("accounts") Case c) {
        VenueRules venue = Venues.byId(c.ruleSet());
        AccountRisk risk = MarginEngine.DEFAULT.evaluate(Account.of(venue, c.wallet(), c.positions()));
        BigDecimal sum = c.wallet();
        for (int i = 0; i < c.positions().size(); i++) {
            Position p = c.positions().get(i);
            PositionRisk pr = risk.positions().get(i);
            sum = sum.add(pr.unrealizedPnl());
            if (p.marginMode() == MarginMode.ISOLATED) {
                sum = sum.add(pr.isolatedMargin());
                if (p.isolatedMargin() == null) {
                    assertThat(pr.isolatedMargin()).as("%s: %s holds the venue's default", c, p.id())
                            .isEqualByComparingTo(venue.defaultIsolatedMargin(p));
                }
            }
        }
        assertThat(risk.totalEquity()).as("%s", c).isEqualByComparingTo(sum);
    }

    @Property(tries = 300)
    void crossToIsolatedMovesTheDefaultMarginAndKeepsTheEquity(@ForAll("accounts") Case c) {
        VenueRules venue = Venues.byId(c.ruleSet());
        Account account = Account.of(venue, c.wallet(), c.positions());
        AccountRisk before = MarginEngine.DEFAULT.evaluate(account);
        for (Position p : c.positions()) {
            if (p.marginMode() != MarginMode.CROSS) {
                continue;
            }
            BigDecimal expected = venue.defaultIsolatedMargin(p);
            if (expected.compareTo(before.availableBalance()) > 0) {
                continue; // refused by the available balance: not this property's concern
            }
            Account after;
            try {
                after = Transfers.apply(account, before, new Transfer.ModeSwitch(p.id(), MarginMode.ISOLATED, null));
            } catch (ValidationException refused) {
                continue; // a venue rule refuses the move (e.g. removable margin): nothing moved
            }
            Position moved = after.positions().stream().filter(q -> q.id().equals(p.id())).findFirst().orElseThrow();
            assertThat(moved.isolatedMargin()).as("%s: %s", c, p.id()).isEqualByComparingTo(expected);
            assertThat(after.walletBalance()).isEqualByComparingTo(account.walletBalance().subtract(expected));
            assertThat(MarginEngine.DEFAULT.evaluate(after).totalEquity()).as("%s", c)
                    .isEqualByComparingTo(before.totalEquity());
        }
    }
}
