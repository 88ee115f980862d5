#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Build the one-folder bundle dist/dateline (PyInstaller, packaging/dateline.spec),
# then smoke-test it offscreen: the CLI lists the bundled gallery, the GUI writes a
# screenshot.  Usage: packaging/build_bundle.sh [--no-build]   (env PYTHON overrides
# the interpreter, default .venv/bin/python).  Exit 0 only if the build and every
# smoke test pass.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PY=${PYTHON:-$ROOT/.venv/bin/python}
DIST=$ROOT/dist/dateline
cd "$ROOT"

if [[ "${1:-}" != "--no-build" ]]; then
    if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
        echo "== installing PyInstaller into $("$PY" -c 'import sys; print(sys.prefix)')"
        "$PY" -m pip install --quiet --require-hashes -r packaging/bundle-requirements.lock
    fi
    echo "== building $DIST"
    "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" packaging/dateline.spec
fi

echo "== bundle size: $(du -sh "$DIST" | cut -f1)  ($(find "$DIST" -type f | wc -l) files)"

# --- smoke test, offscreen, in a throw-away home ---------------------------------
SMOKE=$(mktemp -d)
trap 'rm -rf "$SMOKE"' EXIT
export QT_QPA_PLATFORM=offscreen DATELINE_HOME=$SMOKE/home HOME=$SMOKE
failures=0

check() {  # check NAME COMMAND...  -- run, show the tail of its output, count failures
    local name=$1; shift
    if out=$(timeout 120 "$@" 2>&1); then
        echo "ok    $name"
    else
        echo "FAIL  $name (exit $?): $*"
        failures=$((failures + 1))
    fi
    printf '%s\n' "$out" | tail -n 5 | sed 's/^/      | /'
}

check "CLI --version" "$DIST/dateline-cli" --version
check "CLI list (bundled gallery)" "$DIST/dateline-cli" list
check "icons bundled" test -f "$DIST/_internal/gallery_app/resources/icons/hicolor/256x256/apps/org.dateline.Dateline.png"
check "GUI --screenshot" "$DIST/dateline" --screenshot "$SMOKE/shot.png"
check "screenshot written" test -s "$SMOKE/shot.png"

if ((failures)); then
    echo "== smoke test: $failures failure(s); see above (the GUI's --screenshot or the"
    echo "   bundled gallery may not exist yet)."
    exit 1
fi
echo "== smoke test passed"
