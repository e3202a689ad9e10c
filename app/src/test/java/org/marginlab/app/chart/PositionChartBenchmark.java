package org.marginlab.app.chart;

import org.marginlab.app.model.InputField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.marginlab.app.account.AccountViewModel;
import org.marginlab.app.position.PositionViewModel;
import org.marginlab.app.workspace.Workspace;
import org.marginlab.engine.Account;
import org.marginlab.engine.Maintenance;
import org.marginlab.engine.MarginEngine;
import org.marginlab.engine.MarginMode;
import org.marginlab.engine.Position;
import org.marginlab.engine.Side;

/**
 * A measurement, not a test: how long the chart view-model takes to refresh on a 200-position
 * cross workspace, and what a keystroke costs end to end (account evaluation + chart refresh).
 * It prints figures (CPU time of the measuring thread, which other processes on a busy machine
 * disturb less than the wall clock) and asserts nothing. Run it from {@code app/} after {@code mvn test-compile}:
 * <pre>
 * mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.marginlab.app.chart.PositionChartBenchmark
 * </pre>
 * Add {@code fx} as an argument to also time the JavaFX side (needs a display, e.g. Xvfb).
 */
public final class PositionChartBenchmark {
    private static final int WARMUP = 20_000;
    private static final int RUNS = 20_000;
    /** ThreadMXBean.getCurrentThreadCpuTime, looked up reflectively: the test module does not read java.management. */
    private static final java.lang.invoke.MethodHandle CPU_TIME = cpuTimeHandle();

    private PositionChartBenchmark() {
    }

    /**
     * @param args  {@code fx} to include the JavaFX view (CSS + layout per keystroke)
     * @throws Exception if the JavaFX part fails
     */
    public static void main(String[] args) throws Exception {
        System.out.printf("JVM %s, %d cores%n", System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors());
        scenario("200 cross positions, 100 symbols (hedge pairs: 1 moving leg)", pairs());
        scenario("200 cross positions, all BTCUSDT (199 moving hedge legs, worst case)", oneSymbol());
        bigDecimalSweeps();
        if (Arrays.asList(args).contains("fx")) {
            PositionChartFxBenchmark.run(pairs());
        }
    }

