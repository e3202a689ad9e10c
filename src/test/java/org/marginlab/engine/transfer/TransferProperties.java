package org.marginlab.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.marginlab.engine.RandomAccounts;
import org.marginlab.engine.ValidationException;
import org.marginlab.engine.transfer.Transfer.LeverageChange;
import org.marginlab.engine.transfer.Transfer.MarginTransfer;
import org.marginlab.engine.transfer.Transfer.ModeSwitch;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Conservation of money under transfers (spec workspace-and-cli.md §4), over random accounts on
 * every venue ({@link RandomAccounts}) and random sequences of 1–8 transfers: adds and removals
 * within and beyond their bounds, mode switches (default margin, a margin within and beyond the
 * bound) and leverage changes 1–30x. Each bound is recomputed here from the engine's evaluations
 * the way spec §4 states it (the cross → isolated bound by evaluating the account without the
 * position), so a transfer the bound allows must be accepted and one beyond it refused.
 */
class TransferProperties {
    private static final MarginEngine ENGINE = MarginEngine.DEFAULT;
    private static final List<String> BOUNDS = List.of("maxAddableMargin", "maxRemovableMargin", "availableBalance",
            "walletBalance");

    enum Kind { ADD_WITHIN, ADD_BEYOND, REMOVE_WITHIN, REMOVE_BEYOND, TO_CROSS, TO_ISOLATED_DEFAULT, TO_ISOLATED_WITHIN,
        TO_ISOLATED_BEYOND, LEVERAGE }

    /** A transfer to make of the state it meets: which, on which position, how far. */
    record Step(Kind kind, int position, BigDecimal fraction, BigDecimal beyond, int leverage) {
    }

    @Provide
    Arbitrary<Account> accounts() {
        return RandomAccounts.accounts();
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(Tuple.of(4, Kind.ADD_WITHIN), Tuple.of(1, Kind.ADD_BEYOND),
                Tuple.of(3, Kind.REMOVE_WITHIN), Tuple.of(1, Kind.REMOVE_BEYOND), Tuple.of(2, Kind.TO_CROSS),
                Tuple.of(2, Kind.TO_ISOLATED_DEFAULT), Tuple.of(2, Kind.TO_ISOLATED_WITHIN),
                Tuple.of(1, Kind.TO_ISOLATED_BEYOND), Tuple.of(3, Kind.LEVERAGE));
        return Combinators.combine(kinds, Arbitraries.integers().between(0, 5),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(3),
                Arbitraries.bigDecimals().between(new BigDecimal("0.00000001"), new BigDecimal("1000")).ofScale(8),
                Arbitraries.integers().between(1, 30))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(8).withSizeDistribution(RandomDistribution.uniform());
    }

    /** What a step should do, by the spec's bound computed independently of {@link Transfers}. */
    private enum Expect { ACCEPT, REFUSE_BOUND, REFUSE, EITHER }

