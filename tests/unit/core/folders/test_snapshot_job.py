# SPDX-License-Identifier: GPL-3.0-or-later
"""The snapshot a reader process writes from the catalog is the one the scan would have written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gallery_app.core.folders.pool import ReaderPool
from gallery_app.core.folders.scan import scan_folder
from gallery_app.core.folders.snapshot_job import store_snapshot
from gallery_app.core.store import snapshot
from gallery_app.core.store.catalog import Catalog
from tests.unit.photo_files import make_tagged_jpeg

DAY = dt.datetime(2015, 3, 30, 9, 0)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(snapshot, "MIN_ENTRIES", 3)
    root = tmp_path / "trip"
    for n in range(6):
        taken = DAY + dt.timedelta(hours=5 - n) if n != 2 else None
        make_tagged_jpeg(root / f"d{n % 2}" / f"p{n}.jpg", taken=taken, caption=f"Photo {n}")
    return root


def test_the_snapshot_from_the_catalog_equals_the_scanned_gallery(folder: Path) -> None:
    catalog = Catalog()
    gallery = scan_folder(folder, catalog)
    files = [str(e.image) for e in gallery.entries]
    assert store_snapshot(
        str(folder.absolute()), gallery.title, gallery.id, files, str(catalog.path)
    )
    assert snapshot.load_snapshot(folder) == gallery


def test_a_file_the_catalog_lacks_means_no_snapshot(folder: Path) -> None:
    catalog = Catalog()
    gallery = scan_folder(folder, catalog)
    catalog.forget([str(gallery.entries[0].image)])
    files = [str(e.image) for e in gallery.entries]
    assert not store_snapshot(str(folder), gallery.title, gallery.id, files, str(catalog.path))
    assert snapshot.load_snapshot(folder) is None


def test_a_reader_process_writes_it(folder: Path) -> None:
    catalog = Catalog()
    gallery = scan_folder(folder, catalog)
    files = [str(e.image) for e in gallery.entries]
    pool = ReaderPool(1)
    try:
        args = (str(folder.absolute()), gallery.title, gallery.id, files, str(catalog.path))
        future = pool.offer(store_snapshot, *args)
        assert future is not None
        assert future.result(timeout=120) is True
    finally:
        pool.close()
    assert snapshot.load_snapshot(folder) == gallery
