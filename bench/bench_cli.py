# SPDX-License-Identifier: GPL-3.0-or-later
"""Whole-process ``gallery-cli list --json`` of a tree, cold and warm, against exiftool and exiv2.

    python bench/make_corpus.py /tmp/dateline-corpus
    python bench/bench_cli.py /tmp/dateline-corpus/tree --repeat 3

Every contender is a fresh process, timed from start to exit, its output
thrown away; runs are interleaved so a change in the machine's load hits
every contender alike, and the medians are reported with the ratios that
matter (exiftool's time ÷ ours):

- ``dateline cold``: a new, empty ``DATELINE_HOME`` (no catalog: every file
  read, by worker processes, and stored);
- ``dateline warm``: the same again, the catalog now full (a folder re-opened);
- ``exiftool -json -fast2 -r TREE``: one process;
- ``exiv2 -q -pa FILES``: the native C++ reader printing every tag of the same
  files, one process (the floor of "read the metadata natively").

The OS file cache is warm for everyone (one untimed exiftool pass first).
Each row also gives the CPU time of the contender (user + system, its
reader processes included), which a loaded machine disturbs less than the
wall clock.
Benchmarks are not tests: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


CPU: dict[str, list[float]] = {}  # CPU seconds (user + system, the process and its children)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(argv: list[str], env: dict[str, str] | None = None, key: str = "") -> float:
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    wall = time.perf_counter() - start
    if key:
        CPU.setdefault(key, []).append(_children_cpu() - cpu)
    return wall


def _load(averages: tuple[float, float, float]) -> str:
    return "/".join(f"{a:.1f}" for a in averages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tree", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--exiftool-repeat", type=int, default=1)
    args = parser.parse_args(argv)
    from bytecode import ensure_bytecode  # bench/ is the script's folder, first on sys.path

    from gallery_app.core.folders.listing import iter_image_files

    print(ensure_bytecode())

    files = [str(p) for p in iter_image_files(args.tree)]
    cli = [sys.executable, "-m", "gallery_app.cli.main", "list", str(args.tree), "--json"]
    exiftool = ["exiftool", "-json", "-fast2", "-r", "-q", str(args.tree)]
    exiv2 = ["exiv2", "-q", "-pa", *files]
    load_before = os.getloadavg()
    print("commands (each a fresh process, interleaved):")
    print(f"  cold/warm: DATELINE_HOME=<empty, then kept> python {' '.join(cli[1:])}")
    print(f"  exiftool:  {' '.join(exiftool)}")
    print(f"  exiv2:     exiv2 -q -pa <the {len(files)} files>")
    run(exiftool)  # the file cache warm for everyone
    times: dict[str, list[float]] = {"cold": [], "warm": [], "exiftool": [], "exiv2": []}
    scratch = Path(tempfile.mkdtemp(prefix="dateline-cli-bench-"))
    try:
        for n in range(max(args.repeat, args.exiftool_repeat)):
            if n < args.repeat:
                home = scratch / f"home-{n}"
                env = {**os.environ, "DATELINE_HOME": str(home), "PYTHONPATH": str(ROOT)}
                times["cold"].append(run(cli, env, "cold"))
                times["warm"].append(run(cli, env, "warm"))
                times["exiv2"].append(run(exiv2, key="exiv2"))
            if n < args.exiftool_repeat:
                times["exiftool"].append(run(exiftool, key="exiftool"))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    median = {k: statistics.median(v) for k, v in times.items()}
    print(
        f"{len(files)} files; load average at the start {_load(load_before)}, "
        f"at the end {_load(os.getloadavg())} ({os.cpu_count()} cores)"
    )
    print(
        f"{'contender':34} {'median s':>9} {'runs':>22} {'× exiftool':>10} {'× exiv2':>8} "
        f"{'CPU s':>7} {'CPU ×exiftool':>13} {'CPU ×exiv2':>10}"
    )
    cpu = {k: statistics.median(v) for k, v in CPU.items()}
    for key, label in (
        ("cold", "dateline cold (empty catalog)"),
        ("warm", "dateline warm (catalog)"),
        ("exiftool", "exiftool -json -fast2 -r"),
        ("exiv2", "exiv2 -q -pa"),
    ):
        runs = " ".join(f"{t:.2f}" for t in times[key])
        print(
            f"{label:34} {median[key]:9.3f} {runs:>22} "
            f"{median['exiftool'] / median[key]:10.2f} {median['exiv2'] / median[key]:8.2f} "
            f"{cpu[key]:7.2f} {cpu['exiftool'] / cpu[key]:13.2f} {cpu['exiv2'] / cpu[key]:10.2f}"
        )
    print(
        "CPU s: user + system of the process and its reader processes (median); "
        "on a loaded machine the CPU ratios hold better than the wall-clock ones"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
