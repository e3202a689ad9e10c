package org.marginlab.engine.bench;

import java.util.concurrent.TimeUnit;

import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code MarginEngine.evaluate(Account)} of an all-cross account at growing N: an O(N) engine
 * shows time/N flat. {@code symbols=ALTERNATING} is the input (BTCUSDT/ETHUSDT
 * alternating); {@code symbols=DISTINCT} gives every position its own symbol with the same
 * bundled table as explicit tiers, so no cross position has Binance hedge legs. Add N = 10000
 * with {@code -Djmh.args="... ScalingBenchmark -p n=10,100,1000,10000"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScalingBenchmark {
    @Param({"10", "100", "1000"})
    public int n;

    @Param({"ALTERNATING", "DISTINCT"})
    public BenchInputs.Symbols symbols;

    private Account account;

    @Setup
    public void setUp() {
        account = BenchInputs.check(BenchInputs.account(n, MarginMode.CROSS, symbols));
    }

    @Benchmark
    public AccountRisk evaluate() {
        return BenchInputs.ENGINE.evaluate(account);
    }
}
