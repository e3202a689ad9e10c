package org.marginlab.engine.explain;

import org.marginlab.engine.derivation.Derivation;
import org.marginlab.engine.derivation.Figure;
import org.marginlab.engine.derivation.Trace;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.Position;
import org.marginlab.engine.RandomAccounts;
import org.marginlab.engine.ValidationException;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The honesty test of issue 14: for every account the vector tests evaluate (every case of
 * {@code src/test/resources/vectors} and {@code vectors-v2} that reaches an account evaluation)
 * and for random accounts on every rule set, every figure of every position and of the account
 * is explained, and an evaluator that is not the engine ({@link Honesty}, EvalEx) re-evaluates
 * every substituted formula to the step's stated value, the last step being the engine's figure
 * exactly.
 */
class HonestyTest {
    /** The vector tests whose evaluations are collected: each test method or case, by name. */
    private static final List<String> VECTOR_TESTS = List.of(
            "org.marginlab.engine.VectorCasesTest",
            "org.marginlab.engine.venue.v2.BitgetVectorsTest",
            "org.marginlab.engine.venue.v2.BitmexVectorsTest",
            "org.marginlab.engine.venue.v2.BybitUtaVectorsTest",
            "org.marginlab.engine.venue.v2.DeribitVectorsTest",
            "org.marginlab.engine.venue.v2.DydxV4VectorsTest",
            "org.marginlab.engine.venue.v2.GeneralVectorsTest",
            "org.marginlab.engine.venue.v2.KrakenFuturesVectorsTest",
            "org.marginlab.engine.venue.v2.KucoinVectorsTest",
            "org.marginlab.engine.venue.v2.MexcVectorsTest",
            "org.marginlab.engine.venue.v2.PhemexVectorsTest",
            "org.marginlab.engine.sizing.TradeToolVectorsTest");

    /** At most this many distinct accounts of one test method (sweeps evaluate thousands). */
    private static final int PER_TEST = 40;

    /** Every account the vector tests evaluate, by the test that evaluated it. */
    static Stream<Object[]> vectorAccounts() throws Exception {
        Map<Key, Object[]> seen = new LinkedHashMap<>();
        for (String name : VECTOR_TESTS) {
            Class<?> type = Class.forName(name);
            for (Method m : type.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Test.class) && m.getParameterCount() == 0) {
                    collect(seen, type, m, null, type.getSimpleName() + "." + m.getName());
                } else if (m.isAnnotationPresent(ParameterizedTest.class) && m.isAnnotationPresent(MethodSource.class)) {
                    Method source = type.getDeclaredMethod(m.getAnnotation(MethodSource.class).value()[0]);
                    source.setAccessible(true);
                    for (Object arg : ((Stream<?>) source.invoke(null)).toList()) {
                        collect(seen, type, m, arg, type.getSimpleName() + "." + m.getName() + "[" + arg + "]");
                    }
                }
            }
        }
        assertThat(seen).as("accounts the vector tests evaluate").hasSizeGreaterThan(100);
        return seen.values().stream();
    }

    /** An account's identity for de-duplication: its rule set, wallet and positions (every input of each). */
    private record Key(String ruleSet, String wallet, List<Position> positions) {
        static Key of(Account a) {
            return new Key(a.venue().ruleSetId(), a.walletBalance().stripTrailingZeros().toPlainString(), a.positions());
        }
    }

    private static void collect(Map<Key, Object[]> seen, Class<?> type, Method m, Object arg, String label)
            throws Exception {
        List<Account> accounts = new ArrayList<>();
        List<Key> keys = new ArrayList<>();
        m.setAccessible(true);
        var ctor = type.getDeclaredConstructor();
        ctor.setAccessible(true);
        Object instance = ctor.newInstance();
        Trace.watch(a -> {
            Key k = Key.of(a);
            if (accounts.size() < PER_TEST && !keys.contains(k)) {
                keys.add(k);
                accounts.add(a);
            }
        }, () -> {
            try {
                if (arg == null) {
                    m.invoke(instance);
                } else {
                    m.invoke(instance, arg);
                }
            } catch (InvocationTargetException e) {
                throw new AssertionError("vector test " + label + " fails on its own", e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        });
        for (int i = 0; i < accounts.size(); i++) {
            seen.putIfAbsent(Key.of(accounts.get(i)), new Object[] {label + " #" + (i + 1), accounts.get(i)});
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorAccounts")
    void vectorAccount_everyFigureIsExplainedHonestly(String label, Account account) {
        checkAll(account, label);
    }

    @Property(tries = 1500)
    void randomAccount_everyFigureIsExplainedHonestly(@ForAll("accounts") Account account) {
        Assume.that(RandomAccounts.valid(account));
        checkAll(account, RandomAccounts.describe(account));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Account> accounts() {
        return AllVenueAccounts.accounts();
    }

    /** Explains every figure of every position and of the account, and checks each derivation. */
    static void checkAll(Account account, String label) {
        AccountRisk risk;
        try {
            risk = MarginEngine.DEFAULT.evaluate(account);
        } catch (ValidationException e) {
            return;
        }
        String at = label + " [" + account.venue().ruleSetId() + "]";
        for (Position p : account.positions()) {
            for (Figure f : Figure.values()) {
                if (f.isAccount() || f == Figure.WALLET_TERM) {
                    continue;
                }
                Derivation d = Explainer.explain(account, p.id(), f);
                Honesty.check(d, Explainer.positionValue(risk.position(p.id()), f), at + " " + p.id() + " " + f.id());
            }
        }
        for (Figure f : Figure.values()) {
            if (f.isAccount()) {
                Honesty.check(Explainer.explain(account, null, f), Explainer.accountValue(risk, f),
                        at + " account " + f.id());
            }
        }
    }
}
