# SPDX-License-Identifier: GPL-3.0-or-later
"""A few seconds of every benchmark on generated files, so the benchmarks cannot rot.

``make test`` runs this.  It builds a tiny tree (a few dozen JPEGs made by
Pillow, tagged the way ``make_corpus.py`` tags real photos), then runs the
metadata and thumbnail benchmarks once each, with the peer tools that are
installed, and the GUI ones in short form: ``bench_gui.py`` (``--screenshot``
against the floor window, one round), ``gui_stall.py`` (open the tree, page
down once), ``soak.py`` (30 photos, 12 s) and ``map_pan.py`` (2,000 marks,
ten frames at two zoom levels and a zoom between them), each in its own
processes on Qt's offscreen platform.  It checks that every contender ran
and counted every file, never how fast: the figures of a smoke run mean
nothing.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_cli  # noqa: E402
import bench_gui  # noqa: E402
import bench_metadata  # noqa: E402
import bench_thumbnails  # noqa: E402
import make_corpus  # noqa: E402


def build_tree(root: Path, count: int = 36) -> tuple[Path, list[Path]]:
    """``count`` tagged JPEGs in folders of 12, plus three larger ones for thumbnails."""
    import io

    from PIL import Image, ImageDraw

    tree = root / "tree"
    for n in range(count):
        image = Image.new("RGB", (640, 480), (40 + n * 5, 90, 160))
        ImageDraw.Draw(image).ellipse((100 + n, 80, 400, 380), fill=(230, 200, 60))
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=85)
        folder = tree / f"day-{n // 12}"
        folder.mkdir(parents=True, exist_ok=True)
        data = make_corpus.tagged_bytes(buffer.getvalue(), n, f"smoke_{n}")
        (folder / f"IMG_{n:04d}.jpg").write_bytes(data)
    big = []
    for n in range(3):
        path = root / "big" / f"big-{n}.jpg"
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (2400, 1600), (n * 60, 120, 200)).save(path, "JPEG", quality=85)
        big.append(path)
    return tree, big


def run_gui(tree: Path, count: int) -> None:
    """``bench_gui`` for one round and ``gui_stall`` with one page, on ``tree``."""
    shots = io.StringIO()
    with contextlib.redirect_stdout(shots):
        bench_gui.main([str(tree), "--repeat", "1"])
    table = shots.getvalue()
    assert table.count("| gallery-app --screenshot") == 2 and "| floor" in table, table
    print(table)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("DATELINE_HOME", None)  # gui_stall makes its own, empty
    done = subprocess.run(
        [sys.executable, str(HERE / "gui_stall.py"), str(tree), "--pages", "1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert f"files: {count} " in done.stdout, done.stdout + done.stderr[-2000:]
    assert "longest GUI-thread stall" in done.stdout, done.stdout
    print(done.stdout)
    soak = subprocess.run(
        [sys.executable, str(HERE / "soak.py"), "--photos", "30", "--minutes", "0.2"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    assert "photos: 30 " in soak.stdout and "RSS slope" in soak.stdout, soak.stdout + soak.stderr
    print(soak.stdout)


def run_map() -> None:
    """``map_pan`` on 2,000 marks: ten pan frames at two zoom levels, then 48 wheel steps."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    args = ["--marks", "2000", "--frames", "10", "--zooms", "3,9"]
    done = subprocess.run(
        [sys.executable, str(HERE / "map_pan.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "2,000 marks placed" in done.stdout and "all 68 frames" in done.stdout, (
        done.stdout + done.stderr[-2000:]
    )
    print(done.stdout)


def run_cli(tree: Path) -> None:
    """``bench_cli`` for one round: its four rows (cold, warm, exiftool, exiv2) and commands."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert bench_cli.main([str(tree), "--repeat", "1"]) == 0
    text = out.getvalue()
    for label in ("dateline cold", "dateline warm", "exiftool -json", "exiv2 -q -pa", "commands"):
        assert label in text, text
    print(text)


def main() -> int:
    start = time.perf_counter()
    root = Path(tempfile.mkdtemp(prefix="dateline-bench-smoke-"))
    try:
        tree, big = build_tree(root)
        meta = bench_metadata.run(tree, repeat=1, exiftool_repeat=1)
        assert all(row["files"] == 36 for row in meta), meta
        names = {row["name"] for row in meta}
        assert {"dateline cold (new catalog)", "dateline warm (catalog)"} <= names, names
        print(bench_metadata.table(meta))
        thumbs = bench_thumbnails.run(big, repeat=1)
        assert {"dateline app", "dateline cli"} <= {row["name"] for row in thumbs}, thumbs
        assert all(row["made"] == len(big) for row in thumbs), thumbs
        print(bench_thumbnails.table(thumbs))
        run_cli(tree)
        run_gui(tree, 36)
        run_map()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"bench smoke run: ok in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