    @Property(tries = 1000)
    void transfersConserveMoney_andTheInverseSequenceUndoesThem(@ForAll("accounts") Account original,
            @ForAll("steps") List<Step> steps) {
        Assume.that(RandomAccounts.valid(original));
        Statistics.label("undo").coverage(c -> c.check("complete").percentage(pct -> pct >= 30));
        Statistics.label("step").coverage(c -> {
            c.check("applied").percentage(pct -> pct >= 25);
            c.check("refused").percentage(pct -> pct >= 15);
        });
        BigDecimal equity = ENGINE.evaluate(original).totalEquity();
        Account a = original;
        List<Undo> undo = new ArrayList<>();
        for (Step s : steps) {
            AccountRisk risk = ENGINE.evaluate(a);
            Position p = target(a, s);
            PositionRisk r = risk.position(p.id());
            Planned plan = plan(a, risk, p, r, s);
            Account next;
            try {
                next = Transfers.apply(a, risk, plan.transfer);
            } catch (ValidationException e) {
                assertThat(plan.expect).as("%s refused: %s", plan.transfer, e.getMessage())
                        .isIn(Expect.REFUSE_BOUND, Expect.REFUSE, Expect.EITHER);
                if (plan.expect == Expect.REFUSE_BOUND) {
                    assertThat(BOUNDS).as(e.getMessage()).anyMatch(b -> e.rule().contains(b + " "));
                }
                assertThat(e.path()).isEqualTo(p.id());
                assertThat(e.getMessage().split("\\(got ", -1)).as(e.getMessage()).hasSize(2);
                Statistics.label("step").collect("refused");
                continue; // a refused transfer leaves the account as it was
            }
            assertThat(plan.expect).as("%s accepted", plan.transfer).isIn(Expect.ACCEPT, Expect.EITHER);
            Statistics.label("step").collect(next == a ? "no-op" : "applied");
            assertThat(ENGINE.evaluate(next).totalEquity()).as("total equity after %s", plan.transfer)
                    .isEqualByComparingTo(equity);
            if (next != a) {
                undo.add(new Undo(p, plan.transfer, r.isolatedMargin()));
            }
            a = next;
        }
        // undo: the inverse transfers in reverse order, each within the same bounds
        for (int k = undo.size() - 1; k >= 0; k--) {
            Undo u = undo.get(k);
            try {
                a = u.apply(a);
            } catch (ValidationException e) {
                // a bound can forbid the way back (e.g. margin added to a losing position cannot all be removed)
                assertThat(BOUNDS).as(e.getMessage()).anyMatch(b -> e.rule().contains(b + " "));
                Statistics.label("undo").collect("stopped by a bound");
                return;
            }
            assertThat(ENGINE.evaluate(a).totalEquity()).isEqualByComparingTo(equity);
        }
        Statistics.label("undo").collect(undo.isEmpty() ? "nothing to undo" : "complete");
        assertThat(a.walletBalance()).isEqualByComparingTo(original.walletBalance());
        assertThat(resolved(a)).isEqualTo(resolved(original));
    }

    private record Planned(Transfer transfer, Expect expect) {
    }

    /**
     * The position a step acts on: mostly one the transfer suits (isolated for margin transfers
     * and switches to cross, cross for switches to isolated), every fourth step any position, so
     * that the refusals for the wrong mode are exercised too.
     */
    private static Position target(Account a, Step s) {
        MarginMode suited = switch (s.kind()) {
            case TO_ISOLATED_DEFAULT, TO_ISOLATED_WITHIN, TO_ISOLATED_BEYOND -> MarginMode.CROSS;
            case LEVERAGE -> null;
            default -> MarginMode.ISOLATED;
        };
        List<Position> candidates = new ArrayList<>();
        for (Position p : a.positions()) {
            if (suited == null || s.leverage() % 4 == 0 || p.marginMode() == suited) {
                candidates.add(p);
            }
        }
        List<Position> from = candidates.isEmpty() ? a.positions() : candidates;
        return from.get(s.position() % from.size());
    }

    private static Planned plan(Account a, AccountRisk risk, Position p, PositionRisk r, Step s) {
        boolean isolated = p.marginMode() == MarginMode.ISOLATED;
        BigDecimal maxAdd = risk.availableBalance().min(risk.walletBalance()).max(BigDecimal.ZERO);
        BigDecimal maxRemove = r.maxRemovableMargin();
        String id = p.id();
        switch (s.kind()) {
            case ADD_WITHIN:
                return new Planned(new MarginTransfer(id, maxAdd.multiply(s.fraction())), isolated ? Expect.ACCEPT : Expect.REFUSE);
            case ADD_BEYOND:
                return new Planned(new MarginTransfer(id, maxAdd.add(s.beyond())), isolated ? Expect.REFUSE_BOUND : Expect.REFUSE);
            case REMOVE_WITHIN:
                return new Planned(new MarginTransfer(id, maxRemove.multiply(s.fraction()).negate()),
                        isolated ? Expect.ACCEPT : Expect.REFUSE);
            case REMOVE_BEYOND:
                return new Planned(new MarginTransfer(id, maxRemove.add(s.beyond()).negate()),
                        isolated ? Expect.REFUSE_BOUND : Expect.REFUSE);
            case TO_CROSS:
                return new Planned(new ModeSwitch(id, MarginMode.CROSS, null), Expect.ACCEPT);
            case LEVERAGE:
                return new Planned(new LeverageChange(id, BigDecimal.valueOf(s.leverage())),
                        expectLeverage(a, p, r, maxAdd, BigDecimal.valueOf(s.leverage())));
            default:
                break;
        }
        if (isolated) {
            return new Planned(new ModeSwitch(id, MarginMode.ISOLATED, s.kind() == Kind.TO_ISOLATED_DEFAULT ? null
                    : BigDecimal.ONE), s.kind() == Kind.TO_ISOLATED_DEFAULT ? Expect.ACCEPT : Expect.REFUSE);
        }
        // spec §4: M ≤ the available balance of the account with P no longer cross (evaluated here)
        // and the wallet (the wallet cannot go below 0)
        List<Position> others = new ArrayList<>(a.positions());
        others.remove(p);
        BigDecimal bound = ENGINE.evaluate(Account.of(a.venue(), a.walletBalance(), others)).availableBalance()
                .min(a.walletBalance());
        return switch (s.kind()) {
            case TO_ISOLATED_DEFAULT -> new Planned(new ModeSwitch(id, MarginMode.ISOLATED, null),
                    r.initialMargin().compareTo(bound) <= 0 ? Expect.ACCEPT : Expect.REFUSE_BOUND);
            case TO_ISOLATED_WITHIN -> new Planned(new ModeSwitch(id, MarginMode.ISOLATED, bound.multiply(s.fraction())),
                    Expect.ACCEPT);
            default -> new Planned(new ModeSwitch(id, MarginMode.ISOLATED, bound.add(s.beyond())), Expect.REFUSE_BOUND);
        };
    }

