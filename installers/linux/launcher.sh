#!/bin/bash
# MarginLab's Linux launcher: installers/package.sh puts this in place of jpackage's native
# launcher in the app-image (bin/marginlab), so the .deb and .rpm install it too.
#
# Why: jpackage's Linux launcher asks rpm and dpkg which package owns it (`rpm -qf`, `dpkg -S`)
# at every start, twice; that costs about 150 ms before the JVM even starts, more on a machine
# with many packages. This script starts the same JVM with the same options: it reads the
# app-image's launcher configuration, lib/app/marginlab.cfg (the main module and every
# java-options line, with $APPDIR standing for lib/app, as jpackage's launcher does), so the
# start-up cache's option (-XX:AOTCache=$APPDIR/marginlab.aot on JDK 25) applies here as well.
# The window's WM_CLASS comes from the application class, not from the launcher, so the menu
# entry's StartupWMClass still matches.
set -e
app_root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
app_dir="$app_root/lib/app"
cfg="$app_dir/marginlab.cfg"
main_module=""
options=()
while IFS= read -r line || [[ -n "$line" ]]; do
    case "$line" in
        app.mainmodule=*) main_module="${line#app.mainmodule=}" ;;
        java-options=*) option="${line#java-options=}"; options+=("${option//\$APPDIR/$app_dir}") ;;
    esac
done <"$cfg"
if [[ -z "$main_module" ]]; then
    echo "marginlab: no app.mainmodule in $cfg; the installation is damaged, reinstall MarginLab" >&2
    exit 1
fi
exec -a marginlab "$app_root/lib/runtime/bin/java" "${options[@]}" -m "$main_module" "$@"
