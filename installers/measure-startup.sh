#!/usr/bin/env bash
# Cold start to the first painted frame, and resident memory right after it, of MarginLab
# against the floor: a bare JavaFX window with one Label (org.marginlab.app.startup.BareWindow),
# linked into the same jlink image and started the same way, with the launcher's JVM options.
#
#   installers/measure-startup.sh [--runs N] [--image DIR]... [--app-image DIR]... [--out FILE]
#
# Every run is a new JVM. Each reports MARGINLAB_FIRST_FRAME_MS (milliseconds from the process
# start to the first pulse after its stage is shown, i.e. after the first frame was rendered:
# org.marginlab.app.startup.StartupProbe) and MARGINLAB_READY_MS (the same once the whole main
# window has been built and rendered; MarginLab paints a light first frame and builds the rest
# of the window right after it; for the bare window both are the same frame); right then the
# script reads VmRSS of the JVM from /proc and ends it. The variants run interleaved, N rounds
# (default 7) after one unmeasured warm-up round, each round in a rotated order; the table gives
# median (min-max) and the ratio of medians to the first image's bare window.
#   --image DIR      a jlink image (default app/target/marginlab): two variants, "bare" and
#                    "marginlab" (its bin/marginlab), both without start-up aids (no CDS archive)
#   --app-image DIR  a jpackage app-image (default app/target/installers/marginlab if present):
#                    "app-image", with whatever start-up cache it ships (AppCDS or AOT cache)
#   --bare-aids      also the bare window on each app-image's runtime (its CDS archive)
#   --out FILE       also write the table there (markdown)
# Needs a display: without DISPLAY it starts its own Xvfb (apt: xvfb). Timings on shared 2-core
# VMs swing a lot: compare ratios from one interleaved batch, and mind the load average printed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs=7
images=()
app_images=()
out=""
bare_aids=false
while (($# > 0)); do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --image) images+=("$2"); shift 2 ;;
        --app-image) app_images+=("$2"); shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --bare-aids) bare_aids=true; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "measure-startup.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