    /** A leverage change: the tier's max leverage, then the difference as an add or a removal. */
    private static Expect expectLeverage(Account a, Position p, PositionRisk r, BigDecimal maxAdd, BigDecimal leverage) {
        Position changed = p.toBuilder().leverage(leverage).build();
        try {
            ENGINE.check(changed, a.venue());
        } catch (ValidationException e) {
            return Expect.REFUSE;
        }
        if (p.marginMode() == MarginMode.CROSS) {
            return Expect.ACCEPT;
        }
        BigDecimal d = RandomAccounts.initialMargin(changed).subtract(r.isolatedMargin());
        BigDecimal slack = d.signum() > 0 ? maxAdd.subtract(d)
                : ENGINE.evaluate(changed.withIsolatedMargin(r.isolatedMargin()), a.venue()).maxRemovableMargin().add(d);
        // at the boundary the last digit of IM = notional/L may differ between two equal formulas
        if (slack.abs().compareTo(new BigDecimal("1e-25")) < 0) {
            return Expect.EITHER;
        }
        return slack.signum() >= 0 ? Expect.ACCEPT : Expect.REFUSE_BOUND;
    }

    /** The way back from one applied transfer. */
    private record Undo(Position before, Transfer done, BigDecimal marginBefore) {
        Account apply(Account a) {
            String id = before.id();
            if (done instanceof MarginTransfer m) {
                return Transfers.apply(a, new MarginTransfer(id, m.amount().negate()));
            }
            if (done instanceof ModeSwitch s) {
                return Transfers.apply(a, s.to() == MarginMode.CROSS ? new ModeSwitch(id, MarginMode.ISOLATED, marginBefore)
                        : new ModeSwitch(id, MarginMode.CROSS, null));
            }
            Account back = Transfers.apply(a, new LeverageChange(id, before.leverage()));
            if (before.marginMode() == MarginMode.CROSS) {
                return back;
            }
            BigDecimal d = marginBefore.subtract(back.position(id).isolatedMargin());
            return d.signum() == 0 ? back : Transfers.apply(back, new MarginTransfer(id, d));
        }
    }

    /**
     * The positions with every isolated margin stated: an unstated margin is the initial margin at
     * entry (spec §1), which transfers state explicitly.
     */
    private static List<Position> resolved(Account a) {
        AccountRisk risk = ENGINE.evaluate(a);
        List<Position> out = new ArrayList<>();
        for (int i = 0; i < a.positions().size(); i++) {
            Position p = a.positions().get(i);
            PositionRisk r = risk.positions().get(i);
            out.add(p.marginMode() == MarginMode.ISOLATED ? p.withIsolatedMargin(r.isolatedMargin()) : p);
        }
        if (out.size() != a.positions().size()) {
            fail("lost a position");
        }
        return out;
    }
}
