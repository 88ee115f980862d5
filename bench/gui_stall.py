# SPDX-License-Identifier: GPL-3.0-or-later
"""The GUI thread while a 10,000-file folder is scanned and thumbnailed.

Builds the real app (``compose()``) with empty caches in a temporary
``DATELINE_HOME``, shows the window, then opens FOLDER.  A 5 ms QTimer
heartbeat records the longest gap between beats and their 99th percentile
(goal ≤ 16 ms, one frame), and how much CPU the GUI thread itself used within
each gap (``time.thread_time``: on a loaded machine a long gap with little
CPU in it is the process waiting for a core or the interpreter lock, not
work done on the GUI thread) and, per stall listed (``--gaps``), the CPU of
the process's other threads meanwhile (they share the interpreter lock);
``--turns`` names the GUI-thread handlers that spent each stall's CPU,
``--profile`` writes a cProfile of the GUI thread only; the first
screen counts as shown when every visible grid cell has a picture (an
embedded preview or the thumbnail; goal ≤ 0.5 s after the window appears);
after the scan, the grid is paged down ``--pages`` times, each page waited
for, to keep thumbnailing; peak RSS is read at the end (goal ≤ 400 MB).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import resource
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--warm", action="store_true", help="keep DATELINE_HOME from a prior run")
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument(
        "--gaps", type=int, metavar="MS", help="also list every stall longer than MS ms"
    )
    parser.add_argument(
        "--turns",
        action="store_true",
        help="with --gaps: name the GUI-thread handlers that spent the CPU of each stall "
        "(a profile hook on the GUI thread: slower, for finding, not for figures)",
    )
    parser.add_argument(
        "--switch-ms",
        type=float,
        metavar="MS",
        help="set sys.setswitchinterval after the app is built (to compare; default: the app's)",
    )
    parser.add_argument(
        "--profile", type=Path, metavar="FILE", help="cProfile of the GUI thread only (CPU time)"
    )
    args = parser.parse_args(argv)
    from bytecode import ensure_bytecode  # bench/ is the script's folder, first on sys.path

    print(ensure_bytecode())
    home = args.home or Path(tempfile.mkdtemp(prefix="dateline-stall-"))
    os.environ["DATELINE_HOME"] = str(home)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from gui_turns import TurnCosts, top
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from gallery_app.app import compose
    from gallery_app.qt.collector import GuiThreadCollector
    from gallery_app.qt.models.photos import ThumbnailRole
    from gallery_app.ui.grid.prefetch import visible_rows

    app = QApplication(sys.argv[:1])
    GuiThreadCollector(app)  # as run() does: cycles collected on the GUI thread only
    parts = compose()
    if args.switch_ms is not None:
        sys.setswitchinterval(args.switch_ms / 1000)
    print(f"switch interval: {sys.getswitchinterval() * 1000:g} ms")
    window, grid, model = parts.window, parts.window.parts.grid, parts.window.parts.model
    window.resize(1280, 800)
    clock = QElapsedTimer()
    clock.start()
    beat = {"last": 0, "worst": 0, "worst_at": 0}
    # the GUI thread's own CPU time, and the whole process's (the rest: its other threads)
    cpu = {"last": time.thread_time(), "all": time.process_time()}
    gaps: list[tuple[int, int, float, float, str]] = []  # ms, ended at, GUI CPU, others, who
    every_gap: list[int] = []  # every beat-to-beat gap after show, ms
    every_cpu: list[float] = []  # the GUI thread's CPU ms within each of those gaps
    marks: dict[str, float] = {}
    turns = TurnCosts(sys._getframe()) if args.turns else None

    def heartbeat() -> None:
        now, spent, spent_all = clock.elapsed(), time.thread_time(), time.process_time()
        gap, work = now - beat["last"], (spent - cpu["last"]) * 1000
        others = (spent_all - cpu["all"]) * 1000 - work
        who = turns.take() if turns is not None else {}
        if "shown" in marks and "end" not in marks:
            every_gap.append(gap)
            every_cpu.append(work)
        if gap > beat["worst"] and "shown" in marks:
            beat["worst"], beat["worst_at"] = gap, now
        if args.gaps is not None and gap > args.gaps and "shown" in marks:
            gaps.append((gap, now, work, others, top(who)))
        beat["last"], cpu["last"], cpu["all"] = now, spent, spent_all

    def screen_filled() -> bool:
        rows = [r for r in visible_rows(grid, margin=0.0)]
        if not rows:
            return False
        proxy = grid.model()
        return all(proxy.index(r, 0).data(ThumbnailRole) is not None for r in rows)

    pages = {"left": args.pages}

    def watch() -> None:
        now = clock.elapsed() / 1000
        if "first_screen" not in marks and screen_filled():
            marks["first_screen"] = now
        settled = "scan_done" in marks and "first_screen" in marks
        if settled and screen_filled() and model.pending_count() == 0:
            if pages["left"] == 0:
                marks["end"] = now
                app.quit()
                return
            pages["left"] -= 1
            bar = grid.verticalScrollBar()
            bar.setValue(bar.value() + grid.viewport().height())

    parts.loader.scan_finished.connect(
        lambda _s: marks.setdefault("scan_done", clock.elapsed() / 1000)
    )
    heart = QTimer()
    heart.setInterval(5)
    heart.timeout.connect(heartbeat)
    heart.start()
    poll = QTimer()
    poll.setInterval(10)
    poll.timeout.connect(watch)
    poll.start()
    window.show()
    marks["shown"] = clock.elapsed() / 1000
    if args.gaps is not None:
        print(f"shown at perf_counter {time.perf_counter():.3f}", file=sys.stderr)
    beat["last"], cpu["last"], cpu["all"] = clock.elapsed(), time.thread_time(), time.process_time()
    started = time.perf_counter()
    profile = cProfile.Profile(time.thread_time) if args.profile else None
    if turns is not None:
        turns.start()
    if profile is not None:
        profile.enable()  # this thread only
    window.open_path(args.folder)
    QTimer.singleShot(600_000, app.quit)
    app.exec()
    if profile is not None:
        profile.disable()
        profile.dump_stats(args.profile)
    if turns is not None:
        turns.stop()
    parts.shut_down()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    shown = marks["shown"]
    print(f"files: {model.rowCount()}  wall: {time.perf_counter() - started:.2f} s")
    print(
        f"first screen filled: {marks.get('first_screen', float('nan')) - shown:.3f} s after show"
    )
    print(f"scan finished: {marks.get('scan_done', float('nan')) - shown:.3f} s after show")
    print(f"longest GUI-thread stall: {beat['worst']} ms (at {beat['worst_at'] / 1000:.2f} s)")
    ordered = sorted(every_gap) or [0]
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    print(f"99th percentile beat gap: {p99} ms over {len(every_gap)} beats (5 ms beat)")
    work = sorted(every_cpu) or [0.0]
    print(
        f"GUI-thread CPU within one beat gap: worst {work[-1]:.1f} ms, "
        f"99th percentile {work[min(len(work) - 1, int(len(work) * 0.99))]:.1f} ms"
    )
    print(f"peak RSS: {peak_mb:.0f} MB")
    for gap, end, spent, others, who in gaps:
        ended = end / 1000 - shown
        print(
            f"  stall {gap} ms ({spent:.0f} ms of it GUI-thread CPU, {others:.0f} ms other "
            f"threads' CPU), ended {ended:.3f} s in" + (f": {who}" if who else "")
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
