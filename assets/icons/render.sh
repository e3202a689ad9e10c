#!/usr/bin/env bash
# Renders the MarginLab icon from its SVG masters into every size the OSes and the app need.
#   marginlab.svg        master, used for 48 px and up
#   marginlab-small.svg  simplified master (bigger gauge, thicker strokes), used for 16-32 px
# Output (committed, small): marginlab-<N>.png, marginlab.ico (Windows: 16-256), marginlab.icns
# (macOS: 16-512). Needs: librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns):
#   apt-get install -y --no-install-recommends librsvg2-bin imagemagick icnsutils
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

for size in 16 24 32 48 64 128 256 512; do
    master=marginlab.svg
    if ((size <= 32)); then master=marginlab-small.svg; fi
    rsvg-convert --width "$size" --height "$size" "$master" --output "marginlab-$size.png"
done
# strip ancillary chunks (timestamps) so a re-render of unchanged masters changes no file
for f in marginlab-*.png; do convert "$f" -strip "PNG32:$f"; done

convert marginlab-16.png marginlab-24.png marginlab-32.png marginlab-48.png marginlab-64.png \
    marginlab-128.png marginlab-256.png marginlab.ico
png2icns marginlab.icns marginlab-16.png marginlab-32.png marginlab-48.png marginlab-128.png \
    marginlab-256.png marginlab-512.png >/dev/null
ls -l marginlab-*.png marginlab.ico marginlab.icns
