# SPDX-License-Identifier: GPL-3.0-or-later
"""A rescan's batches taken in by the real window, timed per turn of the event loop.

The soak test found the window frozen for up to 26 s after a rescan, inside
``PhotoModel.merge_entries``.  This reproduces that path in seconds, without
photo files: the real app (``compose()``, offscreen) shows the folder emptied
for the rescan, a search text on screen (``--filter``), and the real
``FolderScanner`` is handed PHOTOS entries in batches of 200 (as the core
sends them, all at once: the worst case), which it takes in a slice per turn.
It prints the longest, 99th-percentile and median turn spent taking a slice
in, and the 5 ms heartbeat's longest gap.  Time each side in one run::

    .venv/bin/python bench/rescan_stall.py --photos 5000
    (cd /tmp && PYTHONPATH=/path/to/old/checkout python /path/to/bench/rescan_stall.py)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=5000)
    parser.add_argument("--filter", default="harbour", help="search text on screen ('' for none)")
    args = parser.parse_args(argv)
    os.environ["DATELINE_HOME"] = tempfile.mkdtemp(prefix="dateline-rescan-")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from gallery_app.app import compose
    from gallery_app.core.models import Entry, Gallery, Precision, TakenAt

    rng, folder = random.Random(3), Path(tempfile.gettempdir()) / "dateline-rescan"
    start = dt.datetime(2015, 3, 1)
    entries = [
        Entry(
            id=str(folder / f"p{n:05}.jpg"),
            position=n,
            image=folder / f"p{n:05}.jpg",
            caption=f"photo {n} of the harbour",
            taken=TakenAt(
                start + dt.timedelta(minutes=rng.randrange(86_400)), Precision.SECOND, "exif"
            ),
        )
        for n in range(args.photos)
    ]
    app = QApplication(sys.argv[:1])
    parts = compose()
    window = parts.window
    window.resize(1280, 800)
    window.show()
    window.show_gallery(Gallery(title="rescan", entries=(), id=str(folder), source=folder))
    if args.filter:
        parts.filter_state.set_text(args.filter)
    scanner = parts.loader._scanner  # the bench drives the real scanner
    clock, gaps, last = QElapsedTimer(), [0], [0]
    clock.start()

    def beat() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    turns: list[float] = []
    take = scanner._take_slice

    def timed_take() -> None:
        began = time.perf_counter()
        take()
        turns.append(time.perf_counter() - began)
        if not scanner._queue:
            QTimer.singleShot(300, app.quit)

    scanner._drain.timeout.disconnect()
    scanner._drain.timeout.connect(timed_take)
    parts.loader._scanning = scanner._running = True
    heart = QTimer()
    heart.setInterval(5)
    heart.timeout.connect(beat)
    heart.start()
    last[0] = clock.elapsed()
    wall = time.perf_counter()
    for first in range(0, args.photos, 200):
        scanner._on_batch(scanner._scan_id, entries[first : first + 200])
    app.exec()
    wall = time.perf_counter() - wall
    parts.shut_down()
    ms = sorted(t * 1000 for t in turns) or [0.0]
    print(f"{window.parts.model.rowCount()} photos taken in over {len(turns)} turns, {wall:.1f} s")
    print(
        f"turn taking a slice in: longest {ms[-1]:.1f} ms, 99th percentile "
        f"{ms[int(len(ms) * 0.99)]:.1f} ms, median {ms[len(ms) // 2]:.1f} ms"
    )
    print(f"longest heartbeat gap: {max(gaps)} ms (5 ms beat; the machine's load counts here)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
