#!/usr/bin/env bash
# Builds MarginLab's installers from the jlink image of `mvn package` (app/target/marginlab):
#   1. the jpackage app-image (Linux: app/target/installers/marginlab/bin/marginlab), with
#      JavaFX's native libraries copied next to the JDK's (loaded from there, not unpacked);
#   2. its start-up cache, from a training run of the app-image (startup-cache.sh): an AOT cache
#      when the runtime is JDK 25+, else an AppCDS archive (the runtime's default CDS archive);
#   3. the OS's installers from that app-image: Linux .deb and .rpm, Windows .msi, macOS .dmg.
# The usual way in is the Maven profile, which runs this script after jlink with the JDK Maven
# runs on:   mvn -B -Pinstallers -DskipTests package
# It also runs on its own once `mvn package` has built the image, e.g. in CI:
#   installers/package.sh --types "app-image deb"
#
# Options (all optional):
#   --image DIR      the jlink image (default app/target/marginlab)
#   --jdk DIR        the JDK whose jpackage to use (default $JAVA_HOME, else the java on PATH);
#                    must be the image's Java version (jpackage bundles the image as the runtime)
#   --version V      the app version (default: the org.marginlab.app module's version in the
#                    image); a -SNAPSHOT or other qualifier is dropped for the installers
#   --dest DIR       output directory (default app/target/installers), emptied first
#   --types "T ..."  what to build: app-image and any of deb rpm (Linux), msi exe (Windows),
#                    dmg pkg (macOS); default (or "auto"): app-image and the OS's installers
#   --no-startup-cache  skip step 2
# Environment: DPKG_DEB_COMPRESSOR_TYPE / _LEVEL (default zstd, 9: seconds; xz for old dpkg).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

image=app/target/marginlab
jdk="${JAVA_HOME:-}"
version=""
dest=app/target/installers
types=""
startup_cache=true

while (($# > 0)); do
    case "$1" in
        --image) image="$2"; shift 2 ;;
        --jdk) jdk="$2"; shift 2 ;;
        --version) version="$2"; shift 2 ;;
        --dest) dest="$2"; shift 2 ;;
        --types) types="${2//,/ }"; shift 2 ;;
        --no-startup-cache) startup_cache=false; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "package.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

case "$(uname -s)" in
    Linux*) os=linux; default_types="app-image deb rpm"; exe_suffix="" ;;
    Darwin*) os=macos; default_types="app-image dmg"; exe_suffix="" ;;
    MINGW*|MSYS*|CYGWIN*) os=windows; default_types="app-image msi"; exe_suffix=".exe" ;;
    *) echo "package.sh: unsupported OS $(uname -s)" >&2; exit 2 ;;
esac
[[ -z "$types" || "$types" == auto ]] && types="$default_types"

fail() { echo "package.sh: $*" >&2; exit 1; }
step() { echo "package.sh: $*"; }
now() { case "$(date +%N)" in *N*) date +%s ;; *) date +%s.%N ;; esac; }  # macOS date: no %N
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

[[ -x "$image/bin/java$exe_suffix" ]] || fail "no jlink image at $image: run 'mvn -B -DskipTests package' first"
if [[ -z "$jdk" ]]; then
    java_on_path="$(command -v java)" || fail "no JAVA_HOME and no java on PATH"
    jdk="$(dirname "$(dirname "$(readlink -f "$java_on_path" 2>/dev/null || echo "$java_on_path")")")"
fi
jpackage="$jdk/bin/jpackage$exe_suffix"
[[ -x "$jpackage" ]] || fail "no jpackage in $jdk (give --jdk or JAVA_HOME)"

