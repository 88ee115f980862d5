# SPDX-License-Identifier: GPL-3.0-or-later
"""Run as a program: read every file of a real corpus and load its folder tree.

``python -m tests.unit.hostile.corpus_scan FOLDER`` prints one line of counts:
``files=N read=N warned=N crashed=N listed=N thumbnails=N failed=N thumb_crashed=N``;
each crash (an exception out of ``read_metadata`` or ``load_gallery``, counted in
``crashed``, or out of ``ensure_thumbnail``, counted in ``thumb_crashed``: all
promise not to raise for a bad file) is printed above it.
"""

from __future__ import annotations

import sys
import traceback
import warnings
from pathlib import Path


def main(folder: Path) -> int:
    warnings.simplefilter("ignore")
    from gallery_app.core.loader import load_gallery
    from gallery_app.core.metadata.reader import read_metadata
    from gallery_app.core.store import thumbcache

    files = sorted(p for p in folder.rglob("*") if p.is_file())
    read = warned = crashed = 0
    for path in files:
        try:
            meta = read_metadata(path)
        except Exception:  # the promise is broken: report it, keep going
            crashed += 1
            print(f"CRASH {path}\n{traceback.format_exc()}")
            continue
        read += 1
        warned += bool(meta.warnings)
    try:
        entries = load_gallery(folder).entries
    except Exception:
        crashed += 1
        print(f"CRASH loading {folder}\n{traceback.format_exc()}")
        entries = ()
    made = failed = thumb_crashed = 0
    for entry in entries:
        if entry.image is None:
            continue
        try:
            result = thumbcache.ensure_thumbnail(entry.image, "normal")
        except Exception:
            thumb_crashed += 1
            print(f"CRASH thumbnail {entry.image}\n{traceback.format_exc()}")
            continue
        made += not result.failed
        failed += result.failed
    print(
        f"files={len(files)} read={read} warned={warned} crashed={crashed} "
        f"listed={len(entries)} thumbnails={made} failed={failed} thumb_crashed={thumb_crashed}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
