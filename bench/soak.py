# SPDX-License-Identifier: GPL-3.0-or-later
"""Soak: a slideshow at 1 s over 5,000 generated photos while the user keeps changing things.

Builds the real app (``compose()``) in a temporary ``DATELINE_HOME``, opens a
folder of ``--photos`` generated JPEGs (each with its own date and caption in
EXIF), waits for the scan, starts the slideshow at 1 s a photo and then, for
``--minutes``, every ``--every`` seconds does one random thing a user does: a
new search text, a new date range, clearing the filter, resizing the main
window or the slideshow window; once, half-way, it touches 5 % of the files
and rescans the folder.  It reports:

- the longest GUI-thread stall after the warm-up (a 5 ms QTimer heartbeat:
  the longest gap between two beats);
- resident memory (RSS) sampled every 2 s: at the end of the warm-up (the
  first quarter of the run), at the end, and the least-squares slope after
  the warm-up in MB per minute (goal: flat, ~0);
- how many photos the slideshow showed and how many actions ran.

    python bench/soak.py --photos 5000 --minutes 5
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

WORDS = ("Tikrit", "Baghdad", "soldiers", "market", "river", "bridge", "night", "crowd")


def make_photos(folder: Path, count: int, seed: int) -> None:
    """``count`` small JPEGs with their own date, caption and colour (about 2 ms each)."""
    from PIL import Image

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    start = dt.datetime(2015, 3, 1, 8, 0)
    for i in range(count):
        sub = folder / f"{i // 500:02d}"
        sub.mkdir(exist_ok=True)
        taken = start + dt.timedelta(minutes=rng.randrange(60 * 24 * 60))
        exif = Image.Exif()
        exif[0x010E] = f"{rng.choice(WORDS)} and {rng.choice(WORDS)}, photo {i + 1}"
        exif[0x013B] = f"Photographer {i % 17}"
        exif.get_ifd(0x8769)[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        size = rng.choice(((640, 480), (480, 640), (800, 533)))
        Image.new("RGB", size, colour).save(sub / f"p{i:05d}.jpg", quality=70, exif=exif)


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def slope_per_minute(samples: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, MB) samples, in MB per minute."""
    if len(samples) < 2:
        return 0.0
    n = len(samples)
    mean_t = sum(t for t, _ in samples) / n
    mean_m = sum(m for _, m in samples) / n
    num = sum((t - mean_t) * (m - mean_m) for t, m in samples)
    den = sum((t - mean_t) ** 2 for t, _ in samples) or 1.0
    return num / den * 60


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=5000)
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--every", type=float, default=3.0, help="seconds between actions")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--folder", type=Path, help="reuse photos made by an earlier run")
    parser.add_argument("--keep", action="store_true", help="keep the photos and home for --folder")
    parser.add_argument(
        "--dump-stalls",
        type=float,
        metavar="S",
        help="print every thread's stack when the GUI thread stalls longer than S seconds",
    )
    args = parser.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="dateline-soak-"))
    os.environ["DATELINE_HOME"] = str(home / "home")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = args.folder or home / "photos"
    if not (folder / "00").is_dir():
        made = time.perf_counter()
        make_photos(folder, args.photos, args.seed)
        print(f"made {args.photos} photos in {time.perf_counter() - made:.1f} s", file=sys.stderr)
    try:
        return Soak(args, folder).run()
    finally:
        if args.keep:
            print(f"kept {home}", file=sys.stderr)
        else:
            shutil.rmtree(home, ignore_errors=True)