((${#images[@]} > 0)) || images=(app/target/marginlab)
if ((${#app_images[@]} == 0)) && [[ -x app/target/installers/marginlab/bin/marginlab ]]; then
    app_images=(app/target/installers/marginlab)
fi

work="$(mktemp -d)"
xvfb_pid=""
cleanup() {
    [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

if [[ -z "${DISPLAY:-}" ]]; then
    command -v Xvfb >/dev/null || { echo "measure-startup.sh: no DISPLAY and no Xvfb (apt-get install xvfb)" >&2; exit 1; }
    exec 5>"$work/display"
    Xvfb -displayfd 5 -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 50); do [[ -s "$work/display" ]] && break; sleep 0.1; done
    exec 5>&-
    export DISPLAY=":$(cat "$work/display")"
fi

java_feature() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"; }
launcher_options() { sed -n 's/^JLINK_VM_OPTIONS="\(.*\)"$/\1/p' "$1/bin/marginlab"; }

# variants: parallel arrays of names and commands (a command is one string, word-split on use)
names=()
commands=()
for image in "${images[@]}"; do
    [[ -x "$image/bin/marginlab" ]] || { echo "measure-startup.sh: no jlink image at $image (mvn -B -DskipTests package)" >&2; exit 1; }
    jdk="JDK $(java_feature "$image")"
    names+=("bare window, jlink image ($jdk)")
    commands+=("$image/bin/java $(launcher_options "$image") -m org.marginlab.app/org.marginlab.app.startup.BareWindow")
    names+=("MarginLab, jlink image ($jdk)")
    commands+=("$image/bin/marginlab")
done
for app_image in "${app_images[@]}"; do
    runtime="$app_image/lib/runtime"
    [[ -x "$app_image/bin/marginlab" ]] || { echo "measure-startup.sh: no app-image at $app_image" >&2; exit 1; }
    jdk="JDK $(java_feature "$runtime")"
    if [[ -f "$app_image/lib/app/marginlab.aot" ]]; then aid="AOT cache"
    elif [[ -f "$runtime/lib/server/classes.jsa" ]]; then aid="AppCDS"
    else aid="no cache"; fi
    names+=("MarginLab, app-image + $aid ($jdk)")
    commands+=("$app_image/bin/marginlab")
    if $bare_aids; then
        opts="$(sed -n 's/^java-options=//p' "$app_image/lib/app/marginlab.cfg" | grep -v -e '^-XX:AOTCache' -e '^-Djpackage' | tr '\n' ' ')"
        names+=("bare window, app-image runtime + $( [[ -f "$runtime/lib/server/classes.jsa" ]] && echo AppCDS || echo 'no cache') ($jdk)")
        commands+=("$runtime/bin/java $opts -m org.marginlab.app/org.marginlab.app.startup.BareWindow")
    fi
done

descendants() {
    local p
    for p in $(pgrep -P "$1" || true); do echo "$p"; descendants "$p"; done
}
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }

# One run: prints "<first frame ms> <ready ms> <RSS kB>", RSS of the largest process of the
# launched tree once the whole window has been rendered.
measure() {
    local cmd="$1" pid line ms="" ready="" rss=0 p r
    rm -f "$work/fifo"
    mkfifo "$work/fifo"
    # shellcheck disable=SC2086
    MARGINLAB_STARTUP_REPORT=true setsid $cmd >"$work/fifo" 2>>"$work/stderr.log" </dev/null &
    pid=$!
    exec 4<"$work/fifo"
    while IFS= read -r -t 120 -u 4 line; do
        if [[ "$line" == MARGINLAB_FIRST_FRAME_MS=* ]]; then ms="${line#*=}"; fi
        if [[ "$line" == MARGINLAB_READY_MS=* ]]; then ready="${line#*=}"; break; fi
    done
    for p in "$pid" $(descendants "$pid"); do
        r="$(rss_kb "$p")"
        ((r > rss)) && rss="$r"
    done
    kill -- -"$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    exec 4<&-
    [[ -n "$ms" && -n "$ready" ]] || { echo "measure-startup.sh: no first frame or no ready line from: $cmd (stderr: $work/stderr.log)" >&2; tail -20 "$work/stderr.log" >&2; exit 1; }
    echo "$ms $ready $rss"
}

n=${#names[@]}
echo "measure-startup.sh: $n variants, 1 warm-up + $runs measured rounds, interleaved; DISPLAY=$DISPLAY"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((v = 0; v < n; v++)); do measure "${commands[v]}" >/dev/null || exit 1; : >"$work/ms.$v"; : >"$work/ready.$v"; : >"$work/rss.$v"; done
for ((round = 0; round < runs; round++)); do
    printf 'round %d:' $((round + 1))
    for ((k = 0; k < n; k++)); do
        v=$(((k + round) % n))
        result="$(measure "${commands[v]}")" || exit 1
        read -r ms ready rss <<<"$result"
        echo "$ms" >>"$work/ms.$v"
        echo "$ready" >>"$work/ready.$v"
        echo "$rss" >>"$work/rss.$v"
        printf ' %s=%s/%sms/%sMB' "$v" "$ms" "$ready" $((rss / 1024))
    done
    echo
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "load average after: $load_after"

median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
minmax() { sort -n "$1" | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "-" hi }'; }

base_ms="$(median "$work/ms.0")"
base_ready="$(median "$work/ready.0")"
base_rss="$(median "$work/rss.0")"
{
    echo "| variant | first frame, median (min-max) | x bare | whole window, median (min-max) | x bare | RSS, median (min-max) | x bare |"
    echo "|---|---|---|---|---|---|---|"
    for ((v = 0; v < n; v++)); do
        ms="$(median "$work/ms.$v")"
        ready="$(median "$work/ready.$v")"
        rss="$(median "$work/rss.$v")"
        rss_range="$(sort -n "$work/rss.$v" | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.0f-%.0f", lo / 1024, hi / 1024 }')"
        awk -v name="${names[v]}" -v ms="$ms" -v range="$(minmax "$work/ms.$v")" -v rss="$rss" \
            -v ready="$ready" -v rrange="$(minmax "$work/ready.$v")" -v bready="$base_ready" \
            -v rr="$rss_range" -v bms="$base_ms" -v brss="$base_rss" \
            'BEGIN { printf "| %s | %.0f ms (%s) | %.2f | %.0f ms (%s) | %.2f | %.0f MB (%s) | %.2f |\n", name, ms, range, ms / bms, ready, rrange, ready / bready, rss / 1024, rr, rss / brss }'
    done
    echo
    echo "$runs interleaved runs each after a warm-up; $(nproc) CPUs; $(date -u +%Y-%m-%d); load average $load_after at the end."
} | tee "$work/table.md"
[[ -z "$out" ]] || cp "$work/table.md" "$out"
