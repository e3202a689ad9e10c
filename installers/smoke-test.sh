#!/usr/bin/env bash
# Smoke test of the built app, as users start it (CI runs it after the tests, see .ci/run):
#   - the jlink image's launcher (app/target/marginlab/bin/marginlab): `calc --json` on the
#     bundled samples with their hand-checked figures, `export --pdf --csv` (the PDF library
#     linked as a module), `--version`, and the window under Xvfb
#     until its first frame (StartupProbe), once plain and once opening a .marginlab file;
#   - with --installers: installers/package.sh --types "app-image deb", then the same checks
#     on the app-image's launcher, a check that its start-up cache maps, and the .deb installed
#     with apt (needs root), /opt/marginlab/bin/marginlab checked, then removed again.
# Usage: installers/smoke-test.sh [--image DIR] [--installers] [--keep-installed]
# Without DISPLAY the window checks run under xvfb-run (apt: xvfb xauth; .deb: fakeroot).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

image=app/target/marginlab
installers=false
keep_installed=false
while (($# > 0)); do
    case "$1" in
        --image) image="$2"; shift 2 ;;
        --installers) installers=true; shift ;;
        --keep-installed) keep_installed=true; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "smoke-test.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

passed=0
failed=0
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ok() { passed=$((passed + 1)); echo "  ok   $*"; }
bad() { failed=$((failed + 1)); echo "  FAIL $*"; }
elapsed() { local t=$SECONDS; "$@"; echo "  ($((SECONDS - t)) s)"; }

# field NAME FILE [SECTION]: the first numeric NAME of calc --json output (pretty-printed, one
# field per line) after the line that names SECTION (default "positions": the first position).
field() {
    sed -n "/\"${3:-positions}\"/,\$p" "$2" | sed -n "s/^ *\"$1\": *\\([-0-9.eE]*\\),\\{0,1\\}\$/\\1/p" | head -n 1
}
# expect NAME ACTUAL EXPECTED TOLERANCE
expect() {
    if [[ -n "$2" ]] && awk -v a="$2" -v e="$3" -v t="$4" 'BEGIN { d = a - e; exit !(d <= t && -d <= t) }'; then
        ok "$1 = $2"
    else
        bad "$1 = '${2}', expected $3 (within $4)"
    fi
}

check_cli() {
    local launcher="$1"
    echo "CLI: $launcher"
    if "$launcher" calc --json assets/samples/btc-long-isolated.marginlab >"$work/calc.json" 2>"$work/calc.err"; then
        # 0.5 BTCUSDT long at 60,000, mark 59,000, 20x, isolated 1,500 (README, spec section 2.1):
        # LP = 28,500 / 0.498, MM = 118, margin ratio 118 / 1,000, bankruptcy 57,000
        expect "btc-long liquidationPrice" "$(field liquidationPrice "$work/calc.json")" 57228.91566265 0.000001
        expect "btc-long maintenanceMargin" "$(field maintenanceMargin "$work/calc.json")" 118 0
        expect "btc-long marginRatio" "$(field marginRatio "$work/calc.json")" 0.118 0
        expect "btc-long bankruptcyPrice" "$(field bankruptcyPrice "$work/calc.json")" 57000 0
    else
        bad "calc --json btc-long-isolated exited $?: $(head -c 300 "$work/calc.err")"
    fi
    if "$launcher" calc --json --add-margin btc-long=500 assets/samples/btc-long-isolated.marginlab >"$work/add.json" 2>"$work/add.err"; then
        expect "btc-long what-if +500 liquidationPrice" "$(field liquidationPrice "$work/add.json" whatIf)" 56224.90 0.005
    else
        bad "calc --json --add-margin exited $?: $(head -c 300 "$work/add.err")"
    fi
    if "$launcher" calc --json assets/samples/binance-faq-cross.marginlab >"$work/cross.json" 2>"$work/cross.err"; then
        # Binance's FAQ cross example: BTCUSDT liquidates at 26,316.89 (the FAQ's figure)
        expect "binance-faq-cross btc-long liquidationPrice" "$(field liquidationPrice "$work/cross.json")" 26316.89 0.005
    else
        bad "calc --json binance-faq-cross exited $?: $(head -c 300 "$work/cross.err")"
    fi
    # the PDF handout: OpenPDF linked into the image as a module (app/openpdf-module), and the CSV
    if "$launcher" export assets/samples/binance-faq-cross.marginlab --pdf "$work/handout.pdf" --csv "$work/positions.csv" \
            >"$work/export.out" 2>"$work/export.err" && [[ "$(head -c 5 "$work/handout.pdf")" == "%PDF-" ]] \
            && grep -q '^btc-long,BTCUSDT,long,cross,' "$work/positions.csv"; then
        ok "export --pdf --csv: $(($(stat -c %s "$work/handout.pdf") / 1024)) KB PDF, $(($(wc -l <"$work/positions.csv") - 1)) CSV rows"
    else
        bad "export --pdf --csv exited $?: $(head -c 300 "$work/export.err")"
    fi
    if "$launcher" --version >"$work/version.txt" 2>&1 && head -n 1 "$work/version.txt" | grep -q '^MarginLab [0-9]' \
            && grep -q '^Bundled tier tables (as of):' "$work/version.txt" && grep -q '^Built: ' "$work/version.txt"; then
        ok "--version: $(head -n 1 "$work/version.txt"), $(grep '^Built: ' "$work/version.txt")"
    else
        bad "--version printed: $(head -c 300 "$work/version.txt")"
    fi
}

