# SPDX-License-Identifier: GPL-3.0-or-later
"""Run as a program: build the hostile corpus, read, list and thumbnail all of it, and
print the process's peak resident memory in MiB as the last line.

A fresh process is the only honest place to measure a peak: in the test run the
high-water mark is whatever an earlier test left.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import warnings
from pathlib import Path


def main() -> int:
    warnings.simplefilter("ignore")  # Pillow's advisory warnings; the app logs them
    from gallery_app.core.loader import load_gallery
    from gallery_app.core.metadata.reader import read_metadata
    from gallery_app.core.store import thumbcache
    from tests.unit.hostile import corpus

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for kind in corpus.FILE_KINDS:
            case = corpus.build(kind, root)
            read_metadata(case.path)
            thumbcache.ensure_thumbnail(case.path, "normal")
            load_gallery(root / kind)
    print(f"{_peak_mib():.0f}")
    return 0


def _peak_mib() -> float:
    """This process's peak resident memory: VmHWM, which starts afresh at exec.

    ``ru_maxrss`` is no good here: Linux carries it over from the parent
    through fork and exec, so the child would report the test runner's size.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    sys.exit(main())
