# SPDX-License-Identifier: GPL-3.0-or-later
"""Worker processes read a folder exactly as the scan does in its own process."""

from __future__ import annotations

import datetime as dt
import os
import warnings
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from gallery_app.core.folders import pool as pool_module
from gallery_app.core.folders import scan as folder_scan
from gallery_app.core.folders.pool import ReaderPool
from gallery_app.core.folders.scan import scan_folder
from gallery_app.core.store.catalog import Catalog
from gallery_app.core.store.rows import decode_metadata
from tests.unit.photo_files import make_tagged_jpeg

DAY = dt.datetime(2015, 3, 30, 9, 0)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "shoot"
    for n in range(60):
        taken = DAY + dt.timedelta(hours=n) if n % 7 else None
        make_tagged_jpeg(root / f"d{n % 3}" / f"p{n:02d}.jpg", taken=taken, caption=f"Photo {n}")
    (root / "d1" / "broken.jpg").write_bytes(b"\xff\xd8 not a photo")
    return root


def test_worker_processes_give_the_same_gallery_and_catalog_rows(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = scan_folder(folder)
    monkeypatch.setattr(folder_scan, "MIN_FILES", 10)  # this folder goes to the pool
    workers = ReaderPool(workers=2)
    catalog = Catalog(tmp_path / "catalog.sqlite")
    try:
        batches: list[int] = []
        pooled = scan_folder(
            folder, catalog, pool=workers, on_batch=lambda b: batches.append(len(b))
        )
        rows = catalog.rows_under(folder)
    finally:
        workers.close()
        catalog.close()
    assert pooled == alone
    assert sum(batches) == len(alone.entries) == 61
    broken = next(e for e in pooled.entries if e.id.endswith("broken.jpg"))
    assert broken.warnings  # the bad file says what is wrong, the others load
    # The rows the workers sent are stored as they came, ready for the next scan.
    assert len(rows) == 61
    assert all(decode_metadata(data) is not None for _size, _mtime, _sidecar, data in rows.values())


def test_a_worker_that_dies_costs_only_the_file_that_killed_it(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(folder.rglob("*.jpg"))[:5]
    workers = ReaderPool(workers=1)
    real_submit = ReaderPool._submit
    calls = iter(range(1000))

    def first_chunk_breaks(
        self: ReaderPool, work: object, chunk: list[str], args: tuple[object, ...]
    ) -> object:
        future = real_submit(self, work, chunk, args)  # type: ignore[arg-type]
        if next(calls) == 0:
            broken: Future[object] = Future()
            broken.set_exception(BrokenProcessPool("a worker died"))
            future.cancel()
            return broken
        return future

    monkeypatch.setattr(ReaderPool, "_submit", first_chunk_breaks)
    try:
        rows = list(workers.read(files))
    finally:
        workers.close()
    assert [path for path, _row in rows] == files
    assert all(decode_metadata(row) is not None for _path, row in rows)
    assert pool_module.default_workers() >= 1


def test_the_window_s_readers_yield_the_cpu_and_the_cli_s_do_not() -> None:
    """The app's pool runs its processes at a lower priority, so a scan on a busy machine
    does not take the CPU from the window; a pool with no niceness keeps the usual one."""
    own = os.nice(0)
    for niceness, expected in ((5, min(own + 5, 19)), (0, own)):
        pool = ReaderPool(1, niceness=niceness)
        try:
            assert pool._pool().submit(os.nice, 0).result(timeout=60) == expected
        finally:
            pool.close()


def test_a_library_warning_in_a_reader_process_does_not_reach_the_terminal(
    capfd: pytest.CaptureFixture[str],
) -> None:
    """Pillow warns about damaged tags in files it still reads; the user's terminal
    must not fill with them while a folder is listed."""
    pool = ReaderPool(1)
    try:
        pool._pool().submit(warnings.warn, "Tag data larger than file").result(timeout=60)
    finally:
        pool.close()
    assert "Tag data larger than file" not in capfd.readouterr().err
