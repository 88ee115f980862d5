# SPDX-License-Identifier: GPL-3.0-or-later
"""``gallery-cli --help`` answers at once: it loads none of the readers or image libraries."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("PIL", "exiv2", "exifread", "defusedxml", "jsonschema", "PySide6", "multiprocessing")
PROBE = """
import sys
from gallery_app.cli.main import main
try:
    main(["--help"])
except SystemExit:
    pass
print(",".join(sorted({m.split(".")[0] for m in sys.modules})))
"""


def test_help_imports_no_pillow_and_no_reader() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    loaded = set(done.stdout.strip().splitlines()[-1].split(","))
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_the_thumbnail_sizes_offered_are_the_cache_sizes() -> None:
    from gallery_app.cli.thumbnails import SIZE_CHOICES
    from gallery_app.core.store.thumbcache import SIZES

    assert tuple(SIZES) == SIZE_CHOICES
