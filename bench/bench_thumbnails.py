# SPDX-License-Identifier: GPL-3.0-or-later
"""256 px thumbnails of large JPEGs: Dateline on one and two cores vs vipsthumbnail, ImageMagick.

    python bench/make_corpus.py /tmp/dateline-corpus
    python bench/bench_thumbnails.py /tmp/dateline-corpus/_sources --min-mp 8 --repeat 5

Every contender reads the same JPEGs and writes a PNG thumbnail that fits
256 × 256 into a fresh folder.  Each run is a process of its own, pinned with
``taskset`` to one CPU or to two, and the runs are interleaved (round 1 of
every contender, then round 2, ...), so a burst of load from elsewhere falls
on all of them alike.

- ``dateline app``: what the window does — the real ``ThumbnailProvider``
  as ``app.compose`` builds it (the quick look on the app's thumbnail
  threads, the decode in its worker processes, one per CPU, started and
  warm: their start-up is reported apart), asked for every file at 256 px,
  timed from the first request to the last final image (cache lookup,
  embedded-preview look, decode, PNG into the freedesktop cache, pixels
  handed back, QImage for the grid); CPU time includes the workers'.
- ``dateline app, threads only``: the same provider without its worker
  processes (the app's fallback, and its path before them): every thumbnail
  on the thumbnail threads; where the threads waited says what the
  interpreter lock costs (the "other" share).
- ``dateline cli``: ``gallery-cli thumbnails`` (``cli.thumbnails.make_all``,
  its default ``--jobs``: one per CPU), the same cache entries.
- ``vipsthumbnail -s 256`` and ``mogrify -thumbnail`` with their own
  threading off (``VIPS_CONCURRENCY=1``, ``MAGICK_THREAD_LIMIT=1``); on two
  CPUs, two processes with half the pixels each (``halves``).  Every
  contender runs at the niceness of the app's thumbnail processes.

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
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from procstat import cpu_children, cpu_self, workers_times  # noqa: E402  (bench/ is on the path)

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


# -- inside a pinned worker process ------------------------------------------------


def _work_cli(files: list[Path]) -> int:
    import io

    from gallery_app.cli import thumbnails as thumbs_cli

    jobs = thumbs_cli.default_jobs()
    counts = thumbs_cli.make_all(files, "large", jobs, stream=io.StringIO())
    return counts["made"]


def _app_provider(processes_on: bool = True) -> tuple[Any, Any, float]:
    """The provider as ``app.compose`` builds it, its worker processes started and warm.

    The processes start once per session (the app starts them when thumbnails
    pile up); their start-up is measured apart, as the window's is.  Without
    them: the app's fallback, every thumbnail made on its threads.
    """
    from gallery_app.qt.loading.thumb_processes import ThumbnailProcesses
    from gallery_app.qt.loading.thumbnails import ThumbnailProvider
    from gallery_app.qt.pools import ThreadPools

    pools = ThreadPools.create()
    processes = ThumbnailProcesses.create() if processes_on else None
    provider = ThumbnailProvider(pools.thumbnails, processes=processes)
    started = time.perf_counter()
    if processes is None:
        return pools, provider, 0.0
    processes.start()
    while not processes.ready():  # the warm-up answers on the pool's own thread
        time.sleep(0.005)
    return pools, provider, time.perf_counter() - started


def _work_app(files: list[Path], pools: Any, provider: Any, at_end: Callable[[], None]) -> int:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QImage

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
    at_end()  # before ``waitForDone``, which ends the pool's threads
    pools.wait_for_done(10_000)
    return sum(shown)


def worker(kind: str, files: list[Path]) -> dict[str, float]:
    """Run one contender of ours in this (pinned) process; wall and CPU seconds, files made."""
    from gallery_app.core.store import thumbcache  # noqa: F401  imports outside the timing

    tasks: list[tuple[int | str, str]] = []  # the processes or threads that make thumbnails
    extra: dict[str, float] = {}
    after: list[tuple[float, float, float]] = []

    def at_end() -> None:  # the workers' figures when the last thumbnail arrived
        if kind == "threads":  # the pool's threads, born with the run (the main one left out)
            me = str(threading.get_native_id())
            tasks[:] = [("self", tid) for tid in os.listdir("/proc/self/task") if tid != me]
        after.append(workers_times(tasks))

    if kind in ("app", "threads"):  # the QGuiApplication and warm processes outside the timing
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.instance() or QGuiApplication(["bench"])
        pools, provider, start = _app_provider(kind == "app")
        if provider.processes is not None:
            extra["start"] = start
            tasks = [(pid, "") for pid in provider.processes.pool.pids()]
        work: Callable[[list[Path]], int] = lambda f: _work_app(f, pools, provider, at_end)  # noqa: E731
    else:
        work = _work_cli
    before = workers_times(tasks)
    cpu, wall = cpu_self(), time.perf_counter()
    made = work(files)
    wall, cpu = time.perf_counter() - wall, cpu_self() - cpu
    if not after:
        at_end()
    result = {"wall": wall, "cpu": cpu + after[0][0] - before[0], "made": made, **extra}
    if kind == "threads":
        result["cpu"] = cpu  # the threads' CPU is the process's
    if tasks:  # where the workers spent the run
        on_cpu, queued = after[0][1] - before[1], after[0][2] - before[2]
        result["threads"] = len(tasks)
        result["threads_cpu"] = on_cpu
        result["threads_queued"] = queued  # runnable, waiting for a CPU: the load
        # Neither on a CPU nor waiting for one: the GIL, the disk, idle at the end.
        result["threads_other"] = max(0.0, len(tasks) * wall - on_cpu - queued)
    if kind == "app":
        result["window_cpu"] = cpu  # the app's own process: requests, hand-over, QImage
        provider.close()
    return result


# -- the runner ---------------------------------------------------------------------


def _pin(cpus: list[int]) -> list[str]:
    """Pinned to ``cpus``, at the niceness of the app's thumbnail processes (every contender)."""
    from gallery_app.qt.loading.thumb_processes import NICENESS

    return ["nice", "-n", str(NICENESS), "taskset", "-c", ",".join(map(str, cpus))]


