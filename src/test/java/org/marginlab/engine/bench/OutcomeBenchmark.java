package org.marginlab.engine.bench;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.whatif.AccountOutcome;
import org.marginlab.engine.whatif.ShockScope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code AccountOutcome.of} on a 200-position account with the shocked evaluation given (the app
 * calls it on every keystroke and shock-slider step): the fast path, nothing liquidated, so no
 * cascade runs (target well under 1 ms; one evaluation of the account is measured by
 * {@link ScalingBenchmark}). {@code shock=0}: the entered marks; {@code -0.001}: a uniform 0.1 %
 * drop, which for cross positions also bounds the cross condition at the entered marks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OutcomeBenchmark {
    @Param({"ISOLATED", "CROSS"})
    public MarginMode mode;

    @Param({"0", "-0.001"})
    public String shock;

    private Account input;
    private BigDecimal x;
    private AccountRisk shocked;

    @Setup
    public void setUp() {
        input = BenchInputs.check(BenchInputs.account(200, mode, BenchInputs.Symbols.ALTERNATING));
        x = new BigDecimal(shock);
        shocked = BenchInputs.ENGINE.evaluate(ShockScope.ALL.apply(input, x));
        AccountOutcome o = AccountOutcome.of(input, ShockScope.ALL, x, shocked);
        if (o.totalEquity() != shocked.totalEquity()) {
            throw new IllegalStateException("not the fast path: something is liquidated at " + shock);
        }
    }

    @Benchmark
    public AccountOutcome outcome200() {
        return AccountOutcome.of(input, ShockScope.ALL, x, shocked);
    }
}
