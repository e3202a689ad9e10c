#!/usr/bin/env bash
# Interleaved A/B run of the UI latency benchmark (app/src/test/java/org/marginlab/app/bench):
# runs it ROUNDS times in each of two checkouts, alternating A, B, A, B …, so that both see the
# same machine conditions, and prints every UI_LATENCY line tagged with its variant and round.
#
#   installers/ui-latency-ab.sh BEFORE_DIR AFTER_DIR [ROUNDS]     (default 2 rounds)
#
# Each checkout is built by its own reactor (-am, nothing installed), offline when the
# dependencies are already in ~/.m2. Run it on a quiet machine: nothing else building.
# BENCH_ARGS adds Maven properties to both runs, e.g. BENCH_ARGS='-Dbench.positions=1000
# -Dbench.tab=Charts' (the benchmark measures 200 and 1,000 positions by default; checkouts
# before 2026-12-07 measured one size, 200 unless bench.positions gave another).
set -euo pipefail
a=${1:?usage: ui-latency-ab.sh BEFORE_DIR AFTER_DIR [ROUNDS]}
b=${2:?usage: ui-latency-ab.sh BEFORE_DIR AFTER_DIR [ROUNDS]}
rounds=${3:-2}
offline=${MAVEN_OFFLINE:--o}

run() {
    local dir=$1 tag=$2 round=$3
    (cd "$dir" && mvn -B -q $offline -pl app -am -Pbench verify -Dsurefire.failIfNoSpecifiedTests=false \
        -Dtest=UiLatencyBenchmarkTest -Dexec.skip=true ${BENCH_ARGS:-} 2>&1) \
        | { grep -E '^UI_LATENCY' || echo "UI_LATENCY (no result from $dir: run it alone to see why)"; } | sed "s/^UI_LATENCY/$tag round $round:/"
}

for ((r = 1; r <= rounds; r++)); do
    run "$a" before "$r"
    run "$b" after "$r"
done