# check_window LAUNCHER [ARGS...]: the window shows its first frame and then the whole main
# window, then the app exits by itself.
check_window() {
    local -a wrapper=()
    if [[ -z "${DISPLAY:-}" ]]; then wrapper=(xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp"); fi
    local status=0
    # a throwaway config and data folder (preferences, recent files, autosave)
    JAVA_TOOL_OPTIONS="-Dmarginlab.config.dir=$work/config -Dmarginlab.data.dir=$work/data" \
        MARGINLAB_STARTUP_REPORT=true MARGINLAB_STARTUP_EXIT=true timeout 180 "${wrapper[@]}" "$@" \
        >"$work/gui.out" 2>"$work/gui.err" </dev/null || status=$?
    local line ready
    line="$(grep -m 1 '^MARGINLAB_FIRST_FRAME_MS=' "$work/gui.out" || true)"
    ready="$(grep -m 1 '^MARGINLAB_READY_MS=' "$work/gui.out" || true)"
    if [[ -n "$line" && -n "$ready" && $status -eq 0 ]]; then
        ok "window ${*:2}: first frame ${line#*=} ms, whole window ${ready#*=} ms after start, exit 0"
    else
        bad "window ${*:2}: exit $status, first frame: ${line:-none}, whole window: ${ready:-none}; output:"
        tail -n 30 "$work/gui.out" "$work/gui.err" | sed 's/^/       /'
    fi
}

# check_locales JAVA: the runtime has the locale data of View → Number format (jdk.localedata);
# without it every format would print 1,234.56 and German "58.500" would read as 58.5
check_locales() {
    local available
    available="$("$1" -XshowSettings:locale -version 2>&1 | tr ',' '\n' | tr -d ' ' || true)"
    if grep -qx 'de_DE' <<<"$available" && grep -qx 'fr_FR' <<<"$available" && grep -qx 'de_CH' <<<"$available"; then
        ok "runtime $1: German, French and Swiss number formats present (jdk.localedata)"
    else
        bad "runtime $1: no German/French/Swiss locale data (jdk.localedata missing from the image)"
    fi
}

check_launcher() {
    check_cli "$1"
    echo "window: $1"
    check_window "$1"
    check_window "$1" "$PWD/assets/samples/binance-faq-cross.marginlab"
}

t_all=$SECONDS
echo "== jlink image $image"
[[ -x "$image/bin/marginlab" ]] || { echo "smoke-test.sh: no image at $image (mvn -B -DskipTests package)" >&2; exit 1; }
check_launcher "$image/bin/marginlab"
check_locales "$image/bin/java"

if $installers; then
    echo "== installers (app-image, .deb)"
    t=$SECONDS
    if bash installers/package.sh --image "$image" --types "app-image deb" >"$work/package.log" 2>&1; then
        ok "package.sh app-image deb ($((SECONDS - t)) s)"
        sed -n 's/^\(package.sh\|startup-cache.sh\): /       /p' "$work/package.log"
    else
        bad "package.sh failed:"; tail -n 40 "$work/package.log" | sed 's/^/       /'
        echo "smoke: $passed passed, $failed failed"; exit 1
    fi
    app_image=app/target/installers/marginlab
    echo "== app-image $app_image"
    check_launcher "$app_image/bin/marginlab"
    if [[ -f "$app_image/lib/app/marginlab.aot" ]]; then
        cache_check=(-XX:AOTMode=on); cache="AOT cache"
    else
        cache_check=(-Xshare:on); cache="CDS archive"
    fi
    if JAVA_TOOL_OPTIONS="${cache_check[*]}" "$app_image/bin/marginlab" --version >/dev/null 2>"$work/cache.err"; then
        ok "the launcher maps its $cache (${cache_check[*]})"
    else
        bad "the launcher cannot map its $cache: $(head -c 300 "$work/cache.err")"
    fi

    deb="$(ls app/target/installers/*.deb)"
    size=$(stat -c %s "$deb")
    if ((size <= 45 * 1024 * 1024)); then ok "$(basename "$deb"): $((size / 1024 / 1024)) MB (at most 45)"
    else bad "$(basename "$deb"): $((size / 1024 / 1024)) MB, over 45 MB"; fi

    echo "== .deb installed"
    SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    # jpackage's postinst registers the menu entry; xdg-desktop-menu needs these on minimal systems
    $SUDO mkdir -p /usr/share/applications /usr/share/desktop-directories
    install_deb() { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$PWD/$deb" </dev/null; }
    t=$SECONDS
    if install_deb >"$work/apt.log" 2>&1 || { $SUDO apt-get update -qq >>"$work/apt.log" 2>&1 && install_deb >>"$work/apt.log" 2>&1; }; then
        ok "apt-get install ./$(basename "$deb") ($((SECONDS - t)) s)"
        check_launcher /opt/marginlab/bin/marginlab
        if [[ -f /usr/share/applications/marginlab-marginlab.desktop ]] \
                && grep -q '^Exec=/opt/marginlab/bin/marginlab %f' /usr/share/applications/marginlab-marginlab.desktop; then
            ok "menu entry /usr/share/applications/marginlab-marginlab.desktop"
        else
            bad "no menu entry with Exec=/opt/marginlab/bin/marginlab %f"
        fi
        if $keep_installed; then
            echo "  (left installed: apt-get purge marginlab to remove it)"
        elif $SUDO env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq marginlab >"$work/remove.log" 2>&1 </dev/null \
                && [[ ! -e /opt/marginlab ]]; then
            ok "apt-get purge marginlab"
        else
            bad "apt-get purge marginlab: $(tail -n 5 "$work/remove.log")"
        fi
    else
        bad "apt-get install ./$(basename "$deb"):"; tail -n 20 "$work/apt.log" | sed 's/^/       /'
    fi
fi

echo "smoke-test.sh: done in $((SECONDS - t_all)) s"
echo "smoke: $passed passed, $failed failed"
((failed == 0))