def _ours(kind: str, cpus: list[int], files: list[Path], out: Path) -> dict[str, float]:
    env = dict(os.environ, DATELINE_HOME=str(out), QT_QPA_PLATFORM="offscreen")
    # The app's process at the same niceness: its worker processes add NICENESS to it.
    pin = _pin(cpus)[3:] if kind == "app" else _pin(cpus)
    command = [*pin, sys.executable, __file__, "--worker", kind, *map(str, files)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def _vips(files: list[Path], out: Path) -> list[str]:
    return ["vipsthumbnail", "-s", str(EDGE), "-o", f"{out}/%s.png", *map(str, files)]


def _magick(files: list[Path], out: Path) -> list[str]:
    return [
        "mogrify", "-path", str(out), "-format", "png",
        "-define", "jpeg:size=512x512", "-thumbnail", f"{EDGE}x{EDGE}", *map(str, files),
    ]  # fmt: skip


def halves(files: list[Path]) -> list[list[Path]]:
    """Two shares of about equal work (pixels), largest first: the tools' best static split.

    Even and odd files, as before, left one process up to a fifth of the run
    alone with the larger share; the app's and the CLI's pools take the next
    file when one is done, so the tools get the fairest split there is.
    """
    from PIL import Image

    def pixels(path: Path) -> int:
        with Image.open(path) as image:
            return int(image.size[0] * image.size[1])

    shares: list[list[Path]] = [[], []]
    loads = [0, 0]
    for path in sorted(files, key=pixels, reverse=True):
        lighter = loads.index(min(loads))
        shares[lighter].append(path)
        loads[lighter] += pixels(path)
    return shares


def _tool(build: Build, cpus: list[int], files: list[Path], out: Path) -> dict[str, float]:
    env = dict(os.environ, VIPS_CONCURRENCY="1", MAGICK_THREAD_LIMIT="1", OMP_NUM_THREADS="1")
    parts = [files] if len(cpus) == 1 else halves(files)
    cpu, wall = cpu_children(), time.perf_counter()
    running = [
        subprocess.Popen([*_pin(cpus), *build(part, out)], env=env, stdout=subprocess.DEVNULL)
        for part in parts
    ]
    codes = [proc.wait() for proc in running]
    result = {"wall": time.perf_counter() - wall, "cpu": cpu_children() - cpu}
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
    for kind, name in (("app", "app"), ("threads", "app, threads only"), ("cli", "cli")):
        for pinned in sets:
            found.append(
                (f"dateline {name}", len(pinned), lambda f, o, k=kind, p=pinned: _ours(k, p, f, o))
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
        "notes": _notes(found),
    }


def _notes(found: list[dict[str, float]]) -> str:
    """The app's worker processes: their start-up (once a session), the window process's CPU."""
    if not all("start" in r for r in found):
        return ""
    start = statistics.median(r["start"] for r in found)
    window = statistics.median(r["window_cpu"] for r in found)
    return (
        f"workers started in {start:.2f} s (once a session, not timed); window CPU {window:.2f} s"
    )


def _threads_summary(found: list[dict[str, float]]) -> str:
    """The app's worker processes, summed over runs: shares on a CPU / queued for one / other."""
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
        "× own 1 core, median / best | ÷ vipsthumbnail's own two-core gain | "
        "vips ÷ this, 1 core: wall / CPU | "
        "workers: on a CPU / waiting for one / other (GIL, I/O, idle at the end) | notes |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    vips2 = by.get(("vipsthumbnail", 2))
    ceiling = vips["wall_median"] / vips2["wall_median"] if vips and vips2 else None
    for r in rows:
        one = by.get((r["name"], 1))
        scale = of_ceiling = ""
        if one is not None and r["cores"] > 1:
            scale = f"{_ratio(one, r, 'wall_median')} / {_ratio(one, r, 'wall_best')}"
            if ceiling:
                of_ceiling = f"{one['wall_median'] / r['wall_median'] / ceiling:.2f}"
        vs = ""
        if r["cores"] == 1 and vips is not None:
            vs = f"{_ratio(vips, r, 'wall_median')} / {_ratio(vips, r, 'cpu_median')}"
        lines.append(
            f"| {r['name']} | {r['cores']} | {r['made']}/{r['files']} | {r['wall_median']:.2f} | "
            f"{r['wall_best']:.2f} | {r['cpu_median']:.2f} | {r['busy']:.2f} | {scale} | "
            f"{of_ceiling} | {vs} | {r['threads']} | {r['notes']} |"
        )
    return "\n".join(lines)


def _load() -> str:
    """``uptime``'s line (the load on the machine while the contenders ran)."""
    try:
        done = subprocess.run(["uptime"], capture_output=True, text=True, check=True)
        return done.stdout.strip() + f" ({os.cpu_count()} CPUs)"
    except (OSError, subprocess.CalledProcessError):
        one, five, _ = os.getloadavg()
        return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of JPEGs (make_corpus.py's _sources)")
    parser.add_argument("--min-mp", type=float, default=8.0, help="only photos this large")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds")
    parser.add_argument("--no-tools", action="store_true", help="Dateline only")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--worker", choices=("app", "threads", "cli"), help=argparse.SUPPRESS)
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
    print(f"{len(files)} JPEGs of ≥ {args.min_mp} MP; before: {_load()}", flush=True)
    rows = run(files, args.repeat, tools=not args.no_tools)
    print(json.dumps(rows, indent=2) if args.json else table(rows))
    print(f"after: {_load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
