# SPDX-License-Identifier: GPL-3.0-or-later
"""Frame times of the story timeline while panning 100,000 photos.

Builds a :class:`StoryView` (offscreen unless QT_QPA_PLATFORM says otherwise)
1280×720, hands it N generated entries — 20 years of camera times in bursts,
5 % known only to the month, 3 % undated, a few conflicting weekdays — and
records:

* the layout: time from ``set_entries`` to ``story_ready`` (built on the
  worker pool) and the longest gap of a 5 ms GUI heartbeat meanwhile;
* frames while panning at four zooms (all, a month, a day, an hour): each frame
  is one scroll step (a twentieth of the width) and a synchronous repaint;
  median, 99th percentile and worst, in ms.

The machine's load average is printed with the figures: on a shared machine
it explains the worst frames.  Nothing asserts a time.

    .venv/bin/python bench/bench_timeline_pan.py --photos 100000 --frames 300
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from gallery_app.core.models import Entry, Precision, TakenAt
from gallery_app.core.story.ticks import Unit
from gallery_app.qt.loading.heap import settle
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.ui.timeline.story_view import StoryView

WARNING = "The caption says Sunday, but March 31, 2015 was a Tuesday."


def make_entries(count: int, seed: int = 7) -> list[Entry]:
    rnd = random.Random(seed)
    start = dt.datetime(2004, 1, 1)
    entries: list[Entry] = []
    moment = start
    for n in range(count):
        if rnd.random() < 0.02:  # a new outing
            moment = start + dt.timedelta(days=rnd.uniform(0, 20 * 365))
        moment += dt.timedelta(seconds=rnd.expovariate(1 / 90))
        roll = rnd.random()
        if roll < 0.03:
            taken = None
        elif roll < 0.08:
            taken = TakenAt(dt.datetime(moment.year, moment.month, 1), Precision.MONTH, "caption")
        elif roll < 0.081:
            taken = TakenAt(moment, Precision.DAY, "caption", uncertain=True)
        else:
            taken = TakenAt(moment, Precision.SECOND, "exif")
        warnings = (WARNING,) if taken is not None and taken.uncertain else ()
        entries.append(Entry(f"e{n}", n + 1, caption=f"Photo {n}", taken=taken, warnings=warnings))
    return entries


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def layout(view: StoryView, entries: list[Entry]) -> tuple[float, float]:
    """Seconds until the story is ready, and the longest GUI heartbeat gap (ms)."""
    loop = QEventLoop()
    view.story_ready.connect(loop.quit)
    clock = QElapsedTimer()
    gaps: list[float] = []
    last = [0.0]
    beat = QTimer()
    beat.setInterval(5)

    def on_beat() -> None:
        now = clock.nsecsElapsed() / 1e6
        gaps.append(now - last[0])
        last[0] = now

    beat.timeout.connect(on_beat)
    clock.start()
    beat.start()
    began = time.perf_counter()
    view.set_entries(entries)
    if view.is_pending():
        loop.exec()
    took = time.perf_counter() - began
    beat.stop()
    return took, max(gaps, default=took * 1000)


def pan(view: StoryView, frames: int) -> list[float]:
    step = view.plot_rect().width() / 20
    times: list[float] = []
    for k in range(frames):
        direction = 1 if (k // 100) % 2 == 0 else -1  # back and forth
        began = time.perf_counter()
        view.pan_by(direction * step)
        view.repaint()
        times.append((time.perf_counter() - began) * 1000)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=100_000)
    parser.add_argument("--frames", type=int, default=300)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    pool = QThreadPool()
    view = StoryView(FilterState(), pool)
    view.resize(1280, 720)
    view.show()
    entries = make_entries(args.photos)
    settle()  # as the app does with a scan's batches: the entries are not re-walked
    load_before = os.getloadavg()
    took, stall = layout(view, entries)
    story = view.story()
    print(f"{args.photos:,} photos ({len(story.items):,} dated, {len(story.undated):,} undated)")
    print(f"layout on the worker pool: {took:.2f} s; longest GUI heartbeat gap {stall:.1f} ms")
    print(f"{'zoom':<10} {'shows':<8} {'frames':>6} {'median':>8} {'p99':>8} {'worst':>8}  (ms)")
    zooms = (("all", None), ("month", Unit.MONTH), ("day", Unit.DAY), ("hour", Unit.HOUR))
    for name, unit in zooms:
        view.fit_all()
        view.set_current(story.items[len(story.items) // 2].entry)
        if unit is not None:
            view.zoom_to_unit(unit)
        shows = "cards" if view.frame().shows_cards else "columns"
        times = pan(view, args.frames)
        print(
            f"{name:<10} {shows:<8} {len(times):>6} {statistics.median(times):>8.2f} "
            f"{_percentile(times, 0.99):>8.2f} {max(times):>8.2f}"
        )
    load_after = os.getloadavg()
    before, after = load_before[0], load_after[0]
    print(f"load average before {before:.2f}, after {after:.2f} on {os.cpu_count()} cores")
    pool.waitForDone(10_000)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
