# SPDX-License-Identifier: GPL-3.0-or-later
"""256 px thumbnails of large JPEGs: Dateline on one and two cores vs vipsthumbnail, ImageMagick.

    python bench/make_corpus.py /tmp/dateline-corpus
    python bench/bench_thumbnails.py /tmp/dateline-corpus/_sources --min-mp 8 --repeat 3

Every contender reads the same JPEGs and writes a PNG thumbnail that fits
256 × 256 (Dateline: the complete freedesktop cache entry, text chunks and
atomic write included) into a fresh folder; medians of ``--repeat`` runs.

- one core: this process pinned to CPU 0 (``sched_setaffinity``) with one
  worker thread; ``vipsthumbnail`` and ``mogrify`` under ``taskset -c 0`` with
  their own threading off (``VIPS_CONCURRENCY=1``, ``MAGICK_THREAD_LIMIT=1``);
- two cores: Dateline with two threads; the others as two processes, each
  given half the files (how one would use them in a script).

ImageMagick gets ``-define jpeg:size=512x512`` (its own DCT-scaling hint).
Benchmarks are not tests: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def large_jpegs(folder: Path, min_mp: float) -> list[Path]:
    from PIL import Image

    found = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in (".jpg", ".jpeg"):
            with Image.open(path) as image:
                if image.size[0] * image.size[1] >= min_mp * 1e6:
                    found.append(path)
    return found


def _median(func: Callable[[Path], object], repeat: int, work: Path) -> float:
    times = []
    for n in range(repeat):
        out = work / f"run-{time.monotonic_ns()}-{n}"
        out.mkdir(parents=True)
        start = time.perf_counter()
        func(out)
        times.append(time.perf_counter() - start)
        shutil.rmtree(out, ignore_errors=True)
    return statistics.median(times)


def _halves(files: list[Path]) -> list[list[Path]]:
    return [files[0::2], files[1::2]]


def _procs(commands: list[list[str]], env: dict[str, str]) -> None:
    running = [subprocess.Popen(c, env=env, stdout=subprocess.DEVNULL) for c in commands]
    for proc in running:
        proc.wait()


def _vips(files: list[Path], out: Path) -> list[str]:
    return ["vipsthumbnail", "-s", "256", "-o", f"{out}/%s.png", *map(str, files)]


def _magick(files: list[Path], out: Path) -> list[str]:
    return [
        "mogrify", "-path", str(out), "-format", "png",
        "-define", "jpeg:size=512x512", "-thumbnail", "256x256", *map(str, files),
    ]  # fmt: skip


def run(files: list[Path], repeat: int = 3, tools: bool = True) -> list[dict]:
    """Measure every contender; rows of name, cores, seconds, thumbnails/s."""
    from gallery_app.cli import thumbnails as thumbs_cli

    work = Path(tempfile.mkdtemp(prefix="dateline-thumbs-"))
    rows: list[dict] = []
    cpus = sorted(os.sched_getaffinity(0))
    two = cpus[:2]
    env = dict(os.environ, VIPS_CONCURRENCY="1", MAGICK_THREAD_LIMIT="1", OMP_NUM_THREADS="1")

    def add(name: str, cores: int, seconds: float) -> None:
        rows.append(
            {"name": name, "cores": cores, "seconds": seconds, "per_s": len(files) / seconds}
        )

    def ours(jobs: int) -> Callable[[Path], object]:
        def go(out: Path) -> None:
            os.environ["DATELINE_HOME"] = str(out)
            thumbs_cli.make_all(files, "large", jobs, stream=io.StringIO())

        return go

    saved = os.sched_getaffinity(0)
    try:
        os.sched_setaffinity(0, {cpus[0]})
        add("dateline (Pillow draft)", 1, _median(ours(1), repeat, work))
    finally:
        os.sched_setaffinity(0, saved)
    if len(two) == 2:
        os.sched_setaffinity(0, set(two))
        try:
            add("dateline (Pillow draft)", 2, _median(ours(2), repeat, work))
        finally:
            os.sched_setaffinity(0, saved)

    pin1 = ["taskset", "-c", str(cpus[0])]
    pin2 = ["taskset", "-c", ",".join(map(str, two))]
    for name, tool, build in (
        ("vipsthumbnail", "vipsthumbnail", _vips),
        ("ImageMagick mogrify -thumbnail", "mogrify", _magick),
    ):
        if not tools or shutil.which(tool) is None or shutil.which("taskset") is None:
            continue
        one = _median(lambda out, b=build: _procs([pin1 + b(files, out)], env), repeat, work)
        add(name, 1, one)
        if len(two) == 2:
            both = _median(
                lambda out, b=build: _procs([pin2 + b(h, out) for h in _halves(files)], env),
                repeat,
                work,
            )
            add(name, 2, both)
    shutil.rmtree(work, ignore_errors=True)
    return rows


def table(rows: list[dict]) -> str:
    one = {r["name"]: r["per_s"] for r in rows if r["cores"] == 1}
    lines = [
        "| tool | cores | median s | thumbnails/s | × its 1 core | dateline ÷ tool (same cores) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    ours = {r["cores"]: r["per_s"] for r in rows if r["name"].startswith("dateline")}
    for r in rows:
        scale = r["per_s"] / one[r["name"]] if r["name"] in one else float("nan")
        vs = ours.get(r["cores"], float("nan")) / r["per_s"]
        lines.append(
            f"| {r['name']} | {r['cores']} | {r['seconds']:.2f} | {r['per_s']:.1f} | "
            f"{scale:.2f} | {vs:.2f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of JPEGs (make_corpus.py's _sources)")
    parser.add_argument("--min-mp", type=float, default=8.0, help="only photos this large")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: not a folder; build it with bench/make_corpus.py.", file=sys.stderr)
        return 2
    files = large_jpegs(args.folder, args.min_mp)
    if not files:
        print(f"No JPEGs of {args.min_mp} MP or more in {args.folder}.", file=sys.stderr)
        return 2
    print(f"{len(files)} JPEGs of ≥ {args.min_mp} MP", file=sys.stderr)
    rows = run(files, args.repeat)
    print(json.dumps(rows, indent=2) if args.json else table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
