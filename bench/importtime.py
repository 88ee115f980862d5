# SPDX-License-Identifier: GPL-3.0-or-later
"""What start-up imports, and what it costs: ``python -X importtime``, summarised.

    python bench/importtime.py [--top 15]

Runs two fresh processes, each ``--repeat`` times (medians of the cumulative
microseconds): ``import gallery_app.app`` (everything the window needs before
its first frame) and ``gallery-cli --help``.  Prints the total, the slowest
top-level packages and whether a heavy library that the first frame does not
need (the metadata readers, Pillow for the CLI, multiprocessing) was loaded.
Benchmarks are not tests: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBES = {
    "import gallery_app.app": "import gallery_app.app",
    "gallery-cli --help": (
        "from gallery_app.cli.main import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    ),
}
NOT_BEFORE_FIRST_FRAME = (
    "PIL", "exiv2", "exifread", "defusedxml", "multiprocessing", "jsonschema", "rawpy",
    "pillow_heif",
)  # fmt: skip
NOT_FOR_HELP = ("PySide6", *NOT_BEFORE_FIRST_FRAME)
# Our own modules that load on first use (a thumbnail, a scan, a check, an export).
OURS_ON_FIRST_USE = (
    "gallery_app.core.imaging.decode",
    "gallery_app.core.store.thumbcache",
    "gallery_app.core.metadata.reader",
    "gallery_app.core.checks.run",
    "gallery_app.core.exports.writer",
)


def _importtime(code: str) -> dict[str, int]:
    """Cumulative microseconds of each module imported at the top two levels of nesting.

    Level 0 (the probe's own imports) is keyed by name; level 1 (what those
    imported) by ``"  " + name``.
    """
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    cumulative: dict[str, int] = {}
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self, cum, name = line.split("|")
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        if depth <= 1:
            cumulative["  " * depth + name.strip()] = int(cum)
    return cumulative


def _all_modules(code: str) -> list[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return done.stdout.split()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args(argv)
    for title, code in PROBES.items():
        runs = [_importtime(code) for _ in range(args.repeat)]
        tops: dict[str, list[int]] = defaultdict(list)
        for run in runs:
            for name, cum in run.items():
                if name.startswith("  "):
                    tops[name.strip()].append(cum)
        total = statistics.median(sum(v for k, v in r.items() if k[0] != " ") for r in runs)
        print(f"\n{title}: {total / 1000:.0f} ms of imports (median of {args.repeat})")
        ranked = sorted(tops.items(), key=lambda kv: -statistics.median(kv[1]))
        for name, values in ranked[: args.top]:
            print(f"  {statistics.median(values) / 1000:8.1f} ms  {name}")
        heavy = NOT_FOR_HELP if "help" in title else NOT_BEFORE_FIRST_FRAME
        modules = _all_modules(code)
        loaded = sorted({n.split(".")[0] for n in modules} & set(heavy))
        print(f"  heavy libraries loaded: {', '.join(loaded) or 'none'}")
        early = sorted(set(modules) & set(OURS_ON_FIRST_USE))
        print(f"  first-use modules of ours loaded: {', '.join(early) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
