# SPDX-License-Identifier: GPL-3.0-or-later
"""256 px thumbnails of large JPEGs: Dateline on one and two cores vs vipsthumbnail, ImageMagick.

    python bench/make_corpus.py /tmp/dateline-corpus
    python bench/bench_thumbnails.py /tmp/dateline-corpus/_sources --min-mp 8 --repeat 5

Every contender reads the same JPEGs and writes a PNG thumbnail that fits
256 × 256 into a fresh folder.  Each run is a process of its own, pinned with
``taskset`` to one CPU or to two, and the runs are interleaved (round 1 of
every contender, then round 2, ...), so a burst of load from elsewhere falls
on all of them alike.

- ``dateline app``: what the window does — the real ``ThumbnailProvider`` on
  the app's own thumbnail pool (``ThreadPools.create()``: one thread per CPU
  the process may use), asked for every file at 256 px, timed from the first
  request to the last final image (cache lookup, embedded-preview look,
  decode, PNG into the freedesktop cache, QImage for the grid).
- ``dateline cli``: ``gallery-cli thumbnails`` (``cli.thumbnails.make_all``,
  its default ``--jobs``: one per CPU), the same cache entries.
- ``vipsthumbnail -s 256`` and ``mogrify -thumbnail`` with their own
  threading off (``VIPS_CONCURRENCY=1``, ``MAGICK_THREAD_LIMIT=1``); on two
  CPUs, two processes with half the files each.

Dateline's time is the work inside its process (start-up and imports are
left out; ``gallery-cli`` start-up is measured by ``importtime.py``); the
tools' is the whole process (vipsthumbnail starts in ~0.1 s and then does
all the files).  Wall time and CPU time (user + system, ``getrusage``) are
both reported: on a shared machine CPU time is the steadier of the two, and
the best of the rounds is the nearest to a quiet machine.  Benchmarks are
not tests: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

EDGE = 256
Run = Callable[[list[Path], Path], dict[str, float]]
Build = Callable[[list[Path], Path], list[str]]


def large_jpegs(folder: Path, min_mp: float) -> list[Path]:
    from PIL import Image

    found = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in (".jpg", ".jpeg"):
            with Image.open(path) as image:
                if image.size[0] * image.size[1] >= min_mp * 1e6:
                    found.append(path)
    return found


def _cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# -- inside a pinned worker process ------------------------------------------------


def _work_cli(files: list[Path]) -> int:
    import io

    from gallery_app.cli import thumbnails as thumbs_cli

    jobs = thumbs_cli.default_jobs()
    counts = thumbs_cli.make_all(files, "large", jobs, stream=io.StringIO())
    return counts["made"]


def _work_app(files: list[Path]) -> int:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication, QImage

    from gallery_app.qt.loading.thumbnails import ThumbnailProvider
    from gallery_app.qt.pools import ThreadPools

    app = QGuiApplication.instance() or QGuiApplication(["bench"])
    pools = ThreadPools.create()
    provider = ThumbnailProvider(pools.thumbnails, parent=app)
    loop = QEventLoop()
    shown: list[bool] = []

    def on_ready(_key: object, image: QImage, preview: bool) -> None:
        if not preview:
            shown.append(not image.isNull())
            if len(shown) == len(files):
                loop.quit()

    provider.thumbnail_ready.connect(on_ready)
    for n, path in enumerate(files):
        provider.request(f"row-{n}", path, EDGE)
    QTimer.singleShot(600_000, loop.quit)
    loop.exec()
    pools.wait_for_done(10_000)
    return sum(shown)


def _thread_times(skip: int) -> tuple[int, float, float]:
    """Threads of this process other than ``skip``: count, seconds on a CPU, waiting for one.

    From ``/proc/self/task/*/schedstat`` (Linux); zeros where it cannot be read.
    """
    count, on_cpu, queued = 0, 0.0, 0.0
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return 0, 0.0, 0.0
    for tid in tasks:
        if int(tid) == skip:
            continue
        try:
            with open(f"/proc/self/task/{tid}/schedstat") as handle:
                ran, waited, _ = (int(f) for f in handle.read().split())
        except (OSError, ValueError):
            continue
        count, on_cpu, queued = count + 1, on_cpu + ran / 1e9, queued + waited / 1e9
    return count, on_cpu, queued


def worker(kind: str, files: list[Path]) -> dict[str, float]:
    """Run one contender of ours in this (pinned) process; wall and CPU seconds, files made."""
    work = _work_app if kind == "app" else _work_cli
    if kind == "app":  # build the QGuiApplication outside the timed part
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.instance() or QGuiApplication(["bench"])
    from gallery_app.core.store import thumbcache  # noqa: F401  imports outside the timing

    cpu, wall = _cpu_self(), time.perf_counter()
    made = work(files)
    result = {"wall": time.perf_counter() - wall, "cpu": _cpu_self() - cpu, "made": made}
    if kind == "app":  # the pool's threads were born with the run and are still there
        count, on_cpu, queued = _thread_times(threading.get_native_id())
        result["threads"] = count
        result["threads_cpu"] = on_cpu
        result["threads_queued"] = queued  # runnable, waiting for a CPU: the load
        # Neither on a CPU nor waiting for one: the GIL, the disk, or idle at the end.
        result["threads_other"] = max(0.0, count * result["wall"] - on_cpu - queued)
    return result


# -- the runner ---------------------------------------------------------------------


def _pin(cpus: list[int]) -> list[str]:
    return ["taskset", "-c", ",".join(map(str, cpus))]


def _ours(kind: str, cpus: list[int], files: list[Path], out: Path) -> dict[str, float]:
    env = dict(os.environ, DATELINE_HOME=str(out), QT_QPA_PLATFORM="offscreen")
    command = [*_pin(cpus), sys.executable, __file__, "--worker", kind, *map(str, files)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def _vips(files: list[Path], out: Path) -> list[str]:
    return ["vipsthumbnail", "-s", str(EDGE), "-o", f"{out}/%s.png", *map(str, files)]


def _magick(files: list[Path], out: Path) -> list[str]:
    return [
        "mogrify", "-path", str(out), "-format", "png",
        "-define", "jpeg:size=512x512", "-thumbnail", f"{EDGE}x{EDGE}", *map(str, files),
    ]  # fmt: skip


def _tool(build: Build, cpus: list[int], files: list[Path], out: Path) -> dict[str, float]:
    env = dict(os.environ, VIPS_CONCURRENCY="1", MAGICK_THREAD_LIMIT="1", OMP_NUM_THREADS="1")
    parts = [files] if len(cpus) == 1 else [files[0::2], files[1::2]]
    cpu, wall = _cpu_children(), time.perf_counter()
    running = [
        subprocess.Popen([*_pin(cpus), *build(part, out)], env=env, stdout=subprocess.DEVNULL)
        for part in parts
    ]
    codes = [proc.wait() for proc in running]
    result = {"wall": time.perf_counter() - wall, "cpu": _cpu_children() - cpu}
    result["made"] = len(list(out.glob("*.png"))) if not any(codes) else 0
    return result


def contenders(cpus: list[int], tools: bool) -> list[tuple[str, int, Run]]:
    """(name, cores, run(files, out)) for every contender this machine can run."""
    sets = [cpus[:1]] + ([cpus[:2]] if len(cpus) >= 2 else [])
    found: list[tuple[str, int, Run]] = []
    builds: tuple[tuple[str, str, Build], ...] = (
        ("vipsthumbnail", "vipsthumbnail", _vips),
        ("ImageMagick mogrify", "mogrify", _magick),
    )
    for kind in ("app", "cli"):
        for pinned in sets:
            found.append(
                (f"dateline {kind}", len(pinned), lambda f, o, k=kind, p=pinned: _ours(k, p, f, o))
            )
    for name, tool, build in builds:
        if tools and shutil.which(tool) and shutil.which("taskset"):
            for pinned in sets:
                found.append((name, len(pinned), lambda f, o, b=build, p=pinned: _tool(b, p, f, o)))
    return found


def run(files: list[Path], repeat: int = 3, tools: bool = True) -> list[dict]:
    """Interleaved rounds of every contender; one row per contender with its runs."""
    cpus = sorted(os.sched_getaffinity(0))
    plan = contenders(cpus, tools)
    runs: dict[tuple[str, int], list[dict[str, float]]] = {(n, c): [] for n, c, _ in plan}
    work = Path(tempfile.mkdtemp(prefix="dateline-thumbs-"))
    try:
        for _ in range(repeat):
            for name, cores, go in plan:
                out = Path(tempfile.mkdtemp(dir=work))
                runs[(name, cores)].append(go(files, out))
                shutil.rmtree(out, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [_row(name, cores, len(files), found) for (name, cores), found in runs.items()]


def _row(name: str, cores: int, files: int, found: list[dict[str, float]]) -> dict:
    walls = [r["wall"] for r in found]
    return {
        "name": name,
        "cores": cores,
        "files": files,
        "made": min(int(r["made"]) for r in found),
        "wall_median": statistics.median(walls),
        "wall_best": min(walls),
        "cpu_median": statistics.median(r["cpu"] for r in found),
        # Share of the cores it was given that it actually ran on: well below 1 on
        # one core means other processes had the CPU (load), not that it waited.
        "busy": statistics.median(r["cpu"] / (r["wall"] * cores) for r in found),
        "walls": walls,
        "threads": _threads_summary(found),
    }


def _threads_summary(found: list[dict[str, float]]) -> str:
    """The app pool's threads, summed over runs: shares on a CPU / queued for one / other."""
    if not all("threads_cpu" in r for r in found):
        return ""
    parts = [sum(r[k] for r in found) for k in ("threads_cpu", "threads_queued", "threads_other")]
    total = sum(parts) or 1.0
    return " / ".join(f"{100 * p / total:.0f} %" for p in parts)


def _ratio(slow: dict, fast: dict, key: str) -> str:
    return f"{slow[key] / fast[key]:.2f}"


def table(rows: list[dict]) -> str:
    by = {(r["name"], r["cores"]): r for r in rows}
    vips = by.get(("vipsthumbnail", 1))
    lines = [
        "| tool | cores | made | wall median s | best s | CPU s | CPU ÷ (wall × cores) | "
        "× own 1 core, median / best | vips ÷ this, 1 core: wall / CPU | "
        "pool threads: on a CPU / waiting for one / other waits (GIL, I/O, idle) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        one = by.get((r["name"], 1))
        scale = ""
        if one is not None and r["cores"] > 1:
            scale = f"{_ratio(one, r, 'wall_median')} / {_ratio(one, r, 'wall_best')}"
        vs = ""
        if r["cores"] == 1 and vips is not None:
            vs = f"{_ratio(vips, r, 'wall_median')} / {_ratio(vips, r, 'cpu_median')}"
        lines.append(
            f"| {r['name']} | {r['cores']} | {r['made']}/{r['files']} | {r['wall_median']:.2f} | "
            f"{r['wall_best']:.2f} | {r['cpu_median']:.2f} | {r['busy']:.2f} | {scale} | {vs} | "
            f"{r['threads']} |"
        )
    return "\n".join(lines)


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of JPEGs (make_corpus.py's _sources)")
    parser.add_argument("--min-mp", type=float, default=8.0, help="only photos this large")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds")
    parser.add_argument("--no-tools", action="store_true", help="Dateline only")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--worker", choices=("app", "cli"), help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args(argv)
    if args.worker:
        files = [args.folder, *map(Path, rest)]
        print(json.dumps(worker(args.worker, files)))
        return 0
    if not args.folder.is_dir():
        print(f"{args.folder}: not a folder; build it with bench/make_corpus.py.", file=sys.stderr)
        return 2
    files = large_jpegs(args.folder, args.min_mp)
    if not files:
        print(f"No JPEGs of {args.min_mp} MP or more in {args.folder}.", file=sys.stderr)
        return 2
    print(f"{len(files)} JPEGs of ≥ {args.min_mp} MP; before: {_load()}", file=sys.stderr)
    rows = run(files, args.repeat, tools=not args.no_tools)
    print(json.dumps(rows, indent=2) if args.json else table(rows))
    print(f"after: {_load()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
