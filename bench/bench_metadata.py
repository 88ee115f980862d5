# SPDX-License-Identifier: GPL-3.0-or-later
"""Metadata scan of a folder tree: Dateline cold and warm against exiftool and exifread.

    python bench/make_corpus.py /tmp/dateline-corpus
    python bench/bench_metadata.py /tmp/dateline-corpus/tree --repeat 3

Measured side by side in one run, medians of ``--repeat`` runs (exiftool:
``--exiftool-repeat``, it is slow), the OS file cache warm for everyone (a
first untimed listing and exiftool pass read every header once):

- ``dateline cold``: ``scan_folder`` with a new, empty catalog (every file read
  and stored, the way a folder opens the first time);
- ``dateline warm``: the same scan again (catalog hits; only ``stat`` per file);
- ``dateline no catalog``: ``scan_folder`` without a catalog (the reader alone);
- ``exifread``: ``exifread.process_file(details=False)`` on every file;
- ``exiftool``: ``exiftool -json -fast2 -r TREE`` in one process.

Benchmarks are not tests: nothing here asserts a time.
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
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def timed(func: Callable[[], object], repeat: int) -> float:
    """Median wall-clock seconds of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(tree: Path, repeat: int = 3, exiftool_repeat: int = 1, tools: bool = True) -> list[dict]:
    """Measure every contender on ``tree``; returns rows of name, seconds, files/s."""
    work = Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    os.environ["DATELINE_HOME"] = str(work / "home")
    from gallery_app.core.folders.listing import iter_image_files
    from gallery_app.core.folders.scan import scan_folder
    from gallery_app.core.store.catalog import Catalog

    files = list(iter_image_files(tree))
    count = len(files)
    rows: list[dict] = []

    def add(name: str, seconds: float, note: str = "") -> None:
        rows.append(
            {"name": name, "seconds": seconds, "files_per_s": count / seconds, "note": note}
        )

    have_exiftool = tools and shutil.which("exiftool") is not None
    exiftool_cmd = ["exiftool", "-json", "-fast2", "-r", "-q", str(tree)]
    if have_exiftool:  # untimed: warms the OS cache the way our own listing does
        subprocess.run([*exiftool_cmd[:-1], str(files[0])], stdout=subprocess.DEVNULL, check=False)

    add("list files (iter_image_files)", timed(lambda: list(iter_image_files(tree)), repeat))

    runs = iter(range(10_000))

    def cold() -> None:
        catalog = Catalog(work / f"cold-{next(runs)}.sqlite")
        scan_folder(tree, catalog)
        catalog.close()

    add("dateline cold (new catalog)", timed(cold, repeat))
    warm_catalog = Catalog(work / "warm.sqlite")
    scan_folder(tree, warm_catalog)
    add("dateline warm (catalog)", timed(lambda: scan_folder(tree, warm_catalog), repeat))
    warm_catalog.close()
    add("dateline, no catalog", timed(lambda: scan_folder(tree), repeat))

    import exifread

    def exifread_all() -> None:
        for path in files:
            with path.open("rb") as handle:
                exifread.process_file(handle, details=False)

    add("exifread details=False", timed(exifread_all, repeat))

    if have_exiftool:
        add(
            "exiftool -json -fast2 -r",
            timed(
                lambda: subprocess.run(exiftool_cmd, stdout=subprocess.DEVNULL, check=False),
                exiftool_repeat,
            ),
            f"median of {exiftool_repeat}",
        )
    shutil.rmtree(work, ignore_errors=True)
    for row in rows:
        row["files"] = count
    return rows


def table(rows: list[dict], baseline: str = "exiftool") -> str:
    """A Markdown table with the ratio to the baseline's files/s."""
    base = next((r for r in rows if r["name"].startswith(baseline)), None)
    lines = ["| work | files | median s | files/s | × exiftool |", "|---|---:|---:|---:|---:|"]
    for row in rows:
        ratio = f"{row['files_per_s'] / base['files_per_s']:.1f}" if base else "–"
        lines.append(
            f"| {row['name']} | {row['files']} | {row['seconds']:.3f} | "
            f"{row['files_per_s']:,.0f} | {ratio} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tree", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--exiftool-repeat", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print JSON rows instead")
    args = parser.parse_args(argv)
    if not args.tree.is_dir():
        print(f"{args.tree}: not a folder; build it with bench/make_corpus.py.", file=sys.stderr)
        return 2
    rows = run(args.tree, args.repeat, args.exiftool_repeat)
    print(json.dumps(rows, indent=2) if args.json else table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