class Soak:
    """The run: set-up, the user's random actions, the measurements."""

    def __init__(self, args: argparse.Namespace, folder: Path) -> None:
        from PySide6.QtCore import QElapsedTimer
        from PySide6.QtWidgets import QApplication

        from gallery_app.app import compose

        self.args, self.folder = args, folder
        self.rng = random.Random(args.seed)
        self.app = QApplication(sys.argv[:1])
        self.parts = compose()
        self.window = self.parts.window
        self.window.resize(1280, 800)
        self.window.interval_override = 1
        self.clock = QElapsedTimer()
        self.clock.start()
        self.duration = args.minutes * 60
        self.warm_up = self.duration / 4
        self.beat_last, self.worst, self.worst_at = 0, 0, 0.0
        self.samples: list[tuple[float, float]] = []
        self.actions: dict[str, int] = {}
        self.shown = 0
        self.started_at: float | None = None
        self.rescanned = False
        self.finished = False

    def seconds(self) -> float:
        return self.clock.elapsed() / 1000 - (self.started_at or 0.0)

    def heartbeat(self) -> None:
        now = self.clock.elapsed()
        gap = now - self.beat_last
        self.beat_last = now
        if self.started_at is not None and self.seconds() > self.warm_up and gap > self.worst:
            self.worst, self.worst_at = gap, self.seconds()

    def sample(self) -> None:
        if self.started_at is not None:
            self.samples.append((self.seconds(), rss_mb()))

    def act(self) -> None:
        if self.started_at is None:
            return
        if self.seconds() >= self.duration:
            self.app.quit()
            return
        if not self.rescanned and self.seconds() >= self.duration / 2:
            self.rescan()
            return
        action = self.rng.choice(("search", "dates", "clear", "resize", "resize_show"))
        self.actions[action] = self.actions.get(action, 0) + 1
        state = self.parts.filter_state
        if action == "search":
            state.set_text(self.rng.choice(WORDS))
        elif action == "dates":
            first = dt.date(2015, 3, 1) + dt.timedelta(days=self.rng.randrange(50))
            state.set_date_range(first, first + dt.timedelta(days=self.rng.randrange(1, 12)))
        elif action == "clear":
            state.clear()
        elif action == "resize":
            self.window.resize(self.rng.randrange(900, 1600), self.rng.randrange(600, 1000))
        else:
            show = self.window.parts.slideshow_window
            show.resize(self.rng.randrange(640, 1920), self.rng.randrange(480, 1080))
        if not self.window.parts.slideshow_window.isVisible():
            self.window.start_slideshow(fullscreen=False)

    def rescan(self) -> None:
        self.rescanned = True
        self.actions["rescan"] = 1
        files = sorted(self.folder.rglob("*.jpg"))
        for path in self.rng.sample(files, max(1, len(files) // 20)):
            os.utime(path)
        self.window.open_path(self.folder)

    def start(self) -> None:
        if self.started_at is not None:
            return
        self.started_at = self.clock.elapsed() / 1000
        self.window.start_slideshow(fullscreen=False)

    def count_shown(self, *_args: object) -> None:
        self.shown += 1

    def watch_stalls(self, limit_s: float) -> None:
        """A thread that prints the GUI thread's stack while it has not beaten for ``limit_s``."""
        gui = threading.get_ident()

        def watch() -> None:
            while not self.finished:
                time.sleep(limit_s / 2)
                if self.clock.elapsed() - self.beat_last > limit_s * 1000:
                    frame = sys._current_frames().get(gui)
                    stack = "".join(traceback.format_stack(frame)) if frame else "?"
                    print(f"--- GUI thread stalled at {self.seconds():.0f} s:\n{stack}", flush=True)

        threading.Thread(target=watch, daemon=True).start()

    def run(self) -> int:
        from PySide6.QtCore import QTimer

        loader, controller = self.parts.loader, self.parts.slideshow
        loader.scan_finished.connect(lambda _sentence: self.start())
        controller.current_changed.connect(self.count_shown)
        timers = []
        for interval, slot in ((5, self.heartbeat), (2000, self.sample)):
            timer = QTimer()
            timer.setInterval(interval)
            timer.timeout.connect(slot)
            timer.start()
            timers.append(timer)
        action = QTimer()
        action.setInterval(int(self.args.every * 1000))
        action.timeout.connect(self.act)
        action.start()
        if self.args.dump_stalls:
            self.watch_stalls(self.args.dump_stalls)
        self.window.show()
        self.window.open_path(self.folder)
        QTimer.singleShot(int((self.duration + 600) * 1000), self.app.quit)
        wall = time.perf_counter()
        self.app.exec()
        self.finished = True
        self.parts.shut_down()
        self.report(time.perf_counter() - wall)
        return 0

    def report(self, wall: float) -> None:
        after = [(t, m) for t, m in self.samples if t >= self.warm_up]
        warm = after[0][1] if after else float("nan")
        end = self.samples[-1][1] if self.samples else float("nan")
        print(f"photos: {self.parts.window.parts.model.rowCount()}  wall: {wall:.0f} s")
        print(f"slideshow photos shown: {self.shown}; actions: {self.actions}")
        print(f"RSS after warm-up ({self.warm_up:.0f} s): {warm:.0f} MB; at the end: {end:.0f} MB")
        print(f"RSS slope after warm-up: {slope_per_minute(after):+.2f} MB/min")
        print(f"peak RSS sample: {max((m for _, m in self.samples), default=0):.0f} MB")
        print(f"longest GUI-thread stall after warm-up: {self.worst} ms (at {self.worst_at:.0f} s)")


if __name__ == "__main__":
    raise SystemExit(main())
