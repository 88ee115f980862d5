# SPDX-License-Identifier: GPL-3.0-or-later
"""The window's first frame waits for no library it does not draw with.

Pillow, the metadata readers, the check rules and the exporters each load on
first use (a thumbnail job, a scan, a check, an export), on a worker, not
while the window is being built.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import gallery_app.app
print(",".join(sorted(sys.modules)))
"""
LIBRARIES = ("PIL", "exiv2", "exifread", "defusedxml", "jsonschema", "rawpy", "pillow_heif")
OURS = (
    "gallery_app.core.imaging.decode",
    "gallery_app.core.store.thumbcache",
    "gallery_app.core.metadata.reader",
    "gallery_app.core.checks.run",
    "gallery_app.core.exports.writer",
    "gallery_app.qt.contact_sheet",
)


def test_importing_the_app_loads_no_image_library_reader_checker_or_exporter() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    loaded = set(done.stdout.strip().splitlines()[-1].split(","))
    roots = {name.split(".")[0] for name in loaded}
    assert not roots & set(LIBRARIES), sorted(roots & set(LIBRARIES))
    assert not loaded & set(OURS), sorted(loaded & set(OURS))
