#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Packaging checks for CI (called by `make test`):
#   1. packaging/*.desktop and *.metainfo.xml match gallery_app/desktop/integration.py;
#   2. the desktop entry passes desktop-file-validate, the metainfo appstreamcli;
#   3. the wheel carries the bundled gallery, the icons and the desktop code.
# Missing validators are installed with apt-get when running as root; otherwise they
# are skipped with a notice (set DATELINE_CHECK_STRICT=1 to make that a failure).
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PY=${PYTHON:-$ROOT/.venv/bin/python}
APP_ID=org.dateline.Dateline
cd "$ROOT"
failures=0
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }
pass() { echo "ok    $*"; }

ensure_tool() {  # ensure_tool TOOL DEBIAN-PACKAGE -> 0 if TOOL can run
    command -v "$1" >/dev/null 2>&1 && return 0
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "..    installing $2 for $1"
        { apt-get install -y -qq "$2" || { apt-get update -qq && apt-get install -y -qq "$2"; }; } \
            >/dev/null 2>&1
    fi
    command -v "$1" >/dev/null 2>&1 && return 0
    if [[ ${DATELINE_CHECK_STRICT:-0} == 1 ]]; then
        fail "$1 is missing (apt-get install $2)"
    else
        echo "skip  $1 is missing (apt-get install $2); its check did not run"
    fi
    return 1
}

# 1. the checked-in texts are the ones the app installs
if "$PY" packaging/write_desktop_files.py --check; then
    pass "packaging texts match gallery_app/desktop/integration.py"
else
    fail "packaging texts are stale"
fi

# 2. validators
if ensure_tool desktop-file-validate desktop-file-utils; then
    if out=$(desktop-file-validate "packaging/$APP_ID.desktop" 2>&1) && [[ -z $out ]]; then
        pass "desktop-file-validate packaging/$APP_ID.desktop"
    else
        fail "desktop-file-validate packaging/$APP_ID.desktop"; echo "$out"
    fi
fi
if ensure_tool appstreamcli appstream; then
    if out=$(appstreamcli validate --no-net "packaging/$APP_ID.metainfo.xml" 2>&1); then
        pass "appstreamcli validate --no-net packaging/$APP_ID.metainfo.xml"
    else
        fail "appstreamcli validate packaging/$APP_ID.metainfo.xml"; echo "$out"
    fi
fi

# 3. the wheel
WHEELDIR=$(mktemp -d)
trap 'rm -rf "$WHEELDIR"' EXIT
if ! "$PY" -m pip wheel --quiet --no-deps --no-build-isolation -w "$WHEELDIR" . >"$WHEELDIR/log" 2>&1; then
    fail "pip wheel could not build the wheel"; tail -n 20 "$WHEELDIR/log"
elif "$PY" - "$WHEELDIR"/*.whl <<'PYCHECK'
import sys
import zipfile

APP_ID = "org.dateline.Dateline"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
REQUIRED = {
    "gallery_app/resources/galleries/fighting-in-iraq/gallery.json": "the bundled gallery",
    "gallery_app/resources/basemap/basemap.json.gz": "the map's offline basemap",
    f"gallery_app/resources/icons/hicolor/scalable/apps/{APP_ID}.svg": "the scalable icon",
    **{
        f"gallery_app/resources/icons/hicolor/{n}x{n}/apps/{APP_ID}.png": f"the {n} px icon"
        for n in SIZES
    },
    "gallery_app/desktop/integration.py": "--install-desktop",
    "gallery_app/qt/single_instance.py": "the single-instance socket",
}
wheel = sys.argv[1]
names = set(zipfile.ZipFile(wheel).namelist())
missing = [(path, why) for path, why in REQUIRED.items() if path not in names]
for path, why in missing:
    print(f"      missing from the wheel: {path} ({why})")
print(f"      {wheel.rsplit('/', 1)[-1]}: {len(names)} files, {len(REQUIRED) - len(missing)}"
      f"/{len(REQUIRED)} required present")
sys.exit(1 if missing else 0)
PYCHECK
then
    pass "the wheel carries the gallery, the icons and the desktop code"
else
    fail "the wheel lacks required files (listed above)"
fi

if ((failures)); then
    echo "packaging/check.sh: $failures check(s) failed"
    exit 1
fi
echo "packaging/check.sh: all checks passed"
