# SPDX-License-Identifier: GPL-3.0-or-later
"""Frame times of the map while panning and zooming over 100,000 geotagged photos.

Builds 100,000 entries with GPS positions (crowded around 300 towns, as real
collections are, plus a thin scatter over the land), gives them to the real
``MapMarks`` + ``MapView`` at 1280x800 offscreen, waits for the marks to be
placed (off the GUI thread), then at each zoom level pans ``--frames``
frames of 12 px and times each synchronous repaint.  A frame's budget is
16 ms; the goal is no frame over it once a level's clusters are built.
The first frame at a new zoom level shows the nearest built level while a
worker builds the new one: that build is timed separately ("level build").
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gallery_app.qt.models.map_marks import MapMarks
    from gallery_app.ui.map.view import MapView


def make_entries(count: int, seed: int = 14) -> list[object]:
    from gallery_app.core.models import Entry, Location

    rng = random.Random(seed)
    towns = [(rng.uniform(-120, 140), rng.uniform(-40, 60)) for _ in range(300)]
    entries = []
    for k in range(count):
        if k % 10 == 0:
            lon, lat = rng.uniform(-180, 180), rng.uniform(-60, 75)
        else:
            tlon, tlat = towns[k % len(towns)]
            lon, lat = tlon + rng.gauss(0, 0.05), tlat + rng.gauss(0, 0.05)
        loc = Location(lat=lat, lon=lon, source="EXIF GPS")
        entries.append(Entry(id=f"p{k}", position=k + 1, location=loc))
    return entries


def settle(ms: int) -> None:
    """Run the event loop for ``ms`` (a benchmark may; the app never does)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(signal: object, timeout_ms: int = 120_000) -> float:
    """Seconds until ``signal`` fires (or the timeout)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    start = time.perf_counter()
    loop.exec()
    return time.perf_counter() - start


def pan_at(
    view: MapView, marks: MapMarks, x: float, y: float, zoom: float, frames: int
) -> list[float]:
    """Pan ``frames`` frames at ``zoom`` around world point (x, y); print and return the times."""
    from gallery_app.core.geo.viewport import Viewport

    view.set_viewport(Viewport(cx=x, cy=y, zoom=zoom, width=1280, height=800))
    t0 = time.perf_counter()
    view.repaint()  # asks for the level and the basemap picture
    first = (time.perf_counter() - t0) * 1000
    level_ms = 0.0
    if marks.layer.index.cached(view.viewport.level) is None:
        level_ms = wait_for(marks.level_ready) * 1000
    settle(300)  # the basemap picture arrives
    times = []
    for k in range(frames):
        direction = 1 if (k // 40) % 2 == 0 else -1
        view.set_viewport(view.viewport.panned(12 * direction, 5 * direction))
        t0 = time.perf_counter()
        view.repaint()
        times.append((time.perf_counter() - t0) * 1000)
        settle(1)  # the event loop runs between frames, as it does on screen
    print(
        f"zoom {zoom:>4}: {len(view.hits):>4} marks/clusters drawn; frame median "
        f"{statistics.median(times):5.1f} ms, p95 {_p95(times):5.1f} ms, "
        f"max {max(times):5.1f} ms; first frame {first:5.1f} ms; "
        f"level build {level_ms:6.0f} ms (worker)"
    )
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--marks", type=int, default=100_000)
    parser.add_argument("--frames", type=int, default=120)
    parser.add_argument("--zooms", default="2,4,6,9,12")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from gallery_app.core.geo.projection import project
    from gallery_app.qt.models.filter_state import FilterState
    from gallery_app.qt.models.map_marks import MapMarks
    from gallery_app.ui.map.view import MapView

    app = QApplication(sys.argv[:1])
    pool = QThreadPool()
    state = FilterState()
    marks = MapMarks(state, pool)
    view = MapView(state, marks)
    view.resize(1280, 800)
    view.show()
    entries = make_entries(args.marks)
    start = time.perf_counter()
    marks.set_entries(entries)
    if not marks.layer.count:
        wait_for(marks.layer_changed)
    took = time.perf_counter() - start
    print(f"{args.marks:,} marks placed in {took:.2f} s (off the GUI thread)")
    x, y = project(entries[1].location.lon, entries[1].location.lat)  # type: ignore[attr-defined]
    times: list[float] = []
    for zoom in (float(z) for z in args.zooms.split(",")):
        times += pan_at(view, marks, x, y, zoom, args.frames)
    over = sum(1 for f in times if f > 16.0)
    print(f"all {len(times)} frames: max {max(times):.1f} ms, {over} over 16 ms")
    pool.waitForDone()
    del app
    return 0


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


if __name__ == "__main__":
    sys.exit(main())
