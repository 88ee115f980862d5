#!/usr/bin/env bash
# Installs the system tools the test suite drives when they are missing (Debian, as root):
# Xvfb + xdotool for the end-to-end tests, the X/xcb libraries Qt's xcb platform needs,
# desktop-file-utils and appstream for the packaging checks, exiftool for the metadata comparison.
set -euo pipefail
need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
command -v appstreamcli >/dev/null || need+=(appstream)
# Qt's xcb platform plugin (for the real-window tests) needs these client libraries.
for lib in libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
           libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libegl1 libgl1 libfontconfig1 libdbus-1-3; do
  dpkg -s "$lib" >/dev/null 2>&1 || need+=("$lib")
done
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "ensure-test-deps: missing ${need[*]}; install them (the e2e and packaging tests will skip)." >&2
  exit 0
fi
echo "ensure-test-deps: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null || true
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
  || echo "ensure-test-deps: apt-get could not install ${need[*]}; dependent tests will skip." >&2
