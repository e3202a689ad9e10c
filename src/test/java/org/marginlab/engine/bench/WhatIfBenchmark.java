package org.marginlab.engine.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.marginlab.engine.Account;
import org.marginlab.engine.MarginChange;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.WhatIf;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code MarginEngine.whatIf} on a 200-position account (the UI recomputes it on every
 * keystroke): +250 USDT isolated margin on position {@code p0}, which is isolated. A what-if
 * evaluates the account twice (before and after). {@code account=MOSTLY_CROSS}: the other 199
 * positions are cross (BTCUSDT/ETHUSDT alternating); {@code ALL_ISOLATED}: all 200 are isolated.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WhatIfBenchmark {
    /** The 200-position account's shape. */
    public enum Shape { MOSTLY_CROSS, ALL_ISOLATED }

    @Param({"MOSTLY_CROSS", "ALL_ISOLATED"})
    public Shape account;

    private Account input;
    private MarginChange change;

    @Setup
    public void setUp() {
        MarginMode others = account == Shape.MOSTLY_CROSS ? MarginMode.CROSS : MarginMode.ISOLATED;
        List<Position> positions = new ArrayList<>(
                BenchInputs.positions(200, others, BenchInputs.Symbols.ALTERNATING));
        positions.set(0, positions.get(0).toBuilder().marginMode(MarginMode.ISOLATED).build());
        input = BenchInputs.check(Account.of(BenchInputs.VENUE, BenchInputs.ampleWallet(positions), positions));
        change = new MarginChange("p0", new BigDecimal("250"));
        WhatIf w = BenchInputs.ENGINE.whatIf(input, change);
        if (w.after().isolatedMargin().compareTo(w.before().isolatedMargin()) <= 0) {
            throw new IllegalStateException("what-if did not add margin: " + w);
        }
    }

    @Benchmark
    public WhatIf addMargin200() {
        return BenchInputs.ENGINE.whatIf(input, change);
    }
}
