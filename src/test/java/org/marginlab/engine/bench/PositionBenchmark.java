package org.marginlab.engine.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.PositionRisk;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One isolated position, {@code MarginEngine.evaluate(Position, VenueRules)}: what the UI does
 * on every keystroke. Target: ≤ 5 µs median (sample mode reports p0.50).
 *
 * <p>Cycles through 16 prepared positions (BTCUSDT/ETHUSDT, long/short, half with an explicit
 * isolated margin of 1.25× the initial margin, half with the default) so that no single input's
 * branch profile is measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PositionBenchmark {
    private static final int COUNT = 16;

    private Position[] positions;
    private int next;

    @Setup
    public void setUp() {
        List<Position> base = BenchInputs.positions(COUNT, MarginMode.ISOLATED, BenchInputs.Symbols.ALTERNATING);
        positions = new Position[COUNT];
        for (int i = 0; i < COUNT; i++) {
            Position p = base.get(i);
            if (i % 2 == 1) {
                BigDecimal im = p.quantity().multiply(p.entryPrice()).divide(p.leverage(), 2, RoundingMode.UP);
                p = p.withIsolatedMargin(im.multiply(new BigDecimal("1.25")));
            }
            PositionRisk r = BenchInputs.ENGINE.evaluate(p, BenchInputs.VENUE);
            if (r.liquidated() || r.liquidationPrice() == null) {
                throw new IllegalStateException("unexpected benchmark input: " + p + " → " + r);
            }
            positions[i] = p;
        }
    }

    @Benchmark
    public PositionRisk isolated() {
        Position p = positions[next];
        next = (next + 1) & (COUNT - 1);
        return BenchInputs.ENGINE.evaluate(p, BenchInputs.VENUE);
    }
}
