#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerate the README screenshots: every view of the bundled gallery, light and dark,
# 1280x800, photo 4 selected; and the edit panel beside photo 6, before and after its date
# conflict is resolved.  Runs offscreen with a throw-away settings folder, so the
# pictures never depend on this machine's window layout or desktop theme.
#   tools/make-screenshots.sh [OUT_DIR]    (default: docs/screenshots)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-"$root/docs/screenshots"}
app=${GALLERY_APP:-"$root/.venv/bin/gallery-app"}
cli=${GALLERY_CLI:-"$root/.venv/bin/gallery-cli"}
home=$(mktemp -d)
resolved=$(mktemp -d)  # a second home where photo 6's date conflict is resolved
trap 'rm -rf "$home" "$resolved"' EXIT
DATELINE_HOME="$resolved" "$cli" edit --entry 06 --resolve weekday \
    --note "Weekday says Sunday; the AP's own archive dates it March 29" >/dev/null 2>&1
mkdir -p "$out"
for palette in light dark; do
    for view in grid photo slideshow timeline article map checks; do
        DATELINE_HOME="$home" QT_QPA_PLATFORM=offscreen "$app" --bundled \
            --palette "$palette" --view "$view" --select 4 --size 1280x800 \
            --screenshot "$out/$view-$palette.png"
        echo "$out/$view-$palette.png"
    done
    # the edit panel beside photo 6 (its date conflict offers Resolve…), then resolved
    for shot in edit resolved; do
        shot_home=$home
        [ "$shot" = resolved ] && shot_home=$resolved
        DATELINE_HOME="$shot_home" QT_QPA_PLATFORM=offscreen "$app" --bundled \
            --palette "$palette" --view edit --select 6 --size 1280x800 \
            --screenshot "$out/$shot-$palette.png"
        echo "$out/$shot-$palette.png"
    done
done
# The file details tab needs real photo files (the bundled gallery has none):
# DETAILS_FOLDER=~/Pictures/phone tools/make-screenshots.sh
if [ -n "${DETAILS_FOLDER:-}" ]; then
    for palette in light dark; do
        DATELINE_HOME="$home" QT_QPA_PLATFORM=offscreen "$app" "$DETAILS_FOLDER" \
            --palette "$palette" --view details --select 2 --size 1280x800 \
            --screenshot "$out/details-$palette.png"
        echo "$out/details-$palette.png"
    done
fi
# A video's card ("Video · 1:34") beside its file details (frame size, length):
# VIDEO_FOLDER=~/Videos/clips VIDEO_SELECT=5 tools/make-screenshots.sh
if [ -n "${VIDEO_FOLDER:-}" ]; then
    for palette in light dark; do
        DATELINE_HOME="$home" QT_QPA_PLATFORM=offscreen "$app" "$VIDEO_FOLDER" \
            --palette "$palette" --view details --select "${VIDEO_SELECT:-1}" --size 1280x800 \
            --screenshot "$out/video-details-$palette.png"
        echo "$out/video-details-$palette.png"
    done
fi
# The filter's Files choice ("Photos and RAW": videos and unreadable files hidden, said in the status
# bar) over a folder of photos, videos and RAWs, and the photo view's zoom level over a folder whose
# photos have no caption (their names show instead):
# FILES_FOLDER=~/Pictures/mixed WALLPAPER_FOLDER=/usr/share/wallpapers tools/make-screenshots.sh
if [ -n "${FILES_FOLDER:-}" ]; then
    files_home=$(mktemp -d)
    mkdir -p "$files_home/config"
    printf '[filter]\nhidden_types=video,other\n' > "$files_home/config/dateline.ini"
    for palette in light dark; do
        DATELINE_HOME="$files_home" QT_QPA_PLATFORM=offscreen "$app" "$FILES_FOLDER" \
            --palette "$palette" --view grid --size 1280x800 --screenshot "$out/files-$palette.png"
        echo "$out/files-$palette.png"
    done
    rm -rf "$files_home"
fi
if [ -n "${WALLPAPER_FOLDER:-}" ]; then
    for palette in light dark; do
        DATELINE_HOME="$home" QT_QPA_PLATFORM=offscreen "$app" "$WALLPAPER_FOLDER" \
            --palette "$palette" --view photo --select 5 --size 1280x800 \
            --screenshot "$out/wallpaper-photo-$palette.png"
        echo "$out/wallpaper-photo-$palette.png"
    done
fi
