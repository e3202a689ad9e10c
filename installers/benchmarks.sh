#!/usr/bin/env bash
# Every benchmark of MarginLab, in one command (the README's table comes from its output):
#   1. `mvn -B -Pbench,installers -Dinstallers.types=app-image verify`:
#        - the engine's JMH benchmarks (src, bench profile; results in src/target/jmh-result.json),
#        - the UI latency benchmark (app, bench profile: the tests tagged "benchmark", headless),
#        - the jlink image and the jpackage app-image with its start-up cache (installers profile);
#   2. with --jdk25 DIR: the same app-image built with that JDK (AOT cache), in a copy of the
#      repository under app/target/jdk25-build;
#   3. installers/measure-startup.sh: cold start to the first frame and RSS, bare window vs
#      MarginLab, plain and with the start-up cache.
# The summary goes to app/target/benchmarks.md (and the console).
#
# Usage: installers/benchmarks.sh [--jdk25 DIR] [--runs N] [--skip-maven]
#   --skip-maven  reuse the last run's Maven results and images (only step 3 again)
# Needs what the installers need (installers/README.md), and a display or Xvfb.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"

jdk25=""
runs=7
skip_maven=false
while (($# > 0)); do
    case "$1" in
        --jdk25) jdk25="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --skip-maven) skip_maven=true; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "benchmarks.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

mkdir -p app/target
log=app/target/benchmarks-maven.log
summary=app/target/benchmarks.md
if ! $skip_maven; then
    echo "benchmarks.sh: mvn -B -Pbench,installers -Dinstallers.types=app-image verify (log: $log)"
    # a missed latency target fails the UI benchmark (its assertion); the figures are wanted all the same
    mvn -B -Pbench,installers -Dinstallers.types=app-image -Dmaven.test.failure.ignore=true verify >"$log" 2>&1 \
        || { tail -n 60 "$log"; echo "benchmarks.sh: Maven failed (log: $log)" >&2; exit 1; }
fi

measure_args=(--runs "$runs" --image app/target/marginlab --app-image app/target/installers/marginlab)
if [[ -n "$jdk25" ]]; then
    copy=app/target/jdk25-build
    if ! $skip_maven; then
        echo "benchmarks.sh: the JDK 25 app-image (AOT cache) in $copy"
        mkdir -p "$copy"
        rsync -a --delete --exclude target --exclude .git "$root/" "$copy/"
        (cd "$copy" && JAVA_HOME="$jdk25" mvn -B -q -Pinstallers -DskipTests -Dinstallers.types=app-image package) \
            >"$log.jdk25" 2>&1 || { tail -n 40 "$log.jdk25"; exit 1; }
    fi
    measure_args+=(--image "$copy/app/target/marginlab" --app-image "$copy/app/target/installers/marginlab")
fi

startup_table="$(mktemp)"
trap 'rm -f "$startup_table"' EXIT
bash installers/measure-startup.sh "${measure_args[@]}" --out "$startup_table"

{
    echo "# MarginLab benchmarks, $(date -u +%Y-%m-%d), $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
    echo
    echo "## Engine (JMH, $(sed -n 's/^# JMH version: //p' "$log" | head -n 1), $(sed -n 's/^# VM version: //p' "$log" | head -n 1))"
    echo
    echo '```'
    # JMH's closing table: from its "Benchmark  Mode  Cnt  Score  Error  Units" header to the end
    awk '/^Benchmark +(\(.*\) +)*Mode +Cnt +Score/ { on = 1 } on && NF == 0 { on = 0 } on { print }' "$log"
    echo '```'
    echo
    echo "## UI latency (headless, Monocle)"
    echo
    echo '```'
    grep -h '^UI_LATENCY' "$log" 2>/dev/null || true
    echo '```'
    if grep -q 'target .*MISSED' "$log"; then
        echo
        echo "Missed: the UI benchmark failed (a 1,000-position keystroke p99 above 16 ms, or a target above)."
    fi
    echo
    echo "## Start-up to the first frame, and RSS"
    echo
    cat "$startup_table"
} | tee "$summary"
echo "benchmarks.sh: summary in $summary"
