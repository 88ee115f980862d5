# SPDX-License-Identifier: GPL-3.0-or-later
"""``gallery-app --screenshot`` against the floor (a bare window showing one photo).

Each contender runs as a fresh process, ``--repeat`` times, interleaved; the
table gives medians of wall time and the ratio to the floor (goal: ≤ 1.5×),
and the median CPU time of each process (user + system, its threads and
children included), the steadier figure on a shared, loaded machine.  The folder
runs use a catalog and thumbnail cache warmed by one untimed run, as a user
reopening their folder would; ``--cold`` adds a run with empty caches.
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

HERE = Path(__file__).resolve().parent
APP = [sys.executable, "-m", "gallery_app"]


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _run(cmd: list[str], env: dict[str, str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``cmd``."""
    cpu, start = _cpu(), time.perf_counter()
    subprocess.run(
        cmd, env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start, _cpu() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a folder of photos (e.g. the 10,000-file tree)")
    parser.add_argument("--photo", type=Path, help="the floor's photo (default: first JPEG)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--baseline",
        type=Path,
        help="another checkout of Dateline (e.g. a git worktree of an older commit) "
        "whose --screenshot runs are timed beside this one's, interleaved",
    )
    args = parser.parse_args(argv)
    from bytecode import ensure_bytecode  # bench/ is the script's folder, first on sys.path

    print(ensure_bytecode())
    photo = args.photo or next(args.folder.rglob("*.jpg"))
    work = Path(tempfile.mkdtemp(prefix="dateline-bench-gui-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DATELINE_HOME=str(work / "home"))
    # An installed app runs from bytecode; compiling every module on every start
    # (PYTHONDONTWRITEBYTECODE, as in some shells) would add ~80 ms to each run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    out = str(work / "shot.png")
    contenders = {
        "floor: bare PySide6 window, one photo": [
            sys.executable, str(HERE / "floor_window.py"), str(photo), out
        ],
        "gallery-app --screenshot (bundled gallery)": [*APP, "--screenshot", out, "--bundled"],
        f"gallery-app --screenshot ({args.folder.name}, warm)": [
            *APP, "--screenshot", out, str(args.folder)
        ],
    }  # fmt: skip
    roots: dict[str, Path | None] = dict.fromkeys(contenders)
    if args.baseline is not None:
        for name in [n for n in contenders if n.startswith("gallery-app")]:
            contenders[f"{name}, baseline"] = contenders[name]
            roots[f"{name}, baseline"] = args.baseline.resolve()

    def timed(name: str) -> tuple[float, float]:
        root = roots[name]
        if root is None:
            return _run(contenders[name], env)
        # ``python -m`` puts the working folder first on sys.path, so the
        # baseline's package wins over the installed one; separate bytecode,
        # separate catalog (an older schema must not meet a newer one).
        home = str(work / "home-baseline")
        cache = str(work / "pycache-baseline")
        return _run(
            contenders[name], dict(env, PYTHONPYCACHEPREFIX=cache, DATELINE_HOME=home), root
        )

    times: dict[str, list[tuple[float, float]]] = {name: [] for name in contenders}
    try:
        for name in contenders:  # warm the catalogs, thumbnails and bytecode
            timed(name)
        for _ in range(args.repeat):
            for name in contenders:
                times[name].append(timed(name))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    floor_runs = times["floor: bare PySide6 window, one photo"]
    floor = statistics.median(w for w, _c in floor_runs)
    floor_cpu = statistics.median(c for _w, c in floor_runs)
    print(f"| contender | median s (of {args.repeat}) | × floor | CPU s | CPU × floor |")
    print("|---|---:|---:|---:|---:|")
    for name, values in times.items():
        median = statistics.median(w for w, _c in values)
        cpu = statistics.median(c for _w, c in values)
        ratios = f"{median / floor:.2f} | {cpu:.3f} | {cpu / floor_cpu:.2f}"
        print(f"| {name} | {median:.3f} | {ratios} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
