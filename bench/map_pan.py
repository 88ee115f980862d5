# SPDX-License-Identifier: GPL-3.0-or-later
"""Frame times of the map while panning and zooming over 100,000 geotagged photos.

Builds 100,000 entries with GPS positions (crowded around 300 towns, as real
collections are, plus a thin scatter over the land), gives them to the real
``MapMarks`` + ``MapView`` at 1280x800 offscreen and waits for the marks to be
placed (off the GUI thread).  Then, as a hand would:

- at each zoom level of ``--zooms``, pans ``--frames`` frames of 12 px;
- zooms in from the first to the last level of ``--zooms`` by wheel steps of
  a quarter level, and back out.

Each synchronous repaint is timed in wall time and in the GUI thread's own
CPU time (``time.thread_time``: what the GUI thread itself spent, which the
load of other processes inflates much less than wall time).  Between frames
the event loop runs for ``--gap`` ms (16 ms: a 60 Hz hand), so workers can
hand back cluster levels and basemap tiles as they would on screen.  A
frame's budget is 16 ms; the report gives the median, p99 and worst frame,
the load average before and after (the machine may be shared), and the
full garbage collections of Python that ran meanwhile (each stops every
thread, the GUI thread too, for as long as it walks the 100,000 photos' objects).

The basemap's tiles are drawn on the GUI thread between frames, in slices
of a few ms (never inside a frame, never while the wheel turns): the report
gives the slices' count, median and longest too, since a slice delays the
next frame's start by as much as it lasts (a frame plus the slice before it
must stay within 16 ms).

    .venv/bin/python bench/map_pan.py [--marks 100000] [--frames 120] [--zooms 2,4,6,9,12]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gallery_app.ui.map.view import MapView

BUDGET_MS = 16.0


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


class Collections:
    """Python's cyclic garbage collections while timing: a full one stops every thread."""

    def __init__(self) -> None:
        self.times: list[tuple[int, float]] = []
        self._start = 0.0
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.times.append((info["generation"], (time.perf_counter() - self._start) * 1000))

    def summary(self) -> str:
        full = [ms for generation, ms in self.times if generation == 2]
        longest = max(full, default=0.0)
        return f"{len(full)} full collections (the longest {longest:.0f} ms wall)"


class Slices:
    """Wall milliseconds of the basemap's tile slices run between frames."""

    def __init__(self) -> None:
        from gallery_app.ui.map.basemap_cache import BasemapCache

        self.wall: list[float] = []
        real = BasemapCache._render_slice

        def timed(cache: BasemapCache) -> None:
            start = time.perf_counter()
            real(cache)
            self.wall.append((time.perf_counter() - start) * 1000)

        BasemapCache._render_slice = timed  # type: ignore[method-assign]

    def summary(self) -> str:
        if not self.wall:
            return "no tile slices between frames"
        return (
            f"{len(self.wall)} tile slices between frames: median "
            f"{statistics.median(self.wall):.1f} ms, longest {max(self.wall):.1f} ms"
        )


class Frames:
    """Wall and GUI-thread CPU milliseconds of timed repaints."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def time(self, view: MapView) -> None:
        w0, c0 = time.perf_counter(), time.thread_time()
        view.repaint()
        self.cpu.append((time.thread_time() - c0) * 1000)
        self.wall.append((time.perf_counter() - w0) * 1000)

    def extend(self, other: Frames) -> None:
        self.wall += other.wall
        self.cpu += other.cpu

    def summary(self) -> str:
        over = sum(1 for f in self.wall if f > BUDGET_MS)
        return (
            f"wall median {statistics.median(self.wall):5.1f} p99 {_p99(self.wall):5.1f} "
            f"worst {max(self.wall):5.1f} ms ({over} over {BUDGET_MS:.0f} ms) | GUI-thread CPU "
            f"median {statistics.median(self.cpu):5.1f} p99 {_p99(self.cpu):5.1f} "
            f"worst {max(self.cpu):5.1f} ms"
        )


def pan_at(
    view: MapView, x: float, y: float, zoom: float, frames: int, gap: int, warm: int
) -> Frames:
    """Pan ``frames`` frames of 12 px at ``zoom`` around world point (x, y)."""
    from gallery_app.core.geo.viewport import Viewport

    view.set_viewport(Viewport(cx=x, cy=y, zoom=zoom, width=1280, height=800))
    view.repaint()  # asks for the cluster level and the basemap
    settle(warm)  # a hand arriving at a level pauses a moment
    out = Frames()
    for k in range(frames):
        direction = 1 if (k // 40) % 2 == 0 else -1
        view.set_viewport(view.viewport.panned(12 * direction, 5 * direction))
        out.time(view)
        settle(gap)
    print(f"pan  zoom {zoom:>4}: {len(view.hits):>4} shapes; {out.summary()}")
    return out


def zoom_through(view: MapView, x: float, y: float, z0: float, z1: float, gap: int) -> Frames:
    """Wheel steps of a quarter level from ``z0`` to ``z1`` and back, centred on (x, y)."""
    from gallery_app.core.geo.viewport import Viewport

    view.set_viewport(Viewport(cx=x, cy=y, zoom=z0, width=1280, height=800))
    view.repaint()
    settle(300)
    out = Frames()
    steps = round((z1 - z0) * 4)
    for k in range(2 * steps):
        view.set_viewport(view.viewport.zoomed(0.25 if k < steps else -0.25, 700, 380))
        out.time(view)
        settle(gap)
    print(f"zoom {z0:>4} -> {z1:>4} and back ({2 * steps} steps): {out.summary()}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--marks", type=int, default=100_000)
    parser.add_argument("--frames", type=int, default=120, help="pan frames per zoom level")
    parser.add_argument("--zooms", default="2,4,6,9,12")
    parser.add_argument("--gap", type=int, default=16, help="ms of event loop between frames")
    parser.add_argument("--warm", type=int, default=500, help="ms of pause on arriving at a level")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from gallery_app.core.geo.projection import project
    from gallery_app.qt.models.filter_state import FilterState
    from gallery_app.qt.models.map_marks import MapMarks
    from gallery_app.ui.map.view import MapView

    print(f"load average before: {_load()}")
    app = QApplication(sys.argv[:1])
    pool = QThreadPool()
    pool.setMaxThreadCount(1)  # as the app's map pool
    state = FilterState()
    marks = MapMarks(state, pool)
    slices = Slices()  # before the view: its timer is wired to the slice when it is built
    view = MapView(state, marks)
    view.resize(1280, 800)
    view.show()
    entries = make_entries(args.marks)
    start = time.perf_counter()
    marks.set_entries(entries)
    if not marks.layer.count:
        wait_for(marks.layer_changed)
    print(f"{args.marks:,} marks placed in {time.perf_counter() - start:.2f} s (on a worker)")
    x, y = project(entries[1].location.lon, entries[1].location.lat)  # type: ignore[attr-defined]
    zooms = [float(z) for z in args.zooms.split(",")]
    collections = Collections()
    slices.wall.clear()  # only those run while timing
    every = Frames()
    for zoom in zooms:
        every.extend(pan_at(view, x, y, zoom, args.frames, args.gap, args.warm))
    every.extend(zoom_through(view, x, y, zooms[0], zooms[-1], args.gap))
    print(f"all {len(every.wall)} frames, {args.marks:,} marks: {every.summary()}")
    print(f"Python GC while timing: {collections.summary()}")
    print(f"GUI thread between frames: {slices.summary()}")
    print(f"load average after: {_load()}")
    pool.waitForDone()
    del app
    return 0


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


if __name__ == "__main__":
    sys.exit(main())