release_version() { sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$1/release"; }
image_java="$(release_version "$image")"
jdk_java="$(release_version "$jdk" 2>/dev/null || true)"
if [[ -n "$jdk_java" && "$image_java" != "$jdk_java" ]]; then
    fail "the image is Java $image_java but $jdk is Java $jdk_java: build the image and the installers with the same JDK"
fi

if [[ -z "$version" ]]; then
    version="$("$image/bin/java$exe_suffix" --describe-module org.marginlab.app | sed -n '1s/^org\.marginlab\.app@\([^ ]*\).*/\1/p')"
    [[ -n "$version" ]] || fail "the image's org.marginlab.app module has no version; give --version"
fi
app_version="${version%%-*}"   # 0.1.0-SNAPSHOT -> 0.1.0 (installers take numbers only)
if [[ "$os" == macos && "$app_version" == 0.* ]]; then
    fail "macOS needs an app version whose first number is not 0 (have $app_version): give --version 1.0.0 or later"
fi

# The JVM options of the jlink launcher (JLINK_VM_OPTIONS), one --java-options each; an option
# and its separate value ("--add-exports X") become one argument ("--add-exports=X").
if [[ -f "$image/bin/marginlab.bat" ]]; then   # Windows: set JLINK_VM_OPTIONS=...
    launcher_opts="$(tr -d '\r' <"$image/bin/marginlab.bat" | sed -n 's/^set JLINK_VM_OPTIONS=\(.*\)$/\1/p')"
else
    launcher_opts="$(sed -n 's/^JLINK_VM_OPTIONS="\(.*\)"$/\1/p' "$image/bin/marginlab")"
fi
[[ -n "$launcher_opts" ]] || fail "no JLINK_VM_OPTIONS in the image's launcher $image/bin/marginlab"
java_options=()
read -r -a tokens <<<"$launcher_opts"
for ((i = 0; i < ${#tokens[@]}; i++)); do
    t="${tokens[i]}"
    if [[ "$t" == --* && "$t" != *=* && $((i + 1)) -lt ${#tokens[@]} && "${tokens[i + 1]}" != -* ]]; then
        t="$t=${tokens[i + 1]}"
        i=$((i + 1))
    fi
    java_options+=(--java-options "$t")
done

rm -rf "$dest"
mkdir -p "$dest"
step "Java $image_java, jpackage from $jdk, app version $app_version ($version), types: $types"

start_all="$(now)"
t0="$(now)"
"$jpackage" --type app-image @installers/common.args @installers/$os/app-image.args \
    --app-version "$app_version" --runtime-image "$image" "${java_options[@]}" --dest "$dest"
case "$os" in
    linux) app_image="$dest/marginlab"; launcher="$app_image/bin/marginlab" ;;
    windows) app_image="$dest/MarginLab"; launcher="$app_image/MarginLab.exe" ;;
    macos) app_image="$dest/MarginLab.app"; launcher="$app_image/Contents/MacOS/MarginLab" ;;
esac
[[ -x "$launcher" ]] || fail "jpackage made no launcher at $launcher"
if [[ "$os" == linux ]]; then
    # jpackage's Linux launcher asks rpm and dpkg which package owns it at every start (about
    # 150 ms); installers/linux/launcher.sh starts the same JVM from the same .cfg without that
    cp installers/linux/launcher.sh "$launcher"
    chmod 755 "$launcher"
fi
# JavaFX's native libraries next to the JDK's: JavaFX loads them from there ("relative path")
# instead of unpacking them from lib/modules into ~/.openjfx/cache and checksumming them at
# every start (faster start, less memory, no writable home needed, and the .deb/.rpm dependency
# scan sees their GTK/GL needs)
case "$os" in
    linux) runtime="$app_image/lib/runtime"; native_dir="$runtime/lib"; native_glob='.*\.so' ;;
    macos) runtime="$app_image/Contents/runtime/Contents/Home"; native_dir="$runtime/lib"; native_glob='.*\.dylib' ;;
    windows) runtime="$app_image/runtime"; native_dir="$runtime/bin"; native_glob='.*\.dll' ;;
esac
natives="$(mktemp -d)"
"$jdk/bin/jimage$exe_suffix" extract --dir "$natives" --include "regex:/javafx\.[a-z]+/$native_glob" "$runtime/lib/modules"
count=0
for lib in "$natives"/javafx.*/*; do
    [[ -f "$lib" ]] || continue
    cp "$lib" "$native_dir/"
    count=$((count + 1))
done
rm -rf "$natives"
step "app-image $app_image in $(since "$t0") ($count JavaFX native libraries in ${native_dir#"$app_image/"})"

if $startup_cache; then
    t0="$(now)"
    bash installers/startup-cache.sh "$app_image"
    step "start-up cache in $(since "$t0")"
fi

# .deb compression: zstd -9 builds in seconds (xz -6: ~45 s on 2 cores, 20 % smaller, and the
# only choice for dpkg before 1.21.18, i.e. Debian 11 / Ubuntu 21.04 and older)
if [[ -z "${DPKG_DEB_COMPRESSOR_TYPE:-}" ]]; then
    export DPKG_DEB_COMPRESSOR_TYPE=zstd DPKG_DEB_COMPRESSOR_LEVEL="${DPKG_DEB_COMPRESSOR_LEVEL:-9}"
fi
for type in $types; do
    [[ "$type" == app-image ]] && continue
    t0="$(now)"
    extra=()
    [[ -f "installers/$os/$type.args" ]] && extra+=("@installers/$os/$type.args")
    "$jpackage" --type "$type" --app-image "$app_image" @installers/$os/package.args "${extra[@]}" \
        --app-version "$app_version" --dest "$dest"
    step "$type in $(since "$t0")"
done

step "done in $(since "$start_all"):"
ls -l "$dest" | sed 1d