    /** 100 symbols with explicit maintenance (plus BTCUSDT/ETHUSDT with bundled tiers), long + short each. */
    static Workspace pairs() {
        List<Position> ps = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String symbol = i == 0 ? "BTCUSDT" : i == 1 ? "ETHUSDT" : "SYM" + i + "USDT";
            for (Side side : Side.values()) {
                BigDecimal entry = BigDecimal.valueOf(1000 + 37L * i);
                Position.Builder b = Position.builder().id(symbol + "-" + side.id()).symbol(symbol).side(side)
                        .quantity(BigDecimal.valueOf(1 + i % 7, side == Side.LONG ? 0 : 1)).entryPrice(entry)
                        .markPrice(entry.multiply(new BigDecimal("0.98"))).leverage(BigDecimal.TEN)
                        .marginMode(MarginMode.CROSS);
                if (i > 1) {
                    b.maintenance(new Maintenance(new BigDecimal("0.01"), BigDecimal.ZERO));
                }
                ps.add(b.build());
            }
        }
        return new Workspace("bench", "binance-usdm", new BigDecimal("2000000"), ps);
    }

    /** 200 cross BTCUSDT positions, alternating long and short. */
    static Workspace oneSymbol() {
        List<Position> ps = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Side side = i % 2 == 0 ? Side.LONG : Side.SHORT;
            ps.add(Position.builder().id("p" + i).symbol("BTCUSDT").side(side)
                    .quantity(BigDecimal.valueOf(1 + i % 5, i % 2 == 0 ? 1 : 2))
                    .entryPrice(BigDecimal.valueOf(55000 + 50L * i)).markPrice(new BigDecimal("59000"))
                    .leverage(BigDecimal.TEN).marginMode(MarginMode.CROSS).build());
        }
        return new Workspace("bench", "binance-usdm", new BigDecimal("2000000"), ps);
    }

    private static void scenario(String name, Workspace ws) {
        AccountViewModel account = new AccountViewModel(MarginEngine.DEFAULT, Locale.US);
        account.load(ws);
        PositionViewModel selected = account.positions().get(100);
        account.selectedProperty().set(selected);
        PositionViewModel other = account.positions().get(7);
        PositionChartViewModel vm = new PositionChartViewModel(account);
        System.out.printf("%n%s — charting %s (%d points)%n", name, selected.id(), vm.dataProperty().get().size());

        long[] t = new long[RUNS];
        for (int i = 0; i < WARMUP; i++) {
            vm.invalidate();
            vm.refresh();
        }
        for (int i = 0; i < RUNS; i++) {
            vm.invalidate();
            long t0 = cpu();
            vm.refresh();
            t[i] = cpu() - t0;
        }
        print("chart view-model refresh alone (sweep + snapshot)", t);

        BigDecimal base = account.evaluationProperty().get().shocked().position(selected.id()).markPrice();
        String[] marks = {base.add(BigDecimal.ONE).toPlainString(), base.add(BigDecimal.TEN).toPlainString()};
        keystrokes("keystroke in the charted position (account evaluation + chart refresh)", selected, marks, t);
        vm.activeProperty().set(false);
        keystrokes("same keystroke with the charts hidden (account evaluation only)", selected, marks, t);
        vm.activeProperty().set(true);
        BigDecimal otherMark = account.evaluationProperty().get().shocked().position(other.id()).markPrice();
        keystrokes("keystroke in another position (chart refreshes: it is cross)", other,
                new String[] {otherMark.add(BigDecimal.ONE).toPlainString(), otherMark.add(BigDecimal.TEN).toPlainString()}, t);
    }

    private static void keystrokes(String what, PositionViewModel row, String[] marks, long[] t) {
        int n = RUNS / 10;
        for (int i = 0; i < WARMUP / 10; i++) {
            row.textProperty(InputField.MARK_PRICE).set(marks[i % 2]);
        }
        for (int i = 0; i < n; i++) {
            long t0 = cpu();
            row.textProperty(InputField.MARK_PRICE).set(marks[i % 2]);
            t[i] = cpu() - t0;
        }
        print(what, Arrays.copyOf(t, n));
    }

    /** What the sweep would cost with the BigDecimal engine per point instead of the fast path. */
    private static void bigDecimalSweeps() {
        Account acc = Account.of("binance-usdm", new BigDecimal("2000000"), pairs().positions());
        Position p = acc.positions().get(100);
        int points = PositionChartViewModel.SAMPLES + 5;
        long[] t = new long[200];
        for (int r = 0; r < 250; r++) {
            long t0 = cpu();
            for (int k = 0; k < points; k++) {
                BigDecimal mark = p.markPrice().multiply(BigDecimal.valueOf(0.8 + 0.4 * k / points));
                MarginEngine.DEFAULT.evaluate(acc.with(p.withMarkPrice(mark))).marginRatio();
            }
            t[r % t.length] = cpu() - t0;
        }
        System.out.println();
        print("BigDecimal alternative, cross: " + points + " whole-account evaluations (O(N·points))", t);
        Position iso = p.toBuilder().marginMode(MarginMode.ISOLATED).isolatedMargin(new BigDecimal("500")).build();
        for (int r = 0; r < 2000; r++) {
            long t0 = cpu();
            for (int k = 0; k < points; k++) {
                BigDecimal mark = iso.markPrice().multiply(BigDecimal.valueOf(0.8 + 0.4 * k / points));
                MarginEngine.DEFAULT.evaluate(iso.withMarkPrice(mark), acc.venue()).marginRatio();
            }
            t[r % t.length] = cpu() - t0;
        }
        print("BigDecimal alternative, isolated: " + points + " single-position evaluations", t);
    }

    /** @return the CPU time of the current thread, ns: less disturbed by other processes than the wall clock */
    static long cpu() {
        try {
            return (long) CPU_TIME.invoke();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.lang.invoke.MethodHandle cpuTimeHandle() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            java.lang.reflect.Method m = Class.forName("java.lang.management.ThreadMXBean").getMethod("getCurrentThreadCpuTime");
            return java.lang.invoke.MethodHandles.publicLookup().unreflect(m).bindTo(bean);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("run on the class path (see the class doc)", e);
        }
    }

    static void print(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("  %-80s median %8.1f µs   p99 %8.1f µs   max %8.1f µs%n", what, s[s.length / 2] / 1e3,
                s[(int) (s.length * 0.99)] / 1e3, s[s.length - 1] / 1e3);
    }
}
