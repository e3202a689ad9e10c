package org.marginlab.engine.bench;

import java.util.concurrent.TimeUnit;

import org.marginlab.engine.Account;
import org.marginlab.engine.AccountRisk;
import org.marginlab.engine.MarginMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A 1,000-position CROSS account on binance-usdm, {@code MarginEngine.evaluate(Account)}:
 * BTCUSDT/ETHUSDT alternating, mixed sides, marks ±5 % of entry, 5–20x, ample wallet.
 * Target: ≤ 5 ms (sample mode reports the mean and p0.50).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AccountBenchmark {
    private Account account;

    @Setup
    public void setUp() {
        account = BenchInputs.check(BenchInputs.account(1_000, MarginMode.CROSS, BenchInputs.Symbols.ALTERNATING));
    }

    @Benchmark
    public AccountRisk cross1000() {
        return BenchInputs.ENGINE.evaluate(account);
    }
}
