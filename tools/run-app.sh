#!/usr/bin/env bash
# Starts Dateline on the bundled gallery. On a machine with no display (a server, a container, CI),
# it runs the app on a virtual X display (Xvfb, installed when missing) so it still starts and works.
set -euo pipefail
app=".venv/bin/gallery-app"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" != Linux ]; then
  exec "$app" --bundled "$@"
fi
./tools/ensure-test-deps.sh
echo "make run: no display found, so Dateline runs on a virtual X display (Xvfb)." >&2
echo "          Take a look with: .venv/bin/gallery-app --screenshot grid.png   (Ctrl+C stops it)" >&2
exec xvfb-run -a -s "-screen 0 1600x1000x24" "$app" --bundled "$@"
