#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerate the README screenshots: every view of the bundled gallery, light and dark,
# 1280x800, photo 4 selected.  Runs offscreen with a throw-away settings folder, so the
# pictures never depend on this machine's window layout or desktop theme.
#   tools/make-screenshots.sh [OUT_DIR]    (default: docs/screenshots)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-"$root/docs/screenshots"}
app=${GALLERY_APP:-"$root/.venv/bin/gallery-app"}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$out"
for palette in light dark; do
    for view in grid photo slideshow timeline article checks; do
        DATELINE_HOME="$home" QT_QPA_PLATFORM=offscreen "$app" --bundled \
            --palette "$palette" --view "$view" --select 4 --size 1280x800 \
            --screenshot "$out/$view-$palette.png"
        echo "$out/$view-$palette.png"
    done
done
