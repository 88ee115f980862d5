#!/usr/bin/env bash
# Renders Dateline's exports of the bundled gallery in the real clients, offline, and writes screenshots:
# TimelineJS (npm @knight-lab/timelinejs), Mirador 4 (npm mirador) and the static web gallery, in headless
# Chromium (Debian's chromium), served from 127.0.0.1 only. Needs npm and chromium; writes into OUT_DIR
# (default docs/screenshots). Usage: tools/render-export-clients.sh [OUT_DIR]
set -euo pipefail
out=$(realpath "${1:-docs/screenshots}")
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cli="$PWD/.venv/bin/gallery-cli"
port=8765
(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund @knight-lab/timelinejs mirador >/dev/null)
mkdir -p "$work/site" && cd "$work/site"
"$cli" export --format timelinejs -o story.json
"$cli" export --format iiif -o manifest.json --media-base "http://127.0.0.1:$port"
"$cli" export --format html -o web
ln -s ../node_modules nm
cat > timeline.html <<HTML
<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="nm/@knight-lab/timelinejs/dist/css/timeline.css">
<script src="nm/@knight-lab/timelinejs/dist/js/timeline.js"></script>
<style>html,body{margin:0;height:100%} #tl{width:100%;height:100%}</style></head>
<body><div id="tl"></div><script>new TL.Timeline('tl', 'story.json', {start_at_slide: 6});</script></body></html>
HTML
cat > mirador.html <<HTML
<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;height:100%}</style></head>
<body><div id="m" style="position:absolute;inset:0"></div><script src="nm/mirador/dist/mirador.min.js"></script>
<script>Mirador.viewer({id: 'm', windows: [{manifestId: 'http://127.0.0.1:$port/manifest.json',
  thumbnailNavigationPosition: 'far-bottom'}], window: {sideBarOpenByDefault: true, defaultSideBarPanel: 'info'}});</script>
</body></html>
HTML
python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1 &
server=$!
sleep 1
shot() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/profile" --virtual-time-budget=8000 \
    --window-size=1280,800 --screenshot="$out/$1" "http://127.0.0.1:$port/$2" 2>/dev/null
}
shot export-timelinejs.png timeline.html
shot export-mirador.png mirador.html
shot export-web.png web/index.html
echo "wrote $out/export-timelinejs.png, export-mirador.png, export-web.png"
