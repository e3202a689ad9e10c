/**
 * JMH benchmarks of the margin engine. They compile with the tests (JMH's annotation processor
 * generates the harness and {@code META-INF/BenchmarkList} into {@code target/test-classes}) but
 * only the {@code bench} profile runs them; {@code mvn -B verify} never does. From the
 * repository root:
 *
 * <pre>
 * mvn -B -pl src -Pbench verify                        # all, forks 1, warmup 3×1 s, measurement 5×1 s
 * mvn -B -pl src -Pbench verify -Djmh.args="-f 1 -wi 3 -w 1s -i 5 -r 1s AccountBenchmark"
 * mvn -B -pl src -Pbench verify -Djmh.args="-f 1 -wi 3 -w 1s -i 5 -r 1s ScalingBenchmark -p n=10,100,1000,10000"
 * JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn -B -pl src -Pbench verify   # on another JDK
 * </pre>
 *
 * Results print to the console and go to {@code src/target/jmh-result.json}
 * ({@code -Djmh.resultFile=...} elsewhere). {@code -Djmh.args} replaces the default options
 * wholesale, so give the fork/warmup/measurement options with any benchmark filter.
 *
 * <ul>
 *   <li>{@link org.marginlab.engine.bench.PositionBenchmark}: one isolated position (target ≤ 5 µs median)</li>
 *   <li>{@link org.marginlab.engine.bench.AccountBenchmark}: a 1,000-position cross account (target ≤ 5 ms)</li>
 *   <li>{@link org.marginlab.engine.bench.ScalingBenchmark}: N = 10, 100, 1000 (time/N flat if O(N))</li>
 *   <li>{@link org.marginlab.engine.bench.WhatIfBenchmark}: a what-if on a 200-position account</li>
 *   <li>{@link org.marginlab.engine.bench.OutcomeBenchmark}: the liquidated state's fast path on a
 *       200-position account (target well under 1 ms)</li>
 * </ul>
 */
package org.marginlab.engine.bench;
