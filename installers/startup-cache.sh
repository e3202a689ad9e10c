#!/usr/bin/env bash
# Generates the start-up cache of a jpackage app-image from a training run, and ships it in the
# image (package.sh runs this between the app-image and the installers):
#   runtime JDK 25+  an AOT cache (JEP 483/514): the app starts once with -XX:AOTCacheOutput
#                    until its first frame, the cache goes to <app dir>/marginlab.aot and the
#                    launcher's .cfg gets -XX:AOTCache=$APPDIR/marginlab.aot;
#   runtime JDK 17+  an AppCDS archive: the app starts once with -XX:DumpLoadedClassList, then
#                    `java -Xshare:dump -XX:SharedClassListFile=...` rewrites the runtime's
#                    default CDS archive (lib/server/classes.jsa) with the JDK's and the app's
#                    classes (JavaFX, AtlantaFX, ControlsFX, Ikonli, Jackson, the engine, the
#                    app). The JVM maps that archive by default: no launcher option, and it still
#                    works once the image is installed elsewhere.
# The training run is the real launcher with the real options, stopped once the whole window
# (built right after the light first frame) has been rendered, by
# org.marginlab.app.startup.StartupProbe (marginlab.startup.report/exit). It needs a display:
# on Linux without DISPLAY it runs under xvfb-run (apt: xvfb xauth).
#
# Usage: installers/startup-cache.sh APP_IMAGE_DIR
set -euo pipefail

app_image="${1:?usage: startup-cache.sh APP_IMAGE_DIR}"
app_image="$(cd "$app_image" && pwd)"
fail() { echo "startup-cache.sh: $*" >&2; exit 1; }
say() { echo "startup-cache.sh: $*"; }

case "$(uname -s)" in
    Linux*)
        launcher="$(find "$app_image/bin" -maxdepth 1 -type f -perm -u+x | head -n 1)"
        app_dir="$app_image/lib/app"; runtime="$app_image/lib/runtime"; jvm_dir="$runtime/lib/server"; exe="" ;;
    Darwin*)
        launcher="$(find "$app_image/Contents/MacOS" -maxdepth 1 -type f -perm -u+x | head -n 1)"
        app_dir="$app_image/Contents/app"; runtime="$app_image/Contents/runtime/Contents/Home"
        jvm_dir="$runtime/lib/server"; exe="" ;;
    MINGW*|MSYS*|CYGWIN*)
        launcher="$(find "$app_image" -maxdepth 1 -name '*.exe' ! -name '*-cli.exe' | head -n 1)"
        app_dir="$app_image/app"; runtime="$app_image/runtime"; jvm_dir="$runtime/bin/server"; exe=".exe" ;;
    *) fail "unsupported OS $(uname -s)" ;;
esac
[[ -n "$launcher" && -x "$launcher" ]] || fail "no launcher in $app_image"
# one .cfg per launcher (Windows has two: MarginLab and marginlab-cli)
cfgs=()
while IFS= read -r f; do cfgs+=("$f"); done < <(find "$app_dir" -maxdepth 1 -name '*.cfg')
((${#cfgs[@]} > 0)) || fail "no launcher .cfg in $app_dir"
java="$runtime/bin/java$exe"
[[ -x "$java" ]] || fail "no bin/java in the runtime $runtime (it is needed to dump the CDS archive)"
feature="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$runtime/release")"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Runs the launcher until its first frame (StartupProbe), with extra JVM options.
train() {
    local jvm_options="$1"
    local -a display_wrapper=()
    if [[ "$(uname -s)" == Linux* && -z "${DISPLAY:-}" ]]; then
        command -v xvfb-run >/dev/null || return 3
        display_wrapper=(xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp")
    fi
    set +e
    # a throwaway config and data folder: the user's preferences, recent files and autosaves
    # neither shape the training nor get touched by it
    JAVA_TOOL_OPTIONS="$jvm_options -Dmarginlab.startup.report=true -Dmarginlab.startup.exit=true -Dmarginlab.config.dir=$work/config -Dmarginlab.data.dir=$work/data" \
        timeout 300 "${display_wrapper[@]}" "$launcher" >"$work/train.out" 2>"$work/train.err" </dev/null
    local status=$?
    set -e
    if ! grep -q '^MARGINLAB_READY_MS=' "$work/train.out"; then
        echo "startup-cache.sh: the training run did not report its whole window (exit $status); are" \
             "StartupProbe.afterShown(stage) and StartupProbe.ready(stage) called in MarginLabApp? Its output:" >&2
        cat "$work/train.out" "$work/train.err" >&2
        return 1
    fi
    say "training run: first frame after $(sed -n 's/^MARGINLAB_FIRST_FRAME_MS=//p' "$work/train.out") ms," \
        "whole window after $(sed -n 's/^MARGINLAB_READY_MS=//p' "$work/train.out") ms"
}

if ((feature >= 25)); then
    say "Java $feature: AOT cache from a training run"
    aot="$app_dir/marginlab.aot"
    rm -f "$aot"
    train "-XX:AOTCacheOutput=$aot" || fail "training run failed"
    [[ -s "$aot" ]] || { cat "$work/train.err" >&2; fail "no AOT cache written"; }
    for cfg in "${cfgs[@]}"; do
        grep -v '^java-options=-XX:AOTCache=' "$cfg" >"$work/cfg"
        # the [JavaOptions] section is the launcher's list of JVM options; $APPDIR is the launcher's
        awk '{ print } /^\[JavaOptions\]$/ { print "java-options=-XX:AOTCache=$APPDIR/marginlab.aot" }' \
            "$work/cfg" >"$cfg"
        grep -q '^java-options=-XX:AOTCache=' "$cfg" || fail "no [JavaOptions] section in $cfg"
    done
    # must map: AOTMode=on turns an unusable cache into an error instead of a silent slow start
    JAVA_TOOL_OPTIONS="-XX:AOTMode=on" "$launcher" --version >/dev/null 2>"$work/check.err" \
        || { cat "$work/check.err" >&2; fail "the launcher cannot use the AOT cache"; }
    say "$(du -h "$aot" | cut -f1) AOT cache $aot, in the launcher's options"
else
    say "Java $feature: AppCDS archive from a training run"
    if train "-XX:DumpLoadedClassList=$work/classes.lst"; then
        list=(-XX:SharedClassListFile="$work/classes.lst")
        say "$(grep -c -v '^#' "$work/classes.lst") classes in the training run's list"
    else
        [[ $? -eq 3 ]] || fail "training run failed"
        echo "startup-cache.sh: WARNING: no display and no xvfb-run: the CDS archive holds only" \
             "the JDK's default classes (apt-get install xvfb xauth for the app's)" >&2
        list=()
    fi
    "$java" -Xshare:dump "${list[@]}" -XX:SharedArchiveFile="$jvm_dir/classes.jsa" >"$work/dump.out" 2>&1 \
        || { cat "$work/dump.out" >&2; fail "CDS dump failed"; }
    # must map: -Xshare:on turns an unusable archive into an error
    JAVA_TOOL_OPTIONS="-Xshare:on" "$launcher" --version >/dev/null 2>"$work/check.err" \
        || { cat "$work/check.err" >&2; fail "the launcher cannot map the CDS archive"; }
    say "$(du -h "$jvm_dir/classes.jsa" | cut -f1) CDS archive $jvm_dir/classes.jsa (the runtime's default)"
fi
