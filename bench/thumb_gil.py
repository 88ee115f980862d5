# SPDX-License-Identifier: GPL-3.0-or-later
"""How much of a thumbnail holds the interpreter lock, on a thread of the window's process.

    python bench/thumb_gil.py /tmp/dateline-corpus/_sources --min-mp 8

Makes the 256 px thumbnail of each large JPEG on one thread, as the grid's
thumbnail threads did (``thumbcache.ensure_thumbnail`` + the pixels for a
QImage): first five times without a profiler (CPU time per thumbnail, the
median), then once under cProfile with a CPU clock, which times each C call
on its own.  The calls that release the lock (Pillow's decoder and resampler,
file reads) are summed; the rest of the CPU time is what two threads — and
the GUI thread — must take turns for.  Run it pinned (``taskset -c 1``) and
note the load: the shares hold on a busy machine, the milliseconds do not.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench_thumbnails import EDGE, large_jpegs  # noqa: E402  (bench/ is on the path)

# C methods that drop the lock while they work (Pillow: ImagingSectionEnter; io: reads).
RELEASING = (
    "'decode' of 'ImagingDecoder'",
    "'resize' of 'ImagingCore'",
    "'read' of '_io.",
    "'write' of '_io.",
)


def _make_all(files: list[Path], profiler: cProfile.Profile | None) -> float:
    from gallery_app.core.store import thumbcache

    os.environ["DATELINE_HOME"] = home = tempfile.mkdtemp(prefix="dateline-gil-")
    size = thumbcache.size_name_for(EDGE)
    started = time.thread_time()
    if profiler is not None:
        profiler.enable()
    for path in files:
        image = thumbcache.ensure_thumbnail(path, size, keep_image=True).image
        if image is not None:
            image.tobytes()  # what the QImage copy needs
    if profiler is not None:
        profiler.disable()
    spent = time.thread_time() - started
    shutil.rmtree(home, ignore_errors=True)
    return spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--min-mp", type=float, default=8.0)
    args = parser.parse_args(argv)
    files = large_jpegs(args.folder, args.min_mp)
    if not files:
        print(f"No JPEGs of {args.min_mp} MP or more in {args.folder}.", file=sys.stderr)
        return 2
    print(f"load average {os.getloadavg()[0]:.2f}; {len(files)} JPEGs")
    _make_all(files, None)  # plugins, page cache
    cpu = statistics.median(_make_all(files, None) for _ in range(5)) / len(files)
    profiler = cProfile.Profile(time.thread_time)
    _make_all(files, profiler)
    released, held = 0.0, {}
    for (where, _line, name), (_cc, _nc, own, _cum, _callers) in pstats.Stats(
        profiler
    ).stats.items():  # type: ignore[attr-defined]
        if where != "~":
            continue
        if any(mark in name for mark in RELEASING):
            released += own / len(files)
        else:
            held[name] = held.get(name, 0.0) + own / len(files)
    print(f"CPU per thumbnail (no profiler, median of 5 passes): {1000 * cpu:.1f} ms")
    print(f"in calls that release the lock: {1000 * released:.1f} ms")
    print(
        f"holding the lock: {1000 * (cpu - released):.1f} ms = {100 * (1 - released / cpu):.0f} %"
    )
    for name, own in sorted(held.items(), key=lambda kv: -kv[1])[:4]:
        print(f"  of which the C call {name}: {1000 * own:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
